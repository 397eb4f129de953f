"""Every link of the workbench's navigation leads to a working page, and only where allowed."""

from __future__ import annotations

import re

import pytest
from _workbench import SECTIONS, path_of
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_follows_every_navigation_link(page, sign_in, demo_mode):
    sign_in("admin")
    nav = page.get_by_role("navigation", name="主导航")
    tile_targets = [
        page.get_by_role("main")
        .get_by_role("link", name=re.compile(f"^{title}"))
        .get_attribute("href")
        for title in SECTIONS
    ]

    seen_paths = []
    for title in SECTIONS:
        nav.get_by_role("link", name=title, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page).to_have_title(f"{title} · 法治政府建设工作平台")
        expect(nav.get_by_role("link", name=title, exact=True)).to_have_class(
            re.compile(r"\bactive\b")
        )
        expect(nav.locator("a.active")).to_have_count(1)
        expect(page.get_by_role("main")).to_contain_text("本栏目暂无记录。")
        seen_paths.append(path_of(page))
    assert len(set(seen_paths)) == len(SECTIONS)
    # The dashboard tiles lead to the same pages as the side navigation.
    assert tile_targets == seen_paths

    nav.get_by_role("link", name="审计日志").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("审计日志")
    expect(page.locator("table.grid thead")).to_contain_text("操作人")

    nav.get_by_role("link", name="系统管理").click()
    assert path_of(page) == "/admin/"
    expect(page.locator("#site-name")).to_have_text("法治政府建设工作平台 · 系统管理")
    expect(page.get_by_role("main")).to_contain_text("单位、人员、角色与工作日历")

    page.goto("/")
    page.get_by_role("link", name="法治政府建设工作平台").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("我的待办与期限")


def test_the_dashboard_organisation_link_lists_its_people(page, sign_in, demo_mode):
    sign_in("leader")
    page.get_by_role("main").get_by_role("link", name="重庆市沙坪坝区科学技术局").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("重庆市沙坪坝区科学技术局")
    expect(page.locator(".facts")).to_contain_text("重庆市沙坪坝区司法局")
    people = page.locator("section.card table.grid tbody tr")
    expect(people).to_have_count(7)  # everyone of the demo department; 赵审查 is at 司法局
    expect(people.filter(has_text="陈局长")).to_contain_text("负责人")
    expect(page.locator("section.history")).to_have_count(0)  # the audit trail is not a leader's


def test_a_drafter_is_refused_the_audit_log_and_unknown_pages_in_chinese(page, sign_in, demo_mode):
    sign_in("drafter")

    response = page.goto("/audit/")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("无权访问")
    expect(page.get_by_role("main")).to_contain_text("只有审计员和系统管理员可以查看审计日志。")

    response = page.goto("/s/no-such-section/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("页面不存在")
    page.get_by_role("link", name="返回工作台").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("我的待办与期限")
