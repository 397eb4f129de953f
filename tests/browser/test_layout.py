"""The workbench's layout at the screen sizes people use: a desktop and a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_login_card_is_centred_on_a_wide_screen(page, demo_mode):
    page.set_viewport_size({"width": 1920, "height": 900})
    page.goto("/login/")
    card = page.locator(".card.login").bounding_box()
    assert abs(card["x"] + card["width"] / 2 - 960) <= 2, card


def test_on_a_phone_wide_screen_nothing_scrolls_sideways(page, sign_in, demo_mode):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in("admin")
    expect(page.get_by_role("heading", level=1)).to_have_text("我的待办与期限")

    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the dashboard is {overflow}px wider than a 390px screen"
    # The top bar spans the whole width and the navigation sits above the content.
    assert page.locator("header.topbar").bounding_box()["width"] == 390
    nav_box = page.get_by_role("navigation", name="主导航").bounding_box()
    main_box = page.get_by_role("main").bounding_box()
    assert nav_box["y"] + nav_box["height"] <= main_box["y"]
    expect(page.get_by_role("button", name="退出")).to_be_visible()
