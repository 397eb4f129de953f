"""Every change of a normative document goes through one function here.

Each `do_*` function checks the person's role and the gates of `procedure.py`, writes the
record, the audit TRANSITION entry and the deadlines, all in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from fazhi.accounts.models import Organisation, Role, User
from fazhi.audit.models import Action
from fazhi.audit.trail import record
from fazhi.core.clock import ClockError
from fazhi.workcalendar.models import Deadline
from fazhi.workcalendar.services import close_deadline, open_deadline

from . import services
from .models import (
    Adoption,
    Assessment,
    CollectiveDeliberation,
    ConsultationPeriod,
    Decision,
    DocumentVersion,
    FairCompetitionConclusion,
    FairCompetitionReview,
    Filing,
    FilingResult,
    LegalityReview,
    Moderation,
    NormativeDocument,
    Opinion,
    Publication,
    PublicComment,
    Relation,
    ReviewBody,
    Signing,
    State,
)
from .procedure import (
    B115_TIME,
    B_FILING,
    B_VALIDITY,
    CONSULTATION_GENERAL,
    CONSULTATION_MARKET,
    GATES,
    LEGALITY_REVIEW_MAX,
    TRANSITION_TO,
    VALIDITY_REVIEW_MONTHS_BEFORE,
    Gate,
)
from .services import DocumentError, StaleEdit, acts_as

EDITABLE_STATES = (
    State.DRAFTING, State.ASSESSMENT, State.LEGALITY_REVIEW, State.FAIR_COMPETITION, State.DELIBERATION,
)
KIND_CONSULTATION = "documents.consultation"
KIND_LEGALITY = "documents.legality_review"
KIND_FILING = "documents.filing"
KIND_VALIDITY = "documents.validity_review"


class NotPermitted(DocumentError):
    """The person does not hold the role this step needs."""


class TransitionRefused(DocumentError):
    def __init__(self, message: str, missing: list[str]) -> None:
        super().__init__(message)
        self.missing = missing


# -- gates -------------------------------------------------------------------------------------


def _latest(queryset: Any) -> Any:
    return queryset.order_by("-pk").first()


def _consultation_done(d: NormativeDocument) -> bool:
    if not d.requires_consultation:
        return bool(d.consultation_exemption.strip())
    return d.consultations.exists()


def _period_over(d: NormativeDocument) -> bool:
    c = _latest(d.consultations)
    return c is None or c.closed_at is not None or timezone.localdate() > c.end_date


def _comments_answered(d: NormativeDocument) -> bool:
    c = _latest(d.consultations)
    if c is None:
        return True
    open_comments = c.comments.exclude(moderation=Moderation.REJECTED).filter(answer="")
    return not open_comments.exists()


def _legality_reviewed(d: NormativeDocument) -> bool:
    return d.legality_reviews.exclude(opinion="").exists()


def _legality_not_illegal(d: NormativeDocument) -> bool:
    review = _latest(d.legality_reviews.exclude(opinion=""))
    return review is None or review.opinion != Opinion.ILLEGAL


def _fcr_passed(d: NormativeDocument) -> bool:
    review = _latest(d.fair_competition_reviews)
    return review is None or review.conclusion != FairCompetitionConclusion.NON_COMPLIANT


def _deliberation_adopted(d: NormativeDocument) -> bool:
    meeting = _latest(d.deliberations)
    return meeting is not None and meeting.decision in (Decision.ADOPTED, Decision.ADOPTED_WITH_CHANGES)


def _filing_result(d: NormativeDocument) -> bool:
    filing = _latest(d.filings)
    return filing is not None and filing.result == FilingResult.FILED


def _term_ended(d: NormativeDocument) -> bool:
    if d.expiry_date is not None and timezone.localdate() > d.expiry_date:
        return True
    return d.cleanup_items.filter(decision="declare_invalid").exists()


CHECKS: dict[str, Callable[[NormativeDocument], bool]] = {
    "has_text": lambda d: d.versions.exists(),
    "consultation_done": _consultation_done,
    "consultation_period_over": _period_over,
    "comments_answered": _comments_answered,
    "assessment_recorded": lambda d: d.state != State.ASSESSMENT or d.assessments.exists(),
    "legality_reviewed": _legality_reviewed,
    "legality_not_illegal": _legality_not_illegal,
    "fair_competition_done": lambda d: d.fair_competition_reviews.exists(),
    "fair_competition_passed": _fcr_passed,
    "deliberation_adopted": _deliberation_adopted,
    "signed": lambda d: d.signings.exists(),
    "numbered": lambda d: bool(d.doc_number),
    "published": lambda d: d.publications.exists(),
    "has_filing_authority": lambda d: d.organisation.filing_authority_id is not None,
    "filing_result": _filing_result,
    "term_ended": _term_ended,
    "cleanup_abolish": lambda d: d.cleanup_items.filter(decision="abolish").exists(),
}
assert set(CHECKS) == set(GATES), "every gate of procedure.py needs a check"


def missing_gates(document: NormativeDocument, to: str) -> list[Gate]:
    transition = TRANSITION_TO[to]
    keys = list(transition.gates)
    if document.concerns_business:
        keys += transition.business_gates
    if to in (State.CONSULTATION, State.LEGALITY_REVIEW) and document.state == State.ASSESSMENT:
        keys.append("assessment_recorded")
    return [GATES[key] for key in keys if not CHECKS[key](document)]


def check_transition(user: User | None, document: NormativeDocument, to: str) -> None:
    """Raise NotPermitted or TransitionRefused (with the missing steps); return if allowed."""
    transition = TRANSITION_TO.get(to)
    if transition is None:
        raise TransitionRefused(f"未知的目标状态“{to}”。", [])
    if document.state not in transition.sources:
        raise TransitionRefused(
            f"文件当前处于“{document.get_state_display()}”，不能“{transition.label}”。",
            [],
        )
    if user is not None and not acts_as(user, document, transition.roles):
        names = "、".join(Role(r).label for r in transition.roles)
        raise NotPermitted(f"“{transition.label}”须由{names}办理。")
    missing = missing_gates(document, to)
    if missing:
        raise TransitionRefused("".join(g.message for g in missing), [g.step for g in missing])


def available_transitions(user: User | None, document: NormativeDocument) -> list[tuple[str, str, list[Gate]]]:
    """(to, label, missing gates) for each transition open from the current state to this person."""
    rows = []
    for to, transition in TRANSITION_TO.items():
        if document.state not in transition.sources:
            continue
        if user is not None and not acts_as(user, document, transition.roles):
            continue
        rows.append((to, transition.label, missing_gates(document, to)))
    return rows


def _move(user: User | None, document: NormativeDocument, to: str, details: dict[str, Any] | None = None) -> None:
    before = document.state
    document.state = to
    document.lock_version += 1
    document.save()
    transition = TRANSITION_TO[to]
    record(
        Action.TRANSITION,
        document,
        {"from": before, "to": to, "step": transition.label, "basis": str(transition.basis), **(details or {})},
    )


def _locked(document: NormativeDocument) -> NormativeDocument:
    fresh = NormativeDocument.objects.select_for_update().select_related("organisation").get(pk=document.pk)
    return fresh


def _deadlines(document: NormativeDocument, kind: str) -> Any:
    return Deadline.objects.for_record(document).open().filter(kind=kind)


def _close(document: NormativeDocument, kind: str) -> None:
    for deadline in _deadlines(document, kind):
        close_deadline(deadline)


# -- the register and versions -----------------------------------------------------------------


def do_create_document(
    user: User, organisation: Organisation, *, title: str, kind: str, drafting_unit: str = "",
    concerns_business: bool = False, requires_consultation: bool = True,
    consultation_exemption: str = "", validity_years: int | None = None, is_demo: bool = False,
    predecessor: NormativeDocument | None = None, relation: str = "",
) -> NormativeDocument:
    if not services.can_draft_in(user).filter(pk=organisation.pk).exists():
        raise NotPermitted("只有本单位的起草人员可以新建规范性文件草案。")
    if predecessor is not None and predecessor.organisation_id != organisation.pk:
        raise DocumentError("原文件须为本单位的文件。")
    with transaction.atomic():
        document = NormativeDocument.objects.create(
            organisation=organisation, title=title.strip(), kind=kind,
            drafting_unit=drafting_unit.strip(), concerns_business=concerns_business,
            requires_consultation=requires_consultation,
            consultation_exemption=consultation_exemption.strip(),
            validity_years=validity_years, is_demo=is_demo, predecessor=predecessor,
            relation=relation if predecessor is not None else "", created_by=user,
        )
        services.reindex(document, "")
    return document


EDITABLE_FIELDS = (
    "title", "kind", "drafting_unit", "concerns_business", "requires_consultation",
    "consultation_exemption", "validity_years",
)


def _require_editable(user: User, document: NormativeDocument) -> None:
    if document.state not in EDITABLE_STATES:
        raise DocumentError(f"文件处于“{document.get_state_display()}”阶段，不能再修改。")
    if not acts_as(user, document, (Role.DRAFTER,)):
        raise NotPermitted("只有本单位的起草人员可以修改草案。")


def _check_lock(document: NormativeDocument, expected: int | None) -> None:
    if expected is not None and document.lock_version != expected:
        raise StaleEdit(
            "保存失败：在您打开本页之后，他人已修改了这份文件（编辑版本号由 "
            f"{expected} 变为 {document.lock_version}）。您的内容没有保存，也没有覆盖他人的修改；"
            "请复制您的修改，刷新页面查看最新内容后再提交。"
        )


def do_update_document(user: User, document: NormativeDocument, expected_lock: int | None, **fields: Any) -> NormativeDocument:
    with transaction.atomic():
        document = _locked(document)
        _check_lock(document, expected_lock)
        _require_editable(user, document)
        for name, value in fields.items():
            if name not in EDITABLE_FIELDS:
                raise DocumentError(f"字段“{name}”不能在此修改。")
            setattr(document, name, value.strip() if isinstance(value, str) else value)
        document.lock_version += 1
        document.save()
        services.reindex(document)
    return document


def do_add_version(
    user: User, document: NormativeDocument, *, text: str | None = None, data: bytes | None = None,
    filename: str = "", note: str = "", expected_lock: int | None = None,
) -> DocumentVersion:
    """Upload (DOCX/PDF/TXT) or edit the text: a new version, pre-reviewed and indexed."""
    if data is not None:
        text = services.extract_upload(data, filename)
    if text is None:
        raise DocumentError("请上传文件或填写文本。")
    with transaction.atomic():
        document = _locked(document)
        _check_lock(document, expected_lock)
        _require_editable(user, document)
        version = services.add_version(
            document, text, user=user, source_name=filename, source_size=len(data or b""), note=note
        )
        document.lock_version += 1
        document.save(update_fields=["lock_version", "updated_at"])
    return version


# -- transitions (one function each) -----------------------------------------------------------


def _plain_transition(user: User | None, document: NormativeDocument, to: str) -> NormativeDocument:
    """A step that only moves the state (its records are kept by the `do_record_*` functions)."""
    with transaction.atomic():
        document = _locked(document)
        check_transition(user, document, to)
        _move(user, document, to)
    return document


def do_start_assessment(user: User | None, document: NormativeDocument) -> NormativeDocument:
    return _plain_transition(user, document, State.ASSESSMENT)


def do_record_assessment(user: User, document: NormativeDocument, content: str, conclusion: str) -> Assessment:
    with transaction.atomic():
        document = _locked(document)
        if document.state != State.ASSESSMENT:
            raise DocumentError("只有在“评估论证”阶段才能记录评估论证。")
        if not acts_as(user, document, (Role.DRAFTER,)):
            raise NotPermitted("评估论证由本单位起草人员记录。")
        if not content.strip() or not conclusion.strip():
            raise DocumentError("请填写评估论证的内容和结论。")
        return Assessment.objects.create(
            document=document, content=content.strip(), conclusion=conclusion.strip(), recorded_by=user
        )


def consultation_minimum(document: NormativeDocument) -> tuple[int, str, Any]:
    return CONSULTATION_MARKET if document.concerns_business else CONSULTATION_GENERAL


def do_open_consultation(
    user: User | None, document: NormativeDocument, start: date | None = None, end: date | None = None
) -> ConsultationPeriod:
    start = start or timezone.localdate()
    amount, unit, basis = consultation_minimum(document)
    earliest_end = services.due_date(start, amount, unit)
    end = end or earliest_end
    unit_label = "个工作日" if unit == "workdays" else "日"
    if end < earliest_end:
        raise DocumentError(
            f"征求意见期限不得短于{amount}{unit_label}（自{start:%Y年%m月%d日}起算，最早截止于{earliest_end:%Y年%m月%d日}）。依据：{basis}"
        )
    with transaction.atomic():
        document = _locked(document)
        check_transition(user, document, State.CONSULTATION)
        version = document.current_version()
        assert version is not None  # the has_text gate
        consultation = ConsultationPeriod.objects.create(
            document=document, version=version, start_date=start, end_date=end,
            minimum=f"{amount}{unit_label}", basis=str(basis),
        )
        period = (amount, unit) if end == earliest_end else ((end - start).days, "days")
        open_deadline(
            organisation=document.organisation, title=f"《{document.title}》公开征求意见截止",
            start=start, amount=period[0], unit=period[1], basis=str(basis), owner=document,
            kind=KIND_CONSULTATION, responsible=user,
        )
        _move(user, document, State.CONSULTATION, {"start": start, "end": end})
    return consultation


def do_submit_legality_review(
    user: User | None, document: NormativeDocument, body: str = ReviewBody.LEGAL_OFFICE
) -> LegalityReview:
    with transaction.atomic():
        document = _locked(document)
        check_transition(user, document, State.LEGALITY_REVIEW)
        consultation = _latest(document.consultations)
        if consultation is not None and consultation.closed_at is None:
            consultation.closed_at = timezone.now()
            consultation.summary = adoption_summary(consultation)
            consultation.save()
            _close(document, KIND_CONSULTATION)
        version = document.current_version()
        assert version is not None
        today = timezone.localdate()
        review = LegalityReview.objects.create(
            document=document, version=version, body=body, submitted_on=today,
            findings=services.findings_of(version),
        )
        amount, unit, basis = LEGALITY_REVIEW_MAX
        open_deadline(
            organisation=document.organisation,
            title=f"《{document.title}》合法性审核（最长{amount}个工作日，未核实）",
            start=today, amount=amount, unit=unit, basis=str(basis), owner=document, kind=KIND_LEGALITY,
        )
        _move(user, document, State.LEGALITY_REVIEW, {"version": version.number, "body": body})
    return review


def do_record_legality_opinion(
    user: User, document: NormativeDocument, opinion: str, opinion_text: str
) -> LegalityReview:
    if opinion not in Opinion.values:
        raise DocumentError("审核意见须为“合法”“不合法”或“修改后合法”。")
    if not opinion_text.strip():
        raise DocumentError("请填写书面审核意见。")
    with transaction.atomic():
        document = _locked(document)
        if document.state != State.LEGALITY_REVIEW:
            raise DocumentError("文件未处于合法性审核阶段。")
        review: LegalityReview | None = _latest(document.legality_reviews.filter(opinion=""))
        if review is None:
            raise DocumentError("没有待出具意见的送审记录。")
        roles = (Role.LEGAL_REVIEWER,) if review.body == ReviewBody.LEGAL_OFFICE else (Role.JUSTICE_REVIEWER,)
        if not acts_as(user, document, roles):
            raise NotPermitted("合法性审核意见须由审核机构的审核人员出具。")
        today = timezone.localdate()
        review.opinion = opinion
        review.opinion_text = opinion_text.strip()
        review.reviewed_on = today
        review.reviewed_by = user
        review.working_days_used = services.working_days_between(review.submitted_on, today)
        current = document.current_version()
        review.findings = services.findings_of(current)
        review.save()
        _close(document, KIND_LEGALITY)
        record(
            Action.TRANSITION, document,
            {"step": "出具合法性审核意见", "opinion": Opinion(opinion).label,
             "working_days_used": review.working_days_used, "basis": str(B115_TIME)},
        )
    return review


def legality_time_note(review: LegalityReview) -> str:
    """The reviewer's time against the (unverified) 5–15 working-day rule."""
    if review.working_days_used is None:
        return ""
    used = review.working_days_used
    text = f"审核用时 {used} 个工作日（115号：原则上不少于5个、最长不超过15个工作日，未核实）"
    if used > LEGALITY_REVIEW_MAX[0]:
        text += "，已超过最长期限"
    return text


