"""Fixtures for the normative-document tests: demo people and documents at each stage."""

from __future__ import annotations

import datetime as dt

import pytest

SAMPLE_TEXT = """重庆市沙坪坝区科学技术局关于科技创新券管理的实施办法（示例）

第一条 为规范科技创新券管理，根据《中华人民共和国科学技术进步法》第十二条和《中华人民共和国合同法》第五十二条，结合本区实际，制定本办法。
第二条 本办法适用于本区科技型企业申领和使用科技创新券。
第三条 本办法自公布之日起施行，有效期5年。
"""


@pytest.fixture
def people(demo):
    from fazhi.accounts.models import User

    return {u.username: u for u in User.objects.all()}


@pytest.fixture
def department(demo):
    from fazhi.accounts.demo import DEPARTMENT
    from fazhi.accounts.models import Organisation

    org = Organisation.objects.get(name=DEPARTMENT)
    if not org.doc_number_prefix:
        org.doc_number_prefix = "沙科局发"
        org.save()
    return org


@pytest.fixture
def make_draft(people, department):
    from fazhi.documents import actions

    def _make(title="科技创新券管理实施办法（示例）", text=SAMPLE_TEXT, **kwargs):
        kwargs.setdefault("requires_consultation", False)
        kwargs.setdefault("consultation_exemption", "演示：不涉及群众切身利益")
        doc = actions.do_create_document(people["drafter"], department, title=title, kind="办法", **kwargs)
        if text:
            actions.do_add_version(people["drafter"], doc, text=text)
        doc.refresh_from_db()
        return doc

    return _make


@pytest.fixture
def published(make_draft, people):
    """A draft taken through every step up to 公布."""
    from fazhi.documents import actions

    def _publish(**kwargs):
        doc = make_draft(**kwargs)
        p = people
        actions.do_submit_legality_review(p["drafter"], doc)
        actions.do_record_legality_opinion(p["legal"], doc, "legal", "经审核，合法。")
        if doc.concerns_business:
            actions.do_record_fair_competition(p["drafter"], doc, "compliant", "符合审查标准。")
        actions.do_submit_deliberation(p["drafter"], doc)
        actions.do_record_deliberation(
            p["leader"], doc, meeting="局长办公会", meeting_date=dt.date.today(),
            attendees="陈局长、王起草、李法审", decision="adopted",
        )
        actions.do_sign(p["leader"], doc)
        actions.do_number(p["disclosure"], doc)
        actions.do_publish(p["disclosure"], doc, validity_years=kwargs.get("validity_years") or 5)
        doc.refresh_from_db()
        return doc

    return _publish
