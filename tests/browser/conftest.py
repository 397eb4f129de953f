"""Playwright fixtures: Debian's Chromium (never a downloaded browser) against pytest-django's
live server, with the demo organisation loaded into the test database."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
UNSAFE_FLAG = "DJANGO_ALLOW_ASYNC_UNSAFE"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    # This machine is offline: without these Chromium keeps dialling Google services.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--lang=zh-CN",  # the browser's own widgets (date pickers) as a Chinese user sees them
]
TIMEOUT_MS = 10_000


class _Chromium:
    """Starts Chromium on first use and stops it after the last browser test.

    Playwright's sync API leaves an asyncio loop marked as running in the main thread for as
    long as it lives. Django refuses ORM calls from such a thread unless
    DJANGO_ALLOW_ASYNC_UNSAFE is set, and asyncio.run()/async_to_sync() refuse to run at all,
    so both the loop and the flag are confined to the browser tests (the ORM calls made here are
    ordinary synchronous ones).
    """

    def __init__(self) -> None:
        self._playwright: Any = None
        self._browser: Any = None
        self._saved_flag: str | None = None

    def get(self) -> Any:
        if self._browser is None:
            if not CHROMIUM.is_file():
                pytest.fail(f"{CHROMIUM} is missing: run `make browser-deps` (Debian's chromium)")
            from playwright.sync_api import sync_playwright

            self._saved_flag = os.environ.get(UNSAFE_FLAG)
            os.environ[UNSAFE_FLAG] = "true"
            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
        return self._browser

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)  # browser.new_context(...) and the like

    def stop(self) -> None:
        if self._playwright is None:
            return
        try:
            self._browser.close()
        finally:
            self._playwright.stop()
            self._playwright = self._browser = None
            if self._saved_flag is None:
                os.environ.pop(UNSAFE_FLAG, None)
            else:
                os.environ[UNSAFE_FLAG] = self._saved_flag


_CHROMIUM = _Chromium()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """The session's headless Chromium (one for all browser tests)."""
    yield _CHROMIUM
    _CHROMIUM.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    yield  # the test's own fixtures (its database flush among them) are torn down first
    if nextitem is None or nextitem.get_closest_marker("browser") is None:
        _CHROMIUM.stop()


@pytest.fixture
def fast_site(settings):
    """A cheap password hasher, so that loading eight demo people stays quick.

    (Static files are served unhashed by the autouse fixture of tests/conftest.py.)
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return settings


@pytest.fixture
def demo_site(fast_site, live_server, transactional_db):
    """The live server with the demo organisation in its (transactional) test database."""
    from fazhi.accounts.demo import load_demo

    load_demo()
    return live_server


@pytest.fixture
def demo_mode(fast_site):
    fast_site.DEMO_MODE = True
    return fast_site


@pytest.fixture
def page(browser, demo_site):
    """A fresh page (own cookies) whose relative URLs go to the live server."""
    context = browser.new_context(
        base_url=demo_site.url, locale="zh-CN", viewport={"width": 1280, "height": 860}
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def sign_in(page) -> Callable[..., None]:
    """sign_in("drafter") fills the login form and submits it (the result is not checked)."""
    from fazhi.accounts.demo import DEMO_PASSWORD

    def _sign_in(username: str, password: str = DEMO_PASSWORD) -> None:
        page.goto("/login/")
        page.get_by_label("用户名").fill(username)
        page.get_by_label("密码", exact=True).fill(password)
        page.get_by_role("button", name="登录").click()
        page.wait_for_load_state()

    return _sign_in
