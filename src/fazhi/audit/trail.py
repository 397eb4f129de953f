"""Writing and checking the audit trail. All entries go through `record`."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from .context import Actor, current_actor
from .models import AuditEvent, ChainHead

MAX_VALUE_CHARS = 2000  # long texts are summarised; the record itself keeps the full text


def json_value(value: Any) -> Any:
    """A JSON value that survives a database round trip unchanged (so hashes stay stable)."""
    if value is None or isinstance(value, bool | int | str):
        if isinstance(value, str) and len(value) > MAX_VALUE_CHARS:
            return value[:MAX_VALUE_CHARS] + f"…（共{len(value)}字）"
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float | decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_value(v) for v in value]
    if isinstance(value, bytes | memoryview):
        return f"<{len(value)} 字节>"
    return str(value)


def object_label(obj: models.Model) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


def record(
    action: str,
    obj: models.Model | None = None,
    changes: dict[str, Any] | None = None,
    *,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    actor: Actor | None = None,
) -> AuditEvent:
    """Append one entry, chained to the previous one. Joins the caller's transaction."""
    actor = actor or current_actor()
    if obj is not None:
        object_type = object_type or object_label(obj)
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)[:300]
    with transaction.atomic():
        head = _locked_head()
        event = AuditEvent(
            seq=head.last_seq + 1,
            occurred_at=timezone.now(),
            actor_id=actor.user_id,
            actor_name=actor.username,
            ip=actor.ip or "",
            channel=actor.channel,
            action=action,
            object_type=object_type,
            object_id=object_id,
            object_repr=object_repr[:300],
            changes=json_value(changes or {}),
            prev_hash=head.last_hash,
        )
        event.hash = event.compute_hash()
        event.save(force_insert=True)
        ChainHead.objects.filter(pk=head.pk).update(last_seq=event.seq, last_hash=event.hash)
    return event


def _locked_head() -> ChainHead:
    # select_for_update serialises appenders on PostgreSQL; SQLite serialises writers itself.
    head = ChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        head, _ = ChainHead.objects.get_or_create(pk=1)
        head = ChainHead.objects.select_for_update().get(pk=1)
    return head


@dataclass(frozen=True)
class Break:
    seq: int | None
    problem: str

    def __str__(self) -> str:
        where = f"第 {self.seq} 条" if self.seq is not None else "链头"
        return f"{where}：{self.problem}"


def verify(batch_size: int = 2000) -> list[Break]:
    """Walk the whole chain in order; return every place where it does not hold."""
    breaks: list[Break] = []
    expected_seq = 1
    prev_hash = "0" * 64
    for event in _in_order(batch_size):
        if event.seq != expected_seq:
            breaks.append(Break(event.seq, f"缺少第 {expected_seq}–{event.seq - 1} 条记录（已被删除）"))
        if event.prev_hash != prev_hash:
            breaks.append(Break(event.seq, "与前一条记录的链接不符（前序记录被修改或删除）"))
        if event.compute_hash() != event.hash:
            breaks.append(Break(event.seq, "内容与其哈希不符（记录被修改）"))
        expected_seq = event.seq + 1
        prev_hash = event.hash
    head = ChainHead.objects.filter(pk=1).first()
    last_seq = expected_seq - 1
    if head is not None and (head.last_seq != last_seq or head.last_hash != prev_hash):
        breaks.append(
            Break(None, f"链头记录到第 {head.last_seq} 条，实际最后一条为第 {last_seq} 条（末尾记录被删除或修改）")
        )
    if head is None and last_seq:
        breaks.append(Break(None, "链头缺失"))
    return breaks


def _in_order(batch_size: int) -> Iterable[AuditEvent]:
    last = 0
    while True:
        batch = list(AuditEvent.objects.filter(seq__gt=last).order_by("seq")[:batch_size])
        if not batch:
            return
        yield from batch
        last = batch[-1].seq


def history(obj: models.Model) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type=object_label(obj), object_id=str(obj.pk)).order_by(
        "seq"
    )
