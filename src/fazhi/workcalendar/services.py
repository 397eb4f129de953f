"""Every change to deadlines and holiday years goes through these functions.

Other apps open a deadline when a statutory period starts (an application received, a draft
published), pause or extend it as the law allows, and close it when the duty is done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db import models, transaction
from django.utils import timezone

from fazhi.accounts.models import Organisation, User
from fazhi.accounts.permissions import AnyUser, is_system_admin, organisations_of
from fazhi.core.clock import ClockError, Unit, WorkCalendar, parse_unit

from .models import Deadline, HolidayYear

# "Due soon" on the dashboard: the due date lies within this many working days.
DUE_SOON_WORKING_DAYS = 3


def calendar() -> WorkCalendar:
    """The package's holiday data plus every year entered in the database."""
    return WorkCalendar(year.schedule() for year in HolidayYear.objects.all())


def open_deadline(
    *,
    organisation: Organisation,
    title: str,
    start: date,
    amount: int,
    unit: Unit | str,
    basis: str = "",
    owner: models.Model | None = None,
    kind: str = "",
    responsible: User | None = None,
    pauses: Iterable[tuple[date, date, str]] = (),
    extension: int = 0,
    period_note: str = "",
    work_calendar: WorkCalendar | None = None,
) -> Deadline:
    """Start a period. Raises ClockError (Chinese message) for input the clock refuses."""
    deadline = Deadline(
        organisation=organisation,
        title=title,
        basis=basis,
        kind=kind,
        responsible=responsible,
        start_date=start,
        amount=amount,
        unit=parse_unit(unit).value,
        pauses=[_pause_json(first, last, reason) for first, last, reason in pauses],
        extension=extension,
        period_note=period_note,
    )
    if owner is not None:
        deadline.owner = owner
    deadline.recompute(work_calendar or calendar())
    deadline.save()
    return deadline


def pause_deadline(deadline: Deadline, first: date, last: date, reason: str = "") -> Deadline:
    """Days from `first` to `last` (inclusive) do not count, e.g. third-party consultation."""
    _require_open(deadline)
    deadline.pauses = [*deadline.pauses, _pause_json(first, last, reason)]
    deadline.recompute(calendar())
    deadline.save()
    return deadline


def extend_deadline(deadline: Deadline, amount: int) -> Deadline:
    """Add `amount` more units (working or calendar days) to the period."""
    _require_open(deadline)
    if amount < 1:
        raise ClockError("延长天数必须是正整数。")
    deadline.extension += amount
    deadline.recompute(calendar())
    deadline.save()
    return deadline


def restart_deadline(deadline: Deadline, start: date) -> Deadline:
    """Count the period afresh from a new event date.

    E.g. 政府信息公开条例第三十条: after a 补正 notice, "答复期限自行政机关收到补正的申请之日起计算".
    """
    _require_open(deadline)
    deadline.start_date = start
    deadline.recompute(calendar())
    deadline.save()
    return deadline


def close_deadline(deadline: Deadline, when: datetime | None = None) -> Deadline:
    """The duty is done. Closed deadlines are no longer shown or recomputed."""
    if deadline.closed_at is None:
        deadline.closed_at = when or timezone.now()
        deadline.save(update_fields=["closed_at", "updated_at"])
    return deadline


def reopen_deadline(deadline: Deadline) -> Deadline:
    if deadline.closed_at is not None:
        deadline.closed_at = None
        deadline.recompute(calendar())
        deadline.save()
    return deadline


def recompute_open_deadlines(work_calendar: WorkCalendar | None = None) -> int:
    """Recompute every open deadline of every app; returns how many changed.

    A deadline the calendar can no longer compute (e.g. its year lies beyond a deleted
    schedule) keeps its date and is marked provisional.
    """
    work_calendar = work_calendar or calendar()
    changed = 0
    with transaction.atomic():
        for deadline in Deadline.objects.open().select_for_update():
            try:
                moved = deadline.recompute(work_calendar)
            except ClockError:
                moved = not deadline.provisional
                deadline.provisional = True
            if moved:
                deadline.save(update_fields=["due_date", "provisional", "updated_at"])
                changed += 1
    return changed


