"""The `fazhi` command. Each subcommand lives in a module with a `register(subparsers)`.

Commands of the analysis core run without Django or a database; the others call
`setup_django()` first.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

# Modules that add subcommands, in the order `fazhi --help` lists them.
COMMAND_MODULES = [
    "fazhi.cli.server",
    "fazhi.cli.deadline",
    "fazhi.cli.analysis",
    "fazhi.cli.laws",
    "fazhi.cli.admin",
]


class CommandFailed(Exception):
    """A failure to report to the user in one Chinese sentence, without a traceback."""


def setup_django() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    django.setup()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fazhi", description="法治政府建设工作平台（Fazhi）")
    subparsers = parser.add_subparsers(dest="command", metavar="命令", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except CommandFailed as error:
        print(f"fazhi: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130

