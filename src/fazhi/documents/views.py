"""The workbench pages of 规范性文件 (login required). Every view asks the permission helpers."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from fazhi.accounts.models import User
from fazhi.accounts.permissions import can_read_audit, is_system_admin, organisations_of
from fazhi.audit.trail import history
from fazhi.core.citations import STATUS_TEXT
from fazhi.web.sections import SECTION_BY_KEY

from . import actions, cleanup, services
from .forms import (
    AnswerForm,
    AssessmentForm,
    CampaignForm,
    ConsultationForm,
    DecisionForm,
    DeliberationForm,
    DocumentForm,
    FairCompetitionForm,
    FilingResultForm,
    LegalityOpinionForm,
    LegalityRequestForm,
    PublishForm,
    UploadForm,
)
from .models import (
    CleanupCampaign,
    CleanupItem,
    DocumentKind,
    NormativeDocument,
    PublicComment,
    State,
)
from .procedure import TIMELINE, Basis
from .services import DocumentError

SECTION = SECTION_BY_KEY["documents"]
PAGE_SIZE = 20
CITING_ROWS = 100


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _ctx(**kwargs: Any) -> dict[str, Any]:
    return {"section": SECTION, **kwargs}


def _document(request: HttpRequest, pk: int) -> NormativeDocument:
    document = services.visible_documents(request.user).select_related("organisation", "predecessor").filter(pk=pk).first()
    if document is None:
        if NormativeDocument.objects.filter(pk=pk).exists():
            raise PermissionDenied("您只能查看本单位的规范性文件（司法局审查人员可查看报送备案的文件）。")
        raise Http404("文件不存在。")
    return document


def _back(document: NormativeDocument, anchor: str = "") -> HttpResponseRedirect:
    return redirect(reverse("documents:detail", args=[document.pk]) + anchor)


def filtered(request: HttpRequest, documents: Any) -> tuple[Any, dict[str, str]]:
    q = request.GET.get("q", "").strip()[:100]
    state = request.GET.get("state", "")
    kind = request.GET.get("kind", "")
    year = request.GET.get("year", "")
    if state == "in_force":
        documents = documents.filter(state__in=[State.PUBLISHED, State.FILING, State.FILED])
    elif state in State.values:
        documents = documents.filter(state=state)
    if kind in DocumentKind.values:
        documents = documents.filter(kind=kind)
    if year.isdigit():
        documents = documents.filter(published_date__year=int(year))
    note = "检索词只有一个字时，只检索标题和发文字号。" if len(q) == 1 and connection.vendor == "postgresql" else ""
    return documents, {"q": q, "state": state, "kind": kind, "year": year, "note": note}


def paginate(request: HttpRequest, documents: Any, query: str = "") -> Any:
    """A page without COUNT(*) over the whole result (fast on large searches)."""
    try:
        number = min(max(int(request.GET.get("page", "1")), 1), 100_000)
    except ValueError:
        number = 1
    rows = services.search_page(documents, query, (number - 1) * PAGE_SIZE, number * PAGE_SIZE + 1)
    return {"rows": rows[:PAGE_SIZE], "number": number, "has_next": len(rows) > PAGE_SIZE, "has_previous": number > 1}


def document_list(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(f"{reverse('login')}?next={request.path}")
    actions.expire_due_documents_daily()
    documents = services.visible_documents(request.user).select_related("organisation").only(
        "pk", "title", "kind", "doc_number", "state", "published_date", "expiry_date", "is_demo",
        "organisation__name", "organisation__short_name",
    )
    documents, filters = filtered(request, documents)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "documents/list.html",
        _ctx(
            page=paginate(request, documents.order_by("-published_date", "-pk"), filters["q"]),
            filters=filters, states=State.choices, kinds=DocumentKind.choices, query=query.urlencode(),
            can_create=services.can_draft_in(request.user).exists(),
        ),
    )


@login_required
def document_create(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    organisations = services.can_draft_in(user)
    if not organisations.exists():
        raise PermissionDenied("只有起草人员可以新建规范性文件草案。")
    form = DocumentForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = actions.do_create_document(
                user, data["organisation"], title=data["title"], kind=data["kind"],
                drafting_unit=data["drafting_unit"], concerns_business=data["concerns_business"],
                requires_consultation=data["requires_consultation"],
                consultation_exemption=data["consultation_exemption"],
                validity_years=data["validity_years"], predecessor=data["predecessor"], relation=data["relation"] or "",
            )
        except DocumentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "草案已建立。请上传文本。")
            return _back(document, "#versions")
    return render(request, "documents/form.html", _ctx(form=form, heading="新建规范性文件草案"))


@login_required
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    form = DocumentForm(request.POST or None, instance=None, editing=True, initial=_initial(document))
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "lock_version"}
        try:
            actions.do_update_document(_user(request), document, form.cleaned_data["lock_version"], **data)
        except DocumentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "已保存。")
            return _back(document)
    return render(request, "documents/form.html", _ctx(form=form, heading=f"修改 {document}", document=document))


def _initial(document: NormativeDocument) -> dict[str, Any]:
    data = {name: getattr(document, name) for name in actions.EDITABLE_FIELDS}
    data["lock_version"] = document.lock_version
    return data


@dataclass
class Step:
    name: str
    status: str  # done / current / pending / skipped
    status_label: str
    basis: Basis
    optional: bool
    note: str = ""


def timeline(document: NormativeDocument) -> list[Step]:
    order = [state for state, *_ in TIMELINE]
    position = order.index(document.state) if document.state in order else len(order)
    steps = []
    for index, (state, name, basis, optional) in enumerate(TIMELINE):
        note = ""
        if state == document.state and state != State.FILED:
            status = "current"
        elif index <= position and (index < position or state == State.FILED):
            status = "done"
        else:
            status = "pending"
        if state == State.ASSESSMENT and status != "current":
            status = "done" if document.assessments.exists() else ("skipped" if index < position else "pending")
            note = "可选程序"
        if state == State.CONSULTATION and status != "current":
            if document.consultations.exists():
                status = "done" if index < position else status
            elif not document.requires_consultation:
                status, note = "skipped", f"不公开征求意见：{document.consultation_exemption}"
        if state == State.FAIR_COMPETITION and status != "current":
            if document.fair_competition_reviews.exists():
                status = "done"
            elif not document.concerns_business:
                status, note = "skipped", "不涉及经营者经济活动"
        labels = {"done": "已完成", "current": "当前", "pending": "未进行", "skipped": "未适用"}
        steps.append(Step(name, status, labels[status], basis, optional, note))
    return steps


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    user = _user(request)
    versions = list(document.versions.order_by("-number").defer("text"))
    current = document.current_version()
    consultation = document.consultations.order_by("-pk").first()
    today = timezone.localdate()
    can = {
        "edit": document.state in actions.EDITABLE_STATES and services.acts_as(user, document, ("drafter",)),
        "assessment": document.state == State.ASSESSMENT and services.acts_as(user, document, ("drafter",)),
        "legality": document.state == State.LEGALITY_REVIEW
        and services.acts_as(user, document, ("legal_reviewer", "justice_reviewer"))
        and document.legality_reviews.filter(opinion="").exists(),
        "fair": document.state in (State.LEGALITY_REVIEW, State.FAIR_COMPETITION)
        and services.acts_as(user, document, ("drafter", "legal_reviewer")),
        "deliberation": document.state == State.DELIBERATION and services.acts_as(user, document, ("leader", "drafter")),
        "filing": document.state == State.FILING and services.acts_as(user, document, ("justice_reviewer",)),
        "comments": services.acts_as(user, document, ("drafter", "legal_reviewer")),
    }
    transitions = actions.available_transitions(user, document)
    review = current.review if current else {}
    return render(
        request,
        "documents/detail.html",
        _ctx(
            document=document, versions=versions, current=current, timeline=timeline(document),
            transitions=transitions, can=can, consultation=consultation,
            groups=actions.comment_groups(consultation) if consultation else [],
            comments=consultation.comments.order_by("created_at") if consultation and can["comments"] else [],
            legality_reviews=[(r, actions.legality_time_note(r)) for r in document.legality_reviews.all()],
            fair_reviews=document.fair_competition_reviews.all(), deliberations=document.deliberations.all(),
            assessments=document.assessments.all(), filings=document.filings.select_related("authority"),
            signings=document.signings.select_related("signed_by"), publications=document.publications.all(),
            successors=document.successors.all(),
            citations=display_citations(review.get("citations", [])) if current else [],
            findings=services.findings_of(current), engine_off=current is not None and current.review_engine != "review",
            engine_off_label=services.ENGINE_OFF_LABEL,
            upload_form=UploadForm(initial={"lock_version": document.lock_version}),
            assessment_form=AssessmentForm(), consultation_form=ConsultationForm(initial={"start": today}),
            legality_request_form=LegalityRequestForm(), legality_form=LegalityOpinionForm(),
            fair_form=FairCompetitionForm(), deliberation_form=DeliberationForm(initial={"meeting_date": today}),
            publish_form=PublishForm(initial={"published_on": today, "effective_date": today, "validity_years": document.validity_years or 5}),
            filing_form=FilingResultForm(), answer_form=AnswerForm(),
            deadlines=_deadlines(document),
            history=history(document) if can_read_audit(user) else None,
        ),
    )


def display_citations(citations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**c, "status_text": STATUS_TEXT.get(c.get("status") or "", c.get("status") or "")} for c in citations]


def _deadlines(document: NormativeDocument) -> Any:
    from fazhi.workcalendar.models import Deadline

    return Deadline.objects.for_record(document).order_by("-pk")


@login_required
@require_POST
def upload_version(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return _back(document, "#versions")
    upload = form.cleaned_data.get("file")
    text = form.cleaned_data.get("text") or None
    try:
        if upload is not None:
            data = services.read_upload(upload)
            version = actions.do_add_version(
                _user(request), document, data=data, filename=upload.name,
                note=form.cleaned_data["note"], expected_lock=form.cleaned_data["lock_version"],
            )
        else:
            version = actions.do_add_version(
                _user(request), document, text=text, note=form.cleaned_data["note"],
                expected_lock=form.cleaned_data["lock_version"],
            )
    except DocumentError as error:
        messages.error(request, str(error))
        return _back(document, "#versions")
    messages.success(request, f"已保存第{version.number}稿，预审完成：引用{len(version.review.get('citations', []))}处，发现问题{version.findings_count}个。")
    return _back(document, "#versions")


@login_required
def version_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    document = _document(request, pk)
    version = get_object_or_404(document.versions, number=number)
    return render(request, "documents/version.html", _ctx(document=document, version=version,
                  citations=display_citations(version.review.get("citations", [])), findings=services.findings_of(version),
                  engine_off=version.review_engine != "review", engine_off_label=services.ENGINE_OFF_LABEL))


@login_required
def version_diff(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    numbers = list(document.versions.order_by("number").values_list("number", flat=True))
    if len(numbers) < 2:
        messages.error(request, "至少需要两稿才能比较。")
        return _back(document, "#versions")
    try:
        a = int(request.GET.get("a", numbers[-2]))
        b = int(request.GET.get("b", numbers[-1]))
    except ValueError:
        a, b = numbers[-2], numbers[-1]
    left = get_object_or_404(document.versions, number=a)
    right = get_object_or_404(document.versions, number=b)
    table = difflib.HtmlDiff(wrapcolumn=40).make_table(
        left.text.splitlines(), right.text.splitlines(), f"第{a}稿", f"第{b}稿", context=True, numlines=2
    )
    # HtmlDiff escapes the text (&, <, >) itself; the table markup is its own.
    return render(request, "documents/diff.html", _ctx(document=document, a=a, b=b, numbers=numbers,
                  table=mark_safe(table), same=left.sha256 == right.sha256))  # noqa: S308


@login_required
@require_POST
def transition(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    to = request.POST.get("to", "")
    user = _user(request)
    try:
        if to == State.CONSULTATION:
            form = ConsultationForm(request.POST)
            if not form.is_valid():
                raise DocumentError("请填写征求意见的开始日期。")
            actions.do_open_consultation(user, document, form.cleaned_data["start"], form.cleaned_data["end"])
        elif to == State.LEGALITY_REVIEW:
            body = request.POST.get("body") or "legal_office"
            actions.do_submit_legality_review(user, document, body)
        elif to == State.PUBLISHED:
            pform = PublishForm(request.POST)
            if not pform.is_valid():
                raise DocumentError("请填写公布日期、施行日期和公布载体。")
            d = pform.cleaned_data
            actions.do_publish(user, document, published_on=d["published_on"], effective_date=d["effective_date"],
                               validity_years=d["validity_years"], channel=d["channel"])
        elif to == State.DRAFTING:
            actions.do_return_for_revision(user, document, request.POST.get("reason", ""))
        else:
            actions.do_transition(user, document, to)
    except actions.TransitionRefused as refused:
        messages.error(request, f"不能办理：{refused}" + (f"（缺少：{'、'.join(refused.missing)}）" if refused.missing else ""))
    except DocumentError as error:
        messages.error(request, str(error))
    else:
        document.refresh_from_db()
        messages.success(request, f"已办理，文件现处于“{document.get_state_display()}”。")
    return _back(document)


@login_required
@require_POST
def record_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    document = _document(request, pk)
    user = _user(request)
    forms_by_step = {
        "assessment": AssessmentForm, "legality": LegalityOpinionForm, "fair": FairCompetitionForm,
        "deliberation": DeliberationForm, "filing": FilingResultForm,
    }
    form_class = forms_by_step.get(step)
    if form_class is None:
        raise Http404("没有这个办理事项。")
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, "请完整填写表单：" + "；".join(str(e) for errs in form.errors.values() for e in errs))
        return _back(document)
    d = form.cleaned_data
    try:
        if step == "assessment":
            actions.do_record_assessment(user, document, d["content"], d["conclusion"])
        elif step == "legality":
            actions.do_record_legality_opinion(user, document, d["opinion"], d["opinion_text"])
        elif step == "fair":
            actions.do_record_fair_competition(user, document, d["conclusion"], d["explanation"], d["exception_ground"])
        elif step == "deliberation":
            actions.do_record_deliberation(user, document, meeting=d["meeting"], meeting_date=d["meeting_date"],
                                           attendees=d["attendees"], decision=d["decision"], dissent=d["dissent"])
        else:
            actions.do_record_filing_result(user, document, d["result"], d["note"])
    except DocumentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "已记录。")
    return _back(document)


@login_required
@require_POST
def comment_action(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(PublicComment.objects.select_related("consultation__document"), pk=pk)
    document = _document(request, comment.consultation.document_id)
    user = _user(request)
    try:
        if "moderation" in request.POST:
            actions.do_moderate_comment(user, comment, request.POST["moderation"])
            messages.success(request, "已审核。")
        else:
            form = AnswerForm(request.POST)
            if not form.is_valid():
                raise DocumentError("请选择采纳情况并填写答复。")
            count = actions.do_answer_comment(user, comment, form.cleaned_data["adoption"], form.cleaned_data["answer"])
            messages.success(request, f"已答复{count}条意见（含内容相同的意见）。")
    except DocumentError as error:
        messages.error(request, str(error))
    return _back(document, "#comments")


@login_required
def adoption_summary(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    consultation = document.consultations.order_by("-pk").first()
    if consultation is None:
        raise Http404("该文件未公开征求意见。")
    text = consultation.summary or actions.adoption_summary(consultation)
    return render(request, "documents/summary.html", _ctx(document=document, text=text, consultation=consultation))


@login_required
def citing(request: HttpRequest) -> HttpResponse:
    law = request.GET.get("law", "").strip()[:120]
    article = request.GET.get("article", "").strip()[:60]
    documents: list[NormativeDocument] = []
    total = 0
    if law:
        found = services.visible_documents(request.user) & cleanup.citing_queryset(law, article or None)
        total = found.count()
        documents = list(found.select_related("organisation").order_by("-published_date", "-pk")[:CITING_ROWS])
    return render(request, "documents/citing.html", _ctx(law=law, article=article, documents=documents,
                                                         total=total, shown=len(documents)))


# -- cleanup -----------------------------------------------------------------------------------


def _campaign(request: HttpRequest, pk: int) -> CleanupCampaign:
    campaign = get_object_or_404(CleanupCampaign.objects.select_related("organisation"), pk=pk)
    if not (is_system_admin(request.user) or organisations_of(request.user).filter(pk=campaign.organisation_id).exists()):
        raise PermissionDenied("您只能查看本单位的清理。")
    return campaign


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    campaigns = CleanupCampaign.objects.select_related("organisation")
    if not is_system_admin(user):
        campaigns = campaigns.filter(organisation__in=organisations_of(user))
    form = CampaignForm(request.POST or None, initial={"title": f"{timezone.localdate():%Y}年度规范性文件定期清理"})
    organisation = organisations_of(user).exclude(kind="justice_bureau").first()
    if request.method == "POST" and form.is_valid() and organisation is not None:
        try:
            campaign = cleanup.do_open_campaign(user, organisation, title=form.cleaned_data["title"],
                                                older_than_years=form.cleaned_data["older_than_years"])
        except DocumentError as error:
            messages.error(request, str(error))
        else:
            return redirect("documents:campaign", pk=campaign.pk)
    return render(request, "documents/campaigns.html", _ctx(campaigns=campaigns, form=form))


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    items = campaign.items.select_related("document", "responsible").order_by("pk")
    return render(request, "documents/campaign.html", _ctx(campaign=campaign, items=items,
                                                         form=DecisionForm(organisation=campaign.organisation)))


@login_required
@require_POST
def campaign_decide(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    item = get_object_or_404(CleanupItem, pk=item_pk, campaign=campaign)
    form = DecisionForm(request.POST, organisation=campaign.organisation)
    try:
        if not form.is_valid():
            raise DocumentError("请选择清理意见并写明理由。")
        cleanup.do_decide(_user(request), item, form.cleaned_data["decision"], form.cleaned_data["reason"],
                          form.cleaned_data["responsible"])
    except DocumentError as error:
        messages.error(request, str(error))
    return redirect("documents:campaign", pk=campaign.pk)


@login_required
@require_POST
def campaign_publish(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    try:
        cleanup.do_publish_campaign(_user(request), campaign)
    except DocumentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "清理结果已公布，废止和宣布失效的文件已在公开页面更新。")
    return redirect("documents:campaign", pk=campaign.pk)
