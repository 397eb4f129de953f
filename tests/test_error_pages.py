"""Errors answer in Chinese, never with a stack trace."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from fazhi.web.views import bad_request, server_error


@pytest.mark.django_db
def test_server_errors_show_a_chinese_page_without_internals():
    response = server_error(RequestFactory().get("/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert "系统错误" in body and "操作未生效" in body
    assert "Traceback" not in body


@pytest.mark.django_db
def test_bad_requests_show_a_chinese_page():
    response = bad_request(RequestFactory().get("/"))
    assert response.status_code == 400 and "请求无效" in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_host_is_refused_without_internals(client):
    response = client.get("/login/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assert "请求无效" in response.content.decode()
