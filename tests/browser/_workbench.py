"""What the workbench promises, as the browser tests check it (kept apart from the code)."""

from __future__ import annotations

import re

DEPARTMENT = "重庆市沙坪坝区科学技术局"
JUSTICE_BUREAU = "重庆市沙坪坝区司法局"
SECTIONS = [
    "规范性文件",
    "重大行政决策",
    "法律顾问",
    "政务公开",
    "学法普法",
    "指标与计划",
    "年度报告",
]
# Tools every signed-in person has, listed after the sections.
TOOLS = ["合法性预审", "法规目录与引用核对"]


def path_of(page) -> str:
    """The page's address without scheme and host: '/login/?next=/'."""
    return re.sub(r"^https?://[^/]+", "", page.url)
