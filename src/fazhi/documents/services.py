"""Text intake, pre-review, the reverse citation index, search, numbering and the clock."""

from __future__ import annotations

import hashlib
import logging
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import Q, QuerySet, Value
from django.db.models.functions import StrIndex

from fazhi.accounts.models import Membership, Organisation, Role, User
from fazhi.accounts.permissions import (
    AnyUser,
    filing_authority_for,
    is_system_admin,
    organisations_of,
)
from fazhi.core import text as core_text
from fazhi.core.citations import analyze
from fazhi.core.review import review_text
from fazhi.laws.services import current_catalog
from fazhi.web import uploads
from fazhi.workcalendar.services import calendar

from .models import (
    IN_FORCE_STATES,
    DocumentVersion,
    LegalityReview,
    NormativeDocument,
    NumberCounter,
    ReviewBody,
    State,
    VersionCitation,
)
from .procedure import FILING_DEFAULT_DAYS

# Longer texts are refused: no normative document comes near it.
MAX_TEXT_CHARS = 500_000
T = TypeVar("T")
logger = logging.getLogger(__name__)
ENGINE_OFF_LABEL = "预审引擎出错，仅核对了引用的法律"


class DocumentError(Exception):
    """A request the documents module refuses, with a Chinese message."""


class StaleEdit(DocumentError):
    """Optimistic locking: someone else saved the record since this form was opened."""


# -- who may see what ---------------------------------------------------------------------------


def visible_documents(user: AnyUser) -> QuerySet[NormativeDocument]:
    """Own organisations' documents; for a 司法局 reviewer also those filed with the bureau."""
    documents = NormativeDocument.objects.all()
    if is_system_admin(user):
        return documents
    if not user.is_authenticated:
        return documents.none()
    own = Q(organisation__in=organisations_of(user))
    bureau_orgs = filing_authority_for(user)
    if not bureau_orgs.exists():
        return documents.filter(own)  # one plain condition keeps the list's index usable
    filed = Q(organisation__in=bureau_orgs, state__in=[State.FILING, State.FILED, State.EXPIRED, State.ABOLISHED])
    # Drafts sent to the 司法局 for 合法性审核 (115号: the government's review body).
    sent = Q(pk__in=LegalityReview.objects.filter(
        body=ReviewBody.JUSTICE_BUREAU, document__organisation__in=bureau_orgs
    ).values("document_id"))
    return documents.filter(own | filed | sent)


def public_documents() -> QuerySet[NormativeDocument]:
    return NormativeDocument.objects.filter(
        state__in=[*IN_FORCE_STATES, State.EXPIRED, State.ABOLISHED]
    )


def acts_as(user: AnyUser, document: NormativeDocument, roles: tuple[str, ...]) -> bool:
    """Does the person hold one of `roles` for this document's organisation?

    司法局 reviewers act at the organisation's filing authority.
    """
    if not isinstance(user, User):
        return False
    own_roles = [r for r in roles if r != Role.JUSTICE_REVIEWER]
    if own_roles and Membership.objects.filter(
        user=user, organisation_id=document.organisation_id, role__in=own_roles
    ).exists():
        return True
    if Role.JUSTICE_REVIEWER in roles and document.organisation.filing_authority_id:
        return Membership.objects.filter(
            user=user,
            organisation_id=document.organisation.filing_authority_id,
            role=Role.JUSTICE_REVIEWER,
        ).exists()
    return False


def can_draft_in(user: AnyUser) -> QuerySet[Organisation]:
    if not isinstance(user, User):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user, memberships__role=Role.DRAFTER).distinct()


# -- text intake and pre-review ------------------------------------------------------------------


def extract_upload(data: bytes, filename: str) -> str:
    """The text of an uploaded DOCX/PDF/TXT, through the one upload intake."""
    try:
        return clean_text(uploads.extract_upload(data, filename))
    except uploads.UploadRefused as error:
        raise DocumentError(str(error)) from error


def clean_text(text: str) -> str:
    text = core_text.normalize_text(text).strip()
    if not text:
        raise DocumentError("文件中没有可提取的文字（扫描件请先进行文字识别）。")
    if len(text) > MAX_TEXT_CHARS:
        raise DocumentError(f"文本过长（{len(text)} 字），上限为 {MAX_TEXT_CHARS} 字。")
    return text


