"""A newcomer takes a draft from upload to 备案 in the browser, as each demo role in turn.

The drafter first tries to skip the legality review and is refused with the rule's words.
"""

from __future__ import annotations

import re

import pytest
from _workbench import path_of
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "沙坪坝区科技创新券管理办法（浏览器测试·示例）"


@pytest.fixture
def draft_docx(tmp_path):
    from docx import Document

    path = tmp_path / "创新券管理办法.docx"
    word = Document()
    word.add_paragraph(TITLE)
    word.add_paragraph("第一条 为规范科技创新券管理，根据《中华人民共和国科学技术进步法》，制定本办法。")
    word.add_paragraph("第二条 本办法自公布之日起施行，有效期5年。")
    word.save(path)
    return path


def sign_out(page) -> None:
    page.get_by_role("button", name="退出").click()
    page.wait_for_load_state()


def act(page, label: str) -> None:
    page.locator("form.transition-form").filter(
        has=page.get_by_role("button", name=label, exact=True)
    ).get_by_role("button", name=label, exact=True).click()
    page.wait_for_load_state()


def expect_state(page, label: str) -> None:
    expect(page.locator("h1 + p .tag").first).to_have_text(label)


def test_draft_from_upload_to_filing_as_each_role(page, sign_in, demo_mode, draft_docx):
    # 起草人员: a new draft, its text uploaded and pre-reviewed.
    sign_in("drafter")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="规范性文件", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("规范性文件")
    page.get_by_role("link", name="新建草案").click()
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_drafting_unit").fill("科技创新科")
    page.locator("#id_requires_consultation").uncheck()
    page.locator("#id_consultation_exemption").fill("内部管理事项，不直接涉及群众切身利益（测试）")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    document_path = path_of(page).split("#")[0]
    assert re.fullmatch(r"/documents/\d+/", document_path)

    page.locator("#id_file").set_input_files(str(draft_docx))
    page.locator("#id_note").fill("初稿")
    page.get_by_role("button", name="保存为新一稿并预审").click()
    expect(page.locator(".messages")).to_contain_text("已保存第1稿")
    expect(page.locator("#prereview")).to_contain_text("科学技术进步法")

    # Skipping the legality review is refused, with the rule and the missing step named.
    act(page, "提交集体审议")
    expect(page.locator(".messages")).to_contain_text("未经合法性审核，不得提交集体审议")
    expect(page.locator(".messages")).to_contain_text("缺少：合法性审核")
    expect_state(page, "起草")

    act(page, "提交合法性审核")
    expect_state(page, "合法性审核")
    sign_out(page)

    # 法制审核人员: the written opinion.
    sign_in("legal")
    page.goto(document_path)
    page.locator("#id_opinion").select_option("legal")
    page.locator("#id_opinion_text").fill("经审核，制定主体、权限、程序和内容合法。")
    page.get_by_role("button", name="出具审核意见").click()
    expect(page.locator("#records")).to_contain_text("合法")
    expect(page.locator("#records")).to_contain_text("审核用时")
    sign_out(page)

    sign_in("drafter")
    page.goto(document_path)
    act(page, "提交集体审议")
    expect_state(page, "集体审议")
    sign_out(page)

    # 负责人: the meeting, then 签发.
    sign_in("leader")
    page.goto(document_path)
    page.locator("#id_meeting").fill("局长办公会议")
    page.locator("#id_attendees").fill("陈局长、王起草、李法审")
    page.locator("#id_decision").select_option("adopted")
    page.locator("#id_dissent").fill("无")
    page.get_by_role("button", name="保存审议结果").click()
    expect(page.locator("#records")).to_contain_text("审议通过")
    act(page, "签发")
    expect_state(page, "已签发")
    sign_out(page)

    # 政务公开专员: 统一编号, 公布, 报送备案.
    sign_in("disclosure")
    page.goto(document_path)
    act(page, "统一登记编号印发")
    expect_state(page, "已登记编号印发")
    expect(page.locator(".facts")).to_contain_text(re.compile(r"〔\d{4}〕1号"))
    act(page, "公布")
    expect_state(page, "已公布（待报备案）")
    expect(page.locator("#records")).to_contain_text("报送")  # the filing deadline runs
    act(page, "报送备案")
    expect_state(page, "已报送备案")
    sign_out(page)

    # 司法局审查人员: the filing result.
    sign_in("sfj")
    page.goto(document_path)
    page.locator("#id_result").select_option("filed")
    page.get_by_role("button", name="记录审查结果").click()
    expect_state(page, "已备案")
    expect(page.locator("#procedure .timeline li.done")).to_have_count(8)
    sign_out(page)

    # The public sees the document in force, with its full text.
    page.goto("/public/documents/")
    row = page.locator("table.documents tbody tr").filter(has_text=TITLE)
    expect(row).to_contain_text("有效")
    row.get_by_role("link", name=TITLE).click()
    expect(page.locator(".fulltext")).to_contain_text("第一条 为规范科技创新券管理")
