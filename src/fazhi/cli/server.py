"""`fazhi init` and `fazhi run`."""

from __future__ import annotations

import argparse
import os
from typing import Any

from . import setup_django


def register(subparsers: Any) -> None:
    init = subparsers.add_parser("init", help="建立或升级数据库（可重复执行），可选加载演示数据")
    init.add_argument("--demo", action="store_true", help="加载演示单位与演示账号（已有则跳过）")
    init.add_argument(
        "--demo-if-empty", action="store_true", help="仅当数据库中尚无任何单位时加载演示数据"
    )
    init.set_defaults(handler=init_command)

    run = subparsers.add_parser("run", help="以生产级服务器（gunicorn）启动网站")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8000)
    run.add_argument("--workers", type=int, default=int(os.environ.get("FAZHI_WORKERS", "2")))
    run.set_defaults(handler=run_command)


def init_command(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    print("数据库已就绪。")
    from fazhi.accounts.demo import DEMO_PASSWORD, DEMO_PEOPLE, load_demo
    from fazhi.accounts.models import Organisation

    if args.demo or (args.demo_if_empty and not Organisation.objects.exists()):
        from fazhi.documents.demo import load_documents_demo

        created = load_demo()
        created = load_documents_demo() or created
        print("演示数据已加载。" if created else "演示数据已存在，未重复加载。")
    if args.demo or args.demo_if_empty:
        names = " ".join(username for username, *_ in DEMO_PEOPLE)
        print(f"演示账号（密码均为 {DEMO_PASSWORD}）：{names}")
        print("访问地址：http://127.0.0.1:8000/")
    return 0


def run_command(args: argparse.Namespace) -> int:
    from gunicorn.app.base import BaseApplication

    setup_django()
    from django.core.wsgi import get_wsgi_application

    wsgi = get_wsgi_application()

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{args.host}:{args.port}")
            self.cfg.set("workers", args.workers)
            self.cfg.set("threads", 4)
            self.cfg.set("accesslog", "-")
            self.cfg.set("timeout", 120)

        def load(self) -> Any:
            return wsgi

    print(f"Fazhi 已启动：http://{args.host}:{args.port}/ （Ctrl+C 停止）", flush=True)
    Server().run()
    return 0
