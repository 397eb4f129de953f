from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from fazhi.audit.admin import AuditHistoryMixin
from fazhi.core.clock import WorkCalendar

from .forms import HolidayYearForm
from .models import Deadline, HolidayYear
from .services import calendar_warnings


@admin.register(HolidayYear)
class HolidayYearAdmin(AuditHistoryMixin):
    form = HolidayYearForm
    list_display = ("year", "source", "holiday_count", "workday_count", "updated_at")
    search_fields = ("source", "note")
    fieldsets = (
        (None, {"fields": ("year", "source")}),
        ("放假安排", {"fields": ("holidays_text", "workdays_text")}),
        ("其他", {"fields": ("note",)}),
    )

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        built_in = WorkCalendar().known_years
        messages.info(
            request,
            f"内置放假安排数据（chinesecalendar）覆盖{built_in[0]}–{built_in[-1]}年；"
            "此处录入的年份替代内置数据。保存或删除后，所有未办结期限自动重新计算。",
        )
        for warning in calendar_warnings():
            messages.warning(request, warning)
        return super().changelist_view(request, extra_context)

    @admin.display(description="放假天数")
    def holiday_count(self, obj: HolidayYear) -> int:
        return len(obj.holidays)

    @admin.display(description="调休上班天数")
    def workday_count(self, obj: HolidayYear) -> int:
        return len(obj.workdays)


class OpenFilter(admin.SimpleListFilter):
    title = "办理状态"
    parameter_name = "open"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("1", "未办结"), ("0", "已办结")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "1":
            return queryset.filter(closed_at__isnull=True)
        if self.value() == "0":
            return queryset.filter(closed_at__isnull=False)
        return queryset


@admin.register(Deadline)
class DeadlineAdmin(AuditHistoryMixin):
    """Read-mostly: deadlines are opened and closed by the apps that own them."""

    list_display = (
        "title",
        "organisation",
        "start_date",
        "period",
        "due_date",
        "provisional",
        "closed_at",
    )
    list_filter = (OpenFilter, "provisional", "unit", "organisation")
    search_fields = ("title", "basis", "kind")
    date_hierarchy = "due_date"
    fields = (
        "title",
        "kind",
        "organisation",
        "responsible",
        "basis",
        "content_type",
        "object_id",
        "start_date",
        "amount",
        "unit",
        "pauses",
        "extension",
        "due_date",
        "provisional",
        "closed_at",
        "created_at",
        "updated_at",
    )
    autocomplete_fields = ("responsible",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # Only the responsible person may be reassigned here; periods change through the apps.
        return [name for name in self.fields if name != "responsible"]

    @admin.display(description="期限")
    def period(self, obj: Deadline) -> str:
        return obj.period_label

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
