"""Matching rules of bench/review_scoring.py: pure dicts in, counts out."""

from __future__ import annotations

import pytest
import review_scoring as rs

TEXT = "第一条 未经审批不得经营。第二条 处五千元罚款。第三条 依照《某法》第十条处罚。第四条 本办法适用于本区。"


def spec(labels=(), negatives=()):
    return {"labels": list(labels), "negatives": list(negatives)}


def label(id, category, anchor, severity="error", confidence="H", **extra):
    return {"id": id, "category": category, "severity": severity, "confidence": confidence,
            "anchors": [anchor], "reason": "理由", "basis": [], **extra}


def negative(id, categories, anchor, confidence="H", **extra):
    return {"id": id, "categories": categories, "confidence": confidence, "anchors": [anchor],
            "reason": "理由", "basis": [], **extra}


def finding(category, quote, severity="error", text=TEXT, offset=0):
    start = text.index(quote) + offset
    return {"rule": "r", "category": category, "severity": severity, "start": start,
            "end": start + len(quote), "quote": quote}


def score(labels=(), negatives=(), findings=(), confidence=rs.DEFAULT_CONFIDENCE):
    labs, negs = rs.build_labels(spec(labels, negatives), TEXT)
    doc = rs.score_document("d", "synthetic", labs, negs, findings, confidence)
    return doc, rs.tally([doc])


LICENCE = label("lic", "licensing", "未经审批不得经营")
FINE = label("fine", "penalty", "处五千元罚款")
RESTATE = negative("restate", ["penalty"], "依照《某法》第十条处罚")
SCOPE = negative("scope", ["competition"], "本办法适用于本区")


def test_overlap_counts_partial_spans():
    _doc, table = score([LICENCE], findings=[finding("licensing", "审批不得经营。第二条")])
    assert table["licensing"].tp == 1 and table["licensing"].fp == 0
    assert table["licensing"].recall == 1.0 and table["licensing"].precision == 1.0


def test_adjacent_spans_do_not_overlap():
    # A finding that ends exactly where the anchor starts does not touch it.
    text_start = TEXT.index("未经审批")
    f = {"rule": "r", "category": "licensing", "severity": "error", "start": 0, "end": text_start}
    doc, table = score([LICENCE], findings=[f])
    assert table["licensing"].tp == 0 and table["licensing"].fn == 1 and table["licensing"].fp == 1
    assert doc.false_alarms[0][1] == "unlabelled"


def test_duplicate_findings_count_once():
    findings = [finding("licensing", "未经审批"), finding("licensing", "不得经营"),
                finding("licensing", "未经审批不得经营", severity="warning")]
    doc, table = score([LICENCE], findings=findings)
    c = table["licensing"]
    assert (c.tp, c.fn, c.tpf, c.fp) == (1, 0, 1, 0)
    assert len(doc.duplicates) == 2


def test_one_finding_credits_one_label():
    # Two labels of one category under one long finding: one found, one missed.
    second = label("lic2", "licensing", "处五千元罚款")
    _doc, table = score([LICENCE, second], findings=[finding("licensing", "未经审批不得经营。第二条 处五千元罚款")])
    assert (table["licensing"].tp, table["licensing"].fn) == (1, 1)


def test_matching_is_maximal():
    # f1 overlaps both labels, f2 only the first: the best pairing finds both.
    a = label("a", "licensing", "未经审批")
    b = label("b", "licensing", "不得经营")
    f1 = finding("licensing", "审批不得")
    f2 = finding("licensing", "未经")
    _doc, table = score([a, b], findings=[f1, f2])
    assert table["licensing"].tp == 2 and table["licensing"].fn == 0


def test_category_mismatch_is_a_miss_and_a_false_alarm():
    _doc, table = score([FINE], findings=[finding("coercion", "处五千元罚款")])
    assert table["penalty"].fn == 1 and table["penalty"].tp == 0
    assert table["coercion"].fp == 1


def test_accepted_alternative_category_matches():
    lab = label("fine", "penalty", "处五千元罚款", accept=["coercion"])
    _doc, table = score([lab], findings=[finding("coercion", "处五千元罚款")])
    assert table["penalty"].tp == 1 and table["coercion"].tpf == 1 and table["coercion"].fp == 0


