"""The append-only audit trail.

Each entry stores the SHA-256 of its own content chained to the previous entry's hash, and
the chain head (last sequence number and hash) is kept in a separate row. Editing an entry
breaks its hash; deleting one breaks the next entry's link; deleting the newest ones no
longer matches the head. `fazhi audit verify` walks the chain and reports each break.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, ClassVar

from django.db import models


class Action(models.TextChoices):
    CREATE = "create", "新建"
    UPDATE = "update", "修改"
    DELETE = "delete", "删除"
    TRANSITION = "transition", "流转"
    LOGIN = "login", "登录"
    LOGIN_FAILED = "login_failed", "登录失败"
    LOGOUT = "logout", "退出"
    LOCKOUT = "lockout", "账号锁定"
    EXPORT = "export", "导出"
    PERMISSION = "permission", "权限变更"
    PASSWORD = "password", "修改密码"
    TOKEN = "token", "令牌"


class AppendOnlyError(Exception):
    pass


class AuditQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("审计日志只能追加，不能修改。")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("审计日志只能追加，不能删除。")


class AuditEvent(models.Model):
    # Assigned by `record` under the chain lock, so the hash can cover it.
    seq = models.BigIntegerField("序号", primary_key=True)
    occurred_at = models.DateTimeField("时间", db_index=True)
    # Plain values, not foreign keys: deleting a person must not rewrite the trail.
    actor_id = models.BigIntegerField("操作人ID", null=True, blank=True, db_index=True)
    actor_name = models.CharField("操作人", max_length=150, blank=True)
    ip = models.CharField("来源地址", max_length=45, blank=True)
    channel = models.CharField("渠道", max_length=10, default="system")
    action = models.CharField("操作", max_length=20, choices=Action.choices, db_index=True)
    object_type = models.CharField("对象类型", max_length=100, blank=True)
    object_id = models.CharField("对象ID", max_length=64, blank=True)
    object_repr = models.CharField("对象", max_length=300, blank=True)
    # {"field": [before, after]} for changes; free details for other events.
    changes = models.JSONField("变更内容", default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects: ClassVar[AuditQuerySet] = AuditQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = "审计记录"
        verbose_name_plural = "审计记录"
        ordering = ["-seq"]
        indexes = [models.Index(fields=["object_type", "object_id", "seq"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.get_action_display()} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("审计日志只能追加，不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("审计日志只能追加，不能删除。")

    def payload(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "occurred_at": self.occurred_at.isoformat(),
            "actor_id": self.actor_id,
            "actor_name": self.actor_name,
            "ip": self.ip,
            "channel": self.channel,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "object_repr": self.object_repr,
            "changes": self.changes,
            "prev_hash": self.prev_hash,
        }

    def compute_hash(self) -> str:
        canonical = json.dumps(
            self.payload(), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class ChainHead(models.Model):
    """One row: the newest entry's number and hash. Locked while an entry is appended."""

    last_seq = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = "审计链头"
        verbose_name_plural = "审计链头"

    def __str__(self) -> str:
        return f"第 {self.last_seq} 条 {self.last_hash[:12]}"
