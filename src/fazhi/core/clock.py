"""The working-day clock: statutory periods counted in working days or calendar days.

Rules, with their basis:

* 民法典第二百零一条：“按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。”
  The event date itself is never counted.
* Working days (工作日) exclude Saturdays, Sundays and the official holidays, and include the
  weekend days the State Council declares working days (调休上班), as published each year in
  the 国务院办公厅 notice on the holiday schedule (放假安排).
* 民法典第二百零三条：“期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。”
  Applied to calendar-day periods: a last day that is not a working day moves to the day
  after the run of days off ends, i.e. the next working day. (A working-day period cannot
  end on a day off.) We read 法定休假日 as every day off, weekends included, as
  行政复议法第八十八条 does ("工作日，不含法定休假日"); a legal reviewer should confirm this.

Holiday data comes from the `chinesecalendar` package (2004–2026) plus years an administrator
enters from the notice; an entered year replaces the package's data for that year. A period
that touches a year with no known schedule is computed on weekends alone and marked
provisional. Dates later than the year after the last known year are refused: we never
extrapolate further than that.

This module must not import Django.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

import chinese_calendar
from chinese_calendar import constants as _package_data

WEEKDAY_NAMES = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")

BASIS_START = "民法典第二百零一条：按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。"
BASIS_WORKDAYS = (
    "工作日不含星期六、星期日和法定节假日，调休上班日计为工作日"
    "（以国务院办公厅当年放假安排通知为准）。"
)
BASIS_HOLIDAY_END = (
    "民法典第二百零三条：期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。"
)
PACKAGE_SOURCE = f"chinesecalendar {getattr(chinese_calendar, '__version__', '')}".strip()

# A schedule for year Y may reach back into the last days of December of Y-1 when the
# New Year's Day holiday (元旦) spans the turn of the year, e.g. 2023-12-30 for 2024.
NEW_YEAR_SPILL_FROM_DAY = 25


class ClockError(ValueError):
    """Bad input to the clock. The message is Chinese and meant for the user."""


class Unit(StrEnum):
    WORKING_DAYS = "workdays"
    CALENDAR_DAYS = "days"

    @property
    def label(self) -> str:
        return "个工作日" if self is Unit.WORKING_DAYS else "日（自然日）"


@dataclass(frozen=True)
class YearSchedule:
    """One year's 放假安排: its days off and its adjusted working days (调休上班)."""

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    source: str
    names: dict[date, str] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        problems = validate_schedule(self.year, self.holidays, self.workdays)
        if problems:
            raise ClockError("；".join(problems))


def in_schedule_range(year: int, day: date) -> bool:
    """True if `day` may appear in the notice for `year` (its own year, or the New Year spill)."""
    if day.year == year:
        return True
    return day.year == year - 1 and day.month == 12 and day.day >= NEW_YEAR_SPILL_FROM_DAY


def validate_schedule(year: int, holidays: Iterable[date], workdays: Iterable[date]) -> list[str]:
    """Chinese messages for everything wrong with a schedule; empty if it is sound."""
    problems: list[str] = []
    holiday_set, workday_set = set(holidays), set(workdays)
    for day in sorted(holiday_set | workday_set):
        if not in_schedule_range(year, day):
            problems.append(
                f"{day.isoformat()}不属于{year}年（仅元旦跨年时可填写上一年12月"
                f"{NEW_YEAR_SPILL_FROM_DAY}日至31日）"
            )
    for day in sorted(workday_set):
        if day.weekday() < 5:
            problems.append(
                f"{day.isoformat()}是{WEEKDAY_NAMES[day.weekday()]}，不是周末，不能列为调休上班日"
            )
    for day in sorted(holiday_set & workday_set):
        problems.append(f"{day.isoformat()}同时列为放假日和调休上班日")
    return problems


def _package_schedules() -> dict[int, YearSchedule]:
    holidays: dict[date, Any] = _package_data.holidays
    workdays: dict[date, Any] = _package_data.workdays
    years = sorted({day.year for day in holidays} | {day.year for day in workdays})
    names = {day: _holiday_name(value) for day, value in {**workdays, **holidays}.items()}
    schedules: dict[int, YearSchedule] = {}
    for year in years:
        schedules[year] = YearSchedule(
            year=year,
            holidays=frozenset(day for day in holidays if day.year == year),
            workdays=frozenset(day for day in workdays if day.year == year),
            source=PACKAGE_SOURCE,
            names={day: name for day, name in names.items() if day.year == year},
        )
    return schedules


