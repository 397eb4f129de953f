"""Who is acting and from where, for the audit entries written during one request or command."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    user_id: int | None = None
    username: str = ""
    ip: str | None = None
    channel: str = "system"  # web, api, cli, system


_current: ContextVar[Actor] = ContextVar("fazhi_audit_actor", default=Actor())  # noqa: B039  (frozen)


def current_actor() -> Actor:
    return _current.get()


@contextmanager
def acting_as(actor: Actor) -> Iterator[None]:
    token = _current.set(actor)
    try:
        yield
    finally:
        _current.reset(token)


def bind(actor: Actor) -> None:
    """Set the actor for the rest of the enclosing `acting_as` block (e.g. after API token auth)."""
    _current.set(actor)
