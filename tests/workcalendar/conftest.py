"""Organisations, people and a 2027 holiday schedule for the deadline tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def orgs(db):
    from fazhi.accounts.models import Organisation

    return {
        "science": Organisation.objects.create(name="测试区科学技术局", kind="department"),
        "justice": Organisation.objects.create(name="测试区司法局", kind="justice_bureau"),
    }


@pytest.fixture
def people(orgs):
    from fazhi.accounts.models import Membership, Role, User

    def person(username: str, org: str | None, role: str) -> User:
        user = User.objects.create_user(username=username, password="x-Pass-2026!")
        if org is not None:
            Membership.objects.create(user=user, organisation=orgs[org], role=role)
        return user

    return {
        "officer": person("officer", "science", Role.DISCLOSURE_OFFICER),
        "reviewer": person("reviewer", "justice", Role.JUSTICE_REVIEWER),
        "admin": person("sysadmin", "justice", Role.ADMIN),
        "nobody": person("nobody", None, Role.DRAFTER),
    }


# Made up for the tests (the real 2027 notice was not published when they were written).
HOLIDAYS_2027 = "元旦：2027-01-01~2027-01-03\n春节：2027-02-05~2027-02-13"
WORKDAYS_2027 = "2027-02-14"


@pytest.fixture
def year_2027(db):
    from fazhi.workcalendar.forms import HolidayYearForm

    form = HolidayYearForm(
        data={
            "year": 2027,
            "source": "测试用放假安排",
            "holidays_text": HOLIDAYS_2027,
            "workdays_text": WORKDAYS_2027,
            "note": "",
        }
    )
    assert form.is_valid(), form.errors
    return form.save()
