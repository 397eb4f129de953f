"""The workbench shows the person's deadlines and the calendar warnings."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.workcalendar.services import open_deadline


@pytest.mark.django_db
def test_the_dashboard_lists_deadlines_and_warnings(client, orgs, people) -> None:
    open_deadline(
        organisation=orgs["science"],
        title="答复张三的信息公开申请",
        start=date(2026, 12, 21),
        amount=10,
        unit="workdays",
    )
    open_deadline(
        organisation=orgs["justice"],
        title="司法局的期限",
        start=date(2026, 12, 21),
        amount=10,
        unit="workdays",
    )
    client.force_login(people["officer"])
    page = client.get("/").content.decode()
    assert "答复张三的信息公开申请" in page
    assert "2027-01-04" in page and "临时" in page
    assert "司法局的期限" not in page
    assert "未办结期限涉及尚未录入放假安排的年份" in page