def do_submit_fair_competition(user: User | None, document: NormativeDocument) -> NormativeDocument:
    return _plain_transition(user, document, State.FAIR_COMPETITION)


def do_record_fair_competition(
    user: User, document: NormativeDocument, conclusion: str, explanation: str, exception_ground: str = ""
) -> FairCompetitionReview:
    if conclusion not in FairCompetitionConclusion.values:
        raise DocumentError("请选择审查结论。")
    if not explanation.strip():
        raise DocumentError("请填写书面审查结论与说明。")
    if conclusion == FairCompetitionConclusion.EXCEPTION and not exception_ground:
        raise DocumentError("适用例外规定的，须写明第十二条的哪一种情形，并说明没有影响更小的替代方案及实施期限。")
    if conclusion == FairCompetitionConclusion.NOT_APPLICABLE and document.concerns_business:
        raise DocumentError("本文件标记为涉及市场主体生产经营活动，不能以“不涉及”结束审查。")
    with transaction.atomic():
        document = _locked(document)
        if document.state not in (State.LEGALITY_REVIEW, State.FAIR_COMPETITION, State.DRAFTING):
            raise DocumentError("当前阶段不能记录公平竞争审查。")
        if not acts_as(user, document, (Role.DRAFTER, Role.LEGAL_REVIEWER)):
            raise NotPermitted("公平竞争审查由起草单位（起草人员或法制审核人员）开展。")
        review = FairCompetitionReview.objects.create(
            document=document, conclusion=conclusion, explanation=explanation.strip(),
            exception_ground=exception_ground, reviewed_by=user, reviewed_on=timezone.localdate(),
        )
        record(Action.TRANSITION, document, {"step": "公平竞争审查结论", "conclusion": review.get_conclusion_display()})
    return review


