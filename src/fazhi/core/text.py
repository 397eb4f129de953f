"""Text extraction from .txt/.docx/.pdf and the normalisation every analysis starts from.

Offsets reported by `fazhi cite` and `fazhi review` index into the string returned by
`extract_text`/`extract_bytes`, which is exactly what `fazhi text` prints. Every
normalisation therefore happens here, before any offset is taken.

Inputs are untrusted: sizes are capped before reading, DOCX is parsed with entities and
DTDs disabled and with zip-bomb limits, and every failure becomes an `ExtractionError`
carrying one Chinese sentence for the user.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

MAX_INPUT_BYTES = 64 * 1024 * 1024
MAX_TEXT_BYTES = 32 * 1024 * 1024
MAX_TEXT_CHARS = 16 * 1024 * 1024
MAX_DOCX_XML_BYTES = 48 * 1024 * 1024
MAX_ZIP_RATIO = 200  # uncompressed/compressed; real document.xml files stay far below
MAX_ZIP_MEMBERS = 5000
MAX_PDF_PAGES = 3000

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class ExtractionError(Exception):
    """The input cannot be turned into text; the message is one Chinese sentence."""


# --- normalisation ---------------------------------------------------------------------------

# Word's hidden "last edit position" bookmark leaks into some converters' output.
_BOOKMARK = re.compile(r"\[bookmark: [^\]\n]{0,80}\]")
_REMOVE = dict.fromkeys(
    [0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
    + [c for c in range(0x20) if c not in (0x09, 0x0A)]
    + [0x7F],
)


def _width_table() -> dict[int, str | int | None]:
    table: dict[int, str | int | None] = dict(_REMOVE)
    # Full-width ASCII letters and digits become half-width: one char for one char, and
    # 第１２条 then reads like 第12条. Full-width punctuation stays: it is ordinary Chinese.
    for code in range(0xFF10, 0xFF1A):
        table[code] = chr(code - 0xFEE0)
    for code in list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):
        table[code] = chr(code - 0xFEE0)
    table[0x00A0] = " "
    # PDF text layers often use Kangxi radicals (⼀, ⼆, ⼈) for ordinary ideographs.
    for code in list(range(0x2F00, 0x2FD6)) + list(range(0x2E80, 0x2EF4)):
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1:
            table[code] = folded
    return table


_TABLE = _width_table()


def normalize_text(text: str) -> str:
    """The canonical form of extracted text (line ends, artefacts, widths)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BOOKMARK.sub("", text)
    return text.translate(_TABLE)


# --- plain text -------------------------------------------------------------------------------


def _looks_textual(text: str) -> bool:
    """False for binary data that happened to decode (GB18030 accepts most byte strings)."""
    sample = text[:20000]
    if not sample:
        return True
    bad = 0
    for ch in sample:
        code = ord(ch)
        if (code < 0x20 and ch not in "\t\n\r\f") or 0xE000 <= code <= 0xF8FF or ch == "\ufffd":
            bad += 1
    return bad <= len(sample) * 0.02


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        if b"\x00" in data[:65536]:
            raise ExtractionError("文件含有二进制数据，不是可识别的文本、DOCX 或 PDF 文件")
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_textual(text):
            return text
        break
    raise ExtractionError("无法识别文件编码或文件不是文本（支持 UTF-8、GB18030 编码的文本）")


# --- DOCX ---------------------------------------------------------------------------------------


def _read_zip_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ExtractionError("DOCX 文件缺少正文部分（word/document.xml）") from None
    if info.flag_bits & 0x1:
        raise ExtractionError("DOCX 文件已加密，无法读取")
    if info.file_size > limit:
        raise ExtractionError("DOCX 正文过大，超出处理上限")
    if info.file_size > 1024 * 1024 and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
        raise ExtractionError("DOCX 文件压缩比异常（疑似压缩炸弹），拒绝处理")
    # The header's size may lie: read at most limit + 1 bytes and check what really came out.
    with archive.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise ExtractionError("DOCX 正文过大，超出处理上限")
    return data


