"""`fazhi text`, `fazhi cite` and `fazhi laws` as a user runs them."""

from __future__ import annotations

import argparse
import io
import json
import zipfile
from pathlib import Path

import pytest
from _cli import NORMATIVE, SHARED, cli_process, fazhi, need_shared

from fazhi.cli import CommandFailed

SEED = SHARED / "seed" / "000_941c10f9f08c4ec0.txt"
STATUSES = {"current", "amended_since", "abolished", "not_yet_effective", "expired",
            "unknown_article", "unknown"}


def test_contract_on_the_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What shared/tools/check-review-contract checks for `fazhi text` and `fazhi cite`."""
    need_shared()
    for source in sorted(NORMATIVE.glob("*.txt")):
        body = source.read_text(encoding="utf-8").split("----- BODY -----\n", 1)[1]
        path = tmp_path / source.name
        path.write_text(body, encoding="utf-8")
        code, text, _ = fazhi(capsys, "text", str(path))
        assert code == 0
        if text.endswith("\n") and not body.endswith("\n"):
            text = text[:-1]
        code, out, _ = fazhi(capsys, "cite", str(path), "--json")
        assert code == 0
        data = json.loads(out)
        assert data["schema"] == 1
        for c in data["citations"]:
            assert {"start", "end", "quote", "law", "law_level", "article", "status",
                    "successor", "message"} <= set(c)
            assert c["status"] in STATUSES
            assert 0 <= c["start"] <= c["end"] <= len(text)
            assert text[c["start"]:c["end"]] == c["quote"], source.name


def test_cite_json_on_seed_with_as_of(capsys: pytest.CaptureFixture[str]) -> None:
    need_shared()
    code, out, _ = fazhi(capsys, "cite", str(SEED), "--json", "--as-of", "2022-01-01")
    assert code == 0
    data = json.loads(out)
    assert data["as_of"] == "2022-01-01"
    laws = {c["law"]: c["status"] for c in data["citations"]}
    assert laws["中华人民共和国民法典"] == "current"
    assert laws["中华人民共和国统计法"] == "current"


def test_human_output_is_chinese_and_ordered(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("依据《中华人民共和国合同法》第五十二条。\n根据《政府信息公开条例》第三十三条。\n"
                    "\n某某局\n2020年5月6日\n", encoding="utf-8")
    code, out, _ = fazhi(capsys, "cite", str(path), "--as-of", "2026-11-27")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "文件日期：2020-05-06（由落款日期推断）；核对日期：2026-11-27"
    assert lines[2].startswith("第1行第3字  《中华人民共和国合同法》第五十二条  [已废止]")
    assert "由《民法典》第一千二百六十条废止" in lines[2]
    assert lines[3].startswith("第2行第3字  《政府信息公开条例》第三十三条  [现行有效]")


def test_document_date_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("根据《中华人民共和国安全生产法》第二十条。", encoding="utf-8")
    _, out, _ = fazhi(capsys, "cite", str(path), "--json", "--date", "2020-01-01")
    (c,) = json.loads(out)["citations"]
    assert c["status"] == "amended_since" and c["document_date"] == "2020-01-01"
    bad_date = cli_process("cite", str(path), "--date", "2020-13-01")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr.decode()


def test_text_offsets_match_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("关于执行《行政许可法》的通知")
    document.add_paragraph("依据《中华人民共和国行政处罚法》第十六条，不得设定行政处罚。")
    path = tmp_path / "通知.docx"
    document.save(str(path))
    _, text, _ = fazhi(capsys, "text", str(path))
    _, out, _ = fazhi(capsys, "cite", str(path), "--json")
    citations = json.loads(out)["citations"]
    assert [c["quote"] for c in citations] == ["《行政许可法》", "《中华人民共和国行政处罚法》第十六条"]
    for c in citations:
        assert text[c["start"]:c["end"]] == c["quote"]


def test_stdin_and_gb18030(capsys: pytest.CaptureFixture[str]) -> None:
    result = cli_process("cite", "-", "--json", stdin="依据《合同法》。".encode("gb18030"))
    assert result.returncode == 0, result.stderr.decode()
    (c,) = json.loads(result.stdout)["citations"]
    assert c["status"] == "abolished" and c["successor"] == "中华人民共和国民法典"
    text = cli_process("text", "-", stdin="第一行\r\n第二行".encode())
    assert text.stdout.decode() == "第一行\n第二行\n"


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b"a" * (40 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("empty.txt", b"", "输入为空"),
        ("binary.bin", bytes(range(256)) * 50, "二进制"),
        ("fake.docx", "不是压缩包".encode(), "不是有效的 DOCX"),
        ("noise.txt", bytes([0x81, 0x30, 0xFF, 0xFE, 0x80]) * 900, "编码"),
        ("bomb.docx", None, "压缩"),
    ],
)
def test_bad_inputs_fail_cleanly(tmp_path: Path, name: str, payload: bytes | None,
                                 message: str) -> None:
    path = tmp_path / name
    path.write_bytes(_zip_bomb() if payload is None else payload)
    for command in ("text", "cite"):
        result = cli_process(command, str(path))
        err = result.stderr.decode()
        assert result.returncode == 2, err
        assert err.startswith("fazhi: ") and message in err
        assert "Traceback" not in err


def test_missing_file() -> None:
    result = cli_process("cite", "/nonexistent/x.txt")
    assert result.returncode == 2
    assert "找不到文件" in result.stderr.decode()


def test_unbalanced_brackets_and_huge_text(tmp_path: Path) -> None:
    line = "依据《行政许可法》第十七条，《未闭合的书名号 以及 第十二条至 " * 4 + "\n"
    path = tmp_path / "big.txt"
    path.write_text(line * (10 * 1024 * 1024 // len(line.encode())), encoding="utf-8")
    assert path.stat().st_size > 9 * 1024 * 1024
    result = cli_process("cite", str(path), "--json")
    assert result.returncode == 0, result.stderr.decode()[-500:]
    data = json.loads(result.stdout)
    assert len(data["citations"]) > 10000
    assert {c["status"] for c in data["citations"]} == {"current"}


def _laws_parser() -> argparse.ArgumentParser:
    from fazhi.cli import laws

    parser = argparse.ArgumentParser(prog="fazhi")
    laws.register(parser.add_subparsers(dest="command", required=True))
    return parser


def test_laws_import_prints_what_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "Laws" / "行政法"
    root.mkdir(parents=True)
    (root / "示范法(2020-01-10).md").write_text(
        "# 中华人民共和国示范法\n\n2020年1月10日 通过\n\n<!-- INFO END -->\n\n"
        "第一条 为了示范，制定本法。\n\n第二条 本法自2020年3月1日起施行。《旧示范条例》同时废止。\n",
        encoding="utf-8",
    )
    out = tmp_path / "catalog.json"
    args = _laws_parser().parse_args(["laws", "import", "lawrefbook", str(root.parent),
                                      "--out", str(out)])
    assert args.handler(args) == 0
    first = capsys.readouterr().out
    assert "新增 2 部，更新 0 部" in first and "示范法" in first
    assert args.handler(args) == 0
    assert "新增 0 部，更新 0 部，未变 2 部" in capsys.readouterr().out
    bad = _laws_parser().parse_args(["laws", "import", "lawrefbook", str(tmp_path / "none")])
    with pytest.raises(CommandFailed, match="找不到数据目录"):
        bad.handler(bad)


def test_laws_show(capsys: pytest.CaptureFixture[str]) -> None:
    args = _laws_parser().parse_args(["laws", "show", "合同法"])
    assert args.handler(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("中华人民共和国合同法（法律")
    assert "已废止：2021-01-01 民法典第一千二百六十条" in out
