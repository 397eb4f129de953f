"""`fazhi deadline`: the due date of a statutory period, from the command line."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from fazhi.core.clock import ClockError, DeadlineResult, WorkCalendar, parse_date

from . import CommandFailed

DESCRIPTION = """\
计算法定期限的到期日：起算日当日不计入（民法典第二百零一条）；工作日不含周末和法定节假日，
调休上班日计为工作日；按自然日计算的期限，最后一日是法定休假日的顺延至休假日结束的次日
（民法典第二百零三条）。第一行输出到期日（YYYY-MM-DD）。

放假安排：使用内置的国务院办公厅放假安排数据（chinesecalendar，2004–2026年）。若配置了数据库
（FAZHI_DATABASE_URL，或默认的 var/fazhi.sqlite3 文件已存在），还会读取系统管理员录入的年份；
数据库不可用时只用内置数据，不会报错。涉及未录入年份的期限按周末推算，并提示“临时”。"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "deadline",
        help="计算法定期限的到期日（工作日/自然日）",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("date", metavar="起算日", help="事件发生日，YYYY-MM-DD（当日不计入）")
    parser.add_argument("--workdays", metavar="N", help="期限为 N 个工作日")
    parser.add_argument("--days", metavar="N", help="期限为 N 日（自然日）")
    parser.add_argument(
        "--pause",
        metavar="开始:结束",
        action="append",
        default=[],
        help="不计入期限的期间（含首尾两日，如征求第三方意见所需时间），可重复；单日可只写一个日期",
    )
    parser.add_argument(
        "--extend", metavar="N", default="0", help="延长 N 个单位（与期限单位相同）"
    )
    parser.add_argument("--explain", action="store_true", help="逐日列出计入和不计入的日期及原因")
    parser.set_defaults(handler=deadline_command)


def deadline_command(args: argparse.Namespace) -> int:
    if (args.workdays is None) == (args.days is None):
        raise CommandFailed("请用 --workdays N 或 --days N 指定期限（二者选一）。")
    try:
        start = parse_date(args.date)
        amount = _count(args.workdays if args.workdays is not None else args.days, "期限天数")
        extension = _count(args.extend, "延长天数", allow_zero=True)
        pauses = [_pause(text) for text in args.pause]
        work_calendar = WorkCalendar(_entered_years())
        if args.workdays is not None:
            result = work_calendar.add_working_days(start, amount, pauses, extension)
        else:
            result = work_calendar.add_calendar_days(start, amount, pauses, extension)
    except ClockError as error:
        raise CommandFailed(str(error)) from None
    print(result.due.isoformat())
    if result.provisional:
        print(result.provisional_note, file=sys.stderr)
    if args.explain:
        _explain(result)
    return 0


def _count(text: str, what: str, *, allow_zero: bool = False) -> int:
    value = text.strip()
    if not value.isascii() or not value.isdigit() or (int(value) == 0 and not allow_zero):
        kind = "零或正整数" if allow_zero else "正整数"
        raise ClockError(f"{what}“{text}”无效，应为{kind}。")
    return int(value)


def _pause(text: str) -> tuple[date, date]:
    first, colon, last = text.partition(":")
    start = parse_date(first)
    end = parse_date(last) if colon else start
    return start, end


def _explain(result: DeadlineResult) -> None:
    print(f"起算日：{result.start.isoformat()}（当日不计入）")
    period = f"{result.amount}{result.unit.label}"
    if result.extension:
        period += f"，延长{result.extension}{result.unit.label}"
    print(f"期限：{period}")
    for step in result.steps:
        print(step.describe())
    print(f"到期日：{result.due.isoformat()}{result.provisional_note}")
    print("依据：")
    for line in result.basis:
        print(f"  {line}")


def _database_configured() -> bool:
    # The same default location as fazhi.settings, checked without importing the settings
    # (importing them would create var/ and a secret key where there is no installation).
    if os.environ.get("FAZHI_DATABASE_URL"):
        return True
    var_dir = Path(os.environ.get("FAZHI_VAR_DIR", Path.cwd() / "var"))
    return (var_dir / "fazhi.sqlite3").is_file()


def _entered_years() -> list[Any]:
    """Administrator-entered holiday years, or none when there is no usable database."""
    if not _database_configured():
        return []
    try:
        from . import setup_django

        setup_django()
        from django.db import connection

        if connection.vendor == "postgresql":
            # Do not hang on an unreachable server.
            connection.settings_dict.setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
        from fazhi.workcalendar.models import HolidayYear

        return [year.schedule() for year in HolidayYear.objects.all()]
    except Exception:  # any database problem: the built-in data still gives an answer
        print("（未能读取数据库中录入的放假安排，仅使用内置数据）", file=sys.stderr)
        return []
