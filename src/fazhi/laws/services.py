"""The catalog the web layer uses: bundled data plus the department's own records."""

from __future__ import annotations

import threading
from typing import Any

from django.db.models import Count, Max
from django.dispatch import Signal

from fazhi.core.catalog import Catalog, Law, StatusEvent, Version, load_catalog

from .models import LawStatusChange, LocalLaw

# Sent (after commit) when a law's status changes in the catalog; receivers such as the
# normative-document cleanup find the documents that cite it. kwargs: law_id, change.
law_status_changed = Signal()

_lock = threading.Lock()
_cache: dict[str, Any] = {"revision": None, "catalog": None}


def _revision() -> tuple[Any, ...]:
    laws = LocalLaw.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    changes = LawStatusChange.objects.aggregate(n=Count("id"), t=Max("id"))
    return (laws["n"], laws["t"], changes["n"], changes["t"])


def local_law(row: LocalLaw) -> Law:
    version = Version(
        published=row.published,
        effective=row.effective,
        effective_basis="录入" if row.effective else "",
        source=row.source,
    )
    return Law(
        id=row.law_id,
        title=row.title,
        level=row.level,
        issuer=row.issuer or None,
        aliases=[a.strip() for a in row.aliases.splitlines() if a.strip()],
        doc_numbers=[row.doc_number] if row.doc_number else [],
        versions=[version] if (row.published or row.effective) else [],
        sources=[row.source],
        notes=row.notes,
    )


def status_event(row: LawStatusChange) -> StatusEvent:
    return StatusEvent(
        status=row.status,
        date=row.date,
        source=row.source,
        successor=row.successor_id or None,
        provision=row.provision or None,
        verified=row.verified,
        note=row.note,
    )


def current_catalog() -> Catalog:
    """Rebuilt only when the department's records changed (two cheap aggregate queries)."""
    revision = _revision()
    with _lock:
        if _cache["revision"] != revision or _cache["catalog"] is None:
            catalog = load_catalog()
            for row in LocalLaw.objects.all():
                catalog.add(local_law(row))
            for change in LawStatusChange.objects.all():
                law = catalog.get(change.law_id)
                if law is not None:
                    catalog.add(Law(id=law.id, title=law.title, events=[status_event(change)]))
            _cache.update(revision=revision, catalog=catalog)
        result: Catalog = _cache["catalog"]
    return result


def search(catalog: Catalog, query: str, limit: int = 50) -> list[Law]:
    """Exact names first, then titles containing the query."""
    query = "".join(query.split())
    if not query:
        return []
    found = {law.id: law for law in catalog.lookup(query)}
    for law in catalog:
        if len(found) >= limit:
            break
        if query in law.title or any(query in alias for alias in law.aliases):
            found.setdefault(law.id, law)
    return list(found.values())[:limit]
