"""Finding legal citations in Chinese text and checking them against the law catalog.

Extraction, in the spirit of eyecite: full citations are 《title》 (nested titles, stray
spaces and half-width brackets tolerated) or a bare catalog name (行政许可法第十七条), each
optionally followed by article references (第十二条第二款第三项, lists with 、/和, ranges
with 至). Short forms refer back to an antecedent: 该法/同法/上述条例 to the nearest earlier
citation of the same kind, 本法 inside a quotation to the quoted law (elsewhere to the
document itself when that is a catalogued law), names defined with （以下简称“X”） to the
citation they follow. 文号 such as 沪府办〔2018〕14号 are extracted as document references.

Resolution gives each citation a status on the citing document's date and on `as_of`
(today by default): current, amended_since, abolished, not_yet_effective, expired,
unknown_article, or unknown (not in the catalog — never reported as wrong).
"""

from __future__ import annotations

import bisect
import difflib
import re
import weakref
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import ahocorasick

from fazhi.core.catalog import Catalog, Law, Version, article_label, default_catalog
from fazhi.core.catalog.models import STATUS_ABOLISHED, StatusEvent, normalize_title
from fazhi.core.numerals import NUMERAL_CHARS, parse_number, to_chinese

STATUSES = ("current", "amended_since", "abolished", "not_yet_effective", "expired",
            "unknown_article", "unknown")
STATUS_TEXT = {
    "current": "现行有效",
    "amended_since": "已被修改",
    "abolished": "已废止",
    "not_yet_effective": "尚未施行",
    "expired": "已失效",
    "unknown_article": "无此条",
    "unknown": "未收录",
}

MAX_TITLE = 160
_NUM = rf"[{NUMERAL_CHARS}0-9]+"
_ARTICLE = re.compile(
    rf"第\s*({_NUM})\s*条(?:\s*之\s*({_NUM}))?(?:\s*第\s*({_NUM})\s*款)?(?:\s*第\s*({_NUM})\s*项)?"
)
_CLAUSE = re.compile(rf"第\s*({_NUM})\s*款(?:\s*第\s*({_NUM})\s*项)?|第\s*({_NUM})\s*项")
_SEP = re.compile(r"[ \t\u3000]*(、|，(?=\s*第)|以及|或者|和|及|与|或|至|到|—|－|-|～|~)[ \t\u3000]*")
_RANGE_WORDS = {"至", "到", "—", "－", "-", "～", "~"}
_OPENERS = "《"
_NEST_OPEN = "《〈<＜"
_NEST_CLOSE = "》〉>＞"
_NESTED_TITLE = re.compile(r"[〈<＜《]([^〈〉<>＜＞《》]{2,120})[〉>＞》]")
_NORMATIVE_END = re.compile(
    r"(法|法典|条例|规定|办法|细则|规则|决定|意见|通知|纲要|规划|解释|批复|准则|公告|令|方案|"
    r"标准|指引|决议|章程|规程|制度|目录|清单|要点|通告|函|答复|复函|修正案)"
    r"(?:[（(][^（）()]{1,12}[）)])*$"
)
_VERSION_SUFFIX = re.compile(r"[（(]\s*(\d{4})\s*年?\s*(?:修订|修正|修改|版|本)?[^（）()]{0,4}[）)]$")
# 《X法》（2011年）, （2011年修订）, （2011修正）: the version cited, after the title.
_VERSION_AFTER = re.compile(
    r"[ \t]*[（(]\s*(\d{4})\s*(?:年\s*(?:修订|修正|修改|版|本)?|修订|修正|修改)[^（）()\n]{0,6}[）)]")
_DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fff]{1,14})[ \t]*[〔\[【［(（][ \t]*((?:19|20)\d{2})[ \t]*[〕\]】］)）]"
    r"[ \t]*第?[ \t]*(\d{1,5})[ \t]*号"
)
# Where a 文号 can be: its bracketed year. Scanning for this first and then matching
# _DOC_NUMBER from the start finditer would have used is exact (see _doc_numbers) and avoids
# trying the 1–14 character prefix at every Chinese character of the text.
_DOC_YEAR = re.compile(r"[〔\[【［(（][ \t]*(?:19|20)\d{2}[ \t]*[〕\]】］)）]")
_CJK_LOW, _CJK_HIGH = "\u4e00", "\u9fff"
_DATE_DIGITS = frozenset("0123456789０１２３４５６７８９〇零一二三四五六七八九十")
_DOC_STOPWORDS = sorted(
    ["人民政府", "根据", "依据", "按照", "依照", "参照", "对照", "废止", "同步", "关于", "印发", "转发",
     "执行", "落实", "贯彻", "详见", "参见", "以下简称", "简称", "文件", "规定", "要求", "精神",
     "通知", "办法", "意见", "见", "即", "和", "及", "与", "或", "的", "是", "为", "由", "在",
     "将", "对", "以", "原", "号", "文", "按", "据", "经", "从", "自"],
    key=len, reverse=True,
)
_DOC_CUT = re.compile("|".join(w for w in _DOC_STOPWORDS if len(w) > 1))
_PAREN_DOC = re.compile(r"[ \t]*[（(][ \t]*")
# （国务院令第711号） after a title names the text of that order.
# （1997年7月21日国务院令第225号发布） names it with its date.
_PAREN_ORDER = re.compile(
    r"[ \t]*[（(][ \t]*(?:[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日[ \t]*)?(?:中华人民共和国)?"
    r"((?:国务院|[\u4e00-\u9fff]{1,14}(?:部|委|局|署|行|会|政府))令[ \t]*第[ \t]*\d{1,4}[ \t]*号)"
    r"[ \t]*(?:发布|公布)?[ \t]*[）)]")
