from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.views import LoginView, PasswordChangeView
from django.http import HttpResponse


class FazhiLoginView(LoginView):
    template_name = "web/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # A session cookie that no longer signs anyone in: the 30-minute idle limit ended it.
        context["session_expired"] = (
            self.request.method == "GET"
            and settings.SESSION_COOKIE_NAME in self.request.COOKIES
            and bool(self.request.GET.get("next"))
        )
        return context


class ChangePasswordView(PasswordChangeView):
    template_name = "web/password_change_form.html"

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        # The form saves the user; clear the forced-change flag in that same save.
        form.user.must_change_password = False
        return super().form_valid(form)
