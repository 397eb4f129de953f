from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "fazhi.documents"
    label = "documents"
    verbose_name = "行政规范性文件"

    def ready(self) -> None:
        from fazhi.laws.services import law_status_changed

        from .cleanup import on_law_status_changed

        law_status_changed.connect(on_law_status_changed, dispatch_uid="documents_law_status")
