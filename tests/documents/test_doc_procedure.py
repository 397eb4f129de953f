"""Every gate of the procedure: allowed steps, refused steps with the missing steps named."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi.documents import actions
from fazhi.documents.models import State

pytestmark = pytest.mark.django_db


def test_full_lifecycle_to_filed(published, people):
    doc = published()
    assert doc.state == State.PUBLISHED
    assert doc.doc_number == f"沙科局发〔{dt.date.today().year}〕1号"
    assert doc.expiry_date is not None
    actions.do_submit_filing(people["disclosure"], doc)
    actions.do_record_filing_result(people["sfj"], doc, "filed")
    doc.refresh_from_db()
    assert doc.state == State.FILED
    from fazhi.audit.trail import history

    steps = [e.changes.get("to") for e in history(doc) if e.action == "transition"]
    assert steps[-1] == "filed"


def test_deliberation_without_legality_review_is_refused(make_draft, people):
    doc = make_draft()
    with pytest.raises(actions.TransitionRefused) as refused:
        actions.do_submit_deliberation(people["drafter"], doc)
    assert "未经合法性审核，不得提交集体审议" in str(refused.value)
    assert refused.value.missing == ["合法性审核"]


def test_the_expiry_reminder_reads_as_a_reminder_on_the_dashboard(published, login, settings):
    from fazhi.workcalendar.models import Deadline

    settings.DEMO_MODE = True
    doc = published()
    # A term ending within the calendar's known years, so the reminder opens now.
    doc.expiry_date = doc.published_date + dt.timedelta(days=300)
    doc.save()
    assert actions._open_validity_reminder(doc)
    reminder = Deadline.objects.for_record(doc).open().get(period_note="有效期届满前6个月")
    assert reminder.period_label == "有效期届满前6个月"
    page = login("drafter").get("/").content.decode()
    assert "有效期届满前6个月" in page
