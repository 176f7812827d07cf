"""The REST API. Every queryset starts from complaints.permissions, the rules the HTML views use."""

from __future__ import annotations

import uuid
from typing import Any, cast

from django.db import transaction
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import filters, mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, NotFound, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView
from rules.contrib.rest_framework import AutoPermissionViewSetMixin

from admissibility import FactsError, assess, assessment_to_dict, parse_facts
from complaints.adapters import treaty_table
from complaints.api import serializers as s
from complaints.api.parsers import JSONBodyError
from complaints.audit.api import AuditedViewSetMixin
from complaints.crypto.search_index import name_search_ids
from complaints.filing.wizard import FIXED_FOR_CHILD, drafted_for_child
from complaints.inquiries.selectors import inquiry_list
from complaints.json_input import ROOT
from complaints.lifecycle import TransitionNotAllowed, communication_transition
from complaints.models import (
    Claim,
    ClarificationRequest,
    Communication,
    Deadline,
    Dispatch,
    Document,
    DomesticRemedy,
    Dossier,
    Event,
    Inquiry,
    OtherProcedure,
    Person,
    ProcedureRequest,
    User,
)
from complaints.permissions import communications_visible_to
from complaints.selectors import communication_list_for_user
from complaints.services import (
    DraftRefused,
    StaleVersion,
    communication_save_step,
    draft_start,
    remedies_renumber,
)


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The communication changed or can no longer be changed."
    default_code = "conflict"


STALE = "This draft was changed since you read it. Read it again and resend your changes."


def _require_draft(communication: Communication) -> None:
    if communication.status != Communication.Status.DRAFT:
        raise Conflict({"detail": "Only a draft can be changed; this communication was already submitted."})


WRITES = {"update", "partial_update", "destroy"}


class RulesPermissionMixin(AutoPermissionViewSetMixin):
    """Each action asks complaints.permissions' rules about the object it acts on (django-rules' DRF
    integration): view to read, change or delete to write, transition to record a step.

    The object comes from a queryset that holds only what the caller may see (anything else is a 404),
    and a write on a case that is no longer a draft answers 409 before the rule is asked (the rule
    refuses it too, but "already submitted" is the answer that tells the caller what happened).
    A part to be created names its case in the body: ``create`` asks the rule itself.
    """

    permission_type_map = {
        **AutoPermissionViewSetMixin.permission_type_map,
        "create": None,
        "metadata": None,  # OPTIONS: describes the endpoint, touches no case
        "transitions": "transition",
    }

    def get_object(self) -> Any:
        instance = super().get_object()  # type: ignore[misc]
        if getattr(self, "action", None) in WRITES:
            _require_draft(instance if isinstance(instance, Communication) else instance.communication)
        return instance


def _refuse_fixed_for_child(fields: dict[str, Any]) -> None:
    """A caseworker's draft is in adult mode and written for a child: those answers are not asked."""
    fixed = [name for name in FIXED_FOR_CHILD if name in fields]
    if fixed:
        message = "A caseworker's draft is written for a child, in adult mode; leave this out."
        raise ValidationError({name: [message] for name in fixed})


class NameSearchFilter(filters.SearchFilter):
    """``?search=``: the clear fields as DRF searches them, or the names of the people in a case
    through the blind index (they are encrypted: whole words or their first letters), and the
    private title of the caller's own cases: no one else finds a case by a word of its title."""

    def filter_queryset(self, request: Request, queryset: QuerySet[Any], view: Any) -> QuerySet[Any]:
        found = super().filter_queryset(request, queryset, view)
        text = " ".join(self.get_search_terms(request))
        names = name_search_ids(text, titles_of=getattr(request.user, "pk", None)) if text else None
        return found if names is None else found | queryset.filter(pk__in=names)


