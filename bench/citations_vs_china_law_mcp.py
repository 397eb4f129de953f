"""Side by side: Fazhi's citation checker and china-law-mcp's `check_citations_in_text`.

Usage: .venv/bin/python bench/citations_vs_china_law_mcp.py [LAWREFBOOK_DIR] [--limit-mb N]
       [--show N] [--seed S]
Needs `pip install 'fazhi[china-law-mcp]'`: `china_law_mcp.server` is imported as it is (it
needs the `mcp` package) and its tool function is called directly, in this process.

Both tools read the same texts (every Markdown file of the LawRefBook snapshot, one text at a
time) in one process pinned to one core. One-time setup is timed apart from the scan:
Fazhi's `load_catalog()`, china-law-mcp's first call (jieba and its BM25 index).

Correctness is judged against the LawRefBook texts themselves, by a judge written here and
independent of Fazhi's catalog code: a law "exists" when a text with that title (without
中华人民共和国 and spaces) is in the snapshot; its article set on a date is the article set of
the newest text of that title dated (file name) on or before that date, else the oldest one;
a law is "abolished" when a text of the snapshot says "《X》…同时废止" (date: that text's file
date). The citing text's date is its own file date. Caveat: Fazhi's catalog is built from
the same snapshot, so this measures resolution, not coverage beyond it.

1. The form both tools handle, 《X》第N条 (china-law-mcp's own regex, every occurrence):
   each tool's verdict is compared with the judge's (right law and article verdict; abolished
   law; law absent from the snapshot).
2. Everything else Fazhi reports (citations without article numbers, later articles of a
   list, bare names, 本法/该法, defined names, 文号): explicit names and 本X self-references
   are judged the same way; 该法/上述/defined names are printed with context (--show) for a
   reading by hand.
"""

from __future__ import annotations

import argparse
import collections
import importlib.metadata
import os
import platform
import random
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from citations import DEFAULT_LRB, load_texts, pin_one_core

from fazhi.core.numerals import parse_number

AS_OF = date(2026, 11, 27)
_FILE_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)$")
_ARTICLE_LINE = re.compile(r"^[ \t\u3000]*第([零〇一二三四五六七八九十百千0-9]+)条"
                           r"(?:之([零〇一二三四五六七八九十]+))?(?=[ \t\u3000]|$)", re.MULTILINE)
_ABOLISH = re.compile(r"[^。；\n]*同时废止")
_TITLE_IN = re.compile(r"《([^《》]+)》")
_VERSION_TAIL = re.compile(r"[（(][^（）()]*(?:\d{4}|修订|修正|修改)[^（）()]*[）)]$")
_PREFIX = "中华人民共和国"


_BRACKETS = str.maketrans({"(": "（", ")": "）", "〈": "《", "〉": "》", "<": "《", ">": "》",
                           "＜": "《", "＞": "》"})


def norm(title: str) -> str:
    key = "".join(title.split()).translate(_BRACKETS)
    key = _VERSION_TAIL.sub("", key)
    return key[len(_PREFIX):] if key.startswith(_PREFIX) and len(key) > len(_PREFIX) + 1 else key


# --- the judge --------------------------------------------------------------------------------


@dataclass
class Judge:
    versions: dict[str, list[tuple[date, frozenset[str]]]] = field(default_factory=dict)
    abolished: dict[str, date] = field(default_factory=dict)
    own_title: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, paths: list[Path], texts: list[str]) -> Judge:
        judge = cls()
        for path, text in zip(paths, texts, strict=True):
            title = next((line[2:].strip() for line in text.split("\n", 30)[:30]
                          if line.startswith("# ")), "")
            judge.own_title.append(norm(title))
            if not title:
                continue
            day = file_date(path) or date.min
            keys = set()
            for match in _ARTICLE_LINE.finditer(text):
                number = parse_number(match.group(1))
                sub = parse_number(match.group(2)) if match.group(2) else None
                if number:
                    keys.add(f"{number}-{sub}" if sub else str(number))
            versions = judge.versions.setdefault(norm(title), [])
            same = [v for v in versions if v[0] == day]
            if same:  # 民法典's 编 files: one undated version
                versions.remove(same[0])
                keys |= same[0][1]
            versions.append((day, frozenset(keys)))
            tail = text[-3000:]
            for sentence in _ABOLISH.findall(tail):
                for name in _TITLE_IN.findall(sentence):
                    key = norm(name)
                    # An undated text (民法典's 编 files) abolishes at an unknown date
                    # before the snapshot: date.min, which still counts as abolished by AS_OF.
                    if key != norm(title):
                        judge.abolished[key] = min(day, judge.abolished.get(key, day))
        for versions in judge.versions.values():
            versions.sort()
        return judge

    def has_article(self, law: str, key: str, day: date | None) -> bool | None:
        versions = self.versions.get(law)
        if not versions:
            return None
        chosen = versions[0]
        for version in versions:
            if day is None or version[0] <= day:
                chosen = version
        keys = chosen[1]
        if not keys:
            return None
        return key in keys


