"""The holiday-year form: dates typed from the notice, one date or range per line."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from fazhi.core.clock import validate_schedule

from .models import HolidayYear

DATE_PATTERN = r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?"
LINE_PATTERN = re.compile(
    rf"^{DATE_PATTERN}(?:\s*(?:~|～|至|到|—|－{{1,2}}|--)\s*{DATE_PATTERN})?$"
)
# A single holiday period in the notice is at most a couple of weeks; more is a typing error.
MAX_RANGE_DAYS = 31

LINES_HELP = (
    "每行一个日期或一段日期，可在行首写节日名称，例如：<br>"
    "元旦：2027-01-01<br>春节：2027-02-05~2027-02-13<br>"
    "也可写作“2027年2月5日至2027年2月13日”。"
)


def parse_lines(text: str) -> list[date]:
    """Dates from lines like "春节：2027-02-05~2027-02-13"; ValidationError lists bad lines."""
    found: set[date] = set()
    errors: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        # An optional label such as "春节：" before the dates.
        line = re.split(r"[:：]", line, maxsplit=1)[-1].strip()
        if not line:
            continue
        match = LINE_PATTERN.match(line)
        if match is None:
            errors.append(
                f"第{number}行“{raw.strip()}”无法识别，请写成 2027-02-05 或 2027-02-05~2027-02-13。"
            )
            continue
        parts = match.groups()
        try:
            first = date(int(parts[0]), int(parts[1]), int(parts[2]))
            last = date(int(parts[3]), int(parts[4]), int(parts[5])) if parts[3] else first
        except ValueError:
            errors.append(f"第{number}行“{raw.strip()}”中有不存在的日期。")
            continue
        if last < first:
            errors.append(f"第{number}行的结束日期早于开始日期。")
            continue
        if (last - first).days >= MAX_RANGE_DAYS:
            errors.append(f"第{number}行的日期范围超过{MAX_RANGE_DAYS}天，请检查。")
            continue
        found.update(first + timedelta(days=i) for i in range((last - first).days + 1))
    if errors:
        raise ValidationError(errors)
    return sorted(found)


def format_lines(values: list[str]) -> str:
    """ISO dates back to lines, consecutive days joined into ranges."""
    days = sorted(date.fromisoformat(value) for value in values)
    lines: list[str] = []
    run: list[date] = []
    for day in days:
        if run and day - run[-1] != timedelta(days=1):
            lines.append(_run_text(run))
            run = []
        run.append(day)
    if run:
        lines.append(_run_text(run))
    return "\n".join(lines)


def _run_text(run: list[date]) -> str:
    if len(run) == 1:
        return run[0].isoformat()
    return f"{run[0].isoformat()}~{run[-1].isoformat()}"


class HolidayYearForm(forms.ModelForm):  # type: ignore[type-arg]
    holidays_text = forms.CharField(
        label="放假日期",
        widget=forms.Textarea(attrs={"rows": 10, "cols": 40}),
        help_text=LINES_HELP + "<br>请按通知填写全部放假日期（含放假期间的周末）。",
    )
    workdays_text = forms.CharField(
        label="调休上班日期",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "cols": 40}),
        help_text="通知中“×月×日（周六/周日）上班”的日期，每行一个；必须是周末。",
    )

    class Meta:
        model = HolidayYear
        fields = ("year", "source", "note")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["holidays_text"].initial = format_lines(self.instance.holidays)
            self.fields["workdays_text"].initial = format_lines(self.instance.workdays)

    def clean_year(self) -> int:
        year: int = self.cleaned_data["year"]
        if not 2004 <= year <= 2100:
            raise ValidationError("年份应在2004年至2100年之间。")
        return year

    def clean_holidays_text(self) -> list[date]:
        holidays = parse_lines(self.cleaned_data["holidays_text"])
        if not holidays:
            raise ValidationError("请至少填写一个放假日期。")
        return holidays

    def clean_workdays_text(self) -> list[date]:
        return parse_lines(self.cleaned_data.get("workdays_text") or "")

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        year = cleaned.get("year")
        holidays = cleaned.get("holidays_text")
        workdays = cleaned.get("workdays_text")
        if year is not None and holidays is not None and workdays is not None:
            problems = validate_schedule(year, holidays, workdays)
            if problems:
                raise ValidationError(problems)
        return cleaned

    def save(self, commit: bool = True) -> HolidayYear:
        self.instance.holidays = [day.isoformat() for day in self.cleaned_data["holidays_text"]]
        self.instance.workdays = [day.isoformat() for day in self.cleaned_data["workdays_text"]]
        instance: HolidayYear = super().save(commit=commit)
        return instance
