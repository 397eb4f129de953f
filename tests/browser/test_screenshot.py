"""A full-page screenshot of the administrator's dashboard (kept in the test's temp folder)."""

from __future__ import annotations

import struct

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_full_page_screenshot_of_the_admin_dashboard(page, sign_in, demo_mode, tmp_path):
    sign_in("admin")
    expect(page.get_by_role("heading", level=1)).to_have_text("我的待办与期限")

    shot = tmp_path / "dashboard-admin.png"
    page.screenshot(path=str(shot), full_page=True)

    data = shot.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk
    assert width == 1280
    assert height >= 860
    # A blank or error page compresses to a few kilobytes; the workbench with its text does not.
    assert len(data) > 40_000, f"suspiciously small screenshot: {len(data)} bytes"
