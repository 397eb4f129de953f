from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "fazhi.web"
    label = "web"
    verbose_name = "工作台"

    def ready(self) -> None:
        from fazhi import checks  # noqa: F401  (registers the system checks)
