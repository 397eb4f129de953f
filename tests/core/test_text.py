"""Text extraction: encodings, DOCX/PDF, normalisation, and hostile inputs."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from fazhi.core.text import (
    MAX_TEXT_BYTES,
    ExtractionError,
    extract_bytes,
    extract_text,
    normalize_text,
)

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seed" / "000_941c10f9f08c4ec0.txt"
NORMATIVE = SHARED / "corpus" / "normative"


def need_shared() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"shared reference folder absent: {SHARED.resolve()}")


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(document_xml: str | bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def test_seed_drops_word_bookmark_artefact() -> None:
    need_shared()
    raw = SEED.read_text(encoding="utf-8")
    assert "[bookmark: _GoBack]" in raw
    text = extract_text(SEED)
    assert "[bookmark" not in text
    assert text.startswith("重庆市沙坪坝区科学技术局")
    assert "2021年，区科技局深入贯彻" in text


def test_gb18030_and_utf8_give_the_same_text(tmp_path: Path) -> None:
    need_shared()
    body = (NORMATIVE / "011.txt").read_text(encoding="utf-8")
    utf8 = tmp_path / "a.txt"
    gbk = tmp_path / "b.txt"
    bom = tmp_path / "c.txt"
    utf8.write_bytes(body.encode("utf-8"))
    gbk.write_bytes(body.encode("gb18030"))
    bom.write_bytes(b"\xef\xbb\xbf" + body.replace("\n", "\r\n").encode("utf-8"))
    assert extract_text(utf8) == extract_text(gbk) == extract_text(bom) == body


def test_normalisation_keeps_length_of_width_folding() -> None:
    text = "依据《行政许可法》第１７条，ＡＢ\u00a0c\u200b。"
    out = normalize_text(text)
    assert out == "依据《行政许可法》第17条，AB c。"
    # Full-width punctuation is ordinary Chinese and stays.
    assert "《" in out and "，" in out


def test_kangxi_radicals_from_pdf_layers_become_ideographs() -> None:
    assert normalize_text("第\u2f00条") == "第一条"


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("关于印发《某某办法》的通知")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "依据《行政许可法》第十七条"
    table.cell(0, 1).text = "单元格二"
    document.add_paragraph("2020年6月1日")
    path = tmp_path / "doc.docx"
    document.save(str(path))
    text = extract_text(path)
    lines = [line for line in text.split("\n") if line]
    assert lines == ["关于印发《某某办法》的通知", "依据《行政许可法》第十七条", "单元格二",
                     "2020年6月1日"]


def test_docx_runs_tabs_and_breaks() -> None:
    xml = (f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>第一</w:t></w:r>'
           '<w:r><w:tab/><w:t>条</w:t><w:br/><w:t>二</w:t></w:r></w:p></w:body></w:document>')
    assert extract_bytes(make_docx(xml), "x.docx") == "第一\t条\n二"


def test_docx_that_is_not_a_zip() -> None:
    with pytest.raises(ExtractionError, match="不是有效的 DOCX"):
        extract_bytes("这其实是文本".encode(), "伪装.docx")


def test_docx_xml_entities_are_refused() -> None:
    billion_laughs = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body>'
        "</w:document>"
    )
    with pytest.raises(ExtractionError, match="实体"):
        extract_bytes(make_docx(billion_laughs), "bomb.docx")
    external = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body>'
        "</w:document>"
    )
    with pytest.raises(ExtractionError):
        extract_bytes(make_docx(external), "xxe.docx")


def test_zip_bomb_is_refused_without_inflating() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (60 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 200 * 1024
    with pytest.raises(ExtractionError, match=r"压缩|过大"):
        extract_bytes(data, "bomb.docx")


def test_zip_with_lying_size_header_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    import fazhi.core.text as text_module

    monkeypatch.setattr(text_module, "MAX_DOCX_XML_BYTES", 1000)
    xml = f'<w:document xmlns:w="{W}"><w:body>' + "<w:p/>" * 400 + "</w:body></w:document>"
    with pytest.raises(ExtractionError, match="过大"):
        extract_bytes(make_docx(xml), "big.docx")


def test_corrupt_docx_member() -> None:
    data = bytearray(make_docx(f'<w:document xmlns:w="{W}"><w:body/></w:document>' * 50))
    # Damage the compressed stream of document.xml.
    offset = data.find(b"word/document.xml") + len("word/document.xml")
    for i in range(offset + 10, offset + 40):
        data[i] ^= 0xFF
    with pytest.raises(ExtractionError):
        extract_bytes(bytes(data), "bad.docx")


def test_binary_empty_and_unknown_encodings() -> None:
    with pytest.raises(ExtractionError, match="二进制"):
        extract_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 20, "a.out")
    with pytest.raises(ExtractionError, match="为空"):
        extract_bytes(b"", "empty.txt")
    import random

    rng = random.Random(7)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(4000))
    with pytest.raises(ExtractionError):
        extract_bytes(noise, "noise.txt")
    with pytest.raises(ExtractionError, match=r"\.doc"):
        extract_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 100, "old.doc")


def test_too_large_text_is_refused_before_decoding() -> None:
    with pytest.raises(ExtractionError, match="超出处理上限"):
        extract_bytes(b"a" * (MAX_TEXT_BYTES + 1), "big.txt")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="找不到文件"):
        extract_text(tmp_path / "nope.txt")
    with pytest.raises(ExtractionError, match="目录"):
        extract_text(tmp_path)


def _pdf_with_text(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (ASCII, Helvetica)."""
    content = "BT /F1 12 Tf 72 720 Td " + " ".join(f"({line}) Tj 0 -16 Td" for line in lines)
    content += " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_text_layer() -> None:
    text = extract_bytes(_pdf_with_text(["Article 12", "Rule of law"]), "a.pdf")
    assert "Article 12" in text and "Rule of law" in text


def test_pdf_without_text_layer_and_broken_pdf() -> None:
    with pytest.raises(ExtractionError, match="文字层"):
        extract_bytes(_pdf_with_text([]), "scan.pdf")
    with pytest.raises(ExtractionError, match="PDF"):
        extract_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100, "broken.pdf")
