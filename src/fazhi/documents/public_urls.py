from django.urls import path

from . import public_views

app_name = "public"

urlpatterns = [
    path("documents/", public_views.document_list, name="documents"),
    path("documents/<int:pk>/", public_views.document_detail, name="document"),
    path("consultations/", public_views.consultation_list, name="consultations"),
    path("consultations/<int:pk>/", public_views.consultation_detail, name="consultation"),
    path("cleanups/<int:pk>/", public_views.cleanup_result, name="cleanup"),
]