def file_date(path: Path) -> date | None:
    match = _FILE_DATE.search(path.stem)
    return date.fromisoformat(match.group(1)) if match else None


# --- the runs ---------------------------------------------------------------------------------


def run_fazhi(texts: list[str], days: list[date | None]) -> dict[str, Any]:
    from fazhi.core.catalog import load_catalog
    from fazhi.core.citations import analyze

    started = time.perf_counter()
    catalog = load_catalog(user=False)
    analyze("依据《合同法》第五十二条。", catalog, as_of=AS_OF)
    setup = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    reports = [analyze(text, catalog, document_date=day, as_of=AS_OF)
               for text, day in zip(texts, days, strict=True)]
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    # The same scan without document dates (a text without 落款 and no --date): no status
    # on the document's date, no comparison of article texts between versions.
    started, cpu_plain = time.perf_counter(), time.process_time()
    for text in texts:
        analyze(text, catalog, as_of=AS_OF)
    return {"setup": setup, "seconds": seconds, "cpu": cpu, "reports": reports,
            "seconds_plain": time.perf_counter() - started,
            "cpu_plain": time.process_time() - cpu_plain}


def run_china_law_mcp(texts: list[str]) -> dict[str, Any]:
    started = time.perf_counter()
    from china_law_mcp import server

    server.check_citations_in_text("《民法典》第一条")  # jieba + BM25 index, once
    setup = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    results = [server.check_citations_in_text(text) for text in texts]
    return {"setup": setup, "seconds": time.perf_counter() - started,
            "cpu": time.process_time() - cpu, "results": results,
            "regex": server._CITE_RE, "version": importlib.metadata.version("china-law-mcp")}


# --- judging ----------------------------------------------------------------------------------


def truth(judge: Judge, cited: str, key: str | None, day: date | None) -> tuple[str, bool | None]:
    """(category, article exists) for a law named `cited`: text | abolished | absent."""
    law = norm(cited)
    abolished = judge.abolished.get(law)
    if abolished is not None and abolished <= AS_OF:
        exists = judge.has_article(law, key, day) if key else None
        return "abolished", exists
    if law in judge.versions:
        return "text", judge.has_article(law, key, day) if key else None
    return "absent", None


def judge_common(judge: Judge, paths: list[Path], texts: list[str], days: list[date | None],
                 fazhi: dict[str, Any], clm: dict[str, Any],
                 show: int, rng: random.Random) -> dict[str, collections.Counter[str]]:
    """Every 《X》第N条 occurrence: each tool's verdict against the judge's."""
    out = {"occurrences": collections.Counter[str](), "china-law-mcp": collections.Counter[str](),
           "fazhi": collections.Counter[str]()}
    examples: dict[str, list[str]] = collections.defaultdict(list)
    regex = clm["regex"]
    for index, text in enumerate(texts):
        details = {d["citation"]: d for d in clm["results"][index]["details"]}
        by_start = {}
        for citation in fazhi["reports"][index].citations:
            by_start.setdefault(citation.start, citation)
        for match in regex.finditer(text):
            cited, raw_no = match.group(1), match.group(2)
            number = parse_number(raw_no)
            if not number:
                continue
            key, day = str(number), days[index]
            category, exists = truth(judge, cited, key, day)
            out["occurrences"][category] += 1
            # china-law-mcp: verified / law not found / article not found, with the law it chose.
            detail = details.get(f"《{cited}》第{raw_no}条")
            if detail is None:
                verdict_c = "not reported"
            elif detail["verified"]:
                verdict_c = "verified " + _same(detail["law"], cited)
            elif (detail["message"] or "").startswith("库内没有"):
                verdict_c = "law not found"
            else:
                verdict_c = "article not found " + _same(detail["law"], cited)
            # Fazhi: the citation starting at 《.
            citation = by_start.get(match.start())
            if citation is None or citation.article is None or citation.article.key != key:
                verdict_f = "not reported"
            elif citation.law is None:
                verdict_f = "candidates" if citation.candidates else "unknown"
            else:
                missing = "unknown_article" in (citation.status, citation.status_at_document)
                verdict_f = (f"{citation.status}{'/no such article' if missing else ''} "
                             + _same(citation.law.title, cited))
            for tool, verdict in (("china-law-mcp", verdict_c), ("fazhi", verdict_f)):
                grade = _grade(tool, category, exists, verdict)
                out[tool][f"{category}: {grade}"] += 1
                if grade.startswith(("wrong", "another", "resolved", "not reported")) and len(
                        examples[tool]) < 400:
                    where = paths[index].name
                    examples[tool].append(f"  {where}: {match.group(0)} → {verdict} "
                                          f"(judge: {category}, article exists: {exists})")
    for tool, lines in examples.items():
        for line in rng.sample(lines, min(show, len(lines))):
            print(f"[{tool} wrong] {line.strip()}")
    return out


