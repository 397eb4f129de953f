"""Precision and recall of `fazhi review` on the labelled set (bench/review_labels/).

    .venv/bin/python bench/review_eval.py [--fazhi PATH] [--json] [--confidence HM] [--check]

For each label file the document body (corpus files are read from ../shared at run time,
synthetic and held-out drafts from bench/review_labels/synthetic/ and heldout/) is written to a temporary .txt, then
`fazhi text` gives the text the offsets refer to and `fazhi review --json` the findings.
Scoring rules: bench/review_scoring.py and bench/review_labels/README.md.

Exit 0 after a report; 2 when `fazhi review` is not available; 1 with --check when a
category with labels falls below precision 0.90 or recall 0.85 on the combined set.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import review_scoring as rs

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOAL_PRECISION, GOAL_RECALL = 0.90, 0.85


class EngineMissing(Exception):
    pass


def normalizer() -> Callable[[str], str]:
    """The engine's own text normalisation, applied to anchors; identity without fazhi."""
    try:
        from fazhi.core.text import normalize_text
    except ImportError:
        return str
    return normalize_text


def run(fazhi: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([fazhi, *args], capture_output=True, text=True, timeout=300,  # noqa: S603
                          check=False)


def check_engine(fazhi: str) -> None:
    if not Path(fazhi).exists() and not any(
            (Path(d) / fazhi).exists() for d in os.environ.get("PATH", "").split(os.pathsep)):
        raise EngineMissing(f"找不到 fazhi 命令：{fazhi}（先运行 make install，或用 --fazhi 指定）")
    probe = run(fazhi, "review", "--help")
    if probe.returncode != 0:
        raise EngineMissing("fazhi 还没有 review 命令（issue 4 的审查引擎尚未接入），无法评测。"
                            f"\n{probe.stderr.strip()[-300:]}")


def review_one(fazhi: str, body: str) -> tuple[str, list[dict[str, Any]]]:
    """(text the offsets refer to, findings) for one document body."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(body)
        path = f.name
    try:
        text_run = run(fazhi, "text", path)
        review_run = run(fazhi, "review", "--json", path)
    finally:
        os.unlink(path)
    if review_run.returncode != 0:
        raise RuntimeError(f"fazhi review exited {review_run.returncode}: "
                           f"{review_run.stderr.strip()[-300:]}")
    text = text_run.stdout if text_run.returncode == 0 else body
    if text.endswith("\n") and not body.endswith("\n"):
        text = text[:-1]
    data = json.loads(review_run.stdout)
    return text, list(data.get("findings", []))


def evaluate(fazhi: str, confidence: frozenset[str]) -> tuple[list[rs.DocScore], list[str]]:
    normalize = normalizer()
    specs = [rs.load_spec(p) for p in rs.label_files()]
    problems: list[str] = []

    def one(spec: dict[str, Any]) -> rs.DocScore:
        name = Path(spec["_path"]).stem
        body = rs.read_body(spec, SHARED)
        try:
            text, findings = review_one(fazhi, body)
        except (RuntimeError, json.JSONDecodeError, subprocess.TimeoutExpired) as error:
            problems.append(f"{name}: {error}")
            text, findings = body, []
        try:
            labels, negatives = rs.build_labels(spec, text, normalize)
        except rs.LabelError as error:
            problems.append(f"{name}: label file does not fit the engine's text: {error}")
            labels, negatives = rs.build_labels(spec, body)
            findings = []
        return rs.score_document(name, spec["set"], labels, negatives, findings, confidence)

    with ThreadPoolExecutor(max_workers=4) as pool:
        scores = list(pool.map(one, specs))
    return scores, problems


def fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.2f}"


def table_lines(title: str, table: dict[str, rs.Counts]) -> list[str]:
    lines = [f"== {title} ==",
             f"{'category':<19}{'TP':>4}{'FN':>4}{'recall':>8}   {'TPf':>4}{'FP':>4}{'precision':>10}"]
    for category, c in [*table.items(), ("ALL", rs.total(table))]:
        if category != "ALL" and not (c.tp or c.fn or c.tpf or c.fp):
            continue
        lines.append(f"{category:<19}{c.tp:>4}{c.fn:>4}{fmt(c.recall):>8}   "
                     f"{c.tpf:>4}{c.fp:>4}{fmt(c.precision):>10}")
    return lines


def short(quote: str, limit: int = 60) -> str:
    quote = " ".join(str(quote).split())
    return quote if len(quote) <= limit else quote[: limit - 1] + "…"


def report(scores: list[rs.DocScore], problems: list[str], confidence: frozenset[str]) -> str:
    lines = [f"fazhi review on {len(scores)} labelled documents "
             f"(confidence scored: {''.join(sorted(confidence))}; TP/FN count labels, "
             "TPf/FP count error+warning findings)", ""]
    for title, subset in [*((name, [s for s in scores if s.set_name == name]) for name in rs.SETS),
                          ("combined", scores)]:
        lines += [*table_lines(f"{title} ({len(subset)} docs)", rs.tally(subset)), ""]
    lines.append("== misses (labels no finding overlapped) ==")
    for doc in scores:
        for lab in doc.missed:
            lines.append(f"{doc.name}  {lab.id}  {lab.category}/{lab.severity}/{lab.confidence}  "
                         f"「{short(lab.quote)}」  {lab.reason}")
    lines += ["", "== false alarms (error/warning findings matching no label) =="]
    for doc in scores:
        for finding, why in doc.false_alarms:
            lines.append(f"{doc.name}  {finding.get('rule', '?')}  {finding.get('category')}/"
                         f"{finding.get('severity')}  「{short(finding.get('quote', ''))}」  ({why})")
    mismatched = [(d.name, lab, f) for d in scores for lab, f in d.matched
                  if f.get("severity") != lab.severity]
    if mismatched:
        lines += ["", "== found, but at another severity (counted as found) =="]
        for name, lab, f in mismatched:
            lines.append(f"{name}  {lab.id}  labelled {lab.severity}, found {f.get('severity')}  "
                         f"「{short(lab.quote)}」")
    if problems:
        lines += ["", "== documents the engine failed on (their labels count as missed) =="]
        lines += problems
    return "\n".join(lines) + "\n"


def as_json(scores: list[rs.DocScore], problems: list[str]) -> dict[str, Any]:
    def counts(table: dict[str, rs.Counts]) -> dict[str, Any]:
        return {k: {"tp": c.tp, "fn": c.fn, "tp_findings": c.tpf, "fp": c.fp,
                    "precision": c.precision, "recall": c.recall}
                for k, c in [*table.items(), ("ALL", rs.total(table))]}

    return {
        "tables": {name: counts(rs.tally([s for s in scores if pick(s)]))
                   for name, pick in [*((n, lambda s, n=n: s.set_name == n) for n in rs.SETS),
                                      ("combined", lambda s: True)]},
        "misses": [{"doc": d.name, "label": lab.id, "category": lab.category,
                    "severity": lab.severity, "anchor": lab.quote} for d in scores
                   for lab in d.missed],
        "false_alarms": [{"doc": d.name, "why": why, **f} for d in scores
                         for f, why in d.false_alarms],
        "problems": problems,
    }


def below_goal(scores: list[rs.DocScore]) -> list[str]:
    out = []
    for category, c in rs.tally(scores).items():
        if c.precision is not None and c.precision < GOAL_PRECISION:
            out.append(f"{category}: precision {c.precision:.2f} < {GOAL_PRECISION}")
        if c.recall is not None and c.recall < GOAL_RECALL:
            out.append(f"{category}: recall {c.recall:.2f} < {GOAL_RECALL}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fazhi", default=str(REPO / ".venv" / "bin" / "fazhi"),
                        help="path of the fazhi command (default: .venv/bin/fazhi)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--confidence", default="HM",
                        help="label confidences to score, e.g. H or HML (default HM)")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a category misses precision 0.90 / recall 0.85")
    args = parser.parse_args(argv)
    confidence = frozenset(args.confidence.upper())
    if not confidence or not confidence <= set(rs.CONFIDENCES):
        parser.error("--confidence takes letters from H, M, L")
    if not SHARED.is_dir():
        print(f"review_eval: the shared corpus folder is absent ({SHARED})", file=sys.stderr)
        return 2
    try:
        check_engine(args.fazhi)
    except EngineMissing as error:
        print(f"review_eval: {error}", file=sys.stderr)
        return 2
    scores, problems = evaluate(args.fazhi, confidence)
    if args.json:
        print(json.dumps(as_json(scores, problems), ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(report(scores, problems, confidence))
    if args.check:
        failures = below_goal(scores)
        for line in failures:
            print(f"below goal: {line}", file=sys.stderr)
        return 1 if failures or problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