def do_submit_deliberation(user: User | None, document: NormativeDocument) -> NormativeDocument:
    return _plain_transition(user, document, State.DELIBERATION)


def do_record_deliberation(
    user: User, document: NormativeDocument, *, meeting: str, meeting_date: date, attendees: str,
    decision: str, dissent: str = "",
) -> CollectiveDeliberation:
    if decision not in Decision.values:
        raise DocumentError("请选择审议决定。")
    if not meeting.strip() or not attendees.strip():
        raise DocumentError("请填写会议名称和出席人员。")
    with transaction.atomic():
        document = _locked(document)
        if document.state != State.DELIBERATION:
            raise DocumentError("文件未处于集体审议阶段。")
        if not acts_as(user, document, (Role.LEADER, Role.DRAFTER)):
            raise NotPermitted("集体审议情况由负责人或起草人员记录。")
        meeting_record = CollectiveDeliberation.objects.create(
            document=document, meeting=meeting.strip(), meeting_date=meeting_date,
            attendees=attendees.strip(), decision=decision, dissent=dissent.strip(), recorded_by=user,
        )
        record(Action.TRANSITION, document, {"step": "集体审议", "decision": meeting_record.get_decision_display()})
    return meeting_record


def do_return_for_revision(user: User | None, document: NormativeDocument, reason: str = "") -> NormativeDocument:
    with transaction.atomic():
        document = _locked(document)
        check_transition(user, document, State.DRAFTING)
        for kind in (KIND_LEGALITY, KIND_CONSULTATION):
            _close(document, kind)
        _move(user, document, State.DRAFTING, {"reason": reason})
    return document