@dataclass
class PreReview:
    engine: str
    result: dict[str, Any]
    findings: list[dict[str, Any]]
    citations: list[dict[str, Any]]


def pre_review(text: str, document_date: date | None = None) -> PreReview:
    """The review engine; should it fail on a text, the citation check alone."""
    catalog = current_catalog()  # the bundled catalog plus the department's own additions
    citations: list[dict[str, Any]] | None = None
    report = None
    try:
        report = review_text(text, document_date=document_date, catalog=catalog)
    except Exception:  # the engine failing must not lose the upload: fall back, and log it
        logger.exception("pre-review engine failed; citation check only")
    if report is not None:
        result = report.to_json()
        document_summary = result.get("document")
        if isinstance(document_summary, dict):
            # The version keeps the text itself; do not store it twice.
            document_summary.pop("plain_text", None)
            document_summary.pop("layout", None)
        findings = list(result.get("findings") or [])
        found = result.get("citations")
        if isinstance(found, list) and all(isinstance(c, dict) for c in found):
            citations = found
        engine = "review"
    else:
        result, findings, engine = {}, [], "citations"
    if citations is None:
        citations = analyze(text, catalog, document_date=document_date).to_json()["citations"]
    if engine == "citations":
        result = {"citations": citations}
    return PreReview(engine, result, findings, citations)


def add_version(
    document: NormativeDocument,
    text: str,
    *,
    user: User | None,
    source_name: str = "",
    source_size: int = 0,
    note: str = "",
) -> DocumentVersion:
    """A new version: text, hash, pre-review, reverse index rows, search text."""
    text = clean_text(text)
    review = pre_review(text, document.written_date or document.published_date)
    register = register_findings(review.citations, exclude=document)
    if register:
        review.findings = [*review.findings, *register]
        review.result["findings"] = [*(review.result.get("findings") or []), *register]
    with transaction.atomic():
        last = document.versions.order_by("-number").values_list("number", flat=True).first() or 0
        version = DocumentVersion.objects.create(
            document=document,
            number=last + 1,
            source_name=source_name[:200],
            source_size=source_size,
            sha256=hashlib.sha256(text.encode()).hexdigest(),
            text=text,
            note=note[:200],
            review_engine=review.engine,
            review=review.result,
            findings_count=len(review.findings),
            created_by=user,
        )
        VersionCitation.objects.filter(document=document, current=True).update(current=False)
        VersionCitation.objects.bulk_create(citation_rows(version, review.citations))
        reindex(document, text)
    return version


def citation_rows(version: DocumentVersion, citations: list[dict[str, Any]]) -> list[VersionCitation]:
    rows, seen = [], set()
    for c in citations:
        law_id = c.get("law_id")
        if not law_id:
            continue
        key = (law_id, c.get("article") or "")
        if key in seen:
            continue
        seen.add(key)
        rows.append(
            VersionCitation(
                version=version,
                document_id=version.document_id,
                current=True,
                law_id=str(law_id)[:120],
                law_title=str(c.get("law") or law_id)[:200],
                article=str(c.get("article") or "")[:60],
                status=str(c.get("status") or "")[:20],
                quote=str(c.get("quote") or "")[:300],
            )
        )
    return rows


SEVERITY_TEXT = {"error": "错误", "warning": "警示", "info": "提示"}
NOT_A_BASIS = {
    State.EXPIRED: "已失效", State.ABOLISHED: "已废止",
}


