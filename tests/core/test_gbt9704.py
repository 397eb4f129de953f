"""The 公文 DOCX carries the GB/T 9704-2012 page, grid, fonts and parts."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from fazhi.core.gbt9704 import OfficialDocument, Section, build, chinese_date

LETTER = OfficialDocument(
    title="关于《重庆市沙坪坝区科技创新券管理办法（征求意见稿）》的\n合法性审核意见",
    addressee="区科技局办公室",
    opening=["你室报送的文件草案收悉。经审核，提出如下意见。"],
    sections=[Section("一、审核结论", ["修改后合法。"]), Section("（一）设定许可的条款", ["第五条……"], level=2)],
    attachments=["预审发现清单", "引用法规核对表"],
    issuer="重庆市沙坪坝区科学技术局",
    date=date(2021, 3, 5),
    note="联系人：李法审",
)


def reopened() -> Document:
    return Document(BytesIO(build(LETTER)))


def test_page_is_a4_with_the_standard_margins():
    section = reopened().sections[0]
    def close(a, b):  # Word stores twips; EMU round trips differ by a fraction of a mm
        return abs(a - b) < Mm(0.1)

    assert close(section.page_width, Mm(210)) and close(section.page_height, Mm(297))
    assert close(section.top_margin, Mm(37)) and close(section.left_margin, Mm(28))
    # 版心 156 × 225 mm
    assert abs((section.page_width - section.left_margin - section.right_margin) - Mm(156)) < Mm(0.1)
    assert abs((section.page_height - section.top_margin - section.bottom_margin) - Mm(225)) < Mm(0.1)


def test_body_is_sanhao_fangsong_on_a_22_line_grid():
    doc = reopened()
    normal = doc.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert normal.paragraph_format.line_spacing == Pt(28.95)
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"


def test_parts_appear_in_order_with_their_fonts():
    paragraphs = [p for p in reopened().paragraphs if p.text]
    texts = [p.text for p in paragraphs]
    assert texts[0].startswith("关于《重庆市沙坪坝区") and texts[1] == "合法性审核意见"
    title_font = paragraphs[0].runs[0]._element.rPr.rFonts.get(qn("w:eastAsia"))
    assert title_font == "方正小标宋简体" and paragraphs[0].runs[0].font.size == Pt(22)
    assert texts[2] == "区科技局办公室："
    heading = next(p for p in paragraphs if p.text == "一、审核结论")
    assert heading.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert "附件：1．预审发现清单" in texts and "　　　2．引用法规核对表" in texts
    assert texts[-3:] == ["重庆市沙坪坝区科学技术局", "2021年3月5日", "（联系人：李法审）"]


def test_the_footer_numbers_pages_with_dashes():
    footer = reopened().sections[0].footer.paragraphs[0]
    assert footer.text.startswith("— ") and footer.text.endswith(" —")
    assert "PAGE" in footer._element.xml


def test_dates_are_written_without_padding():
    assert chinese_date(date(2026, 1, 9)) == "2026年1月9日"


def test_a_rendered_page_holds_22_lines_of_28_characters(tmp_path):
    """Rendered by LibreOffice (as on a department's machine), counted with pdftotext."""
    import dataclasses
    import shutil
    import subprocess

    import pytest

    if not (shutil.which("soffice") and shutil.which("pdftotext")):
        pytest.skip("LibreOffice and poppler-utils are needed (make test installs them)")
    paragraph = "本段用于检验版面，每行应排二十八个汉字，每面排二十二行，方符合国家标准。" * 8
    long = dataclasses.replace(LETTER, sections=[Section("一、版面", [paragraph] * 6)])
    (tmp_path / "letter.docx").write_bytes(build(long))
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "letter.docx")],
        check=True, capture_output=True, timeout=180,
    )
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "letter.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    second_page = text.split("\f")[1]
    lines = [line.strip() for line in second_page.splitlines() if line.strip()]
    body = [line for line in lines if not line.startswith("—")]
    assert len(body) == 22
    assert max(len(line) for line in body) == 28
