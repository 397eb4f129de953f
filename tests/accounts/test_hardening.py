"""等保 2.0 level 3 account rules: password policy, lockout, idle timeout, forced change."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.accounts.demo import DEMO_PASSWORD


@pytest.mark.parametrize("password", ["Ab1!", "abcdefgh", "abcd1234", "ABCD1234", "法治法治法治法治"])
def test_weak_passwords_are_refused_in_chinese(password):
    with pytest.raises(ValidationError) as error:
        validate_password(password)
    assert any("密码" in message for message in error.value.messages)


@pytest.mark.parametrize("password", ["Xq7!mWz2", "gov-Review-2026", DEMO_PASSWORD])
def test_mixed_passwords_of_eight_or_more_are_accepted(password):
    validate_password(password)


@pytest.mark.django_db
def test_five_failures_lock_the_account_even_for_the_right_password(client, demo, settings):
    settings.DEMO_MODE = True
    for _ in range(4):
        response = client.post("/login/", {"username": "legal", "password": "wrong-Pass1"})
        assert response.status_code == 200
        assert "请输入一个正确的" in response.content.decode() or "正确" in response.content.decode()
    response = client.post("/login/", {"username": "legal", "password": "wrong-Pass1"})
    assert response.status_code == 429
    assert "账号已锁定" in response.content.decode()
    response = client.post("/login/", {"username": "legal", "password": DEMO_PASSWORD})
    assert response.status_code == 429
    # Another person is not affected by legal's lockout.
    response = client.post("/login/", {"username": "leader", "password": DEMO_PASSWORD})
    assert response.status_code == 302


def test_lockout_and_idle_limits_are_the_required_ones():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST  # idle time, not time since login


@pytest.mark.django_db
def test_an_idle_session_ends_and_the_login_page_says_why(client, demo, settings):
    settings.DEMO_MODE = True
    assert client.post("/login/", {"username": "drafter", "password": DEMO_PASSWORD}).status_code == 302
    assert client.get("/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/login/")
    assert "30分钟未操作" in response.content.decode()


@pytest.mark.django_db
def test_demo_accounts_must_change_password_outside_demo_mode(client, demo, settings):
    settings.DEMO_MODE = False
    client.post("/login/", {"username": "drafter", "password": DEMO_PASSWORD})
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/password/"
    page = client.post(
        "/password/",
        {"old_password": DEMO_PASSWORD, "new_password1": "abcdefgh", "new_password2": "abcdefgh"},
    )
    assert page.status_code == 200 and "密码" in page.content.decode()
    client.post(
        "/password/",
        {"old_password": DEMO_PASSWORD, "new_password1": "New-Pass-2026", "new_password2": "New-Pass-2026"},
    )
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_demo_mode_lets_demo_accounts_in_with_the_published_password(client, demo, settings):
    settings.DEMO_MODE = True
    client.post("/login/", {"username": "drafter", "password": DEMO_PASSWORD})
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_a_form_without_its_csrf_token_gets_a_chinese_explanation(demo):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/login/", {"username": "drafter", "password": DEMO_PASSWORD})
    assert response.status_code == 403
    assert "CSRF" in response.content.decode() and "刷新页面" in response.content.decode()


@pytest.mark.django_db
def test_demo_loading_is_idempotent_and_keeps_changed_passwords(demo):
    from fazhi.accounts.demo import load_demo
    from fazhi.accounts.models import Membership, Organisation, User

    drafter = User.objects.get(username="drafter")
    drafter.set_password("Changed-Pass-1")
    drafter.save()
    counts = (Organisation.objects.count(), User.objects.count(), Membership.objects.count())
    assert load_demo() is False
    assert (Organisation.objects.count(), User.objects.count(), Membership.objects.count()) == counts
    drafter.refresh_from_db()
    assert drafter.check_password("Changed-Pass-1")


@pytest.mark.django_db
def test_an_administrator_can_lift_a_lockout_and_it_is_audited(client, demo, settings):
    from fazhi.accounts.models import User
    from fazhi.audit.models import AuditEvent

    settings.DEMO_MODE = True
    for _ in range(5):
        client.post("/login/", {"username": "legal", "password": "wrong-Pass1"})
    assert client.post("/login/", {"username": "legal", "password": DEMO_PASSWORD}).status_code == 429
    from django.test import Client

    admin = Client()
    admin.force_login(User.objects.get(username="admin"))
    legal = User.objects.get(username="legal")
    response = admin.post("/admin/accounts/user/", {"action": "unlock", "_selected_action": [legal.pk]})
    assert response.status_code == 302
    assert AuditEvent.objects.filter(changes__unlocked=["legal"]).exists()
    assert Client().post("/login/", {"username": "legal", "password": DEMO_PASSWORD}).status_code == 302
