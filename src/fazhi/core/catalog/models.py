"""The law catalog's data model: laws, their versions and status events, each with a source.

Status on a date is computed, not stored: a version is superseded when a newer version of
the same law takes effect, and a law is abolished when an abolition event applies. Storing
only versions and events keeps one source of truth per fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from fazhi.core.numerals import to_chinese

LEVELS = (
    "宪法", "法律", "行政法规", "监察法规", "部门规章", "地方性法规", "地方政府规章",
    "行政规范性文件", "司法解释", "党内法规",
)
# Status vocabulary of the issue, in Chinese as users read it.
STATUS_CURRENT = "现行有效"
STATUS_AMENDED = "已被修改"
STATUS_PARTLY_VOID = "部分失效"
STATUS_ABOLISHED = "已废止"
STATUS_NOT_YET = "尚未生效"
STATUS_EXPIRED = "失效"
EVENT_STATUSES = (STATUS_ABOLISHED, STATUS_EXPIRED, STATUS_PARTLY_VOID)

_PREFIX = "中华人民共和国"
_SPACES = re.compile(r"\s+")
_NESTED = str.maketrans({"<": "〈", ">": "〉", "＜": "〈", "＞": "〉", "《": "〈", "》": "〉",
                         "(": "（", ")": "）", "[": "〔", "]": "〕", "【": "〔", "】": "〕"})


# Levels that may create a licence (行政许可法 arts. 12–15; 地方性法规 only within their region,
# so they are left out of the names a draft may restate anywhere).
LICENCE_LEVELS = ("法律", "行政法规")

def normalize_title(title: str) -> str:
    """Lookup key of a title: no spaces, no 中华人民共和国 prefix, one bracket style."""
    key = _SPACES.sub("", title).translate(_NESTED).strip("〈〉“”\"'")
    if key.startswith(_PREFIX) and len(key) > len(_PREFIX) + 1:
        key = key[len(_PREFIX):]
    return key


def article_key(number: int, sub: int | None = None) -> str:
    """Key of 第N条 (\"N\") or 第N条之M (\"N-M\")."""
    return f"{number}-{sub}" if sub else str(number)


def article_label(key: str) -> str:
    """第一千二百六十条 for \"1260\", 第十条之一 for \"10-1\"."""
    number, _, sub = key.partition("-")
    label = f"第{to_chinese(int(number))}条"
    return label + (f"之{to_chinese(int(sub))}" if sub else "")


def pack_keys(keys: list[str]) -> str:
    """Compact form of an article-key list: \"1-83,10-1\" style runs of plain numbers."""
    plain = sorted({int(k) for k in keys if "-" not in k})
    runs: list[str] = []
    start = prev = None
    for n in plain:
        if prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            runs.append(f"{start}~{prev}" if start != prev else str(start))
        start = prev = n
    if start is not None:
        runs.append(f"{start}~{prev}" if start != prev else str(start))
    runs.extend(sorted(k for k in keys if "-" in k))
    return ",".join(runs)


def unpack_keys(packed: str) -> frozenset[str]:
    keys: set[str] = set()
    for part in filter(None, packed.split(",")):
        if "~" in part:
            low, high = part.split("~")
            keys.update(str(n) for n in range(int(low), int(high) + 1))
        else:
            keys.add(part)
    return frozenset(keys)


@dataclass
class Version:
    """One text of a law: its promulgation (公布) and entry-into-force (施行) dates."""

    published: date | None
    effective: date | None = None
    # Where the 施行 date comes from; "unverified" when no text states it.
    effective_basis: str = ""
    label: str = ""
    source: str = ""
    article_keys: frozenset[str] = frozenset()
    articles: dict[str, str] = field(default_factory=dict)
    verified: bool = True
    # False when the text seems cut short (its last article states no 施行 date).
    complete: bool = True
    # The order or 文号 that promulgated this text, e.g. 国务院令第711号; citations name it.
    doc_number: str = ""
    # Licences this text names (排污许可证 → the article first naming it), for laws and
    # administrative regulations: a draft that restates one is not creating it.
    licences: dict[str, str] = field(default_factory=dict)

    @property
    def start(self) -> date | None:
        """The date from which this version governs (施行, else 公布 as a lower bound)."""
        return self.effective or self.published

    def has_article(self, key: str) -> bool | None:
        """True/False when certain; None when the article list is unknown or has a gap there.

        Only a number beyond the last article of a complete text is certainly missing: texts in
        the data set occasionally drop an article (刑事诉讼法 2018 lacks 第一百二十八条 in
        LawRefBook) or end early.
        """
        keys = self.article_keys or frozenset(self.articles)
        if not keys:
            return None
        if key in keys:
            return True
        beyond = int(key.split("-")[0]) > self.last_article
        return False if beyond and self.complete else None

    @cached_property
    def last_article(self) -> int:
        keys = self.article_keys or frozenset(self.articles)
        return max((int(k.split("-")[0]) for k in keys), default=0)


@dataclass
class StatusEvent:
    """A change of status (已废止, 失效, 部分失效) with its date, successor and evidence."""

    status: str
    date: date | None
    source: str
    successor: str | None = None  # id of the replacing law
    provision: str | None = None  # e.g. 第一千二百六十条 of the successor
    verified: bool = True
    note: str = ""


@dataclass
class Law:
    id: str  # short title, e.g. 行政许可法
    title: str  # full title, e.g. 中华人民共和国行政许可法
    level: str | None = None
    issuer: str | None = None
    aliases: list[str] = field(default_factory=list)
    doc_numbers: list[str] = field(default_factory=list)
    versions: list[Version] = field(default_factory=list)
    events: list[StatusEvent] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    notes: str = ""

    def sort_versions(self) -> None:
        self.versions.sort(key=lambda v: (v.published or date.min, v.effective or date.min))

    def names(self) -> list[str]:
        """Every name this law is cited by: full title, short title, aliases."""
        out = [self.title, self.id, *self.aliases]
        return list(dict.fromkeys(n for n in out if n))

    def first_start(self) -> date | None:
        starts = [v.start for v in self.versions if v.start]
        return min(starts) if starts else None

    def version_on(self, day: date) -> Version | None:
        """The version governing on `day` (the latest that had started by then)."""
        chosen = None
        for version in self.versions:
            start = version.start
            if start is not None and start <= day and (
                chosen is None or (chosen.start or date.min) <= start
            ):
                chosen = version
        return chosen

    def latest_version(self) -> Version | None:
        return self.versions[-1] if self.versions else None

    def version_by_doc_number(self, number: str) -> Version | None:
        key = "".join(number.split())
        return next((v for v in self.versions if v.doc_number and v.doc_number == key), None)

    def version_by_year(self, year: int) -> Version | None:
        for version in reversed(self.versions):
            if version.published and version.published.year == year:
                return version
        return None

    def versions_started_between(self, after: date, until: date) -> list[Version]:
        """Versions that took effect in (after, until]: the text changed in that interval."""
        return [v for v in self.versions if v.start and after < v.start <= until]

    def end_event(self, day: date, verified_only: bool = False) -> StatusEvent | None:
        """The abolition/expiry in force on `day`, if any."""
        found = None
        for event in self.events:
            if event.status not in (STATUS_ABOLISHED, STATUS_EXPIRED):
                continue
            if verified_only and not event.verified:
                continue
            if (event.date is None or event.date <= day) and (
                found is None or (event.date or date.min) < (found.date or date.min)
            ):
                found = event
        return found

    def version_status(self, version: Version, day: date) -> str:
        """Status of one version on `day`: 已被修改 once a newer version has taken effect."""
        status = self.status_on(day)
        if status != STATUS_CURRENT or version.start is None:
            return status
        if day < version.start:
            return STATUS_NOT_YET
        return STATUS_AMENDED if self.versions_started_between(version.start, day) else status

    def status_on(self, day: date) -> str:
        """The catalog status (现行有效, 已废止, 尚未生效 …) on `day`."""
        event = self.end_event(day)
        if event is not None:
            return event.status
        first = self.first_start()
        if first is not None and day < first:
            return STATUS_NOT_YET
        if any(e.status == STATUS_PARTLY_VOID and e.verified and (e.date or date.min) <= day
               for e in self.events):
            return STATUS_PARTLY_VOID
        return STATUS_CURRENT