_DEFINITION = re.compile(
    r"[（(][ \t]*(?:以下|下文|下同[，,]?)?[ \t]*(?:统称|简称|称)[ \t]*[为：:]?[ \t]*"
    r"[“\"《「‘]([^”\"》」’\n]{1,24})[”\"》」’][ \t]*[）)]"
)
_BACKREF = re.compile(
    # Not the 同法 of 合同法 or the 本法 of 基本法: those are parts of words, not determiners.
    r"(该|(?<![合协共])同|(?<![基资成根样版剧])本|上述|前述)(法典|法|条例|规定|办法|细则|决定|规则|解释)"
    r"(?![律规院官人学制典治理务定庭师员案])"
)
_BARE_FOLLOW_BLOCK = set("律规院官人学制典治理务定庭师员案系")
_BARE_PRECEDE_OK = set(
    "据照按依循遵违反的和与及或即是为对在把将从由以了于给用等并向称习读传彻实行订正改布施"
    "见引援适部条款项学守懂宣及、，。；：“”‘’（）()《》〈〉「」 \t\n\u3000"
)
_DATE_LINE = re.compile(
    rf"^[ \t\u3000]*((?:19|20)\d{{2}}|[{NUMERAL_CHARS}]{{4}})[ \t]*年[ \t]*({_NUM})[ \t]*月"
    rf"[ \t]*({_NUM})[ \t]*日[ \t\u3000]*$",
    re.MULTILINE,
)


@dataclass
class ArticleRef:
    """One article reference: 第十二条第二款, or a range 第十二条至第十五条."""

    start: int
    end: int
    key: str  # "12" or "10-1"
    clause: int | None = None
    item: int | None = None
    until: str | None = None  # last key of a range

    def label(self) -> str:
        text = article_label(self.key)
        if self.clause:
            text += f"第{to_chinese(self.clause)}款"
        if self.item:
            text += f"第{to_chinese(self.item)}项"
        if self.until:
            text += "至" + article_label(self.until)
        return text

    def keys(self) -> list[str]:
        if not self.until:
            return [self.key]
        low, high = int(self.key.split("-")[0]), int(self.until.split("-")[0])
        if high < low or high - low > 500:
            return [self.key, self.until]
        return [str(n) for n in range(low, high + 1)]


@dataclass
class Citation:
    start: int
    end: int
    quote: str
    kind: str  # title | name | backref | short | doc_number
    cited: str  # the title, name or 文号 as written (spaces removed)
    article: ArticleRef | None = None
    version_year: int | None = None
    version_order: str | None = None  # 国务院令第711号 written after the title
    doc_number: str | None = None
    antecedent: Citation | None = None
    nested_in: Citation | None = None
    # Filled by resolution:
    law: Law | None = None
    candidates: list[Law] = field(default_factory=list)
    status: str = "unknown"
    status_at_document: str | None = None
    successor: Law | None = None
    message: str = ""
    changes: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    def target(self) -> Citation:
        """The full citation a short form stands for (itself for a full citation)."""
        seen = 0
        node = self
        while node.antecedent is not None and seen < 50:
            node, seen = node.antecedent, seen + 1
        return node

    def to_json(self, document_date: date | None, as_of: date) -> dict[str, Any]:
        law = self.law
        return {
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "law": law.title if law else self.target().cited,
            "law_level": law.level if law else None,
            "article": self.article.label() if self.article else None,
            "status": self.status,
            "successor": self.successor.title if self.successor else None,
            "message": self.message,
            "law_id": law.id if law else None,
            "kind": self.kind,
            "status_at_document": self.status_at_document,
            "document_date": document_date.isoformat() if document_date else None,
            "as_of": as_of.isoformat(),
            "candidates": [c.title for c in self.candidates],
            "doc_number": self.doc_number,
            "changes": self.changes,
            "evidence": self.evidence,
        }