def test_negative_produces_false_positive():
    doc, table = score(negatives=[RESTATE], findings=[finding("penalty", "第十条处罚")])
    assert table["penalty"].fp == 1 and table["penalty"].precision == 0.0
    assert doc.false_alarms[0][1] == "negative restate"
    assert [n.id for n in doc.negatives_hit] == ["restate"]


def test_negative_only_binds_its_categories():
    doc, table = score(negatives=[SCOPE], findings=[finding("validity", "本办法适用于本区")])
    assert table["validity"].fp == 1 and doc.false_alarms[0][1] == "unlabelled"
    assert doc.negatives_hit == []


def test_info_findings_are_never_scored():
    _doc, table = score([FINE], [RESTATE], findings=[finding("penalty", "第十条处罚", severity="info")])
    assert table["penalty"].fp == 0 and table["penalty"].fn == 1


def test_negative_may_tolerate_a_warning():
    tolerant = negative("tech", ["competition"], "本办法适用于本区", max_severity="warning")
    doc, table = score(negatives=[tolerant],
                       findings=[finding("competition", "本办法适用于本区", severity="warning")])
    assert table["competition"].fp == 0 and len(doc.dont_care) == 1
    doc, table = score(negatives=[tolerant], findings=[finding("competition", "本办法适用于本区")])
    assert table["competition"].fp == 1


def test_low_confidence_labels_are_dont_care():
    low = label("low", "licensing", "未经审批不得经营", confidence="L")
    low_neg = negative("lowneg", ["penalty"], "依照《某法》第十条处罚", confidence="L")
    findings = [finding("licensing", "未经审批"), finding("penalty", "第十条处罚")]
    doc, table = score([low], [low_neg], findings=findings)
    assert rs.total(table).fp == 0 and rs.total(table).fn == 0 and len(doc.dont_care) == 2
    doc, table = score([low], [low_neg], findings=findings, confidence=frozenset("HML"))
    assert table["licensing"].tp == 1 and table["penalty"].fp == 1


def test_malformed_span_is_a_false_alarm():
    bad = {"rule": "r", "category": "penalty", "severity": "error", "start": None, "end": 3}
    doc, table = score([FINE], findings=[bad])
    assert table["penalty"].fp == 1 and doc.malformed == [bad]


def test_empty_span_inside_anchor_counts():
    start = TEXT.index("五千元")
    f = {"rule": "r", "category": "penalty", "severity": "error", "start": start, "end": start}
    _doc, table = score([FINE], findings=[f])
    assert table["penalty"].tp == 1


def test_anchor_resolution_rules():
    text = "甲乙甲乙"
    assert rs.resolve_anchor(text, {"text": "甲乙", "occurrence": 2}) == (2, 4)
    with pytest.raises(rs.LabelError, match="occurs 2 times"):
        rs.resolve_anchor(text, "甲乙")
    with pytest.raises(rs.LabelError, match="not found"):
        rs.resolve_anchor(text, "丙")
    with pytest.raises(rs.LabelError, match="not 3"):
        rs.resolve_anchor(text, {"text": "甲乙", "occurrence": 3})
    # Anchors are normalised like the engine's text (e.g. full-width digits).
    assert rs.resolve_anchor("第12条", "第１２条", lambda s: s.replace("１", "1").replace("２", "2")) == (0, 4)


def test_tally_separates_documents_and_totals():
    d1, _ = score([LICENCE], findings=[finding("licensing", "未经审批")])
    d2, _ = score([FINE], [RESTATE], findings=[finding("penalty", "第十条处罚")])
    table = rs.tally([d1, d2])
    all_ = rs.total(table)
    assert (all_.tp, all_.fn, all_.tpf, all_.fp) == (1, 1, 1, 1)
    assert table["citation"].precision is None and table["citation"].recall is None


def test_document_body_strips_corpus_header():
    assert rs.document_body("source: x\n----- BODY -----\n正文") == "正文"
    assert rs.document_body("没有表头的报告") == "没有表头的报告"
