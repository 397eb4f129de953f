"""Settings come from the environment, and a production environment passes `check --deploy`."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest


def run_check(env: dict[str, str], tmp_path) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("FAZHI_")}
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env={**base, "DJANGO_SETTINGS_MODULE": "fazhi.settings", "FAZHI_VAR_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_production_environment_passes_the_deploy_checks(tmp_path):
    result = run_check(
        {
            "FAZHI_HTTPS": "1",
            "FAZHI_SECRET_KEY": secrets.token_urlsafe(60),
            "FAZHI_ALLOWED_HOSTS": "fazhi.example.gov.cn",
        },
        tmp_path,
    )
    assert result.returncode == 0, result.stderr


def test_without_https_the_deploy_checks_complain(tmp_path):
    result = run_check({"FAZHI_SECRET_KEY": secrets.token_urlsafe(60)}, tmp_path)
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr or "SECURE_HSTS_SECONDS" in result.stderr


def test_the_database_url_chooses_the_engine(tmp_path):
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'])"
    base = {k: v for k, v in os.environ.items() if not k.startswith("FAZHI_")}
    env = {**base, "DJANGO_SETTINGS_MODULE": "fazhi.settings", "FAZHI_VAR_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", "import django; django.setup(); " + code],
                         env={**env, "FAZHI_DATABASE_URL": "postgres://postgres@127.0.0.1:5432/fazhi_x"},
                         capture_output=True, text=True, check=True).stdout
    assert out.split() == ["django.db.backends.postgresql", "fazhi_x"]
    out = subprocess.run([sys.executable, "-c", "import django; django.setup(); " + code],
                         env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["django.db.backends.sqlite3", str(tmp_path / "fazhi.sqlite3")]
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0  # generated key is private


def test_a_postgres_database_without_utf8_ctype_fails_the_database_check(tmp_path, db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL-only check; runs in the PostgreSQL pass of `make test`")
    url = os.environ["FAZHI_DATABASE_URL"].rsplit("/", 1)[0]
    name = f"fazhi_ctype_c_{os.getpid()}"
    psql = ["psql", f"{url}/postgres", "-v", "ON_ERROR_STOP=1", "-qc"]
    subprocess.run([*psql, f"DROP DATABASE IF EXISTS {name}"], check=True)
    subprocess.run([*psql, f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"], check=True)
    try:
        base = {k: v for k, v in os.environ.items() if not k.startswith("FAZHI_")}
        result = subprocess.run(
            [sys.executable, "-m", "django", "check", "--database", "default"],
            env={**base, "DJANGO_SETTINGS_MODULE": "fazhi.settings", "FAZHI_VAR_DIR": str(tmp_path),
                 "FAZHI_DATABASE_URL": f"{url}/{name}"},
            capture_output=True, text=True, timeout=120,
        )
        assert result.returncode != 0 and "fazhi.E001" in result.stderr
    finally:
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {name}"], check=True)
    # The test database itself (created from template0 as UTF-8) passes.
    from fazhi.checks import postgres_ctype_is_utf8

    assert postgres_ctype_is_utf8(None, databases=["default"]) == []