@dataclass
class CitationReport:
    text: str
    citations: list[Citation]
    document_date: date | None
    document_date_source: str
    as_of: date

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": 1,
            "document_date": self.document_date.isoformat() if self.document_date else None,
            "document_date_source": self.document_date_source,
            "as_of": self.as_of.isoformat(),
            "citations": [c.to_json(self.document_date, self.as_of) for c in self.citations],
        }


def today() -> date:
    """Today's date in China, where the documents and laws apply."""
    return datetime.now(tz=ZoneInfo("Asia/Shanghai")).date()


# --- scanner built once per catalog -----------------------------------------------------------------


class _Scanner:
    """Aho-Corasick automaton over the catalog's names, for citations without 《》."""

    def __init__(self, catalog: Catalog) -> None:
        self.automaton: Any = ahocorasick.Automaton()
        names: dict[str, str] = {}
        for law in catalog:
            for name in law.names():
                key = name.replace(" ", "")
                if _bare_name_ok(key):
                    names[key] = normalize_title(key)
        for name, key in names.items():
            self.automaton.add_word(name, (len(name), key))
        self.size = len(names)
        if names:
            self.automaton.make_automaton()
        # Every name ends with one of `enders`. Names without a line break never match
        # across one, and the automaton is back at its root after every line break; so
        # scanning only the lines that contain an ender, one by one, finds the same matches
        # as scanning the whole text, and skips most lines. The few names with a line break
        # (a title broken in the source) send a text that contains one to the whole scan.
        self.enders = "".join(sorted({name[-1] for name in names}))
        self.multiline = [name for name in names if "\n" in name]
        self.line_automaton: Any = self.automaton
        if self.multiline:
            self.line_automaton = ahocorasick.Automaton()
            for name, key in names.items():
                if "\n" not in name:
                    self.line_automaton.add_word(name, (len(name), key))
            self.line_automaton.make_automaton()

    def iter(self, text: str) -> list[tuple[int, int, str]]:
        if not self.size:
            return []
        out = []
        if any(name in text for name in self.multiline):
            for end, (length, key) in self.automaton.iter_long(text):
                out.append((end - length + 1, end + 1, key))
            return out
        automaton, enders = self.line_automaton, self.enders
        offset = 0
        for line in text.split("\n"):
            for ch in enders:
                if ch in line:
                    for end, (length, key) in automaton.iter_long(line):
                        out.append((offset + end - length + 1, offset + end + 1, key))
                    break
            offset += len(line) + 1
        return out


def _bare_name_ok(name: str) -> bool:
    if len(name) < 2 or len(name) > 40 or not name.endswith(("法", "法典", "条例")):
        return False
    # 2-character names other than the codes everybody cites bare are too noisy.
    return len(name) >= 3 or name in ("宪法", "刑法")


# Weak keys: a catalog rebuilt after local additions must not be kept alive by its scanner.
_SCANNERS: weakref.WeakKeyDictionary[Catalog, _Scanner] = weakref.WeakKeyDictionary()


def _scanner_for(catalog: Catalog) -> _Scanner:
    scanner = _SCANNERS.get(catalog)
    if scanner is None:
        scanner = _SCANNERS[catalog] = _Scanner(catalog)
    return scanner


# --- extraction -----------------------------------------------------------------------------------------


def _num(text: str | None) -> int | None:
    return parse_number(text) if text else None


def _parse_articles(text: str, pos: int) -> list[ArticleRef]:
    """Article references starting at `pos` (after optional spaces), chained by 、/和/至."""
    refs: list[ArticleRef] = []
    cursor = pos
    while True:
        gap = cursor
        while gap < len(text) and text[gap] in " \t\u3000" and gap - cursor < 3:
            gap += 1
        match = _ARTICLE.match(text, gap)
        if match:
            number = _num(match.group(1))
            if number is None or number == 0:
                break
            sub = _num(match.group(2))
            key = f"{number}-{sub}" if sub else str(number)
            refs.append(ArticleRef(gap, match.end(), key, _num(match.group(3)),
                                   _num(match.group(4))))
        elif refs:
            clause = _CLAUSE.match(text, gap)
            if not clause:
                break
            last = refs[-1]
            if clause.group(3):
                refs.append(ArticleRef(gap, clause.end(), last.key, last.clause,
                                       _num(clause.group(3))))
            else:
                refs.append(ArticleRef(gap, clause.end(), last.key, _num(clause.group(1)),
                                       _num(clause.group(2))))
        else:
            break
        sep = _SEP.match(text, refs[-1].end)
        if not sep or not text.startswith("第", sep.end()):
            break
        if sep.group(1) in _RANGE_WORDS:
            end_match = _ARTICLE.match(text, sep.end())
            end_number = _num(end_match.group(1)) if end_match else None
            if end_match and end_number:
                last = refs[-1]
                last.until = str(end_number)
                last.end = end_match.end()
                sep = _SEP.match(text, last.end)
                if not sep or not text.startswith("第", sep.end()) or sep.group(1) in _RANGE_WORDS:
                    break
        cursor = sep.end()
    return refs