def _holiday_name(value: Any) -> str:
    try:
        return str(_package_data.Holiday(value).chinese)
    except ValueError:
        return ""


_PACKAGE_SCHEDULES = _package_schedules()


@dataclass(frozen=True)
class Step:
    """One day the clock looked at, for `--explain`: counted (with its number) or skipped."""

    day: date
    number: int | None  # the running count for a counted day, None for a skipped one
    note: str
    last: bool = False  # the period's last day
    label: str = "不计"  # how a day that is not counted is shown

    def describe(self) -> str:
        weekday = WEEKDAY_NAMES[self.day.weekday()]
        if self.number is not None:
            head = f"第{self.number}日"
        else:
            head = "期间最后一日" if self.last else self.label
        tail = "（期间最后一日）" if self.last and self.number is not None else ""
        return f"{self.day.isoformat()} {weekday}  {head}：{self.note}{tail}"


@dataclass(frozen=True)
class DeadlineResult:
    start: date
    due: date
    unit: Unit
    amount: int
    extension: int
    provisional: bool
    unknown_years: tuple[int, ...]
    steps: tuple[Step, ...]
    basis: tuple[str, ...]

    @property
    def counted(self) -> tuple[date, ...]:
        return tuple(step.day for step in self.steps if step.number is not None)

    @property
    def provisional_note(self) -> str:
        if not self.provisional:
            return ""
        years = "、".join(f"{year}年" for year in self.unknown_years)
        return f"（临时：{years}放假安排未录入）"