def _pause_json(first: date, last: date, reason: str) -> dict[str, str]:
    if last < first:
        raise ClockError(
            f"暂停计算期间的结束日（{last.isoformat()}）早于开始日（{first.isoformat()}）。"
        )
    return {"start": first.isoformat(), "end": last.isoformat(), "reason": reason}


def _require_open(deadline: Deadline) -> None:
    if deadline.closed_at is not None:
        raise ClockError(f"期限“{deadline.title}”已办结，不能再更改。")


# -- the dashboard -------------------------------------------------------------------------


class DeadlineState(models.TextChoices):
    OVERDUE = "overdue", "已逾期"
    DUE_SOON = "due_soon", "即将到期"
    NORMAL = "normal", "正常"


@dataclass(frozen=True)
class DashboardDeadline:
    """A deadline as the dashboard shows it: the record plus its state today."""

    deadline: Deadline
    state: str  # a DeadlineState value
    state_label: str

    @property
    def title(self) -> str:
        return self.deadline.title

    @property
    def organisation(self) -> Organisation:
        return self.deadline.organisation

    @property
    def start_date(self) -> date:
        return self.deadline.start_date

    @property
    def due_date(self) -> date:
        return self.deadline.due_date

    @property
    def provisional(self) -> bool:
        return self.deadline.provisional

    @property
    def period_label(self) -> str:
        return self.deadline.period_label


def dashboard_deadlines(user: AnyUser, today: date | None = None) -> list[DashboardDeadline]:
    """Open deadlines of the person's organisations (all for a system administrator)."""
    today = today or timezone.localdate()
    deadlines = Deadline.objects.open().select_related("organisation", "responsible")
    if not is_system_admin(user):
        deadlines = deadlines.filter(organisation__in=organisations_of(user))
    soon_limit = _due_soon_limit(today)
    rows = []
    for deadline in deadlines.order_by("due_date", "pk"):
        if deadline.due_date < today:
            state = DeadlineState.OVERDUE
        elif deadline.due_date <= soon_limit:
            state = DeadlineState.DUE_SOON
        else:
            state = DeadlineState.NORMAL
        rows.append(DashboardDeadline(deadline, state.value, str(state.label)))
    return rows


def _due_soon_limit(today: date) -> date:
    try:
        return calendar().add_working_days(today, DUE_SOON_WORKING_DAYS).due
    except ClockError:
        # Beyond the calendar: a plain week is the closest honest answer.
        return date.fromordinal(today.toordinal() + 7)


def calendar_warnings(today: date | None = None, user: AnyUser | None = None) -> list[str]:
    """Chinese warnings about missing holiday schedules, for the dashboard.

    With `user`, the count of provisional deadlines covers only that person's organisations.
    """
    today = today or timezone.localdate()
    work_calendar = calendar()
    warnings = []
    missing = set()
    if not work_calendar.is_known(today.year):
        missing.add(today.year)
    # The State Council publishes next year's schedule in November or December.
    if today.month >= 11 and not work_calendar.is_known(today.year + 1):
        missing.add(today.year + 1)
    for year in sorted(missing):
        warnings.append(
            f"{year}年放假安排尚未录入，涉及{year}年的期限按周末推算，仅供参考。"
            "请系统管理员录入国务院办公厅通知。"
        )
    provisional_deadlines = Deadline.objects.open().filter(provisional=True)
    if user is not None and not is_system_admin(user):
        provisional_deadlines = provisional_deadlines.filter(
            organisation__in=organisations_of(user)
        )
    provisional = provisional_deadlines.count()
    if provisional:
        warnings.append(
            f"有{provisional}项未办结期限涉及尚未录入放假安排的年份，到期日为临时推算，"
            "录入放假安排后将自动重新计算。"
        )
    return warnings