def register_findings(citations: list[dict[str, Any]], exclude: NormativeDocument | None = None) -> list[dict[str, Any]]:
    """Citations of normative documents in this register that are not in force.

    未经公布的行政规范性文件不得作为行政管理依据 (优化营商环境条例第六十四条第二款), and a document
    that has expired or been abolished is no basis either.
    """
    from .procedure import B_PUBLISH

    found = []
    seen: set[int] = set()
    for c in citations:
        if c.get("law_id"):
            continue  # a catalogued law or regulation, not one of ours
        number, title = c.get("doc_number") or "", c.get("law") or ""
        candidates = NormativeDocument.objects.none()
        if number:
            candidates = NormativeDocument.objects.filter(doc_number=number)
        elif title:
            candidates = NormativeDocument.objects.filter(title=title)
        if exclude is not None:
            candidates = candidates.exclude(pk=exclude.pk)
        documents = list(candidates[:5])
        if not documents or any(d.in_force for d in documents):
            continue
        cited = documents[0]
        if cited.pk in seen:
            continue
        seen.add(cited.pk)
        status = NOT_A_BASIS.get(State(cited.state), "尚未公布")
        found.append({
            "rule": "documents.not-in-force", "category": "citation", "severity": "error",
            "start": c.get("start"), "end": c.get("end"), "quote": c.get("quote") or title,
            "message": f"引用的{cited}{status}，不得作为行政管理依据。",
            "basis": [B_PUBLISH.text], "suggestion": "删除该依据，或改为引用现行有效的文件。",
        })
    return found


def findings_of(version: DocumentVersion | None) -> list[dict[str, Any]]:
    """The pre-review's findings of a version, each with a Chinese severity label."""
    if version is None:
        return []
    findings = [f for f in version.review.get("findings") or [] if isinstance(f, dict)]
    return [{**f, "severity_text": SEVERITY_TEXT.get(str(f.get("severity")), str(f.get("severity") or ""))} for f in findings]


# -- search ------------------------------------------------------------------------------------

_TOKEN_CHARS = re.compile(r"\w", re.UNICODE)


def unigrams(text: str) -> str:
    """Every word character separated by a space: FTS5 unicode61 then indexes single characters."""
    return " ".join(ch for ch in unicodedata.normalize("NFKC", text).lower() if _TOKEN_CHARS.match(ch))


def bigrams(text: str) -> list[str]:
    """The distinct character pairs of a text (PostgreSQL's 2-character search index)."""
    return sorted({text[i : i + 2] for i in range(len(text) - 1)})


def search_text_for(document: NormativeDocument, body: str) -> str:
    return f"{document.title}\n{document.doc_number}\n{body}"


def reindex(document: NormativeDocument, body: str | None = None) -> None:
    if body is None:
        version = document.current_version()
        body = version.text if version else ""
    document.search_text = search_text_for(document, body)
    NormativeDocument.objects.filter(pk=document.pk).update(search_text=document.search_text)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE documents_normativedocument SET search_bigrams = %s WHERE id = %s",
                [bigrams(document.search_text), document.pk],
            )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM documents_fts WHERE rowid = %s", [document.pk])
            cursor.execute(
                "INSERT INTO documents_fts(rowid, body) VALUES (%s, %s)",
                [document.pk, unigrams(document.search_text)],
            )


def search(queryset: QuerySet[NormativeDocument], query: str) -> QuerySet[NormativeDocument]:
    """Exact Chinese substring search over title, 文号 and current text.

    SQLite: FTS5 over single characters, queried as a phrase (any length). PostgreSQL: pg_trgm
    GIN with LIKE for 3 or more characters, the bigram array for 2, title and 文号 for 1.
    """
    query = query.strip()[:100]
    if not query:
        return queryset
    if connection.vendor == "sqlite":
        tokens = unigrams(query)
        if not tokens:
            return queryset.none()
        phrase = '"' + tokens.replace('"', "") + '"'
        return queryset.extra(
            where=["documents_normativedocument.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH %s)"],
            params=[phrase],
        )
    if len(query) == 1:
        # One character: title and 文号 (a full-text scan of every document would be too slow).
        return queryset.filter(Q(title__contains=query) | Q(doc_number__contains=query))
    if len(query) == 2:
        # pg_trgm cannot index a 2-character pattern; the bigram array answers it exactly.
        return queryset.extra(
            where=["documents_normativedocument.search_bigrams @> ARRAY[%s]::text[]"], params=[query]
        )
    return queryset.filter(search_text__contains=query)


# Newest documents checked first for a search (see `search_page`).
SEARCH_WINDOW = 2000
SEARCH_PROBE = 1000