class WorkCalendar:
    """Which days are working days, from the package's data and administrator-entered years."""

    def __init__(self, entered: Iterable[YearSchedule] = ()) -> None:
        self._schedules: dict[int, YearSchedule] = dict(_PACKAGE_SCHEDULES)
        self._entered: dict[int, YearSchedule] = {}
        for schedule in entered:
            self._schedules[schedule.year] = schedule
            self._entered[schedule.year] = schedule

    @property
    def known_years(self) -> list[int]:
        return sorted(self._schedules)

    @property
    def last_allowed_year(self) -> int:
        """Dates up to the end of this year are accepted (the year after the last known one)."""
        return max(self._schedules) + 1

    def is_known(self, year: int) -> bool:
        return year in self._schedules

    def schedule(self, year: int) -> YearSchedule | None:
        return self._schedules.get(year)

    def check(self, day: date) -> None:
        """Refuse a date we cannot say anything useful about."""
        first = min(self._schedules)
        if day.year < first:
            raise ClockError(f"{day.isoformat()}早于日历数据的起始年份（{first}年），无法计算。")
        if day.year > self.last_allowed_year:
            last_known = self.last_allowed_year - 1
            raise ClockError(
                f"{day.isoformat()}超出日历范围：放假安排只录入到{last_known}年，"
                f"最多只能按周末推算到{last_known + 1}年。"
            )

    def _overriding(self, day: date) -> YearSchedule | None:
        """An entered schedule for next year that lists this late-December day (元旦 spill)."""
        following = self._entered.get(day.year + 1)
        if following is not None and (day in following.holidays or day in following.workdays):
            return following
        return None

    def describe(self, day: date) -> tuple[bool, str]:
        """(is a working day, Chinese note on why)."""
        schedule = self._overriding(day) or self._schedules.get(day.year)
        weekend = day.weekday() >= 5
        if schedule is None:
            if weekend:
                return False, "周末（放假安排未录入，按周末推算）"
            return True, "工作日（放假安排未录入，临时）"
        name = schedule.names.get(day, "")
        if day in schedule.workdays:
            return True, f"调休上班（{name}）" if name else "调休上班"
        if day in schedule.holidays:
            return False, f"法定节假日（{name}）" if name else "法定节假日"
        return (not weekend, "周末" if weekend else "工作日")

    def is_workday(self, day: date) -> bool:
        return self.describe(day)[0]

    def _schedule_known_for(self, day: date) -> bool:
        return self._overriding(day) is not None or self.is_known(day.year)

    # -- periods ---------------------------------------------------------------------------

    def add_working_days(
        self,
        start: date,
        amount: int,
        pauses: Sequence[tuple[date, date]] = (),
        extension: int = 0,
    ) -> DeadlineResult:
        """The last day of a period of `amount` (+ `extension`) working days after `start`.

        Days inside a pause (inclusive on both ends) do not count.
        """
        return self.add(start, amount, Unit.WORKING_DAYS, pauses, extension)

    def add_calendar_days(
        self,
        start: date,
        amount: int,
        pauses: Sequence[tuple[date, date]] = (),
        extension: int = 0,
    ) -> DeadlineResult:
        """The last day of a period of `amount` (+ `extension`) calendar days after `start`.

        If that day is a day off, the period ends on the next working day (民法典第二百零三条).
        """
        return self.add(start, amount, Unit.CALENDAR_DAYS, pauses, extension)

    def add(
        self,
        start: date,
        amount: int,
        unit: Unit | str,
        pauses: Sequence[tuple[date, date]] = (),
        extension: int = 0,
    ) -> DeadlineResult:
        unit = parse_unit(unit)
        total = _check_amounts(amount, extension)
        pause_list = _check_pauses(pauses)
        self.check(start)
        steps: list[Step] = []
        unknown: set[int] = set()
        counted, day = 0, start
        while counted < total:
            day += timedelta(days=1)
            if _paused(day, pause_list):
                self.check(day)
                steps.append(Step(day, None, "暂停计算期间"))
            elif unit is Unit.CALENDAR_DAYS:
                self.check(day)
                counted += 1
                steps.append(Step(day, counted, "自然日"))
            else:
                working, note = self._look(day, unknown)
                if working:
                    counted += 1
                steps.append(Step(day, counted if working else None, note))
        if unit is Unit.CALENDAR_DAYS:
            day = self._roll_over(day, steps, unknown)
        steps[-1] = replace(steps[-1], last=True)
        return DeadlineResult(
            start=start,
            due=day,
            unit=unit,
            amount=amount,
            extension=extension,
            provisional=bool(unknown),
            unknown_years=tuple(sorted(unknown)),
            steps=tuple(steps),
            basis=(BASIS_START, BASIS_WORKDAYS if unit is Unit.WORKING_DAYS else BASIS_HOLIDAY_END),
        )

    def _look(self, day: date, unknown: set[int]) -> tuple[bool, str]:
        """describe(day), after checking the range and noting a year with no schedule."""
        self.check(day)
        if not self._schedule_known_for(day):
            unknown.add(day.year)
        return self.describe(day)

    def _roll_over(self, day: date, steps: list[Step], unknown: set[int]) -> date:
        """民法典第二百零三条: a last day that is a day off moves to the next working day.

        Only this step of a calendar-day period depends on the holiday schedule.
        """
        working, note = self._look(day, unknown)
        if working:
            return day
        steps[-1] = replace(steps[-1], note=f"自然日；该日为{note}，依民法典第二百零三条顺延")
        while True:
            day += timedelta(days=1)
            working, note = self._look(day, unknown)
            if working:
                steps.append(Step(day, None, f"顺延至此日（{note}）"))
                return day
            steps.append(Step(day, None, note, label="顺延"))


def _check_amounts(amount: int, extension: int) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 1:
        raise ClockError("期限天数必须是正整数。")
    if isinstance(extension, bool) or not isinstance(extension, int) or extension < 0:
        raise ClockError("延长天数必须是零或正整数。")
    if amount + extension > 3660:
        raise ClockError("期限过长（超过3660日），请检查输入。")
    return amount + extension


def _check_pauses(pauses: Sequence[tuple[date, date]]) -> list[tuple[date, date]]:
    checked: list[tuple[date, date]] = []
    for first, last in pauses:
        if last < first:
            raise ClockError(
                f"暂停计算期间的结束日（{last.isoformat()}）早于开始日（{first.isoformat()}）。"
            )
        checked.append((first, last))
    return checked


def _paused(day: date, pauses: list[tuple[date, date]]) -> bool:
    return any(first <= day <= last for first, last in pauses)


def parse_unit(value: Unit | str) -> Unit:
    try:
        return Unit(value)
    except ValueError:
        raise ClockError(
            f"期限单位“{value}”无效，应为工作日（workdays）或自然日（days）。"
        ) from None


def parse_date(text: str) -> date:
    """An ISO date (YYYY-MM-DD) from user input, or a ClockError in Chinese."""
    value = text.strip()
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise ClockError(
            f"日期“{text}”无效，请使用 YYYY-MM-DD 格式的真实日期，例如 2025-09-26。"
        ) from None
