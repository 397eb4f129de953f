"""Structure of a Chinese government document (公文 / 行政规范性文件) given as plain text.

``parse(text)`` finds the title, 发文字号, issuer, 主送机关, the 编/章/节/条 tree and numbered
items (一、（一）1.（1）①), the attachment list (附件：), the signature block and 成文日期,
the 施行日期 ("自…起施行"), the 有效期, 暂行/试行 markers and repeal clauses ("…同时废止").

Every span is a pair of code-point offsets into the string given; nothing is normalised
in place, so a review rule can quote ``text[start:end]`` exactly. Text with no recognisable
structure still parses: ``layout == "plain"`` says so.

Plain Python, no Django; deterministic; linear in the length of the text (one pass over the
lines plus a few compiled-regex scans; clause look-behinds are bounded windows).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

from fazhi.core.dates import (
    DATE_PATTERN,
    ChineseDate,
    cn_to_int,
    find_dates,
    match_date,
    validity_end,
)

__all__ = [
    "SHORT_YEAR_NUMBER",
    "Addressees",
    "Attachment",
    "AttachmentMention",
    "AttachmentSection",
    "DocNumber",
    "DocumentKind",
    "DocumentStructure",
    "Effective",
    "Layout",
    "Node",
    "NodeKind",
    "NumberingIssue",
    "ProvisionalMarker",
    "RepealClause",
    "RepealTarget",
    "SelfReference",
    "Signature",
    "Span",
    "SubjectDocument",
    "Title",
    "Validity",
    "find_doc_numbers",
    "parse",
    "parse_doc_number",
]

Span = tuple[int, int]
NodeKind = Literal["part", "subpart", "chapter", "section", "article", "item"]
ItemStyle = Literal["", "cn", "paren_cn", "arabic", "paren_arabic", "circled"]
Layout = Literal["articles", "items", "paragraphs", "plain"]

# ---------------------------------------------------------------------------------------------
# Result types


@dataclass(frozen=True, slots=True)
class Title:
    """The document title; ``text`` joins the title's lines (GB/T 9704 titles may wrap)."""

    text: str
    span: Span
    line_spans: tuple[Span, ...]

    def offset(self, index: int) -> int:
        """Offset in the document of character ``index`` of ``text``."""
        for start, end in self.line_spans:
            if index < end - start:
                return start + index
            index -= end - start
        return self.span[1]


@dataclass(frozen=True, slots=True)
class DocNumber:
    """A 发文字号 such as 嘉发改发〔2025〕9号 (also with [] 【】 （） and half-width brackets)."""

    raw: str
    issuer_code: str
    year: int
    serial: int
    brackets: str  # the opening and closing bracket as written, e.g. "〔〕"
    span: Span

    @property
    def conforming(self) -> bool:
        """GB/T 9704: year in 〔〕, serial without 第 and without leading zeros."""
        return self.brackets == "〔〕" and "第" not in self.raw and not re.search(
            r"[〕]\s*0", self.raw
        )


@dataclass(frozen=True, slots=True)
class DocumentKind:
    """文种 from a title: ``word`` as written (实施意见), ``base`` the generic kind (意见)."""

    word: str
    base: str
    span: Span


@dataclass(frozen=True, slots=True)
class SubjectDocument:
    """The document a 印发/转发 notice issues: 关于印发《X办法》的通知 → X办法."""

    title: str
    relation: str  # 印发, 转发, 批转, 发布, 颁布, 公布, 征求 (a draft put out for comment)
    kind: DocumentKind | None
    span: Span  # the title inside 《》 in the notice's title (spans its line break if it wraps)
    embedded_title: str | None  # the title line of the enclosed text, if present
    embedded_span: Span | None


@dataclass(frozen=True, slots=True)
class Addressees:
    """主送机关: the line after the title ending in a colon, split at commas."""

    names: tuple[str, ...]
    raw: str
    span: Span


@dataclass(frozen=True, slots=True)
class SelfReference:
    """The document naming itself in its body: 本办法, 本实施意见, 本规定…"""

    word: str
    span: Span


@dataclass(frozen=True, slots=True)
class Node:
    """A 编/分编/章/节/条 or a numbered item; ``span`` covers the node and its children."""

    kind: NodeKind
    level: int  # 0 编 … 4 条, 5 一、 6 （一） 7 1. 8 （1） 9 ①
    style: ItemStyle  # items only; "" for 编/章/节/条
    marker: str  # as written: 第三条, 一、, （一）, 1., （1）, ①
    number: int | None
    suffix: str  # 之一 in 第一百二十条之一, else ""
    heading: str | None  # 总则, 适用范围… (whitespace inside removed); None for prose
    span: Span
    marker_span: Span
    heading_span: Span | None
    segment: int  # which part of the text: a notice and the document it issues differ
    children: tuple[Node, ...] = ()

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class NumberingIssue:
    """A break in a numbering sequence (第一条 followed by 第三条, a repeated 二、…)."""

    kind: Literal["gap", "repeat", "backwards", "start"]
    node_kind: NodeKind
    style: ItemStyle
    expected: int
    found: int
    span: Span  # marker of the offending node
    message: str


@dataclass(frozen=True, slots=True)
class Attachment:
    """One entry of the 附件说明 (附件：1.… 2.…)."""

    number: str | None  # "1", "6-1"; None for a single unnumbered attachment
    title: str
    span: Span
    title_span: Span


@dataclass(frozen=True, slots=True)
class AttachmentSection:
    """An attachment's own heading later in the text (a line 附件1 and its title line)."""

    number: str | None
    title: str | None
    span: Span
    title_span: Span | None


@dataclass(frozen=True, slots=True)
class AttachmentMention:
    """A body reference to an attachment: 详见附件1, 《申报表》（附件2）, 附件3《承诺书》."""

    number: str
    span: Span
    title: str | None  # the 《》 title written next to the mention, without 《》


@dataclass(frozen=True, slots=True)
class Signature:
    """发文机关署名 and 成文日期."""

    issuers: tuple[str, ...]
    issuer_spans: tuple[Span, ...]
    date: ChineseDate | None
    span: Span


@dataclass(frozen=True, slots=True)
class Effective:
    """A 施行 clause: 自2025年11月1日起施行 or 自印发之日起施行 ("on issue")."""

    kind: Literal["date", "on_issue"]
    raw: str
    span: Span
    verb: str  # 施行, 实施, 执行, 生效, 试行, 实行
    clause_date: ChineseDate | None  # the date written in the clause (kind == "date")
    basis: str | None  # 印发, 发布, 公布, 发文… (kind == "on_issue")
    delay_days: int  # 自印发之日起30日后施行 → 30
    date: date | None  # resolved 施行日期; for "on_issue", the 成文日期 + delay when known
    refers_to_self: bool  # the sentence names the document itself (本办法自…)


@dataclass(frozen=True, slots=True)
class Validity:
    """An 有效期 clause. ``end`` is the last day in force.

    有效期N年 counts from the 施行日期 and ends the day before the same calendar day N
    years later (see ``fazhi.core.dates.validity_end``).
    """

    raw: str
    span: Span
    years: int | None
    months: int | None
    start: ChineseDate | None  # 有效期自A至B → A
    until: ChineseDate | None  # 有效期至B / 有效期自A至B → B
    end: date | None


@dataclass(frozen=True, slots=True)
class ProvisionalMarker:
    """暂行 or 试行, in the title or in the body (outside 《》)."""

    word: str
    where: Literal["title", "body"]
    span: Span


@dataclass(frozen=True, slots=True)
class RepealTarget:
    title: str | None  # without 《》
    doc_number: DocNumber | None
    span: Span


@dataclass(frozen=True, slots=True)
class RepealClause:
    """…同时废止 / 决定废止《X》（文号）; ``description`` when no title or 文号 is given."""

    keyword: str
    raw: str
    span: Span
    targets: tuple[RepealTarget, ...]
    description: str | None
    date: ChineseDate | None  # 废止文件自2026年8月15日起停止执行


