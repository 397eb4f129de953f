from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from .trail import history


class AuditHistoryMixin(admin.ModelAdmin):  # type: ignore[type-arg]
    """The admin's 历史 page shows Fazhi's audit trail for the record, not Django's own log."""

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise Http404("记录不存在。")
        context = {
            **self.admin_site.each_context(request),
            "title": f"变更记录：{obj}",
            "subtitle": None,
            "opts": self.opts,
            "object": obj,
            "history": history(obj),
        }
        return render(request, "admin/fazhi_object_history.html", context)
