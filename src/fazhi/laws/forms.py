from __future__ import annotations

from django import forms

from .models import LawStatusChange, LocalLaw


class LocalLawForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = LocalLaw
        fields = ["law_id", "title", "level", "issuer", "aliases", "doc_number", "published",
                  "effective", "source", "notes"]
        widgets = {
            "published": forms.DateInput(attrs={"type": "date"}),
            "effective": forms.DateInput(attrs={"type": "date"}),
            "aliases": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        published, effective = data.get("published"), data.get("effective")
        if published and effective and effective < published:
            self.add_error("effective", "施行日期不能早于公布日期。")
        return data


class StatusChangeForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = LawStatusChange
        fields = ["status", "date", "successor_id", "provision", "source", "verified", "note"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}), "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: object, known_ids: set[str] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.known_ids = known_ids or set()

    def clean_successor_id(self) -> str:
        successor = str(self.cleaned_data.get("successor_id") or "").strip()
        if successor and successor not in self.known_ids:
            raise forms.ValidationError(f"目录中没有“{successor}”，请填写继受法规的目录标识（简称）。")
        return successor
