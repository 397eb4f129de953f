"""The audit trail records every kind of event, refuses edits, and its chain exposes tampering."""

from __future__ import annotations

import pytest
from django.db import connection

from fazhi.accounts.demo import DEMO_PASSWORD, DEPARTMENT
from fazhi.accounts.models import Membership, Organisation, Role, User
from fazhi.audit.models import Action, AppendOnlyError, AuditEvent
from fazhi.audit.trail import history, verify
from fazhi.cli import main

pytestmark = pytest.mark.django_db


def last(action: str) -> AuditEvent:
    return AuditEvent.objects.filter(action=action).order_by("-seq").first()


def test_create_change_and_delete_are_recorded_with_before_and_after(demo):
    org = Organisation.objects.create(name="重庆市沙坪坝区审计局", kind="department")
    org.short_name = "区审计局"
    org.save()
    entries = list(history(org))
    assert [e.action for e in entries] == [Action.CREATE, Action.UPDATE]
    assert entries[0].changes["name"] == [None, "重庆市沙坪坝区审计局"]
    assert entries[1].changes == {"short_name": ["", "区审计局"]}
    pk = org.pk
    org.delete()
    deletion = AuditEvent.objects.filter(object_id=str(pk), object_type="accounts.organisation").order_by("seq").last()
    assert deletion.action == Action.DELETE and deletion.changes["name"][0] == "重庆市沙坪坝区审计局"


def test_an_unchanged_save_writes_nothing(demo):
    org = Organisation.objects.get(name=DEPARTMENT)
    before = AuditEvent.objects.count()
    org.save()
    assert AuditEvent.objects.count() == before


def test_logins_failures_and_password_changes_carry_who_and_where(client, demo, settings):
    settings.DEMO_MODE = True
    client.post("/login/", {"username": "leader", "password": "nope-Nope1"}, REMOTE_ADDR="10.1.2.3")
    failed = last(Action.LOGIN_FAILED)
    assert failed.changes["username"] == "leader" and failed.ip == "10.1.2.3"
    client.post("/login/", {"username": "leader", "password": DEMO_PASSWORD}, REMOTE_ADDR="10.1.2.3")
    login = last(Action.LOGIN)
    assert login.actor_name == "leader" and login.ip == "10.1.2.3"
    client.post("/password/", {"old_password": DEMO_PASSWORD, "new_password1": "Leader-Pass-9",
                               "new_password2": "Leader-Pass-9"}, REMOTE_ADDR="10.1.2.3")
    change = last(Action.PASSWORD)
    assert change.actor_name == "leader" and "password" in change.changes
    assert DEMO_PASSWORD not in str(change.changes) and "pbkdf2" not in str(change.changes)


def test_role_grants_are_permission_changes(demo):
    user = User.objects.get(username="counsel")
    grant = Membership.objects.create(
        user=user, organisation=Organisation.objects.get(name=DEPARTMENT), role=Role.LEGAL_REVIEWER
    )
    assert last(Action.PERMISSION).changes["role"] == [None, Role.LEGAL_REVIEWER]
    grant.delete()
    assert last(Action.PERMISSION).changes["role"] == [Role.LEGAL_REVIEWER, None]


def test_exporting_the_trail_is_itself_recorded(login, settings):
    settings.DEMO_MODE = True
    response = login("auditor").get("/audit/export.csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert body.splitlines()[0].startswith("序号,时间,操作人")
    assert last(Action.EXPORT).actor_name == "auditor"


def test_entries_cannot_be_edited_or_deleted_through_the_application(demo):
    entry = AuditEvent.objects.order_by("seq").first()
    entry.object_repr = "篡改"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(seq=entry.seq).update(object_repr="篡改")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


def run_sql(sql: str, params: list) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_an_intact_chain_verifies(demo, capsys):
    assert AuditEvent.objects.count() > 10
    assert verify() == []
    assert main(["audit", "verify"]) == 0
    assert "校验通过" in capsys.readouterr().out


def test_an_edited_entry_is_detected(demo, capsys):
    target = AuditEvent.objects.order_by("seq")[4]
    run_sql("UPDATE audit_auditevent SET actor_name = %s WHERE seq = %s", ["mallory", target.seq])
    problems = verify()
    assert [p.seq for p in problems] == [target.seq]
    assert main(["audit", "verify"]) == 1
    assert f"第 {target.seq} 条" in capsys.readouterr().out


def test_a_deleted_entry_is_detected(demo):
    target = AuditEvent.objects.order_by("seq")[3]
    run_sql("DELETE FROM audit_auditevent WHERE seq = %s", [target.seq])
    problems = verify()
    assert problems and all(p.seq == target.seq + 1 for p in problems)


def test_deleting_the_newest_entries_is_detected_by_the_head(demo):
    newest = AuditEvent.objects.order_by("-seq").first()
    run_sql("DELETE FROM audit_auditevent WHERE seq = %s", [newest.seq])
    problems = verify()
    assert len(problems) == 1 and problems[0].seq is None


def test_a_rehashed_forgery_still_breaks_the_link_to_the_next_entry(demo):
    target = AuditEvent.objects.order_by("seq")[2]
    target.actor_name = "mallory"
    forged_hash = target.compute_hash()
    run_sql("UPDATE audit_auditevent SET actor_name = %s, hash = %s WHERE seq = %s",
            ["mallory", forged_hash, target.seq])
    assert [p.seq for p in verify()] == [target.seq + 1]


def test_only_auditors_and_administrators_read_the_trail_page(login, settings):
    settings.DEMO_MODE = True
    assert login("auditor").get("/audit/").status_code == 200
    assert login("leader").get("/audit/").status_code == 403


def test_the_trail_page_filters_and_rejects_impossible_dates_in_chinese(login, settings):
    settings.DEMO_MODE = True
    client = login("auditor")
    page = client.get("/audit/", {"action": "permission"}).content.decode()
    assert "权限变更" in page
    page = client.get("/audit/", {"since": "2026-02-30"}).content.decode()
    assert "无法识别" in page


def test_an_organisation_page_shows_its_history_to_audit_readers(login, settings):
    settings.DEMO_MODE = True
    org = Organisation.objects.get(name=DEPARTMENT)
    assert "变更记录" in login("admin").get(f"/organisations/{org.pk}/").content.decode()
    assert "变更记录" not in login("drafter").get(f"/organisations/{org.pk}/").content.decode()


def test_the_admin_history_page_shows_the_audit_trail(login, settings):
    settings.DEMO_MODE = True
    user = User.objects.get(username="drafter")
    page = login("admin").get(f"/admin/accounts/user/{user.pk}/history/").content.decode()
    assert "变更记录" in page and "demo-loader" in page and "新建" in page


def test_the_trail_page_speaks_chinese_field_names_and_values(login, settings):
    settings.DEMO_MODE = True
    page = login("auditor").get("/audit/", {"object_type": "accounts.user"}).content.decode()
    assert "下次登录须修改密码：（空） → 是" in page
    assert "must_change_password" not in page
