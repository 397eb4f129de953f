"""The demo organisation: the seed report's department, its district and the district 司法局.

One person per role, so a newcomer can log in as each. The password is published in the
README; outside demo mode (FAZHI_DEMO unset) each demo account must change it on first login.
"""

from __future__ import annotations

from django.db import transaction

from fazhi.audit.context import Actor, acting_as

from .models import Membership, Organisation, OrganisationKind, Role, User

DEMO_PASSWORD = "Fazhi@2026"  # noqa: S105  (published in the README; demo mode only)
DISTRICT = "重庆市沙坪坝区人民政府"
JUSTICE_BUREAU = "重庆市沙坪坝区司法局"
DEPARTMENT = "重庆市沙坪坝区科学技术局"

# (username, full name, organisation, role)
DEMO_PEOPLE = [
    ("admin", "系统管理员", DEPARTMENT, Role.ADMIN),
    ("drafter", "王起草", DEPARTMENT, Role.DRAFTER),
    ("legal", "李法审", DEPARTMENT, Role.LEGAL_REVIEWER),
    ("counsel", "张律师", DEPARTMENT, Role.COUNSEL),
    ("leader", "陈局长", DEPARTMENT, Role.LEADER),
    ("disclosure", "刘公开", DEPARTMENT, Role.DISCLOSURE_OFFICER),
    ("sfj", "赵审查", JUSTICE_BUREAU, Role.JUSTICE_REVIEWER),
    ("auditor", "孙审计", DEPARTMENT, Role.AUDITOR),
]


def load_demo() -> bool:
    """Create what is missing; never touch what exists. Returns True if anything was created."""
    created_any = False
    with acting_as(Actor(username="demo-loader", channel="system")), transaction.atomic():
        district, created = Organisation.objects.get_or_create(
            name=DISTRICT,
            defaults={"short_name": "沙坪坝区政府", "kind": OrganisationKind.GOVERNMENT},
        )
        created_any |= created
        justice, created = Organisation.objects.get_or_create(
            name=JUSTICE_BUREAU,
            defaults={"short_name": "区司法局", "kind": OrganisationKind.JUSTICE_BUREAU, "parent": district},
        )
        created_any |= created
        department, created = Organisation.objects.get_or_create(
            name=DEPARTMENT,
            defaults={
                "short_name": "区科技局",
                "kind": OrganisationKind.DEPARTMENT,
                "parent": district,
                "filing_authority": justice,
            },
        )
        created_any |= created
        organisations = {o.name: o for o in (district, justice, department)}
        for username, full_name, organisation, role in DEMO_PEOPLE:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(username=username, full_name=full_name, is_demo=True, must_change_password=True)
                user.set_password(DEMO_PASSWORD)
                user.save()
                created_any = True
            _, created = Membership.objects.get_or_create(
                user=user, organisation=organisations[organisation], role=role
            )
            created_any |= created
    return created_any
