from django.urls import path

from . import views

app_name = "laws"

urlpatterns = [
    path("", views.law_list, name="list"),
    path("cite/", views.cite, name="cite"),
    path("add/", views.local_law_add, name="add"),
    path("l/<path:law_id>/status/", views.status_change_add, name="status"),
    path("l/<path:law_id>/", views.law_detail, name="detail"),
]
