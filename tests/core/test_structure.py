"""Document structure parser (fazhi.core.structure) on real documents and edge cases.

Expected values come from reading the documents in shared/corpus, shared/seed and
shared/lawrefbook, not from the parser's output.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from fazhi.core.structure import DocumentStructure, Node, parse, parse_doc_number

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared reference material is absent ({path})")
    return path


def _body(name: str) -> str:
    """A corpus file's text after its ``----- BODY -----`` header line."""
    raw = _shared("corpus", "normative", name).read_text(encoding="utf-8")
    return raw.split("----- BODY -----\n", 1)[1]


def _law(relative: str) -> str:
    return _shared("lawrefbook", relative).read_text(encoding="utf-8")


def _headings(nodes: tuple[Node, ...]) -> list[str | None]:
    return [n.heading for n in nodes]


def _check_spans(text: str, s: DocumentStructure) -> None:
    """Every span is an offset pair into the original text and quotes what it claims."""
    if s.title is not None:
        assert "".join(text[a:b] for a, b in s.title.line_spans) == s.title.text
    if s.doc_number is not None:
        assert text[slice(*s.doc_number.span)] == s.doc_number.raw
    if s.kind is not None:
        assert text[slice(*s.kind.span)] == s.kind.word
    if s.subject is not None:
        assert text[slice(*s.subject.span)].replace("\n", "") == s.subject.title
        if s.subject.kind is not None:
            assert text[slice(*s.subject.kind.span)] == s.subject.kind.word
        if s.subject.embedded_span is not None:
            assert text[slice(*s.subject.embedded_span)] == s.subject.embedded_title
    if s.addressees is not None:
        assert text[slice(*s.addressees.span)] == s.addressees.raw
    if s.signature is not None:
        assert tuple(text[a:b] for a, b in s.signature.issuer_spans) == s.signature.issuers
    for mention in s.attachment_mentions:
        assert text[slice(*mention.span)].startswith("附件")
    for marker in s.provisional_markers:
        assert text[slice(*marker.span)] == marker.word
    for clause in s.effective_clauses:
        assert text[slice(*clause.span)] == clause.raw
    for v in s.validity_clauses:
        assert text[slice(*v.span)] == v.raw
    for r in s.repeals:
        assert text[slice(*r.span)] == r.raw
        for t in r.targets:
            if t.doc_number is not None:
                assert text[slice(*t.doc_number.span)] == t.doc_number.raw
    for a in s.attachments:
        assert text[slice(*a.title_span)] == a.title
    for ref in s.self_references:
        assert text[slice(*ref.span)] == "本" + ref.word
    for d in s.dates:
        assert text[d.start : d.end] == d.raw
    for node in s.iter_nodes():
        start, end = node.span
        assert 0 <= start < end <= len(text)
        assert text[slice(*node.marker_span)] == node.marker
        assert start <= node.marker_span[0]
        assert not text[end - 1].isspace()
        for child in node.children:
            assert start <= child.span[0] and child.span[1] <= end


# ---------------------------------------------------------------------------------------------
# The sample corpus


def test_003_jiading_reward_measures() -> None:
    text = _body("003.txt")
    s = parse(text)
    _check_spans(text, s)
    assert s.title is not None and s.title.text == "嘉定区支持创新型企业总部奖励办法"
    assert s.kind is not None and s.kind.word == "办法" and s.kind.base == "办法"
    assert s.layout == "items" and not s.plain_text
    assert s.articles == ()
    assert _headings(s.nodes) == ["支持对象及内容", "资金拨付", "责任追究", "其它"]
    assert [n.marker for n in s.nodes] == ["一、", "二、", "三、", "四、"]
    other = s.nodes[3]
    assert [(c.style, c.number) for c in other.children] == [("arabic", 1), ("arabic", 2),
                                                              ("arabic", 3)]
    assert text[slice(*other.span)].endswith("本办法由区发展改革委负责解释。")
    # two issuing bodies sign, on separate lines
    assert s.signature is not None
    assert s.signature.issuers == ("嘉定区发展和改革委员会", "嘉定区财政局")
    assert s.issued == date(2025, 12, 3)
    assert s.issuer == "嘉定区发展和改革委员会、嘉定区财政局"
    # 本办法自印发之日起施行，有效期至2028年2月29日 (2028 is a leap year)
    assert s.effective is not None and s.effective.kind == "on_issue"
    assert s.effective.basis == "印发" and s.effective.date == date(2025, 12, 3)
    assert s.validity is not None and s.validity.until is not None
    assert s.validity.until.raw == "2028年2月29日" and s.expires == date(2028, 2, 29)
    assert {r.word for r in s.self_references} == {"办法"}
    assert s.repeals == () and s.attachments == ()
    assert not s.is_provisional
    assert s.summary() == {
        "title": "嘉定区支持创新型企业总部奖励办法",
        "doc_number": None,  # the body itself does not carry the 文号
        "issuer": "嘉定区发展和改革委员会、嘉定区财政局",
        "issued": "2025-12-03",
        "effective": "2025-12-03",
        "expires": "2028-02-29",
        "articles": 0,
        "chars": len(text),
    }