def do_sign(user: User | None, document: NormativeDocument) -> Signing:
    with transaction.atomic():
        document = _locked(document)
        check_transition(user, document, State.SIGNED)
        today = timezone.localdate()
        signing = Signing.objects.create(document=document, signed_by=user, signed_on=today)
        if document.written_date is None:
            document.written_date = today
        _move(user, document, State.SIGNED)
    return signing


def do_number(user: User | None, document: NormativeDocument, year: int | None = None) -> str:
    return services.retry_if_locked(lambda: _number(user, document, year))


def _number(user: User | None, document: NormativeDocument, year: int | None) -> str:
    with transaction.atomic():
        document = _locked(document)
        check_transition(user, document, State.NUMBERED)
        year = year or (document.written_date or timezone.localdate()).year
        number = services.allocate_number(document, year)
        services.reindex(document)
        _move(user, document, State.NUMBERED, {"doc_number": number})
    return number


def do_publish(
    user: User | None, document: NormativeDocument, *, published_on: date | None = None,
    channel: str = "本单位门户网站“政府信息公开—规范性文件”栏目", effective_date: date | None = None,
    validity_years: int | None = None,
) -> Publication:
    published_on = published_on or timezone.localdate()
    with transaction.atomic():
        document = _locked(document)
        check_transition(user, document, State.PUBLISHED)
        publication = Publication.objects.create(
            document=document, published_on=published_on, channel=channel, published_by=user
        )
        document.published_date = published_on
        document.effective_date = effective_date or document.effective_date or published_on
        if validity_years:
            document.validity_years = validity_years
        if document.validity_years:
            document.expiry_date = services.add_months(
                document.effective_date, 12 * document.validity_years
            ) - timedelta(days=1)
        _move(user, document, State.PUBLISHED, {"published_on": published_on, "channel": channel})
        authority = document.organisation.filing_authority
        if authority is not None:
            open_deadline(
                organisation=document.organisation, title=f"《{document.title}》报送{authority.short_name or authority.name}备案",
                start=published_on, amount=services.filing_days(), unit="days",
                basis=str(B_FILING), owner=document, kind=KIND_FILING,
            )
        _open_validity_reminder(document)
        _apply_to_predecessor(user, document)
    return publication


