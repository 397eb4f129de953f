"""合法性预审: paste or upload a draft, see the findings beside the text, download a draft opinion."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from fazhi.accounts.permissions import organisations_of
from fazhi.audit.models import Action
from fazhi.audit.trail import record
from fazhi.core.opinion import opinion_docx
from fazhi.core.review import (
    CATEGORY_TEXT,
    SEVERITY_RANK,
    SEVERITY_TEXT,
    Finding,
    ReviewReport,
    review_text,
)
from fazhi.laws.services import current_catalog
from fazhi.web.uploads import DocumentInputForm

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class Piece:
    text: str
    findings: list[int]  # indexes of the findings covering this piece
    severity: str = ""


def pieces(text: str, findings: list[Finding]) -> list[Piece]:
    """The text cut at every finding boundary; overlapping findings share a piece."""
    cuts = sorted({0, len(text), *(f.start for f in findings), *(f.end for f in findings)})
    out = []
    for start, end in pairwise(cuts):
        covering = [i for i, f in enumerate(findings) if f.start <= start < f.end]
        worst = max((findings[i].severity for i in covering), key=SEVERITY_RANK.__getitem__, default="")
        out.append(Piece(text[start:end], covering, worst))
    return out


def _review(form: DocumentInputForm) -> ReviewReport:
    return review_text(form.cleaned_data["document"], as_of=form.cleaned_data.get("as_of"),
                       catalog=current_catalog())


@login_required
def prereview(request: HttpRequest) -> HttpResponse:
    form = DocumentInputForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        report = _review(form)
        context.update(
            report=report,
            text=report.text,
            pieces=pieces(report.text, report.findings),
            findings=[(i, f, CATEGORY_TEXT.get(f.category, f.category), SEVERITY_TEXT[f.severity])
                      for i, f in enumerate(report.findings)],
            counts={SEVERITY_TEXT[s]: n for s, n in report.counts().items()},
            summary=report.structure.summary(),
        )
    return render(request, "prereview/prereview.html", context)


@login_required
def opinion(request: HttpRequest) -> HttpResponse:
    """The draft 合法性审核意见书 for the posted text (the result page re-posts it)."""
    form = DocumentInputForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "prereview/prereview.html", {"form": form}, status=400)
    report = _review(form)
    unit = organisations_of(request.user).first()
    data = opinion_docx(report, reviewer_unit=unit.name if unit else "", day=timezone.localdate())
    title = report.structure.title.text if report.structure.title else "文件草案"
    record(Action.EXPORT, object_type="prereview.opinion", object_repr=f"合法性审核意见书草稿：{title}"[:300],
           changes={"findings": len(report.findings), "chars": len(report.text)})
    response = HttpResponse(data, content_type=DOCX)
    filename = quote(f"合法性审核意见书（草稿）-{title[:40]}.docx")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response
