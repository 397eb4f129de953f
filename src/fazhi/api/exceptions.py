"""Every API error answers in Chinese with a `detail` field, never a stack trace."""

from __future__ import annotations

from typing import Any

from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

CHINESE_DETAIL: dict[type[exceptions.APIException], str] = {
    exceptions.NotAuthenticated: "未提供身份凭证，请先登录或在请求头中提供令牌（Authorization: Token <令牌>）。",
    exceptions.AuthenticationFailed: "身份凭证无效或已失效。",
    exceptions.PermissionDenied: "您没有执行此操作的权限。",
    exceptions.NotFound: "未找到该记录。",
    exceptions.MethodNotAllowed: "不支持该请求方法。",
    exceptions.Throttled: "请求过于频繁，请稍后再试。",
    exceptions.UnsupportedMediaType: "不支持的请求内容类型。",
    exceptions.ParseError: "请求内容无法解析，请检查 JSON 格式。",
}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    for kind, message in CHINESE_DETAIL.items():
        # Keep a specific Chinese message a view raised on purpose; replace DRF's English default.
        if isinstance(exc, kind) and str(getattr(exc, "detail", "")) == str(kind.default_detail):
            response.data = {"detail": message}
            break
    return response
