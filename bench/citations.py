"""Benchmark of the citation checker: catalog load, and extraction + resolution throughput.

Usage: .venv/bin/python bench/citations.py [LAWREFBOOK_DIR] [--limit-mb N]

1. Catalog load: a fresh interpreter imports fazhi.core.catalog and loads the bundled
   catalog; wall time and peak RSS are reported (targets: < 1 s, < 300 MB).
2. Throughput: every Markdown text of the LawRefBook snapshot (DLC included, ~60 MB) is one
   document; `analyze` extracts and resolves its citations on one core.
Record the printed figures in bench/RESULTS.md under "Citations".
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LRB = ROOT / ".." / "shared" / "lawrefbook"

LOAD_PROBE = """
import json, resource, time
t0 = time.perf_counter()
from fazhi.core.catalog import load_catalog
t1 = time.perf_counter()
catalog = load_catalog(user=False)
t2 = time.perf_counter()
from fazhi.core.citations import analyze
analyze("依据《合同法》第五十二条。", catalog)
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "first_analyze_s": t3 - t2,
                  "laws": len(catalog),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def catalog_load(runs: int = 5) -> dict[str, float]:
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD_PROBE], capture_output=True, text=True,  # noqa: S603
                             check=True, cwd=ROOT)
        results.append(json.loads(out.stdout))
    results.sort(key=lambda r: r["load_s"])
    median = results[len(results) // 2]
    return median


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def load_texts(root: Path, limit_mb: float | None) -> tuple[list[Path], list[str], int]:
    """Every Markdown text of the snapshot (sorted paths), decoded, and the total bytes."""
    files = sorted(p for p in root.rglob("*.md") if p.name != "_index.md")
    paths: list[Path] = []
    texts: list[str] = []
    total_bytes = 0
    for path in files:
        data = path.read_bytes()
        total_bytes += len(data)
        paths.append(path)
        texts.append(data.decode("utf-8", errors="replace"))
        if limit_mb and total_bytes > limit_mb * 1024 * 1024:
            break
    return paths, texts, total_bytes


def throughput(root: Path, limit_mb: float | None) -> dict[str, object]:
    from fazhi.core.catalog import load_catalog
    from fazhi.core.citations import analyze

    pin_one_core()
    catalog = load_catalog(user=False)
    _paths, texts, total_bytes = load_texts(root, limit_mb)
    chars = sum(len(t) for t in texts)
    statuses: collections.Counter[str] = collections.Counter()
    kinds: collections.Counter[str] = collections.Counter()
    as_of = date(2026, 11, 27)
    started = time.perf_counter()
    cpu_started = time.process_time()
    for text in texts:
        report = analyze(text, catalog, as_of=as_of)
        for citation in report.citations:
            statuses[citation.status] += 1
            kinds[citation.kind] += 1
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    return {
        "files": len(texts),
        "mb": total_bytes / 1024 / 1024,
        "chars": chars,
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "mb_per_s": total_bytes / 1024 / 1024 / elapsed,
        "citations": sum(statuses.values()),
        "statuses": dict(statuses.most_common()),
        "kinds": dict(kinds.most_common()),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_LRB)
    parser.add_argument("--limit-mb", type=float, default=None)
    args = parser.parse_args()
    if not args.root.is_dir():
        print(f"LawRefBook snapshot not found: {args.root}", file=sys.stderr)
        return 2
    print(f"date: {date.today().isoformat()}  python: {platform.python_version()}  "  # noqa: DTZ011
          f"machine: {platform.machine()} {os.cpu_count()} cores, {platform.platform()}")
    load = catalog_load()
    print("catalog load (median of 5 fresh processes): "
          f"import {load['import_s']:.3f} s, load {load['load_s']:.3f} s, "
          f"first analyze {load['first_analyze_s']:.3f} s, {load['laws']} laws, "
          f"peak RSS {load['rss_mb']:.0f} MB")
    result = throughput(args.root, args.limit_mb)
    print(f"throughput: {result['files']} files, {result['mb']:.1f} MB ({result['chars']} chars) "
          f"in {result['seconds']:.1f} s wall / {result['cpu_seconds']:.1f} s CPU = "
          f"{result['mb_per_s']:.2f} MB/s on one core; peak RSS {result['rss_mb']:.0f} MB")
    print(f"citations: {result['citations']}  by status: {result['statuses']}")
    print(f"by kind: {result['kinds']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