def _open_validity_reminder(document: NormativeDocument) -> bool:
    """Open the 届满前评估 reminder; False when its date lies beyond the working calendar."""
    _close(document, KIND_VALIDITY)
    if document.expiry_date is None or document.published_date is None:
        return False
    remind_on = services.add_months(document.expiry_date, -VALIDITY_REVIEW_MONTHS_BEFORE)
    days = max((remind_on - document.published_date).days, 1)
    try:
        with transaction.atomic():
            open_deadline(
                organisation=document.organisation,
                title=f"《{document.title}》有效期至{document.expiry_date:%Y-%m-%d}，届满前6个月评估（延期、修改或到期失效）",
                start=document.published_date, amount=days, unit="days", basis=str(B_VALIDITY),
                owner=document, kind=KIND_VALIDITY,
                period_note=f"有效期届满前{VALIDITY_REVIEW_MONTHS_BEFORE}个月",
            )
    except ClockError:
        # Beyond the working calendar's range: `daily()` opens it once the year is in range.
        return False
    return True


def _apply_to_predecessor(user: User | None, document: NormativeDocument) -> None:
    old = document.predecessor
    if old is None or old.state not in (State.PUBLISHED, State.FILING, State.FILED):
        return
    old = _locked(old)
    if document.relation == Relation.EXTENDS and document.expiry_date:
        old.expiry_date = document.expiry_date
        old.lock_version += 1
        old.save()
        _open_validity_reminder(old)
        record(Action.TRANSITION, old, {"step": "延长有效期", "by": str(document), "expiry_date": old.expiry_date})
    elif document.relation in (Relation.REVISES, Relation.REPLACES):
        old.abolished_date = document.effective_date
        _close(old, KIND_VALIDITY)
        _move(user, old, State.ABOLISHED, {"replaced_by": str(document), "relation": document.relation})


