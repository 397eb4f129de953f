"""A department's additions to the bundled law catalog.

The bundled catalog (fazhi.core.catalog) ships with the package; these records add what a
department knows locally: its own province's or district's regulations and normative
documents, and status changes (abolitions, expiries) with their evidence. The catalog used
by the web layer is the bundled one plus these rows (`services.current_catalog`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from fazhi.core.catalog import LEVELS
from fazhi.core.catalog.models import EVENT_STATUSES

LEVEL_CHOICES = [(level, level) for level in LEVELS]
STATUS_CHOICES = [(status, status) for status in EVENT_STATUSES]


class LocalLaw(models.Model):
    law_id = models.CharField(
        "简称（目录标识）", max_length=200, unique=True,
        help_text="引用时最常用的名称，如“重庆市优化营商环境条例”或“沙府办发〔2021〕12号文件”的标题简称。",
    )
    title = models.CharField("全称", max_length=300)
    level = models.CharField("效力层级", max_length=20, choices=LEVEL_CHOICES)
    issuer = models.CharField("制定机关", max_length=200, blank=True)
    aliases = models.TextField("其他名称", blank=True, help_text="每行一个，如常见简称。")
    doc_number = models.CharField("文号", max_length=100, blank=True)
    published = models.DateField("公布日期", null=True, blank=True)
    effective = models.DateField("施行日期", null=True, blank=True)
    source = models.CharField("来源", max_length=300, help_text="公报、政府网站网址或文件原件，供核查。")
    notes = models.TextField("备注", blank=True)
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name="录入单位", on_delete=models.PROTECT, null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="录入人", on_delete=models.PROTECT, null=True, blank=True
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "本地法规"
        verbose_name_plural = "本地法规"
        ordering = ["law_id"]

    def __str__(self) -> str:
        return self.title


class LawStatusChange(models.Model):
    """An abolition, expiry or partial repeal of any catalogued law, with its evidence."""

    law_id = models.CharField("法规（目录标识）", max_length=200, db_index=True)
    status = models.CharField("状态", max_length=10, choices=STATUS_CHOICES)
    date = models.DateField("生效日期")
    successor_id = models.CharField("继受法规（目录标识）", max_length=200, blank=True)
    provision = models.CharField("废止条款", max_length=100, blank=True, help_text="如“第一千二百六十条”。")
    source = models.CharField("依据", max_length=300, help_text="废止决定的文号、公报或网址。")
    verified = models.BooleanField("已核实", default=True, help_text="未核实的状态在引用结果中注明“依据未经核实”。")
    note = models.TextField("说明", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="录入人", on_delete=models.PROTECT, null=True, blank=True
    )
    created_at = models.DateTimeField("录入时间", auto_now_add=True)

    class Meta:
        verbose_name = "法规状态变更"
        verbose_name_plural = "法规状态变更"
        ordering = ["-date", "law_id"]

    def __str__(self) -> str:
        return f"{self.law_id} {self.date:%Y-%m-%d} {self.status}"
