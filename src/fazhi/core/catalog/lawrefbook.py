"""Importer for the LawRefBook/Laws dataset (one Markdown file per law version).

What is read, and from where:
- title and subtitle: the leading `# ` lines; history (通过/修正/修订/公布/施行 lines with
  their dates): the lines before `<!-- INFO END -->`; articles: `第N条` paragraphs;
- the index `db.sqlite3` (and `DLC/*/db.sqlite3`) for level and `valid_from`, matched
  by name and 公布 date. Its `expired` flag is not trusted: it becomes an unverified note;
- abolitions: a final-provision sentence "…《X》同时废止" marks X abolished on the
  abolishing text's 施行 date, with that law as successor;
- amendments: a newer version of a law supersedes the older one from its 施行 date; that
  is derived from the versions when statuses are computed, not stored twice.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from fazhi.core.catalog.models import (
    LICENCE_LEVELS,
    STATUS_ABOLISHED,
    Law,
    StatusEvent,
    Version,
    article_key,
    article_label,
    normalize_title,
)
from fazhi.core.numerals import NUMERAL_CHARS, parse_number

SKIP_DIRS = {"案例", "scripts", ".git"}
SKIP_FILES = {"_index.md", "README.md", "SOURCE.md", "法律法规模版.md"}
FOLDER_LEVELS = {
    "宪法": "宪法", "行政法规": "行政法规", "司法解释": "司法解释", "部门规章": "部门规章",
    "地方性法规": "地方性法规",
}
_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_HISTORY = re.compile(r"^\s*" + _DATE + r"\s*(.*)$")
_ARTICLE = re.compile(
    rf"^\s*第([{NUMERAL_CHARS}]+)条(?:之([{NUMERAL_CHARS}]+))?(?:[\s\u3000]+|$)"
)
_FILE_DATE = re.compile(r"^(.*)\((\d{4}-\d{2}-\d{2})\)$")
_EFFECTIVE = re.compile(r"自\s*(?:" + _DATE + r"|(公布|发布|印发)之日)\s*起\s*施行")
_ABOLISH_SENTENCE = re.compile(r"[^。；]*同时废止")
_TITLE_IN = re.compile(r"《((?:[^《》]|《[^《》]*》)+)》")
_BARE_ABOLISHED = re.compile(r"[，,。]\s*([^，,。《》\s]{2,40}?)同时废止")


def _mkdate(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


@dataclass
class ParsedFile:
    path: Path
    rel: str
    title: str
    subtitle: str
    published: date | None
    history: list[tuple[date, str]]
    effective_line: date | None
    articles: dict[str, str]
    order: list[str] = field(default_factory=list)


def parse_markdown(path: Path, root: Path) -> ParsedFile | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    lines = text.replace("\r\n", "\n").split("\n")
    titles: list[str] = []
    history: list[tuple[date, str]] = []
    effective_line: date | None = None
    body_start = 0
    for index, line in enumerate(lines):
        if "INFO END" in line:
            body_start = index + 1
            break
        stripped = line.strip()
        if stripped.startswith("# "):
            titles.append(stripped[2:].strip())
            continue
        match = _HISTORY.match(stripped)
        if match:
            day = _mkdate(*match.group(1, 2, 3))
            event = match.group(4).strip()
            if day is None:
                continue
            if event == "施行" or event.endswith("起施行"):
                effective_line = day
            else:
                history.append((day, event))
                if event.endswith("公布施行"):
                    effective_line = effective_line or day
    if not titles:
        return None
    articles: dict[str, str] = {}
    order: list[str] = []
    current: str | None = None
    for line in lines[body_start:]:
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped.startswith("<!--"):
            if stripped.startswith("#"):
                current = None
            continue
        match = _ARTICLE.match(stripped)
        if match:
            number = parse_number(match.group(1))
            sub = parse_number(match.group(2)) if match.group(2) else None
            if number is not None:
                current = article_key(number, sub)
                if current not in articles:
                    order.append(current)
                articles[current] = stripped[match.end():].strip()
                continue
        if current is not None:
            articles[current] += "\n" + stripped
    name = path.stem
    published = None
    file_match = _FILE_DATE.match(name)
    if file_match:
        published = date.fromisoformat(file_match.group(2))
    return ParsedFile(
        path=path,
        rel=path.relative_to(root).as_posix(),
        title=titles[0],
        subtitle=titles[1] if len(titles) > 1 else "",
        published=published,
        history=history,
        effective_line=effective_line,
        articles=articles,
        order=order,
    )


def _index_rows(root: Path) -> dict[tuple[str, str], tuple[str, str, int]]:
    """(name, publish) -> (level, valid_from, expired) from every db.sqlite3 in the tree."""
    rows: dict[tuple[str, str], tuple[str, str, int]] = {}
    for db in [root / "db.sqlite3", *sorted(root.glob("DLC/*/db.sqlite3"))]:
        if not db.is_file():
            continue
        try:
            # immutable=1: the snapshot may sit on a read-only file system.
            con = sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True)
            try:
                for name, publish, valid_from, expired, level in con.execute(
                    "SELECT name, publish, valid_from, expired, level FROM law"
                ):
                    rows[(str(name), str(publish or ""))] = (
                        str(level), str(valid_from or ""), int(expired or 0)
                    )
            finally:
                con.close()
        except sqlite3.Error:
            continue
    return rows


def _level_for(rel: str, title: str) -> str:
    parts = rel.split("/")
    for part in reversed(parts[:-1]):
        if part in FOLDER_LEVELS:
            return FOLDER_LEVELS[part]
    if parts[0] == "DLC":
        return "地方性法规"
    # The remaining top folders (宪法相关法, 行政法, 民法典 …) hold national laws.
    return "法律"


def law_id_for(title: str) -> str:
    return normalize_title(title)


def iter_markdown(root: Path, include_dlc: bool) -> Iterator[Path]:
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(root).parts
        if path.name in SKIP_FILES or any(p in SKIP_DIRS or p.startswith(".") for p in rel):
            continue
        if rel[0] == "DLC" and not include_dlc:
            continue
        yield path


@dataclass
class ImportResult:
    laws: dict[str, Law]
    files: int
    skipped: list[str]


def _effective_from_article(articles: dict[str, str], order: list[str],
                            published: date | None) -> tuple[date | None, bool]:
    """施行 date stated in the final provisions, and whether it is the original one."""
    for key in reversed(order[-6:]):
        match = _EFFECTIVE.search(articles[key])
        if match:
            if match.group(4):
                return published, False
            day = _mkdate(*match.group(1, 2, 3))
            if day is not None:
                return day, bool(published and day < published)
    return None, False


def import_lawrefbook(
    root: Path,
    *,
    include_dlc: bool = True,
    keep_text: Callable[[str, str], bool] = lambda law_id, level: True,
    levels: set[str] | None = None,
) -> ImportResult:
    """Read a LawRefBook tree into Law objects (articles kept where `keep_text` says so)."""
    index = _index_rows(root)
    laws: dict[str, Law] = {}
    parsed_by_law: dict[str, list[ParsedFile]] = {}
    skipped: list[str] = []
    files = 0
    for path in iter_markdown(root, include_dlc):
        parsed = parse_markdown(path, root)
        if parsed is None:
            skipped.append(path.relative_to(root).as_posix())
            continue
        files += 1
        law_id = law_id_for(parsed.title)
        level = _level_for(parsed.rel, parsed.title)
        row = index.get((law_id, parsed.published.isoformat() if parsed.published else ""))
        if row is None and parsed.published is None:
            row = next((r for (n, _), r in index.items() if n == law_id), None)
        if row is not None and row[0] in set(FOLDER_LEVELS.values()) | {"法律"}:
            level = row[0]
        if levels is not None and level not in levels:
            continue
        law = laws.get(law_id)
        if law is None:
            law = Law(id=law_id, title=parsed.title, level=level)
            laws[law_id] = law
        parsed_by_law.setdefault(law_id, []).append(parsed)
    for law_id, parsed_files in parsed_by_law.items():
        law = laws[law_id]
        _build_versions(law, parsed_files, index, keep_text(law_id, law.level or ""))
    _infer_abolitions(laws, parsed_by_law)
    for law in laws.values():
        law.sort_versions()
    return ImportResult(laws=laws, files=files, skipped=skipped)


def _build_versions(law: Law, parsed_files: list[ParsedFile],
                    index: dict[tuple[str, str], tuple[str, str, int]], keep: bool) -> None:
    # Files of one version (民法典's 编 files) share a 公布 date or have none.
    groups: dict[date | None, list[ParsedFile]] = {}
    for parsed in parsed_files:
        groups.setdefault(parsed.published, []).append(parsed)
    history: dict[date, str] = {}
    stated_dates: list[tuple[date, str]] = []
    for published, group in groups.items():
        articles: dict[str, str] = {}
        order: list[str] = []
        for parsed in group:
            for key in parsed.order:
                if key not in articles:
                    order.append(key)
                articles[key] = parsed.articles[key]
            for day, event in parsed.history:
                history.setdefault(day, event)
        first = group[0]
        if published is None and first.history:
            # Files without a date in the name (宪法.md, 民法典/*.md): the latest history line.
            published = max(day for day, _ in first.history)
        row = index.get((law.id, published.isoformat() if published else ""))
        effective: date | None = None
        basis = ""
        line = next((p.effective_line for p in group if p.effective_line), None)
        if row is not None and row[1]:
            effective, basis = date.fromisoformat(row[1]), "LawRefBook 索引 valid_from"
        elif line is not None and (published is None or line >= published):
            effective, basis = line, "LawRefBook 文本题注施行日期"
        elif line is not None:
            stated_dates.append((line, f"LawRefBook {first.rel} 题注施行日期"))
        stated, original = _effective_from_article(articles, order, published)
        if effective is None and stated is not None and not original:
            effective, basis = stated, "LawRefBook 文本附则施行条款"
        elif original and stated is not None:
            stated_dates.append((stated, f"LawRefBook {first.rel} 附则施行条款"))
        label = next((e for d, e in history.items() if d == published), "")
        version = Version(
            doc_number=order_number(label),
            published=published,
            effective=effective,
            effective_basis=basis or "unverified",
            label=_short_label(label),
            source="LawRefBook " + ", ".join(sorted(p.rel for p in group)),
            article_keys=frozenset(articles),
            articles=articles if keep else {},
            complete=_looks_complete(articles, order),
            licences=licence_names(articles, order) if law.level in LICENCE_LEVELS else {},
        )
        law.versions.append(version)
        if row is not None and row[2] and not any(
            g and published and g > published for g in groups
        ):
            law.notes = "LawRefBook 索引将某一版本标注为失效（expired），该标注未经核实，不作为状态依据。"
    if law.issuer is None:
        law.issuer = _issuer(history, law.level)
    known = {v.published for v in law.versions}
    # Earlier amendments named in the history lines but without a text of their own.
    for day, event in sorted(history.items()):
        if day in known or not re.search(r"修正|修订|修改|通过|公布|发布", event):
            continue
        law.versions.append(Version(
            published=day, effective=None, effective_basis="unverified", doc_number=order_number(event),
            label=_short_label(event), source=f"LawRefBook {parsed_files[0].rel} 题注",
        ))
        known.add(day)
    law.sort_versions()
    # An amended text keeps an older 施行 clause: it dates the version it was written for,
    # the latest one published on or before that date.
    for stated, where in stated_dates:
        earlier = [v for v in law.versions if v.published and v.published <= stated]
        if earlier and earlier[-1].effective is None:
            earlier[-1].effective = stated
            earlier[-1].effective_basis = where + "（早期版本施行日期）"


_FINAL_CLAUSE = re.compile(r"施行|生效|起执行|同时废止")
# 1997年5月8日 中华人民共和国国务院令第216号发布: the order that published a version.
_ORDER = re.compile(r"(?:中华人民共和国)?((?:国务院|[\u4e00-\u9fff]{1,14}(?:部|委|局|署|行|会|政府))令第\d{1,4}号)")


def order_number(event: str) -> str:
    """国务院令第216号 when a history line names the order that published the text, else ''."""
    m = _ORDER.search(event)
    return m.group(1) if m else ""


# A licence a text names, where the text names it as a thing one holds (取得排污许可证,
# 核发《食品经营许可证》): the words after such a verb, up to 许可证.
_LICENCE = re.compile(
    r"(?:取得|核发|颁发|发给|领取|申领|持有|换发|吊销|《)《?([\u4e00-\u9fff（）]{2,16}?许可证)")
_NOT_A_NAME = re.compile(r"的|或者|和|及|、|等|其|该|相应|有关|相关|上述|前款|本条|许可证.|取得|吊销|申请|办理|领取|"
                          r"加强|应当|依法|直至|发放|机关|工作人员|^放")
# Words that name no particular licence (经营许可证, 行政许可证): too general to tell a
# statutory licence from a local one.
_GENERIC_LICENCE = frozenset({"经营", "执业", "生产", "卫生", "业务", "营业", "行政", "进口", "出口",
                              "运输", "经营业务", "生产经营", "专项", "临时", "安全", "从业", "有效"})


def licence_names(articles: dict[str, str], order: list[str]) -> dict[str, str]:
    """Licence name → the first article naming it."""
    out: dict[str, str] = {}
    for key in order:
        for match in _LICENCE.finditer(articles[key]):
            name = match.group(1)
            stem = name[:-3]
            if stem not in _GENERIC_LICENCE and not _NOT_A_NAME.search(stem):
                out.setdefault(name, key)
    return out


def _looks_complete(articles: dict[str, str], order: list[str]) -> bool:
    """A text ends with its 施行 clause; one that does not may have been cut short."""
    return any(_FINAL_CLAUSE.search(articles[key]) for key in order[-3:])


_ISSUERS = (
    "全国人民代表大会常务委员会", "全国人民代表大会", "最高人民法院", "最高人民检察院", "国务院",
)


def _issuer(history: dict[date, str], level: str | None) -> str | None:
    """The body named in the latest history line (通过/修正/公布 by …)."""
    for _, event in sorted(history.items(), reverse=True):
        for name in _ISSUERS:
            if name in event:
                return name
        match = re.search(r"([\u4e00-\u9fff]{2,12}(?:人民代表大会常务委员会|人民政府))", event)
        if match:
            return re.sub(r"^第[^届]*届", "", match.group(1))
    return "国务院" if level == "行政法规" else None


def _short_label(event: str) -> str:
    for word in ("修订", "修正", "修改", "通过", "公布", "发布"):
        if word in event:
            return word
    return event[:20]


def _infer_abolitions(laws: dict[str, Law], parsed_by_law: dict[str, list[ParsedFile]]) -> None:
    for law_id, parsed_files in parsed_by_law.items():
        law = laws[law_id]
        for parsed in parsed_files:
            for key in parsed.order[-6:]:
                text = parsed.articles[key]
                if "同时废止" not in text:
                    continue
                version = next((v for v in law.versions if parsed.rel in v.source
                                and v.article_keys), None)
                stated, _ = _effective_from_article(parsed.articles, [key], parsed.published)
                day = stated or (version.start if version else None)
                for sentence in _ABOLISH_SENTENCE.findall(text):
                    names = [m.group(1) for m in _TITLE_IN.finditer(sentence)]
                    if not names:
                        bare = _BARE_ABOLISHED.search("，" + sentence)
                        names = [bare.group(1)] if bare else []
                    for name in names:
                        target_id = law_id_for(name)
                        if target_id == law_id or not target_id:
                            continue
                        target = laws.get(target_id)
                        if target is None:
                            target = Law(id=target_id, title=name.replace("<", "〈").replace(
                                ">", "〉"), level=_guess_level(name, law.level))
                            target.sources.append(f"LawRefBook {parsed.rel} {article_label(key)}")
                            laws[target_id] = target
                        event = StatusEvent(
                            status=STATUS_ABOLISHED, date=day,
                            source=f"LawRefBook {parsed.rel} {article_label(key)}",
                            successor=law_id, provision=article_label(key),
                        )
                        same = [e for e in target.events
                                if e.successor == law_id and e.status == STATUS_ABOLISHED]
                        if not same:
                            target.events.append(event)
                        elif day and (same[0].date is None or day < same[0].date):
                            # Later versions repeat the clause; the first one counts.
                            target.events[target.events.index(same[0])] = event


def _guess_level(name: str, successor_level: str | None) -> str | None:
    if name.startswith("中华人民共和国") and name.endswith("法"):
        return "法律"
    if successor_level in ("地方性法规", "行政法规") and name.endswith("条例"):
        return successor_level
    return None
