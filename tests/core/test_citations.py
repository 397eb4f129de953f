"""Citation extraction and resolution, on constructed sentences and on real documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fazhi.core.catalog import Catalog, Law, StatusEvent, Version, load_catalog
from fazhi.core.catalog.models import STATUS_EXPIRED
from fazhi.core.citations import Citation, CitationReport, analyze, extract, infer_document_date
from fazhi.core.numerals import parse_number, to_chinese
from fazhi.core.text import extract_text

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
NORMATIVE = SHARED / "corpus" / "normative"
SEED = SHARED / "seed" / "000_941c10f9f08c4ec0.txt"
AS_OF = date(2026, 11, 27)


def need_shared() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"shared reference folder absent: {SHARED.resolve()}")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(user=False)


def run(text: str, catalog: Catalog, day: date | None = None) -> CitationReport:
    report = analyze(text, catalog, document_date=day, as_of=AS_OF)
    for c in report.citations:
        assert text[c.start:c.end] == c.quote
    return report


def body(name: str) -> str:
    text = extract_text(NORMATIVE / name)
    return text.split("----- BODY -----\n", 1)[1]


def summary(report: CitationReport) -> list[tuple[str | None, str | None, str]]:
    return [(c.law.id if c.law else None, c.article.label() if c.article else None, c.status)
            for c in report.citations]


# --- numerals ---------------------------------------------------------------------------------------------


def test_numerals_agree_with_cn2an() -> None:
    cn2an = pytest.importorskip("cn2an")
    for n in [*range(1, 3001), 10000, 10001, 10010, 12345, 100003]:
        chinese = to_chinese(n)
        assert parse_number(chinese) == n
        assert cn2an.cn2an(chinese, "normal") == n, chinese
    for text in ("两千", "二〇二六", "一千零五十", "十万零三"):
        assert parse_number(text) == cn2an.cn2an(text, "normal")
    assert parse_number("1260") == parse_number("１２６０") == 1260
    assert parse_number("第") is None


# --- extraction -------------------------------------------------------------------------------------------


def test_chinese_and_arabic_article_numbers(catalog: Catalog) -> None:
    text = "依照《民法典》第一千二百六十条和《民法典》第1260条。"
    assert summary(run(text, catalog)) == [("民法典", "第一千二百六十条", "current")] * 2


def test_lists_ranges_clauses_and_items(catalog: Catalog) -> None:
    text = "根据《行政许可法》第十二条第一款第三项、第二款、第十五条以及第二十条至第二十二条的规定。"
    report = run(text, catalog)
    assert [c.article.label() for c in report.citations if c.article] == [
        "第十二条第一款第三项", "第十二条第二款", "第十五条", "第二十条至第二十二条"]
    assert report.citations[0].quote == "《行政许可法》第十二条第一款第三项"
    assert report.citations[3].article is not None
    assert report.citations[3].article.keys() == ["20", "21", "22"]
    assert {c.law.id for c in report.citations if c.law} == {"行政许可法"}


def test_nested_titles_and_brackets(catalog: Catalog) -> None:
    text = ("《关于印发<中华人民共和国合同法>的通知》；《某区关于转发〈某某管理办法〉的通知》；"
            "《 行政 许可法 》第 12 条")
    report = run(text, catalog)
    quotes = [c.quote for c in report.citations]
    assert quotes[0] == "《关于印发<中华人民共和国合同法>的通知》"
    assert "中华人民共和国合同法" in quotes  # the nested law, resolved on its own
    nested = next(c for c in report.citations if c.quote == "中华人民共和国合同法")
    assert nested.status == "abolished"
    assert report.citations[-1].law is not None and report.citations[-1].law.id == "行政许可法"
    assert report.citations[-1].article is not None
    assert report.citations[-1].article.key == "12"


def test_unbalanced_and_non_normative_titles_are_ignored(catalog: Catalog) -> None:
    text = "学习《习近平谈治国理政》，填写《申请表》。《行政许可法第十七条规定，不得设定许可。\n\n《"
    report = run(text, catalog)
    # The unclosed 《 is no title; the law name inside it is still found as a bare name.
    assert [c.quote for c in report.citations] == ["行政许可法第十七条"]


def test_bare_names_need_a_word_boundary(catalog: Catalog) -> None:
    text = "专题学习民法典、统计法、审计法等。根据招投标法等规定。国有公司法人治理；劳动合同法律关系。"
    names = [c.law.id for c in run(text, catalog).citations if c.law]
    assert names == ["民法典", "统计法", "审计法", "招标投标法"]


def test_back_references(catalog: Catalog) -> None:
    text = ("《中华人民共和国行政许可法》第十七条规定：“除本法第十四条、第十五条规定的外，"
            "其他规范性文件一律不得设定行政许可。”该法第七十一条另有规定。"
            "《政府信息公开条例》第十条；同法第五条；上述条例第二十条。本办法自印发之日起施行。")
    report = run(text, catalog)
    got = [(c.quote, c.law.id if c.law else None) for c in report.citations]
    assert got == [
        ("《中华人民共和国行政许可法》第十七条", "行政许可法"),
        ("本法第十四条", "行政许可法"),
        ("第十五条", "行政许可法"),
        ("该法第七十一条", "行政许可法"),
        ("《政府信息公开条例》第十条", "政府信息公开条例"),
        ("同法第五条", "行政许可法"),  # 同法 wants a 法, the nearest is 行政许可法
        ("上述条例第二十条", "政府信息公开条例"),
    ]


def test_defined_short_names(catalog: Catalog) -> None:
    text = ("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第三十三条，"
            "《条例》第十条规定……依据《某市创新型企业总部认定和奖励管理办法》（以下简称“市级办法”），"
            "依据市级办法有关规定。")
    report = run(text, catalog)
    got = [(c.quote, c.law.id if c.law else c.target().cited) for c in report.citations]
    assert got == [
        ("《中华人民共和国政府信息公开条例》（以下简称《条例》）第三十三条", "政府信息公开条例"),
        ("《条例》第十条", "政府信息公开条例"),
        ("《某市创新型企业总部认定和奖励管理办法》", "某市创新型企业总部认定和奖励管理办法"),
        ("市级办法", "某市创新型企业总部认定和奖励管理办法"),
    ]


def test_document_numbers(catalog: Catalog) -> None:
    text = ("根据沪府办〔2018〕14号、国办发[2018]37号文件和宝杨府【2013】11号。"
            "《某办法》（闵府办〔2020〕42号）。")
    report = run(text, catalog)
    numbers = [c.quote for c in report.citations if c.kind == "doc_number"]
    assert numbers == ["沪府办〔2018〕14号", "国办发[2018]37号", "宝杨府【2013】11号"]
    known = next(c for c in report.citations if c.quote == "国办发[2018]37号")
    assert known.law is not None and known.law.level == "行政规范性文件"
    titled = next(c for c in report.citations if c.kind == "title")
    assert titled.doc_number == "闵府办〔2020〕42号"


def test_document_date_from_signature_line() -> None:
    assert infer_document_date("正文\n\n某某局\n\n2016年2月5日\n\n附件") == date(2016, 2, 5)
    assert infer_document_date("某某局\n二〇二〇年九月二十七日\n") == date(2020, 9, 27)
    assert infer_document_date("自2020年1月1日起施行。") is None


# --- resolution and status --------------------------------------------------------------------------


def test_contract_law_is_abolished_by_civil_code(catalog: Catalog) -> None:
    (c,) = run("依据《中华人民共和国合同法》第五十二条的规定。", catalog).citations
    assert c.status == "abolished"
    assert c.successor is not None and c.successor.id == "民法典"
    assert c.message == "《合同法》已于2021-01-01由《民法典》第一千二百六十条废止"


def test_gi_regulation_article_33_is_current(catalog: Catalog) -> None:
    (c,) = run("根据《政府信息公开条例》第三十三条。", catalog, date(2020, 5, 6)).citations
    assert c.status == "current" and c.status_at_document == "current"
    assert c.law is not None and c.law.level == "行政法规"
    assert c.to_json(None, AS_OF)["law_level"] == "行政法规"


def test_unknown_article(catalog: Catalog) -> None:
    (c,) = run("根据《政府信息公开条例》第九十九条。", catalog, date(2020, 5, 6)).citations
    assert c.status == "unknown_article"
    assert "共56条" in c.message


def test_gap_in_the_data_set_is_not_a_missing_article(catalog: Catalog) -> None:
    # LawRefBook's 刑事诉讼法 (2018) text skips 第一百二十八条; only numbers past the end of
    # a text that ends with its 施行 clause are certainly missing.
    gap, beyond = run("《刑事诉讼法》第一百二十八条；《行政许可法》第八十四条。", catalog).citations
    assert gap.status == "current"
    assert beyond.status == "unknown_article"
    assert "共83条" in beyond.message


def test_amended_since_names_the_new_article(catalog: Catalog) -> None:
    (c,) = run("根据《立法法》第九十八条。", catalog, date(2020, 1, 1)).citations
    assert c.status == "amended_since"
    assert c.status_at_document == "current"
    # 备案 moved from Art.98 (2015) to Art.109 (2023) — legal-requirements §10.2.
    assert c.changes == ["第九十八条现为第一百零九条，内容有修改"]


def test_not_yet_effective_and_ambiguous(catalog: Catalog) -> None:
    report = analyze("《民法典》第一条。《处罚法》第三条。", catalog, as_of=date(2020, 10, 1))
    first, second = report.citations
    assert first.status == "not_yet_effective"
    assert second.status == "unknown"
    assert {law.id for law in second.candidates} == {"行政处罚法", "治安管理处罚法"}


def test_expired_status_from_catalog_event() -> None:
    law = Law(id="示范暂行办法", title="示范暂行办法", level="部门规章",
              versions=[Version(published=date(2010, 1, 1), effective=date(2010, 1, 1),
                                source="test")],
              events=[StatusEvent(status=STATUS_EXPIRED, date=date(2015, 1, 1), source="test")])
    (c,) = analyze("依据《示范暂行办法》。", Catalog([law]), as_of=AS_OF).citations
    assert c.status == "expired" and "2015-01-01" in c.message


def test_unknown_is_never_reported_as_wrong(catalog: Catalog) -> None:
    (c,) = run("根据《某某县村务管理若干规定》执行。", catalog).citations
    assert c.status == "unknown" and c.law is None and c.successor is None


# --- real documents ----------------------------------------------------------------------------------------


def _by_law(report: CitationReport) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in report.citations:
        if c.law is not None:
            out.setdefault(c.law.id, set()).add(c.status)
    return out


def test_seed_report(catalog: Catalog) -> None:
    need_shared()
    text = extract_text(SEED)
    report = run(text, catalog)
    assert _by_law(report) == {"民法典": {"current"}, "统计法": {"current"},
                               "审计法": {"current"}}
    unknown = [c.quote for c in report.citations if c.law is None]
    assert unknown == ["《重庆市沙坪坝区新型研发机构培育引进实施办法》"]


EXPECTED = {
    # Laws named in each corpus document with their status on 2026-11-27, judged on the
    # document's own signature date (落款). 安全生产法 (2021) and 招标投标法 (2017) were amended
    # after the citing document; 上海市河道管理条例 was revised in 2018.
    "003.txt": {},
    "005.txt": {"建筑法": {"current"}, "安全生产法": {"amended_since"}},
    "009.txt": {},
    "011.txt": {"村民委员会组织法": {"current"}, "招标投标法": {"current"}},
    "013.txt": {"上海市河道管理条例": {"amended_since"}, "招标投标法": {"amended_since"},
                "财政违法行为处罚处分条例": {"current"}},
    "016.txt": {"上海市排水与污水处理条例": {"current"}},
    "019.txt": {},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_documents(catalog: Catalog, name: str) -> None:
    need_shared()
    report = run(body(name), catalog)
    assert _by_law(report) == EXPECTED[name]
    for c in report.citations:
        assert c.status in ("current", "amended_since", "abolished", "not_yet_effective",
                            "expired", "unknown_article", "unknown")
        if c.law is None:
            assert c.status == "unknown"


def test_corpus_document_references(catalog: Catalog) -> None:
    need_shared()
    refs = {c.doc_number for name in EXPECTED for c in run(body(name), catalog).citations
            if c.doc_number}
    assert {"沪府办〔2018〕14号", "沪住建规范〔2020〕3号", "闵府办〔2020〕42号",
            "宝杨府【2013】11号", "宝杨委【2019】81号", "浦府规〔2021〕5号",
            "沪发改规范〔2023〕3号", "沪崇发改规〔2023〕1号"} <= refs


def test_corpus_document_dates() -> None:
    need_shared()
    dates = {name: infer_document_date(body(name)) for name in EXPECTED}
    assert dates["005.txt"] == date(2020, 9, 27)
    assert dates["013.txt"] == date(2016, 2, 5)
    assert dates["019.txt"] is None


def test_law_texts_resolve_their_own_article_references(catalog: Catalog) -> None:
    need_shared()
    path = SHARED / "lawrefbook" / "行政法" / "行政许可法(2019-04-23).md"
    if not path.is_file():
        pytest.skip("LawRefBook snapshot absent")
    text = path.read_text(encoding="utf-8")
    citations: list[Citation] = extract(text, catalog)
    self_refs = [c for c in citations if c.quote.startswith("本法第")]
    assert len(self_refs) >= 10
    assert all(c.law is not None and c.law.id == "行政许可法" for c in self_refs)


def test_a_text_promulgated_but_not_yet_in_force_can_be_cited_by_its_new_articles():
    # 反洗钱法: the 2024 text (公布 2024-11-08, 施行 2025-01-01) has 65 articles, the 2006 text 37.
    text = "依据《中华人民共和国反洗钱法》第五十四条，制定本办法。\n2024年12月1日"
    report = analyze(text, as_of=date(2026, 1, 1))
    citation = next(c for c in report.citations if c.article is not None)
    assert citation.status == "current"
    assert citation.status_at_document == "not_yet_effective"
    report = analyze(text.replace("第五十四条", "第九十条"), as_of=date(2026, 1, 1))
    assert next(c for c in report.citations if c.article is not None).status == "unknown_article"


def test_words_ending_in_tong_fa_or_ben_fa_are_not_back_references():
    text = "《中华人民共和国行政许可法》第十二条规定……依照劳动合同法和香港基本法的有关规定办理。"
    backrefs = [c for c in analyze(text).citations if c.kind == "backref"]
    assert backrefs == []
    text = "《中华人民共和国行政许可法》第十二条规定……同法第十三条另有规定。"
    backrefs = [c for c in analyze(text).citations if c.kind == "backref"]
    assert [c.law.id for c in backrefs] == ["行政许可法"]


def test_a_date_written_just_before_a_doc_number_is_not_part_of_it():
    text = "1986年8月29日市人民政府京政发〔1986〕148号文件同时废止。日政发〔2020〕1号另行规定。"
    numbers = [c.quote for c in analyze(text).citations if c.kind == "doc_number"]
    assert numbers == ["京政发〔1986〕148号", "日政发〔2020〕1号"]


def test_an_order_number_after_the_title_names_the_version_cited():
    text = ("依据《中华人民共和国政府信息公开条例》（国务院令第492号）第十三条和"
            "《政府信息公开条例》（国务院令第711号）第三十三条，制定本办法。\n2020年3月1日")
    old, new = [c for c in analyze(text, as_of=date(2026, 1, 1)).citations if c.article]
    assert old.quote.endswith("（国务院令第492号）第十三条") and old.status == "amended_since"
    assert "2019-05-15" in old.message
    assert new.article.label() == "第三十三条" and new.status == "current"


def test_an_order_number_from_the_dataset_names_an_old_version():
    # The orders that published older texts come from the LawRefBook history lines (1997年7月21日
    # 中华人民共和国国务院令第225号发布), and a draft may write the date before the order.
    text = ("依据《殡葬管理条例》（1997年7月21日国务院令第225号）和《宗教事务条例》（国务院令第686号），"
            "制定本办法。")
    old, new = [c for c in analyze(text, as_of=date(2026, 1, 1)).citations]
    assert (old.version_order, old.status) == ("国务院令第225号", "amended_since")
    assert "2012-11-09" in old.message
    assert (new.version_order, new.status) == ("国务院令第686号", "current")


def test_a_local_government_order_names_an_abolished_rule():
    # 渝府令第290号 was abolished on 2019-11-01 (REQ §8); the same title now names its successor,
    # so the title alone stays unknown.
    cited = "依照《重庆市行政规范性文件管理办法》（重庆市人民政府令第290号）的规定组织评估。\n2025年3月1日"
    (c,) = analyze(cited, as_of=date(2026, 1, 1)).citations
    assert c.status == "abolished" and "2019-11-01" in c.message
    (bare,) = analyze(cited.replace("（重庆市人民政府令第290号）", ""), as_of=date(2026, 1, 1)).citations
    assert bare.status == "unknown"


def test_a_catalog_no_longer_used_is_released_with_its_scanner():
    # The web layer rebuilds its catalog when a department adds a law; old ones must go.
    import gc
    import weakref

    catalog = load_catalog(user=False)
    ref = weakref.ref(catalog)
    analyze("依照《中华人民共和国行政许可法》第十二条", catalog)
    del catalog
    gc.collect()
    assert ref() is None
