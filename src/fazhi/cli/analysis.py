"""`fazhi text` and `fazhi cite` (and, later, `fazhi review`): document analysis without a database.

`load_document` is the one way these commands read their input, so every command reports
character offsets into the same text that `fazhi text` prints.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from collections import Counter
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
    add_document_argument(cite)
    cite.add_argument("--json", action="store_true", help="以 JSON 输出")
    cite.add_argument("--as-of", type=parse_day, metavar="YYYY-MM-DD",
                      help="核对效力的日期（默认今天）")
    cite.add_argument("--date", dest="document_date", type=parse_day, metavar="YYYY-MM-DD",
                      help="文件的成文日期（默认从落款推断）")
    cite.set_defaults(handler=run_cite)


def run_text(args: argparse.Namespace) -> int:
    text = load_document(args.path)
    write_out(text if text.endswith("\n") else text + "\n")
    return 0


def run_cite(args: argparse.Namespace) -> int:
    from fazhi.core.citations import analyze

    text = load_document(args.path)
    try:
        report = analyze(text, document_date=args.document_date, as_of=args.as_of)
    except CatalogError as error:
        raise CommandFailed(str(error)) from None
    if args.json:
        write_out(json.dumps(report.to_json(), ensure_ascii=False, indent=1) + "\n")
        return 0
    write_out(render_citations(report.to_json(), text))
    return 0


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