def test_005_qibao_implementing_opinions() -> None:
    text = _body("005.txt")
    s = parse(text)
    _check_spans(text, s)
    assert s.title is not None
    assert s.title.text == "七宝镇限额以下小型建设工程管理的实施意见"
    assert s.kind is not None and (s.kind.word, s.kind.base) == ("实施意见", "意见")
    assert {r.word for r in s.self_references} == {"实施意见"}
    assert _headings(s.nodes) == [
        "适用范围", "组织机构", "工作流程", "镇规建办办理手续及监管的具体操作规程",
        "职责分工", "工作要求", "其他",
    ]
    procedures = s.nodes[3]
    assert [c.marker for c in procedures.children] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    first = procedures.children[0]
    assert _headings(first.children) == ["适用范围", "申报主体", "操作流程", "提交材料"]
    assert len(first.children[3].children) == 7  # （1）…（7）提交材料
    assert len(s.nodes[4].children) == 13  # 五、职责分工 1.–13.
    assert s.numbering_issues == ()
    # the last item stops before the attachment list
    assert text[slice(*s.nodes[6].span)].endswith("七宝镇规划建设和环境保护办公室负责解释。")

    numbers = [a.number for a in s.attachments]
    assert numbers == ["1", "2", "3", "4", "5", "6-1", "6-2", "6-3", "7", "8", "9", "10", "11",
                       "12", "13", "14"]
    titles = {a.number: a.title for a in s.attachments}
    assert titles["1"] == "七宝镇建设工程管理领导小组人员名单"
    assert titles["10"] == "七宝镇限额以下建设工程施工许可证"
    assert titles["14"] == "工程质量保修书"
    assert [m.number for m in s.attachment_mentions] == ["1"]  # 具体人员名单详见附件1

    assert s.signature is not None and s.signature.issuers == ("闵行区七宝镇人民政府",)
    assert s.issued == date(2020, 9, 27)
    assert s.effective is not None and s.effective.basis == "发布"
    assert s.effective_date == date(2020, 9, 27)
    assert s.validity is None and s.expires is None  # no 有效期 at all
    # 试行 appears only inside the titles of the documents it repeals
    assert not s.is_provisional
    assert [m.where for m in s.provisional_markers] == []

    assert len(s.repeals) == 1
    repeal = s.repeals[0]
    assert repeal.keyword == "同时废止"
    assert [t.doc_number.raw for t in repeal.targets if t.doc_number] == [
        "闵七府〔2014〕18号", "闵七府〔2014〕29号", "闵七府〔2016〕21号",
    ]
    assert repeal.targets[0].title == (
        "七宝镇人民政府关于印发<七宝镇限额以下小型建设工程管理实施细则（试行）>的通知"
    )
    assert repeal.targets[2].title == "七宝镇人民政府关于限额以下小型建设工程管理的实施意见"


def test_009_chongming_repeal_notice() -> None:
    text = _body("009.txt")
    s = parse(text)
    _check_spans(text, s)
    assert s.title is not None and s.title.text == (
        "关于废止行政规范性文件《崇明区创新型企业总部认定和奖励管理办法》的通知"
    )
    assert s.kind is not None and s.kind.base == "通知"
    assert s.subject is None  # it repeals the 办法, it does not issue it
    assert s.addressees is not None
    assert s.addressees.names == ("各乡、镇人民政府", "区政府各有关部门", "各产业园区")
    assert s.layout == "paragraphs"
    assert s.issuer == "上海市崇明区发展和改革委员会" and s.issued == date(2026, 8, 6)
    assert s.effective is None  # the notice has no 施行 clause of its own
    assert len(s.repeals) == 1
    repeal = s.repeals[0]
    assert repeal.keyword == "决定废止"
    assert [(t.title, t.doc_number.raw if t.doc_number else None) for t in repeal.targets] == [
        ("崇明区创新型企业总部认定和奖励管理办法", "沪崇发改规〔2023〕1号")
    ]
    # 废止文件自2026年8月15日起停止执行
    assert repeal.date is not None and repeal.date.value == date(2026, 8, 15)


def test_011_yanghang_trial_measures() -> None:
    text = _body("011.txt")
    s = parse(text)
    _check_spans(text, s)
    assert s.title is not None
    assert s.title.text == "关于杨行镇村级集体投资小型工程建设项目管理办法（试行）"
    assert s.kind is not None and s.kind.base == "办法"
    assert s.is_provisional
    assert [(m.word, m.where) for m in s.provisional_markers] == [("试行", "title")]
    assert s.layout == "articles"
    assert [a.number for a in s.articles] == list(range(1, 21))
    by_number = {a.number: a for a in s.articles}
    assert by_number[2].heading == "适用范围"
    assert by_number[7].heading == "招标方式的确定"
    assert by_number[11].heading == "施工合同签订及备案"
    assert by_number[1].heading is None  # prose, not a heading
    assert s.numbering_issues == ()
    assert text[slice(*by_number[20].span)] == (
        "第二十条  本办法自发文之日起施行；同步废止宝杨府【2013】11号文。"
    )
    assert s.effective is not None and s.effective.basis == "发文"
    assert s.effective.date == date(2020, 3, 13) == s.issued
    assert s.validity is None  # a 试行 document with no period
    assert len(s.repeals) == 1
    target = s.repeals[0].targets[0]
    assert target.title is None and target.doc_number is not None
    number = target.doc_number
    assert (number.raw, number.issuer_code, number.year, number.serial) == (
        "宝杨府【2013】11号", "宝杨府", 2013, 11,
    )
    assert number.brackets == "【】" and not number.conforming
    assert [(a.number, a.title) for a in s.attachments] == [
        (None, "杨行镇村级集体投资项目工程实施流程")
    ]
    assert s.issuer == "上海市宝山区杨行镇人民政府"


