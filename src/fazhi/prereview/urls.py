from django.urls import path

from . import views

app_name = "prereview"

urlpatterns = [
    path("", views.prereview, name="prereview"),
    path("opinion.docx", views.opinion, name="opinion"),
]
