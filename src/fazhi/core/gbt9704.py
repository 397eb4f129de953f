"""公文-format DOCX documents (GB/T 9704-2012 《党政机关公文格式》) with python-docx.

The layout rules (A4; 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm; 3号仿宋 body; 22 lines of
28 characters; 2号小标宋 title; level-1 headings 黑体, level-2 楷体; first-line indent of two
characters; 成文日期 right-aligned four characters in; page numbers "— 1 —" in 4号 宋体) are
from the standard as summarised in shared/reference/legal-requirements.md §7.2. The grid
recipe (exact 28.95 pt line pitch plus −0.25 pt character spacing) is the one that renders as
22 × 28 in LibreOffice and Word (shared/design/stack-research.md §5).

The official fonts (仿宋_GB2312, 方正小标宋简体) are licensed and not shipped; documents name
them, and the reader's machine supplies them or substitutes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"
LATIN = "Times New Roman"

SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
LINE_PITCH = Pt(28.95)  # 225 mm / 22 lines
INDENT_2_CHARS = Pt(32)  # two 三号 characters


@dataclass
class Section:
    """A heading (一、…) with paragraphs; level 1 is 黑体, level 2 楷体, deeper 仿宋."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    level: int = 1


@dataclass
class OfficialDocument:
    title: str
    addressee: str = ""
    opening: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    issuer: str = ""
    date: date | None = None
    note: str = ""  # 附注, e.g. （联系人：…）


def chinese_date(day: date) -> str:
    """成文日期 in Arabic numerals, months and days without padding (GB/T 9704-2012 7.3.5)."""
    return f"{day.year}年{day.month}月{day.day}日"


def _set_run_font(run_element: object, east_asia: str, size: Pt | None = None, bold: bool = False) -> None:
    rpr = run_element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:ascii"), LATIN)
    fonts.set(qn("w:hAnsi"), LATIN)
    fonts.set(qn("w:eastAsia"), east_asia)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            element = rpr.find(qn(tag))
            if element is None:
                element = OxmlElement(tag)
                rpr.append(element)
            element.set(qn("w:val"), str(int(size.pt * 2)))
    if bold:
        rpr.get_or_add_b()


def _setup(doc: Document) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28) - Mm(7)  # the page number's rule sits 7 mm below the 版心
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(int(LINE_PITCH.pt * 20)))

    normal = doc.styles["Normal"]
    normal.font.size = SIZE_3
    normal.font.name = LATIN
    _set_run_font(normal.element, FANGSONG)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), "-5")  # −0.25 pt: 28 characters fit the 156 mm line
    normal.element.get_or_add_rPr().append(spacing)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.space_before = fmt.space_after = Pt(0)
    _page_numbers(doc)


def _page_numbers(doc: Document) -> None:
    """— N — in 4号 宋体, outside the 版心 (odd pages right, even left; one setting: centred)."""
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, "— ", SONGTI, SIZE_4)
    run = paragraph.add_run()
    _set_run_font(run._element, SONGTI, SIZE_4)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)
    _run(paragraph, " —", SONGTI, SIZE_4)


def _run(paragraph: Paragraph, text: str, font: str, size: Pt | None = None, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    _set_run_font(run._element, font, size, bold)


def _paragraph(doc: Document, text: str = "", *, font: str = FANGSONG, indent: bool = True,
               align: WD_ALIGN_PARAGRAPH | None = None, size: Pt | None = None) -> Paragraph:
    paragraph = doc.add_paragraph()
    if indent:
        paragraph.paragraph_format.first_line_indent = INDENT_2_CHARS
    if align is not None:
        paragraph.alignment = align
    if text:
        _run(paragraph, text, font, size)
    return paragraph


HEADING_FONTS = {1: HEITI, 2: KAITI}


def build(document: OfficialDocument) -> bytes:
    """The DOCX bytes of a 公文 body: title, 主送, text, 附件说明, 署名 and 成文日期."""
    doc = new_document()
    _setup(doc)
    doc.core_properties.title = document.title
    for line in document.title.splitlines() or [""]:
        _paragraph(doc, line, font=XIAOBIAOSONG, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=SIZE_2)
    _paragraph(doc, indent=False)  # 标题下空一行
    if document.addressee:
        _paragraph(doc, document.addressee.rstrip("：:") + "：", indent=False)
    for text in document.opening:
        _paragraph(doc, text)
    for section in document.sections:
        _paragraph(doc, section.heading, font=HEADING_FONTS.get(section.level, FANGSONG))
        for text in section.paragraphs:
            _paragraph(doc, text)
    if document.attachments:
        _paragraph(doc, indent=False)
        _attachments(doc, document.attachments)
    if document.issuer or document.date:
        _signature(doc, document.issuer, document.date)
    if document.note:
        _paragraph(doc, f"（{document.note.strip('（）()')}）")
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def _width(text: str) -> float:
    """Width in 三号 characters: Arabic digits and Latin letters take half a character."""
    return sum(0.5 if ch.isascii() else 1 for ch in text)


def _signature(doc: Document, issuer: str, day: date | None) -> None:
    """Unsealed layout (GB/T 9704-2012 7.3.5.3): 正文下空一行右空二字署名; the date on the next
    line, its first character two characters right of the 署名's first character."""
    _paragraph(doc, indent=False)
    if issuer:
        line = _paragraph(doc, issuer, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
        line.paragraph_format.right_indent = Pt(16 * 2)
    if day:
        text = chinese_date(day)
        right = 2 + _width(issuer) - 2 - _width(text) if issuer else 4
        line = _paragraph(doc, text, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
        line.paragraph_format.right_indent = Pt(16 * max(right, 0))


def _attachments(doc: Document, names: Iterable[str]) -> None:
    names = list(names)
    for index, name in enumerate(names, 1):
        label = "附件：" if index == 1 else "　　　"
        number = f"{index}．" if len(names) > 1 else ""
        _paragraph(doc, f"{label}{number}{name.rstrip('。.')}")