def test_013_baoshan_notice_with_retroactive_measures() -> None:
    text = _body("013.txt")
    s = parse(text)
    _check_spans(text, s)
    assert s.kind is not None and s.kind.base == "通知"
    assert s.subject is not None
    assert (s.subject.relation, s.subject.title) == ("印发", "宝山区水利工程项目和资金管理办法")
    assert s.subject.kind is not None and s.subject.kind.base == "办法"
    assert s.instrument_kind is s.subject.kind
    assert s.subject.embedded_title == "宝山区水利工程项目和资金管理办法"
    assert s.addressees is not None and s.addressees.names == ("各镇人民政府",)
    assert s.issuer == "上海市宝山区水务局" and s.issued == date(2016, 2, 5)
    chapters = [n for n in s.nodes if n.kind == "chapter"]
    assert _headings(tuple(chapters)) == [
        "总则", "项目储备和审批", "项目实施和验收", "资金配套政策", "资金管理",
    ]
    assert [len(c.children) for c in chapters] == [3, 3, 7, 6, 6]
    assert [a.number for a in s.articles] == list(range(1, 26))
    assert s.numbering_issues == ()
    assert s.articles[13].heading == "骨干河道综合治理项目资金配套政策"  # 第十四条
    # issued 2016-02-05 but 本办法自2014年1月1日起施行
    assert s.effective is not None and s.effective.kind == "date"
    assert s.effective.raw == "自2014年1月1日起施行" and s.effective.refers_to_self
    assert s.effective_date == date(2014, 1, 1)
    assert s.effective_date < s.issued  # type: ignore[operator]
    assert s.expires is None
    assert s.summary()["articles"] == 25


def test_016_shuyuan_rules_with_two_year_validity() -> None:
    text = _body("016.txt")
    s = parse(text)
    _check_spans(text, s)
    assert s.subject is not None and s.subject.kind is not None
    assert s.subject.title == "书院镇农村村民住房建设管理行政审批事项相关规定"
    assert s.subject.kind.base == "规定"
    assert s.subject.embedded_title == "书院镇农村村民住房建设管理行政审批事项相关规定(修订版)"
    assert s.addressees is not None and s.addressees.names == ("机关各科室及各村委",)
    assert s.issuer == "浦东新区书院镇人民政府"
    assert s.issued == date(2025, 10, 9)  # the 落款 date, not the later publication date
    assert {r.word for r in s.self_references} == {"规定"}
    assert s.effective is not None and s.effective.date == date(2025, 11, 1)
    assert s.validity is not None and s.validity.years == 2
    assert s.expires == date(2027, 10, 31)
    assert [n.marker for n in s.nodes] == ["一、", "二、", "三、", "四、", "五、", "六、", "七、"]
    standards = s.nodes[2]
    assert _headings(standards.children) == [
        "用地面积、建筑面积标准", "建筑占地面积的计算标准", "用地人数的计算方法",
    ]
    # 4.2001年1月1日以后出生… is item 4, not the number 4.2001
    people = standards.children[2]
    assert [c.number for c in people.children] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert s.numbering_issues == ()
    assert s.summary()["expires"] == "2027-10-31"


def test_019_liuhe_undated_opinions() -> None:
    text = _body("019.txt")
    s = parse(text)
    _check_spans(text, s)
    assert s.title is not None and s.title.text == "加快重点产业实施意见"
    assert s.kind is not None and s.kind.word == "实施意见"
    assert s.signature is None and s.issued is None and s.issuer is None
    # 本政策自发布之日起施行 — "on issue", but the issue date is unknown
    assert s.effective is not None and s.effective.kind == "on_issue"
    assert s.effective.basis == "发布" and s.effective.date is None
    assert s.effective.refers_to_self
    # the body calls itself both 本实施意见 and 本政策
    assert {r.word for r in s.self_references} == {"实施意见", "政策"}
    assert _headings(s.nodes) == ["财政支持", "支持范围", "政策兑现", "组织保障", "其他规定"]
    scope = s.nodes[1]
    assert [c.number for c in scope.children] == list(range(1, 12))
    assert len(scope.children[0].children) == 4
    assert scope.children[0].heading == "固定资产投资支持"
    assert len(s.repeals) == 1
    assert s.repeals[0].targets == ()
    assert s.repeals[0].description == "以前出台的招商项目相关支持奖励政策"