def search_page(ordered: QuerySet[NormativeDocument], query: str, start: int, stop: int) -> list[NormativeDocument]:
    """Rows [start:stop) of `ordered` (already filtered and ordered) that match `query`.

    On PostgreSQL a frequent term is cheap to find among the newest documents but expensive
    through the index (every candidate's text is rechecked). So the newest SEARCH_WINDOW
    documents are searched first: if they hold the whole page, it is the right page, since
    every match outside the window comes later in the order. Otherwise the index answers. A
    rare term (fewer than SEARCH_PROBE matches, counted through the index) skips the window.
    """
    query = query.strip()[:100]
    if not query:
        return list(ordered[start:stop])
    if connection.vendor == "postgresql" and len(query) >= 2 and stop <= SEARCH_WINDOW // 4:
        # A rare term: the index alone is cheap (it rechecks few rows). Up to SEARCH_PROBE
        # matches are counted through the index to tell.
        if search(ordered.order_by(), query).values("pk")[:SEARCH_PROBE].count() < SEARCH_PROBE:
            return list(search(ordered, query)[start:stop])
        window = list(ordered.values_list("pk", flat=True)[:SEARCH_WINDOW])
        # strpos, not LIKE: the planner misjudges trigram selectivity (it expects a handful of
        # rows for any pattern) and would rather scan the trigram index than these few rows.
        in_window = ordered.filter(pk__in=window).annotate(
            _at=StrIndex("search_text", Value(query))
        ).filter(_at__gt=0)
        hits: list[NormativeDocument] = list(in_window[start:stop])
        if len(hits) == stop - start or len(window) < SEARCH_WINDOW:
            return hits
    return list(search(ordered, query)[start:stop])


# -- numbering ---------------------------------------------------------------------------------


def allocate_number(document: NormativeDocument, year: int) -> str:
    """The next 文号 of the organisation and year: unique and gap-free, even when concurrent.

    The counter row is locked (SELECT … FOR UPDATE on PostgreSQL; SQLite serialises writers)
    and the number is written in the same transaction, so a failure gives the number back.
    """
    organisation = document.organisation
    prefix = organisation.doc_number_prefix or organisation.short_name or organisation.name
    with transaction.atomic():
        counter, _ = NumberCounter.objects.select_for_update().get_or_create(
            organisation=organisation, year=year
        )
        counter.last_serial += 1
        counter.save(update_fields=["last_serial"])
        number = f"{prefix}〔{year}〕{counter.last_serial}号"
        document.doc_number = number
        document.number_year = year
        document.number_serial = counter.last_serial
        NormativeDocument.objects.filter(pk=document.pk).update(
            doc_number=number, number_year=year, number_serial=counter.last_serial
        )
    return number


def retry_if_locked(work: Callable[[], T], attempts: int = 60) -> T:
    """Run `work`, retrying while SQLite reports its lock as busy.

    A file database waits by itself (the busy timeout); an in-memory shared-cache one, as the
    tests use, answers "database table is locked" at once. Inside an outer transaction the lock
    is already ours, so nothing is retried there. PostgreSQL waits on the row lock instead.
    """
    for attempt in range(attempts):
        try:
            return work()
        except OperationalError as error:
            if (
                connection.vendor != "sqlite"
                or connection.in_atomic_block
                or "locked" not in str(error)
                or attempt == attempts - 1
            ):
                raise
            time.sleep(0.01 * (attempt + 1))
    raise AssertionError("unreachable")


# -- the clock ---------------------------------------------------------------------------------


def due_date(start: date, amount: int, unit: str) -> date:
    return calendar().add(start, amount, unit).due


def working_days_between(first: date, last: date) -> int:
    """Working days after `first` up to and including `last` (the start day is not counted)."""
    work_calendar = calendar()
    count, day = 0, first
    while day < last:
        day += timedelta(days=1)
        try:
            if work_calendar.is_workday(day):
                count += 1
        except Exception:  # beyond the calendar: count Monday–Friday
            count += day.weekday() < 5
    return count


def filing_days() -> int:
    return int(getattr(settings, "DOCUMENTS_FILING_DAYS", FILING_DEFAULT_DAYS))


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


# -- comments ----------------------------------------------------------------------------------


def comment_group_key(text: str) -> str:
    """Comments that differ only in spacing, punctuation or width share a key."""
    return hashlib.sha256(unigrams(text).replace(" ", "").encode()).hexdigest()


def read_upload(upload: Any) -> bytes:
    try:
        return uploads.read_upload(upload)
    except uploads.UploadRefused as error:
        raise DocumentError(str(error)) from error
