"""Chinese date parsing (fazhi.core.dates)."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.dates import (
    add_months,
    cn_to_int,
    find_dates,
    match_date,
    parse_date,
    search_date,
    validity_end,
)


@pytest.mark.parametrize(
    ("raw", "expected", "style"),
    [
        ("2021年3月5日", date(2021, 3, 5), "arabic"),
        ("2025年12月3日", date(2025, 12, 3), "arabic"),
        ("２０２１年３月５日", date(2021, 3, 5), "arabic"),
        ("2021 年 3 月 5 日", date(2021, 3, 5), "arabic"),
        ("二〇二一年三月五日", date(2021, 3, 5), "chinese"),
        ("二○二○年九月二十七日", date(2020, 9, 27), "chinese"),
        ("二零一六年二月五日", date(2016, 2, 5), "chinese"),
        ("二O二五年十二月三十一日", date(2025, 12, 31), "chinese"),
        ("二〇二一年十一月廿九日", date(2021, 11, 29), "chinese"),
        ("2021-03-05", date(2021, 3, 5), "numeric"),
        ("2021.3.5", date(2021, 3, 5), "numeric"),
        ("2021/3/5", date(2021, 3, 5), "numeric"),
    ],
)
def test_parse_date_forms(raw: str, expected: date, style: str) -> None:
    d = parse_date(raw)
    assert d is not None
    assert d.value == expected
    assert d.style == style
    assert d.raw == raw
    assert d.span == (0, len(raw))


def test_impossible_dates_are_kept_as_invalid_not_raised() -> None:
    for raw in ("2021年2月30日", "2021年13月1日", "二〇二一年二月三十日", "2021-02-29"):
        d = parse_date(raw)
        assert d is not None, raw
        assert d.value is None and not d.valid and d.iso() is None
        assert d.raw == raw
    feb30 = parse_date("2021年2月30日")
    assert feb30 is not None and (feb30.year, feb30.month, feb30.day) == (2021, 2, 30)
    # 2028 and 2024 are leap years; 2100 is not
    assert parse_date("2028年2月29日") is not None
    assert parse_date("2028年2月29日").value == date(2028, 2, 29)  # type: ignore[union-attr]
    assert parse_date("2100年2月29日").value is None  # type: ignore[union-attr]


def test_not_dates() -> None:
    for raw in ("", "2021年3月", "年月日", "    年  月  日", "v1.2.3", "12021年3月5日", "3月5日"):
        assert parse_date(raw) is None, raw


def test_find_dates_offsets_point_into_the_text() -> None:
    text = "本办法自2025年11月1日起施行，有效期至二〇二七年十月三十一日。\n（2021.3.5 印发）"
    found = find_dates(text)
    assert [d.value for d in found] == [date(2025, 11, 1), date(2027, 10, 31), date(2021, 3, 5)]
    for d in found:
        assert text[d.start : d.end] == d.raw
    assert find_dates(text, 5)[0].value == date(2027, 10, 31)  # starts inside the first date
    assert find_dates(text, 0, 10) == []
    assert search_date(text, 20) is not None
    assert match_date(text, 4) == found[0]
    assert match_date(text, 3) is None


def test_find_dates_ignores_digit_runs_and_version_numbers() -> None:
    text = "编号12021年3月5日的表格，版本2.1.3，金额1.5万元，2021年2月"
    assert find_dates(text) == []


def test_find_dates_is_linear_on_long_text() -> None:
    text = ("根据2021年3月5日会议，" + "年" * 50 + "2021-3-5。") * 4000
    found = find_dates(text)
    assert len(found) == 8000


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十五", 25), ("一百零五", 105),
        ("一百二十", 120), ("两", 2), ("廿九", 29), ("卅一", 31), ("二〇二一", 2021),
        ("二O二一", 2021), ("25", 25), ("２５", 25), ("一千二百六十", 1260),
    ],
)
def test_cn_to_int(numeral: str, value: int) -> None:
    assert cn_to_int(numeral) == value


def test_cn_to_int_agrees_with_cn2an() -> None:
    cn2an = pytest.importorskip("cn2an")
    for n in range(1, 2000):
        text = cn2an.an2cn(n)
        assert cn_to_int(text) == n, text


def test_cn_to_int_rejects_non_numerals() -> None:
    assert cn_to_int("") is None
    assert cn_to_int("条") is None
    assert cn_to_int("一a") is None


def test_validity_end_counts_the_effective_day() -> None:
    # 自2025年11月1日起施行，有效期2年 → in force through 2027年10月31日
    assert validity_end(date(2025, 11, 1), years=2) == date(2027, 10, 31)
    # a calendar-year document: 2021-01-01 + 5 years → 2025-12-31
    assert validity_end(date(2021, 1, 1), years=5) == date(2025, 12, 31)
    # the day before 1 March in a leap year is 29 February
    assert validity_end(date(2023, 3, 1), years=1) == date(2024, 2, 29)
    # starting on 29 February: one year later has no 29 February, the period ends on the 28th
    assert validity_end(date(2024, 2, 29), years=1) == date(2025, 2, 28)
    assert validity_end(date(2025, 1, 31), months=1) == date(2025, 2, 28)
    assert validity_end(date(2025, 3, 15), months=6) == date(2025, 9, 14)


def test_add_months_rolls_missing_days_forward() -> None:
    assert add_months(date(2025, 1, 31), 1) == date(2025, 3, 1)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 3, 1)
    assert add_months(date(2025, 12, 15), 1) == date(2026, 1, 15)
    assert add_months(date(2025, 5, 10), -5) == date(2024, 12, 10)
