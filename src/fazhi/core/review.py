"""Legality review of a normative document (合法性审核辅助): findings with spans and bases.

``review_text(text)`` parses the structure (fazhi.core.structure), checks the citations
(fazhi.core.citations) and applies the rule packs (fazhi.core.rules):

- clause rules: one Aho-Corasick pass finds the packs' trigger words; each rule's regexes
  then run on the sentence around a hit, with the rule's context conditions. Whether the
  sentence restates a power a higher law grants (依照《城乡规划法》第六十五条…, 依法…) or
  creates one decides the severity: restating is at most ``info``, with the cited law as
  basis; a vague 按有关规定 or a law cited only as the rule broken (违反《…》) leaves a
  ``warning``; nothing at all keeps the rule's own severity.
- checks on the structure: 施行日期, 有效期, numbering, 文种 self-name, 文号, attachments,
  and on the citation statuses (abolished, non-existent article…).

Deterministic: same text, rules, catalog and dates → same findings in the same order.
Offsets are code points into ``text`` (the text `fazhi text` prints); ``quote`` is always
``text[start:end]``. Plain Python, no Django.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import ahocorasick_rs

from fazhi.core.catalog import (
    Catalog,
    Law,
    article_label,
    default_catalog,
    normalize_title,
    statute_articles,
)
from fazhi.core.citations import Citation, CitationReport, analyze, today
from fazhi.core.conditions import beyond_statute
from fazhi.core.numerals import parse_number
from fazhi.core.rules import (
    HIGHER_LEVELS,
    Grammar,
    Rule,
    RulePack,
    StatutoryInstrument,
    char_class,
    load_rules,
    yes_no,
)
from fazhi.core.structure import SHORT_YEAR_NUMBER, DocumentStructure, parse

__all__ = ["CATEGORY_TEXT", "SEVERITY_RANK", "SEVERITY_TEXT", "Finding", "ReviewReport", "Scanner",
           "review_text", "scan"]

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
CATEGORY_TEXT = {
    "licensing": "行政许可", "penalty": "行政处罚", "coercion": "行政强制", "fee": "收费",
    "rights_obligations": "减损权利、增加义务", "competition": "公平竞争",
    "citation": "引用", "validity": "施行与有效期", "form": "形式", "procedure": "程序",
}
SEVERITY_TEXT = {"error": "错误", "warning": "警示", "info": "提示"}
# Kinds of document that are normative instruments and so should carry 施行日期/有效期.
NORMATIVE_KINDS = frozenset({"办法", "细则", "规定", "意见", "决定", "规则", "措施", "规范",
                             "标准", "制度", "守则", "规程", "政策", "导则"})
# 文种 words a document may call itself by; other 本X words (本政策) are not 文种.
KIND_WORDS = frozenset({"办法", "细则", "规定", "意见", "决定", "规则", "方案", "通知", "措施",
                        "实施细则", "实施办法", "实施意见", "实施方案", "暂行办法", "暂行规定",
                        "指导意见", "规程", "规划", "指引", "指南", "标准", "规范", "条例"})
MAX_TERM_YEARS = 5
MAX_PROVISIONAL_YEARS = 3
_FOREVER = re.compile("长期有效|永久有效|长期执行|有效期至新的规定出台|至新(?:的)?规定出台(?:时|之日)止"
                      "|至上级另有规定(?:时|之日)?止")
# Terms and starts the structure parser leaves aside: 即日起实施 is an effective date (the day
# of issue), 试行期六年 a term counted from the 试行 date.
_FROM_TODAY = re.compile("(?:自|从)?即日起(?:施行|实施|执行|生效|试行|实行)")
_TRIAL_TERM = re.compile("试行期(?:为|限为?)?([0-9]+|[一二两三四五六七八九十]+)(个月|年)")
_EXCEPTION = re.compile(r"除[^。；\n]{1,40}?外")
# 内设机构: an office inside an organ (…局办公室 is one; …人民政府办公室 issues for the government).
_INTERNAL_ISSUER = re.compile(
    r"(?:人民政府|办事处|局|委员会|委)(?!办公室$|办公厅$)[\u4e00-\u9fff]{1,20}?(?:科|股|室|处|办公室|中心)$")
_COMMENT_PERIOD = re.compile(
    r"征求意见(?:的)?(?:时间|期限|期)?(?:为|不少于|共)?\s*([0-9一二三四五六七八九十两]{1,4})\s*(?:个)?(工作日|日|天)")
# 公开征求意见时间：2026年9月3日至2026年9月5日
_COMMENT_RANGE = re.compile(
    r"征求意见(?:的)?(?:时间|期限|期)?(?:为|自)?[：:]?\s*([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日(?:起)?"
    r"\s*(?:至|到|—|－|-|～|~)\s*(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日")
# 于2025年12月1日至12月3日在县政府门户网站公开征求意见: the dates before the words.
_COMMENT_RANGE_BEFORE = re.compile(
    r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日(?:起)?\s*(?:至|到|—|－|-|～|~)\s*(?:([0-9]{4})年)?"
    r"([0-9]{1,2})月([0-9]{1,2})日[^。；\n]{0,24}?征求(?:社会|公众|各方)?意见")
_SELF_ISSUED_BY = re.compile(
    r"本(?:办法|规定|细则|意见|通知|措施|方案|规则|实施细则|实施办法)由([\u4e00-\u9fff]{2,30}?)"
    r"(?:负责)?(?:制定|起草|研究制定)?并?(?:发布|印发|制发)")
_ISSUE_VERB = re.compile("核发|颁发|发放|发给|换发|出具")
_CODE_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,8}$")  # the issuer code (东陵府规) before it
_CODE_LEAD = re.compile(r".*(?:根据|依据|按照|依照|执行|关于|见|和|及|与|的|文)")
_OBJ_LEAD = re.compile(r"^(?:完成|取得|办理|领取|申领|办结|相应的?|相关的?|有关的?|该|其|的|[《“\"「])+")
_OBJ_SPLIT = re.compile("和|及|、|与|或|以及")
_COUNTY_ORGAN = re.compile(r"(?:区|县|市|省)[\u4e00-\u9fff]{0,10}(?:局|委|所|部门|政府|委员会|中心|处)")


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    category: str
    severity: str
    start: int
    end: int
    quote: str
    message: str
    basis: tuple[str, ...]
    suggestion: str

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule, "category": self.category, "severity": self.severity,
            "start": self.start, "end": self.end, "quote": self.quote,
            "message": self.message, "basis": list(self.basis), "suggestion": self.suggestion,
        }


@dataclass
class ReviewReport:
    text: str
    structure: DocumentStructure
    citations: CitationReport
    findings: list[Finding]
    as_of: date
    document_date: date | None
    notes: list[str] = field(default_factory=list)
    instrument: str | None = None  # "《X》（行政法规）" when the text is itself a law

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in SEVERITY_RANK}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def by_category(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            out.setdefault(f.category, []).append(f)
        return out

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = dict(self.structure.summary())
        document["layout"] = self.structure.layout
        document["plain_text"] = self.structure.plain_text
        return {
            "schema": 1,
            "document": document,
            "as_of": self.as_of.isoformat(),
            "document_date": self.document_date.isoformat() if self.document_date else None,
            "notes": list(self.notes),
            "counts": self.counts(),
            "citations": self.citations.to_json()["citations"],
            "findings": [f.to_json() for f in self.findings],
        }


# --- the clause scanner ---------------------------------------------------------------------------


class Scanner:
    """One automaton over every trigger of a rule pack, and the sentence logic."""

    def __init__(self, pack: RulePack) -> None:
        self.pack = pack
        self.rules = pack.clause_rules()
        owners: dict[str, set[int]] = {}
        for index, rule in enumerate(self.rules):
            for word in rule.triggers:
                owners.setdefault(word, set()).add(index)
        self.words = list(owners)
        self.owners = [tuple(sorted(owners[word])) for word in self.words]
        # The Rust aho-corasick DFA: pyahocorasick looks a node's children up linearly, and
        # the root has one child per distinct first character of the triggers (over 200),
        # which made the pass the slowest part of the scan.
        self.automaton = ahocorasick_rs.AhoCorasick(
            self.words, matchkind=ahocorasick_rs.MatchKind.Standard,
            implementation=ahocorasick_rs.Implementation.DFA)
        used = set("".join(self.words))
        self.filler = next(chr(c) for c in range(0x110000) if chr(c) not in used)
        # A sentence ends at one character of a set (checked when the grammar loads): the
        # bounds around a hit are found from the hit, forwards and backwards, instead of
        # listing every sentence end of the text.
        self.next_end = pack.grammar.sentence_end
        self.last_end = re.compile(f"(?s:.*){char_class(self.next_end)}")

    def hits(self, text: str) -> list[tuple[int, int, int]]:
        """(trigger index, start, end) of every trigger occurrence, ordered by end and, at
        one end, longest first."""
        try:
            return self.automaton.find_matches_as_indexes(text, overlapping=True)
        except UnicodeEncodeError:
            # Lone surrogates have no UTF-8 form; no trigger holds one, nor the filler.
            text = _SURROGATE.sub(self.filler, text)
            return self.automaton.find_matches_as_indexes(text, overlapping=True)

    def candidates(self, text: str) -> Iterator[tuple[int, int, int]]:
        """(rule index, sentence start, sentence end) for every sentence with a trigger."""
        if not self.words or not text:
            return
        size = len(text)
        fired: set[int] = set()  # rules already triggered in the current sentence
        start, stop = -1, -1
        for word, _, end in self.hits(text):
            last = end - 1
            if not start <= last < stop:
                # .* jumps to the hit and backs up to the previous sentence end.
                before = self.last_end.match(text, 0, last)
                start = before.end() if before is not None else 0
                after = self.next_end.search(text, last)
                stop = after.start() if after is not None else size
                fired = set()
            for index in self.owners[word]:
                if index not in fired:
                    fired.add(index)
                    yield index, start, stop


_SURROGATE = re.compile("[\ud800-\udfff]")


_SCANNERS: dict[int, tuple[RulePack, Scanner]] = {}


def scanner_for(pack: RulePack) -> Scanner:
    cached = _SCANNERS.get(id(pack))
    if cached is None or cached[0] is not pack:
        cached = (pack, Scanner(pack))
        _SCANNERS[id(pack)] = cached
    return cached[1]


@dataclass
class _Context:
    """What the clause rules need to know about the document."""

    text: str
    pack: RulePack
    town_issuer: bool = False
    place: str | None = None  # the issuer's locality (七宝镇), for locally named licences
    level: str | None = None  # catalog level when the text is itself a law/regulation
    # (start, end, basis, statute) of every citation of a law, regulation or rule, by position;
    # statute is the law id when the bundle holds its article texts (cited article included)
    citations: list[tuple[int, int, str, str | None]] = field(default_factory=list)
    # Those statutes, law id → title, once each, in order of first citation.
    statutes: dict[str, str] = field(default_factory=dict)
    # Licences the laws and administrative regulations of the catalog name (排污许可证 →
    # 《排污许可管理条例》第N条): beyond the curated list, a name a draft may restate.
    licences: dict[str, tuple[Law, str]] = field(default_factory=dict)
    # The list heading of each sentence start, found once (several rules read it).
    headings: dict[int, tuple[int, int] | None] = field(default_factory=dict)

    def heading(self, s: int) -> tuple[int, int] | None:
        if s not in self.headings:
            self.headings[s] = _list_heading(self.text, s)
        return self.headings[s]


# The `yes_no` forms of the packs' patterns (a bounded set), built on first use. Keyed by id:
# a Pattern's hash covers its whole compiled code and is not cached.
_YES_NO: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _quick(pattern: re.Pattern[str]) -> re.Pattern[str]:
    cached = _YES_NO.get(id(pattern))
    if cached is None or cached[0] is not pattern:
        cached = _YES_NO[id(pattern)] = (pattern, yes_no(pattern))
    return cached[1]


def _occurs(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """Whether ``pattern`` matches in text[start:end], searched in its faster `yes_no` form."""
    return _quick(pattern).search(text, start, end) is not None


def _search(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """``pattern.search(text, start, end)``, its position found with the `yes_no` form."""
    quick = _quick(pattern)
    if quick is pattern:
        return pattern.search(text, start, end)
    hit = quick.search(text, start, end)
    return None if hit is None else pattern.match(text, hit.start(), end)


def _severity(base: str, cap: str) -> str:
    if cap == "drop":
        return "drop"
    return base if SEVERITY_RANK[base] <= SEVERITY_RANK[cap] else cap


def _cited_in(ctx: _Context, start: int, end: int) -> list[tuple[str, str | None]]:
    """Higher-law citations inside [start, end), unless cited only as the rule broken: each
    as (basis label, the statute's law id when the bundle holds its texts, else None)."""
    out: list[tuple[str, str | None]] = []
    i = bisect.bisect_left(ctx.citations, (start, -1, "", None))
    while i < len(ctx.citations) and ctx.citations[i][0] < end:
        c_start, _, basis, statute = ctx.citations[i]
        before = ctx.text[max(start, c_start - 3):c_start]
        if "违反" not in before and all(basis != b for b, _ in out):
            out.append((basis, statute))
        i += 1
    return out


def _bundled_statute(c: Citation) -> Law | None:
    """The law of a current citation whose statute (and cited article, if any) the bundle
    holds, else None."""
    law = c.law
    if law is None or c.status != "current" or not law.versions:
        return None
    bundled = statute_articles().get(law.id)
    if bundled is None or bundled[0] != law.versions[-1].published or (
            c.article is not None and (c.article.until or c.article.key not in bundled[1])):
        return None
    return law


def _article_basis(title: str, key: str) -> str:
    """《道路交通安全法》第九十条: a basis naming one article."""
    return f"《{title}》{article_label(key)}"


@functools.lru_cache(maxsize=64)
def _statute_text(law_id: str) -> str:
    return "\n".join(statute_articles()[law_id][1].values())


def _unsupported(grammar: Grammar, measure: str, cited: list[tuple[str, str | None]]) -> str | None:
    """A measure word (扣押, 罚款…) the cited statutes, all of them known, never mention: the
    citation covers something else in the sentence, not this measure. (A word found only in
    another article of the statute makes the article number suspect: citation.article-content.)"""
    if not cited or any(statute is None for _, statute in cited):
        return None
    words = {m.group(0) for m in grammar.measure_terms.finditer(measure)}
    if not words or any(w in _statute_text(statute) for w in words for _, statute in cited if statute):
        return None
    return sorted(words)[0]


def _copied(ctx: _Context, ps: int, pe: int, measure: str) -> str | None:
    """The article, of a statute the document cites somewhere, that the sentence [ps, pe)
    repeats almost word for word with the measure and the same figures (制造、销售封建迷信殡葬
    用品的，由民政部门予以没收 is 殡葬管理条例 art. 22 restated without its citation), else None."""
    if not ctx.statutes:
        return None
    measured = _content_bigrams(measure)
    words: set[str] | None = None
    figures: set[tuple[int, str]] = set()
    for law_id, title in ctx.statutes.items():
        keys = _measure_articles(law_id, measure, measured)
        if not keys:
            continue
        if words is None:  # read the sentence only once a statute states the measure
            words = _content_bigrams(ctx.text[ps:pe])
            if len(words) < _MIN_COPIED_BIGRAMS:
                return None
            figures = set(_figures(ctx.text, ps, pe))
        articles = statute_articles()[law_id][1]
        pairs = _article_pairs(law_id)
        for key in keys:
            if (len(words & pairs[key]) >= _COPIED_SHARE * len(words)
                    and figures <= set(_figures(articles[key], 0, len(articles[key])))):
                return _article_basis(title, key)
    return None


def _measure_articles(law_id: str, measure: str, measured: set[str]) -> list[str]:
    """The articles of a statute that state a measure: its very words, or nearly all of them
    with the organ renamed (由县气象局所属台站统一发布 for 气象主管机构所属的气象台站)."""
    articles = statute_articles()[law_id][1]
    found = ([key for key, body in articles.items() if measure in body]
             if measure in _statute_text(law_id) else [])
    if len(measured) < _MIN_BIGRAMS:
        return found
    return found + [key for key in _holding_articles(law_id, measured) if key not in found]


@functools.lru_cache(maxsize=64)
def _pair_index(law_id: str) -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """The article keys of a statute, and character pair → the positions of the articles
    holding it."""
    articles = _article_pairs(law_id)
    index: dict[str, list[int]] = {}
    for at, pairs in enumerate(articles.values()):
        for pair in pairs:
            index.setdefault(pair, []).append(at)
    return tuple(articles), {pair: tuple(ats) for pair, ats in index.items()}


def _holding_articles(law_id: str, pairs: set[str]) -> dict[str, int]:
    """Article key → how many of ``pairs`` it holds, for the articles holding at least
    _COPIED_SHARE of them, in the statute's order (not the set's: ties must not depend on
    string hashing)."""
    keys, index = _pair_index(law_id)
    hits: dict[int, int] = {}
    for pair in pairs:
        for at in index.get(pair, ()):
            hits[at] = hits.get(at, 0) + 1
    least = _COPIED_SHARE * len(pairs)
    return {keys[at]: hits[at] for at in sorted(at for at, n in hits.items() if n >= least)}


def _altered_figures(pack: RulePack, ctx: _Context) -> list[Finding]:
    """Sentences that repeat an article of a statute the document cites but move one of its
    figures the wrong way (a fine outside the article's range; 12小时 for the 24小时 a party
    has; an organ's 三十日 made 六十日): penalty.altered-range for fines, rights.altered-figure
    for deadlines and periods. Tightening an organ's own deadline is the reform, not a wrong."""
    text = ctx.text
    out: list[Finding] = []
    if not ctx.statutes:
        return out
    start = 0
    for stop in _SENTENCE_STOP.finditer(text):
        s, e = start, stop.start()
        start = stop.end()
        # Only fines and time limits are compared: skip other sentences before any counting.
        if not (_TIME_LIMIT.search(text, s, e) or "罚款" in text[s:e]):
            continue
        sentence = text[s:e]
        figures = _figures(text, s, e)
        words = _content_bigrams(sentence) if figures else set()
        if len(words) < _MIN_COPIED_BIGRAMS:
            continue
        for law_id, title in ctx.statutes.items():
            keys = _close_articles(law_id, words)
            if not keys:
                continue
            # The figure must leave every article the sentence may be repeating.
            bodies = [statute_articles()[law_id][1][k] for k in keys]
            allowed = [_figures(body, 0, len(body)) for body in bodies]
            moved = next(((f, written) for f, written in figures.items()
                          if all(f not in theirs and _moved(sentence, written, f, theirs)
                                 for theirs in allowed)), None)
            if moved is None:
                continue
            key, theirs = keys[0], allowed[0]
            (_, unit), written = moved
            basis = _article_basis(title, key)
            said = "、".join(w for (_, u), w in theirs.items() if u == unit)
            rule = pack.rule("penalty.altered-range" if unit in _MONEY_UNITS else "rights.altered-figure")
            at = text.find(written, s, e)
            out.append(_make(rule, text, (at, at + len(written)),
                             f"文件为“{written}”，{basis}为“{said}”。", [basis]))
            break
    return out


def _moved(sentence: str, written: str, figure: tuple[int, str],
           theirs: dict[tuple[int, str], str]) -> bool:
    """Whether a figure of the draft's sentence leaves what the article allows for its unit: a
    fine outside the range; a time limit (…日内, 不少于…日) cut short where a party must act,
    drawn out where an organ must."""
    value, unit = figure
    values = [v for v, u in theirs if u == unit]
    if not values:
        return False
    if unit in _MONEY_UNITS:
        return "罚款" in sentence and not min(values) <= value <= max(values)
    at = sentence.find(written)
    if unit not in _TIME_UNITS or not (
            sentence.startswith("内", at + len(written)) or _LIMIT_BEFORE.search(sentence[max(0, at - 5):at])):
        return False
    if _ORGAN_ACTS.search(sentence):
        return value > max(values)
    return value < min(values)


def _figures(text: str, start: int, end: int) -> dict[tuple[int, str], str]:
    """Figures with their units in text[start:end], by value: {(24, "小时"): "二十四小时"}
    (24小时 and 二十四小时 are one figure; 万元 counted in 元)."""
    out: dict[tuple[int, str], str] = {}
    for m in _UNIT_FIGURE.finditer(text, start, end):
        value = parse_number(m.group(1))
        if value is None:
            continue
        unit = _UNIT_ALIASES.get(m.group(2), m.group(2))
        if unit == "万元":
            value, unit = value * 10000, "元"
        out.setdefault((value, unit), m.group(0))
    return out


def _close_articles(law_id: str, words: set[str]) -> list[str]:
    """The articles of a statute holding at least _COPIED_SHARE of a sentence's pairs, closest
    first."""
    hits = _holding_articles(law_id, words)
    return sorted(hits, key=lambda k: -hits[k])


_SENTENCE_STOP = re.compile(r"[。！？!?\n]")
# Amounts, multiples and periods (a copy keeps them all; a fine or time limit may be moved).
_UNIT_FIGURE = re.compile(r"([0-9]+|[零〇一二三四五六七八九十百千万两]+)(万元|元|倍|个工作日|工作日|日|天|小时|个月|年|%|％)")
_UNIT_ALIASES = {"天": "日", "个工作日": "工作日", "％": "%"}
_MONEY_UNITS = frozenset({"元", "倍"})
_TIME_UNITS = frozenset({"日", "工作日", "小时", "个月", "年"})
_LIMIT_BEFORE = re.compile(r"(?:不少于|不得少于|不超过|不得超过|缩短为|延长为|期限为|时间为)$")
_TIME_LIMIT = re.compile(r"(?:[0-9]+|[零〇一二三四五六七八九十百千两]+)(?:个工作日|工作日|日|天|小时|个月|年)内|"
                         r"(?:不少于|不得少于|不超过|不得超过|缩短为|延长为|期限为|时间为)[0-9零〇一二三四五六七八九十百千两]")
# An organ's own act with a deadline (区城管局应当在十日内作出决定): cutting it is the reform.
_ORGAN_ACTS = re.compile(r"(?:局|部门|机关|政府|委员会|中心|管委会|办公室|机构)[^，,。；;\n]{0,16}?"
                         r"(?:作出|办结|答复|审查|审核|批准|决定|核发|办理|受理|完成|告知|送达|公布)")


# A sentence repeats an article when this share of its character pairs is in the article.
_COPIED_SHARE = 0.6
_MIN_COPIED_BIGRAMS = 8


def _statutory(pack: RulePack, obj: str) -> tuple[StatutoryInstrument | None, str, str]:
    """(instrument, qualifier, piece) for the licence named in obj: the longest name it ends with."""
    piece = _OBJ_LEAD.sub("", obj)
    piece = _OBJ_SPLIT.split(piece)[-1].strip("》”\"」 ")
    # The longest name the piece ends with, looked up suffix by suffix; 取得《建设用地规划许可证》:
    # the match may stop before the 证, or run on past it.
    forms = [piece, piece + "证"] + ([piece[:-1]] if piece.endswith("证") else [])
    found = [(pack.statutory_names[form[k:]], form[k:]) for form in forms
             for k in range(len(form)) if form[k:] in pack.statutory_names]
    if not found:
        return None, "", piece
    (_, inst), name = min(found, key=lambda hit: hit[0][0])
    cut = piece.rfind(name) if name in piece else piece.rfind(name[:-1])
    return inst, piece[:cut].strip("《“\"「 "), piece


def _licence(ctx: _Context, rule: Rule, m: re.Match[str], s: int,
             severity: str) -> tuple[str, str, list[str]]:
    """Severity, extra message and extra basis for a matched licence."""
    obj = m.group("obj") if "obj" in m.re.groupindex else None
    if not obj:
        return severity, "", []
    inst, qualifier, piece = _statutory(ctx.pack, obj)
    issuing = bool(_ISSUE_VERB.match(m.group(0)))
    before = ctx.text[s:m.start()]
    if inst is None:
        if ctx.place and ctx.place in piece:
            return "error", f"“{piece}”以本地名称命名，不是法律、法规设定的许可。", []
        named = _named_in_statute(ctx, piece)
        if named is not None:
            return "info", f"“{piece}”是{named}规定的许可，条文属于重述。", [named]
        return severity, "", []
    if qualifier and not re.fullmatch(r"[\s的]*", qualifier):
        return ("error", f"“{piece}”不是法定许可名称（法定的是“{inst.name}”，"
                f"见{inst.basis.text}），文件另设了一种许可。", [inst.basis.text])
    town_here = bool(ctx.pack.grammar.town_organ.search(before)) or (
        ctx.town_issuer and not _COUNTY_ORGAN.search(before))
    if inst.authority == "county" and issuing and town_here:
        return ("error", f"{inst.basis.text}规定“{inst.name}”由县级以上人民政府主管部门核发，"
                "乡镇机构无权核发。", [inst.basis.text])
    return "info", f"所涉“{inst.name}”由{inst.basis.text}设定，条文属于重述。", [inst.basis.text]


def _named_in_statute(ctx: _Context, piece: str) -> str | None:
    """The article of a law or regulation naming the licence ``piece`` exactly, if any."""
    name = piece.strip("《》“”\"「」 ")
    found = ctx.licences.get(name) or ctx.licences.get(name + "证")
    if found is None:
        return None
    law, key = found
    return _article_basis(law.title, key)


def _negated(ctx: _Context, rule: Rule, s: int, at: int) -> bool:
    """A negation (不得, 免收…) just before the match in the same comma-clause, or an item
    of a list whose heading forbids (…不得有下列行为：（一）…)."""
    assert rule.negated_by is not None
    text = ctx.text
    lo = max(s, at - max(rule.negation_window, 20))
    cut = max(text.rfind("，", lo, at), text.rfind(",", lo, at))
    if _occurs(rule.negated_by, text, max(lo, cut + 1), at):
        return True
    head = ctx.heading(s)
    return head is not None and bool(_FORBIDDING_HEAD.search(text, *head))


_ITEM = re.compile(r"[ \t\u3000]*(?:[（(][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[.．、]|"
                   r"[一二三四五六七八九十]{1,3}、)")
_FORBIDDING_HEAD = re.compile(r"不得|禁止|严禁|不准|下列(?:违法)?行为")


def _list_heading(text: str, s: int) -> tuple[int, int] | None:
    """The span of the line ending in ： that heads the list item containing s, if any."""
    line = text.rfind("\n", 0, s) + 1
    first = _ITEM.match(text, line)
    if not first:
        return None
    kind = _marker_kind(first.group(0))
    end = line - 1
    for _ in range(30):  # the heading of a list is a few lines up
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        head = text[start:end].rstrip()
        item = _ITEM.match(text, start)
        # A heading may itself be an item of an outer list: （二）申请人应当提交下列材料：; or
        # a short section title naming what follows: 三、申领材料. An item marked like ours heads
        # a sibling's sub-list (（三）应当提交下列材料：1.…2.… above our （四）), not ours.
        if head.endswith(("：", ":")) or (len(head.strip()) <= 14 and _SECTION_OF_ITEMS.search(head)):
            if item is None or _marker_kind(item.group(0)) != kind:
                return start, start + len(head)
        elif head.strip() and not item:
            return None
        end = start - 1
    return None


def _marker_kind(marker: str) -> str:
    """（一）/(1) "paren", 1. / 1、 "digit", 一、 "chinese": the level a list item sits at."""
    first = marker.strip(" \t\u3000")[:1]
    return "paren" if first in "（(" else "digit" if first.isdigit() else "chinese"


_SECTION_OF_ITEMS = re.compile(r"(?:材料|条件|要件|资料|清单)$")
_INTRODUCES_LIST = re.compile(r"(?:下列|以下|如下)[\u4e00-\u9fff]{0,6}[：:]$")


def _list_end(text: str, end: int) -> int:
    """End of the list a match ending in 下列条件： introduces (its item lines), else ``end``:
    what the introduction adds lies in the items."""
    if not _INTRODUCES_LIST.search(text, max(0, end - 12), end):
        return end
    line = text.find("\n", end)
    last = end
    while line >= 0:
        while line < len(text) and text[line] == "\n":
            line += 1
        if not _ITEM.match(text, line):
            break
        stop = text.find("\n", line)
        last = len(text) if stop < 0 else stop
        line = stop
    return last


# A ；-clause that opens with its own condition (拒不改正的，…) states a further measure; one
# sending the parties to their legal liability (…；检测机构依照《X条例》第六十五条的规定承担相应
# 法律责任) names where liability lies, not where the measure before it comes from.
_OWN_CONDITION = re.compile(r"[^，,。；;\n]{1,30}?的[，,]")
# …规定处罚；对查获的运输车辆，一律予以暂扣: a ；-clause about a new object is a measure of its
# own, which the citation before the ； does not reach (对单位养犬的，… is a case of the same
# article: a condition, which it does).
# …一年内不得参加招投标；其已承接的项目，由街道督促业主大会依法解聘: a clause about another
# thing, whose 依法 is its own.
_NEW_SUBJECT = re.compile(r"[ \t\u3000]*其[^，,。；;\n]{1,16}?[，,]")
_NEW_OBJECT = re.compile(r"[ \t\u3000]*对[^，,。；;\n]{1,30}?(?<!的)[，,]")
_LIABILITY = re.compile(r"[^。；;\n]{0,60}?承担[^。；;\n]{0,6}?(?:法律|赔偿|民事|刑事)?责任[。；;]")


def _period(text: str, s: int, e: int) -> tuple[int, int]:
    """The sentence up to 。 or a line end around [s, e): restating words may sit before a ；.

    What follows the ； counts only when it does not open with a condition of its own: in
    处以3000元罚款；拒不改正的，依照《兽药管理条例》…吊销, the citation covers the 吊销 only.
    """
    lo = max(text.rfind("。", max(0, s - 400), s), text.rfind("\n", max(0, s - 400), s)) + 1
    hi_candidates = [i for i in (text.find("。", e, e + 400), text.find("\n", e, e + 400)) if i >= 0]
    hi = min(hi_candidates) if hi_candidates else min(len(text), e + 400)
    if text[e:e + 1] in "；;" and (_OWN_CONDITION.match(text, e + 1) or _LIABILITY.match(text, e + 1)
                                    or _NEW_SUBJECT.match(text, e + 1)):
        hi = e
    if s > 0 and text[s - 1] in "；;" and _NEW_OBJECT.match(text, s):
        lo = s
    return min(lo, s), max(hi, e)


def _apply(ctx: _Context, rule: Rule, s: int, e: int) -> list[Finding]:
    """The rule's findings in the sentence [s, e): its most severe match, or with
    ``each_match`` every match (two certificates asked for in one sentence are two)."""
    text = ctx.text
    if ctx.level is not None and ctx.level in rule.skip_for_levels:
        return []
    best: Finding | None = None
    every: list[Finding] = []
    admitted: bool | None = None
    contracted: bool | None = None  # whether the sentence names a contract at all
    referred: int | None = None  # where the sentence hands the matter over, if it does
    for pattern in rule.match:
        for m in pattern.finditer(text, s, e):
            if m.end() == m.start():
                continue
            if rule.negated_by is not None and _negated(ctx, rule, s, m.start()):
                continue
            if any(_occurs(p, text, m.start(), m.end()) for p in rule.unless_matched):
                continue
            if admitted is None:
                admitted = _admitted(ctx, rule, s, e)
                if not admitted:
                    return []
            if "referral" in rule.unless_grammar:
                # 移送区市场监管局依法处理 decides nothing; a seizure made first (先行查封…，再移交
                # 区市场监管局处理) is the document's own measure.
                if referred is None:
                    hit = _search(ctx.pack.grammar.referral, text, s, e)
                    referred = hit.start() if hit is not None else e
                if referred < m.end():
                    continue
            if "contract" in rule.unless_grammar:
                if contracted is None:
                    grammar = ctx.pack.grammar
                    contracted = _occurs(grammar.contract, text, s, e) or _occurs(
                        grammar.contract_signed, text, s, e)
                if contracted and _agreed(ctx, s, e, m.start(), m.end()):
                    continue
            found = _finding(ctx, rule, m, s, e)
            if found is None:
                continue
            if rule.each_match:
                if all(f.end <= found.start or found.end <= f.start for f in every):
                    every.append(found)
                continue
            # One finding per rule and sentence: the most severe of its matches.
            if best is None or SEVERITY_RANK[found.severity] > SEVERITY_RANK[best.severity]:
                best = found
                if found.severity == rule.severity:
                    return [best]
    return every if rule.each_match else [best] if best is not None else []


def _admitted(ctx: _Context, rule: Rule, s: int, e: int) -> bool:
    """The rule's context conditions on the sentence."""
    text = ctx.text
    grammar = ctx.pack.grammar
    contexts = (*rule.context, *(getattr(grammar, name) for name in rule.context_grammar))
    # A list item is read with its heading (申请人应当提交下列材料：（一）…): the heading's
    # words can admit the rule (context) or rule it out (unless).
    head = ctx.heading(s) if rule.unless or contexts else None
    # Only a short heading speaks for its items; a notice's long preamble (…现就有关事项
    # 通知如下：) mentions everything.
    item_head = head if head is not None and head[1] - head[0] <= 60 else None
    for pattern in rule.unless:
        if _occurs(pattern, text, s, e) or (item_head is not None and _occurs(pattern, text, *item_head)):
            return False
    for name in rule.unless_grammar:
        if name not in ("contract", "referral") and _occurs(getattr(grammar, name), text, s, e):
            return False
    if not contexts or any(_occurs(p, text, s, e) for p in contexts):
        return True
    # A wrongdoing may head the whole sentence, before a ；: 恶意串通的，交易无效；同时取消其
    # 三年内参与交易的资格.
    lead = max(text.rfind("。", 0, s), text.rfind("\n", 0, s)) + 1
    if lead < s and any(_occurs(getattr(grammar, name), text, lead, s)
                        for name in rule.context_grammar):
        return True
    # An item of a list run into one sentence (提交下列材料：1.身份证件；2.…；5.无犯罪记录证明)
    # reads its heading before the colon.
    colon = max(text.rfind("：", lead, s), text.rfind(":", lead, s))
    if colon > lead and _ITEM.match(text, s) and any(_occurs(p, text, lead, colon) for p in contexts):
        return True
    return head is not None and any(_occurs(p, text, *head) for p in contexts)


_CLAUSE_BREAK = re.compile(r"[，,：:]")


def _agreed(ctx: _Context, s: int, e: int, at: int, end: int) -> bool:
    """Whether the measure at [at, end) is one a contract provides: the sentence refers to
    what a contract provides (按合同约定), or one is signed in the measure's comma-clause or
    the one before; not a contract the document compels with a party an organ designates."""
    text = ctx.text
    grammar = ctx.pack.grammar
    if _occurs(grammar.compelled_contract, text, s, e):
        return False
    agreed = _search(grammar.contract, text, s, at)
    added = agreed is not None and any(
        a.start() < at for a in grammar.addition.finditer(text, agreed.end(), end))
    if agreed is not None and not added:
        # …除按照约定退回奖励资金外，另处奖励金额一倍的罚款: what 另/同时 adds is not agreed.
        return True
    if agreed is None and _occurs(grammar.contract, text, at, e):
        return True
    breaks = [x.start() for x in _CLAUSE_BREAK.finditer(text, s, at)]
    lo = breaks[-2] + 1 if len(breaks) >= 2 else s
    after = _CLAUSE_BREAK.search(text, end, e)
    return _occurs(grammar.contract_signed, text, lo, after.start() if after is not None else e)


def _added(grammar: Grammar, text: str, ps: int, match: re.Match[str]) -> int | None:
    """End of the last 同时/另行 marker opening before the match, after a restating marker or
    a citation in the same sentence; None when there is none."""
    last: int | None = None
    # A marker may end inside the match (，并具有本市户籍: the marker reads the verb).
    for m in grammar.addition.finditer(text, ps, match.end()):
        if m.start() < match.start():
            last = m.end()
    if last is None:
        return None
    lead = text[ps:last]
    return last if ("《" in lead or _occurs(grammar.restate, lead, 0, len(lead))) else None


def _finding(ctx: _Context, rule: Rule, m: re.Match[str], s: int, e: int) -> Finding | None:
    text = ctx.text
    grammar = ctx.pack.grammar
    severity = rule.severity
    extra: list[str] = []
    notes: list[str] = []
    ps, pe = _period(text, s, e) if text[e:e + 1] in "；;" or (
        s > 0 and text[s - 1] in "；;") else (s, e)
    # 除符合《校车安全管理条例》规定的条件外，还应当…; 除依法缴纳投标保证金外，还须另行缴纳…:
    # a basis inside the exception covers the exception only, not a measure after it.
    exception = _EXCEPTION.search(text, ps, m.start())
    if exception is not None and exception.end() <= m.start():
        ps = exception.end()
    cited = _cited_in(ctx, ps, pe)
    restating = _search(grammar.restate, text, ps, pe)
    added = _added(grammar, text, ps, m) if cited or restating is not None else None
    if added is not None:
        # 依照《…》处理；同时由区人社局处以罚款: the basis given covers the measure before
        # 同时, not the one added after it; only what follows the marker counts.
        cited = _cited_in(ctx, added, pe)
        restating = _search(grammar.restate, text, added, pe)
        if not cited and restating is None:
            severity = _severity(severity, "warning")
            notes.append("条文前一措施援引了上位法，“同时”“另行”之后另加的措施未写明依据。")
    unsupported = _unsupported(grammar, m.group(0), cited)
    if unsupported is not None and (restating is None or "《" in restating.group(0)):
        # 依照《殡葬管理条例》第二十条责令限期改正；拒不改正的，予以扣押: art. 20 names no 扣押.
        notes.append(f"所引{'、'.join(b for b, _ in cited)}所在法规未规定“{unsupported}”，不能作为该措施的依据。")
    elif cited or restating is not None:
        severity = _severity(severity, rule.restated)
        if severity != "drop":
            notes.append("条文援引了上位法或写明“依法”，属于重述上位法规定，请核对所引条款是否授权该措施。")
            extra.extend(b for b, _ in cited)
    elif added is not None:
        pass
    elif (copied := _copied(ctx, ps, pe, m.group(0))) is not None:
        severity = _severity(severity, rule.restated)
        if severity != "drop":
            notes.append(f"条文与{copied}的规定基本一致，属于重述上位法，建议写明所依据的条款。")
            extra.append(copied)
    elif _occurs(grammar.vague, text, ps, pe):
        severity = _severity(severity, rule.vague)
        notes.append("条文只写“按有关规定”，未写明具体法律依据。")
    elif _occurs(grammar.violation, text, ps, pe):
        severity = _severity(severity, rule.violation_only)
        notes.append("条文援引的法律仅作为被违反的规定，未写明该措施本身的依据。")
    if severity == "drop":
        return None
    if rule.statutory_check:
        licence_severity, licence_note, licence_basis = _licence(ctx, rule, m, s, severity)
        if SEVERITY_RANK[licence_severity] > SEVERITY_RANK[severity]:
            # The licence itself is unlawful (wrong authority, invented name): citing a law
            # elsewhere in the sentence does not cure that.
            severity, notes = licence_severity, []
        elif licence_severity == "info":
            severity = "info"
        if licence_note:
            notes.insert(0, licence_note)
        extra.extend(licence_basis)
    after: list[str] = []  # exceptions come after the articles the clause may breach
    for extra_note in rule.notes:
        if _occurs(extra_note.pattern, text, s, e):
            notes.append(extra_note.text)
            if extra_note.basis is not None:
                after.append(extra_note.basis.text)
    if severity == "info" and rule.severity != "info":
        # Demoted: say what was found and why it is not treated as creating a power.
        message = f"涉及“{rule.name}”，未发现自行设定。" + " ".join(notes)
    else:
        message = rule.message + ("" if not notes else " " + " ".join(notes))
    basis = tuple(dict.fromkeys([*extra, *(b.text for b in rule.basis), *after]))
    start, end = m.start(), _list_end(text, m.end())
    suggestion = rule.suggestion
    if severity == "info" and rule.severity != "info":
        suggestion = "核对所引上位法条款是否确实授权该措施及其实施机关；条文可保留。"
    return Finding(rule.id, rule.category, severity, start, end, text[start:end], message,
                   basis, suggestion)


def scan(text: str, pack: RulePack | None = None, *, context: _Context | None = None) -> list[Finding]:
    """Clause rules only, over the whole text: no structure, no citations (the fast path)."""
    pack = pack if pack is not None else load_rules()
    ctx = context if context is not None else _Context(text, pack)
    scanner = scanner_for(pack)
    rules = scanner.rules
    out: list[Finding] = []
    for index, s, e in scanner.candidates(text):
        rule = rules[index]
        # Most triggered sentences match none of the rule's patterns: reject them here.
        if rule.any_match is not None and rule.any_match.search(text, s, e) is None:
            continue
        out.extend(_apply(ctx, rule, s, e))
    return out


# --- structural checks ---------------------------------------------------------------------------


def _make(rule: Rule, text: str, span: tuple[int, int], message: str = "",
          basis: Iterable[str] = (), severity: str | None = None) -> Finding:
    start, end = span
    full = rule.message + (" " + message if message else "")
    bases = tuple(dict.fromkeys([*basis, *(b.text for b in rule.basis)]))
    return Finding(rule.id, rule.category, severity or rule.severity, start, end,
                   text[start:end], full, bases, rule.suggestion)


_OBLIGATION = re.compile("应当|不得|须|严禁|禁止")
_SENTENCE = re.compile("[。；;\n]")
# A notice arranging one task (关于开展2026年安全大检查的通知, 关于做好…申报工作的通知) is not
# applied repeatedly, so it is no 行政规范性文件 and needs no term.
_ONE_OFF_TASK = re.compile(
    r"关于(?:开展|组织开展|组织|举办|做好|启动)?[^的]{0,40}?(?:检查|活动|行动|评选|评审|申报|竞赛|普查|"
    r"调查|考试|演练|验收|评估)(?:工作)?的通知")
_COVER_NOTE_CHARS = 400  # a cover note issuing another text, without that text
# A sentence whose subject is an organ or an official (各街道办事处应当…, 区城管局负责…要…).
_ORGAN_SUBJECT = re.compile(
    r"\s*(?:[（(]?[一二三四五六七八九十0-9]{1,3}[)）、.．]\s*)?(?:[\u4e00-\u9fff]{0,6}?[，：:])?"
    r"(?:各|本|区|县|市|省|镇|乡|街道|有关|相关|牵头|责任|属地|行业主管)"
    r"[\u4e00-\u9fff、]{0,16}?(?:部门|单位|街道|办事处|人民政府|政府|局|委|办|中心|所|站|机关|工作人员|干部)"
    r"(?:[\u4e00-\u9fff、]{0,4}?(?:部门|单位))?(?:要|应当|应|须|必须|不得|严禁|负责|牵头|切实|认真|加强|做好|组织|按照|依法|[，、])")
# 关于印发桃溪区促进招商引资高质量发展若干措施的通知 (no 《》): the issued document's kind.
_ISSUED_IN_TITLE = re.compile(r"(?:印发|转发|批转|发布)[^《》]{2,60}?([\u4e00-\u9fff]{2})(?:（[^）]{1,6}）)?的通知")


def _is_normative(structure: DocumentStructure, text: str) -> bool:
    """A normative instrument: its kind says so, or a notice that binds others by itself."""
    if structure.plain_text or _internal_addressees(structure):
        return False
    if structure.is_provisional and structure.effective is not None:
        return True  # 本方案自印发之日起试行: it tries out rules binding others
    kind = structure.instrument_kind
    if (structure.subject is not None and structure.effective is None
            and structure.validity is None and not structure.articles
            and len(text) - structure.body_start < _COVER_NOTE_CHARS):
        return False  # 现将《X》印发给你们: the cover note alone; the issued text is not here
    if kind is not None and kind.base in NORMATIVE_KINDS:
        return True
    if kind is None or kind.base != "通知" or (structure.repeals and not structure.effective):
        return False
    if (structure.title is not None and _ONE_OFF_TASK.search(structure.title.text)
            and structure.effective is None and structure.validity is None):
        return False  # 关于开展…检查的通知: a one-off task, not applied repeatedly
    if structure.effective is not None or structure.validity is not None or _FOREVER.search(
            text, structure.body_start):
        return True  # a notice stating its own term or start date binds by itself
    # A 通知 that lays down rules for others (several 应当/不得 sentences) is normative too;
    # duties it gives the organs themselves (各街道应当…, 区城管局应当牵头…) only arrange work.
    return _public_obligations(text, structure.body_start) >= 4


def _public_obligations(text: str, start: int) -> int:
    """Obligation sentences (应当/不得/须…) whose subject is not an administrative organ."""
    count = 0
    for sentence in _SENTENCE.split(text[start:]):
        if _OBLIGATION.search(sentence) and not _ORGAN_SUBJECT.match(sentence):
            count += 1
    return count


# 主送 to the issuer's own offices only (局机关各科室、各市场监管所): an internal work rule, not
# a 行政规范性文件 binding the public.
_INTERNAL_ADDRESSEE = re.compile(
    r"(?:局机关|委机关|机关|本局|本委)?各?(?:科室|处室|股室|内设机构|直属单位|所属单位|下属单位|"
    r"[\u4e00-\u9fff]{0,6}(?:所|分局|中队|大队|科|处))")


def _internal_addressees(structure: DocumentStructure) -> bool:
    addressees = structure.addressees
    if addressees is None:
        return False
    parts = [p for p in re.split("[、，,；;]", "".join(addressees.names)) if p.strip()]
    return bool(parts) and all(_INTERNAL_ADDRESSEE.fullmatch(p.strip()) for p in parts) and any(
        re.search("科室|处室|股室|内设机构|局机关|委机关", p) for p in parts)


def _closing_span(st: DocumentStructure, text: str) -> tuple[int, int]:
    """Where a missing 施行 or term clause belongs: the first line of the last article, else
    the 附则 heading, else the title."""
    closing = [n for top in st.nodes for n in top.walk() if n.heading and "附则" in n.heading]
    node = st.articles[-1] if st.articles else closing[-1] if closing else None
    if node is None:
        return _title_span(st)
    start = node.marker_span[0]
    end = text.find("\n", start)
    return start, end if end >= 0 else len(text)


def _title_span(structure: DocumentStructure) -> tuple[int, int]:
    return structure.title.span if structure.title is not None else (0, 0)


def _validity(pack: RulePack, st: DocumentStructure, text: str, issued: date | None,
              as_of: date) -> list[Finding]:
    out: list[Finding] = []
    # What a document states about its own term is checked whatever its kind (a 方案 with
    # 有效期10年); only normative kinds are asked for a 施行日期 and a term they lack.
    normative = _is_normative(st, text)
    eff, val = st.effective, st.validity
    forever = _FOREVER.search(text, st.body_start)
    trial = _TRIAL_TERM.search(text, st.body_start) if val is None else None
    if forever is not None and val is None and trial is None and normative:
        out.append(_make(pack.rule("validity.indefinite"), text, forever.span()))
    notice = st.instrument_kind is not None and st.instrument_kind.base == "通知"
    # 有效期自A至B states the start; 即日起实施 takes effect on issue.
    val_start = val.start.value if val is not None and val.start is not None else None
    stated_start = val_start is not None or _FROM_TODAY.search(text, st.body_start) is not None
    if normative and eff is None and not notice and not stated_start:
        # A 通知 takes effect when issued unless it says otherwise; other kinds must say. A term
        # stated without its start (本办法有效期5年) is where the date is missing.
        out.append(_make(pack.rule("validity.no-effective-date"), text,
                         val.span if val is not None else _closing_span(st, text)))
    elif normative and val is None and forever is None and trial is None:
        rule_id = "validity.provisional-no-term" if st.is_provisional else "validity.no-term"
        out.append(_make(pack.rule(rule_id), text, eff.span if eff else _closing_span(st, text)))
    start = (eff.date if eff is not None else None) or val_start or issued
    if trial is not None:
        n = parse_number(trial.group(1))
        if n is not None:
            t_years = n if trial.group(2) == "年" else n / 12
            if t_years > MAX_TERM_YEARS:
                out.append(_make(pack.rule("validity.term-too-long"), text, trial.span()))
            elif t_years > MAX_PROVISIONAL_YEARS:
                out.append(_make(pack.rule("validity.provisional-term-too-long"), text,
                                 trial.span()))
    if eff is not None and eff.kind == "date" and eff.date and issued and eff.date < issued:
        days = (issued - eff.date).days
        out.append(_make(pack.rule("validity.retroactive"), text, eff.span,
                         f"施行日期{eff.date.isoformat()}比成文日期{issued.isoformat()}早{days}天。"))
    if val is not None:
        years = (val.years or 0) + (val.months or 0) / 12
        too_long = years > MAX_TERM_YEARS
        if not too_long and val.end and start:
            too_long = (val.end - start).days > MAX_TERM_YEARS * 366
        if too_long:
            out.append(_make(pack.rule("validity.term-too-long"), text, val.span))
        elif st.is_provisional and (years > MAX_PROVISIONAL_YEARS or (
                val.end and start and (val.end - start).days > MAX_PROVISIONAL_YEARS * 366)):
            out.append(_make(pack.rule("validity.provisional-term-too-long"), text, val.span))
        if val.end and start and val.end < start:
            out.append(_make(pack.rule("validity.expired-on-face"), text, val.span,
                             f"终止日期{val.end.isoformat()}早于{start.isoformat()}。"))
        elif val.end and val.end < as_of and issued is None and (eff is None or eff.kind == "on_issue"):
            # A draft (no 成文日期) taking effect on issue cannot be issued before the review
            # date: its term would be over the day it is issued.
            out.append(_make(pack.rule("validity.expired-on-face"), text, val.span,
                             f"文件未写成文日期（草案）；终止日期{val.end.isoformat()}早于核对日"
                             f"{as_of.isoformat()}，印发即已失效。", severity="warning"))
        elif val.end and val.end < as_of:
            out.append(_make(pack.rule("validity.expired"), text, val.span,
                             f"有效期至{val.end.isoformat()}，核对日为{as_of.isoformat()}。"))
    return out


def _same_title(a: str, b: str) -> bool:
    a, b = normalize_title(a), normalize_title(b)
    return a == b or a in b or b in a


def _form(pack: RulePack, st: DocumentStructure, text: str) -> list[Finding]:
    out: list[Finding] = []
    previous = None
    for issue in st.numbering_issues:
        # 一、二、三、三、五、: the second 三 is the slip; 五 after it is no second gap.
        slip = (previous is not None and previous.kind == "repeat" and issue.kind == "gap"
                and previous.style == issue.style and previous.node_kind == issue.node_kind
                and issue.expected == previous.expected and issue.found == issue.expected + 1)
        previous = issue
        if not slip:
            out.append(_make(pack.rule("form.numbering"), text, issue.span, issue.message))
    kind = st.instrument_kind
    own = {w for w in (kind.word if kind else None, st.kind.word if st.kind else None) if w}
    issued = _ISSUED_IN_TITLE.search(st.title.text) if st.title is not None else None
    issued_kind = issued.group(1) if issued is not None else None
    if kind is not None and kind.word in KIND_WORDS:
        flagged: set[str] = set()
        for ref in st.self_references:
            w = ref.word
            if w not in KIND_WORDS or w in flagged or any(
                    w == o or w.endswith(o) or o.endswith(w) for o in own):
                continue
            if issued_kind is not None and issued_kind.endswith(w):
                continue  # 关于印发…若干措施的通知: the body is the 措施
            flagged.add(w)
            out.append(_make(pack.rule("form.self-name"), text, ref.span,
                             f"标题文种为“{kind.word}”，正文称“本{w}”。"))
    if st.doc_number is not None and not st.doc_number.conforming:
        out.append(_make(pack.rule("form.doc-number"), text, st.doc_number.span,
                         f"现写作“{st.doc_number.raw}”。"))
    for m in SHORT_YEAR_NUMBER.finditer(text):
        # 〔26〕: a year cut to two digits, in the document's own 文号 or one it cites.
        start = m.start()
        code = _CODE_BEFORE.search(text, max(0, start - 8), start)
        if code is not None:
            lead = _CODE_LEAD.search(code.group(0))
            start = code.start() + (lead.end() if lead else 0)
        out.append(_make(pack.rule("form.doc-number"), text, (start, m.end()),
                         f"“{text[start:m.end()]}”的年份应写全（四位数字）。"))
    if st.subject is not None and len(st.attachments) == 1:
        # 关于印发《X备案管理办法》的通知 with one attachment, 附件：Y登记管理细则: the one
        # document issued carries another name in the attachment list.
        only = st.attachments[0]
        if only.title and any(only.title.endswith(w) for w in KIND_WORDS) and not _same_title(
                st.subject.title, only.title):
            out.append(_make(pack.rule("form.attachment"), text, only.title_span or only.span,
                             f"通知印发《{st.subject.title}》，附件说明为“{only.title}”。"))
    listed = {a.number: a for a in st.attachments if a.number}
    if st.attachments and not listed:
        # One unnumbered attachment in the list, but the body refers to 附件1, 附件2…
        for mention in st.attachment_mentions:
            out.append(_make(pack.rule("form.attachment"), text, mention.span,
                             f"正文称“附件{mention.number}”，附件说明中的附件没有编号。"))
            break
    if listed:
        for mention in st.attachment_mentions:
            item = listed.get(mention.number)
            if item is None:
                out.append(_make(pack.rule("form.attachment"), text, mention.span,
                                 f"附件说明中没有附件{mention.number}。"))
            elif mention.title and not _same_title(mention.title, item.title):
                out.append(_make(pack.rule("form.attachment"), text, mention.span,
                                 f"正文称附件{mention.number}为《{mention.title}》，"
                                 f"附件说明为“{item.title}”。"))
        for section in st.attachment_sections:
            item = listed.get(section.number) if section.number else None
            if item is not None and section.title and section.title_span and not _same_title(
                    section.title, item.title):
                out.append(_make(pack.rule("form.attachment"), text, section.title_span,
                                 f"附件{section.number}的标题为“{section.title}”，"
                                 f"附件说明为“{item.title}”。"))
    if st.plain_text:
        out.append(_make(pack.rule("form.plain-text"), text, (0, 0)))
    return out


def _range_days(m: re.Match[str]) -> int | None:
    """Calendar days from the first to the last date of a 征求意见 range."""
    try:
        first = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        last = date(int(m.group(4) or m.group(1)), int(m.group(5)), int(m.group(6)))
    except ValueError:
        return None
    days = (last - first).days
    return days if days >= 0 else None


def _procedure(pack: RulePack, st: DocumentStructure, text: str) -> list[Finding]:
    out: list[Finding] = []
    spans: list[tuple[int, int]] = []
    if st.masthead and (i := text.find(st.masthead, 0, st.body_start)) >= 0:
        spans.append((i, i + len(st.masthead)))
    if st.signature is not None:
        spans.extend(st.signature.issuer_spans)
    if st.title is not None and st.issuer_source == "title" and st.issuer:
        i = text.find(st.issuer, st.title.span[0], st.title.span[1])
        if i >= 0:
            spans.append((i, i + len(st.issuer)))
    # 本办法由…大气环境科制定并发布: the body names the issuing office.
    for m in _SELF_ISSUED_BY.finditer(text, st.body_start):
        spans.append(m.span(1))
    for start, end in spans:
        name = "".join(text[start:end].split())
        if _INTERNAL_ISSUER.search(name):
            out.append(_make(pack.rule("procedure.internal-issuer"), text, (start, end),
                             f"制发机关为“{name}”。"))
            break
    for m in (*_COMMENT_RANGE.finditer(text), *_COMMENT_RANGE_BEFORE.finditer(text)):
        days = _range_days(m)
        if days is not None and days + 1 < 30:
            out.append(_make(pack.rule("procedure.comment-period"), text, m.span(),
                             f"征求意见期为{days + 1}日。"))
    for m in _COMMENT_PERIOD.finditer(text):
        days = parse_number(m.group(1))
        if days is None:
            continue
        calendar = days * 7 / 5 if m.group(2) == "工作日" else days
        if calendar < 30:
            out.append(_make(pack.rule("procedure.comment-period"), text, m.span()))
    return out


def _citation_basis(citation: Citation, catalog: Catalog, as_of: date) -> list[str]:
    law = citation.law
    if law is None:
        return []
    out = [f"《{law.title}》"]
    event = law.end_event(as_of, verified_only=False)
    if event is not None:
        successor = catalog.get(event.successor) if event.successor else None
        if successor is not None:
            out.append(f"《{successor.title}》{event.provision or ''}")
        elif event.source:
            out.append(event.source)
    elif citation.successor is not None:
        out.append(f"《{citation.successor.title}》")
    return out


def _citations(pack: RulePack, report: CitationReport, text: str,
               catalog: Catalog) -> list[Finding]:
    out: list[Finding] = []
    for c in report.citations:
        rule_id: str | None = None
        if c.status in ("abolished", "expired"):
            before = c.status_at_document in ("abolished", "expired") or report.document_date is None
            rule_id = "citation.abolished" if before else "citation.abolished-since"
        elif c.status == "unknown_article":
            rule_id = "citation.unknown-article"
        elif c.status == "not_yet_effective":
            rule_id = "citation.not-yet-effective"
        elif c.status == "amended_since":
            changed = c.article is not None and any("内容未变" not in ch for ch in c.changes)
            if changed:
                rule_id = "citation.amended-article"
            elif c.version_year is not None or c.version_order is not None:
                # 《X法》（2007年修订） or （国务院令第492号）: an old version named explicitly
                rule_id = "citation.old-version"
            else:
                rule_id = "citation.amended"
        if rule_id is None:
            continue
        end = c.end
        if rule_id == "citation.old-version" and text[end:end + 1] in "（(":
            # （国务院令第399号） after the title is the part that names the old text.
            close = min((i for i in (text.find("）", end, end + 40), text.find(")", end, end + 40))
                         if i >= 0), default=end - 1)
            end = close + 1
        out.append(_make(pack.rule(rule_id), text, (c.start, end), c.message,
                         _citation_basis(c, catalog, report.as_of)))
    return out


# 依照《…》第N条的规定, 根据…: the citation is the basis of what follows it (not 违反…第N条,
# 未依照…第N条规定公示的).
_BASIS_BEFORE = re.compile("(?<![未不没有])(?:依照|依据|根据|按照)$")
# The measure ends with the sentence, or where a condition ends (依照…第N条规定调出名录的，由…
# 没收: the article supports the condition, the 没收 comes from elsewhere).
_MEASURE_END = re.compile("[。；;\n]|的[，,]")
_LIABILITY_WORDS = re.compile("追究|法律责任|处分")
_MEASURE_CHARS = 80


def _article_content(pack: RulePack, report: CitationReport, text: str) -> list[Finding]:
    """Citations given as the basis of what the draft says, where the cited article says none
    of it and another article of the same statute does (citation.article-content)."""
    grammar = pack.grammar
    rule = pack.rule("citation.article-content")
    out: list[Finding] = []
    for c in report.citations:
        law, ref = c.law, c.article
        if (law is None or ref is None or ref.until or c.status != "current" or not law.versions
                or c.quote.startswith("本")  # 本法第N条: a law citing itself
                or (text[c.end:c.end + 1] in "、和及至与" and text[c.end + 1:c.end + 2] != "《")  # 第二十八条、第三十条…: read together
                or not _BASIS_BEFORE.search(text[max(0, c.start - 3):c.start])):
            continue
        stop = _MEASURE_END.search(text, c.end)
        hi = min(stop.start() if stop else len(text), c.end + _MEASURE_CHARS)
        # What another basis introduces (…，依法追究刑事责任，并由发证机关吊销) is not this one's.
        other = grammar.restate.search(text, c.end + 1, hi)
        hi = other.start() if other else hi
        said = text[c.end:hi]
        terms = sorted({m.group(0) for m in grammar.measure_terms.finditer(said)})
        # The wording compared is the clause the citation introduces (…第十二条的规定审批，批准
        # 正式设立的，发给办学许可证: art. 12 is cited for the 审批 only).
        lead = _CITED_LEAD.match(said)
        stop = _SENTENCE.search(text, c.end)
        whole = text[c.end:min(stop.start() if stop else len(text), c.end + _MEASURE_CHARS)]
        rest = whole[lead.end() if lead else 0:]
        # The clause the citation introduces, read with the next when it is a condition (参加人数在
        # 1000人以上的，由公安机关实施安全许可) or a subject too short to tell (城市新建民用建筑); not
        # when it is a measure (规定审批，批准正式设立的…: cited for the 审批) or the next is
        # boilerplate liability (构成犯罪的，依法追究刑事责任 names no article).
        clauses = re.split("[，,]", rest)
        first = clauses[0]
        condition = first.endswith("的")
        if len(clauses) > 1 and not grammar.support_terms.search(first) and (
                (condition and not _LIABILITY_WORDS.search(clauses[1]))
                or (not condition and len(_content_bigrams(first)) < _MIN_BIGRAMS)):
            first += "，" + clauses[1]
        words = _content_bigrams(first)
        conduct = _conduct(text, c.start)
        deeds = _content_bigrams(conduct)
        if not terms and len(words) < _MIN_BIGRAMS and len(deeds) < _MIN_BIGRAMS:
            continue
        published, articles = statute_articles().get(law.id, (None, {}))
        cited = articles.get(ref.key)
        if cited is None or published != law.versions[-1].published:
            continue
        supported = any(m.group(0) in cited for m in grammar.support_terms.finditer(said))
        found = {t: [k for k, body in articles.items() if t in body] for t in terms}
        term, keys = next(((t, ks) for t, ks in found.items() if ks), ("", []))
        if keys and not supported:
            named = "、".join(article_label(k) for k in keys[:3]) + ("等" if len(keys) > 3 else "")
            message = f"所引{ref.label()}未提及“{term}”；《{law.title}》规定“{term}”的是{named}。"
        elif len(deeds) >= _MIN_BIGRAMS and (keys := _closer_articles(law.id, ref.key, deeds)):
            # 在保护范围内爆破、打井的，由县水务局依照《水法》第六十五条…: the wrongdoing the
            # draft describes is another article's.
            named = "、".join(article_label(k) for k in keys)
            message = (f"文件所述“{conduct.strip()[:24]}”的行为，所引{ref.label()}未作规定；"
                       f"《{law.title}》中规定该行为的是{named}。")
        elif len(words) >= _MIN_BIGRAMS:
            # No measure word decides it: compare the wording (依照…第十四条的规定，共同向专利
            # 行政部门办理出质登记 — the 出质登记 is art. 15's).
            keys = _closer_articles(law.id, ref.key, words)[:1]
            if not keys:
                continue
            best = keys[0]
            message = (f"文件所述“{first.strip()[:24]}”与所引{ref.label()}的内容不符；"
                       f"《{law.title}》中与之最接近的是{article_label(best)}。")
        else:
            continue
        out.append(_make(rule, text, (c.start, c.end), message,
                         [_article_basis(law.title, k) for k in keys[:3]]))
    return out


# Comparing wording by character pairs: words of any statute's drafting (规定, 应当, 县级以上…)
# and of penalties in general say nothing about which article is meant.
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_STOP_BIGRAMS = frozenset([
    "的规", "规定", "定的", "应当", "当按", "依法", "按照", "照规", "依照", "根据", "依据", "可以", "或者", "以及", "有关",
    "相关", "关于", "本市", "本县", "本区", "县级", "级以", "以上", "上人", "人民", "政府", "部门", "主管", "管理", "行政",
    "实行", "进行", "国家", "条例", "法律", "执行", "办理", "其他", "地方", "单位", "予以", "以处", "处罚", "罚款", "责任",
    "承担", "律责", "任的",
])
_MIN_BIGRAMS = 8
_CITED_LEAD = re.compile(r"(?:[^，,]{0,8}?规定)?[，,]?")
_CLOSEST_SHARE = 0.6  # share of the draft's pairs found in the closest article
_SHARE_GAP = 0.4  # …and how much less the cited one holds
_SHARE_TIE = 0.05  # articles this close to the closest are named with it


# The wrongdoing a sanction clause names before its citation: 违反本办法规定，在…爆破、打井的，
# 由县水务局依照《…》第N条…
_LISTED_CITATIONS = re.compile(r"(?:《[^》\n]{1,60}》(?:第[一二三四五六七八九十百零〇0-9]+条(?:第[一二三四五六七八九十0-9]+款)?)?[、和及])+$")
_SANCTIONING_ORGAN = re.compile(
    r"(?:由[^，,。；;\n]{1,24}?(?:局|委员会|委|办公室|办|人民政府|政府|部门|机关|管委会|中心|大队|支队|所|站))?"
    r"(?:依照|依据|根据|按照)")
_CONDUCT_START = re.compile(r"[ \t\u3000]*(?:第[一二三四五六七八九十百零〇0-9]{1,6}条[ \t\u3000]*)?"
                            r"(?:违反本(?:办法|规定|细则|条例|通知|意见|决定)[^，,。；;\n]{0,12}?[，,])?")


def _conduct(text: str, at: int) -> str:
    """The wrongdoing a sanction clause names before a citation at ``at`` (…的，由县水务局依照
    《…》), or '' when the citation is not a sanctioning organ's."""
    lo = max(text.rfind(ch, 0, at) for ch in "。；;\n") + 1
    end = text.rfind("的，", lo, at)
    # …由市住建局依照《城市房地产管理法》第六十八条、《城市房地产开发经营管理条例》第三十九条: the
    # citations listed before this one belong to the same basis.
    between = _LISTED_CITATIONS.sub("", text[end + 2:at]) if end >= 0 else ""
    if end < 0 or not _SANCTIONING_ORGAN.fullmatch(between) or "下列" in text[lo:end]:
        return ""
    opening = _CONDUCT_START.match(text, lo)  # always matches: its parts are optional
    lo = opening.end() if opening else lo
    lead = _ITEM.match(text, lo)
    return text[lead.end() if lead else lo:end]


def _closer_articles(law_id: str, cited: str, words: set[str]) -> list[str]:
    """The articles (at most three, closest first) whose wording holds the draft's words (a
    set of character pairs) clearly better than the cited one does; [] when none does."""
    articles = statute_articles()[law_id][1]
    pairs = _article_pairs(law_id)
    share = {k: len(words & pairs[k]) / len(words) for k in articles}
    top = share[max(share, key=lambda k: share[k])]
    if top < _CLOSEST_SHARE or top - share.get(cited, 0.0) < _SHARE_GAP:
        return []
    best = [k for k in articles if share[k] >= top - _SHARE_TIE]
    # A close article may itself refer to the cited one (依照本法第十一条第二款规定取得中医医师
    # 资格的人员… copied from art. 20): the draft may repeat that cross-reference. And the cited
    # article may refer to it: a sanction names the duty it enforces (第六十八条 违反本法第四十五条
    # 第一款的规定预售商品房的…), whose words the draft repeats.
    said = articles.get(cited, "")
    if any(article_label(cited) in articles[k] or article_label(k) in said for k in best):
        return []
    return sorted(best, key=lambda k: -share[k])[:3]


def _content_bigrams(text: str) -> set[str]:
    return {run[i:i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)} - _STOP_BIGRAMS


@functools.lru_cache(maxsize=64)
def _article_pairs(law_id: str) -> dict[str, set[str]]:
    """The character pairs of each article of a statute, computed once per statute."""
    return {k: _content_bigrams(body) for k, body in statute_articles().get(law_id, (None, {}))[1].items()}


# --- the document ---------------------------------------------------------------------------------


def _instrument_level(st: DocumentStructure, catalog: Catalog) -> tuple[str | None, str | None]:
    """The catalog level when the title names a law/regulation/rule (the text is one)."""
    if st.title is None:
        return None, None
    title = normalize_title(st.title.text)
    laws: list[Law] = catalog.lookup(st.title.text)
    for law in laws:
        # The exact title only: a local document may share a law's short name.
        if law.level in HIGHER_LEVELS and title in (normalize_title(law.title),
                                                  normalize_title(law.id)):
            return law.level, f"《{law.title}》（{law.level}）"
    return None, None


def _context(text: str, pack: RulePack, st: DocumentStructure, report: CitationReport,
             level: str | None, catalog: Catalog) -> _Context:
    ctx = _Context(text, pack, level=level, licences=catalog.licences())
    issuer = st.issuer or st.masthead or ""
    ctx.town_issuer = bool(issuer and pack.grammar.town_organ.search(issuer))
    place = re.search(r"([\u4e00-\u9fff]{2,4}?(?:镇|乡|街道))(?:人民政府|政府|办事处)?", issuer)
    ctx.place = place.group(1) if place else None
    rows: list[tuple[int, int, str, str | None]] = []
    titles: dict[str, str] = {}
    for c in report.citations:
        law = c.target().law or c.law
        if law is None or law.level not in HIGHER_LEVELS or c.status in ("abolished", "expired"):
            continue
        label = f"《{law.title}》" + (c.article.label() if c.article else "")
        statute = _bundled_statute(c)
        if statute is not None:
            titles[statute.id] = statute.title
        rows.append((c.start, c.end, label, statute.id if statute else None))
    rows.sort()
    ctx.citations = rows
    ctx.statutes = {law_id: titles[law_id] for *_, law_id in rows if law_id}
    return ctx


def review_text(text: str, *, as_of: date | None = None, document_date: date | None = None,
                rules: RulePack | None = None, catalog: Catalog | None = None) -> ReviewReport:
    """Review ``text`` (as `fazhi text` prints it). ``document_date`` defaults to the 成文日期."""
    pack = rules if rules is not None else load_rules()
    catalog = catalog if catalog is not None else default_catalog()
    as_of = as_of or today()
    st = parse(text)
    doc_date = document_date or st.issued
    report = analyze(text, catalog, document_date=doc_date, as_of=as_of)
    doc_date = doc_date or report.document_date
    level, instrument = _instrument_level(st, catalog)
    ctx = _context(text, pack, st, report, level, catalog)
    findings = scan(text, pack, context=ctx)
    findings += _citations(pack, report, text, catalog)
    findings += _article_content(pack, report, text)
    notes: list[str] = []
    if level is None:
        findings += _validity(pack, st, text, doc_date, as_of)
        beyond = pack.rule("licensing.beyond-statutory-conditions")
        findings += [_make(beyond, text, (x.start, x.end), x.message(), x.basis())
                     for x in beyond_statute(text, st, pack)]
    else:
        findings.append(_make(pack.rule("form.higher-instrument"), text, _title_span(st),
                              f"本文件为{instrument}。"))
        notes.append(f"文本为{instrument}，按其设定权限审查，规范性文件的设定类规则未适用。")
    findings += _form(pack, st, text)
    findings += _procedure(pack, st, text)
    if level is None:
        findings += _altered_figures(pack, ctx)
    if st.plain_text:
        notes.append("未识别出文件结构，已按纯文本审查。")
    if doc_date is None:
        notes.append("未找到成文日期，与日期有关的检查按核对日进行或未进行。")
    if "公平竞争审查" not in text and any(
            f.category == "competition" and f.severity != "info" for f in findings):
        findings.append(_make(pack.rule("procedure.fair-competition-review"), text,
                              _title_span(st)))
    return ReviewReport(text, st, report, _ordered(_yielded(pack, findings)), as_of, doc_date,
                        notes, instrument)


def _yielded(pack: RulePack, findings: list[Finding]) -> list[Finding]:
    """Without the findings whose rule yields to another rule's finding on the same words."""
    raised = [f for f in findings if f.severity != "info"]
    return [f for f in findings
            if not (yields := pack.rule(f.rule).yields_to) or not any(
                o.rule in yields and o.start < f.end and f.start < o.end for o in raised)]


def _ordered(findings: list[Finding]) -> list[Finding]:
    """Sorted by position; one finding per rule and span region."""
    findings.sort(key=lambda f: (f.start, f.end, -SEVERITY_RANK[f.severity], f.rule))
    out: list[Finding] = []
    last: dict[str, Finding] = {}
    for f in findings:
        prev = last.get(f.rule)
        if prev is not None and prev.start <= f.start < max(prev.end, prev.start + 1):
            continue
        out.append(f)
        last[f.rule] = f
    return out

