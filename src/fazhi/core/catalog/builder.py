"""Building the bundled catalog and importing LawRefBook into a user catalog.

`fazhi laws build-catalog PATH` regenerates `data/lawrefbook.json` from a LawRefBook
snapshot so the shipped data is reproducible; `fazhi laws import lawrefbook PATH` merges a
(newer, or the user's own) LawRefBook clone into a user catalog file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from fazhi.core.catalog.lawrefbook import import_lawrefbook
from fazhi.core.catalog.models import Law
from fazhi.core.catalog.store import (
    ARTICLE_LEVELS,
    ARTICLES_JSON,
    BUNDLED_JSON,
    CURATED_TOML,
    Catalog,
    read_catalog_file,
    write_articles_file,
    write_catalog_file,
)


def curated_full_text_ids(path: Path = CURATED_TOML) -> set[str]:
    with path.open("rb") as stream:
        data = tomllib.load(stream)
    return {str(item["id"]) for item in data.get("law", []) if item.get("full_text")}


def build_bundled_catalog(root: Path, out: Path = BUNDLED_JSON,
                          articles_out: Path = ARTICLES_JSON) -> int:
    """Write the package's generated catalog and the statute article texts beside it;
    returns the number of laws. The catalog keeps texts only of the curated full-text laws."""
    full = curated_full_text_ids()
    result = import_lawrefbook(root, include_dlc=True,
                               keep_text=lambda law_id, level: law_id in full or level in ARTICLE_LEVELS)
    source = _source_note(root)
    write_articles_file(articles_out, result.laws.values(), source=source)
    for law in result.laws.values():
        if law.id not in full:
            for version in law.versions:
                version.articles = {}
    write_catalog_file(out, result.laws.values(), source=source)
    return len(result.laws)


def _source_note(root: Path) -> str:
    note = root / "SOURCE.md"
    commit = ""
    if note.is_file():
        text = note.read_text(encoding="utf-8", errors="replace")
        for word in text.split():
            if len(word) == 40 and all(c in "0123456789abcdef" for c in word):
                commit = word
                break
    return "LawRefBook/Laws" + (f" commit {commit}" if commit else "") + "; built by fazhi"


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    files: int = 0
    skipped: list[str] = field(default_factory=list)


def merge_into(out: Path, laws: Iterable[Law], source: str) -> ImportReport:
    """Merge `laws` into the catalog file `out` (created if missing); written only on change,
    so a second run of the same import changes nothing."""
    existing = read_catalog_file(out) if out.is_file() else []
    catalog = Catalog(existing)
    report = ImportReport()
    for law in sorted(laws, key=lambda x: x.id):
        if catalog.get(law.id) is None:
            catalog.add(law)
            report.added.append(law.id)
        elif catalog.add(law):
            report.changed.append(law.id)
        else:
            report.unchanged += 1
    if report.added or report.changed or not out.is_file():
        write_catalog_file(out, catalog, source=source)
    return report


def import_into(root: Path, out: Path, *, with_text: bool = True,
                include_dlc: bool = True) -> ImportReport:
    """Merge a LawRefBook tree into the catalog file `out` (created if missing). Idempotent."""
    result = import_lawrefbook(root, include_dlc=include_dlc,
                               keep_text=lambda _law_id, _level: with_text)
    report = merge_into(out, result.laws.values(), _source_note(root))
    report.files, report.skipped = result.files, result.skipped
    return report
