from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from fazhi.accounts.models import User
from fazhi.audit.models import Action, AuditEvent
from fazhi.cli import main

pytestmark = pytest.mark.django_db


def token_for(username: str, capsys) -> str:
    assert main(["token", "create", username]) == 0
    return capsys.readouterr().out.strip()


def test_token_create_prints_a_working_token_and_replaces_the_old_one(demo, capsys):
    first = token_for("drafter", capsys)
    second = token_for("drafter", capsys)
    assert first != second and len(second) == 40
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {first}")
    assert client.get("/api/v1/me/").status_code == 401
    client.credentials(HTTP_AUTHORIZATION=f"Token {second}")
    me = client.get("/api/v1/me/").json()
    assert me["username"] == "drafter"
    assert me["roles"] == [{"role": "drafter", "label": "起草人员"}]
    assert AuditEvent.objects.filter(action=Action.TOKEN).exists()


def test_token_for_an_unknown_user_is_a_chinese_error(demo, capsys):
    assert main(["token", "create", "nobody"]) == 2
    assert "不存在" in capsys.readouterr().err


def test_unauthenticated_requests_get_a_chinese_401():
    response = APIClient().get("/api/v1/me/")
    assert response.status_code == 401
    assert "令牌" in response.json()["detail"]


def test_audit_events_follow_the_web_permissions(demo, capsys):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_for('leader', capsys)}")
    assert client.get("/api/v1/audit-events/").status_code == 403
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_for('auditor', capsys)}")
    events = client.get("/api/v1/audit-events/").json()
    assert events["count"] > 0 and {"seq", "hash", "prev_hash"} <= set(events["results"][0])


def test_organisations_are_scoped_to_the_user(demo, capsys):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_for('sfj', capsys)}")
    names = [o["name"] for o in client.get("/api/v1/organisations/").json()["results"]]
    assert names == ["重庆市沙坪坝区司法局"]


def test_api_changes_are_audited_under_the_token_user(demo, capsys):
    from fazhi.audit.context import current_actor

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_for('admin', capsys)}")
    client.get("/api/v1/organisations/")
    assert current_actor().username == ""  # the binding ends with the request


def test_the_openapi_schema_is_served_as_json(demo):
    response = APIClient().get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/me/" in schema["paths"] and "/api/v1/organisations/" in schema["paths"]
    assert "tokenAuth" in json.dumps(schema["components"].get("securitySchemes", {}))
    assert User.objects.exists()
