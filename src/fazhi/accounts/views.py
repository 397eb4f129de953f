from __future__ import annotations

from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.views import PasswordChangeView
from django.http import HttpResponse


class ChangePasswordView(PasswordChangeView):
    template_name = "registration/password_change_form.html"

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        # The form saves the user; clear the forced-change flag in that same save.
        form.user.must_change_password = False
        return super().form_valid(form)
