"""`fazhi review` as a user runs it: JSON contract, Chinese report, inputs and failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _cli import NORMATIVE, cli_process, fazhi, need_shared

CATEGORIES = {"licensing", "penalty", "coercion", "fee", "rights_obligations", "competition",
              "citation", "validity", "form", "procedure"}
DOCUMENT_KEYS = {"title", "doc_number", "issuer", "issued", "effective", "expires", "articles",
                 "chars"}


def body(tmp_path: Path, name: str) -> Path:
    need_shared()
    raw = (NORMATIVE / name).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(raw.split("----- BODY -----\n", 1)[1], encoding="utf-8")
    return path


def test_json_contract_on_the_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What shared/tools/check-review-contract checks, for every corpus document."""
    need_shared()
    for source in sorted(NORMATIVE.glob("*.txt")):
        path = body(tmp_path, source.name)
        code, text, _ = fazhi(capsys, "text", str(path))
        assert code == 0
        if not path.read_text(encoding="utf-8").endswith("\n"):
            text = text[:-1]  # `fazhi text` ends its output with a line break
        code, out, _ = fazhi(capsys, "review", str(path), "--json", "--as-of", "2026-11-01")
        assert code == 0
        data = json.loads(out)
        assert data["schema"] == 1
        assert set(data["document"]) >= DOCUMENT_KEYS
        assert data["document"]["chars"] == len(text)
        for c in data["citations"]:
            assert text[c["start"]:c["end"]] == c["quote"]
        for f in data["findings"]:
            assert f["category"] in CATEGORIES
            assert f["severity"] in {"error", "warning", "info"}
            assert f["rule"] and isinstance(f["basis"], list) and f["suggestion"]
            assert text[f["start"]:f["end"]] == f["quote"]


def test_human_report_groups_findings_in_chinese(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = body(tmp_path, "005.txt")
    code, out, _ = fazhi(capsys, "review", str(path), "--as-of", "2026-11-01")
    assert code == 0
    assert out.startswith("文件：七宝镇限额以下小型建设工程管理的实施意见\n")
    assert "■ 行政许可" in out and "■ 公平竞争" in out and "■ 施行与有效期" in out
    # The quoted clause is shown in its context, marked with 【】.
    assert "【核发小型建设工程施工许可证】" in out
    assert "依据：《中华人民共和国建筑法》第七条" in out
    # Categories follow the fixed order, each once.
    order = [line for line in out.splitlines() if line.startswith("■ ")]
    assert len(order) == len(set(order))
    assert order.index("■ 行政许可") < order.index("■ 公平竞争") < order.index("■ 施行与有效期")


def test_as_of_moves_the_validity_checks(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = body(tmp_path, "016.txt")  # 自2025年11月1日起施行，有效期2年
    _, before, _ = fazhi(capsys, "review", str(path), "--json", "--as-of", "2026-01-01")
    _, after, _ = fazhi(capsys, "review", str(path), "--json", "--as-of", "2028-01-01")
    rules_before = {f["rule"] for f in json.loads(before)["findings"]}
    rules_after = {f["rule"] for f in json.loads(after)["findings"]}
    assert "validity.expired" not in rules_before
    assert "validity.expired" in rules_after
    assert json.loads(after)["as_of"] == "2028-01-01"


def test_document_date_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("某区管理办法\n\n第一条 本办法自2020年1月1日起施行。\n", encoding="utf-8")
    _, out, _ = fazhi(capsys, "review", str(path), "--json", "--date", "2021-06-01")
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert "validity.retroactive" in rules
    bad = cli_process("review", str(path), "--as-of", "2026-13-01")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr.decode()


def test_plain_text_from_stdin() -> None:
    result = cli_process("review", "-", "--json", stdin="对擅自占道经营的处五千元罚款".encode("gb18030"))
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["document"]["title"] is None
    assert any("纯文本" in n for n in data["notes"])
    rules = {f["rule"] for f in data["findings"]}
    assert {"form.plain-text", "penalty.fine"} <= rules


def test_docx_offsets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某区餐饮管理办法")
    document.add_paragraph("第一条 对未办理登记的商户，由街道办事处查封其经营场所。")
    path = tmp_path / "办法.docx"
    document.save(str(path))
    _, text, _ = fazhi(capsys, "text", str(path))
    _, out, _ = fazhi(capsys, "review", str(path), "--json")
    findings = json.loads(out)["findings"]
    seal = [f for f in findings if f["category"] == "coercion"]
    assert seal and seal[0]["quote"] == "查封" and seal[0]["severity"] == "error"
    for f in findings:
        assert text[f["start"]:f["end"]] == f["quote"]


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("empty.txt", b"", "输入为空"),
        ("binary.bin", bytes(range(256)) * 50, "二进制"),
        ("fake.docx", "不是压缩包".encode(), "不是有效的 DOCX"),
    ],
)
def test_bad_inputs_fail_cleanly(tmp_path: Path, name: str, payload: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(payload)
    result = cli_process("review", str(path))
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert err.startswith("fazhi: ") and message in err
    assert "Traceback" not in err


def test_missing_file() -> None:
    result = cli_process("review", "/nonexistent/x.txt", "--json")
    assert result.returncode == 2
    assert "找不到文件" in result.stderr.decode()
    assert result.stdout == b""