def test_seed_report_with_bookmark_artefact() -> None:
    text = _shared("seed", "000_941c10f9f08c4ec0.txt").read_text(encoding="utf-8")
    s = parse(text)
    _check_spans(text, s)
    assert s.title is not None
    assert s.title.text == "重庆市沙坪坝区科学技术局关于2021年度法治政府建设情况的报告"
    assert len(s.title.line_spans) == 2
    assert s.kind is not None and s.kind.base == "报告"
    assert (s.issuer, s.issuer_source) == ("重庆市沙坪坝区科学技术局", "title")
    assert _headings(s.nodes) == [
        "2021年推进法治政府建设主要举措和成效", "履行推进法治建设第一责任人职责情况",
        "存在问题", "2022年工作计划",
    ]
    measures = s.nodes[0]
    assert _headings(measures.children) == [
        "深入学习宣传贯彻习近平法治思想", "依法全面履行政府职能", "完善依法行政制度体系",
        "推进行政决策科学化、民主化、法治化",
    ]
    assert _headings(measures.children[0].children) == ["扎实开展学习宣传", "积极推动贯彻落实"]
    assert len(s.nodes[3].children) == 3
    assert s.signature is None and s.effective is None and s.repeals == ()
    assert s.summary()["articles"] == 0


# ---------------------------------------------------------------------------------------------
# LawRefBook statutes


def test_legislation_law_chapters_sections_articles() -> None:
    text = _law("宪法相关法/立法法(2023-03-13).md")
    s = parse(text)
    _check_spans(text, s)
    assert s.title is not None and s.title.text == "中华人民共和国立法法"
    assert s.kind is not None and s.kind.base == "法"
    chapters = [n for n in s.nodes if n.kind == "chapter"]
    assert len(chapters) == 6
    assert chapters[0].heading == "总则"
    assert chapters[1].children[0].kind == "section"
    assert chapters[1].children[0].heading == "立法权限"
    assert [a.number for a in s.articles] == list(range(1, 121))  # 2023 text: 120 articles
    assert s.numbering_issues == ()
    eleven = s.articles[10]  # 第十一条 下列事项只能制定法律：（一）…
    assert eleven.children and eleven.children[0].marker == "（一）"


@pytest.mark.parametrize(
    ("relative", "articles", "chapters"),
    [
        ("行政法/行政处罚法(2021-01-22).md", 86, 8),
        ("行政法/行政许可法(2019-04-23).md", 83, 8),
        ("行政法/行政强制法(2011-06-30).md", 71, 7),
    ],
)
def test_administrative_laws_article_counts(relative: str, articles: int, chapters: int) -> None:
    s = parse(_law(relative))
    assert [a.number for a in s.articles] == list(range(1, articles + 1))
    assert sum(1 for n in s.iter_nodes() if n.kind == "chapter") == chapters
    assert s.numbering_issues == ()


def test_criminal_law_parts_and_inserted_articles() -> None:
    s = parse(_law("刑法/刑法.md"))
    parts = [n for n in s.nodes if n.kind == "part"]
    assert [p.heading for p in parts] == ["总则", "分则"]
    # chapters restart in each 编 without being reported
    assert parts[1].children[0].marker.replace(" ", "") == "第一章"
    inserted = [a for a in s.articles if a.suffix]
    assert any(a.number == 120 and a.suffix == "之一" for a in inserted)
    plain = [a.number for a in s.articles if not a.suffix]
    assert plain == list(range(1, 453))
    assert s.numbering_issues == ()


def test_contents_table_is_not_mistaken_for_chapters() -> None:
    text = _law("DLC/北京地方法规/地方性法规/北京/北京中轴线文化遗产保护条例(2022-05-25).md")
    s = parse(text)
    assert s.contents_span is not None
    assert text[slice(*s.contents_span)].startswith("第一章")
    chapters = [n for n in s.nodes if n.kind == "chapter"]
    assert [c.number for c in chapters] == [1, 2, 3, 4, 5]
    assert all(c.children for c in chapters)
    assert s.numbering_issues == ()


def test_lawrefbook_missing_article_is_reported() -> None:
    # this transcription lost the 第十三条 marker: the text jumps from 第十二条 to 第十四条
    text = _law("DLC/山东地方法规/地方性法规/山东/山东省中医药条例(2020-11-27).md")
    s = parse(text)
    gaps = [i for i in s.numbering_issues if i.node_kind == "article"]
    assert [(i.kind, i.expected, i.found) for i in gaps] == [("gap", 13, 14)]
    assert text[slice(*gaps[0].span)] == "第十四条"


def test_lawrefbook_sample_parses_with_consistent_spans() -> None:
    root = _shared("lawrefbook")
    files = sorted(root.rglob("*.md"))[::25]
    assert len(files) > 100
    for path in files:
        text = path.read_text(encoding="utf-8")
        s = parse(text)
        _check_spans(text, s)
        assert s.summary()["chars"] == len(text)


# ---------------------------------------------------------------------------------------------
# Synthetic documents: 公文 layout and clause variants

