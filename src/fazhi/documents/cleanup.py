"""清理: campaigns listing every document in force with the system's reasons to look at it.

A change of a cited law's status (found through the reverse citation index) opens a
campaign of kind 上位法立改废, or adds to the organisation's open one.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from fazhi.accounts.models import Organisation, Role, User
from fazhi.audit.models import Action
from fazhi.audit.trail import record
from fazhi.core.catalog import Catalog
from fazhi.core.catalog.models import STATUS_ABOLISHED, STATUS_EXPIRED
from fazhi.laws.models import LawStatusChange
from fazhi.laws.services import current_catalog

from . import actions, services
from .models import (
    IN_FORCE_STATES,
    CampaignKind,
    CampaignStatus,
    CleanupCampaign,
    CleanupDecision,
    CleanupItem,
    NormativeDocument,
    VersionCitation,
)
from .procedure import B_CLEANUP, VALIDITY_REVIEW_MONTHS_BEFORE
from .services import DocumentError, acts_as

ENDED_STATUSES = ("abolished", "expired")
# The catalog's statuses (Chinese) as the citation index stores them.
CATALOG_STATUS = {STATUS_ABOLISHED: "abolished", STATUS_EXPIRED: "expired"}
STATUS_WORDS = {"abolished": "已废止", "expired": "已失效", "amended_since": "在文件制定后已修改",
                "partly_void": "部分失效", "unknown_article": "无所引条文"}


def reasons_for(document: NormativeDocument, today: date, older_than_years: int) -> list[str]:
    reasons: list[str] = []
    if document.expiry_date is not None:
        if document.expiry_date < today:
            reasons.append(f"有效期已于{document.expiry_date:%Y年%m月%d日}届满")
        elif document.expiry_date <= services.add_months(today, VALIDITY_REVIEW_MONTHS_BEFORE):
            reasons.append(f"有效期将于{document.expiry_date:%Y年%m月%d日}届满（6个月内）")
    seen = set()
    for cite in document.citations.filter(current=True).exclude(status__in=["", "current", "unknown"]):
        word = STATUS_WORDS.get(cite.status)
        if word is None or (cite.law_id, cite.status) in seen:
            continue
        seen.add((cite.law_id, cite.status))
        reasons.append(f"引用的《{cite.law_title}》{word}")
    start = document.effective_date or document.published_date
    if start is not None and start <= services.add_months(today, -12 * older_than_years):
        reasons.append(f"施行已满{older_than_years}年（{start:%Y年%m月%d日}起施行）")
    version = document.current_version()
    if version is not None and version.findings_count:
        reasons.append(f"预审发现{version.findings_count}个问题")
    return reasons


def _in_force(organisation: Organisation) -> list[NormativeDocument]:
    return list(NormativeDocument.objects.filter(organisation=organisation, state__in=IN_FORCE_STATES).order_by("published_date", "pk"))


def _can_run(user: User | None, organisation: Organisation) -> bool:
    if user is None:
        return True
    probe = NormativeDocument(organisation=organisation)
    return acts_as(user, probe, (Role.LEADER, Role.LEGAL_REVIEWER, Role.DRAFTER))


def do_open_campaign(
    user: User | None, organisation: Organisation, *, title: str, kind: str = CampaignKind.PERIODIC,
    trigger: str = "", older_than_years: int = 5, today: date | None = None, is_demo: bool = False,
) -> CleanupCampaign:
    """A campaign listing every document in force, each with the reasons to look at it."""
    if not _can_run(user, organisation):
        raise actions.NotPermitted("清理由本单位负责人、法制审核人员或起草人员发起。")
    today = today or timezone.localdate()
    with transaction.atomic():
        campaign = CleanupCampaign.objects.create(
            organisation=organisation, title=title.strip(), kind=kind, trigger=trigger,
            older_than_years=older_than_years, started_on=today, created_by=user, is_demo=is_demo,
        )
        for document in _in_force(organisation):
            CleanupItem.objects.create(
                campaign=campaign, document=document, reasons=reasons_for(document, today, older_than_years)
            )
        record(Action.TRANSITION, campaign, {"step": "发起清理", "basis": str(B_CLEANUP), "items": campaign.items.count()})
    return campaign


def do_decide(
    user: User, item: CleanupItem, decision: str, reason: str, responsible: User | None = None
) -> CleanupItem:
    if decision not in CleanupDecision.values:
        raise DocumentError("请选择清理意见（保留、修改、废止或宣布失效）。")
    if not reason.strip():
        raise DocumentError("请写明清理意见的理由。")
    if item.campaign.status != CampaignStatus.OPEN:
        raise DocumentError("清理结果已公布，不能再修改。")
    if not _can_run(user, item.campaign.organisation):
        raise actions.NotPermitted("清理意见由本单位负责人、法制审核人员或起草人员填写。")
    with transaction.atomic():
        item.decision = decision
        item.decision_reason = reason.strip()
        item.responsible = responsible or user
        item.decided_on = timezone.localdate()
        item.save()
    return item


def do_publish_campaign(user: User | None, campaign: CleanupCampaign, today: date | None = None) -> CleanupCampaign:
    """Publish the result list and apply 废止 / 宣布失效 to the documents."""
    today = today or timezone.localdate()
    if user is not None and not acts_as(user, NormativeDocument(organisation=campaign.organisation), (Role.LEADER,)):
        raise actions.NotPermitted("清理结果由负责人决定公布。")
    with transaction.atomic():
        campaign = CleanupCampaign.objects.select_for_update().get(pk=campaign.pk)
        if campaign.status != CampaignStatus.OPEN:
            raise DocumentError("清理结果已经公布。")
        undecided = campaign.items.filter(decision="").count()
        if undecided:
            raise actions.TransitionRefused(
                f"还有{undecided}件文件没有清理意见，不能公布清理结果。", ["逐件提出清理意见"]
            )
        for item in campaign.items.select_related("document"):
            if item.document.state not in IN_FORCE_STATES:
                continue
            if item.decision == CleanupDecision.ABOLISH:
                actions.do_abolish(None, item.document, on=today)
            elif item.decision == CleanupDecision.DECLARE_INVALID:
                actions.do_expire(None, item.document)
        campaign.status = CampaignStatus.PUBLISHED
        campaign.published_on = today
        campaign.save()
        record(Action.TRANSITION, campaign, {"step": "公布清理结果", "basis": str(B_CLEANUP)})
    return campaign


# -- law changes -------------------------------------------------------------------------------


def citing_queryset(law_id: str, article: str | None = None) -> QuerySet[NormativeDocument]:
    """Documents whose current text cites the law (and article): the reverse index."""
    rows = VersionCitation.objects.filter(law_id=law_id, current=True)
    if article:
        rows = rows.filter(article=article)
    # The ids first (an index-only scan of the reverse index), then the documents by primary key:
    # a subquery lets the planner scan every document instead.
    ids = sorted(set(rows.values_list("document_id", flat=True)))
    return NormativeDocument.objects.filter(pk__in=ids).order_by("-published_date", "-pk")


def documents_citing(law_id: str, article: str | None = None) -> list[NormativeDocument]:
    return list(citing_queryset(law_id, article))


def do_law_status_changed(
    law_id: str, new_status: str, *, note: str = "", user: User | None = None, today: date | None = None
) -> list[CleanupCampaign]:
    """A cited law changed status: mark the index and put the documents in force on a campaign."""
    today = today or timezone.localdate()
    word = STATUS_WORDS.get(new_status, new_status)
    campaigns: list[CleanupCampaign] = []
    with transaction.atomic():
        rows = VersionCitation.objects.filter(law_id=law_id, current=True)
        law_title = rows.values_list("law_title", flat=True).first() or law_id
        rows.update(status=new_status)
        affected = NormativeDocument.objects.filter(
            pk__in=rows.values("document_id"), state__in=IN_FORCE_STATES
        ).select_related("organisation")
        by_org: dict[int, list[NormativeDocument]] = {}
        for document in affected:
            by_org.setdefault(document.organisation_id, []).append(document)
        reason = f"引用的《{law_title}》{word}" + (f"（{note}）" if note else "")
        for documents in by_org.values():
            organisation = documents[0].organisation
            campaign = CleanupCampaign.objects.filter(
                organisation=organisation, kind=CampaignKind.LAW_CHANGE, status=CampaignStatus.OPEN
            ).first()
            if campaign is None:
                campaign = CleanupCampaign.objects.create(
                    organisation=organisation, kind=CampaignKind.LAW_CHANGE,
                    title=f"上位法立改废引起的清理（{today:%Y年%m月}）", trigger=reason,
                    started_on=today, created_by=user,
                )
            else:
                campaign.trigger = (campaign.trigger + "\n" + reason).strip()
                campaign.save()
            for document in documents:
                item, created = CleanupItem.objects.get_or_create(
                    campaign=campaign, document=document, defaults={"reasons": [reason]}
                )
                if not created and reason not in item.reasons:
                    item.reasons = [*item.reasons, reason]
                    item.save()
            record(Action.TRANSITION, campaign, {"step": "上位法状态变化", "law": law_title, "status": word, "documents": [d.pk for d in documents]})
            campaigns.append(campaign)
    return campaigns


def sync_law_statuses(catalog: Catalog | None = None, today: date | None = None) -> list[CleanupCampaign]:
    """Compare the index with the catalog; each law now abolished or expired opens a campaign."""
    catalog = catalog or current_catalog()
    today = today or timezone.localdate()
    law_ids = (
        VersionCitation.objects.filter(current=True, document__state__in=IN_FORCE_STATES)
        .exclude(status__in=ENDED_STATUSES).values_list("law_id", flat=True).distinct()
    )
    campaigns: list[CleanupCampaign] = []
    for law_id in list(law_ids):
        law = catalog.get(law_id)
        if law is None:
            continue
        status = CATALOG_STATUS.get(law.status_on(today), "")
        if status in ENDED_STATUSES:
            event = law.end_event(today)
            note = event.source if event is not None else ""
            campaigns.extend(do_law_status_changed(law_id, status, note=note, today=today))
    return list({c.pk: c for c in campaigns}.values())


def on_law_status_changed(sender: object, law_id: str, change: LawStatusChange, **kwargs: object) -> None:
    """A status recorded in the law catalog puts the documents citing that law on a campaign."""
    status = CATALOG_STATUS.get(change.status)
    if status is not None:
        do_law_status_changed(law_id, status, note=change.source, user=change.created_by)