def do_submit_filing(user: User | None, document: NormativeDocument) -> Filing:
    with transaction.atomic():
        document = _locked(document)
        check_transition(user, document, State.FILING)
        authority = document.organisation.filing_authority
        assert authority is not None  # the has_filing_authority gate
        filing = Filing.objects.create(
            document=document, authority=authority, submitted_on=timezone.localdate(), submitted_by=user
        )
        _close(document, KIND_FILING)
        _move(user, document, State.FILING, {"authority": authority.name})
    return filing


def do_record_filing_result(user: User, document: NormativeDocument, result: str, note: str = "") -> Filing:
    """The 司法局 reviewer's result; 予以备案 completes the procedure (state 已备案)."""
    if result not in (FilingResult.FILED, FilingResult.CORRECTION):
        raise DocumentError("请选择“予以备案”或“要求纠正”。")
    if result == FilingResult.CORRECTION and not note.strip():
        raise DocumentError("要求纠正的，请写明审查意见。")
    with transaction.atomic():
        document = _locked(document)
        if document.state != State.FILING:
            raise DocumentError("文件未处于报送备案状态。")
        if not acts_as(user, document, (Role.JUSTICE_REVIEWER,)):
            raise NotPermitted("备案审查结果须由备案审查机关（司法局）的审查人员记录。")
        filing: Filing | None = _latest(document.filings)
        if filing is None:
            raise DocumentError("没有报送备案的记录。")
        filing.result = result
        filing.result_note = note.strip()
        filing.reviewed_by = user
        filing.reviewed_on = timezone.localdate()
        filing.save()
        if result == FilingResult.FILED:
            check_transition(user, document, State.FILED)
            _move(user, document, State.FILED, {"result": filing.get_result_display()})
        else:
            record(Action.TRANSITION, document, {"step": "备案审查", "result": filing.get_result_display(), "note": note})
    return filing


def do_accept_filing(user: User | None, document: NormativeDocument) -> Filing:
    """`{"to": "filed"}` through the API: 予以备案."""
    if user is None:
        raise NotPermitted("备案审查结果须由司法局审查人员记录。")
    return do_record_filing_result(user, document, FilingResult.FILED)


def do_expire(user: User | None, document: NormativeDocument) -> NormativeDocument:
    with transaction.atomic():
        document = _locked(document)
        check_transition(user, document, State.EXPIRED)
        _close(document, KIND_VALIDITY)
        _close(document, KIND_FILING)
        _move(user, document, State.EXPIRED, {"expiry_date": document.expiry_date})
    return document


