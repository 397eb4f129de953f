from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction

from fazhi.core.clock import DeadlineResult, Unit, WorkCalendar, YearSchedule, validate_schedule


class HolidayYear(models.Model):
    """One year's 放假安排 as published by the 国务院办公厅, entered by an administrator.

    It replaces the chinesecalendar package's data for that year. Dates are ISO strings.
    """

    year = models.PositiveSmallIntegerField("年份", unique=True)
    holidays = models.JSONField("放假日期", default=list)
    workdays = models.JSONField("调休上班日期", default=list, blank=True)
    source = models.CharField(
        "依据",
        max_length=200,
        help_text="国务院办公厅通知的标题或文号，如“国务院办公厅关于2027年部分节假日安排的通知”",
    )
    note = models.TextField("备注", blank=True)
    created_at = models.DateTimeField("录入时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = "放假安排"
        verbose_name_plural = "放假安排"
        ordering = ("-year",)

    def __str__(self) -> str:
        return f"{self.year}年放假安排"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The post_save handler recomputes open deadlines; keep it in the same transaction.
        with transaction.atomic():
            super().save(*args, **kwargs)

    def clean(self) -> None:
        try:
            holidays = [date.fromisoformat(day) for day in self.holidays]
            workdays = [date.fromisoformat(day) for day in self.workdays]
        except (TypeError, ValueError):
            raise ValidationError("日期须为 YYYY-MM-DD 格式。") from None
        problems = validate_schedule(self.year, holidays, workdays)
        if problems:
            raise ValidationError(problems)

    def schedule(self) -> YearSchedule:
        return YearSchedule(
            year=self.year,
            holidays=frozenset(date.fromisoformat(day) for day in self.holidays),
            workdays=frozenset(date.fromisoformat(day) for day in self.workdays),
            source=self.source,
        )


class DeadlineUnit(models.TextChoices):
    WORKING_DAYS = Unit.WORKING_DAYS.value, "工作日"
    CALENDAR_DAYS = Unit.CALENDAR_DAYS.value, "日（自然日）"


class DeadlineQuerySet(models.QuerySet["Deadline"]):
    def open(self) -> DeadlineQuerySet:
        return self.filter(closed_at__isnull=True)

    def for_record(self, record: models.Model) -> DeadlineQuerySet:
        return self.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        )


class Deadline(models.Model):
    """A statutory period running for some record of any app, computed by core.clock."""

    content_type = models.ForeignKey(
        ContentType, verbose_name="所属记录类型", null=True, blank=True, on_delete=models.PROTECT
    )
    object_id = models.PositiveBigIntegerField("所属记录编号", null=True, blank=True)
    owner = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(
        "期限类型", max_length=60, blank=True, help_text="由业务模块使用的标识，如 disclosure.reply"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name="单位",
        on_delete=models.PROTECT,
        related_name="deadlines",
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="责任人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deadlines",
    )
    title = models.CharField("事项", max_length=200)
    basis = models.TextField("法律依据", blank=True)
    start_date = models.DateField(
        "起算日（事件发生日）", help_text="当日不计入（民法典第二百零一条）"
    )
    amount = models.PositiveIntegerField("期限")
    unit = models.CharField("单位", max_length=10, choices=DeadlineUnit.choices)
    # [{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD", "reason": "…"}]; both ends inclusive.
    pauses = models.JSONField("暂停计算期间", default=list, blank=True)
    extension = models.PositiveIntegerField("延长", default=0)
    # How a reader knows the period when the day count says little (届满前6个月提醒).
    period_note = models.CharField("期限说明", max_length=60, blank=True)
    due_date = models.DateField("到期日")
    provisional = models.BooleanField(
        "临时计算", default=False, help_text="涉及年份的放假安排尚未录入，按周末推算"
    )
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        verbose_name = "期限"
        verbose_name_plural = "期限"
        ordering = ("due_date", "pk")
        indexes = (
            models.Index(fields=["closed_at", "due_date"], name="deadline_open_due"),
            models.Index(fields=["content_type", "object_id"], name="deadline_owner"),
        )

    def __str__(self) -> str:
        return f"{self.title}（{self.due_date:%Y-%m-%d}）"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def period_label(self) -> str:
        if self.period_note:
            return self.period_note
        text = f"{self.amount}{Unit(self.unit).label}"
        if self.extension:
            text += f"，延长{self.extension}{Unit(self.unit).label}"
        if self.pauses:
            text += f"，暂停{len(self.pauses)}次"
        return text

    def pause_intervals(self) -> list[tuple[date, date]]:
        return [
            (date.fromisoformat(item["start"]), date.fromisoformat(item["end"]))
            for item in self.pauses
        ]

    def compute(self, calendar: WorkCalendar) -> DeadlineResult:
        return calendar.add(
            self.start_date, self.amount, self.unit, self.pause_intervals(), self.extension
        )

    def recompute(self, calendar: WorkCalendar) -> bool:
        """Set due_date and provisional from the calendar; True if either changed (not saved)."""
        result = self.compute(calendar)
        changed = (self.due_date, self.provisional) != (result.due, result.provisional)
        self.due_date, self.provisional = result.due, result.provisional
        return changed
