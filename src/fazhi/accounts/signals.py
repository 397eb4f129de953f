from __future__ import annotations

from typing import Any

from .models import Membership, Role


def sync_admin_flags(sender: type[Membership], instance: Membership, **kwargs: Any) -> None:
    """The 系统管理员 role is what opens the admin site; keep Django's flags in step with it."""
    user = instance.user
    if not type(user).objects.filter(pk=user.pk).exists():
        return  # the person is being deleted along with their memberships
    is_admin = Membership.objects.filter(user=user, role=Role.ADMIN).exists()
    if user.is_staff != is_admin or user.is_superuser != is_admin:
        user.is_staff = user.is_superuser = is_admin
        user.save(update_fields=["is_staff", "is_superuser"])
