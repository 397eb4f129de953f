"""合法性预审 in a real browser: findings in the margin, linked to the marked clauses; DOCX download."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DRAFT = (
    "某区促进科技服务业发展办法\n"
    "第一条 为促进科技服务业发展，制定本办法。\n"
    "第二条 从事科技咨询服务的机构，须经区科技局审批同意后方可开展业务。\n"
    "第三条 对未按规定报送材料的机构，由区科技局处五千元以上一万元以下罚款。\n"
    "第四条 本办法自2021年3月1日起施行。\n"
    "某区科学技术局\n2021年2月1日\n"
)


def test_a_reviewer_sees_findings_beside_the_text_and_downloads_the_opinion(page, sign_in, demo_mode, tmp_path):
    sign_in("legal")
    page.get_by_role("link", name="合法性预审").click()
    page.get_by_label("粘贴文本").fill(DRAFT)
    page.get_by_role("button", name="预审").click()

    margin = page.get_by_role("complementary", name="预审发现")
    cards = margin.locator(".finding-card")
    expect(cards.first).to_be_visible()
    assert cards.count() >= 2
    expect(margin).to_contain_text("《中华人民共和国行政许可法》第十七条")

    # The margin sits beside the text, not below it.
    text_box = page.locator(".review-text").bounding_box()
    margin_box = margin.bounding_box()
    assert margin_box["x"] > text_box["x"] + text_box["width"] - 1

    # Hovering a card lights up its clause in the text.
    licensing = cards.filter(has_text="行政许可").first
    index = licensing.get_attribute("data-finding")
    licensing.hover()
    mark = page.locator(f'mark.finding[data-findings~="{index}"]').first
    expect(mark).to_have_class(re.compile(r"\blit\b"))
    expect(mark).to_contain_text("审批同意")

    with page.expect_download() as download:
        page.get_by_role("button", name="下载合法性审核意见书（草稿，DOCX）").click()
    saved = tmp_path / "opinion.docx"
    download.value.save_as(saved)
    assert download.value.suggested_filename.endswith(".docx")
    assert saved.read_bytes()[:2] == b"PK"
