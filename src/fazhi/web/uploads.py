"""Uploaded and pasted text, through the core's hostile-input guards: the one intake for every page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from fazhi.core.text import ExtractionError, extract_bytes, normalize_text

ACCEPTED = (".docx", ".pdf", ".txt")


class UploadRefused(ValueError):
    """An upload that cannot be read; the message is one Chinese sentence."""


def max_upload_bytes() -> int:
    return int(settings.FILE_UPLOAD_MAX_MEMORY_SIZE)


def read_upload(upload: Any) -> bytes:
    """Read an uploaded file, refusing it as soon as it passes the size limit."""
    chunks, size, limit = [], 0, max_upload_bytes()
    for chunk in upload.chunks():
        size += len(chunk)
        if size > limit:
            raise UploadRefused(f"文件过大，上限为 {limit // 1024 // 1024} MB。")
        chunks.append(chunk)
    return b"".join(chunks)


def extract_upload(data: bytes, filename: str) -> str:
    """The normalised text of an uploaded DOCX/PDF/TXT."""
    limit = max_upload_bytes()
    if not filename.lower().endswith(ACCEPTED):
        raise UploadRefused("仅支持 .docx、.pdf、.txt 文件。")
    if len(data) > limit:
        raise UploadRefused(f"文件过大（{len(data) // 1024} KB），上限为 {limit // 1024 // 1024} MB。")
    if not data:
        raise UploadRefused("文件为空。")
    try:
        text = extract_bytes(data, filename)
    except ExtractionError as error:
        raise UploadRefused(f"无法读取该文件：{error}") from error
    except Exception as error:  # a parser failing on hostile input must not become a 500
        raise UploadRefused("无法读取该文件：文件已损坏或格式不受支持。") from error
    if not text.strip():
        raise UploadRefused("文件中没有可提取的文字（扫描件请先进行文字识别）。")
    return text


class DocumentInputForm(forms.Form):
    text = forms.CharField(label="粘贴文本", widget=forms.Textarea(attrs={"rows": 12}), required=False)
    upload = forms.FileField(label="或上传文件（.docx、.pdf、.txt）", required=False)
    as_of = forms.DateField(
        label="核对日期", required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text="默认今天；可指定历史日期。",
        error_messages={"invalid": "日期无法识别，请使用 YYYY-MM-DD 格式。"},
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        upload: UploadedFile | None = data.get("upload")
        pasted = str(data.get("text") or "")
        if upload is None and not pasted.strip():
            if not self.errors:
                raise forms.ValidationError("请粘贴文本或上传文件。")
            return data
        try:
            if upload is not None:
                data["document"] = extract_upload(read_upload(upload), upload.name or "")
            else:
                data["document"] = normalize_text(pasted)
        except UploadRefused as error:
            raise forms.ValidationError(str(error)) from None
        return data
