"""Issue 2: every demo role logs in through the real login page and sees its workbench."""

from __future__ import annotations

import re

import pytest
from _workbench import DEPARTMENT, JUSTICE_BUREAU, SECTIONS, TOOLS, path_of
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# username, name shown in the top bar, organisation, role label, sees 审计日志, sees 系统管理
ROLES = [
    ("admin", "系统管理员", DEPARTMENT, "系统管理员", True, True),
    ("drafter", "王起草", DEPARTMENT, "起草人员", False, False),
    ("legal", "李法审", DEPARTMENT, "法制审核人员", False, False),
    ("counsel", "张律师", DEPARTMENT, "法律顾问", False, False),
    ("leader", "陈局长", DEPARTMENT, "负责人", False, False),
    ("disclosure", "刘公开", DEPARTMENT, "政务公开专员", False, False),
    ("sfj", "赵审查", JUSTICE_BUREAU, "司法局审查人员", False, False),
    ("auditor", "孙审计", DEPARTMENT, "审计员", True, False),
]


@pytest.mark.parametrize(
    ("username", "full_name", "organisation", "role_label", "sees_audit", "sees_admin"),
    ROLES,
    ids=[row[0] for row in ROLES],
)
def test_each_demo_role_logs_in_sees_its_dashboard_and_logs_out(
    page, sign_in, demo_mode, username, full_name, organisation, role_label, sees_audit, sees_admin
):
    sign_in(username)

    assert path_of(page) == "/"
    expect(page).to_have_title(re.compile(r"^工作台 · 法治政府建设工作平台$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("我的待办与期限")
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name=organisation, exact=True)).to_be_visible()
    expect(main).to_contain_text(f"角色：{role_label}")
    expect(page.locator("header .user-name")).to_have_text(full_name)

    nav = page.get_by_role("navigation", name="主导航")
    expected = ["工作台", *SECTIONS, *TOOLS]
    if sees_audit:
        expected.append("审计日志")
    if sees_admin:
        expected.append("系统管理")
    assert [t.strip() for t in nav.get_by_role("link").all_inner_texts()] == expected
    expect(nav.get_by_role("link", name="工作台")).to_have_class(re.compile(r"\bactive\b"))

    # The stylesheet was served and applied: the top bar carries the brand red.
    topbar_colour = page.locator("header.topbar").evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert topbar_colour == "rgb(166, 27, 27)"

    page.get_by_role("button", name="退出").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("登录")
    assert path_of(page) == "/login/"
    expect(page.get_by_role("navigation", name="主导航")).to_have_count(0)

    # Signed out for real: the workbench now sends the visitor back to the login page.
    page.goto("/")
    assert path_of(page) == "/login/?next=/"
    expect(page.get_by_label("用户名")).to_be_visible()


def test_outside_demo_mode_a_demo_account_must_change_its_password_first(page, sign_in, fast_site):
    from fazhi.accounts.models import User

    fast_site.DEMO_MODE = False
    sign_in("drafter")

    assert path_of(page) == "/password/"
    expect(page.locator("#id_new_password1")).to_be_visible()
    # Nothing else is reachable until the password has changed.
    for path in ("/", "/s/documents/"):
        page.goto(path)
        assert path_of(page) == "/password/"

    def submit(new_password: str) -> None:
        page.locator("#id_old_password").fill("Fazhi@2026")
        page.locator("#id_new_password1").fill(new_password)
        page.locator("#id_new_password2").fill(new_password)
        page.get_by_role("button", name="保存新密码").click()
        page.wait_for_load_state()

    submit("abcdefgh")
    assert path_of(page) == "/password/"
    errors = page.locator("form").locator(".error, .errorlist")
    expect(errors.first).to_be_visible()
    error_text = " ".join(errors.all_inner_texts())
    assert "这个密码太常见了" in error_text
    assert "密码须包含大写字母、小写字母、数字、特殊符号中的至少3类" in error_text
    assert User.objects.get(username="drafter").must_change_password

    new_password = "Kejiju#2026qa"
    submit(new_password)
    assert path_of(page) == "/password/done/"
    assert not User.objects.get(username="drafter").must_change_password

    page.goto("/")
    assert path_of(page) == "/"
    expect(page.get_by_role("heading", level=1)).to_have_text("我的待办与期限")
    expect(page.get_by_role("main")).to_contain_text("角色：起草人员")

    # The new password is the one that works from now on.
    page.get_by_role("button", name="退出").click()
    sign_in("drafter", new_password)
    assert path_of(page) == "/"
    page.get_by_role("button", name="退出").click()
    sign_in("drafter")
    assert path_of(page) == "/login/"
    expect(page.get_by_role("alert")).to_contain_text("请输入一个正确的用户名和密码")


def test_the_forced_password_change_uses_the_workbench_pages(page, sign_in, fast_site):
    fast_site.DEMO_MODE = False
    sign_in("drafter")

    assert path_of(page) == "/password/"
    expect(page).to_have_title(re.compile(r"^修改密码 · 法治政府建设工作平台$"), timeout=1000)
    expect(page.get_by_role("heading", level=1)).to_have_text("修改密码")
    expect(page.get_by_role("alert")).to_contain_text("请先修改初始密码")
    expect(page.get_by_role("button", name="退出")).to_be_visible()

    page.locator("#id_old_password").fill("Fazhi@2026")
    page.locator("#id_new_password1").fill("Kejiju#2026qa")
    page.locator("#id_new_password2").fill("Kejiju#2026qa")
    page.get_by_role("button", name="保存新密码").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("密码已修改")
    page.get_by_role("link", name="进入工作台").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("我的待办与期限")


def test_a_wrong_password_is_refused_in_chinese(page, sign_in, demo_mode):
    sign_in("legal", "wrong-password")

    assert path_of(page) == "/login/"
    expect(page.get_by_role("heading", level=1)).to_have_text("登录")
    alert = page.get_by_role("alert")
    expect(alert).to_have_text("请输入一个正确的用户名和密码。注意，两者都区分大小写。")
    # The user name is kept, the password is not.
    expect(page.get_by_label("用户名")).to_have_value("legal")
    expect(page.get_by_label("密码", exact=True)).to_have_value("")


def test_five_wrong_passwords_lock_the_account(page, sign_in, demo_mode):
    for attempt in range(1, 5):
        sign_in("counsel", f"wrong-{attempt}")
        expect(page.get_by_role("heading", level=1)).to_have_text("登录")
        expect(page.get_by_role("alert")).to_contain_text("请输入一个正确的用户名和密码")

    sign_in("counsel", "wrong-5")
    expect(page.get_by_role("heading", level=1)).to_have_text("账号已锁定")
    expect(page.get_by_role("main")).to_contain_text("连续5次登录失败，已被锁定15分钟")

    # Even the right password is refused now …
    sign_in("counsel")
    expect(page.get_by_role("heading", level=1)).to_have_text("账号已锁定")
    page.goto("/")
    assert path_of(page) == "/login/?next=/"

    # … while the lock is per account: a colleague still gets in.
    sign_in("leader")
    assert path_of(page) == "/"
    expect(page.get_by_role("main")).to_contain_text("角色：负责人")