GBT_DOC = """\
上海市嘉定区发展和改革委员会文件

嘉发改发〔2025〕9号

关于印发《嘉定区支持创新型企业总部奖励实施细则（试行）》的通知

各镇人民政府，各街道办事处，区政府各委、办、局：

现将《嘉定区支持创新型企业总部奖励实施细则（试行）》印发给你们，请认真贯彻执行。

附件：1.嘉定区支持创新型企业总部奖励实施细则（试行）
2.申报表

上海市嘉定区发展和改革委员会
二〇二五年十二月三日

附件1

嘉定区支持创新型企业总部奖励实施细则（试行）

第一条 为支持创新型企业总部发展，制定本细则。

第二条 本办法适用于本区。

第四条 本细则自印发之日起30日后施行，有效期五年。原《嘉定区企业总部奖励办法》（嘉发改发〔2020〕3号）同时废止。

抄送：区委办公室。
"""


def test_gbt9704_layout_head_and_attachments() -> None:
    s = parse(GBT_DOC)
    _check_spans(GBT_DOC, s)
    assert s.masthead == "上海市嘉定区发展和改革委员会"
    assert s.doc_number is not None
    assert (s.doc_number.issuer_code, s.doc_number.year, s.doc_number.serial) == ("嘉发改发", 2025,
                                                                                   9)
    assert s.doc_number.conforming
    assert s.title is not None and s.kind is not None and s.kind.base == "通知"
    assert s.subject is not None and s.subject.kind is not None
    assert (s.subject.kind.word, s.subject.kind.base) == ("实施细则", "细则")
    assert s.addressees is not None
    assert s.addressees.names == ("各镇人民政府", "各街道办事处", "区政府各委、办、局")
    assert [(a.number, a.title) for a in s.attachments] == [
        ("1", "嘉定区支持创新型企业总部奖励实施细则（试行）"), ("2", "申报表"),
    ]
    assert [(x.number, x.title) for x in s.attachment_sections] == [
        ("1", "嘉定区支持创新型企业总部奖励实施细则（试行）")
    ]
    assert s.signature is not None and s.signature.date is not None
    assert s.signature.date.style == "chinese" and s.issued == date(2025, 12, 3)
    assert s.issuer == "上海市嘉定区发展和改革委员会"
    # 自印发之日起30日后施行，有效期五年
    assert s.effective is not None and s.effective.delay_days == 30
    assert s.effective_date == date(2026, 1, 2)
    assert s.validity is not None and s.validity.years == 5
    assert s.expires == date(2031, 1, 1)
    assert s.is_provisional
    # a 细则 that calls itself 本办法 once: visible to a naming rule
    assert [r.word for r in s.self_references] == ["细则", "办法", "细则"]
    # 第三条 is missing
    assert [(i.kind, i.expected, i.found) for i in s.numbering_issues] == [("gap", 3, 4)]
    assert "第二条" in s.numbering_issues[0].message
    assert [t.doc_number.raw for r in s.repeals for t in r.targets if t.doc_number] == [
        "嘉发改发〔2020〕3号"
    ]
    assert s.summary() == {
        "title": "关于印发《嘉定区支持创新型企业总部奖励实施细则（试行）》的通知",
        "doc_number": "嘉发改发〔2025〕9号",
        "issuer": "上海市嘉定区发展和改革委员会",
        "issued": "2025-12-03",
        "effective": "2026-01-02",
        "expires": "2031-01-01",
        "articles": 3,
        "chars": len(GBT_DOC),
    }
    assert '"doc_number": "嘉发改发〔2025〕9号"' in s.to_json()


EXTENSION_NOTICE = """\
# 上海市嘉定区文物局关于延长《嘉定区不可移动文物保护暂行规定》有效期的通知

各镇人民政府，区政府各委、办、局、街道办事处，嘉定工业区、菊园新区管委会，各相关单位：

经评估，《嘉定区不可移动文物保护暂行规定》需要继续实施，有效期延长至2026年11月1日。

特此通知。

上海市嘉定区文物局

2024年10月31日

嘉定区不可移动文物保护暂行规定

第一章   总则

第一条  为加强与规范嘉定区不可移动文物保护工作，制订《嘉定区不可移动文物保护暂行规定》。

第二章  附则

第二条  本规定自2024年11月1日起实施，有效期二年。
"""


def test_notice_extending_a_documents_validity() -> None:
    # shaped after 嘉文物〔2024〕30号 (shanghai.gov.cn), shortened
    s = parse(EXTENSION_NOTICE)
    _check_spans(EXTENSION_NOTICE, s)
    assert s.subject is not None and s.subject.relation == "延长"
    assert s.subject.kind is not None and s.subject.kind.word == "暂行规定"
    assert s.subject.embedded_title == "嘉定区不可移动文物保护暂行规定"
    assert s.addressees is not None and len(s.addressees.names) == 4
    assert s.issued == date(2024, 10, 31)
    assert s.effective_date == date(2024, 11, 1)
    # the embedded text says 有效期二年 (to 2026-10-31); the notice extends it to 2026-11-01
    assert [v.end for v in s.validity_clauses] == [date(2026, 11, 1), None]
    assert s.expires == date(2026, 11, 1)
    assert s.is_provisional
    assert s.numbering_issues == ()


