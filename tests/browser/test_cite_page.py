"""引用核对 in a real browser: every citation marked by status colour, article text on hover."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DRAFT = (
    "关于印发某某办法的通知\n"
    "根据《中华人民共和国合同法》第五十二条、《政府信息公开条例》第三十三条和"
    "《中华人民共和国行政许可法》的规定，制定本办法。\n"
    "2020年5月8日"
)


def test_pasted_text_shows_each_citation_coloured_by_status(page, sign_in, demo_mode):
    sign_in("drafter")
    page.get_by_role("link", name="法规目录与引用核对").click()
    page.get_by_role("link", name="引用核对", exact=True).click()
    page.get_by_label("粘贴文本").fill(DRAFT)
    page.get_by_role("button", name="核对").click()

    abolished = page.locator('mark.cite[data-status="abolished"]')
    expect(abolished).to_have_count(1)
    expect(abolished).to_contain_text("合同法")
    colour = abolished.evaluate("e => getComputedStyle(e).backgroundColor")
    current = page.locator('mark.cite[data-status="current"]').first
    assert colour != current.evaluate("e => getComputedStyle(e).backgroundColor")

    article_33 = page.locator('mark.cite[data-status="current"]', has_text="第三十三条")
    assert "行政机关收到政府信息公开申请" in article_33.get_attribute("title")
    assert "民法典" in abolished.get_attribute("title")

    # The table links each citation to the law's page in the catalog.
    page.get_by_role("link", name="中华人民共和国合同法").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("中华人民共和国合同法")
    expect(page.get_by_role("main")).to_contain_text("已废止")
