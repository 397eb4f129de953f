"""Public pages (no login): documents with 有效/失效/废止 status, drafts open for comment."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from fazhi.audit.middleware import client_ip

from . import actions, services
from .forms import CommentForm
from .models import CampaignStatus, CleanupCampaign, Moderation, NormativeDocument, State
from .views import filtered, paginate


def document_list(request: HttpRequest) -> HttpResponse:
    actions.expire_due_documents_daily()
    documents = services.public_documents().select_related("organisation").only(
        "pk", "title", "kind", "doc_number", "state", "published_date", "expiry_date", "is_demo",
        "organisation__name", "organisation__short_name",
    )
    documents, filters = filtered(request, documents)
    query = request.GET.copy()
    query.pop("page", None)
    cleanups = CleanupCampaign.objects.filter(status=CampaignStatus.PUBLISHED).order_by("-published_on")[:10]
    return render(request, "documents/public/list.html", {
        "page": paginate(request, documents.order_by("-published_date", "-pk"), filters["q"]), "filters": filters,
        "query": query.urlencode(), "cleanups": cleanups,
        "statuses": [("in_force", "有效"), (State.EXPIRED, "失效"), (State.ABOLISHED, "废止")],
    })


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(services.public_documents().select_related("organisation"), pk=pk)
    version = document.current_version()
    return render(request, "documents/public/detail.html", {
        "document": document, "version": version,
        "successors": document.successors.filter(state__in=[State.PUBLISHED, State.FILING, State.FILED]),
    })


def consultation_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    drafts = NormativeDocument.objects.filter(
        state=State.CONSULTATION, consultations__start_date__lte=today, consultations__end_date__gte=today,
        consultations__closed_at__isnull=True,
    ).select_related("organisation").distinct()
    return render(request, "documents/public/consultations.html", {"drafts": drafts})


def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(NormativeDocument.objects.select_related("organisation"), pk=pk)
    consultation = actions.open_consultation(document)
    if consultation is None:
        raise Http404("该草案不在公开征求意见期内。")
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:  # a field people never see: a robot filled it
            messages.success(request, "意见已提交，经审核后公开。")
            return redirect("public:consultation", pk=pk)
        try:
            actions.do_submit_comment(
                document, text=form.cleaned_data["text"], name=form.cleaned_data["name"],
                contact=form.cleaned_data["contact"], ip=client_ip(request) or "",
            )
        except services.DocumentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "意见已提交，经审核后公开。感谢您的参与。")
            return redirect("public:consultation", pk=pk)
    groups = [g for g in actions.comment_groups(consultation) if g.first.moderation == Moderation.APPROVED]
    return render(request, "documents/public/consultation.html", {
        "document": document, "consultation": consultation, "version": consultation.version,
        "form": form, "groups": groups,
    })


def cleanup_result(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_object_or_404(CleanupCampaign.objects.select_related("organisation"), pk=pk, status=CampaignStatus.PUBLISHED)
    items = campaign.items.select_related("document").order_by("decision", "pk")
    return render(request, "documents/public/cleanup.html", {"campaign": campaign, "items": items})
