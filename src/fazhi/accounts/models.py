from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class OrganisationKind(models.TextChoices):
    GOVERNMENT = "government", "人民政府"
    DEPARTMENT = "department", "政府工作部门"
    JUSTICE_BUREAU = "justice_bureau", "司法行政机关（备案审查机关）"
    OTHER = "other", "其他单位"


class Organisation(models.Model):
    """A government body. The tree runs district government → its departments."""

    name = models.CharField("全称", max_length=120, unique=True)
    short_name = models.CharField("简称", max_length=40, blank=True)
    kind = models.CharField("类型", max_length=20, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # The body that reviews and files this organisation's normative documents (备案审查).
    filing_authority = models.ForeignKey(
        "self",
        verbose_name="备案审查机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="filed_organisations",
    )
    # 发文字号 prefix such as 沙科局发 (used by document numbering).
    doc_number_prefix = models.CharField("发文机关代字", max_length=20, blank=True)
    is_active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "单位"
        verbose_name_plural = "单位"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list[Organisation]:
        chain: list[Organisation] = []
        node = self.parent
        while node is not None and node not in chain:
            chain.append(node)
            node = node.parent
        return chain


class Role(models.TextChoices):
    DRAFTER = "drafter", "起草人员"
    LEGAL_REVIEWER = "legal_reviewer", "法制审核人员"
    COUNSEL = "counsel", "法律顾问"
    LEADER = "leader", "负责人"
    DISCLOSURE_OFFICER = "disclosure_officer", "政务公开专员"
    JUSTICE_REVIEWER = "justice_reviewer", "司法局审查人员"
    ADMIN = "admin", "系统管理员"
    AUDITOR = "auditor", "审计员"


class User(AbstractUser):
    full_name = models.CharField("姓名", max_length=60, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    must_change_password = models.BooleanField("下次登录须修改密码", default=False)
    is_demo = models.BooleanField("演示账号", default=False)

    class Meta:
        verbose_name = "人员"
        verbose_name_plural = "人员"

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def display_name(self) -> str:
        return self.full_name or self.username


class Membership(models.Model):
    """A person holds a role in an organisation; a person may hold several."""

    user = models.ForeignKey(
        User, verbose_name="人员", on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name="单位", on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField("角色", max_length=30, choices=Role.choices)
    created_at = models.DateTimeField("授予时间", auto_now_add=True)

    class Meta:
        verbose_name = "角色授予"
        verbose_name_plural = "角色授予"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="unique_membership_role"
            )
        ]
        ordering = ["organisation__name", "role"]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"
