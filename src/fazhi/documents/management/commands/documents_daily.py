"""Daily job: expire documents whose term ended, open 届满前评估 reminders, follow law changes."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from fazhi.audit.context import Actor, acting_as
from fazhi.documents import actions, cleanup


class Command(BaseCommand):
    help = "规范性文件每日任务：到期失效、届满前评估提醒、上位法状态变化引起的清理"

    def handle(self, *args: Any, **options: Any) -> None:
        with acting_as(Actor(username="documents-daily", channel="system")):
            counts = actions.daily()
            campaigns = cleanup.sync_law_statuses()
        self.stdout.write(
            f"失效 {counts['expired']} 件；新开届满前评估提醒 {counts['reminders']} 件；"
            f"因上位法变化发起或追加清理 {len(campaigns)} 项。"
        )
