"""The clause scanner's machinery (fazhi.core.review.Scanner, fazhi.core.rules.yes_no): the
faster forms must find exactly what the plain ones find. Speed is measured in bench/review.py."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from fazhi.core.review import Scanner
from fazhi.core.rules import DATA_DIR, RuleError, char_class, load_rules, yes_no

LABELS = Path(__file__).resolve().parents[2] / "bench" / "review_labels"

SAMPLES = [
    "",
    "经区住建局审批同意后方可开工建设。",
    "未按规定办理的，不得开业；依法应当报经批准。",
    "本办法自2026年1月1日起施行，有效期五年。\n（一）不得擅自收费；",
    "按照有关规定执行，未按有关规定的除外。Approval ok, 不按相关规定者 free text",
    "外地企业须在本地注册纳税，优先采购本地产品🙂。",
]


@pytest.mark.parametrize("pattern", [
    r"(?:经|报)[^。；\n]{0,30}?(?:审批|批准|同意)[^。；\n]{0,30}?(?:方可|方能)",
    r"(?<![未不没])(?:按照?|依照?|根据)(?:有关|相关)(?:的)?规定",
    r"依法(?!律)|(?:依照|依据)《",
    r"(?:本地|外地)?企业",  # can start with 本, 外 or 企
    r"a?b*",  # can match empty: no first set, the pattern itself
    r"[^。]+不得",  # negated class first: the pattern itself
    r"(?i)approval",  # ignoring case: the pattern itself
    r"^本办法|规定$",
    r"\n（[一二三]）",
])
def test_yes_no_matches_where_the_pattern_starts(pattern: str) -> None:
    plain = re.compile(pattern)
    quick = yes_no(plain)
    for text in SAMPLES:
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                a, b = plain.search(text, start, end), quick.search(text, start, end)
                if a is not None and a.end() == a.start():
                    continue  # empty matches: yes_no is only asked about patterns that consume
                assert (a is None) == (b is None), (pattern, text, start, end)
                if a is not None and b is not None:
                    assert a.start() == b.start()


def _label_texts() -> list[str]:
    texts = [t for t in SAMPLES if t]
    for folder in ("synthetic", "heldout", "heldout2"):
        texts.extend(p.read_text(encoding="utf-8") for p in sorted((LABELS / folder).glob("*.txt")))
    return texts


def test_every_rule_and_grammar_test_agrees_with_its_plain_pattern() -> None:
    pack = load_rules()
    patterns = [getattr(pack.grammar, name) for name in pack.grammar.__dataclass_fields__]
    for rule in pack.clause_rules():
        patterns.extend((*rule.match, *rule.context, *rule.unless))
        patterns.extend(n.pattern for n in rule.notes)
        if rule.negated_by is not None:
            patterns.append(rule.negated_by)
    for text in _label_texts():
        ends = [0, *(m.end() for m in re.finditer("[。；\n]", text)), len(text)]
        spans = list(itertools.pairwise(ends))
        for pattern in patterns:
            quick = yes_no(pattern)
            for s, e in spans:
                a, b = pattern.search(text, s, e), quick.search(text, s, e)
                assert (a is None) == (b is None), (pattern.pattern, text[s:e])
                if a is not None and b is not None:
                    assert a.start() == b.start()
        for rule in pack.clause_rules():
            assert rule.any_match is not None
            for s, e in spans:
                found = rule.any_match.search(text, s, e) is not None
                assert found == any(p.search(text, s, e) for p in rule.match), (rule.id, s)


def test_the_scanner_finds_every_trigger_occurrence() -> None:
    pack = load_rules()
    scanner = Scanner(pack)
    owners: dict[str, set[int]] = {}
    for index, rule in enumerate(scanner.rules):
        for word in rule.triggers:
            owners.setdefault(word, set()).add(index)
    # ASCII only, CJK, a 4-byte emoji and a lone surrogate before triggers: offsets are code points.
    texts = [*_label_texts(), "plain ascii text", "🙂罚款\ud800吊销执照🙂", "x" * 10 + "处以罚款"]
    for text in texts:
        expected = sorted(
            (m.start() + len(word) - 1, index)
            for word, indexes in owners.items()
            for m in re.finditer(f"(?={re.escape(word)})", text)
            for index in indexes
        )
        found = sorted((end - 1, index) for word, _, end in scanner.hits(text)
                       for index in scanner.owners[word])
        assert found == expected


@pytest.mark.parametrize(("pattern", "chars"), [
    ("(?:[。；;！？!?\n])", "。；;！？!?\n"),
    ("。|；", "。；"),
    ("[a-c]", "abc"),
    ("(?<!x)[。]", None),  # a condition on the context
    ("。。", None),
    ("[^。]", None),
])
def test_sentence_ends_must_be_a_set_of_characters(pattern: str, chars: str | None) -> None:
    found = char_class(re.compile(pattern))
    if chars is None:
        assert found is None
    else:
        assert found is not None
        assert {c for c in "。；;！？!?\nabcd,x" if re.fullmatch(found, c)} == set(chars)


def test_a_grammar_whose_sentence_end_is_no_set_of_characters_is_refused(tmp_path: Path) -> None:
    source = (DATA_DIR / "grammar.toml").read_text(encoding="utf-8")
    start = source.index("sentence_end = ")
    end = source.index("\n", start)
    grammar = tmp_path / "grammar.toml"
    grammar.write_text(source[:start] + "sentence_end = ['。(?!”)']" + source[end:], encoding="utf-8")
    with pytest.raises(RuleError, match="sentence_end"):
        load_rules([grammar])
    grammar.write_text(source, encoding="utf-8")
    assert char_class(load_rules([grammar]).grammar.sentence_end) is not None