def test_title_wrapped_over_two_lines() -> None:
    text = "关于印发《某某区行政规范性文件\n管理细则》的通知\n\n各单位：\n\n现印发给你们。\n"
    s = parse(text)
    _check_spans(text, s)
    assert s.title is not None and s.title.text == "关于印发《某某区行政规范性文件管理细则》的通知"
    assert s.subject is not None and s.subject.title == "某某区行政规范性文件管理细则"
    assert s.subject.kind is not None and text[slice(*s.subject.kind.span)] == "细则"


def test_masthead_without_wenjian_and_upward_document_with_signer() -> None:
    text = (
        "重庆市沙坪坝区科学技术局\n\n沙科局文〔2022〕5号          签发人：张三\n\n"
        "重庆市沙坪坝区科学技术局\n关于2021年度法治政府建设情况的报告\n\n区政府：\n\n"
        "现将有关情况报告如下。\n\n重庆市沙坪坝区科学技术局\n2022年1月20日\n"
    )
    s = parse(text)
    _check_spans(text, s)
    assert s.masthead == "重庆市沙坪坝区科学技术局"
    assert s.doc_number is not None and s.doc_number.raw == "沙科局文〔2022〕5号"
    assert s.title is not None
    assert s.title.text == "重庆市沙坪坝区科学技术局关于2021年度法治政府建设情况的报告"
    assert s.addressees is not None and s.addressees.names == ("区政府",)
    assert s.issued == date(2022, 1, 20)


@pytest.mark.parametrize(
    ("raw", "code", "year", "serial", "brackets", "conforming"),
    [
        ("沪府规〔2021〕3号", "沪府规", 2021, 3, "〔〕", True),
        ("沪府规[2021]3号", "沪府规", 2021, 3, "[]", False),
        ("宝杨府【2013】11号", "宝杨府", 2013, 11, "【】", False),
        ("闵七府（2020）21号", "闵七府", 2020, 21, "（）", False),
        ("国办发(2018)37号", "国办发", 2018, 37, "()", False),
        ("沪府发〔2021〕第5号", "沪府发", 2021, 5, "〔〕", False),
        ("嘉发改发〔2025〕09号", "嘉发改发", 2025, 9, "〔〕", False),
        ("渝府办发 〔2019〕 120 号", "渝府办发", 2019, 120, "〔〕", True),
        # 据 ends 根据 in running text, but inside a code (大数据发) it is part of the code.
        ("渝川大数据发〔2024〕第12号", "渝川大数据发", 2024, 12, "〔〕", False),
    ],
)
def test_doc_number_variants(
    raw: str, code: str, year: int, serial: int, brackets: str, conforming: bool
) -> None:
    n = parse_doc_number(raw)
    assert n is not None
    assert (n.issuer_code, n.year, n.serial, n.brackets, n.conforming) == (
        code, year, serial, brackets, conforming,
    )
    assert n.raw == raw


def test_doc_number_code_stops_at_surrounding_words() -> None:
    n = parse_doc_number("根据浦府规〔2021〕5号《浦东新区农村村民住房建设管理实施细则》")
    assert n is not None and n.raw == "浦府规〔2021〕5号"
    assert parse_doc_number("（2020）沪01民初1号") is None  # a case number, no issuer code
    assert parse_doc_number("没有文号") is None


@pytest.mark.parametrize(
    ("clause", "years", "months", "until"),
    [
        ("本办法自2021年1月1日起施行，有效期5年。", 5, None, date(2025, 12, 31)),
        ("本办法自2021年1月1日起施行，有效期为三年。", 3, None, date(2023, 12, 31)),
        ("本办法自2021年1月1日起施行，有效期6个月。", None, 6, date(2021, 6, 30)),
        ("本办法自2021年1月1日起施行，有效期至2022年6月30日。", None, None, date(2022, 6, 30)),
        ("本办法有效期自2021年1月1日至2025年12月31日。", None, None, date(2025, 12, 31)),
        ("本办法自2021年1月1日起施行，至2025年12月31日止。", None, None, date(2025, 12, 31)),
        ("本办法自2021年1月1日起施行，2023年12月31日废止。", None, None, date(2023, 12, 31)),
        ("本办法自2021年1月1日起施行。有效期五年。", 5, None, date(2025, 12, 31)),
    ],
)
def test_validity_forms(clause: str, years: int | None, months: int | None, until: date) -> None:
    text = "某某管理办法\n\n第一条 为了规范管理，制定本办法。\n\n第二条 " + clause + "\n"
    s = parse(text)
    assert s.validity is not None, clause
    assert (s.validity.years, s.validity.months) == (years, months)
    assert s.expires == until


def test_validity_of_something_else_is_not_the_documents() -> None:
    text = (
        "某某管理办法\n\n第一条 许可证有效期3年。\n\n第二条 本办法自2021年1月1日起施行。\n"
    )
    s = parse(text)
    assert [v.years for v in s.validity_clauses] == [3]
    assert s.validity is None and s.expires is None