def _docx_xml_text(xml: bytes) -> str:
    from lxml import etree

    head = xml[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in xml.lower():
        raise ExtractionError("DOCX 正文含有 DTD 或实体声明，出于安全原因拒绝处理")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        remove_comments=True, remove_pis=True,
    )
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError:
        raise ExtractionError("DOCX 正文不是有效的 XML，文件可能已损坏") from None
    body = root.find(f"{W_NS}body")
    if body is None:
        return ""
    paragraphs: list[str] = []
    for paragraph in body.iter(f"{W_NS}p"):
        parts: list[str] = []
        for node in paragraph.iter(f"{W_NS}t", f"{W_NS}tab", f"{W_NS}br", f"{W_NS}cr"):
            # Text nested in a deeper paragraph (text boxes) is emitted with that paragraph.
            owner = node.getparent()
            while owner is not None and owner.tag != f"{W_NS}p":
                owner = owner.getparent()
            if owner is not paragraph:
                continue
            if node.tag == f"{W_NS}t":
                parts.append(node.text or "")
            elif node.tag == f"{W_NS}tab":
                parts.append("\t")
            else:
                parts.append("\n")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def docx_text(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError):
        raise ExtractionError("不是有效的 DOCX 文件（无法按 zip 格式打开）") from None
    with archive:
        if len(archive.infolist()) > MAX_ZIP_MEMBERS:
            raise ExtractionError("DOCX 文件包含的部件过多，拒绝处理")
        try:
            xml = _read_zip_member(archive, "word/document.xml", MAX_DOCX_XML_BYTES)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError,
                NotImplementedError):
            raise ExtractionError("DOCX 文件已损坏，无法解压正文") from None
    return _docx_xml_text(xml)


# --- PDF ------------------------------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - pypdf is a declared dependency
        raise ExtractionError("未安装 pypdf，无法读取 PDF 文件") from None
    # pypdf reports recoverable damage through logging; the user gets our message instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    pages: list[str] = []
    total = 0
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError("PDF 文件已加密，无法读取")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ExtractionError(f"PDF 页数超过 {MAX_PDF_PAGES} 页，超出处理上限")
        for page in reader.pages:
            page_text = page.extract_text() or ""
            total += len(page_text)
            if total > MAX_TEXT_CHARS:
                raise ExtractionError("PDF 文字过多，超出处理上限")
            pages.append(page_text)
    except ExtractionError:
        raise
    except Exception:  # pypdf raises many types on malformed files
        raise ExtractionError("无法读取 PDF 文件，文件可能已损坏") from None
    text = "\n".join(pages)
    if not text.strip():
        raise ExtractionError("PDF 文件没有文字层（可能是扫描件），请先进行文字识别")
    return text


# --- entry points -----------------------------------------------------------------------------------


def read_capped(stream: BinaryIO, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read at most `limit` bytes, failing instead of reading a larger input into memory."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ExtractionError(f"输入超过 {limit // (1024 * 1024)} MB，超出处理上限")
    return data


def extract_bytes(data: bytes, filename: str = "") -> str:
    """Normalised text of a document given as bytes; the type comes from content, not name."""
    suffix = Path(filename).suffix.lower()
    if not data:
        raise ExtractionError("输入为空，没有可分析的文字")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        raw = docx_text(data)
    elif data.lstrip()[:5] == b"%PDF-":
        raw = pdf_text(data)
    elif suffix == ".docx":
        raise ExtractionError("不是有效的 DOCX 文件（无法按 zip 格式打开）")
    elif suffix == ".pdf":
        raise ExtractionError("不是有效的 PDF 文件")
    elif suffix == ".doc" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ExtractionError("不支持旧版 Word（.doc）文件，请另存为 .docx 后再试")
    else:
        if len(data) > MAX_TEXT_BYTES:
            raise ExtractionError(
                f"文本超过 {MAX_TEXT_BYTES // (1024 * 1024)} MB，超出处理上限"
            )
        raw = decode_text(data)
    if len(raw) > MAX_TEXT_CHARS:
        raise ExtractionError("文字过多，超出处理上限")
    return normalize_text(raw)


def extract_text(path: str | Path) -> str:
    """Normalised text of a .txt/.docx/.pdf file."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ExtractionError(f"{path} 是目录，不是文件")
        with path.open("rb") as stream:
            data = read_capped(stream)
    except FileNotFoundError:
        raise ExtractionError(f"找不到文件：{path}") from None
    except PermissionError:
        raise ExtractionError(f"没有读取权限：{path}") from None
    except OSError as error:
        raise ExtractionError(f"无法读取文件 {path}：{error.strerror or error}") from None
    return extract_bytes(data, path.name)
