from django.apps import AppConfig


class WorkCalendarConfig(AppConfig):
    name = "fazhi.workcalendar"
    label = "workcalendar"
    verbose_name = "工作日历与期限"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the receivers)
