"""The bundled law catalog, the curated file, and the LawRefBook importer."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from fazhi.core.catalog import (
    Catalog,
    default_catalog,
    load_catalog,
    normalize_title,
    statute_articles,
)
from fazhi.core.catalog.builder import build_bundled_catalog, import_into
from fazhi.core.catalog.lawrefbook import import_lawrefbook, licence_names, parse_markdown
from fazhi.core.catalog.models import STATUS_ABOLISHED, STATUS_CURRENT
from fazhi.core.catalog.store import ARTICLES_JSON, BUNDLED_JSON, CURATED_TOML, read_catalog_file

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
LRB = SHARED / "lawrefbook"


def need_lrb() -> Path:
    if not LRB.is_dir():
        pytest.skip(f"LawRefBook snapshot absent: {LRB.resolve()}")
    return LRB


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(user=False)


def test_bundled_catalog_loads_and_stays_small(catalog: Catalog) -> None:
    # Load time and memory are measured in bench/citations.py.
    again = load_catalog(user=False)
    assert len(again) == len(catalog) > 3000
    assert BUNDLED_JSON.stat().st_size < 6 * 1024 * 1024


def test_civil_code_abolished_nine_laws(catalog: Catalog) -> None:
    nine = ["婚姻法", "继承法", "民法通则", "收养法", "担保法", "合同法", "物权法", "侵权责任法",
            "民法总则"]
    for name in nine:
        (law,) = catalog.lookup(name)
        event = law.end_event(date(2026, 1, 1))
        assert event is not None, name
        assert event.status == STATUS_ABOLISHED
        assert event.date == date(2021, 1, 1)
        assert event.successor == "民法典"
        assert event.provision == "第一千二百六十条"
        assert "民法典/附则.md" in event.source
        assert law.status_on(date(2020, 12, 31)) == STATUS_CURRENT
        assert law.status_on(date(2021, 1, 1)) == STATUS_ABOLISHED
        assert law.title == f"中华人民共和国{name}"


@pytest.mark.parametrize(
    ("old", "successor", "day"),
    [
        ("行政监察法", "监察法", date(2018, 3, 20)),
        ("中外合资经营企业法", "外商投资法", date(2020, 1, 1)),
        ("外资企业法", "外商投资法", date(2020, 1, 1)),
        ("中外合作经营企业法", "外商投资法", date(2020, 1, 1)),
        ("法规规章备案条例", "法规规章备案审查条例", date(2024, 11, 1)),
    ],
)
def test_abolitions_read_from_final_provisions(catalog: Catalog, old: str, successor: str,
                                                day: date) -> None:
    (law,) = catalog.lookup(old)
    event = law.end_event(date(2026, 1, 1), verified_only=True)
    assert event is not None
    assert (event.successor, event.date) == (successor, day)


def test_curated_replacements_are_marked_unverified(catalog: Catalog) -> None:
    law = catalog.by_doc_number("国发〔2000〕23号")
    assert law is not None and law.id == "国家行政机关公文处理办法"
    event = law.end_event(date(2026, 1, 1))
    assert event is not None and event.successor == "党政机关公文处理工作条例"
    assert not event.verified
    assert law.end_event(date(2026, 1, 1), verified_only=True) is None
    assert law.status_on(date(2026, 1, 1)) == "已废止"


def test_amended_versions_supersede(catalog: Catalog) -> None:
    (law,) = catalog.lookup("行政复议法")
    old = law.version_on(date(2020, 1, 1))
    new = law.version_on(date(2024, 6, 1))
    assert old is not None and new is not None
    assert old.published == date(2017, 9, 1)
    assert new.published == date(2023, 9, 1) and new.effective == date(2024, 1, 1)
    assert law.versions_started_between(date(2020, 1, 1), date(2024, 6, 1)) == [new]
    assert law.version_status(old, date(2023, 12, 31)) == "现行有效"
    assert law.version_status(old, date(2024, 1, 1)) == "已被修改"
    assert law.version_status(new, date(2023, 12, 31)) == "尚未生效"
    assert old.articles and new.articles  # curated laws ship texts of both versions


def test_regulation_with_its_dates(catalog: Catalog) -> None:
    (law,) = catalog.lookup("中华人民共和国政府信息公开条例")
    assert law.level == "行政法规" and law.issuer == "国务院"
    current = law.version_on(date(2026, 1, 1))
    assert current is not None
    assert current.published == date(2019, 4, 3)
    assert current.effective == date(2019, 5, 15)
    assert current.has_article("33") and not current.has_article("57")
    assert "第三十三条" not in current.articles["33"]  # the text, without its number
    # The 2007 text is known from the history lines, without a text of its own.
    assert law.versions[0].published == date(2007, 4, 5)


def test_every_law_carries_a_source(catalog: Catalog) -> None:
    missing = [
        law.id for law in catalog
        if not (law.sources or any(v.source for v in law.versions)
                or any(e.source for e in law.events))
    ]
    assert missing == []
    unverified_dates = [v for law in catalog for v in law.versions
                        if v.effective is None and v.effective_basis != "unverified"]
    assert unverified_dates == []


def test_aliases_and_ambiguity(catalog: Catalog) -> None:
    assert [law.id for law in catalog.lookup("许可法")] == ["行政许可法"]
    assert {law.id for law in catalog.lookup("处罚法")} == {"行政处罚法", "治安管理处罚法"}
    assert [law.id for law in catalog.lookup("招 投 标 法")] == ["招标投标法"]
    assert normalize_title("中华人民共和国 行政许可法") == "行政许可法"


def test_curated_file_has_sources_for_each_entry() -> None:
    import tomllib

    data = tomllib.loads(CURATED_TOML.read_text(encoding="utf-8"))
    for item in data["law"]:
        assert item.get("sources"), item["id"]
        for event in item.get("event", []):
            assert event.get("source"), item["id"]


def test_parse_markdown_articles() -> None:
    root = need_lrb()
    parsed = parse_markdown(root / "行政法" / "行政许可法(2019-04-23).md", root)
    assert parsed is not None
    assert parsed.title == "中华人民共和国行政许可法"
    assert parsed.published == date(2019, 4, 23)
    assert len(parsed.articles) == 83
    assert parsed.articles["17"].startswith("除本法第十四条、第十五条规定的外")
    assert [d.year for d, _ in parsed.history] == [2003, 2019]


def test_bundled_data_is_reproducible(tmp_path: Path) -> None:
    root = need_lrb()
    out, articles = tmp_path / "lawrefbook.json", tmp_path / "articles.json.gz"
    build_bundled_catalog(root, out, articles)
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(
        BUNDLED_JSON.read_text(encoding="utf-8"))
    assert articles.read_bytes() == ARTICLES_JSON.read_bytes()


def test_statute_articles_hold_the_newest_text_of_laws_and_regulations() -> None:
    texts = statute_articles()
    published, articles = texts["城市道路管理条例"]
    assert published == date(2019, 3, 24)
    assert "城市道路占用费" in articles["37"]
    assert "行政许可法" in texts and "行政处罚法" in texts
    # Only laws and administrative regulations: no ministry rules, no local regulations.
    catalog = default_catalog()
    assert {catalog.get(law_id).level for law_id in texts} <= {"法律", "行政法规"}


def _mini_tree(tmp_path: Path) -> Path:
    root = tmp_path / "laws"
    (root / "测试").mkdir(parents=True)
    (root / "测试" / "示范法(2020-01-10).md").write_text(
        "# 中华人民共和国示范法\n\n2020年1月10日 第十三届全国人民代表大会常务委员会第十五次会议通过\n\n"
        "<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了示范，制定本法。\n\n"
        "第二条 本法自2020年3月1日起施行。《中华人民共和国旧示范法》同时废止。\n",
        encoding="utf-8",
    )
    con = sqlite3.connect(root / "db.sqlite3")
    con.execute("CREATE TABLE law (id TEXT, level TEXT, name TEXT, filename TEXT, publish DATE,"
                " expired INTEGER, valid_from DATE)")
    con.execute("INSERT INTO law VALUES ('x', '法律', '示范法', NULL, '2020-01-10', 1, '')")
    con.commit()
    con.close()
    return root


def test_importer_infers_abolition_and_ignores_expired_flag(tmp_path: Path) -> None:
    result = import_lawrefbook(_mini_tree(tmp_path))
    law = result.laws["示范法"]
    assert law.versions[-1].effective == date(2020, 3, 1)
    assert law.events == []  # expired=1 in the index is a note, not a status
    assert "未经核实" in law.notes
    old = result.laws["旧示范法"]
    assert old.level == "法律"
    (event,) = old.events
    assert (event.date, event.successor, event.provision) == (date(2020, 3, 1), "示范法", "第二条")


def test_import_is_idempotent_and_reports_changes(tmp_path: Path) -> None:
    root = _mini_tree(tmp_path)
    out = tmp_path / "var" / "catalog.json"
    first = import_into(root, out)
    assert sorted(first.added) == ["旧示范法", "示范法"] and not first.changed
    before = out.read_bytes()
    second = import_into(root, out)
    assert second.added == [] and second.changed == [] and second.unchanged == 2
    assert out.read_bytes() == before
    # A newer version of the same law: the law changes, the old version is superseded.
    (root / "测试" / "示范法(2023-05-01).md").write_text(
        "# 中华人民共和国示范法\n\n2020年1月10日 通过\n\n2023年5月1日 修正\n\n2023年6月1日 施行\n\n"
        "<!-- INFO END -->\n\n第一条 为了示范，制定本法。\n\n第二条 新增条文。\n\n"
        "第三条 本法自2020年3月1日起施行。\n",
        encoding="utf-8",
    )
    third = import_into(root, out)
    assert third.changed == ["示范法"]
    catalog = Catalog(read_catalog_file(out))
    (law,) = catalog.lookup("示范法")
    assert law.status_on(date(2024, 1, 1)) == STATUS_CURRENT
    assert [v.effective for v in law.versions] == [date(2020, 3, 1), date(2023, 6, 1)]
    assert law.versions_started_between(date(2021, 1, 1), date(2024, 1, 1))[0].label == "修正"


def test_user_catalog_layers_on_top(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "user.json"
    import_into(_mini_tree(tmp_path), out)
    monkeypatch.setenv("FAZHI_CATALOG", str(out))
    merged = load_catalog()
    assert merged.lookup("示范法") and merged.lookup("行政许可法")


def test_bad_catalog_file(tmp_path: Path) -> None:
    from fazhi.core.catalog import CatalogError

    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogError, match="无法读取"):
        read_catalog_file(bad)
    bad.write_text(json.dumps({"schema": 99}), encoding="utf-8")
    with pytest.raises(CatalogError, match="schema"):
        read_catalog_file(bad)


def test_import_copy_of_real_files(tmp_path: Path) -> None:
    root = need_lrb()
    copy = tmp_path / "lrb"
    (copy / "宪法相关法").mkdir(parents=True)
    for name in ("立法法(2015-03-15).md", "立法法(2023-03-13).md"):
        shutil.copy(root / "宪法相关法" / name, copy / "宪法相关法" / name)
    shutil.copy(root / "db.sqlite3", copy / "db.sqlite3")
    result = import_lawrefbook(copy)
    law = result.laws["立法法"]
    texted = [v for v in law.versions if v.articles]
    assert [v.published for v in texted] == [date(2015, 3, 15), date(2023, 3, 13)]
    assert len(texted[0].articles) == 105 and len(texted[1].articles) == 120
    # The 2000 original is dated by the amended text's retained 施行 clause.
    assert law.versions[0].published == date(2000, 3, 15)
    assert law.versions[0].effective == date(2000, 7, 1)


def test_a_version_keeps_the_order_that_promulgated_it():
    from fazhi.core.catalog.store import version_from_dict, version_to_dict

    law = load_catalog().get("政府信息公开条例")
    assert law.version_by_doc_number("国务院令第 492 号").published.isoformat() == "2007-04-05"
    assert law.version_by_doc_number("国务院令第711号").effective.isoformat() == "2019-05-15"
    version = law.version_by_doc_number("国务院令第711号")
    assert version_from_dict(version_to_dict(version)).doc_number == "国务院令第711号"


def test_licences_named_by_laws_and_regulations(catalog: Catalog) -> None:
    licences = catalog.licences()
    law, key = licences["排污许可证"]
    assert law.level in ("法律", "行政法规") and law.latest_version().has_article(key)
    assert licences["兽药经营许可证"][0].id == "兽药管理条例"
    # Words naming no particular licence, and phrases that are not names, stay out.
    assert "经营许可证" not in licences and "许可证" not in licences
    assert not [name for name in licences if "的" in name or name.startswith(("取得", "吊销"))]


def test_licence_names_are_read_where_a_text_names_a_thing_held() -> None:
    articles = {"1": "从事兽药经营的，应当取得兽药经营许可证；吊销其相应的许可证。",
                "2": "核发《烟花爆竹经营（零售）许可证》。取得经营许可证后方可营业。"}
    assert licence_names(articles, ["1", "2"]) == {"兽药经营许可证": "1", "烟花爆竹经营（零售）许可证": "2"}
