"""The REST API: the same permission rules as the HTML views (complaints.permissions)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from admissibility import FactsError, assess, assessment_to_dict, parse_facts

from ..adapters import treaty_table
from ..models import Communication
from ..selectors import communication_list_for_user
from .serializers import AssessmentSerializer, CommunicationSerializer


class CommunicationViewSet(viewsets.ReadOnlyModelViewSet):
    """Communications the caller may see; others answer 404."""

    serializer_class = CommunicationSerializer
    lookup_field = "reference"
    filterset_fields = ["status", "state", "verdict", "is_urgent"]

    def get_queryset(self) -> QuerySet[Communication]:
        return communication_list_for_user(user=self.request.user)


class AssessView(APIView):
    """Run the admissibility check of OPIC Articles 1, 5, 7 and 20 on the facts posted.

    Nothing posted is stored. Reasons come in the language of the Accept-Language header.
    """

    permission_classes = [permissions.AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "assess"

    @extend_schema(
        request=OpenApiTypes.OBJECT, responses={200: AssessmentSerializer, 400: OpenApiTypes.OBJECT}
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        try:
            facts = parse_facts(request.data)
        except FactsError as error:
            return Response({"errors": error.errors}, status=400)
        assessment = assess(facts, treaty_table(), lang=get_language() or "en")
        return Response(assessment_to_dict(assessment))
