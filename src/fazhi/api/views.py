from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from fazhi.accounts.models import Organisation, Role
from fazhi.accounts.permissions import can_read_audit, is_system_admin, organisations_of, roles_of
from fazhi.audit.context import Actor, bind
from fazhi.audit.middleware import client_ip
from fazhi.audit.models import AuditEvent


class AuditedAPIMixin(APIView):
    """Token authentication happens inside DRF, after the middleware; re-bind the audit actor."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if request.user and request.user.is_authenticated:
            bind(
                Actor(
                    user_id=request.user.pk,
                    username=request.user.get_username(),
                    ip=client_ip(request._request),
                    channel="api",
                )
            )


class OrganisationSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Organisation
        fields = ["id", "name", "short_name", "kind", "kind_label", "parent", "filing_authority"]


class OrganisationViewSet(AuditedAPIMixin, viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    """单位：本人所在单位；系统管理员可见全部。"""

    serializer_class = OrganisationSerializer

    def get_queryset(self) -> QuerySet[Organisation]:
        if is_system_admin(self.request.user):
            return Organisation.objects.all()
        return organisations_of(self.request.user)


class CanReadAudit(permissions.BasePermission):
    message = "只有审计员和系统管理员可以查看审计日志。"

    def has_permission(self, request: Request, view: Any) -> bool:
        return can_read_audit(request.user)


class AuditEventSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = AuditEvent
        fields = [
            "seq", "occurred_at", "actor_id", "actor_name", "ip", "channel", "action",
            "object_type", "object_id", "object_repr", "changes", "prev_hash", "hash",
        ]


class AuditEventViewSet(AuditedAPIMixin, viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    """审计日志（只读；仅审计员与系统管理员）。"""

    serializer_class = AuditEventSerializer
    permission_classes = [permissions.IsAuthenticated, CanReadAudit]
    queryset = AuditEvent.objects.all()


class RoleSerializer(serializers.Serializer):  # type: ignore[type-arg]
    role = serializers.ChoiceField(choices=Role.choices)
    # A field that shares its name with Field.label; DRF pops declared fields, so this is safe.
    label = serializers.CharField()  # type: ignore[assignment]


class MeSerializer(serializers.Serializer):  # type: ignore[type-arg]
    username = serializers.CharField()
    full_name = serializers.CharField()
    organisations = OrganisationSerializer(many=True)
    roles = RoleSerializer(many=True)


@extend_schema(responses=MeSerializer)
@api_view(["GET"])
def me(request: Request) -> Response:
    """当前用户及其单位、角色。"""
    user = request.user
    data = {
        "username": user.get_username(),
        "full_name": getattr(user, "full_name", ""),
        "organisations": organisations_of(user),
        "roles": [{"role": r, "label": Role(r).label} for r in sorted(roles_of(user))],
    }
    return Response(MeSerializer(data).data)