def _find_titles(text: str) -> list[tuple[int, int, str]]:
    """(start, end, inner text) of every balanced top-level 《…》; unbalanced ones are skipped."""
    out: list[tuple[int, int, str]] = []
    pos = text.find("《")
    while pos != -1:
        depth = 0
        end = -1
        limit = min(len(text), pos + MAX_TITLE)
        i = pos
        while i < limit:
            ch = text[i]
            if ch in _NEST_OPEN:
                depth += 1
            elif ch in _NEST_CLOSE:
                depth -= 1
                if depth == 0:
                    end = i + 1
                    break
            elif (ch == "\n" and text.startswith("\n", i + 1)) or ch in "。；":
                break
            i += 1
        if end != -1 and text[end - 1] == "》":
            out.append((pos, end, text[pos + 1:end - 1]))
            pos = text.find("《", end)
        else:
            pos = text.find("《", pos + 1)
    return out


def _clean_title(raw: str) -> str:
    return "".join(raw.split())


def _doc_prefix(run: str) -> str:
    cut = 0
    for match in _DOC_CUT.finditer(run):
        cut = match.end()
    run = run[cut:]
    changed = True
    while changed and run:
        changed = False
        for word in _DOC_STOPWORDS:
            if run.startswith(word) and len(run) > len(word):
                run = run[len(word):]
                changed = True
                break
    return run


def document_title(text: str) -> str:
    for line in text.split("\n", 40)[:40]:
        line = line.strip().lstrip("#").strip()
        if line:
            return line
    return ""


def infer_document_date(text: str) -> date | None:
    """The 成文/落款 date: the last line that consists of a full date only."""
    found: date | None = None
    for match in _DATE_LINE.finditer(text):
        year, month, day = (parse_number(g) for g in match.groups())
        if year is None or month is None or day is None:
            continue
        try:
            found = date(year, month, day)
        except ValueError:
            continue
    return found


def _doc_numbers(text: str) -> list[re.Match[str]]:
    """The matches of `_DOC_NUMBER.finditer(text)`, found from their bracketed years.

    A match is a run of 1–14 Chinese characters, spaces, then the bracket. Every start inside
    one run reaches the same bracket, and the rest of the pattern depends only on the text
    from the bracket on; so finditer's match for a bracket, if any, starts at the earliest
    position of the run that is at most 14 characters before its end and not inside the
    previous match.
    """
    out: list[re.Match[str]] = []
    last_end = 0
    for anchor in _DOC_YEAR.finditer(text):
        bracket = anchor.start()
        if bracket < last_end:
            continue
        run_end = bracket
        while run_end > last_end and text[run_end - 1] in " \t":
            run_end -= 1
        start = run_end
        floor = max(last_end, run_end - 14)
        while start > floor and _CJK_LOW <= text[start - 1] <= _CJK_HIGH:
            start -= 1
        if start == run_end:
            continue
        match = _DOC_NUMBER.match(text, start)
        if match is not None:
            out.append(match)
            last_end = match.end()
    return out


