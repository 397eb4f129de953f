"""`fazhi token`, `fazhi audit` and `fazhi manage` (Django's management commands)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from . import CommandFailed, setup_django


def register(subparsers: Any) -> None:
    token = subparsers.add_parser("token", help="API 令牌管理")
    token_sub = token.add_subparsers(dest="token_command", required=True, metavar="操作")
    create = token_sub.add_parser("create", help="为用户生成新的 API 令牌并打印（旧令牌作废）")
    create.add_argument("username")
    create.set_defaults(handler=token_create)

    audit = subparsers.add_parser("audit", help="审计日志")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, metavar="操作")
    verify = audit_sub.add_parser("verify", help="校验审计日志哈希链，发现被修改或删除的记录")
    verify.set_defaults(handler=audit_verify)

    manage = subparsers.add_parser("manage", help="运行 Django 管理命令（运维用）")
    manage.add_argument("arguments", nargs=argparse.REMAINDER)
    manage.set_defaults(handler=manage_command)


def _cli_actor() -> Any:
    import getpass

    from fazhi.audit.context import Actor

    return Actor(username=f"cli:{getpass.getuser()}", channel="cli")


def token_create(args: argparse.Namespace) -> int:
    setup_django()
    from django.db import transaction
    from rest_framework.authtoken.models import Token

    from fazhi.accounts.models import User
    from fazhi.audit.context import acting_as

    user = User.objects.filter(username=args.username).first()
    if user is None:
        raise CommandFailed(f"用户“{args.username}”不存在。")
    if not user.is_active:
        raise CommandFailed(f"用户“{args.username}”已停用，不能生成令牌。")
    with acting_as(_cli_actor()), transaction.atomic():
        Token.objects.filter(user=user).delete()
        token = Token.objects.create(user=user)
    print(token.key)
    return 0


def audit_verify(args: argparse.Namespace) -> int:
    setup_django()
    from fazhi.audit.models import AuditEvent
    from fazhi.audit.trail import verify

    breaks = verify()
    total = AuditEvent.objects.count()
    if breaks:
        for item in breaks:
            print(item)
        print(f"审计日志校验失败：共 {total} 条记录，发现 {len(breaks)} 处异常。", file=sys.stderr)
        return 1
    print(f"审计日志完整：共 {total} 条记录，哈希链校验通过。")
    return 0


def manage_command(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["fazhi manage", *args.arguments])
    return 0
