"""Helpers for running `fazhi` in tests, in-process or as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fazhi.cli import main

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
NORMATIVE = SHARED / "corpus" / "normative"


def need_shared() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"shared reference folder absent: {SHARED.resolve()}")


def fazhi(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def cli_process(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "fazhi", *args],
                          input=stdin, capture_output=True, timeout=120, check=False)