class _Taken:
    """Characters already claimed by a citation: a byte per character, so checks stay linear."""

    def __init__(self, size: int) -> None:
        self.mask = bytearray(size)

    def add(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return self.mask.find(1, start, end) != -1


def extract(text: str, catalog: Catalog | None = None) -> list[Citation]:
    """Citations in `text`, ordered by position, with short forms linked to antecedents."""
    catalog = catalog if catalog is not None else default_catalog()
    citations: list[Citation] = []
    taken = _Taken(len(text))

    # 1. 《title》 with nested titles, version and 文号 parentheticals, then articles.
    for start, end, raw in _find_titles(text):
        title = _clean_title(raw)
        year: int | None = None
        version = _VERSION_SUFFIX.search(title)
        if version:
            year = int(version.group(1))
            title = title[:version.start()]
        taken.add(start, end)
        known = bool(catalog.lookup(title))
        if not (known or _NORMATIVE_END.search(title)):
            continue
        cursor = end
        after = _VERSION_AFTER.match(text, cursor)
        if after:
            year, cursor = int(after.group(1)), after.end()
        doc_number = None
        order = _PAREN_ORDER.match(text, cursor)
        paren = None if order else _PAREN_DOC.match(text, cursor)
        if order:
            taken.add(cursor, order.end())
        if paren:
            number = _DOC_NUMBER.match(text, paren.end())
            if number:
                doc_number = "".join(number.group(0).split())
                taken.add(paren.end(), number.end())
        outer = _add_with_articles(citations, text, start, end, "title", title, year, doc_number,
                                   order.end() if order else None)
        if order:
            outer.version_order = "".join(order.group(1).split())
        for nested in _NESTED_TITLE.finditer(raw):
            inner_title = _clean_title(nested.group(1))
            if catalog.lookup(inner_title):
                offset = start + 1 + nested.start(1)
                citations.append(Citation(offset, offset + len(nested.group(1)), nested.group(1),
                                          "title", inner_title, nested_in=outer))

    # 2. 文号 not already attached to a title.
    for match in _doc_numbers(text):
        if taken.overlaps(match.start(2) - 1, match.end()):
            continue
        prefix = _doc_prefix(match.group(1))
        if prefix and prefix[0] in "年月日" and match.start(1) > 0 and (
                text[match.start(1) - 1] in _DATE_DIGITS):
            prefix = _doc_prefix(prefix[1:])  # the end of a date written just before the 文号
        if not prefix:
            continue
        start = match.end(1) - len(prefix)
        quote = text[start:match.end()]
        doc_id = "".join(quote.split())
        citations.append(Citation(start, match.end(), quote, "doc_number", doc_id,
                                  doc_number=doc_id))
        taken.add(start, match.end())

    # 3. Names defined with （以下简称“X”）: link to the citation just before; articles
    # written after the parenthesis belong to that citation.
    definitions: dict[str, tuple[int, bool, Citation]] = {}
    citations.sort(key=lambda c: c.start)
    starts = [c.start for c in citations]
    inside_definitions: list[tuple[int, int]] = []
    for match in _DEFINITION.finditer(text):
        index = bisect.bisect_left(starts, match.start())
        antecedent = None
        for c in reversed(citations[max(0, index - 8):index]):
            if (c.nested_in is None and c.end <= match.start() and match.start() - c.end <= 40
                    and "\n" not in text[c.end:match.start()]):
                antecedent = c
                break
        inside_definitions.append((match.start(), match.end()))
        taken.add(match.start(), match.end())
        if antecedent is None:
            continue
        bracketed = text[match.start(1) - 1] == "《"
        definitions.setdefault(_clean_title(match.group(1)),
                               (match.end(), bracketed, antecedent))
        refs = _parse_articles(text, match.end())
        if refs and antecedent.article is None:
            antecedent.article = refs[0]
            antecedent.end = refs[0].end
            antecedent.quote = text[antecedent.start:antecedent.end]
            for ref in refs[1:]:
                citations.append(Citation(ref.start, ref.end, text[ref.start:ref.end],
                                          antecedent.kind, antecedent.cited, article=ref,
                                          antecedent=antecedent))
            taken.add(match.end(), refs[-1].end)
    if inside_definitions:
        # Titles inside a definition (（以下简称《条例》）) are the name, not a citation.
        citations = [c for c in citations if not any(s <= c.start < e for s, e in
                                                     inside_definitions[:1000])]

    # 4. Bare catalog names (招标投标法第八条, 学习民法典).
    scanner = _scanner_for(catalog)
    for start, end, _key in scanner.iter(text):
        if taken.overlaps(start, end):
            continue
        if end < len(text) and text[end] in _BARE_FOLLOW_BLOCK:
            continue
        if text.startswith(("实施", "条例", "条文"), end):
            continue
        if start > 0 and text[start - 1] not in _BARE_PRECEDE_OK and not text[start - 1].isascii():
            continue
        _add_with_articles(citations, text, start, end, "name", text[start:end], None, None)
        taken.add(start, end)

    # 5. Uses of defined names: 《X》 anywhere after the definition; a bare X only where a
    # word can start, and only for names defined without 《》 (“市级管理办法”).
    for citation in citations:
        defined = definitions.get(citation.cited) if citation.kind == "title" else None
        if defined is not None and citation.start >= defined[0]:
            citation.antecedent, citation.kind = defined[2], "short"
    for name, (def_end, bracketed, antecedent) in list(definitions.items())[:200]:
        if bracketed or len(name) < 3:
            continue
        pos = text.find(name, def_end)
        while pos != -1:
            stop = pos + len(name)
            boundary = pos == 0 or text[pos - 1] in _BARE_PRECEDE_OK or text[pos - 1].isascii()
            if boundary and not taken.overlaps(pos, stop):
                citation = _add_with_articles(citations, text, pos, stop, "short", name, None, None)
                citation.antecedent = antecedent
                taken.add(pos, stop)
            pos = text.find(name, stop)

    citations.sort(key=lambda c: (c.start, c.end))
    # 6. Back-references (该法, 同法, 上述条例, 本法), resolved while walking forward so that
    # each one looks only at the latest citation of each kind.
    self_title = document_title(text)
    self_laws = catalog.lookup(self_title) if self_title else []
    tracker = _Antecedents(citations)
    backrefs: list[Citation] = []
    for match in _BACKREF.finditer(text):
        if taken.overlaps(match.start(), match.end()):
            continue
        determiner, noun = match.group(1), match.group(2)
        articles = _parse_articles(text, match.end())
        if noun not in ("法", "法典", "条例") and not articles:
            continue
        citation = Citation(match.start(), match.end(), match.group(0), "backref", match.group(0))
        antecedent = tracker.find(text, citation.start, determiner, noun)
        if antecedent is None and determiner == "本" and len(self_laws) == 1:
            citation.cited = self_laws[0].title
            citation.law = self_laws[0]
        elif antecedent is None:
            continue
        citation.antecedent = antecedent
        if articles:
            citation.article = articles[0]
            citation.end = articles[0].end
            citation.quote = text[citation.start:citation.end]
        backrefs.append(citation)
        for ref in articles[1:]:
            backrefs.append(Citation(ref.start, ref.end, text[ref.start:ref.end], "backref",
                                     citation.cited, article=ref, antecedent=antecedent,
                                     law=citation.law))
        tracker.note(citation)
    citations.extend(backrefs)
    citations.sort(key=lambda c: (c.start, c.end))
    return citations


class _Antecedents:
    """The latest full citation of each kind before a position, found in one forward pass."""

    def __init__(self, citations: list[Citation]) -> None:
        self.pending = [c for c in citations if c.kind != "doc_number"]
        self.next = 0
        self.last: Citation | None = None
        self.by_kind: dict[str, Citation] = {}

    def _advance(self, position: int) -> None:
        while self.next < len(self.pending) and self.pending[self.next].end <= position:
            self.note(self.pending[self.next])
            self.next += 1

    def note(self, citation: Citation) -> None:
        if self.last is None or citation.end >= self.last.end:
            self.last = citation
        target = citation.target()
        kind = _kind_of(target.cited)
        if kind:
            self.by_kind[kind] = target

    def find(self, text: str, position: int, determiner: str, noun: str) -> Citation | None:
        self._advance(position)
        want = "法" if noun == "法典" else noun
        if determiner == "本":
            # 本法 refers to a quoted law only inside a quotation opened after that citation.
            last = self.last
            if last is None or position - last.end > 2000:
                return None
            between = text[last.end:position]
            if "\n" in between or between.count("“") <= between.count("”"):
                return None
            target = last.target()
            return target if _kind_of(target.cited) == want or target.law is not None else None
        candidate = self.by_kind.get(want)
        if candidate is None or position - candidate.end > 3000:
            return None
        return candidate


def _add_with_articles(citations: list[Citation], text: str, start: int, end: int, kind: str,
                       cited: str, year: int | None, doc_number: str | None,
                       articles_from: int | None = None) -> Citation:
    if articles_from is None:
        articles_from = end if doc_number is None else _after_paren(text, end)
    refs = _parse_articles(text, articles_from)
    first = Citation(start, end, text[start:end], kind, cited, version_year=year,
                     doc_number=doc_number)
    if refs and refs[0].start - end <= 40:
        first.article = refs[0]
        first.end = refs[0].end
        first.quote = text[start:first.end]
        citations.append(first)
        for ref in refs[1:]:
            citations.append(Citation(ref.start, ref.end, text[ref.start:ref.end], kind, cited,
                                      article=ref, version_year=year, antecedent=first))
    else:
        citations.append(first)
    return first


def _after_paren(text: str, pos: int) -> int:
    close = text.find("）", pos, pos + 40)
    if close == -1:
        close = text.find(")", pos, pos + 40)
    return close + 1 if close != -1 else pos


_KIND = re.compile(r"(法典|条例|规定|办法|细则|决定|规则|解释|法)(?:[（(][^（）()]*[）)])*$")


def _kind_of(title: str) -> str:
    match = _KIND.search(title)
    if match is None:
        return ""
    return "法" if match.group(1) == "法典" else match.group(1)


# --- resolution -----------------------------------------------------------------------------------------


def resolve(citations: list[Citation], catalog: Catalog | None = None,
            document_date: date | None = None, as_of: date | None = None) -> None:
    """Fill law, status, successor and message of each citation in place."""
    catalog = catalog if catalog is not None else default_catalog()
    as_of = as_of or today()
    for citation in citations:
        target = citation.target()
        if citation.law is None:
            if target is not citation and target.law is not None:
                citation.law = target.law
            elif target is not citation and target.candidates:
                citation.candidates = target.candidates
            elif target.kind == "doc_number" or (target is citation and citation.kind ==
                                                 "doc_number"):
                law = catalog.by_doc_number(target.doc_number or target.cited)
                citation.law = law
            else:
                laws = catalog.lookup(target.cited)
                if len(laws) == 1:
                    citation.law = laws[0]
                elif len(laws) > 1:
                    citation.candidates = laws
            if citation.law is None and citation.doc_number:
                citation.law = catalog.by_doc_number(citation.doc_number)
            # 《X》（重庆市人民政府令第290号）: the order names a text the title alone does not.
            order = citation.version_order or target.version_order
            if citation.law is None and not citation.candidates and order:
                citation.law = catalog.by_doc_number(order)
        _assess(citation, catalog, document_date, as_of)


def _title(law: Law) -> str:
    return f"《{law.id}》"


def _end_message(law: Law, event: StatusEvent, catalog: Catalog) -> str:
    verb = "废止" if event.status == STATUS_ABOLISHED else "失效"
    when = event.date.isoformat() if event.date else "（日期不详）"
    successor = catalog.get(event.successor) if event.successor else None
    if successor is not None:
        by = f"由{_title(successor)}{event.provision or ''}"
        text = f"{_title(law)}已于{when}{by}{verb}"
    else:
        text = f"{_title(law)}已于{when}{verb}"
    if not event.verified:
        text += f"（依据未经核实：{event.note or event.source}）"
    return text


def _status_on(law: Law, version_hint: Version | None, keys: list[str], day: date,
               doc_version: Version | None) -> tuple[str, StatusEvent | None]:
    event = law.end_event(day, verified_only=False)
    if event is not None:
        return ("abolished" if event.status == STATUS_ABOLISHED else "expired"), event
    first = law.first_start()
    if first is not None and day < first:
        return "not_yet_effective", None
    version = version_hint or doc_version or law.version_on(day)
    if keys and version is not None and any(version.has_article(k) is False for k in keys):
        promulgated = _promulgated_text_with(law, version, keys, day)
        if promulgated is not None and (promulgated.start or date.min) > day:
            return "not_yet_effective", None  # cited from a text promulgated, not yet in force
        return "unknown_article", None
    return "current", None


def _assess(citation: Citation, catalog: Catalog, document_date: date | None,
            as_of: date) -> None:
    law = citation.law
    keys = citation.article.keys() if citation.article else []
    if law is None:
        citation.status = "unknown"
        if citation.candidates:
            names = "、".join(_title(c) for c in citation.candidates)
            citation.message = f"简称“{citation.target().cited}”可指多部法规：{names}，无法确定"
        elif citation.kind == "doc_number":
            citation.message = "文号所指文件未收录于法规目录，无法核对"
        else:
            citation.message = "未收录于法规目录，无法核对效力"
        return
    year = citation.version_year or citation.target().version_year
    hinted = law.version_by_year(year) if year else None
    order = citation.version_order or citation.target().version_order
    if hinted is None and order:
        hinted = law.version_by_doc_number(order)
    doc_version = hinted or (law.version_on(document_date) if document_date else None)
    if document_date is not None:
        citation.status_at_document, _ = _status_on(law, hinted, keys, document_date, doc_version)
    status, event = _status_on(law, hinted, keys, as_of, None)
    level = law.level or "层级不详"
    if status in ("abolished", "expired") and event is not None:
        citation.status = status
        successor = catalog.get(event.successor) if event.successor else None
        citation.successor = successor
        citation.evidence = [event.source]
        message = _end_message(law, event, catalog)
        if citation.status_at_document in ("abolished", "expired"):
            message += "；文件成文时该法规已不再有效"
        citation.message = message
        return
    if status == "not_yet_effective":
        citation.status = status
        first = law.first_start()
        citation.message = f"{_title(law)}尚未施行（{first.isoformat() if first else '日期不详'}起施行）"
        return
    # The version the document relied on, then whether a later version replaced it.
    base = doc_version
    if base is not None and keys and any(base.has_article(k) is False for k in keys):
        # A document written between a new text's 公布 and 施行 may cite the new text already.
        base = _promulgated_text_with(law, base, keys, document_date or as_of) or base
    if base is not None and keys and any(base.has_article(k) is False for k in keys):
        citation.status = "unknown_article"
        citation.message = _missing_article(law, base, keys)
        citation.evidence = [base.source]
        return
    later = law.versions_started_between(base.start, as_of) if base and base.start else []
    if base is not None and later:
        newest = later[-1]
        citation.status = "amended_since"
        when = newest.start.isoformat() if newest.start else "日期不详"
        basis = "" if newest.effective else "（施行日期未核实，按公布日期计）"
        message = f"{_title(law)}在所引版本之后已修改：{when}起施行{newest.label or '新'}版本{basis}"
        citation.changes = _changes(base, newest, keys)
        citation.evidence = [newest.source, base.source]
        if citation.changes:
            message += "；" + "；".join(citation.changes)
        citation.message = message
        return
    if status == "unknown_article":
        current = law.version_on(as_of)
        citation.status = "unknown_article"
        citation.message = _missing_article(law, current, keys) if current else "无此条"
        citation.evidence = [current.source] if current else []
        return
    citation.status = "current"
    current = law.version_on(as_of)
    citation.evidence = [current.source] if current else list(law.sources[:1])
    partly = [e for e in law.events if e.status == "部分失效"]
    citation.message = f"{_title(law)}现行有效（{level}）" + ("，部分条款已失效" if partly else "")
    if law.notes:
        citation.message += f"。注：{law.notes}"


def _promulgated_text_with(law: Law, base: Version, keys: list[str], day: date) -> Version | None:
    """A newer text, promulgated by `day` though perhaps not yet in force, that has the articles."""
    for version in reversed(law.versions):
        if version is base or version.published is None or version.published > day:
            continue
        if (version.start or date.min) > (base.start or date.min) and all(
                version.has_article(k) for k in keys):
            return version
    return None


def _missing_article(law: Law, version: Version | None, keys: list[str]) -> str:
    if version is None:
        return f"{_title(law)}无此条"
    missing = [k for k in keys if version.has_article(k) is False]
    count = len(version.article_keys or version.articles)
    when = version.published.isoformat() if version.published else ""
    labels = "、".join(article_label(k) for k in missing[:5])
    return f"{_title(law)}（{when}版本，共{count}条）中没有{labels}"


_SPACE = re.compile(r"\s+")


# _changes results by (old, new, keys): the comparison is a pure function of the two texts
# and costs milliseconds per cited article (difflib over every article of the new version),
# while documents cite the same few articles again and again. Entries keep the versions
# they were computed from and are used only for those same objects (catalog versions are
# not modified after loading).
_CHANGES_CACHE: dict[tuple[int, int, tuple[str, ...]], tuple[Version, Version, list[str]]] = {}
_CHANGES_CACHE_SIZE = 4096


def _changes(old: Version, new: Version, keys: list[str]) -> list[str]:
    """How each cited article fared between two versions (needs both texts)."""
    if not (keys and old.articles and new.articles):
        return _compare_articles(old, new, keys)
    cache_key = (id(old), id(new), tuple(keys))
    cached = _CHANGES_CACHE.get(cache_key)
    if cached is not None and cached[0] is old and cached[1] is new:
        return list(cached[2])
    result = _compare_articles(old, new, keys)
    if len(_CHANGES_CACHE) >= _CHANGES_CACHE_SIZE:
        _CHANGES_CACHE.clear()
    _CHANGES_CACHE[cache_key] = (old, new, list(result))
    return result


def _compare_articles(old: Version, new: Version, keys: list[str]) -> list[str]:
    out: list[str] = []
    if not keys:
        return out
    if not (old.articles and new.articles):
        return [f"请核对{article_label(k)}在新版本中的内容和条号" for k in keys[:5]]
    candidates = {k: _SPACE.sub("", v) for k, v in new.articles.items()}
    new_keys, new_texts = list(candidates), list(candidates.values())
    for key in keys[:5]:
        if key not in old.articles:
            out.append(f"旧版本无{article_label(key)}")
            continue
        text = _SPACE.sub("", old.articles[key])
        if candidates.get(key) == text:
            out.append(f"{article_label(key)}未修改")
            continue
        best_key, best = _best_match(text, key, new_keys, new_texts)
        if best >= 0.6 and best_key:
            same = best_key == key
            where = "条号未变" if same else f"现为{article_label(best_key)}"
            edited = "，内容未变" if best > 0.995 else "，内容有修改"
            out.append(f"{article_label(key)}{where}{edited}")
        else:
            out.append(f"{article_label(key)}已修改或删除，新版本中未找到对应条文")
    return out


def _best_match(text: str, key: str, new_keys: list[str],
                new_texts: list[str]) -> tuple[str, float]:
    """The new article most similar to `text`: highest ratio, the first one on a tie.

    Candidates are tried nearest the old number first, so that a good match is found early
    and the cheap upper bounds rule out most of the others; keeping the lowest index among
    equal ratios gives the same answer as trying them in order.
    """
    count = len(new_keys)
    center = new_keys.index(key) if key in new_keys else min(count - 1, int(key.split("-")[0]))
    best_index, best = count, 0.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(text)
    for index in sorted(range(count), key=lambda i: abs(i - center)):
        matcher.set_seq1(new_texts[index])
        if matcher.real_quick_ratio() < best or matcher.quick_ratio() < best:
            continue
        ratio = matcher.ratio()
        if ratio > best or (ratio == best and ratio > 0 and index < best_index):
            best_index, best = index, ratio
    return (new_keys[best_index] if best_index < count else ""), best


def analyze(text: str, catalog: Catalog | None = None, *, document_date: date | None = None,
            as_of: date | None = None) -> CitationReport:
    """Extract and resolve the citations of a document."""
    catalog = catalog if catalog is not None else default_catalog()
    source = "参数指定"
    if document_date is None:
        document_date = infer_document_date(text)
        source = "由落款日期推断" if document_date else "未知"
    as_of = as_of or today()
    citations = extract(text, catalog)
    resolve(citations, catalog, document_date, as_of)
    return CitationReport(text, citations, document_date, source, as_of)
