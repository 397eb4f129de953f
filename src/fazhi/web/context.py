from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from fazhi.accounts.permissions import can_read_audit, is_system_admin, roles_of

from .sections import SECTIONS


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_sections": SECTIONS}
    return {
        "nav_sections": SECTIONS,
        "nav_can_audit": can_read_audit(user),
        "nav_is_admin": is_system_admin(user),
        "nav_roles": sorted(roles_of(user)),
    }
