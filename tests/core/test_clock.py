"""The working-day clock against the State Council's holiday notices 2020–2026."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fazhi.core.clock import (
    ClockError,
    Unit,
    WorkCalendar,
    YearSchedule,
    parse_date,
    validate_schedule,
)

D = date.fromisoformat


def days(first: str, last: str) -> list[date]:
    start, end = D(first), D(last)
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


# Each year's notice: the days off (放假) and the weekend days worked instead (调休上班).
# 2020 includes the Spring Festival extension (国办发明电〔2020〕1号): the holiday ran to
# 2 February, so Saturday 1 February, a 调休 working day in the original notice, was a day off.
OFFICIAL_NOTICES: dict[int, tuple[list[date], list[str]]] = {
    2020: (
        days("2020-01-01", "2020-01-01")
        + days("2020-01-24", "2020-02-02")
        + days("2020-04-04", "2020-04-06")
        + days("2020-05-01", "2020-05-05")
        + days("2020-06-25", "2020-06-27")
        + days("2020-10-01", "2020-10-08"),
        ["2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10"],
    ),
    2021: (
        days("2021-01-01", "2021-01-03")
        + days("2021-02-11", "2021-02-17")
        + days("2021-04-03", "2021-04-05")
        + days("2021-05-01", "2021-05-05")
        + days("2021-06-12", "2021-06-14")
        + days("2021-09-19", "2021-09-21")
        + days("2021-10-01", "2021-10-07"),
        [
            "2021-02-07",
            "2021-02-20",
            "2021-04-25",
            "2021-05-08",
            "2021-09-18",
            "2021-09-26",
            "2021-10-09",
        ],
    ),
    2022: (
        days("2022-01-01", "2022-01-03")
        + days("2022-01-31", "2022-02-06")
        + days("2022-04-03", "2022-04-05")
        + days("2022-04-30", "2022-05-04")
        + days("2022-06-03", "2022-06-05")
        + days("2022-09-10", "2022-09-12")
        + days("2022-10-01", "2022-10-07"),
        [
            "2022-01-29",
            "2022-01-30",
            "2022-04-02",
            "2022-04-24",
            "2022-05-07",
            "2022-10-08",
            "2022-10-09",
        ],
    ),
    2023: (
        days("2022-12-31", "2023-01-02")
        + days("2023-01-21", "2023-01-27")
        + days("2023-04-05", "2023-04-05")
        + days("2023-04-29", "2023-05-03")
        + days("2023-06-22", "2023-06-24")
        + days("2023-09-29", "2023-10-06"),
        [
            "2023-01-28",
            "2023-01-29",
            "2023-04-23",
            "2023-05-06",
            "2023-06-25",
            "2023-10-07",
            "2023-10-08",
        ],
    ),
    2024: (
        days("2024-01-01", "2024-01-01")
        + days("2024-02-10", "2024-02-17")
        + days("2024-04-04", "2024-04-06")
        + days("2024-05-01", "2024-05-05")
        + days("2024-06-10", "2024-06-10")
        + days("2024-09-15", "2024-09-17")
        + days("2024-10-01", "2024-10-07"),
        [
            "2024-02-04",
            "2024-02-18",
            "2024-04-07",
            "2024-04-28",
            "2024-05-11",
            "2024-09-14",
            "2024-09-29",
            "2024-10-12",
        ],
    ),
    2025: (
        days("2025-01-01", "2025-01-01")
        + days("2025-01-28", "2025-02-04")
        + days("2025-04-04", "2025-04-06")
        + days("2025-05-01", "2025-05-05")
        + days("2025-05-31", "2025-06-02")
        + days("2025-10-01", "2025-10-08"),
        ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
    ),
    2026: (
        days("2026-01-01", "2026-01-03")
        + days("2026-02-15", "2026-02-23")
        + days("2026-04-04", "2026-04-06")
        + days("2026-05-01", "2026-05-05")
        + days("2026-06-19", "2026-06-21")
        + days("2026-09-25", "2026-09-27")
        + days("2026-10-01", "2026-10-07"),
        ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
    ),
}


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


@pytest.mark.parametrize("year", sorted(OFFICIAL_NOTICES))
def test_every_day_of_the_year_matches_the_official_notice(cal: WorkCalendar, year: int) -> None:
    off, worked = OFFICIAL_NOTICES[year]
    off_days, worked_days = set(off), {D(text) for text in worked}
    assert all(day.weekday() >= 5 for day in worked_days)
    wrong = []
    for day in days(f"{year}-01-01", f"{year}-12-31"):
        if day in worked_days:
            expected = True
        elif day in off_days:
            expected = False
        else:
            expected = day.weekday() < 5
        if cal.is_workday(day) is not expected:
            wrong.append(day)
    assert wrong == []


def test_the_2020_spring_festival_extension_is_in_the_data(cal: WorkCalendar) -> None:
    # 国办发明电〔2020〕1号 extended the holiday to 2 February 2020.
    assert not cal.is_workday(D("2020-01-31"))  # Friday
    assert not cal.is_workday(D("2020-02-01"))  # Saturday; was 调休上班 before the extension
    assert not cal.is_workday(D("2020-02-02"))  # Sunday
    assert cal.is_workday(D("2020-02-03"))  # Monday, work resumed
    assert cal.is_workday(D("2020-01-19"))  # Sunday 调休 of the original notice still stood


def test_five_working_days_across_the_extended_2020_spring_festival(cal: WorkCalendar) -> None:
    # Event Wed 01-22: Thu 01-23 is day 1; 01-24..02-02 off; 02-03..02-06 are days 2–5.
    # (Under the original notice Saturday 02-01 would have been day 2 and the answer 02-05.)
    result = cal.add_working_days(D("2020-01-22"), 5)
    assert result.due == D("2020-02-06")
    assert result.counted == (
        D("2020-01-23"),
        D("2020-02-03"),
        D("2020-02-04"),
        D("2020-02-05"),
        D("2020-02-06"),
    )
    assert not result.provisional


def test_2024_sunday_working_days_count(cal: WorkCalendar) -> None:
    assert cal.is_workday(D("2024-02-04")) and cal.is_workday(D("2024-02-18"))
    # Event Fri 02-02: Sat 02-03 off, Sun 02-04 works (day 1), Mon 02-05 day 2, Tue 02-06 day 3.
    assert cal.add_working_days(D("2024-02-02"), 3).due == D("2024-02-06")
    # Event Thu 02-08: Fri 02-09 day 1; 02-10..02-17 off; Sun 02-18 day 2; Mon 02-19 day 3.
    assert cal.add_working_days(D("2024-02-08"), 3).due == D("2024-02-19")


def test_twenty_working_days_across_national_day_2025(cal: WorkCalendar) -> None:
    # Event Fri 09-26 (not counted). Sat 09-27 off; Sun 09-28 调休 = 1; 09-29, 09-30 = 2, 3;
    # 10-01..10-08 off; 10-09, 10-10 = 4, 5; Sat 10-11 调休 = 6; Sun 10-12 off;
    # 10-13..10-17 = 7–11; 10-20..10-24 = 12–16; 10-27..10-30 = 17–20.
    result = cal.add_working_days(D("2025-09-26"), 20)
    assert result.due == D("2025-10-30")
    assert result.unit is Unit.WORKING_DAYS
    assert len(result.counted) == 20
    assert D("2025-09-28") in result.counted and D("2025-10-11") in result.counted
    assert D("2025-10-08") not in result.counted
    assert result.steps[-1].last and result.steps[-1].day == result.due


def test_the_event_day_is_not_counted_even_when_it_is_a_working_day(cal: WorkCalendar) -> None:
    # Mon 2025-03-03 + 1 working day is Tue 03-04 (民法典第二百零一条).
    assert cal.add_working_days(D("2025-03-03"), 1).due == D("2025-03-04")


def test_event_on_a_holiday_counts_from_the_first_working_day_after(cal: WorkCalendar) -> None:
    # Event on 2026-09-25 (中秋, a day off). 09-26/27 off; 09-28..09-30 = 1–3; 10-01..10-07 off;
    # 10-08, 10-09 = 4, 5; Sat 10-10 调休 = 6; 10-12..16 = 7–11; 10-19..23 = 12–16;
    # 10-26..29 = 17–20.
    # (chinese_calendar.find_workday(20, …) gives 10-30: it also counts the first working day.)
    assert cal.add_working_days(D("2026-09-25"), 20).due == D("2026-10-29")


def test_pauses_do_not_count(cal: WorkCalendar) -> None:
    # Event Mon 2025-03-03; without a pause 5 working days end Mon 03-10.
    assert cal.add_working_days(D("2025-03-03"), 5).due == D("2025-03-10")
    # Third-party consultation from Wed 03-05 to Tue 03-11 (inclusive) does not count:
    # Tue 03-04 = 1; paused to 03-11; 03-12, 03-13, 03-14, 03-17 = 2–5.
    result = cal.add_working_days(D("2025-03-03"), 5, pauses=[(D("2025-03-05"), D("2025-03-11"))])
    assert result.due == D("2025-03-17")
    assert [step.day for step in result.steps if step.note == "暂停计算期间"] == days(
        "2025-03-05", "2025-03-11"
    )


def test_extension_adds_working_days(cal: WorkCalendar) -> None:
    # 20 working days from 2025-09-26 end 10-30; 20 more: 10-31 = 21, then
    # 11-03..07 = 22–26, 11-10..14 = 27–31, 11-17..21 = 32–36, 11-24..27 = 37–40.
    result = cal.add_working_days(D("2025-09-26"), 20, extension=20)
    assert result.due == D("2025-11-27")
    assert result.extension == 20 and result.amount == 20


def test_calendar_days_ending_on_a_working_day_do_not_move(cal: WorkCalendar) -> None:
    # 30 days after Mon 2025-03-03 is Wed 04-02.
    result = cal.add_calendar_days(D("2025-03-03"), 30)
    assert result.due == D("2025-04-02")
    assert len(result.counted) == 30


def test_calendar_days_ending_on_a_holiday_move_to_the_day_after_it(cal: WorkCalendar) -> None:
    # 5 days after Fri 2025-09-26 is 10-01 (National Day); the holiday ends 10-08, so the
    # period ends Thu 10-09 (民法典第二百零三条).
    result = cal.add_calendar_days(D("2025-09-26"), 5)
    assert result.due == D("2025-10-09")
    assert result.counted[-1] == D("2025-10-01")
    assert any("第二百零三条" in line for line in result.basis)


def test_calendar_days_ending_on_a_weekend_move_to_monday(cal: WorkCalendar) -> None:
    # 5 days after Mon 2025-03-03 is Sat 03-08 → Mon 03-10.
    assert cal.add_calendar_days(D("2025-03-03"), 5).due == D("2025-03-10")


def test_calendar_days_ending_on_a_tiaoxiu_weekend_do_not_move(cal: WorkCalendar) -> None:
    # 2 days after Fri 2025-09-26 is Sun 09-28, a 调休 working day: no roll-over.
    assert cal.add_calendar_days(D("2025-09-26"), 2).due == D("2025-09-28")


def test_calendar_days_with_a_pause(cal: WorkCalendar) -> None:
    # 10 days after 2025-03-03 is Thu 03-13; a 3-day pause 03-05..03-07 moves it to Sun 03-16,
    # a weekend, so Mon 03-17.
    result = cal.add_calendar_days(D("2025-03-03"), 10, pauses=[(D("2025-03-05"), D("2025-03-07"))])
    assert result.due == D("2025-03-17")


def test_a_year_with_no_schedule_is_weekends_only_and_provisional(cal: WorkCalendar) -> None:
    assert not cal.is_known(2027)
    # Mon 2026-12-21 + 10 working days: 12-22..25 = 1–4, 12-28..31 = 5–8, then 2027:
    # Fri 01-01 = 9 (weekends only: no New Year holiday known), Mon 01-04 = 10.
    result = cal.add_working_days(D("2026-12-21"), 10)
    assert result.due == D("2027-01-04")
    assert result.provisional
    assert result.unknown_years == (2027,)
    assert result.provisional_note == "（临时：2027年放假安排未录入）"


def test_a_period_inside_known_years_is_not_provisional(cal: WorkCalendar) -> None:
    result = cal.add_working_days(D("2026-12-01"), 5)
    assert result.due == D("2026-12-08")
    assert not result.provisional and result.provisional_note == ""


def test_calendar_days_are_provisional_only_if_the_end_lies_in_an_unknown_year(
    cal: WorkCalendar,
) -> None:
    assert not cal.add_calendar_days(D("2026-11-01"), 30).provisional
    assert cal.add_calendar_days(D("2026-12-20"), 30).provisional


# A schedule for 2027 entered by an administrator (made up for the test, not a real notice).
ENTERED_2027 = YearSchedule(
    year=2027,
    holidays=frozenset(days("2027-01-01", "2027-01-03") + days("2027-02-05", "2027-02-13")),
    workdays=frozenset([D("2027-02-14")]),
    source="测试用放假安排",
)


def test_an_entered_year_is_used_and_not_provisional() -> None:
    cal = WorkCalendar([ENTERED_2027])
    assert cal.is_known(2027)
    assert not cal.is_workday(D("2027-01-01"))
    assert cal.is_workday(D("2027-02-14"))  # Sunday 调休
    # Same event as the provisional test: now 01-01 is a holiday, so day 9 is Mon 01-04
    # and day 10 is Tue 01-05.
    result = cal.add_working_days(D("2026-12-21"), 10)
    assert result.due == D("2027-01-05")
    assert not result.provisional


def test_an_entered_year_overrides_the_package_data() -> None:
    corrected = YearSchedule(
        year=2026, holidays=frozenset([D("2026-01-01")]), workdays=frozenset(), source="更正"
    )
    cal = WorkCalendar([corrected])
    assert cal.is_workday(D("2026-01-02"))  # a holiday in the package data, not in the entry
    assert not cal.is_workday(D("2026-01-01"))


def test_an_entered_schedule_can_reach_back_into_december_for_new_year() -> None:
    spill = YearSchedule(
        year=2027,
        holidays=frozenset([D("2026-12-31"), D("2027-01-01")]),
        workdays=frozenset(),
        source="测试",
    )
    cal = WorkCalendar([spill])
    assert not cal.is_workday(D("2026-12-31"))  # Thursday
    assert cal.is_workday(D("2026-12-30"))


def test_dates_beyond_the_calendar_are_refused_in_chinese(cal: WorkCalendar) -> None:
    with pytest.raises(ClockError, match="超出日历范围"):
        cal.add_working_days(D("2028-03-01"), 5)
    with pytest.raises(ClockError, match="起始年份"):
        cal.add_working_days(D("2003-06-01"), 5)
    # Entering 2027 moves the horizon to 2028.
    assert WorkCalendar([ENTERED_2027]).add_working_days(D("2028-03-01"), 5).provisional


@pytest.mark.parametrize(
    ("amount", "extension", "message"),
    [(0, 0, "正整数"), (-3, 0, "正整数"), (5, -1, "延长天数"), (10_000, 0, "期限过长")],
)
def test_bad_amounts_are_refused(
    cal: WorkCalendar, amount: int, extension: int, message: str
) -> None:
    with pytest.raises(ClockError, match=message):
        cal.add_working_days(D("2025-03-03"), amount, extension=extension)


def test_a_pause_ending_before_it_starts_is_refused(cal: WorkCalendar) -> None:
    with pytest.raises(ClockError, match="早于开始日"):
        cal.add_calendar_days(D("2025-03-03"), 5, pauses=[(D("2025-03-10"), D("2025-03-05"))])


@pytest.mark.parametrize("text", ["2025-02-30", "2025-13-01", "20250926", "2025-9-26", "明天", ""])
def test_impossible_dates_are_refused_in_chinese(text: str) -> None:
    with pytest.raises(ClockError, match="无效"):
        parse_date(text)


def test_parse_date_accepts_iso() -> None:
    assert parse_date(" 2024-02-29 ") == D("2024-02-29")


def test_schedule_validation_messages() -> None:
    problems = validate_schedule(
        2027,
        holidays=[D("2027-02-08"), D("2028-01-01"), D("2026-12-31")],
        workdays=[D("2027-02-08"), D("2027-02-09")],
    )
    assert "2028-01-01不属于2027年（仅元旦跨年时可填写上一年12月25日至31日）" in problems
    assert "2027-02-08是星期一，不是周末，不能列为调休上班日" in problems
    assert "2027-02-08同时列为放假日和调休上班日" in problems
    assert not any(problem.startswith("2026-12-31") for problem in problems)
    with pytest.raises(ClockError):
        YearSchedule(
            year=2027, holidays=frozenset(), workdays=frozenset([D("2027-03-01")]), source=""
        )


def test_explain_lines_name_the_reason_for_each_day(cal: WorkCalendar) -> None:
    lines = [step.describe() for step in cal.add_working_days(D("2025-09-26"), 4).steps]
    assert lines[0] == "2025-09-27 星期六  不计：周末"
    assert lines[1] == "2025-09-28 星期日  第1日：调休上班（国庆节）"
    assert lines[4] == "2025-10-01 星期三  不计：法定节假日（国庆节）"
    assert lines[-1] == "2025-10-09 星期四  第4日：工作日（期间最后一日）"


def test_add_dispatches_on_unit(cal: WorkCalendar) -> None:
    assert cal.add(D("2025-09-26"), 5, "days").due == D("2025-10-09")
    assert cal.add(D("2025-09-26"), 5, Unit.WORKING_DAYS).due == D("2025-10-10")


def test_an_unknown_unit_is_refused_in_chinese(cal: WorkCalendar) -> None:
    with pytest.raises(ClockError, match="期限单位“weeks”无效"):
        cal.add(D("2025-09-26"), 5, "weeks")
