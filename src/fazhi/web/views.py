from __future__ import annotations

import csv
import datetime
import json
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from fazhi.accounts.models import Organisation, Role
from fazhi.accounts.permissions import can_read_audit, is_system_admin, organisations_of, roles_of
from fazhi.audit.models import Action, AuditEvent
from fazhi.audit.trail import history, record

from .sections import SECTION_BY_KEY


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    from fazhi.workcalendar.services import calendar_warnings, dashboard_deadlines

    user = request.user
    role_labels = [Role(r).label for r in sorted(roles_of(user))]
    return render(
        request,
        "web/dashboard.html",
        {
            "organisations": organisations_of(user),
            "role_labels": role_labels,
            "deadlines": dashboard_deadlines(user),
            "warnings": calendar_warnings(user=user),
        },
    )


@login_required
def section(request: HttpRequest, key: str) -> HttpResponse:
    current = SECTION_BY_KEY.get(key)
    if current is None:
        raise Http404("没有这个栏目。")
    if key == "documents":
        from fazhi.documents.views import document_list

        return document_list(request)
    return render(request, "web/section.html", {"section": current})


@login_required
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None:
        raise Http404("单位不存在。")
    if not (is_system_admin(request.user) or organisations_of(request.user).filter(pk=pk).exists()):
        raise PermissionDenied("您只能查看本单位的信息。")
    members = organisation.memberships.select_related("user").order_by("user__username", "role")
    return render(
        request,
        "web/organisation.html",
        {
            "organisation": organisation,
            "members": members,
            "history": history(organisation) if can_read_audit(request.user) else None,
        },
    )


AUDIT_FILTERS = ("action", "actor_name", "object_type", "object_id")


def _audit_queryset(request: HttpRequest) -> Any:
    events = AuditEvent.objects.all()
    for name in AUDIT_FILTERS:
        value = request.GET.get(name, "").strip()
        if value:
            events = events.filter(**{name: value})
    for name, lookup in (("since", "occurred_at__date__gte"), ("until", "occurred_at__date__lte")):
        value = request.GET.get(name, "").strip()
        if value:
            try:
                events = events.filter(**{lookup: datetime.date.fromisoformat(value)})
            except ValueError as error:
                raise BadFilter(f"日期“{value}”无法识别，请使用 YYYY-MM-DD 格式。") from error
    return events


class BadFilter(Exception):
    pass


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    if not can_read_audit(request.user):
        raise PermissionDenied("只有审计员和系统管理员可以查看审计日志。")
    error = ""
    try:
        events = _audit_queryset(request)
    except BadFilter as bad:
        error, events = str(bad), AuditEvent.objects.none()
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "web/audit.html",
        {"page": page, "actions": Action.choices, "error": error, "query": query.urlencode()},
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


@login_required
def audit_export(request: HttpRequest) -> StreamingHttpResponse:
    if not can_read_audit(request.user):
        raise PermissionDenied("只有审计员和系统管理员可以导出审计日志。")
    try:
        events = _audit_queryset(request).order_by("seq")
    except BadFilter as bad:
        raise PermissionDenied(str(bad)) from bad
    record(Action.EXPORT, object_type="audit.auditevent", object_repr="审计日志导出",
           changes={"filters": {k: v for k, v in request.GET.items()}})
    writer = csv.writer(_Echo())
    header = ["序号", "时间", "操作人", "来源地址", "操作", "对象类型", "对象ID", "对象", "变更内容", "哈希"]

    def rows() -> Any:
        yield "\ufeff" + writer.writerow(header)  # BOM so Excel opens UTF-8 Chinese correctly
        for e in events.iterator(chunk_size=2000):
            yield writer.writerow([
                e.seq, timezone.localtime(e.occurred_at).isoformat(), e.actor_name, e.ip,
                e.get_action_display(), e.object_type, e.object_id, e.object_repr, json.dumps(e.changes, ensure_ascii=False), e.hash,
            ])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    return response


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {"title": "页面已过期", "message": "表单已过期或来源无法验证（CSRF 校验失败）。请刷新页面后重新提交；您填写的内容不会被部分保存。"},
        status=403,
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "web/error.html", {"title": "请求无效", "message": "请求内容无法处理，请检查后重试。"}, status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if exception and str(exception) else "您没有权限访问此页面。"
    return render(request, "web/error.html", {"title": "无权访问", "message": message}, status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "web/error.html", {"title": "页面不存在", "message": "您访问的页面不存在或已被删除。"}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "web/error.html", {"title": "系统错误", "message": "系统处理时发生错误，操作未生效。请稍后重试，或联系系统管理员。"}, status=500)
