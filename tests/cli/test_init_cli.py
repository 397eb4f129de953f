"""`fazhi init --demo` from nothing: a migrated database, the demo loaded once, an intact trail."""

from __future__ import annotations

import os
import subprocess
import sys


def fazhi(tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FAZHI_")}
    env["FAZHI_VAR_DIR"] = str(tmp_path)
    return subprocess.run([sys.executable, "-m", "fazhi", *args], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)


def test_init_demo_is_idempotent_and_leaves_an_intact_audit_trail(tmp_path):
    first = fazhi(tmp_path, "init", "--demo")
    assert first.returncode == 0, first.stderr
    assert "演示数据已加载" in first.stdout and "admin drafter legal" in first.stdout
    assert (tmp_path / "fazhi.sqlite3").exists() and (tmp_path / "static").is_dir()
    second = fazhi(tmp_path, "init", "--demo")
    assert "演示数据已存在，未重复加载" in second.stdout
    verify = fazhi(tmp_path, "audit", "verify")
    assert verify.returncode == 0 and "校验通过" in verify.stdout
    token = fazhi(tmp_path, "token", "create", "drafter")
    assert token.returncode == 0 and len(token.stdout.strip()) == 40


def test_demo_if_empty_loads_nothing_into_a_database_that_has_organisations(tmp_path):
    assert fazhi(tmp_path, "init").returncode == 0
    run = fazhi(tmp_path, "init", "--demo-if-empty")
    assert "演示数据已加载" in run.stdout  # empty: loaded
    again = fazhi(tmp_path, "init", "--demo-if-empty")
    assert "演示数据" not in again.stdout.split("演示账号")[0]  # not empty: untouched
