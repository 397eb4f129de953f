"""Benchmarks of `fazhi review` (issue 4): latency, batch throughput against ripgrep, memory.

    .venv/bin/python bench/review.py [--quick] [--no-eval]

1. Latency: one ~10,000-character draft (the corpus documents joined and cut), one core,
   full review (structure, citations, rules): median and p95 after warm-up. Goal < 20 ms.
2. Batch throughput over the LawRefBook texts (../shared/lawrefbook, ~60 MB of Markdown):
   the rule scan (`fazhi.core.review.scan`: the Aho-Corasick pass over the packs' own
   trigger words plus the sentence rules) in one process and in one process per core,
   against `rg -F -f <the same keyword list>` over the same files in the same run (`make
   bench` installs ripgrep). Each is the best of three runs (--quick: one); wall and CPU
   time are both printed, as other work on a shared machine slows the wall figures. Goal:
   at least 1/10 of ripgrep's throughput (wall time). The full review (which adds
   structure and citation analysis) is timed too, on a sample, for reference. Skipped with
   a message without rg.
3. Peak memory (ru_maxrss) of the process after the batch. Goal < 500 MB.
4. Accuracy: bench/review_eval.py (precision/recall per category), when present.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
LAWREFBOOK = SHARED / "lawrefbook"
CORPUS = SHARED / "corpus" / "normative"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores (nproc), {cpu}, Python {platform.python_version()}"


def draft_10k() -> str:
    from fazhi.core.text import normalize_text

    parts = []
    for path in sorted(CORPUS.glob("*.txt")):
        parts.append(path.read_text(encoding="utf-8").split("----- BODY -----\n", 1)[1])
    text = normalize_text("\n".join(parts))
    return text[:10_000]


def latency(rounds: int) -> tuple[float, float, int]:
    from fazhi.core.review import review_text

    text = draft_10k()
    for _ in range(5):
        review_text(text)
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        report = review_text(text)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], len(report.findings)


def law_files(limit: int | None) -> list[Path]:
    files = sorted(p for p in LAWREFBOOK.rglob("*.md") if p.is_file())
    return files[:limit] if limit else files


def _scan_files(paths: list[str]) -> tuple[int, int]:
    from fazhi.core.review import scan
    from fazhi.core.rules import load_rules

    pack = load_rules()
    chars = findings = 0
    for path in paths:
        # Read and decode, as rg does; LawRefBook's UTF-8 Markdown needs no extraction, so
        # normalize_text (an extraction step, ~45 MB/s) is left out of the engine's time.
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        chars += len(text)
        findings += len(scan(text, pack))
    return chars, findings


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (workers, rg)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def batch_scan(files: list[Path], workers: int, rounds: int) -> tuple[float, float, int]:
    """(wall, CPU seconds, findings) of the best of ``rounds`` runs (by wall time)."""
    paths = [str(p) for p in files]
    best: tuple[float, float, int] | None = None
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), _cpu()
        if workers == 1:
            _, findings = _scan_files(paths)
        else:
            chunks = [paths[i::workers] for i in range(workers)]
            with ProcessPoolExecutor(workers) as pool:  # workers end here: their CPU counts
                findings = sum(r[1] for r in pool.map(_scan_files, chunks))
        run = (time.perf_counter() - t0, _cpu() - c0, findings)
        best = run if best is None or run[0] < best[0] else best
    assert best is not None
    return best


def full_review(files: list[Path]) -> tuple[float, int]:
    from fazhi.core.review import review_text
    from fazhi.core.text import normalize_text

    size = 0
    t0 = time.perf_counter()
    for path in files:
        text = normalize_text(path.read_text(encoding="utf-8", errors="replace"))
        size += len(text.encode("utf-8"))
        review_text(text)
    return time.perf_counter() - t0, size


def ripgrep(files: list[Path], keywords: list[str]) -> tuple[float, float] | None:
    """(wall, CPU seconds) of the best of three runs, as for a warm cache."""
    rg = shutil.which("rg")
    if rg is None:
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write("\n".join(keywords) + "\n")
        patterns = f.name
    try:
        best: tuple[float, float] | None = None
        for _ in range(3):
            t0, c0 = time.perf_counter(), _cpu()
            with tempfile.TemporaryFile() as sink:
                subprocess.run([rg, "-F", "-f", patterns, "--no-config", "-c", "--",  # noqa: S603
                                *map(str, files)], stdout=sink, stderr=subprocess.DEVNULL,
                               check=False)
            run = (time.perf_counter() - t0, _cpu() - c0)
            best = run if best is None or run[0] < best[0] else best
        return best
    finally:
        os.unlink(patterns)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds and files")
    parser.add_argument("--no-eval", action="store_true", help="skip the accuracy table")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    from fazhi.core.rules import load_rules

    print(f"date: {time.strftime('%Y-%m-%d')}; machine: {machine()}")
    if not CORPUS.is_dir():
        print(f"skipped: corpus folder absent ({CORPUS})")
        return 0
    median, p95, found = latency(20 if args.quick else 100)
    verdict = "ok" if median < 20 else "ABOVE GOAL"
    print(f"latency, 10,000-char draft, full review: median {median:.1f} ms, p95 {p95:.1f} ms "
          f"({found} findings) — goal < 20 ms: {verdict}")

    if not LAWREFBOOK.is_dir():
        print(f"skipped: LawRefBook folder absent ({LAWREFBOOK})")
        return 0
    files = law_files(300 if args.quick else None)
    size = sum(p.stat().st_size for p in files)
    mb = size / 1e6
    workers = os.cpu_count() or 1
    keywords = load_rules().keywords()
    rounds = 1 if args.quick else 3
    one, one_cpu, findings = batch_scan(files, 1, rounds)
    many, many_cpu, _ = batch_scan(files, workers, rounds) if workers > 1 else (one, one_cpu, 0)
    print(f"batch scan: {len(files)} files, {mb:.1f} MB, {len(keywords)} trigger words, "
          f"{findings} clause findings; load average {os.getloadavg()[0]:.1f}")
    print(f"  engine, 1 process:  {one:.2f} s = {mb / one:.1f} MB/s "
          f"(CPU {one_cpu:.2f} s = {mb / one_cpu:.1f} MB/s per CPU-second)")
    print(f"  engine, {workers} processes: {many:.2f} s = {mb / many:.1f} MB/s "
          f"(CPU {many_cpu:.2f} s)")
    rg = ripgrep(files, keywords)
    if rg is None:
        print("  ripgrep: not installed (make bench-deps); comparison skipped")
    else:
        rg_wall, rg_cpu = rg
        ratio = rg_wall / many
        print(f"  rg -F -f keywords:  {rg_wall:.2f} s = {mb / rg_wall:.1f} MB/s "
              f"(CPU {rg_cpu:.2f} s = {mb / rg_cpu:.1f} MB/s per CPU-second)")
        verdict = "ok" if ratio >= 0.1 else "BELOW GOAL"
        print(f"  engine/rg throughput ratio: {ratio:.2f} ({workers} processes), "
              f"{rg_wall / one:.2f} (1 process), {rg_cpu / one_cpu:.2f} (CPU time) "
              f"— goal >= 0.10: {verdict}")
    sample = files[:: max(1, len(files) // 200)]
    elapsed, sample_size = full_review(sample)
    print(f"  full review (structure + citations + rules), {len(sample)} sampled files, "
          f"{sample_size / 1e6:.1f} MB: {elapsed:.2f} s = {sample_size / 1e6 / elapsed:.1f} MB/s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    verdict = "ok" if max(peak, children) < 500 else "ABOVE GOAL"
    print(f"peak memory: {peak:.0f} MB (this process), {children:.0f} MB (largest worker) "
          f"— goal < 500 MB: {verdict}")

    evaluator = REPO / "bench" / "review_eval.py"
    if not args.no_eval and evaluator.is_file():
        print("\naccuracy (bench/review_eval.py):")
        sys.stdout.flush()
        subprocess.run([sys.executable, str(evaluator)], check=False)  # noqa: S603
    return 0


if __name__ == "__main__":
    sys.exit(main())
