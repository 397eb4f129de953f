"""Who may see and do what. Every view and API endpoint asks these functions."""

from __future__ import annotations

from typing import TypeVar

from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, QuerySet

from .models import Membership, Organisation, Role, User

M = TypeVar("M", bound=Model)
AnyUser = User | AnonymousUser


def roles_of(user: AnyUser) -> set[str]:
    if not user.is_authenticated:
        return set()
    cached: set[str] | None = getattr(user, "_fazhi_roles", None)
    if cached is None:
        cached = set(Membership.objects.filter(user=user).values_list("role", flat=True))
        setattr(user, "_fazhi_roles", cached)  # noqa: B010  (per-request cache on the user)
    return cached


def has_role(user: AnyUser, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def is_system_admin(user: AnyUser) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or has_role(user, Role.ADMIN)))


def can_read_audit(user: AnyUser) -> bool:
    return is_system_admin(user) or has_role(user, Role.AUDITOR)


def organisations_of(user: AnyUser) -> QuerySet[Organisation]:
    if not isinstance(user, User):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user).distinct()


def filing_authority_for(user: AnyUser) -> QuerySet[Organisation]:
    """Organisations whose submissions this person reviews as a 司法局 reviewer."""
    if not isinstance(user, User):
        return Organisation.objects.none()
    reviewer_orgs = Organisation.objects.filter(
        memberships__user=user, memberships__role=Role.JUSTICE_REVIEWER
    )
    return Organisation.objects.filter(filing_authority__in=reviewer_orgs)


def scope_to_user(queryset: QuerySet[M], user: AnyUser, org_field: str = "organisation") -> QuerySet[M]:
    """Records of the person's own organisations; everything for a system administrator."""
    if is_system_admin(user):
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(**{f"{org_field}__in": organisations_of(user)})