@dataclass(frozen=True, slots=True)
class DocumentStructure:
    """Everything ``parse`` found. Absent parts are None or empty, never guessed.

    ``layout`` is "articles" (第X条), "items" (一、（一）1. only), "paragraphs" (a title,
    主送 or signature but no numbering) or "plain" (nothing recognisable). ``nodes`` is the
    tree, ``articles`` every 第X条 in order. ``kind`` is the title's 文种; for a notice that
    issues a document (关于印发《X办法》的通知), ``subject`` describes X and
    ``instrument_kind`` is the kind X's body should call itself (本办法). ``effective``,
    ``validity`` and ``signature`` are the document's own clauses; every candidate is kept
    in ``effective_clauses`` / ``validity_clauses`` for rules that need them.
    """

    text_length: int
    layout: Layout
    body_start: int
    title: Title | None
    doc_number: DocNumber | None
    masthead: str | None  # 发文机关标志 without 文件
    issuer: str | None
    issuer_source: Literal["signature", "masthead", "title"] | None
    addressees: Addressees | None
    kind: DocumentKind | None
    subject: SubjectDocument | None
    self_references: tuple[SelfReference, ...]
    nodes: tuple[Node, ...]
    contents_span: Span | None  # a 目录 (table of contents) listing the 章/节, left out of nodes
    articles: tuple[Node, ...]
    numbering_issues: tuple[NumberingIssue, ...]
    attachments: tuple[Attachment, ...]
    attachments_span: Span | None
    attachment_sections: tuple[AttachmentSection, ...]
    attachment_mentions: tuple[AttachmentMention, ...]
    signature: Signature | None
    effective: Effective | None
    effective_clauses: tuple[Effective, ...]
    validity: Validity | None
    validity_clauses: tuple[Validity, ...]
    provisional_markers: tuple[ProvisionalMarker, ...]
    is_provisional: bool
    repeals: tuple[RepealClause, ...]
    dates: tuple[ChineseDate, ...] = field(repr=False)

    @property
    def plain_text(self) -> bool:
        return self.layout == "plain"

    @property
    def issued(self) -> date | None:
        """成文日期 from the signature block, when it is a real date."""
        if self.signature is None or self.signature.date is None:
            return None
        return self.signature.date.value

    @property
    def effective_date(self) -> date | None:
        return self.effective.date if self.effective is not None else None

    @property
    def expires(self) -> date | None:
        return self.validity.end if self.validity is not None else None

    @property
    def instrument_kind(self) -> DocumentKind | None:
        """The kind the body should call itself: the issued document's for a 印发 notice."""
        if self.subject is not None and self.subject.kind is not None:
            return self.subject.kind
        return self.kind

    @property
    def invalid_dates(self) -> tuple[ChineseDate, ...]:
        return tuple(d for d in self.dates if d.value is None)

    def iter_nodes(self) -> Iterator[Node]:
        for node in self.nodes:
            yield from node.walk()

    def summary(self) -> dict[str, str | int | None]:
        """The "document" object of ``fazhi review --json``."""
        return {
            "title": self.title.text if self.title else None,
            "doc_number": self.doc_number.raw if self.doc_number else None,
            "issuer": self.issuer,
            "issued": _iso(self.issued),
            "effective": _iso(self.effective_date),
            "expires": _iso(self.expires),
            "articles": len(self.articles),
            "chars": self.text_length,
        }

    def to_json(self) -> str:
        return json.dumps(self.summary(), ensure_ascii=False)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


# ---------------------------------------------------------------------------------------------
# Patterns

_WS = " \t\u3000\xa0\ufeff\r"
_SP = "[ \t\u3000\xa0]"
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BLANKS = _WS + _LINE_BREAKS
# Word-processor export artefacts ([bookmark: _GoBack]) and Markdown heading marks.
_LEAD = re.compile(rf"(?:\#{{1,6}}{_SP}*)?(?:\[bookmark:[^\]\n]{{0,80}}\]{_SP}*)*")

_DOT = "[.．](?:(?![0-9０-９])|(?=[0-9０-９]{4}年))"
# After 第X条: a reference (第三条的规定, 第三条第二款, 第三条所列…), not an article.
_NOT_ARTICLE = r"(?![的、至和或及第，,：:]|规定|中规定|中的|所列)"
_NUM = "[零〇一二三四五六七八九十百千两0-9０-９]{1,8}"
_MARKER = re.compile(
    rf"第{_SP}*(?P<part>{_NUM}){_SP}*编"
    rf"|第{_SP}*(?P<subpart>{_NUM}){_SP}*分编"
    rf"|第{_SP}*(?P<chapter>{_NUM}){_SP}*章"
    rf"|第{_SP}*(?P<section>{_NUM}){_SP}*节"
    rf"|第{_SP}*(?P<article>{_NUM}){_SP}*条(?P<asuf>之[一二三四五六七八九十]{{1,3}})?{_NOT_ARTICLE}"
    # "1.5万元" is a number, not item 1; "4.2001年以后出生的" is item 4
    rf"|(?P<cn>[一二三四五六七八九十]{{1,3}})(?:、|{_DOT})"
    r"|[（(](?P<pcn>[一二三四五六七八九十]{1,3})[）)]"
    rf"|(?P<ar>[0-9０-９]{{1,3}})(?:、|{_DOT})"
    r"|[（(](?P<par>[0-9０-９]{1,3})[）)]"
    r"|(?P<circ>[①-⑳])"
)
_MARKER_KINDS: dict[str, tuple[NodeKind, int, ItemStyle]] = {
    "part": ("part", 0, ""),
    "subpart": ("subpart", 1, ""),
    "chapter": ("chapter", 2, ""),
    "section": ("section", 3, ""),
    "article": ("article", 4, ""),
    "cn": ("item", 5, "cn"),
    "pcn": ("item", 6, "paren_cn"),
    "ar": ("item", 7, "arabic"),
    "par": ("item", 8, "paren_arabic"),
    "circ": ("item", 9, "circled"),
}
_HEADING_ONLY_KINDS = ("part", "subpart", "chapter", "section")
_SENTENCE_PUNCT = re.compile(r"[。！？；;!?]")
_CLAUSE_PUNCT = re.compile(r"[。！？；;!?，,：:]")

