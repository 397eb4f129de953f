"""Show audit changes in the reader's language: field verbose names, 是/否 for booleans."""

from __future__ import annotations

from typing import Any

from django import template
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

register = template.Library()


def _label(field: str, object_type: str) -> str:
    try:
        return str(apps.get_model(object_type)._meta.get_field(field).verbose_name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return field


def _value(value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if value is True:
        return "是"
    if value is False:
        return "否"
    return str(value)


@register.filter
def change_rows(changes: Any, object_type: str) -> list[tuple[str, str]]:
    """(label, text) per changed field: "before → after" for a change, the value otherwise."""
    if not isinstance(changes, dict):
        return []
    rows = []
    for field, value in changes.items():
        if isinstance(value, list) and len(value) == 2:
            text = f"{_value(value[0])} → {_value(value[1])}"
        else:
            text = _value(value)
        rows.append((_label(field, object_type), text))
    return rows
