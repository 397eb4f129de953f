from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import DefaultRouter

from fazhi.documents.api import DocumentViewSet

from . import views

router = DefaultRouter()
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("audit-events", views.AuditEventViewSet, basename="audit-event")
router.register("documents", DocumentViewSet, basename="document")

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("me/", views.me, name="api-me"),
    path("", include(router.urls)),
]
