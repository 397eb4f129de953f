"""Audit every change to Fazhi's records, logins and permission changes, through signals.

Signals see every save, including those made in the admin site and management commands,
so no code path can forget to audit. Views that want a richer entry (a state transition,
an export) call `trail.record` themselves.
"""

from __future__ import annotations

import hashlib
from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.http import HttpRequest

from .context import Actor, current_actor
from .middleware import client_ip
from .models import Action
from .trail import json_value, record

SECRET_FIELDS = {"password", "key"}
SKIPPED_FIELDS = {"last_login"}  # a login is its own entry
PERMISSION_MODELS = {"accounts.membership"}


def is_audited(model: type[models.Model]) -> bool:
    label = model._meta.label_lower
    if model._meta.app_label == "audit":
        return False
    return model.__module__.startswith("fazhi.") or label in {"authtoken.token", "auth.group"}


def snapshot(instance: models.Model) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in SKIPPED_FIELDS:
            continue
        value = getattr(instance, field.attname)
        if field.name in SECRET_FIELDS and value:
            # A digest of the stored (already salted) hash: shows that it changed, reveals nothing.
            value = "已设置·" + hashlib.sha256(str(value).encode()).hexdigest()[:8]
        values[field.name] = json_value(value)
    return values


def _before_save(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if not is_audited(sender) or instance._state.adding or instance.pk is None:
        return
    old = sender._default_manager.filter(pk=instance.pk).first()
    instance._audit_before = snapshot(old) if old is not None else None  # type: ignore[attr-defined]


def _after_save(sender: type[models.Model], instance: models.Model, created: bool, **kwargs: Any) -> None:
    if not is_audited(sender) or kwargs.get("raw"):
        return
    after = snapshot(instance)
    before: dict[str, Any] | None = getattr(instance, "_audit_before", None)
    instance._audit_before = None  # type: ignore[attr-defined]
    if created or before is None:
        changes = {k: [None, v] for k, v in after.items() if v not in (None, "")}
    else:
        changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
        if not changes:
            return
    record(_action_for(sender, changes, created), instance, changes)


def _action_for(sender: type[models.Model], changes: dict[str, Any], created: bool) -> str:
    label = sender._meta.label_lower
    if label == "authtoken.token":
        return Action.TOKEN
    if label == "accounts.user" and not created and "password" in changes:
        return Action.PASSWORD
    if label in PERMISSION_MODELS or (
        label == "accounts.user"
        and not created
        and changes.keys() & {"is_superuser", "is_staff", "is_active"}
    ):
        return Action.PERMISSION
    return Action.CREATE if created else Action.UPDATE


def _after_delete(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if not is_audited(sender):
        return
    changes = {k: [v, None] for k, v in snapshot(instance).items() if v not in (None, "")}
    action = Action.PERMISSION if sender._meta.label_lower in PERMISSION_MODELS else Action.DELETE
    record(action, instance, {"deleted": True, **changes})


def _m2m_changed(sender: Any, instance: models.Model, action: str, pk_set: set[Any] | None, **kwargs: Any) -> None:
    if action not in {"post_add", "post_remove", "post_clear"} or not is_audited(type(instance)):
        return
    field = sender._meta.model_name
    record(Action.PERMISSION, instance, {field: {"op": action[5:], "ids": sorted(map(str, pk_set or []))}})


def _actor_for(request: HttpRequest | None, user: Any = None, username: str = "") -> Actor:
    base = current_actor()
    return Actor(
        user_id=getattr(user, "pk", None),
        username=username or (user.get_username() if user is not None else ""),
        ip=client_ip(request) if request is not None else base.ip,
        channel=base.channel if request is None else "web",
    )


def _logged_in(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    record(Action.LOGIN, user, actor=_actor_for(request, user))


def _logged_out(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    if user is not None:
        record(Action.LOGOUT, user, actor=_actor_for(request, user))


def _login_failed(sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any) -> None:
    username = str(credentials.get("username", ""))[:150]
    record(
        Action.LOGIN_FAILED,
        object_type="accounts.user",
        object_repr=username,
        changes={"username": username},
        actor=_actor_for(request, username=username),
    )


def _locked_out(sender: Any, request: HttpRequest | None, username: str, ip_address: str, **kwargs: Any) -> None:
    record(
        Action.LOCKOUT,
        object_type="accounts.user",
        object_repr=username,
        changes={"username": username, "ip": ip_address},
        actor=_actor_for(request, username=username),
    )


def connect() -> None:
    pre_save.connect(_before_save, dispatch_uid="fazhi_audit_pre_save")
    post_save.connect(_after_save, dispatch_uid="fazhi_audit_post_save")
    post_delete.connect(_after_delete, dispatch_uid="fazhi_audit_post_delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="fazhi_audit_m2m")
    user_logged_in.connect(_logged_in, dispatch_uid="fazhi_audit_login")
    user_logged_out.connect(_logged_out, dispatch_uid="fazhi_audit_logout")
    user_login_failed.connect(_login_failed, dispatch_uid="fazhi_audit_login_failed")
    user_locked_out.connect(_locked_out, dispatch_uid="fazhi_audit_locked_out")
