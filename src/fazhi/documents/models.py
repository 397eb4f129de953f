"""Normative documents (行政规范性文件): the register, versions, the procedure records, cleanup.

The procedure itself (states, transitions, gates and their legal basis) is data in
`procedure.py`; every state change goes through one `do_*` function in `actions.py`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class DocumentKind(models.TextChoices):
    MEASURES = "办法", "办法"
    RULES = "细则", "细则"
    OPINIONS = "意见", "意见"
    PROVISIONS = "规定", "规定"
    NOTICE = "通知", "通知"
    SCHEME = "方案", "方案"
    STANDARDS = "规范", "规范"
    OTHER = "其他", "其他"


class State(models.TextChoices):
    DRAFTING = "drafting", "起草"
    ASSESSMENT = "assessment", "评估论证"
    CONSULTATION = "consultation", "公开征求意见"
    LEGALITY_REVIEW = "legality_review", "合法性审核"
    FAIR_COMPETITION = "fair_competition", "公平竞争审查"
    DELIBERATION = "deliberation", "集体审议"
    SIGNED = "signed", "已签发"
    NUMBERED = "numbered", "已登记编号印发"
    PUBLISHED = "published", "已公布（待报备案）"
    FILING = "filing", "已报送备案"
    FILED = "filed", "已备案"
    EXPIRED = "expired", "失效"
    ABOLISHED = "abolished", "废止"


# The states in which a document is in force (有效) and may be cited as a basis.
IN_FORCE_STATES = (State.PUBLISHED, State.FILING, State.FILED)
# Before 公布 the document is a draft (不得作为行政管理依据).
DRAFT_STATES = (
    State.DRAFTING, State.ASSESSMENT, State.CONSULTATION, State.LEGALITY_REVIEW,
    State.FAIR_COMPETITION, State.DELIBERATION, State.SIGNED, State.NUMBERED,
)


class Relation(models.TextChoices):
    EXTENDS = "extends", "延期（延长有效期）"
    REVISES = "revises", "修改（修订）"
    REPLACES = "replaces", "废旧立新"


class NormativeDocument(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name="制定机关", on_delete=models.PROTECT,
        related_name="normative_documents",
    )
    title = models.CharField("标题", max_length=200)
    kind = models.CharField("文种", max_length=10, choices=DocumentKind.choices, default=DocumentKind.MEASURES)
    drafting_unit = models.CharField("起草单位（科室）", max_length=120, blank=True)
    doc_number = models.CharField("发文字号", max_length=60, blank=True)
    number_year = models.PositiveSmallIntegerField("编号年度", null=True, blank=True)
    number_serial = models.PositiveIntegerField("年度序号", null=True, blank=True)
    written_date = models.DateField("成文日期", null=True, blank=True)
    published_date = models.DateField("公布日期", null=True, blank=True)
    effective_date = models.DateField("施行日期", null=True, blank=True)
    expiry_date = models.DateField("失效日期", null=True, blank=True)
    validity_years = models.PositiveSmallIntegerField("有效期（年）", null=True, blank=True)
    abolished_date = models.DateField("废止日期", null=True, blank=True)
    state = models.CharField("状态", max_length=20, choices=State.choices, default=State.DRAFTING, db_index=True)
    concerns_business = models.BooleanField(
        "涉及市场主体生产经营活动", default=False,
        help_text="涉及经营者经济活动的须经公平竞争审查；与市场主体生产经营活动密切相关的，征求意见期一般不少于30日。",
    )
    requires_consultation = models.BooleanField(
        "须公开征求意见", default=True,
        help_text="涉及群众切身利益或对权利义务有重大影响的，除依法需要保密外，应当向社会公开征求意见。",
    )
    consultation_exemption = models.TextField("不公开征求意见的理由", blank=True)
    predecessor = models.ForeignKey(
        "self", verbose_name="原文件", null=True, blank=True, on_delete=models.PROTECT,
        related_name="successors",
    )
    relation = models.CharField("与原文件关系", max_length=10, choices=Relation.choices, blank=True)
    is_demo = models.BooleanField("演示数据", default=False)
    # Optimistic locking: every save of the editable fields bumps this counter.
    lock_version = models.PositiveIntegerField("编辑版本号", default=0)
    # Title, 文号 and the current text, for search (pg_trgm GIN on PostgreSQL; FTS5 on SQLite).
    search_text = models.TextField("检索文本", blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="创建人", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = "行政规范性文件"
        verbose_name_plural = "行政规范性文件"
        ordering = ("-published_date", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=["doc_number"], condition=~Q(doc_number=""), name="documents_unique_doc_number"
            ),
            models.UniqueConstraint(
                fields=["organisation", "number_year", "number_serial"],
                condition=Q(number_serial__isnull=False),
                name="documents_unique_serial",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "state", "-published_date"], name="doc_org_state_pub"),
            models.Index(fields=["state", "-published_date"], name="doc_state_pub"),
            models.Index(fields=["state", "expiry_date"], name="doc_state_expiry"),
            # The lists' order (newest first) for one organisation and for everyone.
            models.Index(fields=["organisation", "-published_date", "-id"], name="doc_org_pub_id"),
            models.Index(fields=["-published_date", "-id"], name="doc_pub_id"),
        ]

    def __str__(self) -> str:
        return f"《{self.title}》" + (f"（{self.doc_number}）" if self.doc_number else "")

    @property
    def in_force(self) -> bool:
        return self.state in IN_FORCE_STATES

    @property
    def public_status(self) -> str:
        """有效 / 失效 / 废止 as the public page shows it."""
        if self.state in IN_FORCE_STATES:
            return "有效"
        if self.state == State.EXPIRED:
            return "失效"
        if self.state == State.ABOLISHED:
            return "废止"
        return "草案"

    @property
    def is_public(self) -> bool:
        return self.state in (*IN_FORCE_STATES, State.EXPIRED, State.ABOLISHED)

    def current_version(self) -> DocumentVersion | None:
        return self.versions.order_by("-number").first()


class DocumentVersion(models.Model):
    document = models.ForeignKey(NormativeDocument, verbose_name="文件", on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("版本号")
    source_name = models.CharField("来源文件名", max_length=200, blank=True)
    source_size = models.PositiveIntegerField("来源文件大小（字节）", default=0)
    sha256 = models.CharField("SHA-256", max_length=64)
    text = models.TextField("文本")
    note = models.CharField("说明", max_length=200, blank=True)
    # "review" (the review engine), "citations" (the engine failed on it: citation check only)
    review_engine = models.CharField("预审引擎", max_length=20, blank=True)
    review = models.JSONField("预审结果", default=dict, blank=True)
    findings_count = models.PositiveIntegerField("预审问题数", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "文本版本"
        verbose_name_plural = "文本版本"
        ordering = ("document", "number")
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="documents_unique_version")]

    def __str__(self) -> str:
        return f"{self.document.title} 第{self.number}稿"


class VersionCitation(models.Model):
    """The reverse index: one row per (version, cited law, article)."""

    version = models.ForeignKey(DocumentVersion, verbose_name="版本", on_delete=models.CASCADE, related_name="citations")
    document = models.ForeignKey(NormativeDocument, verbose_name="文件", on_delete=models.CASCADE, related_name="citations")
    current = models.BooleanField("当前版本", default=True)
    law_id = models.CharField("法律标识", max_length=120)
    law_title = models.CharField("法律名称", max_length=200)
    article = models.CharField("条", max_length=60, blank=True)
    status = models.CharField("引用状态", max_length=20, blank=True)
    quote = models.CharField("原文", max_length=300, blank=True)

    class Meta:
        verbose_name = "引用"
        verbose_name_plural = "引用（反向索引）"
        indexes = [
            models.Index(fields=["law_id", "article"], name="cite_law_article"),
            models.Index(fields=["law_id", "current", "document"], name="cite_law_current"),
        ]

    def __str__(self) -> str:
        return f"《{self.law_title}》{self.article}"


class Assessment(models.Model):
    """评估论证 (optional; 37号 二(三))."""

    document = models.ForeignKey(NormativeDocument, verbose_name="文件", on_delete=models.CASCADE, related_name="assessments")
    content = models.TextField("评估论证内容")
    conclusion = models.TextField("结论")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="记录人", null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField("记录时间", auto_now_add=True)

    class Meta:
        verbose_name = "评估论证"
        verbose_name_plural = "评估论证"

    def __str__(self) -> str:
        return f"{self.document.title} 评估论证"


class ConsultationPeriod(models.Model):
    document = models.ForeignKey(NormativeDocument, verbose_name="文件", on_delete=models.CASCADE, related_name="consultations")
    version = models.ForeignKey(DocumentVersion, verbose_name="征求意见稿", on_delete=models.PROTECT, related_name="+")
    start_date = models.DateField("开始日期")
    end_date = models.DateField("截止日期")
    minimum = models.CharField("法定最短期限", max_length=40)
    basis = models.TextField("期限依据")
    closed_at = models.DateTimeField("结束时间", null=True, blank=True)
    summary = models.TextField("意见采纳情况说明", blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "公开征求意见"
        verbose_name_plural = "公开征求意见"
        ordering = ("-start_date", "-pk")

    def __str__(self) -> str:
        return f"{self.document.title} 征求意见（{self.start_date}—{self.end_date}）"


class Moderation(models.TextChoices):
    PENDING = "pending", "待审核"
    APPROVED = "approved", "已通过"
    REJECTED = "rejected", "不予显示"


class Adoption(models.TextChoices):
    ADOPTED = "adopted", "采纳"
    PARTLY = "partly", "部分采纳"
    NOT_ADOPTED = "not_adopted", "不予采纳"
    EXPLAINED = "explained", "解释说明"


class PublicComment(models.Model):
    consultation = models.ForeignKey(ConsultationPeriod, verbose_name="征求意见", on_delete=models.CASCADE, related_name="comments")
    name = models.CharField("姓名或单位", max_length=60, blank=True)
    contact = models.CharField("联系方式", max_length=60, blank=True)
    text = models.TextField("意见内容")
    # Comments whose normalised text matches share a group (duplicates are answered once).
    group_key = models.CharField("重复意见组", max_length=64, db_index=True)
    ip = models.CharField("来源地址", max_length=45, blank=True)
    moderation = models.CharField("审核", max_length=10, choices=Moderation.choices, default=Moderation.PENDING)
    adoption = models.CharField("采纳情况", max_length=12, choices=Adoption.choices, blank=True)
    answer = models.TextField("答复", blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="答复人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField("答复时间", null=True, blank=True)
    created_at = models.DateTimeField("提交时间", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "公众意见"
        verbose_name_plural = "公众意见"
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return self.text[:30]


class Opinion(models.TextChoices):
    LEGAL = "legal", "合法"
    ILLEGAL = "illegal", "不合法"
    LEGAL_AFTER_REVISION = "legal_after_revision", "修改后合法"


class ReviewBody(models.TextChoices):
    LEGAL_OFFICE = "legal_office", "本单位法制审核机构"
    JUSTICE_BUREAU = "justice_bureau", "司法局"


class LegalityReview(models.Model):
    document = models.ForeignKey(NormativeDocument, verbose_name="文件", on_delete=models.CASCADE, related_name="legality_reviews")
    version = models.ForeignKey(DocumentVersion, verbose_name="送审稿", on_delete=models.PROTECT, related_name="+")
    body = models.CharField("审核机构", max_length=20, choices=ReviewBody.choices, default=ReviewBody.LEGAL_OFFICE)
    submitted_on = models.DateField("送审日期")
    opinion = models.CharField("审核意见", max_length=24, choices=Opinion.choices, blank=True)
    opinion_text = models.TextField("书面审核意见", blank=True)
    findings = models.JSONField("预审发现（附）", default=list, blank=True)
    reviewed_on = models.DateField("出具日期", null=True, blank=True)
    working_days_used = models.PositiveIntegerField("审核用时（工作日）", null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审核人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "合法性审核"
        verbose_name_plural = "合法性审核"
        ordering = ("-submitted_on", "-pk")

    def __str__(self) -> str:
        return f"{self.document.title} 合法性审核"


class FairCompetitionConclusion(models.TextChoices):
    COMPLIANT = "compliant", "符合公平竞争审查标准，可以出台"
    EXCEPTION = "exception", "含限制竞争内容，但符合第十二条例外规定，可以出台"
    NON_COMPLIANT = "non_compliant", "不符合审查标准，不得出台"
    NOT_APPLICABLE = "not_applicable", "不涉及经营者经济活动，无需审查"


class FairCompetitionReview(models.Model):
    document = models.ForeignKey(NormativeDocument, verbose_name="文件", on_delete=models.CASCADE, related_name="fair_competition_reviews")
    conclusion = models.CharField("审查结论", max_length=20, choices=FairCompetitionConclusion.choices)
    exception_ground = models.CharField("适用的例外情形（第十二条）", max_length=120, blank=True)
    explanation = models.TextField("书面审查结论与说明")
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审查人", null=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_on = models.DateField("审查日期")

    class Meta:
        verbose_name = "公平竞争审查"
        verbose_name_plural = "公平竞争审查"
        ordering = ("-reviewed_on", "-pk")

    def __str__(self) -> str:
        return f"{self.document.title} 公平竞争审查"


class Decision(models.TextChoices):
    ADOPTED = "adopted", "审议通过"
    ADOPTED_WITH_CHANGES = "adopted_with_changes", "原则通过，按意见修改"
    REJECTED = "rejected", "未通过"


class CollectiveDeliberation(models.Model):
    document = models.ForeignKey(NormativeDocument, verbose_name="文件", on_delete=models.CASCADE, related_name="deliberations")
    meeting = models.CharField("会议名称", max_length=120)
    meeting_date = models.DateField("会议日期")
    attendees = models.TextField("出席人员")
    decision = models.CharField("审议决定", max_length=24, choices=Decision.choices)
    dissent = models.TextField("不同意见", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="记录人", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "集体审议"
        verbose_name_plural = "集体审议"
        ordering = ("-meeting_date", "-pk")

    def __str__(self) -> str:
        return f"{self.document.title} {self.meeting}"


class Signing(models.Model):
    document = models.ForeignKey(NormativeDocument, verbose_name="文件", on_delete=models.CASCADE, related_name="signings")
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="签发人", null=True, on_delete=models.SET_NULL, related_name="+")
    signed_on = models.DateField("签发日期")

    class Meta:
        verbose_name = "签发"
        verbose_name_plural = "签发"

    def __str__(self) -> str:
        return f"{self.document.title} 签发"


class NumberCounter(models.Model):
    """统一编号: the last serial used per organisation and year, locked while a number is taken."""

    organisation = models.ForeignKey("accounts.Organisation", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    last_serial = models.PositiveIntegerField("已用序号", default=0)

    class Meta:
        verbose_name = "发文编号计数"
        verbose_name_plural = "发文编号计数"
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="documents_unique_counter")]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}年 已编至第{self.last_serial}号"


class Publication(models.Model):
    document = models.ForeignKey(NormativeDocument, verbose_name="文件", on_delete=models.CASCADE, related_name="publications")
    published_on = models.DateField("公布日期")
    channel = models.CharField("公布载体", max_length=120)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="公布人", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "公布"
        verbose_name_plural = "公布"

    def __str__(self) -> str:
        return f"{self.document.title} 公布"


class FilingResult(models.TextChoices):
    PENDING = "pending", "待审查"
    FILED = "filed", "予以备案"
    CORRECTION = "correction", "要求纠正"


class Filing(models.Model):
    document = models.ForeignKey(NormativeDocument, verbose_name="文件", on_delete=models.CASCADE, related_name="filings")
    authority = models.ForeignKey("accounts.Organisation", verbose_name="备案审查机关", on_delete=models.PROTECT, related_name="+")
    submitted_on = models.DateField("报送日期")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="报送人", null=True, on_delete=models.SET_NULL, related_name="+")
    result = models.CharField("审查结果", max_length=12, choices=FilingResult.choices, default=FilingResult.PENDING)
    result_note = models.TextField("审查意见", blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审查人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_on = models.DateField("审查日期", null=True, blank=True)

    class Meta:
        verbose_name = "备案"
        verbose_name_plural = "备案"
        ordering = ("-submitted_on", "-pk")

    def __str__(self) -> str:
        return f"{self.document.title} 备案"


class CampaignKind(models.TextChoices):
    PERIODIC = "periodic", "定期清理"
    LAW_CHANGE = "law_change", "上位法立改废引起的清理"
    SPECIAL = "special", "专项清理"


class CampaignStatus(models.TextChoices):
    OPEN = "open", "进行中"
    PUBLISHED = "published", "结果已公布"


class CleanupCampaign(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("名称", max_length=200)
    kind = models.CharField("类型", max_length=12, choices=CampaignKind.choices)
    trigger = models.TextField("起因", blank=True)
    status = models.CharField("状态", max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.OPEN)
    older_than_years = models.PositiveSmallIntegerField("列出施行满N年的文件", default=5)
    started_on = models.DateField("开始日期")
    published_on = models.DateField("结果公布日期", null=True, blank=True)
    is_demo = models.BooleanField("演示数据", default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发起人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "清理"
        verbose_name_plural = "清理"
        ordering = ("-started_on", "-pk")

    def __str__(self) -> str:
        return self.title


class CleanupDecision(models.TextChoices):
    KEEP = "keep", "保留"
    REVISE = "revise", "修改"
    ABOLISH = "abolish", "废止"
    DECLARE_INVALID = "declare_invalid", "宣布失效"


class CleanupItem(models.Model):
    campaign = models.ForeignKey(CleanupCampaign, verbose_name="清理", on_delete=models.CASCADE, related_name="items")
    document = models.ForeignKey(NormativeDocument, verbose_name="文件", on_delete=models.PROTECT, related_name="cleanup_items")
    reasons = models.JSONField("提示理由", default=list)
    decision = models.CharField("清理意见", max_length=20, choices=CleanupDecision.choices, blank=True)
    decision_reason = models.TextField("理由", blank=True)
    responsible = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="责任人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_on = models.DateField("决定日期", null=True, blank=True)

    class Meta:
        verbose_name = "清理事项"
        verbose_name_plural = "清理事项"
        ordering = ("campaign", "pk")
        constraints = [models.UniqueConstraint(fields=["campaign", "document"], name="documents_unique_cleanup_item")]

    def __str__(self) -> str:
        return f"{self.campaign} · {self.document.title}"