def _same(law: str, cited: str) -> str:
    return "(same law)" if norm(law) == norm(cited) else f"(other law: {law})"


def _grade(tool: str, category: str, exists: bool | None, verdict: str) -> str:
    other = "(other law" in verdict
    if verdict == "not reported":
        return "not reported"
    if category == "absent":
        if other:
            return "another name: resolved to another law (by hand)"
        if verdict.startswith(("verified", "current", "amended", "abolished")):
            return "resolved (judge lacks it)"
        label = "invalid (库内没有)" if tool == "china-law-mcp" else "unknown (cannot check)"
        return f"right: not resolved, reported as {label}"
    if other:
        return "wrong: another law"
    if verdict in ("law not found", "unknown", "candidates"):
        return "wrong: not resolved" + (" (reported as nonexistent)" if tool == "china-law-mcp"
                                        else "")
    if category == "abolished":
        if verdict.startswith("abolished"):
            return "right: abolished"
        return "wrong: abolished law reported as " + verdict.split(" (")[0]
    says_missing = "no such article" in verdict or verdict.startswith("article not found")
    if exists is None:
        return "right law (article not checkable)"
    if says_missing == (not exists):
        return "right"
    return "wrong: says missing" if says_missing else "wrong: missing article accepted"


def judge_fazhi_rest(judge: Judge, paths: list[Path], texts: list[str], days: list[date | None],
                     fazhi: dict[str, Any], regex: re.Pattern[str], show: int,
                     rng: random.Random) -> collections.Counter[str]:
    """Fazhi's citations outside the common form."""
    counts = collections.Counter[str]()
    by_hand: list[str] = []
    wrong: list[str] = []
    for index, text in enumerate(texts):
        common = {m.start() for m in regex.finditer(text)}
        for citation in fazhi["reports"][index].citations:
            if citation.start in common and citation.article is not None:
                continue
            kind = citation.kind
            target = citation.target()
            key = citation.article.key if citation.article else None
            # A back-reference without antecedent is 本X read as the document itself.
            if kind in ("title", "name") or (kind == "backref" and citation.antecedent is None):
                if kind == "backref":
                    cited, group = judge.own_title[index], "本X (self)" + (
                        " + article" if key else "")
                else:
                    cited = target.cited
                    group = ("title" if kind == "title" else "bare name") + (
                        " + article" if key else "")
                category, exists = truth(judge, cited, key, days[index])
                law = citation.law
                if law is None:
                    grade = ("right: unknown" if category == "absent" else
                             "ambiguous name (candidates)" if citation.candidates else
                             "wrong: not resolved")
                elif norm(law.title) != norm(cited) and norm(law.id) != norm(cited):
                    grade = ("alias/short name (by hand)" if category == "absent" else
                             "wrong: other law")
                elif category == "absent":
                    grade = "resolved (judge lacks it)"
                elif category == "abolished":
                    grade = "right" if citation.status == "abolished" else "wrong: abolished law"
                elif key and exists is not None:
                    missing = "unknown_article" in (citation.status, citation.status_at_document)
                    grade = "right" if missing == (not exists) else "wrong article verdict"
                else:
                    grade = "right"
                counts[f"{group}: {grade}"] += 1
                if grade.startswith("wrong") or "by hand" in grade:
                    wrong.append(f"{grade}: {_context(paths[index], text, citation)}")
            else:
                counts[f"{kind} (该法/上述, 本法 in a quotation, defined name, 文号): by hand"] += 1
                by_hand.append(_context(paths[index], text, citation))
    for line in rng.sample(by_hand, min(show, len(by_hand))):
        print(f"[fazhi by hand] {line}")
    for line in rng.sample(wrong, min(show, len(wrong))):
        print(f"[fazhi check] {line}")
    return counts


