"""Every view × every demo role: who gets in, who is refused, and how."""

from __future__ import annotations

import pytest
from django.urls import reverse

from fazhi.accounts.demo import DEMO_PEOPLE, DEPARTMENT, JUSTICE_BUREAU
from fazhi.accounts.models import Organisation
from fazhi.web.sections import SECTIONS

ROLES = [username for username, *_ in DEMO_PEOPLE]
AUDIT_READERS = {"admin", "auditor"}


def org_id(name: str) -> int:
    return Organisation.objects.get(name=name).pk


def expected_status(view: str, username: str) -> int:
    if view in {"audit_log", "audit_export"}:
        return 200 if username in AUDIT_READERS else 403
    if view == "admin":
        return 200 if username == "admin" else 302  # the admin site sends others to its login
    if view == "organisation:department":
        return 403 if username == "sfj" else 200
    if view == "organisation:justice":
        return 200 if username in {"sfj", "admin"} else 403
    return 200


VIEWS = ["dashboard", "audit_log", "audit_export", "admin", "organisation:department",
         "organisation:justice", *[f"section:{s.key}" for s in SECTIONS]]


def url_for(view: str) -> str:
    if view.startswith("section:"):
        return reverse("section", args=[view.split(":", 1)[1]])
    if view == "organisation:department":
        return reverse("organisation", args=[org_id(DEPARTMENT)])
    if view == "organisation:justice":
        return reverse("organisation", args=[org_id(JUSTICE_BUREAU)])
    if view == "admin":
        return reverse("admin:index")
    return reverse(view)


@pytest.mark.django_db
@pytest.mark.parametrize("username", ROLES)
def test_each_role_gets_exactly_its_views(login, settings, username):
    settings.DEMO_MODE = True
    client = login(username)
    for view in VIEWS:
        response = client.get(url_for(view))
        assert response.status_code == expected_status(view, username), (view, username)
        if response.status_code == 403:
            assert "无权访问" in response.content.decode()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_login(client, demo):
    for view in VIEWS:
        response = client.get(url_for(view))
        assert response.status_code == 302, view
        assert "/login/" in response["Location"]


@pytest.mark.django_db
def test_unknown_section_is_a_chinese_404(login, settings):
    settings.DEMO_MODE = True
    response = login("drafter").get("/s/nothing-here/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


@pytest.mark.django_db
def test_scope_to_user_limits_records_to_own_organisation(demo):
    from fazhi.accounts.models import Membership, User
    from fazhi.accounts.permissions import scope_to_user

    memberships = Membership.objects.all()
    drafter = User.objects.get(username="drafter")
    sfj = User.objects.get(username="sfj")
    admin = User.objects.get(username="admin")
    assert {m.organisation.name for m in scope_to_user(memberships, drafter)} == {DEPARTMENT}
    assert {m.organisation.name for m in scope_to_user(memberships, sfj)} == {JUSTICE_BUREAU}
    assert scope_to_user(memberships, admin).count() == memberships.count()


@pytest.mark.django_db
def test_granting_and_revoking_the_admin_role_opens_and_closes_the_admin_site(demo):
    from fazhi.accounts.models import Membership, Role, User

    legal = User.objects.get(username="legal")
    department = Organisation.objects.get(name=DEPARTMENT)
    grant = Membership.objects.create(user=legal, organisation=department, role=Role.ADMIN)
    legal.refresh_from_db()
    assert legal.is_staff and legal.is_superuser
    grant.delete()
    legal.refresh_from_db()
    assert not legal.is_staff and not legal.is_superuser


@pytest.mark.django_db
def test_a_justice_reviewer_reviews_the_organisations_that_file_with_their_bureau(demo):
    from fazhi.accounts.models import User
    from fazhi.accounts.permissions import filing_authority_for

    sfj = User.objects.get(username="sfj")
    assert [o.name for o in filing_authority_for(sfj)] == [DEPARTMENT]
    assert not filing_authority_for(User.objects.get(username="legal")).exists()
