"""System checks for the deployment Fazhi needs."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, Tags, register
from django.db import connections


@register(Tags.database)
def postgres_ctype_is_utf8(app_configs: Any, databases: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """pg_trgm extracts no trigrams from Chinese under LC_CTYPE=C, so search would find nothing."""
    problems: list[CheckMessage] = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute("SELECT datctype FROM pg_database WHERE datname = current_database()")
            (ctype,) = cursor.fetchone()
        if "utf" not in ctype.lower().replace("-", ""):
            problems.append(
                Error(
                    f"数据库 {connection.settings_dict['NAME']} 的 LC_CTYPE 为 {ctype}，中文全文检索将失效。",
                    hint="请以 UTF-8 字符分类创建数据库，例如：CREATE DATABASE fazhi TEMPLATE template0 "
                    "ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8';",
                    id="fazhi.E001",
                )
            )
    return problems
