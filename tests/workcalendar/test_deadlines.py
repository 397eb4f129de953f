"""Opening, pausing, extending and closing deadlines; the dashboard and its warnings."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser

from fazhi.core.clock import ClockError
from fazhi.workcalendar.models import Deadline
from fazhi.workcalendar.services import (
    calendar_warnings,
    close_deadline,
    dashboard_deadlines,
    extend_deadline,
    open_deadline,
    pause_deadline,
    recompute_open_deadlines,
    reopen_deadline,
    restart_deadline,
)

D = date.fromisoformat
BASIS = "《政府信息公开条例》第三十三条第二款"

pytestmark = pytest.mark.django_db


def reply_deadline(org, start="2025-09-26", **kwargs) -> Deadline:
    kwargs.setdefault("title", "政府信息公开申请答复")
    kwargs.setdefault("amount", 20)
    kwargs.setdefault("unit", "workdays")
    return open_deadline(organisation=org, start=D(start), basis=BASIS, **kwargs)


def test_open_deadline_computes_and_stores_the_due_date(orgs, people) -> None:
    deadline = reply_deadline(orgs["science"], responsible=people["officer"], kind="disclosure")
    deadline.refresh_from_db()
    # 20 working days from 2025-09-26 across National Day 2025 (see tests/core/test_clock.py).
    assert deadline.due_date == D("2025-10-30")
    assert not deadline.provisional and deadline.is_open
    assert deadline.period_label == "20个工作日"


def test_a_deadline_links_to_its_owning_record(orgs) -> None:
    owner = orgs["justice"]  # any model instance will do
    deadline = reply_deadline(orgs["science"], owner=owner)
    assert Deadline.objects.for_record(owner).get() == deadline
    assert Deadline.objects.get(pk=deadline.pk).owner == owner


def test_calendar_day_deadlines_move_past_a_holiday(orgs) -> None:
    deadline = reply_deadline(orgs["science"], amount=5, unit="days")
    assert deadline.due_date == D("2025-10-09")
    assert deadline.period_label == "5日（自然日）"


def test_pause_and_extension(orgs) -> None:
    deadline = reply_deadline(orgs["science"], start="2025-03-03", amount=5)
    assert deadline.due_date == D("2025-03-10")
    pause_deadline(deadline, D("2025-03-05"), D("2025-03-11"), "征求第三方意见")
    deadline.refresh_from_db()
    assert deadline.due_date == D("2025-03-17")
    assert deadline.pauses == [
        {"start": "2025-03-05", "end": "2025-03-11", "reason": "征求第三方意见"}
    ]
    extend_deadline(deadline, 2)
    deadline.refresh_from_db()
    assert deadline.due_date == D("2025-03-19")
    assert deadline.period_label == "5个工作日，延长2个工作日，暂停1次"


def test_restart_counts_from_the_new_event_date(orgs) -> None:
    # 补正: the reply period runs from receipt of the corrected application (条例第三十条).
    deadline = reply_deadline(orgs["science"], start="2025-09-10")
    restart_deadline(deadline, D("2025-09-26"))
    deadline.refresh_from_db()
    assert (deadline.start_date, deadline.due_date) == (D("2025-09-26"), D("2025-10-30"))


def test_bad_pauses_and_closed_deadlines_are_refused(orgs) -> None:
    deadline = reply_deadline(orgs["science"])
    with pytest.raises(ClockError, match="早于开始日"):
        pause_deadline(deadline, D("2025-10-10"), D("2025-10-01"))
    with pytest.raises(ClockError, match="正整数"):
        extend_deadline(deadline, 0)
    close_deadline(deadline)
    with pytest.raises(ClockError, match="已办结"):
        extend_deadline(deadline, 5)


def test_dates_beyond_the_calendar_are_refused(orgs) -> None:
    with pytest.raises(ClockError, match="超出日历范围"):
        reply_deadline(orgs["science"], start="2029-01-10")
    assert not Deadline.objects.exists()


def test_recompute_counts_changes_and_keeps_uncomputable_deadlines(orgs) -> None:
    good = reply_deadline(orgs["science"])
    assert recompute_open_deadlines() == 0  # nothing changed
    Deadline.objects.filter(pk=good.pk).update(due_date=D("2025-10-01"))
    assert recompute_open_deadlines() == 1
    good.refresh_from_db()
    assert good.due_date == D("2025-10-30")
    # A deadline the clock can no longer compute keeps its date, flagged provisional.
    Deadline.objects.filter(pk=good.pk).update(start_date=D("2030-01-01"))
    assert recompute_open_deadlines() == 1
    good.refresh_from_db()
    assert good.due_date == D("2025-10-30") and good.provisional


def test_close_and_reopen(orgs) -> None:
    deadline = reply_deadline(orgs["science"])
    close_deadline(deadline)
    assert not Deadline.objects.open().exists()
    reopen_deadline(deadline)
    assert Deadline.objects.open().get() == deadline


def test_dashboard_shows_only_the_persons_organisations(orgs, people) -> None:
    reply_deadline(orgs["science"], title="科技局期限")
    reply_deadline(orgs["justice"], title="司法局期限")
    closed = reply_deadline(orgs["science"], title="已办结")
    close_deadline(closed)
    today = D("2025-10-01")

    def titles(user) -> list[str]:
        return [row.title for row in dashboard_deadlines(user, today=today)]

    assert titles(people["officer"]) == ["科技局期限"]
    assert titles(people["reviewer"]) == ["司法局期限"]
    assert sorted(titles(people["admin"])) == ["司法局期限", "科技局期限"]
    assert titles(people["nobody"]) == []
    assert titles(AnonymousUser()) == []


def test_dashboard_states_and_order(orgs, people) -> None:
    org = orgs["science"]
    # Today Thu 2025-10-23; three working days ahead is Tue 10-28.
    late = open_deadline(
        organisation=org, title="逾期", start=D("2025-10-20"), amount=2, unit="workdays"
    )
    soon = open_deadline(
        organisation=org, title="临近", start=D("2025-10-23"), amount=3, unit="workdays"
    )
    normal = open_deadline(
        organisation=org, title="正常", start=D("2025-10-23"), amount=4, unit="workdays"
    )
    assert (late.due_date, soon.due_date, normal.due_date) == (
        D("2025-10-22"),
        D("2025-10-28"),
        D("2025-10-29"),
    )
    rows = dashboard_deadlines(people["officer"], today=D("2025-10-23"))
    assert [(row.title, row.state, row.state_label) for row in rows] == [
        ("逾期", "overdue", "已逾期"),
        ("临近", "due_soon", "即将到期"),
        ("正常", "normal", "正常"),
    ]
    row = rows[1]
    assert (row.organisation, row.start_date, row.due_date) == (org, D("2025-10-23"), soon.due_date)
    assert row.period_label == "3个工作日" and row.provisional is False


def test_due_today_is_due_soon(orgs, people) -> None:
    open_deadline(
        organisation=orgs["science"],
        title="今日到期",
        start=D("2025-10-22"),
        amount=1,
        unit="workdays",
    )
    [row] = dashboard_deadlines(people["officer"], today=D("2025-10-23"))
    assert row.state == "due_soon"


WARNING_2027 = (
    "2027年放假安排尚未录入，涉及2027年的期限按周末推算，仅供参考。"
    "请系统管理员录入国务院办公厅通知。"
)


def test_warning_from_november_when_next_year_is_missing() -> None:
    assert calendar_warnings(today=D("2026-10-31")) == []
    assert calendar_warnings(today=D("2026-11-01")) == [WARNING_2027]
    assert calendar_warnings(today=D("2026-12-31")) == [WARNING_2027]
    assert calendar_warnings(today=D("2025-11-15")) == []  # 2026 is in the package


def test_no_warning_once_the_year_is_entered(year_2027) -> None:
    assert calendar_warnings(today=D("2026-11-20")) == []


def test_warning_in_a_year_that_has_no_schedule_at_all() -> None:
    warnings = calendar_warnings(today=D("2027-03-01"))
    assert warnings == [WARNING_2027]


def test_warning_for_provisional_open_deadlines(orgs) -> None:
    deadline = reply_deadline(orgs["science"], start="2026-12-21", amount=10)
    assert deadline.provisional
    warnings = calendar_warnings(today=D("2026-10-01"))
    assert warnings == [
        "有1项未办结期限涉及尚未录入放假安排的年份，到期日为临时推算，录入放假安排后将自动重新计算。"
    ]
    close_deadline(deadline)
    assert calendar_warnings(today=D("2026-10-01")) == []


def test_provisional_warning_counts_only_the_persons_organisations(orgs, people) -> None:
    reply_deadline(orgs["justice"], start="2026-12-21", amount=10)
    assert calendar_warnings(today=D("2026-10-01"), user=people["officer"]) == []
    assert len(calendar_warnings(today=D("2026-10-01"), user=people["reviewer"])) == 1
    assert len(calendar_warnings(today=D("2026-10-01"), user=people["admin"])) == 1
