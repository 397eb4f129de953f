"""`fazhi text`, `fazhi cite` and `fazhi review`: document analysis without a database.

`load_document` is the one way these commands read their input, so every command reports
character offsets into the same text that `fazhi text` prints.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

from fazhi.cli import CommandFailed
from fazhi.core.catalog import CatalogError
from fazhi.core.text import ExtractionError, extract_bytes, extract_text, read_capped


def load_document(path: str) -> str:
    """The normalised text of PATH (.txt/.docx/.pdf, or - for stdin), or CommandFailed."""
    try:
        if path == "-":
            return extract_bytes(read_capped(sys.stdin.buffer), "stdin")
        return extract_text(path)
    except ExtractionError as error:
        raise CommandFailed(str(error)) from None


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{value}") from None


def write_out(text: str) -> None:
    # Bytes, so the locale's encoding cannot alter what offsets refer to.
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        pass


def add_document_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="文件路径（.txt、.docx、.pdf），- 表示标准输入")


def register(subparsers: Any) -> None:
    text = subparsers.add_parser("text", help="输出文件的提取文本（引用位置以此为准）")
    add_document_argument(text)
    text.set_defaults(handler=run_text)

    cite = subparsers.add_parser("cite", help="找出文件中引用的法律法规并核对效力")
    add_analysis_options(cite, "核对效力的日期（默认今天）")
    cite.set_defaults(handler=run_cite)

    review = subparsers.add_parser("review", help="对规范性文件进行合法性审查（规则提示）")
    add_analysis_options(review, "核对效力和有效期的日期（默认今天）")
    review.set_defaults(handler=run_review)


def add_analysis_options(parser: argparse.ArgumentParser, as_of_help: str) -> None:
    """PATH, --json, --as-of and --date: what `fazhi cite` and `fazhi review` share."""
    add_document_argument(parser)
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument("--as-of", type=parse_day, metavar="YYYY-MM-DD", help=as_of_help)
    parser.add_argument("--date", dest="document_date", type=parse_day, metavar="YYYY-MM-DD",
                        help="文件的成文日期（默认从落款推断）")


def run_text(args: argparse.Namespace) -> int:
    text = load_document(args.path)
    write_out(text if text.endswith("\n") else text + "\n")
    return 0


def run_analysis(args: argparse.Namespace, analyse: Callable[[str], Any],
                 render: Callable[[dict[str, Any], str], str],
                 errors: tuple[type[Exception], ...] = (CatalogError,)) -> int:
    """Load PATH, analyse it and print JSON (--json) or the Chinese report."""
    text = load_document(args.path)
    try:
        data = analyse(text).to_json()
    except errors as error:
        raise CommandFailed(str(error)) from None
    if args.json:
        write_out(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    else:
        write_out(render(data, text))
    return 0


def run_cite(args: argparse.Namespace) -> int:
    from fazhi.core.citations import analyze

    return run_analysis(
        args, lambda text: analyze(text, document_date=args.document_date, as_of=args.as_of),
        render_citations)


def render_citations(data: dict[str, Any], text: str) -> str:
    """Readable Chinese lines, in document order."""
    from fazhi.core.citations import STATUS_TEXT

    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    citations = data["citations"]
    doc_date = data["document_date"] or "未知"
    lines = [f"文件日期：{doc_date}（{data['document_date_source']}）；核对日期：{data['as_of']}"]
    if not citations:
        lines.append("未发现法律法规或文件引用。")
        return "\n".join(lines) + "\n"
    counts = Counter(c["status"] for c in citations)
    summary = "，".join(f"{STATUS_TEXT[s]} {n}" for s, n in counts.most_common())
    lines.append(f"共 {len(citations)} 处引用：{summary}")
    for c in citations:
        line = bisect.bisect_right(line_starts, c["start"])
        column = c["start"] - line_starts[line - 1] + 1
        quote = " ".join(c["quote"].split())
        lines.append(f"第{line}行第{column}字  {quote}  [{STATUS_TEXT[c['status']]}]  {c['message']}")
    return "\n".join(lines) + "\n"


def run_review(args: argparse.Namespace) -> int:
    from fazhi.core.review import review_text
    from fazhi.core.rules import RuleError

    return run_analysis(
        args, lambda text: review_text(text, as_of=args.as_of, document_date=args.document_date),
        render_review, (CatalogError, RuleError))


def _context_line(text: str, start: int, end: int, width: int = 30) -> str:
    """The quoted clause with some text either side, on one line; the quote in 【】."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    for stop in ("\n", "。"):
        cut = text.rfind(stop, left, start)
        if cut >= 0:
            left = cut + 1
            break
    for stop in ("\n", "。"):
        cut = text.find(stop, end, right)
        if cut >= 0:
            right = cut + 1
            break
    before = " ".join(text[left:start].split())
    quote = " ".join(text[start:end].split())
    after = " ".join(text[end:right].split())
    return f"{'…' if left > 0 else ''}{before}【{quote}】{after}{'…' if right < len(text) else ''}"


def render_review(data: dict[str, Any], text: str) -> str:
    """Readable Chinese report: document facts, then findings grouped by category."""
    from fazhi.core.review import CATEGORY_TEXT, SEVERITY_TEXT

    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    doc = data["document"]
    lines = [f"文件：{doc['title'] or '（未识别标题）'}"]
    facts = [
        ("文号", doc["doc_number"]), ("制发机关", doc["issuer"]), ("成文日期", doc["issued"]),
        ("施行日期", doc["effective"]), ("有效期至", doc["expires"]),
    ]
    lines.append("；".join(f"{k}：{v or '未识别'}" for k, v in facts)
                 + f"；条文 {doc['articles']} 条；{doc['chars']} 字")
    lines.append(f"核对日期：{data['as_of']}；引用 {len(data['citations'])} 处")
    lines.extend(f"说明：{note}" for note in data["notes"])
    counts = data["counts"]
    findings = data["findings"]
    if not findings:
        lines.append("未发现问题。")
        return "\n".join(lines) + "\n"
    lines.append(f"发现：错误 {counts['error']}，警示 {counts['warning']}，提示 {counts['info']}")
    order = list(CATEGORY_TEXT)
    groups: dict[str, list[dict[str, Any]]] = {}
    for f in findings:
        groups.setdefault(f["category"], []).append(f)
    for category in sorted(groups, key=lambda c: order.index(c) if c in order else len(order)):
        lines.append("")
        lines.append(f"■ {CATEGORY_TEXT.get(category, category)}")
        for f in groups[category]:
            line = bisect.bisect_right(line_starts, f["start"])
            column = f["start"] - line_starts[line - 1] + 1
            lines.append(f"  [{SEVERITY_TEXT[f['severity']]}] 第{line}行第{column}字  {f['rule']}")
            if f["end"] > f["start"]:
                lines.append(f"    原文：{_context_line(text, f['start'], f['end'])}")
            lines.append(f"    问题：{f['message']}")
            if f["basis"]:
                lines.append(f"    依据：{'；'.join(f['basis'])}")
            lines.append(f"    建议：{f['suggestion']}")
    return "\n".join(lines) + "\n"
