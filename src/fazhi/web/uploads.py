"""Text from a pasted box or an uploaded file, through the core's hostile-input guards."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from fazhi.core.text import ExtractionError, extract_bytes, normalize_text

ACCEPTED = (".docx", ".pdf", ".txt")


class DocumentInputForm(forms.Form):
    text = forms.CharField(label="粘贴文本", widget=forms.Textarea(attrs={"rows": 12}), required=False)
    upload = forms.FileField(label="或上传文件（.docx、.pdf、.txt）", required=False)
    as_of = forms.DateField(
        label="核对日期", required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text="默认今天；可指定历史日期。",
        error_messages={"invalid": "日期无法识别，请使用 YYYY-MM-DD 格式。"},
    )

    def clean_upload(self) -> UploadedFile | None:
        upload: UploadedFile | None = self.cleaned_data.get("upload")
        if upload is None:
            return None
        name = (upload.name or "").lower()
        if not name.endswith(ACCEPTED):
            raise forms.ValidationError("仅支持 .docx、.pdf、.txt 文件。")
        if upload.size and upload.size > settings.FILE_UPLOAD_MAX_MEMORY_SIZE:
            limit = settings.FILE_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
            raise forms.ValidationError(f"文件超过 {limit} MB，请拆分或压缩后再上传。")
        return upload

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        upload: UploadedFile | None = data.get("upload")
        pasted = str(data.get("text") or "")
        if upload is None and not pasted.strip():
            if not self.errors:
                raise forms.ValidationError("请粘贴文本或上传文件。")
            return data
        try:
            data["document"] = (
                extract_bytes(upload.read(), upload.name or "") if upload else normalize_text(pasted)
            )
        except ExtractionError as error:
            raise forms.ValidationError(str(error)) from None
        if not str(data["document"]).strip():
            raise forms.ValidationError("文件中没有可识别的文字。")
        return data