class CommunicationViewSet(
    RulesPermissionMixin,
    AuditedViewSetMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet[Communication],
):
    """Communications the caller may see; any other reference answers 404.

    POST starts a draft (a caseworker's is handled by their organisation and assigned to them);
    PATCH changes a draft and needs the ``version`` that was read: a stale one answers 409.
    """

    serializer_class = s.CommunicationSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]
    lookup_field = "reference"
    lookup_value_regex = "[0-9a-f-]{32,36}"
    filterset_fields = ["status", "state", "verdict", "is_urgent", "dossier_language"]
    filter_backends = [
        DjangoFilterBackend,
        NameSearchFilter,
        filters.OrderingFilter,
    ]
    search_fields = ["committee_reference", "state"]  # and the names (the filer: the title): NameSearchFilter
    ordering_fields = ["updated_at", "created_at", "submitted_on", "status"]

    def get_queryset(self) -> QuerySet[Communication]:
        rows = communication_list_for_user(user=self.request.user)
        if getattr(self, "action", None) == "list":
            # A page of the list reads the columns it shows (and the filer, who alone sees the
            # title), not the case's other encrypted texts, each decrypted on every row.
            return rows.select_related(None).only("filer", *s.CommunicationSerializer.Meta.fields)
        return rows

    @extend_schema(
        request=s.DraftCreateSerializer, responses={201: s.CommunicationSerializer, 400: OpenApiTypes.OBJECT}
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        user = cast(User, request.user)
        serializer = s.DraftCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        organisation = fields.pop("organisation", None)
        if user.role == User.Role.CASEWORKER:
            _refuse_fixed_for_child(fields)
        try:
            with transaction.atomic():
                communication = draft_start(user=user, organisation_id=organisation, language=get_language())
                if fields:
                    communication = communication_save_step(
                        communication=communication,
                        expected_version=communication.version,
                        actor=user,
                        fields=fields,
                    )
        except DraftRefused as error:
            raise ValidationError({"organisation": [str(error)]}) from error
        return Response(
            s.CommunicationSerializer(communication, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        request=s.DraftUpdateSerializer,
        responses={200: s.CommunicationSerializer, 400: OpenApiTypes.OBJECT, 409: OpenApiTypes.OBJECT},
    )
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        communication = self.get_object()  # seen, a draft, and the rules allow "change"
        serializer = s.DraftUpdateSerializer(communication, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        if "version" not in fields:
            raise ValidationError({"version": ["Send the version of the draft you read."]})
        version = fields.pop("version")
        if drafted_for_child(communication):
            _refuse_fixed_for_child(fields)
        try:
            communication = communication_save_step(
                communication=communication,
                expected_version=version,
                actor=cast(User, request.user),
                fields=fields,
            )
        except StaleVersion as stale:
            return Response(
                {"detail": STALE, "version": stale.current.version}, status=status.HTTP_409_CONFLICT
            )
        return Response(s.CommunicationSerializer(communication, context={"request": request}).data)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.partial_update(request, *args, **kwargs)

    @extend_schema(request=s.TransitionSerializer, responses={200: s.CommunicationSerializer})
    @action(detail=True, methods=["post"])
    def transitions(self, request: Request, reference: str | None = None) -> Response:
        """Record what the Committee or the State did (handling caseworkers only)."""
        communication = self.get_object()  # the rules allowed "transition" (RulesPermissionMixin)
        serializer = s.TransitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            communication = communication_transition(
                communication=communication, request=serializer.to_request(), actor=cast(User, request.user)
            )
        except TransitionNotAllowed as error:
            raise ValidationError({"to": [str(error)]}) from error
        return Response(s.CommunicationSerializer(communication, context={"request": request}).data)


class CasePartViewSet(RulesPermissionMixin, AuditedViewSetMixin, viewsets.ReadOnlyModelViewSet[Any]):
    """The parts of the cases the caller may see; filter one case with ?communication=<reference>."""

    model: type[Model]

    def get_queryset(self) -> QuerySet[Any]:
        queryset = self.model._default_manager.filter(
            communication__in=communications_visible_to(self.request.user)
        ).select_related("communication")
        reference = self.request.query_params.get("communication")
        if reference:
            queryset = queryset.filter(communication__reference=_uuid(reference))
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
    """The case reference ``value`` of ?communication=, checked: a malformed one is a 400, on every action."""
    try:
        return str(uuid.UUID(value))
    except ValueError as error:
        raise ValidationError({"communication": [_("Not a valid reference.")]}) from error


class DraftPartViewSet(CasePartViewSet):
    """A part of the cases the caller may see that can also be added, changed and removed on a draft.

    Every write goes through the draft's versioned save, so the wizard's open tabs see it as a change.
    """

    write_serializer_class: type[s.CasePartWriteSerializer]
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def _check_create(self, communication: Communication) -> None:
        """What RulesPermissionMixin does for the other writes, for the case a new part names."""
        if not communications_visible_to(self.request.user).filter(pk=communication.pk).exists():
            raise NotFound
        _require_draft(communication)
        if not self.request.user.has_perm(self.model.get_perm("add"), communication):  # type: ignore[attr-defined]
            raise PermissionDenied

    def created_fields(self, communication: Communication) -> dict[str, Any]:
        """Return the fields a new part gets besides what the caller sent."""
        return {}

    def after_write(self, communication: Communication) -> None:
        """Bring the case's other parts in line after a write, in the same transaction."""

    def _save(self, communication: Communication, write: Any) -> None:
        def write_then_tidy() -> None:
            write()
            self.after_write(communication)

        try:
            communication_save_step(
                communication=communication,
                expected_version=communication.version,
                actor=cast(User, self.request.user),
                write=write_then_tidy,
            )
        except StaleVersion as stale:
            raise Conflict(STALE) from stale

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.write_serializer_class(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        communication = serializer.validated_data["communication"]
        self._check_create(communication)
        extra = self.created_fields(communication)
        self._save(communication, lambda: serializer.save(**extra))
        return Response(self.get_serializer(serializer.instance).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()  # seen, on a draft, and the rules allow "change"
        serializer = self.write_serializer_class(
            instance, data=request.data, partial=True, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        moved = serializer.validated_data.get("communication")
        if moved is not None and moved.pk != instance.communication_id:
            raise ValidationError({"communication": ["A part cannot move to another communication."]})
        self._save(instance.communication, serializer.save)
        return Response(self.get_serializer(serializer.instance).data)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.partial_update(request, *args, **kwargs)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()  # seen, on a draft, and the rules allow "delete"
        self._save(instance.communication, instance.delete)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _draft_part_schema(write: type[s.CasePartWriteSerializer], read: type[Any]) -> Any:
    errors = {400: OpenApiTypes.OBJECT, 409: OpenApiTypes.OBJECT}
    return extend_schema_view(
        create=extend_schema(request=write, responses={201: read, **errors}),
        partial_update=extend_schema(request=write, responses={200: read, **errors}),
        destroy=extend_schema(responses={204: None, 409: OpenApiTypes.OBJECT}),
    )


@_draft_part_schema(s.PersonWriteSerializer, s.PersonSerializer)
class PersonViewSet(DraftPartViewSet):
    model = Person
    serializer_class = s.PersonSerializer
    write_serializer_class = s.PersonWriteSerializer


@_draft_part_schema(s.ClaimWriteSerializer, s.ClaimSerializer)
class ClaimViewSet(DraftPartViewSet):
    model = Claim
    serializer_class = s.ClaimSerializer
    write_serializer_class = s.ClaimWriteSerializer


@_draft_part_schema(s.RemedyWriteSerializer, s.RemedySerializer)
class RemedyViewSet(DraftPartViewSet):
    model = DomesticRemedy
    serializer_class = s.RemedySerializer
    write_serializer_class = s.RemedyWriteSerializer

    def created_fields(self, communication: Communication) -> dict[str, Any]:
        return {"position": communication.remedies.count()}  # a new step goes last

    def after_write(self, communication: Communication) -> None:
        remedies_renumber(communication=communication)  # no gaps, no ties


@_draft_part_schema(s.ProcedureWriteSerializer, s.ProcedureSerializer)
class ProcedureViewSet(DraftPartViewSet):
    model = OtherProcedure
    serializer_class = s.ProcedureSerializer
    write_serializer_class = s.ProcedureWriteSerializer


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


class DispatchViewSet(CasePartViewSet):
    """How and when each case was sent to the Committee (read only: sending goes through the pages)."""

    model = Dispatch
    serializer_class = s.DispatchSerializer


class ClarificationRequestViewSet(CasePartViewSet):
    model = ClarificationRequest
    serializer_class = s.ClarificationRequestSerializer


class ProcedureRequestViewSet(CasePartViewSet):
    """The Committee's later letters with a time limit it set (rule 18(5); OPIC art. 11(2))."""

    model = ProcedureRequest
    serializer_class = s.ProcedureRequestSerializer


class InquiryViewSet(RulesPermissionMixin, viewsets.ReadOnlyModelViewSet[Any]):
    """Inquiries (OPIC arts. 13-14) the caller's organisations sent, with their computed deadlines."""

    serializer_class = s.InquirySerializer
    lookup_field = "reference"

    def get_queryset(self) -> QuerySet[Inquiry]:
        return inquiry_list(self.request.user).order_by("pk")


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
        except JSONBodyError as error:
            return Response(
                {"errors": {error.path or ROOT: [error.message]}}, status=status.HTTP_400_BAD_REQUEST
            )
        except FactsError as error:
            return Response({"errors": error.errors}, status=status.HTTP_400_BAD_REQUEST)
        assessment = assess(facts, treaty_table(), lang=get_language() or "en")
        return Response(assessment_to_dict(assessment))
