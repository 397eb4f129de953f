from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from fazhi.audit.admin import AuditHistoryMixin
from fazhi.audit.models import Action
from fazhi.audit.trail import record

from .models import Membership, Organisation, User
from .permissions import is_system_admin


def _admin_site_permission(request: HttpRequest) -> bool:
    # Only 系统管理员 manage organisations, people and roles; 审计员 read the audit page instead.
    return bool(request.user.is_active and is_system_admin(request.user))


admin.site.has_permission = _admin_site_permission  # type: ignore[method-assign]


class MembershipInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Membership
    extra = 1
    autocomplete_fields = ["organisation"]


@admin.register(Organisation)
class OrganisationAdmin(AuditHistoryMixin):
    list_display = ["name", "kind", "parent", "filing_authority", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name"]
    autocomplete_fields = ["parent", "filing_authority"]


@admin.register(User)
class FazhiUserAdmin(AuditHistoryMixin, UserAdmin):  # type: ignore[type-arg]
    list_display = ["username", "full_name", "is_active", "must_change_password", "last_login"]
    search_fields = ["username", "full_name"]
    inlines = [MembershipInline]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("个人信息", {"fields": ("full_name", "phone", "email")}),
        ("状态", {"fields": ("is_active", "must_change_password", "is_demo")}),
        ("时间", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "full_name", "password1", "password2")}),
    )
    readonly_fields = ["last_login", "date_joined", "is_demo"]
    actions = ["unlock"]

    @admin.action(description="解除登录锁定")
    def unlock(self, request: HttpRequest, queryset: Any) -> None:
        from axes.utils import reset

        usernames = list(queryset.values_list("username", flat=True))
        for username in usernames:
            reset(username=username)
        record(Action.PERMISSION, object_type="accounts.user", object_repr="解除登录锁定",
               changes={"unlocked": usernames})
        self.message_user(request, f"已解除 {len(usernames)} 个账号的登录锁定。")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change:
            obj.must_change_password = True  # a password set by an administrator is temporary
        super().save_model(request, obj, form, change)


@admin.register(Membership)
class MembershipAdmin(AuditHistoryMixin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__username", "user__full_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