_DOC_NUMBER_CORE = re.compile(
    rf"(?P<open>[〔\[【（(［﹝〖{{｛]){_SP}*(?P<year>(?:19|20)[0-9]{{2}}){_SP}*"
    rf"(?P<close>[〕\]】）)］﹞〗}}｝]){_SP}*(?P<di>第)?{_SP}*(?P<serial>[0-9０-９]{{1,5}}){_SP}*号"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile("[0-9０-９]")
_NON_BLANK_RUN = re.compile(r"[^ \t\u3000\xa0]+")
# Words that end the text in front of a 文号 rather than belong to its issuer code.
_CODE_STOPS = (
    "印发", "转发", "批转", "关于", "根据", "依据", "按照", "参照", "依照", "废止", "执行",
    "文件", "通知", "同时", "同步", "的", "了", "和", "与", "及", "或", "并", "原", "按",
    "照", "据", "见", "即", "以", "对", "由", "在", "为", "是", "将", "于", "止", "等",
)
_MAX_CODE = 10

# A 文号 with the year cut to two digits (〔25〕3号): the review reports it; a line holding one
# (塔人社规〔25〕3号) is still the 文号 line of the head.
SHORT_YEAR_NUMBER = re.compile(r"[〔\[【][0-9]{2}[〕\]】]第?[0-9]{1,5}号")
_SHORT_YEAR_LINE = re.compile(r"[\u4e00-\u9fff]{1,12}" + SHORT_YEAR_NUMBER.pattern)
_JOINT_GAP = re.compile(r"[ \t\u3000]+")
_MASTHEAD = re.compile(r"(?P<name>[\u4e00-\u9fff（）()、]{2,40}?)" + _SP + r"*文件")
_HEAD_NOISE = re.compile(
    r"[0-9]{6}|(?:绝密|机密|秘密)(?:★.*)?|特急|加急|特提|平急|签发人[：:].*|[-—_=*─━·.]{3,}"
    r"|<!--.*-->"
)
_ORG_LINE = re.compile(
    r"[\u4e00-\u9fff（）()、·]{2,40}?(?:政府|委员会|办公室|办事处|管委会|领导小组|局|厅|部|委|办"
    r"|院|署|会|中心|所|站|处|科|股|室|队|组|公司|集团|社|馆|校|大学|银行|支部|党委|党组|纪委|监委"
    r"|分局|司|园区|村|镇|乡|街道)"
)
_ADDRESSEE_HINT = re.compile(
    r"^各|政府|部门|单位|委|局|办|科室|村|街道|镇|乡|公司|学校|院|所|中心|厅|处|机关"
)

_KIND_COMPOUNDS = {
    "实施细则": "细则", "实施办法": "办法", "实施意见": "意见", "实施方案": "方案",
    "暂行办法": "办法", "暂行规定": "规定", "指导意见": "意见",
}
_KIND_BASES = (
    "办法", "细则", "规定", "意见", "通知", "决定", "方案", "规则", "规程", "条例", "规划",
    "计划", "措施", "指引", "指南", "制度", "标准", "规范", "守则", "章程", "公告", "通告",
    "通报", "报告", "请示", "批复", "纪要", "决议", "命令", "公报", "议案", "要点", "清单",
    "目录", "政策", "导则", "须知", "函", "法",
)
_TITLE_SUFFIX = re.compile(r"[（(][^（）()]{1,12}[）)]$")
# Notices whose body carries the named document: 印发/转发 it, or 延长/修订 it and reprint it.
_SUBJECT = re.compile(
    r"(?P<rel>印发|转发|批转|发布|颁布|公布|延长|修订|修改|征求)[^《]{0,20}《(?P<title>[^《》]{2,120})》"
)

_SELF_WORDS = "|".join([*_KIND_COMPOUNDS, *(b for b in _KIND_BASES if b not in ("函", "法")), "法"])
# The look-behind follows the literal 本 so that the regex engine can scan for 本 quickly.
_SELF_REF = re.compile(
    r"本(?<![基根成日资样版剧脚账标文课原读范副正书]本)"
    rf"(?P<w>{_SELF_WORDS})(?![书生])"
)
_LAW_NOT_SELF = frozenset("律人院庭学制治官")

_EFFECTIVE_TAIL = re.compile(
    rf"起{_SP}{{0,2}}(?:(?P<after>[0-9０-９一二三四五六七八九十百]{{1,4}}){_SP}*(?:日|天|个工作日)后"
    rf"{_SP}{{0,2}})?(?:开始)?(?P<verb>施行|实施|执行|生效|试行|实行)"
)
_EFFECTIVE_HEAD = re.compile(
    rf"(?:自|从|于){_SP}{{0,2}}(?:(?P<date>{DATE_PATTERN.pattern})"
    rf"|(?P<basis>印发|发布|公布|发文|签发|下发|颁布|发出|公告|通过|批准|出台){_SP}{{0,2}}之日)"
    rf"{_SP}{{0,2}}$"
)
_VALIDITY_HEAD = re.compile(rf"有效期(?:限)?{_SP}*(?:为|是|[：:])?{_SP}*")
_VALIDITY_SPAN = re.compile(
    rf"(?P<n>[0-9０-９一二三四五六七八九十两]{{1,3}}){_SP}*(?P<unit>年|个月|个年度)"
)
_VALIDITY_UNTIL = re.compile(rf"(?:延长至|延长到|延至|至|到|截至|截止至|截止到|截止){_SP}*")
_VALIDITY_FROM = re.compile(rf"(?:自|从)?{_SP}*")
_VALIDITY_TO = re.compile(rf"{_SP}*起?{_SP}*(?:至|到|—|-|－|~|～){_SP}*")

_END_AFTER = re.compile(rf"{_SP}*(?:止|废止|失效|自动失效|终止)")
_END_BEFORE = re.compile(rf"(?:至|到|[，,]){_SP}*$")
_PROVISIONAL = re.compile("暂行|试行")
# Scanned as bare keywords (fast literal search); the qualifying context is checked after.
_REPEAL_KEY = re.compile("废止|停止执行|不再执行")
_REPEAL_PREFIXES = ("同时", "同步", "一并", "予以", "决定", "宣布", "即行", "现予", "同期")
_REPEAL_OBJECT = re.compile(r"[《<〈「“\"]|[\u4e00-\u9fff]{1,10}[〔\[【（(][0-9]{4}")
_CESSATION = re.compile("停止执行|废止|失效|不再执行")
_ATTACH_LIST = re.compile(rf"附{_SP}*件{_SP}*[：:]{_SP}*")
_ATTACH_NUMBERED = re.compile(
    rf"附{_SP}*件{_SP}*(?P<n>[0-9０-９]+(?:[-－—–][0-9０-９]+)?){_SP}*[：:．.、]{_SP}*"
)
_ATTACH_ITEM = re.compile(rf"(?P<n>[0-9０-９]{{1,2}}(?:[-－—–][0-9０-９]{{1,2}})?){_SP}*[.．、]{_SP}*")
_ATTACH_SECTION = re.compile(
    rf"附{_SP}*件{_SP}*(?P<n>[0-9０-９]{{1,2}}(?:[-－—–][0-9０-９]{{1,2}})?|[一二三四五六七八九十]{{1,3}})?"
    rf"{_SP}*"
)
_ATTACH_MENTION = re.compile(
    r"附件(?P<n>[0-9０-９]{1,2}(?:[-－][0-9０-９]{1,2})?|[一二三四五六七八九十]{1,3})"
)
_OPEN_PAREN = re.compile(rf"{_SP}*[（(]")
_BOOK_MARKS = re.compile("[《》\n]")
_INLINE_ARTICLE = re.compile(rf"第(?P<n>{_NUM})条{_NOT_ARTICLE}")
_INLINE_HEADING = re.compile(rf"第{_SP}*{_NUM}{_SP}*[编章节][^。；;]{{0,30}}$")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_CLAUSE_END = re.compile(r"[。！？!?；;\n]")


# ---------------------------------------------------------------------------------------------
# Document numbers


def _issuer_code(text: str, end: int) -> int:
    """Start of the issuer code that ends at ``end`` (CJK characters, cut at function words)."""
    start = end
    lower = max(0, end - _MAX_CODE)
    while start > lower and _CJK.match(text, start - 1):
        start -= 1
    code = text[start:end]
    cut = 0
    for stop in _CODE_STOPS:
        i = code.rfind(stop)
        # A code keeps at least two characters: 渝川大数据发 is one, not 据 + 发.
        if i >= 0 and len(code) - i - len(stop) >= 2:
            cut = max(cut, i + len(stop))
    return start + cut


def _doc_number_at(text: str, m: re.Match[str]) -> DocNumber | None:
    code_end = m.start()
    while code_end > 0 and text[code_end - 1] in " \u3000":
        code_end -= 1  # 渝府办发 〔2019〕 120 号 as extracted from a PDF
    code_start = _issuer_code(text, code_end)
    if code_start == code_end:
        return None
    serial = cn_to_int(m.group("serial"))
    if serial is None:
        return None
    return DocNumber(
        raw=text[code_start : m.end()],
        issuer_code=text[code_start:code_end],
        year=int(m.group("year")),
        serial=serial,
        brackets=m.group("open") + m.group("close"),
        span=(code_start, m.end()),
    )


def find_doc_numbers(text: str, start: int = 0, end: int | None = None) -> list[DocNumber]:
    """All 发文字号 in ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    found = []
    for m in _DOC_NUMBER_CORE.finditer(text, start, stop):
        number = _doc_number_at(text, m)
        if number is not None and number.span[0] >= start:
            found.append(number)
    return found


def parse_doc_number(text: str) -> DocNumber | None:
    """The first 发文字号 in ``text`` (沪府规〔2021〕3号, 宝杨府【2013】11号…), or None."""
    numbers = find_doc_numbers(text)
    return numbers[0] if numbers else None


# ---------------------------------------------------------------------------------------------
# Lines


@dataclass(slots=True)
class _Line:
    start: int  # first character of the line
    end: int  # end of the line, line break excluded
    cstart: int  # first character of content (leading blanks and artefacts skipped)
    cend: int  # end of content (trailing blanks skipped)

    @property
    def blank(self) -> bool:
        return self.cstart >= self.cend


def _split_lines(text: str) -> list[_Line]:
    lines = []
    pos = 0
    for piece in text.splitlines(keepends=True):
        body = piece.rstrip(_LINE_BREAKS)
        end = pos + len(body)
        stripped = body.strip(_WS)
        if stripped:
            cstart = pos + body.index(stripped)
            lead = _LEAD.match(text, cstart, end)
            if lead is not None and lead.end() > cstart:
                cstart = lead.end()
                while cstart < end and text[cstart] in _WS:
                    cstart += 1
            cend = pos + len(body.rstrip(_WS))
            lines.append(_Line(pos, end, cstart, max(cstart, cend)))
        else:
            lines.append(_Line(pos, end, end, end))
        pos += len(piece)
    return lines


def _content(text: str, line: _Line) -> str:
    return text[line.cstart : line.cend]


def _is_title_like(s: str) -> bool:
    return (
        2 <= len(s) <= 60
        and _SENTENCE_PUNCT.search(s) is None
        and s[-1] not in "：:，,、"
        and len(_CJK.findall(s)) >= 2
        and _MARKER.match(s) is None
        and DATE_PATTERN.match(s) is None
        and not s.startswith(("附件", "<!--"))
    )


def _standalone_doc_number(text: str, line: _Line) -> DocNumber | None:
    m = _DOC_NUMBER_CORE.search(text, line.cstart, line.cend)
    if m is None:
        return None
    number = _doc_number_at(text, m)
    if number is None or number.span[0] != line.cstart:
        return None
    rest = text[m.end() : line.cend].strip(_WS)
    if rest and not rest.startswith("签发人"):
        return None
    return number


# ---------------------------------------------------------------------------------------------
# Parsing


@dataclass(slots=True)
class _Builder:
    kind: NodeKind
    level: int
    style: ItemStyle
    marker: str
    number: int | None
    suffix: str
    heading: str | None
    marker_span: Span
    heading_span: Span | None
    start: int
    segment: int
    line_end: int
    end: int = -1
    children: list[_Builder] = field(default_factory=list)

    def freeze(self) -> Node:
        return Node(
            kind=self.kind,
            level=self.level,
            style=self.style,
            marker=self.marker,
            number=self.number,
            suffix=self.suffix,
            heading=self.heading,
            span=(self.start, self.end),
            marker_span=self.marker_span,
            heading_span=self.heading_span,
            segment=self.segment,
            children=tuple(c.freeze() for c in self.children),
        )


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _split_lines(text)
        self.line_starts = [ln.start for ln in self.lines]
        books = _book_ranges(text)
        self.book_starts = [b[0] for b in books]
        self.book_ends = [b[1] for b in books]
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        self.clause_ends = [m.start() for m in _CLAUSE_END.finditer(text)]
        self.contents_span: Span | None = None

    # -- helpers ------------------------------------------------------------------------------

    def in_book(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a 《…》 title (another document's name)."""
        i = bisect_right(self.book_starts, pos) - 1
        return i >= 0 and self.book_starts[i] < pos < self.book_ends[i]

    def line_index(self, pos: int) -> int:
        return max(0, bisect_right(self.line_starts, pos) - 1)

    def sentence(self, pos: int, ends: list[int] | None = None) -> Span:
        bounds = self.sentence_ends if ends is None else ends
        i = bisect_left(bounds, pos)
        start = bounds[i - 1] + 1 if i > 0 else 0
        end = bounds[i] if i < len(bounds) else len(self.text)
        return (start, end)

    def trim(self, start: int, end: int) -> int:
        while end > start and self.text[end - 1] in _BLANKS:
            end -= 1
        return end

    # -- head: masthead, 文号, title, 主送 -----------------------------------------------------

    def parse_head(
        self,
    ) -> tuple[str | None, DocNumber | None, Title | None, Addressees | None, int]:
        text, lines = self.text, self.lines
        masthead: str | None = None
        number: DocNumber | None = None
        i, n = 0, len(lines)
        seen = 0
        while i < n and seen < 8:
            ln = lines[i]
            if ln.blank:
                i += 1
                continue
            s = _content(text, ln)
            found = _standalone_doc_number(text, ln)
            if found is not None:
                number = number or found
            elif _SHORT_YEAR_LINE.fullmatch(s) or _HEAD_NOISE.fullmatch(s) or (
                # an attachment uploaded on its own opens with 附件 / 附件1 above its title
                seen == 0 and (a := _ATTACH_SECTION.match(s)) is not None and a.end() == len(s)
            ):
                pass
            elif (
                ((m := _MASTHEAD.fullmatch(joint := _JOINT_GAP.sub("", s))) is not None
                 or _ORG_LINE.fullmatch(joint.strip("（）()")))
                and self._doc_number_follows(i)
            ):
                # 发文机关标志: "XX文件", or the bare name when a 文号 line follows it; joint
                # issuers side by side (莲川县农业农村局 莲川县财政局文件) or on further lines, and
                # the organ's second name (（县粮食和物资储备局）).
                if masthead is None:
                    masthead = m.group("name") if m is not None else s
            else:
                break
            seen += 1
            i += 1

        title: Title | None = None
        body_start = lines[i].start if i < n else len(text)
        spans: list[Span] = []
        j = i
        while j < n and len(spans) < 4 and not lines[j].blank:
            s = _content(text, lines[j])
            if not _is_title_like(s) or (spans and _standalone_doc_number(text, lines[j])):
                break
            if s[0] in "（(" and (not spans or len(s) > 10 or _DIGIT.search(s)):
                break  # （2021年3月5日…通过） is a note under the title; （试行） continues it
            spans.append((lines[j].cstart, lines[j].cend))
            j += 1
        if spans and self._has_content_after(j):
            joined = "".join(text[a:b] for a, b in spans)
            title = Title(joined, (spans[0][0], spans[-1][1]), tuple(spans))
            body_start = lines[j - 1].end
            i = j
        addressees: Addressees | None = None
        if title is not None:
            # After the title: a 文号 line (web layouts), then the 主送 line.
            k = self._next_content(i)
            for _ in range(3):
                if k >= n:
                    break
                ln = lines[k]
                found = _standalone_doc_number(text, ln)
                s = _content(text, ln)
                if found is not None:
                    number = number or found
                elif not (_HEAD_NOISE.fullmatch(s) or (s[0] in "（(" and s[-1] in "）)")):
                    break
                body_start = ln.end
                k = self._next_content(k + 1)
            if k < n:
                addressees = self._addressees(lines[k])
                if addressees is not None:
                    body_start = lines[k].end
        return masthead, number, title, addressees, body_start

    def _doc_number_follows(self, i: int) -> bool:
        k = self._next_content(i + 1)
        for _ in range(3):
            if k >= len(self.lines):
                return False
            line = self.lines[k]
            if (_standalone_doc_number(self.text, line) is not None
                    or _SHORT_YEAR_LINE.fullmatch(_content(self.text, line))):
                return True
            k = self._next_content(k + 1)
        return False

    def _next_content(self, i: int) -> int:
        while i < len(self.lines) and self.lines[i].blank:
            i += 1
        return i

    def _has_content_after(self, i: int) -> bool:
        return self._next_content(i) < len(self.lines)

    def _addressees(self, ln: _Line) -> Addressees | None:
        s = _content(self.text, ln)
        if (
            len(s) < 3
            or len(s) > 150
            or s[-1] not in "：:"
            or "如下" in s
            or _SENTENCE_PUNCT.search(s)
            or _MARKER.match(s)
            or s.startswith("附件")
            or not _ADDRESSEE_HINT.search(s)
        ):
            return None
        names = tuple(p.strip(_WS) for p in re.split(r"[，,；;]", s[:-1]) if p.strip(_WS))
        return Addressees(names, s, (ln.cstart, ln.cend))

    # -- signature -----------------------------------------------------------------------------

    def parse_signature(self, dates: list[ChineseDate], body_start: int) -> Signature | None:
        text, lines = self.text, self.lines
        bare: Signature | None = None
        for d in dates:
            if d.start < body_start:
                continue
            idx = self.line_index(d.start)
            ln = lines[idx]
            if ln.cstart != d.start or ln.cend != d.end:
                continue
            issuers: list[Span] = []
            k = idx - 1
            blanks = 0
            while k >= 0 and len(issuers) < 4 and blanks <= 2:
                prev = lines[k]
                if prev.blank:
                    blanks += 1
                    k -= 1
                    continue
                if prev.end <= body_start:
                    break
                spans = self._org_line(prev)
                if not spans:
                    break
                issuers[:0] = spans
                blanks = 0
                k -= 1
            if issuers:
                names = tuple(text[a:b] for a, b in issuers)
                return Signature(names, tuple(issuers), d, (issuers[0][0], d.end))
            bare = Signature((), (), d, (d.start, d.end))
        return bare

    def _org_line(self, ln: _Line) -> list[Span]:
        """Spans of the organisation names on a signature line ([] if it is not one)."""
        text = self.text
        s = _content(text, ln)
        if len(s) > 80 or _MARKER.match(s):
            return []
        spans = []
        for m in _NON_BLANK_RUN.finditer(text, ln.cstart, ln.cend):
            if _ORG_LINE.fullmatch(m.group()) is None:
                return []
            spans.append((m.start(), m.end()))
        return spans

    # -- attachments ---------------------------------------------------------------------------

    def parse_attachments(
        self, body_start: int
    ) -> tuple[list[Attachment], Span | None, list[AttachmentSection]]:
        text, lines = self.text, self.lines
        items: list[Attachment] = []
        list_span: Span | None = None
        sections: list[AttachmentSection] = []
        i = 0
        n = len(lines)
        while i < n:
            ln = lines[i]
            if ln.blank or ln.start < body_start or text[ln.cstart] != "附":
                i += 1
                continue
            if list_span is None:
                m = _ATTACH_LIST.match(text, ln.cstart, ln.cend)
                if m is not None:
                    i = self._attachment_list(i, m.end(), items)
                    list_span = (ln.cstart, items[-1].span[1] if items else ln.cend)
                    continue
                m = _ATTACH_NUMBERED.match(text, ln.cstart, ln.cend)
                if m is not None and m.end() < ln.cend:
                    i = self._attachment_lines(i, items)
                    list_span = (ln.cstart, items[-1].span[1])
                    continue
            m = _ATTACH_SECTION.match(text, ln.cstart, ln.cend)
            if m is not None and m.end() == ln.cend:
                k = self._next_content(i + 1)
                title: str | None = None
                title_span: Span | None = None
                if k < n and _is_title_like(_content(text, lines[k])):
                    title = _content(text, lines[k])
                    title_span = (lines[k].cstart, lines[k].cend)
                sections.append(
                    AttachmentSection(
                        _norm_number(m.group("n")), title, (ln.cstart, ln.cend), title_span
                    )
                )
            i += 1
        return items, list_span, sections

    def _attachment_list(self, i: int, rest: int, items: list[Attachment]) -> int:
        """Read 附件：… starting on line ``i``; returns the index of the first line after it."""
        text, lines = self.text, self.lines
        ln = lines[i]
        if rest < ln.cend:
            m = _ATTACH_ITEM.match(text, rest, ln.cend)
            if m is None or m.end() >= ln.cend:
                items.append(Attachment(None, text[rest : ln.cend], (rest, ln.cend), (rest, ln.cend)))
                return i + 1
            items.append(_attachment_item(text, m, ln.cend))
        i += 1
        while i < len(lines):
            k = self._next_content(i)
            if k >= len(lines):
                break
            m = _ATTACH_ITEM.match(text, lines[k].cstart, lines[k].cend)
            if m is None or m.end() >= lines[k].cend:
                break
            if k > i and items and not _follows(items[-1].number, m.group("n")):
                break  # after a blank line only the next number continues the list
            items.append(_attachment_item(text, m, lines[k].cend))
            i = k + 1
        return i

    def _attachment_lines(self, i: int, items: list[Attachment]) -> int:
        """Read consecutive 附件1：… lines."""
        text, lines = self.text, self.lines
        while i < len(lines):
            ln = lines[i]
            m = _ATTACH_NUMBERED.match(text, ln.cstart, ln.cend)
            if ln.blank or m is None or m.end() >= ln.cend:
                break
            items.append(
                Attachment(
                    _norm_number(m.group("n")),
                    text[m.end() : ln.cend],
                    (ln.cstart, ln.cend),
                    (m.end(), ln.cend),
                )
            )
            i += 1
        return i

    # -- the 编/章/节/条 and item tree -----------------------------------------------------------

    def parse_nodes(self, body_start: int, regions: list[Span]) -> list[_Builder]:
        roots = self._tree(self.lines, body_start, regions)
        found = sum(1 for b in _walk(roots) if b.kind == "article")
        if found < 2:
            # Text that lost its paragraph breaks: 第一条…。第二条…。 on one line.
            cuts = self._inline_articles(body_start)
            if cuts:
                roots = self._tree(_split_at(self.text, self.lines, cuts), body_start, regions)
        return roots

    def _inline_articles(self, body_start: int) -> list[int]:
        """Starts of 第一条, 第二条, … (and 第X章 headings between them) run into one line.

        An article must be the next number in the run and open a sentence (after 。；：,
        a line break or a 第X章 heading) — or, where the drafter dropped the 。, be followed
        by the next article opening a sentence. 将第一条修改为 and 依照第五条 do not count.
        """
        text = self.text
        found: list[tuple[int, int, bool, int | None]] = []  # number, start, opens, heading
        for m in _INLINE_ARTICLE.finditer(text, body_start):
            number = cn_to_int(m.group("n"))
            if number is None:
                continue
            before = m.start()
            while before > body_start and text[before - 1] in _WS:
                before -= 1
            heading = _INLINE_HEADING.search(text, max(body_start, before - 40), before)
            opens = before == body_start or text[before - 1] in "。；;：:\n" or heading is not None
            found.append((number, m.start(), opens, heading.start() if heading else None))
        opening: dict[int, list[int]] = {}
        for number, start, opens, _ in found:
            if opens:
                opening.setdefault(number, []).append(start)
        cuts: list[int] = []
        count = 0
        for number, start, opens, heading_start in found:
            if number != count + 1:
                continue
            later = opening.get(number + 1, [])
            if not opens and not (later and later[-1] > start):
                continue
            if heading_start is not None:
                cuts.append(heading_start)
            cuts.append(start)
            count += 1
        return sorted(set(cuts)) if count >= 3 else []

    def _tree(self, lines: list[_Line], body_start: int, regions: list[Span]) -> list[_Builder]:
        text = self.text
        roots: list[_Builder] = []
        stack: list[_Builder] = []
        regions = sorted(regions)
        r = 0
        segment = 0

        def close_all(at: int) -> None:
            while stack:
                node = stack.pop()
                node.end = self.trim(node.start, at)

        for ln in lines:
            if ln.blank or ln.start < body_start:
                continue
            while r < len(regions) and regions[r][1] <= ln.cstart:
                r += 1
            if r < len(regions) and regions[r][0] <= ln.cstart:
                if stack:
                    close_all(regions[r][0])
                    segment += 1
                continue
            m = _MARKER.match(text, ln.cstart, ln.cend)
            if m is None:
                continue
            group = m.lastgroup
            if group == "asuf":
                group = "article"
            if group is None or group not in _MARKER_KINDS:
                continue
            kind, level, style = _MARKER_KINDS[group]
            rest_start = m.end()
            while rest_start < ln.cend and text[rest_start] in _WS:
                rest_start += 1
            rest = text[rest_start : ln.cend]
            if kind in _HEADING_ONLY_KINDS and (len(rest) > 40 or _SENTENCE_PUNCT.search(rest)):
                continue  # a sentence that happens to start with 第一章…
            heading, heading_span = _heading(kind, rest, rest_start)
            node = _Builder(
                kind=kind,
                level=level,
                style=style,
                marker=m.group(0),
                number=cn_to_int(m.group(group)),
                suffix=(m.group("asuf") or "") if kind == "article" else "",
                heading=heading,
                marker_span=(m.start(), m.end()),
                heading_span=heading_span,
                start=ln.cstart,
                segment=segment,
                line_end=ln.cend,
            )
            while stack and stack[-1].level >= level:
                done = stack.pop()
                done.end = self.trim(done.start, ln.start)
            (stack[-1].children if stack else roots).append(node)
            stack.append(node)
        close_all(len(text))
        return self._drop_contents(roots)

    def _empty_heading(self, node: _Builder) -> bool:
        """A 章/节 line with nothing under it but other such lines, as in a 目录."""
        if node.kind not in _HEADING_ONLY_KINDS:
            return False
        own_end = node.children[0].start if node.children else node.end
        if self.text[node.line_end : own_end].strip(_WS + _LINE_BREAKS + "#"):
            return False
        return all(self._empty_heading(c) for c in node.children)

    def _drop_contents(self, roots: list[_Builder]) -> list[_Builder]:
        """Drop a leading table of contents: empty headings that the text then repeats."""
        run = 0
        while run < len(roots) and self._empty_heading(roots[run]):
            run += 1
        if run < 2:
            return roots
        first = roots[0]
        if any(r.kind == first.kind and r.number == first.number for r in roots[run:]):
            self.contents_span = (first.start, roots[run - 1].end)
            return roots[run:]
        return roots

    # -- clauses -------------------------------------------------------------------------------

    def self_references(self, body_start: int) -> list[SelfReference]:
        found = []
        for m in _SELF_REF.finditer(self.text, body_start):
            word = m.group("w")
            if word == "法":
                nxt = self.text[m.end() : m.end() + 2]
                if nxt[:1] in _LAW_NOT_SELF or (nxt[:1] == "规" and nxt != "规定"):
                    continue
            if not self.in_book(m.start()):
                found.append(SelfReference(word, (m.start(), m.end())))
        return found

    def effective_clauses(self, body_start: int, refs: list[SelfReference]) -> list[Effective]:
        text = self.text
        ref_starts = [r.span[0] for r in refs]
        clauses = []
        for tail in _EFFECTIVE_TAIL.finditer(text, body_start):
            window = max(body_start, tail.start() - 40)
            head = _EFFECTIVE_HEAD.search(text, window, tail.start())
            if head is None or self.in_book(head.start()):
                continue
            clause_date: ChineseDate | None = None
            if head.group("date") is not None:
                clause_date = match_date(text, head.start("date"))
            delay = cn_to_int(tail.group("after")) if tail.group("after") else 0
            start, _ = self.sentence(head.start(), self.clause_ends)
            i = bisect_left(ref_starts, start)
            clauses.append(
                Effective(
                    kind="date" if clause_date is not None else "on_issue",
                    raw=text[head.start() : tail.end()],
                    span=(head.start(), tail.end()),
                    verb=tail.group("verb"),
                    clause_date=clause_date,
                    basis=head.group("basis"),
                    delay_days=delay or 0,
                    date=clause_date.value if clause_date is not None else None,
                    refers_to_self=i < len(ref_starts) and ref_starts[i] < head.start(),
                )
            )
        return clauses

    def validity_clauses(self, body_start: int, dates: list[ChineseDate]) -> list[Validity]:
        text = self.text
        found = self._end_dates(body_start, dates)
        for m in _VALIDITY_HEAD.finditer(text, body_start):
            if self.in_book(m.start()):
                continue
            pos = m.end()
            years = months = None
            start_date = until = None
            end = pos
            if (s := _VALIDITY_SPAN.match(text, pos)) is not None:
                value = cn_to_int(s.group("n"))
                if s.group("unit") == "个月":
                    months = value
                else:
                    years = value
                end = s.end()
            elif (u := _VALIDITY_UNTIL.match(text, pos)) is not None and (
                until := match_date(text, u.end())
            ) is not None:
                end = until.end
            else:
                f = _VALIDITY_FROM.match(text, pos)
                start_date = match_date(text, f.end()) if f is not None else None
                t = _VALIDITY_TO.match(text, start_date.end) if start_date is not None else None
                until = match_date(text, t.end()) if t is not None else None
                if start_date is None or until is None:
                    continue
                end = until.end
            found.append(
                Validity(
                    raw=text[m.start() : end],
                    span=(m.start(), end),
                    years=years,
                    months=months,
                    start=start_date,
                    until=until,
                    end=until.value if until is not None else None,
                )
            )
        found.sort(key=lambda v: v.span)
        return found

    def _end_dates(self, body_start: int, dates: list[ChineseDate]) -> list[Validity]:
        """…起施行，至2025年12月31日止 / …，2025年12月31日废止: an end date without 有效期."""
        text = self.text
        found = []
        for d in dates:
            if d.start < body_start or self.in_book(d.start):
                continue
            after = _END_AFTER.match(text, d.end)
            if after is None:
                continue
            before = _END_BEFORE.search(text, max(body_start, d.start - 4), d.start)
            if before is None or "有效期" in text[max(0, d.start - 8) : d.start]:
                continue  # 有效期至… is read by validity_clauses itself
            start = before.start() if before.group().strip(_WS) in ("至", "到") else d.start
            found.append(
                Validity(
                    raw=text[start : after.end()],
                    span=(start, after.end()),
                    years=None,
                    months=None,
                    start=None,
                    until=d,
                    end=d.value,
                )
            )
        return found

    def provisional_markers(self, title: Title | None, body_start: int) -> list[ProvisionalMarker]:
        found = []
        if title is not None:
            for m in _PROVISIONAL.finditer(title.text):
                at = title.offset(m.start())
                found.append(ProvisionalMarker(m.group(), "title", (at, at + 2)))
        for m in _PROVISIONAL.finditer(self.text, body_start):
            if not self.in_book(m.start()):
                found.append(ProvisionalMarker(m.group(), "body", (m.start(), m.end())))
        return found

    def repeals(self, body_start: int) -> list[RepealClause]:
        text = self.text
        found: list[RepealClause] = []
        for m in _REPEAL_KEY.finditer(text, body_start):
            if self.in_book(m.start()):
                continue
            kw_start = m.start()
            before = text[max(body_start, kw_start - 2) : kw_start]
            if before in _REPEAL_PREFIXES:
                kw_start -= 2
            elif m.group() == "废止" and _REPEAL_OBJECT.match(text, m.end()) is None:
                continue  # 已废止的文件, 废止了… — a mention, not a repeal clause
            s_start, s_end = self.sentence(kw_start, self.clause_ends)
            s_start = max(s_start, body_start, kw_start - 300)
            # The clause begins after the last comma before the keyword (outside 《》).
            start = kw_start
            while start > s_start and not (
                text[start - 1] in "，," and not self.in_book(start - 1)
            ):
                start -= 1
            while start < kw_start and text[start] in _WS:
                start += 1
            end = self.trim(start, s_end)
            targets = self._repeal_targets(start, end)
            keyword = text[kw_start : m.end()]
            if not targets and "废止" not in keyword:
                continue  # 停止执行 on its own is a cessation date, not a repeal
            if found and found[-1].span[1] > start:
                continue  # 同时废止 already covered by the previous keyword's clause
            description = None if targets else text[start:kw_start].strip(_WS) or None
            found.append(
                RepealClause(
                    keyword=keyword,
                    raw=text[start:end],
                    span=(start, end),
                    targets=tuple(targets),
                    description=description,
                    date=self._repeal_date(start, end),
                )
            )
        return found

    def _repeal_targets(self, start: int, end: int) -> list[RepealTarget]:
        text = self.text
        targets: list[RepealTarget] = []
        covered: list[Span] = []
        i = bisect_left(self.book_starts, start)
        while i < len(self.book_starts) and self.book_ends[i] <= end:
            b_start, b_end = self.book_starts[i], self.book_ends[i]
            number = None
            span_end = b_end
            m = _OPEN_PAREN.match(text, b_end, end)
            if m is not None:
                close = text.find("）", m.end(), end)
                if close < 0:
                    close = text.find(")", m.end(), end)
                if close > 0:
                    numbers = find_doc_numbers(text, m.end(), close)
                    if numbers:
                        number = numbers[0]
                        span_end = close + 1
            targets.append(RepealTarget(text[b_start + 1 : b_end - 1], number, (b_start, span_end)))
            covered.append((b_start, span_end))
            i += 1
        for number in find_doc_numbers(text, start, end):
            if not any(a <= number.span[0] < b for a, b in covered):
                targets.append(RepealTarget(None, number, number.span))
        targets.sort(key=lambda t: t.span)
        return targets

    def _repeal_date(self, start: int, end: int) -> ChineseDate | None:
        dates = find_dates(self.text, start, end)
        if dates:
            return dates[0]
        n_start, n_end = self.sentence(end + 1)
        if n_start <= end + 1 and _CESSATION.search(self.text, n_start, n_end):
            after = find_dates(self.text, n_start, n_end)
            if after:
                return after[0]
        return None

    def attachment_mentions(self, body_start: int, skip: list[Span]) -> list[AttachmentMention]:
        found = []
        for m in _ATTACH_MENTION.finditer(self.text, body_start):
            if any(a <= m.start() < b for a, b in skip):
                continue
            number = _norm_number(m.group("n"))
            if number is not None:
                found.append(AttachmentMention(number, (m.start(), m.end()), self._book_near(m)))
        return found

    def _book_near(self, m: re.Match[str]) -> str | None:
        """A 《title》 just before (…《X》（见附件2）) or just after (附件2《X》) a mention."""
        i = bisect_right(self.book_ends, m.start()) - 1
        if i >= 0 and 0 <= m.start() - self.book_ends[i] <= 4:
            gap = self.text[self.book_ends[i] : m.start()]
            if all(ch in "（(见详参照 \u3000" for ch in gap):
                return self.text[self.book_starts[i] + 1 : self.book_ends[i] - 1]
        j = bisect_left(self.book_starts, m.end())
        if j < len(self.book_starts) and self.book_starts[j] - m.end() <= 1:
            gap = self.text[m.end() : self.book_starts[j]]
            if gap in ("", "：", ":", " "):
                return self.text[self.book_starts[j] + 1 : self.book_ends[j] - 1]
        return None


def _walk(nodes: list[_Builder]) -> Iterator[_Builder]:
    for node in nodes:
        yield node
        yield from _walk(node.children)


def _split_at(text: str, lines: list[_Line], cuts: list[int]) -> list[_Line]:
    """``lines`` with extra line breaks before each offset in ``cuts`` (offsets kept)."""
    out: list[_Line] = []
    i = 0
    for ln in lines:
        start = ln.start
        cstart = ln.cstart
        while i < len(cuts) and cuts[i] < ln.end:
            cut = cuts[i]
            i += 1
            if cut <= cstart:
                continue
            end = cut
            while end > cstart and text[end - 1] in _WS:
                end -= 1
            out.append(_Line(start, cut, cstart, end))
            start = cstart = cut
        out.append(_Line(start, ln.end, cstart, max(cstart, ln.cend)))
    return out


def _book_ranges(text: str) -> list[Span]:
    """Balanced 《…》 ranges (end exclusive).

    A title may wrap onto the next line; a 《 still open at a line break more than 120
    characters after it is taken as unbalanced and dropped, so one stray 《 cannot swallow
    the rest of the document.
    """
    ranges = []
    depth = 0
    start = 0
    for m in _BOOK_MARKS.finditer(text):
        ch = m.group()
        if ch == "《":
            if depth == 0:
                start = m.start()
            depth = min(depth + 1, 8)
        elif ch == "》":
            if depth > 0:
                depth -= 1
                if depth == 0:
                    ranges.append((start, m.end()))
        elif depth and m.start() - start > 120:
            depth = 0
    return ranges


def _heading(kind: NodeKind, rest: str, at: int) -> tuple[str | None, Span | None]:
    if not rest:
        return None, None
    if kind in _HEADING_ONLY_KINDS:
        return re.sub(r"[ \t\u3000\xa0]+", "", rest), (at, at + len(rest))
    limit = 30 if kind == "article" else 40
    if len(rest) <= limit and _CLAUSE_PUNCT.search(rest) is None:
        return rest, (at, at + len(rest))
    if kind == "item":
        # 1. 扎实开展学习宣传。把学习… — a run-in heading ending at the first 。
        stop = rest.find("。")
        if 0 < stop <= 25 and _CLAUSE_PUNCT.search(rest, 0, stop) is None:
            return rest[:stop], (at, at + stop)
    return None, None


def _norm_number(raw: str | None) -> str | None:
    if raw is None:
        return None
    raw = re.sub("[－—–]", "-", raw.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    if raw[0].isdigit():
        return raw
    value = cn_to_int(raw)
    return str(value) if value is not None else None


def _attachment_item(text: str, m: re.Match[str], line_end: int) -> Attachment:
    return Attachment(
        _norm_number(m.group("n")),
        text[m.end() : line_end],
        (m.start(), line_end),
        (m.end(), line_end),
    )


def _follows(previous: str | None, current: str) -> bool:
    """Whether attachment ``current`` continues after ``previous`` (5 → 6, 6-1 → 6-2 → 7)."""
    norm = _norm_number(current)
    if previous is None or norm is None:
        return False
    prev_major = int(previous.split("-")[0])
    return int(norm.split("-")[0]) in (prev_major, prev_major + 1)


def _kind_of(title: str, offset: Callable[[int], int]) -> DocumentKind | None:
    """文种 at the end of ``title`` (after dropping （试行）-style suffixes).

    ``offset`` maps an index in ``title`` to an offset in the document.
    """
    stripped = title.rstrip(_WS)
    while (m := _TITLE_SUFFIX.search(stripped)) is not None:
        stripped = stripped[: m.start()].rstrip(_WS)
    found = next(((w, b) for w, b in _KIND_COMPOUNDS.items() if stripped.endswith(w)), None)
    if found is None:
        found = next(((b, b) for b in _KIND_BASES if stripped.endswith(b)), None)
    if found is None:
        return None
    word, base = found
    index = len(stripped) - len(word)
    return DocumentKind(word, base, (offset(index), offset(index + len(word) - 1) + 1))


def _numbering_issues(roots: list[_Builder]) -> list[NumberingIssue]:
    issues: list[NumberingIssue] = []
    runs: dict[tuple[str, int, int], list[_Builder]] = {}

    def walk(nodes: list[_Builder], part: int) -> None:
        for node in nodes:
            if node.kind in ("part", "article"):
                # 编 and 条 run on through the whole document.
                runs.setdefault((node.kind, node.segment, 0), []).append(node)
            elif node.kind == "chapter":
                # 章 restart in each 编 (刑法) but run on across 分编 (民法典).
                runs.setdefault(("chapter", node.segment, part), []).append(node)
            walk(node.children, id(node) if node.kind == "part" else part)

    # A notice and the document it issues (different segments) number separately.
    walk(roots, 0)
    for seq in runs.values():
        _check_sequence(seq, issues, restart_ok=False)

    # 分编 restart in each 编, 节 in each 章, items under each parent.
    def siblings(nodes: list[_Builder]) -> None:
        groups: dict[tuple[str, int], list[_Builder]] = {}
        for node in nodes:
            if node.kind in ("subpart", "section", "item"):
                groups.setdefault((node.style or node.kind, node.segment), []).append(node)
            siblings(node.children)
        for seq in groups.values():
            _check_sequence(seq, issues, restart_ok=True)

    siblings(roots)
    issues.sort(key=lambda i: i.span)
    return issues


def _check_sequence(seq: list[_Builder], issues: list[NumberingIssue], restart_ok: bool) -> None:
    prev: _Builder | None = None
    for node in seq:
        if node.suffix or node.number is None:
            continue  # 第X条之一 sits between X and X+1 by design
        number = node.number
        if prev is None or prev.number is None:
            if number != 1 and not restart_ok:
                issues.append(_issue("start", node, 1, f"编号从「{node.marker}」开始，未从一开始"))
            prev = node
            continue
        expected = prev.number + 1
        if number == 1 and restart_ok:
            pass  # a new list under the same parent
        elif number == prev.number:
            issues.append(_issue("repeat", node, expected, f"「{node.marker}」重复"))
        elif number > expected:
            issues.append(
                _issue("gap", node, expected, f"「{prev.marker}」之后为「{node.marker}」，编号不连续")
            )
        elif number < prev.number:
            issues.append(
                _issue("backwards", node, expected, f"「{prev.marker}」之后为「{node.marker}」，编号倒序")
            )
        prev = node


def _issue(kind: Literal["gap", "repeat", "backwards", "start"], node: _Builder, expected: int,
           message: str) -> NumberingIssue:
    return NumberingIssue(
        kind=kind,
        node_kind=node.kind,
        style=node.style,
        expected=expected,
        found=node.number or 0,
        span=node.marker_span,
        message=message,
    )


def parse(text: str) -> DocumentStructure:
    """Parse the structure of one document given as text."""
    p = _Parser(text)
    masthead, doc_number, title, addressees, body_start = p.parse_head()
    dates = find_dates(text)
    signature = p.parse_signature(dates, body_start)
    attachments, attachments_span, sections = p.parse_attachments(body_start)

    kind = _kind_of(title.text, title.offset) if title is not None else None
    subject = _subject(p, title, signature)

    regions: list[Span] = []
    if signature is not None:
        regions.append(signature.span)
    if attachments_span is not None:
        regions.append(attachments_span)
    for section in sections:
        regions.append((section.span[0], (section.title_span or section.span)[1]))
    if subject is not None and subject.embedded_span is not None:
        regions.append(subject.embedded_span)
    for ln in p.lines:
        if text.startswith(("抄送", "抄报"), ln.cstart):
            regions.append((ln.cstart, ln.cend))
    builders = p.parse_nodes(body_start, regions)
    numbering = _numbering_issues(builders)
    nodes = tuple(b.freeze() for b in builders)
    articles = tuple(n for root in nodes for n in root.walk() if n.kind == "article")

    refs = p.self_references(body_start)
    issued = signature.date.value if signature is not None and signature.date else None
    clauses = [_resolve(c, issued) for c in p.effective_clauses(body_start, refs)]
    effective = _main_effective(clauses)
    validities = p.validity_clauses(body_start, dates)
    ref_starts = [r.span[0] for r in refs]
    validity = _main_validity(p, validities, effective, ref_starts)
    if subject is not None and subject.relation == "延长":
        # 关于延长《X》有效期的通知: the extension, not X's original period, is what holds now
        validity = next((v for v in validities if "延" in v.raw), validity)
    markers = p.provisional_markers(title, body_start)
    provisional = any(
        _own_title_marker(p, m.span[0], subject) for m in markers if m.where == "title"
    ) or any(
        _same_sentence(p, m.span[0], ref_starts, effective)
        for m in markers
        if m.where == "body"
    )
    skip = [r for r in (attachments_span, *(s.span for s in sections)) if r is not None]

    issuer, source = _issuer(signature, masthead, title)
    has_nodes = bool(nodes)
    layout: Layout
    if articles:
        layout = "articles"
    elif has_nodes:
        layout = "items"
    elif title is not None or signature is not None or addressees is not None:
        layout = "paragraphs"
    else:
        layout = "plain"
    return DocumentStructure(
        text_length=len(text),
        layout=layout,
        body_start=body_start,
        title=title,
        doc_number=doc_number,
        masthead=masthead,
        issuer=issuer,
        issuer_source=source,
        addressees=addressees,
        kind=kind,
        subject=subject,
        self_references=tuple(refs),
        nodes=nodes,
        contents_span=p.contents_span,
        articles=articles,
        numbering_issues=tuple(numbering),
        attachments=tuple(attachments),
        attachments_span=attachments_span,
        attachment_sections=tuple(sections),
        attachment_mentions=tuple(p.attachment_mentions(body_start, skip)),
        signature=signature,
        effective=effective,
        effective_clauses=tuple(clauses),
        validity=validity,
        validity_clauses=tuple(validities),
        provisional_markers=tuple(markers),
        is_provisional=provisional,
        repeals=tuple(p.repeals(body_start)),
        dates=tuple(dates),
    )


def _subject(
    p: _Parser, title: Title | None, signature: Signature | None
) -> SubjectDocument | None:
    if title is None:
        return None
    m = _SUBJECT.search(title.text)
    if m is None:
        return None
    inner = m.group("title")
    first = m.start("title")
    kind = _kind_of(inner, lambda i: title.offset(first + i))
    span = (title.offset(first), title.offset(m.end("title") - 1) + 1)
    embedded: str | None = None
    embedded_span: Span | None = None
    if signature is not None:
        # A notice that issues a document often carries its text after the signature,
        # opening with the document's own title line.
        k = p._next_content(p.line_index(signature.span[1]) + 1)
        if k < len(p.lines):
            line = p.lines[k]
            s = _content(p.text, line)
            key = _TITLE_SUFFIX.sub("", inner)
            if _is_title_like(s) and (s.startswith(key[:8]) or key.startswith(s[:8])):
                embedded, embedded_span = s, (line.cstart, line.cend)
    return SubjectDocument(inner, m.group("rel"), kind, span, embedded, embedded_span)


def _own_title_marker(p: _Parser, pos: int, subject: SubjectDocument | None) -> bool:
    """暂行/试行 in the title names this document, not one it repeals or cites in 《》."""
    if subject is not None and subject.span[0] <= pos < subject.span[1]:
        return True
    return not p.in_book(pos)


def _resolve(clause: Effective, issued: date | None) -> Effective:
    if clause.kind != "on_issue" or issued is None:
        return clause
    return replace(clause, date=issued + timedelta(days=clause.delay_days))


def _main_effective(clauses: list[Effective]) -> Effective | None:
    own = [c for c in clauses if c.refers_to_self]
    if own:
        return own[-1]
    return clauses[-1] if clauses else None


def _main_validity(
    p: _Parser, found: list[Validity], effective: Effective | None, ref_starts: list[int]
) -> Validity | None:
    chosen: Validity | None = None
    for v in found:
        if _same_sentence(p, v.span[0], ref_starts, effective) or _follows_effective(
            p, v, effective
        ):
            chosen = v
    if chosen is None:
        return None
    counted = chosen.years is not None or chosen.months is not None
    if chosen.end is None and counted and effective is not None and effective.date is not None:
        end = validity_end(effective.date, chosen.years or 0, chosen.months or 0)
        return replace(chosen, end=end)
    return chosen


def _follows_effective(p: _Parser, v: Validity, effective: Effective | None) -> bool:
    """本意见自印发之日起施行。有效期五年。 — the period stands in the next sentence."""
    if effective is None or not 0 <= v.span[0] - effective.span[1] <= 12:
        return False
    between = p.text[effective.span[1] : v.span[0]]
    return _CJK.search(between) is None


def _same_sentence(
    p: _Parser, pos: int, ref_starts: list[int], effective: Effective | None
) -> bool:
    """Whether ``pos`` shares a sentence with the 施行 clause or a 本办法-style self-reference."""
    start, end = p.sentence(pos)
    if effective is not None and start <= effective.span[0] < end:
        return True
    i = bisect_left(ref_starts, start)
    return i < len(ref_starts) and ref_starts[i] < end


def _issuer(
    signature: Signature | None, masthead: str | None, title: Title | None
) -> tuple[str | None, Literal["signature", "masthead", "title"] | None]:
    if signature is not None and signature.issuers:
        return "、".join(signature.issuers), "signature"
    if masthead:
        return masthead, "masthead"
    if title is not None:
        head, sep, _ = title.text.partition("关于")
        if sep and 2 <= len(head) <= 40 and _ORG_LINE.fullmatch(head):
            return head, "title"
    return None, None
