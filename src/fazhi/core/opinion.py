"""A draft 合法性审核意见书 built from a pre-review, for the reviewer to edit and sign.

The letter follows the written-opinion practice of 国办发〔2018〕115号 (合法性审核 ends in a
written opinion: 合法, 不合法 or 修改后合法). The system proposes; the reviewer decides: the
conclusion is left for the reviewer to tick, with the system's suggestion stated as such.
"""

from __future__ import annotations

from datetime import date

from fazhi.core.gbt9704 import OfficialDocument, Section, build
from fazhi.core.review import CATEGORY_TEXT, Finding, ReviewReport

CHINESE_ORDINALS = "一二三四五六七八九十"
ARTICLE_LEVEL = 4  # structure levels: 0 编 … 4 条, then items 一、（一）1.（1）①
# Citation statuses worth a line in the letter (a current citation needs none).
CITATION_PROBLEMS = {
    "amended_since": "已被修改", "abolished": "已废止", "not_yet_effective": "尚未生效",
    "expired": "已失效", "unknown_article": "条文不存在",
}


def _ordinal(n: int) -> str:
    return CHINESE_ORDINALS[n - 1] if n <= len(CHINESE_ORDINALS) else str(n)


def where(report: ReviewReport, finding: Finding) -> str:
    """The article and items holding the finding, e.g. 第五条（二） or 二（三）4., to find it by."""
    chain = sorted(
        (node for node in report.structure.iter_nodes()
         if node.level >= ARTICLE_LEVEL and node.span[0] <= finding.start < node.span[1]),
        key=lambda node: node.level,
    )
    return "".join(node.marker.rstrip("、") for node in chain)


def suggested_conclusion(report: ReviewReport) -> str:
    severities = {f.severity for f in report.findings}
    if "error" in severities:
        return "修改后合法（存在须修改的问题）"
    if "warning" in severities:
        return "修改后合法或合法（有须审核人员判断的问题）"
    return "合法（预审未发现问题）"


def opinion_letter(report: ReviewReport, *, reviewer_unit: str = "", addressee: str = "",
                   day: date | None = None) -> OfficialDocument:
    title = report.structure.title.text if report.structure.title else ""
    subject = f"《{title.strip('《》')}》" if title else "该文件草案"
    sections = [
        Section("一、审核结论", [
            "□合法　　□不合法　　□修改后合法",
            f"系统预审建议：{suggested_conclusion(report)}。审核结论由审核人员确定。",
        ]),
    ]
    problems = [f for f in report.findings if f.severity != "info"]
    paragraphs: list[str] = []
    for index, (category, findings) in enumerate(_grouped(problems).items(), 1):
        paragraphs.append(f"（{_ordinal(index)}）{CATEGORY_TEXT.get(category, category)}")
        for number, finding in enumerate(findings, 1):
            located = where(report, finding)
            basis = "；".join(finding.basis)
            located = f"{located}中" if located else ""
            line = f"{number}．{located}“{_short(finding.quote)}”：{finding.message}"
            if basis:
                line += f"依据：{basis}。"
            if finding.suggestion:
                line += f"建议：{finding.suggestion}"
            paragraphs.append(line)
    sections.append(Section("二、具体意见", paragraphs or ["预审未发现须修改的问题。"]))
    stale = [c for c in report.citations.citations if c.status in CITATION_PROBLEMS]
    if stale:
        sections.append(Section("三、引用法律法规核对", [
            f"{number}．“{c.quote}”：{CITATION_PROBLEMS[c.status]}。{c.message}"
            for number, c in enumerate(stale, 1)
        ]))
    return OfficialDocument(
        title=f"关于{subject}的\n合法性审核意见（草稿）",
        addressee=addressee or "（起草单位）",
        opening=[f"{subject}收悉。根据《国务院办公厅关于全面推行行政规范性文件合法性审核机制的"
                 "指导意见》（国办发〔2018〕115号），对其制定主体、权限、内容和程序进行了合法性审核，"
                 "意见如下："],
        sections=sections,
        issuer=reviewer_unit,
        date=day,
        note="本意见书草稿由系统根据预审结果生成，须经审核人员复核、修改后出具",
    )


def opinion_docx(report: ReviewReport, *, reviewer_unit: str = "", addressee: str = "",
                 day: date | None = None) -> bytes:
    return build(opinion_letter(report, reviewer_unit=reviewer_unit, addressee=addressee, day=day))


def _grouped(findings: list[Finding]) -> dict[str, list[Finding]]:
    order = list(CATEGORY_TEXT)
    grouped: dict[str, list[Finding]] = {}
    for finding in sorted(findings, key=lambda f: (order.index(f.category)
                                                    if f.category in order else 99, f.start)):
        grouped.setdefault(finding.category, []).append(finding)
    return grouped


def _short(quote: str, limit: int = 60) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= limit else quote[: limit - 1] + "…"