def do_abolish(user: User | None, document: NormativeDocument, on: date | None = None) -> NormativeDocument:
    with transaction.atomic():
        document = _locked(document)
        check_transition(user, document, State.ABOLISHED)
        document.abolished_date = on or timezone.localdate()
        for kind in (KIND_VALIDITY, KIND_FILING):
            _close(document, kind)
        _move(user, document, State.ABOLISHED, {"abolished_date": document.abolished_date})
    return document


def ensure_validity_reminders() -> int:
    """Open the 届满前评估 reminder of documents in force that have none yet."""
    opened = 0
    candidates = NormativeDocument.objects.filter(
        state__in=[State.PUBLISHED, State.FILING, State.FILED], expiry_date__isnull=False
    ).select_related("organisation")
    content_type = ContentType.objects.get_for_model(NormativeDocument)
    have = set(
        Deadline.objects.filter(content_type=content_type, kind=KIND_VALIDITY).values_list("object_id", flat=True)
    )
    for document in candidates.exclude(pk__in=have)[:1000]:
        opened += _open_validity_reminder(document)
    return opened


def daily(today: date | None = None) -> dict[str, int]:
    """What a daily job does: expire ended documents, open reminders now in calendar range."""
    return {"expired": expire_due_documents(today), "reminders": ensure_validity_reminders()}


def expire_due_documents_daily() -> int:
    """`expire_due_documents` at most once a day per process (the lists call it on the way)."""
    today = timezone.localdate()
    if not cache.add(f"documents:expired-checked:{today.isoformat()}", True, timeout=24 * 3600):
        return 0
    return expire_due_documents(today)


def expire_due_documents(today: date | None = None) -> int:
    """Documents whose term has ended become 失效 (run daily and before listing)."""
    today = today or timezone.localdate()
    due = NormativeDocument.objects.filter(
        state__in=[State.PUBLISHED, State.FILING, State.FILED], expiry_date__lt=today
    ).order_by("expiry_date").values_list("pk", flat=True)  # the (state, expiry_date) index
    count = 0
    for pk in list(due[:500]):
        try:
            do_expire(None, NormativeDocument(pk=pk))
            count += 1
        except DocumentError:
            continue
    return count


# -- public comments ---------------------------------------------------------------------------

COMMENT_LIMIT = 5  # per address …
COMMENT_WINDOW_MINUTES = 10  # … in this many minutes
MAX_COMMENT_CHARS = 3000


def open_consultation(document: NormativeDocument) -> ConsultationPeriod | None:
    if document.state != State.CONSULTATION:
        return None
    c: ConsultationPeriod | None = _latest(document.consultations)
    today = timezone.localdate()
    if c is None or c.closed_at is not None or not (c.start_date <= today <= c.end_date):
        return None
    return c


def do_submit_comment(document: NormativeDocument, *, text: str, name: str = "", contact: str = "", ip: str = "") -> PublicComment:
    """A comment from the public page: rate-limited per address, stored for moderation."""
    document = NormativeDocument.objects.get(pk=document.pk)
    consultation = open_consultation(document)
    if consultation is None:
        raise DocumentError("该草案目前不在公开征求意见期内。")
    text = text.strip()
    if not text:
        raise DocumentError("请填写意见内容。")
    if len(text) > MAX_COMMENT_CHARS:
        raise DocumentError(f"意见内容不超过{MAX_COMMENT_CHARS}字。")
    since = timezone.now() - timedelta(minutes=COMMENT_WINDOW_MINUTES)
    if ip and PublicComment.objects.filter(ip=ip, created_at__gte=since).count() >= COMMENT_LIMIT:
        raise DocumentError(f"提交过于频繁：同一来源{COMMENT_WINDOW_MINUTES}分钟内最多提交{COMMENT_LIMIT}条意见，请稍后再试。")
    return PublicComment.objects.create(
        consultation=consultation, text=text, name=name.strip()[:60], contact=contact.strip()[:60],
        ip=ip[:45], group_key=services.comment_group_key(text),
    )


def _require_comment_handler(user: User, comment: PublicComment) -> NormativeDocument:
    document = comment.consultation.document
    if not acts_as(user, document, (Role.DRAFTER, Role.LEGAL_REVIEWER)):
        raise NotPermitted("公众意见由起草单位审核和答复。")
    return document