def _context(path: Path, text: str, citation: Any) -> str:
    before = text[max(0, citation.start - 60):citation.start].replace("\n", "⏎")
    after = text[citation.end:citation.end + 10].replace("\n", "⏎")
    law = citation.law.title if citation.law else "—"
    return f"{path.name}: …{before}【{citation.quote}】{after}… → {law} {citation.status}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_LRB)
    parser.add_argument("--limit-mb", type=float, default=None)
    parser.add_argument("--show", type=int, default=0, help="print N examples of each error")
    parser.add_argument("--seed", type=int, default=20261127)
    args = parser.parse_args()
    try:
        import china_law_mcp.server  # noqa: F401
    except ImportError as error:
        print(f"china-law-mcp not importable ({error}); pip install 'fazhi[china-law-mcp]'",
              file=sys.stderr)
        return 2
    if not args.root.is_dir():
        print(f"LawRefBook snapshot not found: {args.root}", file=sys.stderr)
        return 2
    pin_one_core()
    paths, texts, total = load_texts(args.root, args.limit_mb)
    days = [file_date(p) for p in paths]
    mb = total / 1024 / 1024
    print(f"date: {date.today().isoformat()}  python {platform.python_version()}  "  # noqa: DTZ011
          f"{platform.machine()} {os.cpu_count()} cores, {platform.platform()}; one core")
    print(f"texts: {len(texts)}, {mb:.1f} MB, {sum(map(len, texts))} chars")
    clm = run_china_law_mcp(texts)
    fazhi = run_fazhi(texts, days)
    if args.limit_mb:
        all_paths, all_texts, _ = load_texts(args.root, None)
        judge = Judge.build(all_paths, all_texts)
        judge.own_title = judge.own_title[:len(texts)]
        del all_texts
    else:
        judge = Judge.build(paths, texts)
    rng = random.Random(args.seed)  # noqa: S311 (sampling examples, not security)

    raw = sum(len(clm["regex"].findall(t)) for t in texts)
    unique = sum(r["total"] for r in clm["results"])
    invalid = sum(r["invalid"] for r in clm["results"])
    cites = [c for r in fazhi["reports"] for c in r.citations]
    kinds = collections.Counter(c.kind for c in cites)
    statuses = collections.Counter(c.status for c in cites)
    with_article = sum(1 for c in cites if c.article is not None)
    resolved = sum(1 for c in cites if c.law is not None)
    print(f"\nchina-law-mcp {clm['version']} check_citations_in_text: setup {clm['setup']:.1f} s; "
          f"scan {clm['seconds']:.2f} s wall / {clm['cpu']:.2f} s CPU = "
          f"{mb / clm['seconds']:.1f} MB/s; {raw} 《X》第N条 matches, {unique} reported "
          f"(unique per text), {invalid} reported invalid")
    print(f"fazhi analyze, document date = file date: setup {fazhi['setup']:.2f} s; scan "
          f"{fazhi['seconds']:.2f} s wall / {fazhi['cpu']:.2f} s CPU = "
          f"{mb / fazhi['seconds']:.1f} MB/s; without document dates "
          f"{fazhi['seconds_plain']:.2f} s wall / {fazhi['cpu_plain']:.2f} s CPU = "
          f"{mb / fazhi['seconds_plain']:.1f} MB/s; {len(cites)} citations "
          f"({with_article} with article numbers), {resolved} resolved to a catalogued law")
    print(f"  by kind: {dict(kinds.most_common())}")
    print(f"  by status: {dict(statuses.most_common())}")
    abolished_laws = collections.Counter(c.law.id for c in cites
                                         if c.status == "abolished" and c.law)
    print(f"  abolished: {sum(abolished_laws.values())} citations of {len(abolished_laws)} laws")

    print(f"\njudge: {len(judge.versions)} titles with texts, {len(judge.abolished)} abolished "
          "by a 同时废止 clause")
    common = judge_common(judge, paths, texts, days, fazhi, clm, args.show, rng)
    print(f"\n1. 《X》第N条 occurrences by the judge's category: {dict(common['occurrences'])}")
    for tool in ("china-law-mcp", "fazhi"):
        print(f"  {tool}:")
        for label, count in sorted(common[tool].items()):
            print(f"    {count:7d}  {label}")
    rest = judge_fazhi_rest(judge, paths, texts, days, fazhi, clm["regex"], args.show, rng)
    print("\n2. Fazhi's other citations:")
    for label, count in sorted(rest.items()):
        print(f"    {count:7d}  {label}")
    # The abolished-law example of the issue, on a two-line document dated 2019 (the corpus
    # has no 《合同法》第五十二条).
    from china_law_mcp import server

    from fazhi.core.catalog import load_catalog
    from fazhi.core.citations import analyze

    sample = "依据《合同法》第五十二条，该合同无效。\n\n2019年5月1日\n"
    print(f"\n{sample.splitlines()[0]}（落款 2019年5月1日）:")
    for detail in server.check_citations_in_text(sample)["details"]:
        print(f"  china-law-mcp: verified={detail['verified']} {detail['message']}")
    for citation in analyze(sample, load_catalog(user=False), as_of=AS_OF).citations:
        print(f"  fazhi: {citation.status} (on the document's date: "
              f"{citation.status_at_document}) {citation.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
