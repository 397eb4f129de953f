"""Chinese calendar dates as written in government documents.

Recognises 2021年3月5日 (also with full-width digits or spaces), 二〇二一年三月五日,
2021-03-05, 2021.3.5 and 2021/3/5. An impossible date such as 2021年2月30日 is still
returned, with ``value=None``, so that a review rule can point at the raw text.

Plain Python, no Django. Offsets are code-point offsets into the string given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from fazhi.core.numerals import parse_number

__all__ = [
    "DATE_PATTERN",
    "ChineseDate",
    "DateStyle",
    "add_months",
    "cn_to_int",
    "find_dates",
    "match_date",
    "parse_date",
    "search_date",
    "validity_end",
]

DateStyle = Literal["arabic", "chinese", "numeric"]

# Forms seen in dates that fazhi.core.numerals does not read: 廿/卅 (二十/三十) and a
# letter O typed for 〇 in years (二O二一).
_DATE_NUMERALS = str.maketrans({"廿": "二十", "卅": "三十", "O": "〇", "Ｏ": "〇", "o": "〇"})


@lru_cache(maxsize=4096)
def cn_to_int(numeral: str) -> int | None:
    """Value of a Chinese or Arabic numeral: 二十五, 一百零五, 十, 两, 廿九, 二〇二一, 25, ２５."""
    return parse_number(numeral.translate(_DATE_NUMERALS))


_SP = "[ \u3000]{0,2}"
_AD = "[0-9０-９]"
_CN_YEAR = "[〇○零OＯ一二三四五六七八九]"
_CN_MONTH = "[一二三四五六七八九十]"
_CN_DAY = "[一二三四五六七八九十廿卅]"

DATE_PATTERN = re.compile(
    # 2021年3月5日 (digits may be full-width; not preceded by another digit)
    rf"(?<![0-9０-９])(?P<ay>{_AD}{{4}}){_SP}年{_SP}(?P<am>{_AD}{{1,2}}){_SP}月"
    rf"{_SP}(?P<ad>{_AD}{{1,2}}){_SP}日"
    # 二〇二一年三月五日
    rf"|(?P<cy>{_CN_YEAR}{{4}}){_SP}年{_SP}(?P<cm>{_CN_MONTH}{{1,3}}){_SP}月"
    rf"{_SP}(?P<cd>{_CN_DAY}{{1,4}}){_SP}日"
    # 2021-03-05, 2021.3.5, 2021/3/5 (only 19xx/20xx years, to avoid version numbers)
    r"|(?<![0-9.])(?P<ny>(?:19|20)[0-9]{2})(?P<sep>[-./／])(?P<nm>[0-9]{1,2})(?P=sep)"
    r"(?P<nd>[0-9]{1,2})(?![0-9])"
)


@dataclass(frozen=True, slots=True)
class ChineseDate:
    """A date found in text. ``value`` is None when the date does not exist (2021年2月30日)."""

    raw: str
    start: int
    end: int
    year: int
    month: int
    day: int
    value: date | None
    style: DateStyle

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def valid(self) -> bool:
        return self.value is not None

    def iso(self) -> str | None:
        return self.value.isoformat() if self.value is not None else None


def _from_match(m: re.Match[str], offset: int = 0) -> ChineseDate | None:
    if m.group("ay") is not None:
        parts = (m.group("ay"), m.group("am"), m.group("ad"))
        style: DateStyle = "arabic"
    elif m.group("cy") is not None:
        parts = (m.group("cy"), m.group("cm"), m.group("cd"))
        style = "chinese"
    else:
        parts = (m.group("ny"), m.group("nm"), m.group("nd"))
        style = "numeric"
    year, month, day = (cn_to_int(p) for p in parts)
    if year is None or month is None or day is None:
        return None
    try:
        value: date | None = date(year, month, day)
    except ValueError:
        value = None
    return ChineseDate(
        raw=m.group(0),
        start=m.start() + offset,
        end=m.end() + offset,
        year=year,
        month=month,
        day=day,
        value=value,
        style=style,
    )


# Cheap anchors for the scan: DATE_PATTERN itself has no literal prefix, so running it at
# every position costs ~10x more than finding 年 (or 2021-/2021.) first and matching nearby.
_YEAR_CHAR = re.compile("年")
_NUMERIC_ANCHOR = re.compile(r"(?:19|20)[0-9]{2}[-./／][0-9]")


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[ChineseDate]:
    """All dates in ``text[start:end]``, in order, with offsets into ``text``."""
    stop = len(text) if end is None else end
    anchors = sorted(
        [m.start() for m in _YEAR_CHAR.finditer(text, start, stop)]
        + [m.start() for m in _NUMERIC_ANCHOR.finditer(text, start, stop)]
    )
    found: list[ChineseDate] = []
    done = start
    for anchor in anchors:
        if anchor < done:
            continue
        # The year (4 characters, up to 2 spaces) sits just before 年.
        lo = max(done, anchor - 6)
        for m in DATE_PATTERN.finditer(text, lo, min(stop, anchor + 24)):
            if m.start() > anchor:
                break
            if m.end() > anchor:
                d = _from_match(m)
                if d is not None:
                    found.append(d)
                    done = m.end()
                break
    return found


def match_date(text: str, pos: int, endpos: int | None = None) -> ChineseDate | None:
    """The date starting exactly at ``pos``, or None."""
    m = DATE_PATTERN.match(text, pos, len(text) if endpos is None else endpos)
    return _from_match(m) if m is not None else None


def search_date(text: str, start: int = 0, end: int | None = None) -> ChineseDate | None:
    """The first date in ``text[start:end]``, or None."""
    stop = len(text) if end is None else end
    for m in DATE_PATTERN.finditer(text, start, stop):
        d = _from_match(m)
        if d is not None:
            return d
    return None


def parse_date(text: str) -> ChineseDate | None:
    """Parse a string that is exactly one date (surrounding whitespace allowed)."""
    stripped = text.strip()
    m = DATE_PATTERN.fullmatch(stripped)
    if m is None:
        return None
    return _from_match(m, offset=text.find(stripped))


def add_months(start: date, months: int) -> date:
    """Same day ``months`` later; a missing day (31st, 29 Feb) rolls to the next month's 1st.

    Rolling forward (not clamping to the month end) is what makes ``validity_end`` give the
    day before, e.g. a period starting 29 Feb 2024 for one year ends on 28 Feb 2025.
    """
    index = start.year * 12 + (start.month - 1) + months
    year, month0 = divmod(index, 12)
    try:
        return date(year, month0 + 1, start.day)
    except ValueError:
        nyear, nmonth0 = divmod(index + 1, 12)
        return date(nyear, nmonth0 + 1, 1)


def validity_end(effective: date, years: int = 0, months: int = 0) -> date:
    """Last day of a validity period of N years/months counted from the effective date.

    Convention: the effective date is the first day the document is in force, so the
    period ends on the day before the same calendar day N years later — 自2025年11月1日起
    施行，有效期2年 runs to 2027年10月31日, the form normative documents write out as
    "有效期至…". (This counts the first day, unlike 民法典 Art.201's rule for periods
    triggered by an event, because a document is already in force on its 施行日.)
    """
    return add_months(effective, years * 12 + months) - timedelta(days=1)
