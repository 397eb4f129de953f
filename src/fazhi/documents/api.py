"""REST API: documents, versions and transitions (/api/v1/documents/)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from fazhi.accounts.models import Organisation, User
from fazhi.api.views import AuditedAPIMixin

from . import actions, cleanup, services
from .models import DocumentVersion, NormativeDocument, State
from .services import DocumentError


class DocumentSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    public_status = serializers.CharField(read_only=True)

    class Meta:
        model = NormativeDocument
        fields = [
            "id", "organisation", "title", "kind", "drafting_unit", "doc_number", "written_date",
            "published_date", "effective_date", "expiry_date", "validity_years", "abolished_date",
            "state", "state_label", "public_status", "concerns_business", "requires_consultation",
            "consultation_exemption", "predecessor", "relation", "is_demo", "lock_version",
        ]
        read_only_fields = [
            "doc_number", "written_date", "published_date", "effective_date", "expiry_date",
            "abolished_date", "state", "is_demo", "lock_version",
        ]


class VersionSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = DocumentVersion
        fields = ["id", "number", "source_name", "sha256", "text", "note", "review_engine", "review", "findings_count", "created_at"]


class VersionInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    text = serializers.CharField(required=False, help_text="文本；或以 multipart 上传 file")
    file = serializers.FileField(required=False)
    note = serializers.CharField(required=False, default="")
    lock_version = serializers.IntegerField(help_text="打开时的编辑版本号（乐观锁）")


class TransitionInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    to = serializers.CharField(help_text="目标状态：" + "、".join(f"{v}（{label}）" for v, label in State.choices))


class RefusalSerializer(serializers.Serializer):  # type: ignore[type-arg]
    detail = serializers.CharField()
    missing = serializers.ListField(child=serializers.CharField())


def _user(request: Request) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def refusal(error: DocumentError) -> Response:
    if isinstance(error, actions.NotPermitted):
        return Response({"detail": str(error)}, status=status.HTTP_403_FORBIDDEN)
    missing = getattr(error, "missing", [])
    code = status.HTTP_409_CONFLICT if isinstance(error, actions.TransitionRefused | services.StaleEdit) else status.HTTP_400_BAD_REQUEST
    return Response({"detail": str(error), "missing": missing}, status=code)


class DocumentViewSet(AuditedAPIMixin, viewsets.ModelViewSet):  # type: ignore[type-arg]
    """行政规范性文件：本单位的文件；司法局审查人员另可见报送备案的文件。"""

    serializer_class = DocumentSerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[NormativeDocument]:
        documents = services.visible_documents(self.request.user).select_related("organisation")
        q = self.request.query_params.get("q", "")
        state = self.request.query_params.get("state", "")
        if state in State.values:
            documents = documents.filter(state=state)
        if q:
            documents = services.search(documents, q)
        return documents.order_by("-published_date", "-pk")

    @extend_schema(parameters=[OpenApiParameter("q", str, description="检索（标题、文号、全文）"), OpenApiParameter("state", str)])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        organisation: Organisation = data["organisation"]
        try:
            document = actions.do_create_document(
                _user(request), organisation, title=data["title"], kind=data.get("kind", "办法"),
                drafting_unit=data.get("drafting_unit", ""), concerns_business=data.get("concerns_business", False),
                requires_consultation=data.get("requires_consultation", True),
                consultation_exemption=data.get("consultation_exemption", ""),
                validity_years=data.get("validity_years"), predecessor=data.get("predecessor"),
                relation=data.get("relation", ""),
            )
        except DocumentError as error:
            return refusal(error)
        return Response(self.get_serializer(document).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        document = self.get_object()
        fields = {k: v for k, v in request.data.items() if k in actions.EDITABLE_FIELDS}
        lock = request.data.get("lock_version")
        if lock is None:
            return Response({"detail": "请提供 lock_version（打开时的编辑版本号）。", "missing": []}, status=400)
        try:
            document = actions.do_update_document(_user(request), document, int(lock), **fields)
        except (DocumentError, ValueError) as error:
            if isinstance(error, ValueError):
                return Response({"detail": "lock_version 须为整数。", "missing": []}, status=400)
            return refusal(error)
        return Response(self.get_serializer(document).data)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        raise PermissionDenied("请使用 PATCH 修改。")

    @extend_schema(request=TransitionInputSerializer, responses={200: DocumentSerializer, 409: RefusalSerializer, 403: RefusalSerializer})
    @action(detail=True, methods=["post"])
    def transitions(self, request: Request, pk: str | None = None) -> Response:
        """流转：{"to": "<状态>"}；前置程序缺失时返回 409 与缺少的程序。"""
        document = self.get_object()
        to = request.data.get("to", "")
        try:
            document = actions.do_transition(_user(request), document, str(to))
        except DocumentError as error:
            return refusal(error)
        return Response(self.get_serializer(document).data)

    @extend_schema(methods=["GET"], responses=VersionSerializer(many=True))
    @extend_schema(methods=["POST"], request=VersionInputSerializer, responses={201: VersionSerializer, 409: RefusalSerializer})
    @action(detail=True, methods=["get", "post"])
    def versions(self, request: Request, pk: str | None = None) -> Response:
        """文本版本：GET 列出；POST 上传文件（multipart）或提交文本，自动预审。"""
        document = self.get_object()
        if request.method == "GET":
            return Response(VersionSerializer(document.versions.order_by("number"), many=True).data)
        payload = VersionInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        try:
            upload = data.get("file")
            if upload is not None:
                version = actions.do_add_version(
                    _user(request), document, data=services.read_upload(upload), filename=upload.name,
                    note=data["note"], expected_lock=data["lock_version"],
                )
            else:
                version = actions.do_add_version(
                    _user(request), document, text=data.get("text"), note=data["note"],
                    expected_lock=data["lock_version"],
                )
        except DocumentError as error:
            return refusal(error)
        return Response(VersionSerializer(version).data, status=status.HTTP_201_CREATED)

    @extend_schema(parameters=[OpenApiParameter("law", str, required=True), OpenApiParameter("article", str)])
    @action(detail=False, methods=["get"])
    def citing(self, request: Request) -> Response:
        """引用某部法律（及条）的文件（反向索引）。"""
        law = request.query_params.get("law", "")
        article = request.query_params.get("article") or None
        ids = [d.pk for d in cleanup.documents_citing(law, article)] if law else []
        documents = services.visible_documents(request.user).filter(pk__in=ids)
        return Response(self.get_serializer(documents, many=True).data)
