from django.contrib import admin

from fazhi.audit.admin import AuditHistoryMixin

from .models import LawStatusChange, LocalLaw


@admin.register(LocalLaw)
class LocalLawAdmin(AuditHistoryMixin):
    list_display = ["law_id", "title", "level", "effective", "organisation"]
    list_filter = ["level"]
    search_fields = ["law_id", "title", "aliases", "doc_number"]


@admin.register(LawStatusChange)
class LawStatusChangeAdmin(AuditHistoryMixin):
    list_display = ["law_id", "status", "date", "successor_id", "verified"]
    list_filter = ["status", "verified"]
    search_fields = ["law_id", "successor_id", "source"]
