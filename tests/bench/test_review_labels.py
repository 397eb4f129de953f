"""Every label file of bench/review_labels/ is usable: enums hold, anchors exist exactly once
(or carry an occurrence), synthetic drafts are labelled, and every category has enough
positives and negatives to be measured."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import review_scoring as rs

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
LABEL_DIR = REPO / "bench" / "review_labels"
SPECS = [rs.load_spec(p) for p in rs.label_files(LABEL_DIR)]
IDS = [Path(s["_path"]).parent.name + "/" + Path(s["_path"]).stem for s in SPECS]
HAN = re.compile(r"[\u4e00-\u9fff]")

MIN_POSITIVES, MIN_NEGATIVES = 8, 3


def needs_shared(spec):
    if "shared" in spec and not SHARED.is_dir():
        pytest.skip(f"the shared corpus folder is absent ({SHARED})")


def normalizers():
    try:
        from fazhi.core.text import normalize_text
    except ImportError:
        return [str]
    return [str, normalize_text]


def test_label_files_exist():
    assert len([s for s in SPECS if s["set"] == "synthetic"]) >= 25
    assert any(s["set"] == "corpus" for s in SPECS)


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_schema(spec):
    assert spec["set"] in rs.SETS
    assert spec["_path"].split("/")[-2] == spec["set"]
    assert ("shared" in spec) == (spec["set"] == "corpus")
    assert ("text" in spec) == (spec["set"] != "corpus")
    assert HAN.search(spec["title"])
    for item in spec["labels"]:
        assert set(item) <= {"id", "category", "severity", "confidence", "anchors", "accept",
                             "reason", "basis", "note"}, item["id"]
        assert item["category"] in rs.CATEGORIES, item["id"]
        assert item["severity"] in rs.SCORED_SEVERITIES, item["id"]
        assert item["confidence"] in rs.CONFIDENCES, item["id"]
        assert set(item.get("accept", ())) <= set(rs.CATEGORIES) - {item["category"]}, item["id"]
        assert item["anchors"] and HAN.search(item["reason"]), item["id"]
        assert isinstance(item["basis"], list), item["id"]
    for item in spec["negatives"]:
        assert set(item) <= {"id", "categories", "confidence", "anchors", "max_severity",
                             "reason", "basis", "note"}, item["id"]
        assert item["categories"] and set(item["categories"]) <= set(rs.CATEGORIES), item["id"]
        assert item["confidence"] in rs.CONFIDENCES, item["id"]
        assert item.get("max_severity", "info") in ("info", "warning"), item["id"]
        assert item["anchors"] and HAN.search(item["reason"]), item["id"]
        assert isinstance(item["basis"], list), item["id"]


def test_ids_unique():
    ids = Counter(item["id"] for s in SPECS for item in s["labels"] + s["negatives"])
    assert [i for i, n in ids.items() if n > 1] == []


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_anchors_resolve(spec):
    """Anchors are exact substrings, unique unless an occurrence is given — in the raw body
    and in the text `fazhi text` makes of it (the offsets findings refer to)."""
    needs_shared(spec)
    body = rs.read_body(spec, SHARED)
    for normalize in normalizers():
        text = normalize(body)
        for item in spec["labels"] + spec["negatives"]:
            for anchor in item["anchors"]:
                needle, _ = rs.anchor_parts(anchor)
                assert needle.strip() == needle and len(needle) >= 2, item["id"]
                try:
                    rs.resolve_anchor(text, anchor, normalize)
                except rs.LabelError as error:
                    pytest.fail(f"{item['id']}: {error}")


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_positive_and_negative_anchors_do_not_overlap(spec):
    needs_shared(spec)
    text = rs.read_body(spec, SHARED)
    labels, negatives = rs.build_labels(spec, text)
    for lab in labels:
        for neg in negatives:
            if lab.category in neg.categories or neg.categories & lab.accept:
                clash = [(a, b) for a in lab.spans for b in neg.spans if rs.overlaps(a, b)]
                assert not clash, f"{lab.id} overlaps {neg.id}"


@pytest.mark.parametrize("set_name", [s for s in rs.SETS if s != "corpus"])
def test_written_drafts_are_paired_and_labelled(set_name):
    folder = LABEL_DIR / set_name
    texts = {p.stem for p in folder.glob("*.txt")}
    labels = {p.stem for p in folder.glob("*.json")}
    assert texts == labels and len(texts) >= 20
    for spec in SPECS:
        if spec["set"] == set_name:
            assert Path(spec["text"]).stem == Path(spec["_path"]).stem
            assert spec["labels"], spec["_path"]


def test_every_corpus_document_is_labelled():
    if not SHARED.is_dir():
        pytest.skip(f"the shared corpus folder is absent ({SHARED})")
    corpus = {f"corpus/normative/{p.name}" for p in (SHARED / "corpus" / "normative").glob("*.txt")}
    labelled = {s["shared"] for s in SPECS if s["set"] == "corpus"}
    assert corpus <= labelled


def test_every_category_is_measurable():
    """At least 8 scored (H/M) positives and 3 scored negatives per category."""
    positives = Counter(item["category"] for s in SPECS for item in s["labels"]
                        if item["confidence"] in rs.DEFAULT_CONFIDENCE)
    negatives = Counter(c for s in SPECS for item in s["negatives"]
                        if item["confidence"] in rs.DEFAULT_CONFIDENCE for c in item["categories"])
    short = {c: (positives[c], negatives[c]) for c in rs.CATEGORIES
             if positives[c] < MIN_POSITIVES or negatives[c] < MIN_NEGATIVES}
    assert short == {}
