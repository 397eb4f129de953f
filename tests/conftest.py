"""Shared fixtures: the demo organisation and a logged-in client per role."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"the shared reference folder is absent ({SHARED})")
    return SHARED


@pytest.fixture
def demo(db):
    from fazhi.accounts.demo import load_demo

    load_demo()


@pytest.fixture
def login(client, demo):
    """login("drafter") → a Django test client signed in as that demo person."""
    from fazhi.accounts.models import User

    def _login(username: str):
        client.force_login(User.objects.get(username=username))
        return client

    return _login


@pytest.fixture(autouse=True)
def _test_settings(settings):
    # A fast hasher: the demo accounts are created for every test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The manifest storage needs `collectstatic` first; tests serve files from the apps directly.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
