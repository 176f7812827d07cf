"""The REST API. Every queryset starts from complaints.permissions, the rules the HTML views use."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import filters, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from admissibility import FactsError, assess, assessment_to_dict, parse_facts

from ..adapters import treaty_table
from ..lifecycle import TransitionNotAllowed, communication_transition
from ..models import (
    Claim,
    Communication,
    Deadline,
    Document,
    DomesticRemedy,
    Dossier,
    Event,
    OtherProcedure,
    Person,
    User,
)
from ..permissions import communications_visible_to
from ..selectors import communication_list_for_user
from . import serializers as s


class CommunicationViewSet(viewsets.ReadOnlyModelViewSet[Communication]):
    """Communications the caller may see; any other reference answers 404."""

    serializer_class = s.CommunicationSerializer
    lookup_field = "reference"
    lookup_value_regex = "[0-9a-f-]{32,36}"
    filterset_fields = ["status", "state", "verdict", "is_urgent", "dossier_language"]
    filter_backends = [
        DjangoFilterBackend,
        filters.SearchFilter,
        filters.OrderingFilter,
    ]
    search_fields = ["title", "committee_reference", "state"]
    ordering_fields = ["updated_at", "created_at", "submitted_on", "status"]

    def get_queryset(self) -> QuerySet[Communication]:
        return communication_list_for_user(user=self.request.user)

    @extend_schema(request=s.TransitionSerializer, responses={200: s.CommunicationSerializer})
    @action(detail=True, methods=["post"])
    def transitions(self, request: Request, reference: str | None = None) -> Response:
        """Record what the Committee or the State did (handling caseworkers only)."""
        communication = self.get_object()
        if not request.user.has_perm("complaints.transition_communication", communication):
            raise PermissionDenied
        serializer = s.TransitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            communication = communication_transition(
                communication=communication, request=serializer.to_request(), actor=cast(User, request.user)
            )
        except TransitionNotAllowed as error:
            raise ValidationError({"to": [str(error)]}) from error
        return Response(s.CommunicationSerializer(communication).data)


class CasePartViewSet(viewsets.ReadOnlyModelViewSet[Any]):
    """The parts of the cases the caller may see; filter one case with ?communication=<reference>."""

    model: type[Model]

    def get_queryset(self) -> QuerySet[Any]:
        queryset = self.model._default_manager.filter(
            communication__in=communications_visible_to(self.request.user)
        ).select_related("communication")
        reference = self.request.query_params.get("communication")
        if reference:
            queryset = queryset.filter(communication__reference=reference)
        return queryset.order_by("pk")

    @extend_schema(
        parameters=[OpenApiParameter("communication", OpenApiTypes.UUID, description="reference of one case")]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        reference = request.query_params.get("communication")
        if reference:
            get_object_or_404(communications_visible_to(request.user), reference=_uuid(reference))
        return super().list(request, *args, **kwargs)


def _uuid(value: str) -> str:
    import uuid

    try:
        return str(uuid.UUID(value))
    except ValueError as error:
        raise ValidationError({"communication": ["Not a valid reference."]}) from error


class PersonViewSet(CasePartViewSet):
    model = Person
    serializer_class = s.PersonSerializer


class ClaimViewSet(CasePartViewSet):
    model = Claim
    serializer_class = s.ClaimSerializer


class RemedyViewSet(CasePartViewSet):
    model = DomesticRemedy
    serializer_class = s.RemedySerializer


class ProcedureViewSet(CasePartViewSet):
    model = OtherProcedure
    serializer_class = s.ProcedureSerializer


class DocumentViewSet(CasePartViewSet):
    model = Document
    serializer_class = s.DocumentSerializer


class EventViewSet(CasePartViewSet):
    model = Event
    serializer_class = s.EventSerializer

    def get_queryset(self) -> QuerySet[Any]:
        # Private notes stay on the case page of the people who handle the case.
        return super().get_queryset().filter(is_private=False)


class DeadlineViewSet(CasePartViewSet):
    model = Deadline
    serializer_class = s.DeadlineSerializer


class DossierViewSet(CasePartViewSet):
    """Filing and redacted dossiers; the internal variant stays on the case page of its handlers."""

    model = Dossier
    serializer_class = s.DossierSerializer

    def get_queryset(self) -> QuerySet[Any]:
        return super().get_queryset().exclude(variant=Dossier.Variant.INTERNAL)


class AssessView(APIView):
    """Run the admissibility check of OPIC Articles 1, 5, 7 and 20 on the facts posted.

    Nothing posted is stored. Reasons come in the language of the Accept-Language header.
    """

    permission_classes = [permissions.AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "assess"

    @extend_schema(
        request=OpenApiTypes.OBJECT, responses={200: s.AssessmentSerializer, 400: OpenApiTypes.OBJECT}
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        try:
            facts = parse_facts(request.data)
        except FactsError as error:
            return Response({"errors": error.errors}, status=status.HTTP_400_BAD_REQUEST)
        assessment = assess(facts, treaty_table(), lang=get_language() or "en")
        return Response(assessment_to_dict(assessment))
