from __future__ import annotations

from typing import Any

from django import forms

from fazhi.accounts.models import User
from fazhi.web import uploads

from .models import (
    Adoption,
    CleanupDecision,
    Decision,
    DocumentKind,
    FairCompetitionConclusion,
    FilingResult,
    NormativeDocument,
    Opinion,
    ReviewBody,
)
from .procedure import FAIR_COMPETITION_EXCEPTIONS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DocumentForm(forms.ModelForm):  # type: ignore[type-arg]
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = NormativeDocument
        fields = [
            "organisation", "title", "kind", "drafting_unit", "concerns_business",
            "requires_consultation", "consultation_exemption", "validity_years", "predecessor", "relation",
        ]
        widgets = {"consultation_exemption": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, organisations: Any = None, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = DocumentKind.choices  # type: ignore[attr-defined]
        if editing:
            for name in ("organisation", "predecessor", "relation"):
                del self.fields[name]
        else:
            del self.fields["lock_version"]
            self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
            self.fields["organisation"].empty_label = None  # type: ignore[attr-defined]
            self.fields["predecessor"].queryset = NormativeDocument.objects.filter(  # type: ignore[attr-defined]
                organisation__in=organisations, state__in=["published", "filing", "filed"]
            )
            self.fields["predecessor"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("requires_consultation") is False and not (data.get("consultation_exemption") or "").strip():
            self.add_error("consultation_exemption", "不公开征求意见的，须说明理由。")
        if data.get("predecessor") and not data.get("relation"):
            self.add_error("relation", "请选择与原文件的关系（延期、修改或废旧立新）。")
        return data


class UploadForm(forms.Form):
    file = forms.FileField(label="上传文件（DOCX、PDF 或 TXT，不超过 10 MB）", required=False)
    text = forms.CharField(label="或直接粘贴/编辑文本", widget=forms.Textarea(attrs={"rows": 8}), required=False)
    note = forms.CharField(label="修改说明", max_length=200, required=False)
    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        limit = uploads.max_upload_bytes()
        if upload is not None and upload.size > limit:
            raise forms.ValidationError(f"文件过大，上限为 {limit // 1024 // 1024} MB。")
        return upload


class AssessmentForm(forms.Form):
    content = forms.CharField(label="评估论证内容（必要性、可行性、合法性、社会稳定、公平竞争等）", widget=forms.Textarea(attrs={"rows": 3}))
    conclusion = forms.CharField(label="结论", widget=forms.Textarea(attrs={"rows": 2}))


class ConsultationForm(forms.Form):
    start = forms.DateField(label="开始日期", widget=DATE)
    end = forms.DateField(label="截止日期（留空则取法定最短期限）", widget=DATE, required=False)


class LegalityRequestForm(forms.Form):
    body = forms.ChoiceField(label="审核机构", choices=ReviewBody.choices)


class LegalityOpinionForm(forms.Form):
    opinion = forms.ChoiceField(label="审核意见", choices=Opinion.choices)
    opinion_text = forms.CharField(label="书面审核意见", widget=forms.Textarea(attrs={"rows": 4}))


class FairCompetitionForm(forms.Form):
    conclusion = forms.ChoiceField(label="审查结论", choices=FairCompetitionConclusion.choices)
    exception_ground = forms.ChoiceField(
        label="适用的例外情形（公平竞争审查条例第十二条）",
        choices=[("", "—"), *[(g, g) for g in FAIR_COMPETITION_EXCEPTIONS]], required=False,
    )
    explanation = forms.CharField(label="书面审查结论与说明", widget=forms.Textarea(attrs={"rows": 3}))


class DeliberationForm(forms.Form):
    meeting = forms.CharField(label="会议名称", initial="局长办公会议")
    meeting_date = forms.DateField(label="会议日期", widget=DATE)
    attendees = forms.CharField(label="出席人员", widget=forms.Textarea(attrs={"rows": 2}))
    decision = forms.ChoiceField(label="审议决定", choices=Decision.choices)
    dissent = forms.CharField(label="不同意见", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class PublishForm(forms.Form):
    published_on = forms.DateField(label="公布日期", widget=DATE)
    effective_date = forms.DateField(label="施行日期", widget=DATE)
    validity_years = forms.IntegerField(label="有效期（年）", min_value=1, max_value=10, required=False)
    channel = forms.CharField(label="公布载体", initial="本单位门户网站“政府信息公开—规范性文件”栏目")


class FilingResultForm(forms.Form):
    result = forms.ChoiceField(label="审查结果", choices=[(FilingResult.FILED, FilingResult.FILED.label), (FilingResult.CORRECTION, FilingResult.CORRECTION.label)])
    note = forms.CharField(label="审查意见", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class AnswerForm(forms.Form):
    adoption = forms.ChoiceField(label="采纳情况", choices=Adoption.choices)
    answer = forms.CharField(label="答复", widget=forms.Textarea(attrs={"rows": 2}))


class CommentForm(forms.Form):
    name = forms.CharField(label="姓名或单位（可不填）", max_length=60, required=False)
    contact = forms.CharField(label="联系方式（可不填，不公开）", max_length=60, required=False)
    text = forms.CharField(label="意见建议", widget=forms.Textarea(attrs={"rows": 5}), max_length=3000)
    website = forms.CharField(required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))


class CampaignForm(forms.Form):
    title = forms.CharField(label="名称", max_length=200)
    older_than_years = forms.IntegerField(label="列出施行满N年的文件", min_value=1, max_value=30, initial=5)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label="清理意见", choices=CleanupDecision.choices)
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}))
    responsible = forms.ModelChoiceField(label="责任人", queryset=User.objects.none(), required=False,
                                         empty_label="（本人）")

    def __init__(self, *args: Any, organisation: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisation is not None:
            self.fields["responsible"].queryset = User.objects.filter(  # type: ignore[attr-defined]
                memberships__organisation=organisation
            ).distinct().order_by("username")
