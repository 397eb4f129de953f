"""Scoring of `fazhi review` findings against the labelled set in bench/review_labels/.

Pure Python, no Django and no subprocess: `review_eval.py` runs the engine, this module
decides what counts. The rules (see bench/review_labels/README.md):

- Only findings of severity `error` or `warning` are scored; `info` is never wrong.
- A finding matches a positive label when its category is the label's category (or one the
  label also accepts) and its span overlaps one of the label's anchors. Each label is
  credited at most once and each finding credits at most one label (maximum matching);
  further findings on an already credited label are duplicates and cost nothing.
- An unmatched finding that overlaps a scored negative of its category, above the severity
  that negative allows, is a false positive; so is any other unmatched finding, unless it
  overlaps an unscored (low-confidence) label or negative, which makes it "don't care".
- Labels and negatives whose confidence is not in the scored set (default H and M) are
  neither rewarded nor punished.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CATEGORIES = (
    "licensing", "penalty", "coercion", "fee", "rights_obligations", "competition",
    "citation", "validity", "form", "procedure",
)
SCORED_SEVERITIES = ("error", "warning")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
CONFIDENCES = ("H", "M", "L")
DEFAULT_CONFIDENCE = frozenset({"H", "M"})
BODY_MARK = "----- BODY -----\n"

Span = tuple[int, int]


class LabelError(ValueError):
    """A label file that cannot be used as written (bad anchor, bad enum...)."""


# --- documents and anchors --------------------------------------------------------------------


def document_body(raw: str) -> str:
    """The text under review: after the corpus header when there is one, else the whole file."""
    return raw.split(BODY_MARK, 1)[1] if BODY_MARK in raw else raw


def find_all(text: str, needle: str) -> list[int]:
    positions, start = [], 0
    while needle:
        i = text.find(needle, start)
        if i < 0:
            break
        positions.append(i)
        start = i + 1
    return positions


def anchor_parts(anchor: str | dict[str, Any]) -> tuple[str, int | None]:
    """(text, occurrence) of an anchor written as "text" or {"text": ..., "occurrence": n}."""
    if isinstance(anchor, str):
        return anchor, None
    return anchor["text"], anchor.get("occurrence")


def resolve_anchor(text: str, anchor: str | dict[str, Any],
                   normalize: Callable[[str], str] = str) -> Span:
    """The span of one anchor in text. A bare string must occur exactly once; with an
    occurrence n (1-based) the n-th occurrence is taken. The anchor is normalised like the
    text (`fazhi text` folds full-width digits, for one), falling back to its raw form."""
    raw, occurrence = anchor_parts(anchor)
    needle = normalize(raw)
    hits = find_all(text, needle)
    if not hits and needle != raw:  # the text was not normalised after all
        needle, hits = raw, find_all(text, raw)
    if not hits:
        raise LabelError(f"anchor not found: {needle!r}")
    if occurrence is None:
        if len(hits) > 1:
            raise LabelError(f"anchor occurs {len(hits)} times, give an occurrence: {needle!r}")
        occurrence = 1
    if not 1 <= occurrence <= len(hits):
        raise LabelError(f"anchor {needle!r} has {len(hits)} occurrences, not {occurrence}")
    start = hits[occurrence - 1]
    return start, start + len(needle)


def overlaps(a: Span, b: Span) -> bool:
    """Half-open spans overlap; an empty span counts when it sits inside the other one."""
    (s1, e1), (s2, e2) = a, b
    if s1 == e1 and s2 == e2:
        return s1 == s2
    if s1 == e1:
        return s2 <= s1 < e2
    if s2 == e2:
        return s1 <= s2 < e1
    return s1 < e2 and s2 < e1


# --- labels -------------------------------------------------------------------------------------


@dataclass
class Label:
    id: str
    category: str
    severity: str
    confidence: str
    spans: list[Span]
    accept: frozenset[str]
    reason: str = ""
    quote: str = ""

    def accepts(self, category: str) -> bool:
        return category == self.category or category in self.accept


@dataclass
class Negative:
    id: str
    categories: frozenset[str]
    confidence: str
    spans: list[Span]
    max_severity: str = "info"
    reason: str = ""
    quote: str = ""

    def forbids(self, finding: dict[str, Any]) -> bool:
        return (finding.get("category") in self.categories
                and SEVERITY_RANK.get(finding.get("severity", ""), 0)
                > SEVERITY_RANK[self.max_severity])


def build_labels(spec: dict[str, Any], text: str,
                 normalize: Callable[[str], str] = str) -> tuple[list[Label], list[Negative]]:
    """Labels and negatives of one label file, with anchors resolved in text."""
    labels = [
        Label(
            id=item["id"], category=item["category"], severity=item["severity"],
            confidence=item["confidence"],
            spans=[resolve_anchor(text, a, normalize) for a in item["anchors"]],
            accept=frozenset(item.get("accept", ())), reason=item.get("reason", ""),
            quote=anchor_parts(item["anchors"][0])[0],
        )
        for item in spec.get("labels", [])
    ]
    negatives = [
        Negative(
            id=item["id"], categories=frozenset(item["categories"]),
            confidence=item["confidence"],
            spans=[resolve_anchor(text, a, normalize) for a in item["anchors"]],
            max_severity=item.get("max_severity", "info"), reason=item.get("reason", ""),
            quote=anchor_parts(item["anchors"][0])[0],
        )
        for item in spec.get("negatives", [])
    ]
    return labels, negatives


# --- scoring ------------------------------------------------------------------------------------


@dataclass
class DocScore:
    """What happened to each label and each scored finding of one document."""

    name: str
    set_name: str
    matched: list[tuple[Label, dict[str, Any]]] = field(default_factory=list)
    missed: list[Label] = field(default_factory=list)
    false_alarms: list[tuple[dict[str, Any], str]] = field(default_factory=list)  # (finding, why)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    dont_care: list[dict[str, Any]] = field(default_factory=list)
    negatives_hit: list[Negative] = field(default_factory=list)
    malformed: list[dict[str, Any]] = field(default_factory=list)


def finding_span(finding: dict[str, Any]) -> Span | None:
    s, e = finding.get("start"), finding.get("end")
    if isinstance(s, int) and isinstance(e, int) and 0 <= s <= e:
        return s, e
    return None


def _max_matching(edges: dict[int, list[int]]) -> dict[int, int]:
    """Maximum bipartite matching finding -> label (Kuhn's augmenting paths; sets are small)."""
    label_owner: dict[int, int] = {}

    def augment(f: int, seen: set[int]) -> bool:
        for lab in edges[f]:
            if lab in seen:
                continue
            seen.add(lab)
            if lab not in label_owner or augment(label_owner[lab], seen):
                label_owner[lab] = f
                return True
        return False

    for f in edges:
        augment(f, set())
    return {f: lab for lab, f in label_owner.items()}


def score_document(name: str, set_name: str, labels: list[Label], negatives: list[Negative],
                   findings: Iterable[dict[str, Any]],
                   confidence: frozenset[str] = DEFAULT_CONFIDENCE) -> DocScore:
    result = DocScore(name=name, set_name=set_name)
    scored = [lab for lab in labels if lab.confidence in confidence]
    unscored = [lab for lab in labels if lab.confidence not in confidence]
    scored_neg = [n for n in negatives if n.confidence in confidence]
    unscored_neg = [n for n in negatives if n.confidence not in confidence]

    pool: list[tuple[dict[str, Any], Span]] = []
    for finding in findings:
        if finding.get("severity") not in SCORED_SEVERITIES:
            continue
        span = finding_span(finding)
        if span is None:
            result.malformed.append(finding)
            result.false_alarms.append((finding, "malformed span"))
            continue
        pool.append((finding, span))

    def hits(span: Span, spans: list[Span]) -> bool:
        return any(overlaps(span, s) for s in spans)

    edges = {
        i: [j for j, lab in enumerate(scored)
            if lab.accepts(f.get("category", "")) and hits(span, lab.spans)]
        for i, (f, span) in enumerate(pool)
    }
    matching = _max_matching(edges)
    for i, j in sorted(matching.items(), key=lambda kv: kv[1]):
        result.matched.append((scored[j], pool[i][0]))
    credited = set(matching.values())
    result.missed = [lab for j, lab in enumerate(scored) if j not in credited]

    for i, (finding, span) in enumerate(pool):
        if i in matching:
            continue
        if edges[i]:
            result.duplicates.append(finding)
            continue
        forbidding = [n for n in scored_neg if n.forbids(finding) and hits(span, n.spans)]
        if forbidding:
            result.false_alarms.append((finding, f"negative {forbidding[0].id}"))
            result.negatives_hit.extend(n for n in forbidding if n not in result.negatives_hit)
            continue
        category = finding.get("category", "")
        allowed = any(category in n.categories and hits(span, n.spans) for n in scored_neg)
        unscored_hit = any(lab.accepts(category) and hits(span, lab.spans) for lab in unscored)
        unscored_hit = unscored_hit or any(
            category in n.categories and hits(span, n.spans) for n in unscored_neg)
        if allowed or unscored_hit:
            result.dont_care.append(finding)
        else:
            result.false_alarms.append((finding, "unlabelled"))
    return result


# --- aggregation --------------------------------------------------------------------------------


@dataclass
class Counts:
    tp: int = 0   # labels found
    fn: int = 0   # labels missed
    tpf: int = 0  # findings that found a label (precision's numerator)
    fp: int = 0   # false alarms

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.tpf += other.tpf
        self.fp += other.fp

    @property
    def precision(self) -> float | None:
        return self.tpf / (self.tpf + self.fp) if self.tpf + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def tally(scores: Iterable[DocScore]) -> dict[str, Counts]:
    """Per-category counts; recall by the label's category, precision by the finding's."""
    table = {c: Counts() for c in CATEGORIES}

    def row(category: str) -> Counts:
        return table.setdefault(category, Counts())

    for doc in scores:
        for label, finding in doc.matched:
            row(label.category).tp += 1
            row(finding.get("category", "?")).tpf += 1
        for label in doc.missed:
            row(label.category).fn += 1
        for finding, _why in doc.false_alarms:
            row(finding.get("category", "?")).fp += 1
    return table


def total(table: dict[str, Counts]) -> Counts:
    out = Counts()
    for counts in table.values():
        out.add(counts)
    return out


# --- label files --------------------------------------------------------------------------------

LABEL_DIR = Path(__file__).resolve().parent / "review_labels"
# corpus: real documents; synthetic: drafts written alongside the engine; heldout, heldout2:
# drafts written apart from the engine's rules, each honest until rules are tuned against it.
SETS = ("corpus", "synthetic", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18", "heldout19")


def label_files(root: Path = LABEL_DIR) -> list[Path]:
    return [path for folder in SETS for path in sorted(root.glob(f"{folder}/*.json"))]


def load_spec(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        spec: dict[str, Any] = json.load(f)
    spec["_path"] = str(path)
    return spec


def source_path(spec: dict[str, Any], shared: Path) -> Path:
    """The file a label file describes: `shared` names a path under ../shared, `text` one
    beside the label file."""
    if "shared" in spec:
        return shared / spec["shared"]
    return Path(spec["_path"]).parent / spec["text"]


def read_body(spec: dict[str, Any], shared: Path) -> str:
    return document_body(source_path(spec, shared).read_text(encoding="utf-8"))
