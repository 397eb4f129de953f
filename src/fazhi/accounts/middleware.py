from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

ALLOWED_WHILE_FORCED = ("password_change", "logout")


class ForcePasswordChangeMiddleware:
    """Send a person whose password must change to the change form before anything else.

    Demo accounts carry published passwords; outside demo mode they must be changed.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and user.must_change_password
            and not (settings.DEMO_MODE and user.is_demo)
            and not request.path.startswith(settings.STATIC_URL)
            and not request.path.startswith("/api/")
        ):
            allowed = {reverse(name) for name in ALLOWED_WHILE_FORCED}
            if request.path not in allowed:
                return redirect("password_change")
        return self.get_response(request)
