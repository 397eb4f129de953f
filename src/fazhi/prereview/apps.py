from django.apps import AppConfig


class PrereviewConfig(AppConfig):
    name = "fazhi.prereview"
    label = "prereview"
    verbose_name = "合法性预审"
