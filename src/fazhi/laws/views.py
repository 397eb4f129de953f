from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from fazhi.accounts.models import Role
from fazhi.accounts.permissions import has_role, is_system_admin, organisations_of
from fazhi.core.catalog import Catalog, Law
from fazhi.core.catalog.models import article_label
from fazhi.core.citations import Citation, analyze, today
from fazhi.web.uploads import DocumentInputForm

from .forms import LocalLawForm, StatusChangeForm
from .services import current_catalog, law_status_changed, search

CATALOG_EDITORS = (Role.LEGAL_REVIEWER, Role.COUNSEL, Role.JUSTICE_REVIEWER)


def can_edit_catalog(user: Any) -> bool:
    return is_system_admin(user) or has_role(user, *CATALOG_EDITORS)


@login_required
def law_list(request: HttpRequest) -> HttpResponse:
    catalog = current_catalog()
    query = request.GET.get("q", "").strip()
    laws = search(catalog, query) if query else []
    day = today()
    return render(request, "laws/list.html", {
        "query": query,
        "rows": [(law, law.status_on(day)) for law in laws],
        "size": len(catalog),
        "can_edit": can_edit_catalog(request.user),
    })


def _law_or_404(catalog: Catalog, law_id: str) -> Law:
    law = catalog.get(law_id)
    if law is None:
        raise Http404("目录中没有这部法规。")
    return law


@login_required
def law_detail(request: HttpRequest, law_id: str) -> HttpResponse:
    catalog = current_catalog()
    law = _law_or_404(catalog, law_id)
    day = today()
    latest = law.latest_version()
    articles = sorted(latest.articles.items(), key=lambda kv: _article_order(kv[0])) if latest else []
    return render(request, "laws/detail.html", {
        "law": law,
        "status": law.status_on(day),
        "versions": [(v, law.version_status(v, day)) for v in reversed(law.versions)],
        "events": [(e, catalog.get(e.successor) if e.successor else None) for e in law.events],
        "articles": [(article_label(k), text) for k, text in articles],
        "can_edit": can_edit_catalog(request.user),
    })


def _article_order(key: str) -> tuple[int, int]:
    number, _, sub = key.partition("-")
    return int(number), int(sub or 0)


@login_required
def local_law_add(request: HttpRequest) -> HttpResponse:
    if not can_edit_catalog(request.user):
        raise PermissionDenied("只有法制审核人员、法律顾问、司法局审查人员和系统管理员可以维护法规目录。")
    form = LocalLawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        row = form.save(commit=False)
        row.created_by = request.user
        row.organisation = organisations_of(request.user).first()
        row.save()
        messages.success(request, f"已将《{row.title}》加入法规目录。")
        return redirect("laws:detail", law_id=row.law_id)
    return render(request, "laws/local_law_form.html", {"form": form})


@login_required
def status_change_add(request: HttpRequest, law_id: str) -> HttpResponse:
    if not can_edit_catalog(request.user):
        raise PermissionDenied("只有法制审核人员、法律顾问、司法局审查人员和系统管理员可以维护法规目录。")
    catalog = current_catalog()
    law = _law_or_404(catalog, law_id)
    form = StatusChangeForm(request.POST or None, known_ids=set(catalog.laws))
    if request.method == "POST" and form.is_valid():
        change = form.save(commit=False)
        change.law_id = law.id
        change.created_by = request.user
        change.save()
        transaction.on_commit(
            lambda: law_status_changed.send(sender=type(change), law_id=law.id, change=change)
        )
        messages.success(request, f"已记录《{law.title}》{change.date:%Y年%m月%d日}{change.status}。")
        return redirect("laws:detail", law_id=law.id)
    return render(request, "laws/status_form.html", {"form": form, "law": law})


@dataclass
class Segment:
    text: str
    citation: Citation | None = None
    tooltip: str = ""


def segments(text: str, citations: list[Citation], catalog: Catalog, day: date) -> list[Segment]:
    """The text cut at citation boundaries, each citation with its hover text."""
    out: list[Segment] = []
    cursor = 0
    for citation in sorted(citations, key=lambda c: c.start):
        if citation.start < cursor:
            continue  # nested inside the previous mark
        out.append(Segment(text[cursor:citation.start]))
        out.append(Segment(text[citation.start:citation.end], citation, hover_text(citation, day)))
        cursor = citation.end
    out.append(Segment(text[cursor:]))
    return out


def hover_text(citation: Citation, day: date) -> str:
    lines = [citation.message] if citation.message else []
    law = citation.law
    if law is not None and citation.article is not None:
        version = law.version_on(day) or law.latest_version()
        for key in citation.article.keys()[:3]:
            article = version.articles.get(key) if version else None
            if article:
                lines.append(f"{article_label(key)} {article}")
    return "\n".join(lines)


STATUS_LABELS = {
    "current": "现行有效",
    "amended_since": "已被修改",
    "abolished": "已废止",
    "not_yet_effective": "尚未生效",
    "expired": "已失效",
    "unknown_article": "条文不存在",
    "unknown": "目录未收录",
}


@login_required
def cite(request: HttpRequest) -> HttpResponse:
    form = DocumentInputForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        catalog = current_catalog()
        text = form.cleaned_data["document"]
        report = analyze(text, catalog, as_of=form.cleaned_data.get("as_of"))
        context.update(
            report=report,
            segments=segments(text, report.citations, catalog, report.document_date or report.as_of),
            counts=_count_statuses(report.citations),
            rows=[(c, STATUS_LABELS.get(c.status, c.status)) for c in report.citations],
        )
    return render(request, "laws/cite.html", context)


def _count_statuses(citations: list[Citation]) -> list[tuple[str, str, int]]:
    counts: dict[str, int] = {}
    for citation in citations:
        counts[citation.status] = counts.get(citation.status, 0) + 1
    return [(status, STATUS_LABELS.get(status, status), n) for status, n in counts.items()]

