from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .context import Actor, acting_as


def client_ip(request: HttpRequest) -> str | None:
    # Behind the reverse proxy that production requires, the proxy sets X-Real-IP.
    return request.META.get("HTTP_X_REAL_IP") or request.META.get("REMOTE_ADDR")


class RequestContextMiddleware:
    """Bind the signed-in person and their address to audit entries written by this request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        authenticated = bool(user and user.is_authenticated)
        actor = Actor(
            user_id=user.pk if authenticated and user else None,
            username=user.get_username() if authenticated and user else "",
            ip=client_ip(request),
            channel="api" if request.path.startswith("/api/") else "web",
        )
        with acting_as(actor):
            return self.get_response(request)
