"""The law catalog: laws, versions, statuses with evidence, and where they come from."""

from fazhi.core.catalog.models import (
    LEVELS,
    Law,
    StatusEvent,
    Version,
    article_key,
    article_label,
    normalize_title,
)
from fazhi.core.catalog.store import (
    Catalog,
    CatalogError,
    default_catalog,
    load_catalog,
    normalize_doc_number,
    statute_articles,
)

__all__ = [
    "LEVELS",
    "Catalog",
    "CatalogError",
    "Law",
    "StatusEvent",
    "Version",
    "article_key",
    "article_label",
    "default_catalog",
    "load_catalog",
    "normalize_doc_number",
    "normalize_title",
    "statute_articles",
]