def test_impossible_dates_do_not_crash() -> None:
    text = "关于某事的通知\n\n各单位：\n\n本通知自2021年2月30日起施行。\n\n某某局\n2021年2月30日\n"
    s = parse(text)
    assert s.signature is not None and s.signature.date is not None
    assert s.signature.date.raw == "2021年2月30日" and not s.signature.date.valid
    assert s.issued is None
    assert s.effective is not None and s.effective.clause_date is not None
    assert s.effective.date is None
    assert len(s.invalid_dates) == 2
    assert s.summary()["issued"] is None and s.summary()["effective"] is None


def test_provisional_in_body_counts_only_for_the_document_itself() -> None:
    own = parse("某某管理办法\n\n第一条 本办法试行期为两年。\n")
    assert own.is_provisional
    assert [(m.word, m.where) for m in own.provisional_markers] == [("试行", "body")]
    other = parse("某某管理办法\n\n第一条 推行告知承诺制试行工作。\n\n第二条 依照《某某暂行办法》执行。\n")
    assert not other.is_provisional


def test_attachment_mentions_carry_the_title_written_beside_them() -> None:
    text = (
        "某某办法\n\n第一条 申请人应填写《申报表》（见附件2），并提交附件3《承诺书》。"
        "名单详见附件1。\n\n附件：1.名单\n2.申请表\n3.承诺书\n\n某某局\n2021年3月5日\n"
    )
    s = parse(text)
    assert [(m.number, m.title) for m in s.attachment_mentions] == [
        ("2", "申报表"), ("3", "承诺书"), ("1", None),
    ]
    listed = {a.number: a.title for a in s.attachments}
    # the body calls attachment 2 申报表 while the list says 申请表: a rule can see it
    assert listed["2"] == "申请表"


def test_draft_uploaded_as_an_attachment() -> None:
    text = "附件1\n\n某某区行政规范性文件管理办法\n（征求意见稿）\n\n第一条 为了规范管理，制定本办法。\n"
    s = parse(text)
    assert s.title is not None and s.title.text == "某某区行政规范性文件管理办法（征求意见稿）"
    assert s.kind is not None and s.kind.base == "办法"
    assert [a.number for a in s.articles] == [1]
    assert s.attachment_sections == ()


def test_book_title_wrapping_in_the_body_still_protects_its_words() -> None:
    text = "某某细则\n\n第一条 依据《某某区关于执行\n本办法的若干规定》，制定本细则。\n"
    s = parse(text)
    assert [r.word for r in s.self_references] == ["细则"]


def test_self_reference_look_alikes() -> None:
    text = (
        "某某细则\n\n第一条 按照基本规定和成本标准执行，依照本法律和日本规划。\n"
        "第二条 本细则所称单位，适用本法规定。本规定书不适用。\n"
    )
    s = parse(text)
    assert [r.word for r in s.self_references] == ["细则", "法"]


def test_trial_marker_in_a_repealed_documents_title_is_not_ours() -> None:
    s = parse("关于废止《某某管理暂行办法》的通知\n\n各单位：\n\n决定废止《某某管理暂行办法》。\n")
    assert [(m.word, m.where) for m in s.provisional_markers] == [("暂行", "title")]
    assert not s.is_provisional
    issued = parse("关于印发《某某管理暂行办法》的通知\n\n各单位：\n\n现印发给你们。\n")
    assert issued.is_provisional


def test_article_references_at_line_start_are_not_articles() -> None:
    text = "某某办法\n\n第一条 总的要求。\n第一条规定的情形除外。\n第一条第二款不适用。\n第二条 附则。\n"
    s = parse(text)
    assert [a.number for a in s.articles] == [1, 2]


def test_articles_run_together_on_one_line() -> None:
    # 013 with the paragraph breaks of the measures removed, as some web copies have it
    text = _body("013.txt")
    cut = text.index("宝山区水利工程项目和资金管理办法\n\n第一章")
    flat = text[:cut] + text[cut:].replace("\n", "")
    s = parse(flat)
    _check_spans(flat, s)
    assert [a.number for a in s.articles] == list(range(1, 26))
    chapters = [n for n in s.nodes if n.kind == "chapter"]
    assert [len(c.children) for c in chapters] == [3, 3, 7, 6, 6]
    assert chapters[1].heading == "项目储备和审批"
    assert flat[slice(*s.articles[1].span)] == "第二条本办法适用于列入市、区水利专项工程年度计划的水利工程。"


def test_inline_articles_skip_references() -> None:
    text = "某某办法\n第一条 总则。第二条 依照第五条执行，第三条所列除外。第三条 细则。第四条 附则。"
    s = parse(text)
    assert [a.number for a in s.articles] == [1, 2, 3, 4]
    assert _quote(text, s.articles[1]) == "第二条 依照第五条执行，第三条所列除外。"
    prose = parse("某某通知\n\n请按照第一条、第二条和第三条办理。依照第四条执行。\n")
    assert prose.articles == ()
    amending = parse(
        "关于修改《某某办法》的决定\n\n一、将第一条修改为：“甲。”二、将第二条修改为：“乙。”"
        "三、将第三条修改为：“丙。”\n"
    )
    assert amending.articles == ()