def do_moderate_comment(user: User, comment: PublicComment, moderation: str) -> PublicComment:
    if moderation not in (Moderation.APPROVED, Moderation.REJECTED):
        raise DocumentError("请选择“通过”或“不予显示”。")
    with transaction.atomic():
        _require_comment_handler(user, comment)
        comment.moderation = moderation
        comment.save()
    return comment


def do_answer_comment(user: User, comment: PublicComment, adoption: str, answer: str) -> int:
    """Answer a comment and every duplicate in its group; returns how many were answered."""
    if adoption not in Adoption.values:
        raise DocumentError("请选择采纳情况。")
    if not answer.strip():
        raise DocumentError("请填写答复内容。")
    with transaction.atomic():
        _require_comment_handler(user, comment)
        group = PublicComment.objects.filter(
            consultation=comment.consultation, group_key=comment.group_key
        ).exclude(moderation=Moderation.REJECTED)
        count = 0
        for item in group:
            item.adoption = adoption
            item.answer = answer.strip()
            item.answered_by = user
            item.answered_at = timezone.now()
            if item.moderation == Moderation.PENDING:
                item.moderation = Moderation.APPROVED
            item.save()
            count += 1
    return count


@dataclass
class CommentGroup:
    first: PublicComment
    count: int


def comment_groups(consultation: ConsultationPeriod) -> list[CommentGroup]:
    groups: dict[str, CommentGroup] = {}
    for comment in consultation.comments.exclude(moderation=Moderation.REJECTED).order_by("created_at", "pk"):
        if comment.group_key in groups:
            groups[comment.group_key].count += 1
        else:
            groups[comment.group_key] = CommentGroup(comment, 1)
    return list(groups.values())


def adoption_summary(consultation: ConsultationPeriod) -> str:
    """意见采纳情况说明, generated from the answers."""
    document = consultation.document
    groups = comment_groups(consultation)
    total = sum(g.count for g in groups)
    lines = [
        f"关于《{document.title}》公开征求意见采纳情况的说明",
        "",
        f"　　{document.organisation.name}于{consultation.start_date:%Y年%m月%d日}至{consultation.end_date:%Y年%m月%d日}"
        f"就《{document.title}》（征求意见稿）向社会公开征求意见，期限依据：{consultation.basis}。",
    ]
    if not groups:
        lines.append("　　征求意见期间未收到意见建议。")
        return "\n".join(lines)
    counts = {a: 0 for a in Adoption.values}
    for g in groups:
        if g.first.adoption:
            counts[g.first.adoption] += g.count
    lines.append(
        f"　　共收到有效意见建议{total}条（内容相同的合并为{len(groups)}项），其中采纳{counts['adopted']}条、"
        f"部分采纳{counts['partly']}条、不予采纳{counts['not_adopted']}条、解释说明{counts['explained']}条。具体情况如下："
    )
    for index, g in enumerate(groups, 1):
        c = g.first
        merged = f"（相同意见{g.count}条）" if g.count > 1 else ""
        label = Adoption(c.adoption).label if c.adoption else "尚未答复"
        lines.append(f"　　{index}. 意见{merged}：{c.text}")
        lines.append(f"　　　处理情况：{label}。{c.answer}")
    not_adopted = counts["not_adopted"]
    if not_adopted:
        lines.append("　　对不予采纳的意见，已在上文逐项说明理由。")
    return "\n".join(lines)


# -- the API's transition endpoint -------------------------------------------------------------

TRANSITION_FUNCTIONS: dict[str, Callable[[User | None, NormativeDocument], Any]] = {
    State.ASSESSMENT: do_start_assessment,
    State.CONSULTATION: do_open_consultation,
    State.LEGALITY_REVIEW: do_submit_legality_review,
    State.FAIR_COMPETITION: do_submit_fair_competition,
    State.DELIBERATION: do_submit_deliberation,
    State.DRAFTING: do_return_for_revision,
    State.SIGNED: do_sign,
    State.NUMBERED: do_number,
    State.PUBLISHED: do_publish,
    State.FILING: do_submit_filing,
    State.FILED: do_accept_filing,
    State.EXPIRED: do_expire,
    State.ABOLISHED: do_abolish,
}
assert set(TRANSITION_FUNCTIONS) == set(TRANSITION_TO)


def do_transition(user: User | None, document: NormativeDocument, to: str) -> NormativeDocument:
    function = TRANSITION_FUNCTIONS.get(to)
    if function is None:
        raise TransitionRefused(f"未知的目标状态“{to}”。", [])
    function(user, document)
    return NormativeDocument.objects.get(pk=document.pk)