def _quote(text: str, node: Node) -> str:
    return text[slice(*node.span)]


def test_crlf_line_endings_give_the_same_structure() -> None:
    text = _body("005.txt")
    crlf = text.replace("\n", "\r\n")
    a, b = parse(text), parse(crlf)
    _check_spans(crlf, b)
    assert a.summary()["title"] == b.summary()["title"]
    assert a.summary()["issued"] == b.summary()["issued"]
    assert [n.heading for n in a.iter_nodes()] == [n.heading for n in b.iter_nodes()]
    assert [x.title for x in a.attachments] == [x.title for x in b.attachments]


# ---------------------------------------------------------------------------------------------
# No structure, degenerate and large input


def test_plain_text_says_so() -> None:
    text = "今天天气很好，我们去公园散步。公园里有很多人。"
    s = parse(text)
    assert s.layout == "plain" and s.plain_text
    assert s.title is None and s.nodes == () and s.signature is None
    assert s.summary() == {
        "title": None, "doc_number": None, "issuer": None, "issued": None,
        "effective": None, "expires": None, "articles": 0, "chars": len(text),
    }


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\u3000\r\n", "一、", "第", "附件：", "《"])
def test_degenerate_input(text: str) -> None:
    s = parse(text)
    assert s.text_length == len(text)
    assert s.summary()["chars"] == len(text)
    assert s.articles == ()


def test_unbalanced_brackets() -> None:
    text = (
        "关于《未闭合的标题的通知\n\n第一条 本办法依据《某某条例制定。\n"
        "第二条 》》》本办法自2021年1月1日起施行〔〔2021】】【（（（。\n"
        "第三条 原《甲办法》（沪府发〔2019〕2号同时废止。\n"
    )
    s = parse(text)
    _check_spans(text, s)
    assert [a.number for a in s.articles] == [1, 2, 3]
    assert s.effective is not None and s.effective.date == date(2021, 1, 1)
    assert len(s.repeals) == 1 and s.repeals[0].targets[0].title == "甲办法"


def test_one_megabyte_is_parsed_whole() -> None:
    # Speed is measured by the benchmarks, not here.
    large = _body("005.txt") * 160  # ~1 MB
    assert len(large) > 1_000_000
    s = parse(large)
    assert s.text_length == len(large)
    assert len(s.nodes) >= 160 * 7


def test_pathological_single_line_is_fast() -> None:
    text = "，" * 200_000 + "同时废止" + "《" * 50_000 + "本办法" * 20_000
    t0 = time.perf_counter()
    parse(text)
    assert time.perf_counter() - t0 < 3.0


def test_ten_thousand_characters_parse_well_under_5ms() -> None:
    text = (_body("005.txt") + "\n" + _body("016.txt"))[:10_000]
    assert len(text) == 10_000
    parse(text)
    best = min(_timed(text) for _ in range(20))
    assert best < 0.005


def _timed(text: str) -> float:
    t0 = time.perf_counter()
    parse(text)
    return time.perf_counter() - t0


def test_structure_module_does_not_import_django() -> None:
    import subprocess
    import sys

    code = (
        "import sys, fazhi.core.structure, fazhi.core.dates; "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_masthead_naming_the_organ_twice_keeps_its_doc_number() -> None:
    # A bureau that is also another organ prints both names above its 文号.
    st = parse("白河县发展和改革局\n（白河县粮食和物资储备局）\n\n白发改规[2025]2号\n\n"
               "白河县粮食收购管理办法\n\n第一条 为了规范粮食收购，制定本办法。\n\n"
               "第二条 本办法自2025年5月1日起施行。\n")
    assert st.doc_number is not None and st.doc_number.raw == "白发改规[2025]2号"
    assert not st.doc_number.conforming
    assert st.title is not None and st.title.text == "白河县粮食收购管理办法"


def test_joint_issuers_side_by_side_and_a_short_year_number_keep_the_head() -> None:
    st = parse("白河县农业农村局 白河县财政局文件\n\n白农字〔25〕8号\n\n"
               "白河县农机购置补贴实施方案\n\n一、补贴对象\n\n（一）本县从事农业生产的个人和组织。\n")
    assert st.title is not None and st.title.text == "白河县农机购置补贴实施方案"
    assert st.instrument_kind is not None and st.instrument_kind.base == "方案"


def test_a_comment_notice_names_the_draft_it_puts_out() -> None:
    # 关于公开征求《X暂行规定（征求意见稿）》意见的公告: the draft under review is X.
    text = ("某市能源局关于公开征求《某市煤炭经营管理暂行规定（征求意见稿）》意见的公告\n\n"
            "现向社会公开征求意见。\n\n某市能源局\n2026年3月1日\n\n某市煤炭经营管理暂行规定\n\n"
            "第一条 为规范煤炭经营，制定本规定。\n第二条 本规定自印发之日起施行。\n")
    s = parse(text)
    assert s.subject is not None and s.subject.relation == "征求"
    assert s.instrument_kind is not None and s.instrument_kind.word == "暂行规定"
    assert s.is_provisional
