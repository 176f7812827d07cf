from __future__ import annotations

import copy
from typing import Any, ClassVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import Direction, extend_schema_field, inline_serializer
from rest_framework import serializers

from complaints.filing.pages import COMMUNICATION_FIELDS
from complaints.inquiries.selectors import inquiry_deadlines
from complaints.lifecycle import TransitionRequest
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
    TreatyStatus,
)
from complaints.permissions import communications_visible_to
from complaints.timeline.texts import event_text


def blank_choice(choices: list[tuple[str, Any]]) -> serializers.ChoiceField:
    """A read-only choice that may be empty: the schema then says "" is a valid value too."""
    return serializers.ChoiceField(choices=choices, allow_blank=True, read_only=True)


class FieldsBuiltOnce:
    """For a read-only model serializer: build its fields from the model once per process, not per use.

    DRF's ModelSerializer works out every field from the model (its type, label, validators) each
    time a serializer is made, once per page of a list; the result depends only on the class, so
    it is kept here and each serializer gets fresh copies, as DRF itself copies declared fields.
    """

    _built: ClassVar[dict[type, dict[str, serializers.Field[Any, Any, Any, Any]]]] = {}

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        built = FieldsBuiltOnce._built.get(type(self))
        if built is None:
            built = FieldsBuiltOnce._built[type(self)] = super().get_fields()  # type: ignore[misc]
        return copy.deepcopy(built)


class CasePartSerializer(serializers.ModelSerializer[Any]):
    """A part of a case (a person, a claim, a deadline...): it names its case by reference."""

    communication: serializers.SlugRelatedField[Communication] = serializers.SlugRelatedField(
        slug_field="reference", read_only=True
    )


class CommunicationSerializer(FieldsBuiltOnce, serializers.ModelSerializer[Communication]):
    closure = blank_choice(Communication.Closure.choices)
    verdict = blank_choice(Communication.Verdict.choices)

    class Meta:
        model = Communication
        fields = [
            "reference",
            "title",
            "state",
            "status",
            "closure",
            "dossier_language",
            "audience",
            "is_urgent",
            "interim_measures_requested",
            "names_confidential",
            "submitted_on",
            "registered_on",
            "committee_reference",
            "interim_measures_granted_on",
            "transmitted_on",
            "observations_received_on",
            "comments_sent_on",
            "admissibility_decided_on",
            "views_adopted_on",
            "follow_up_received_on",
            "closed_on",
            "verdict",
            "verdict_checked_on",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def to_representation(self, instance: Communication) -> dict[str, Any]:
        """The title is the filer's private name for the case: it reaches no one else."""
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or getattr(request.user, "pk", None) != instance.filer_id:
            data["title"] = ""
        return data


class PersonSerializer(CasePartSerializer):
    consent = blank_choice(Person.Consent.choices)

    class Meta:
        model = Person
        fields = [
            "id",
            "communication",
            "role",
            "given_name",
            "family_name",
            "date_of_birth",
            "nationality",
            "relationship_to_victim",
            "consent",
            "consent_on",
        ]
        read_only_fields = fields


class ClaimSerializer(CasePartSerializer):
    class Meta:
        model = Claim
        fields = ["id", "communication", "instrument", "article", "explanation"]
        read_only_fields = fields


class RemedySerializer(CasePartSerializer):
    class Meta:
        model = DomesticRemedy
        fields = ["id", "communication", "authority", "started_on", "decided_on", "outcome", "is_final"]
        read_only_fields = fields


class ProcedureSerializer(CasePartSerializer):
    status = blank_choice(OtherProcedure.Status.choices)

    class Meta:
        model = OtherProcedure
        fields = ["id", "communication", "body", "reference", "status", "same_matter"]
        read_only_fields = fields


class DocumentSerializer(CasePartSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "communication",
            "kind",
            "title",
            "content_type",
            "size",
            "sha256",
            "page_count",
            "uploaded_at",
            "download_url",
        ]
        read_only_fields = fields

    def get_download_url(self, document: Document) -> str:
        """The portal's permission-checked download, never an address of the file store."""
        return reverse("complaints:document_download", args=[document.communication.reference, document.pk])


class EventSerializer(CasePartSerializer):
    text = serializers.SerializerMethodField(
        help_text="What happened, in the language of the request (Accept-Language): the sentence of "
        "the event's code, or the note someone typed."
    )

    class Meta:
        model = Event
        fields = [
            "id",
            "communication",
            "kind",
            "occurred_on",
            "recorded_at",
            "from_status",
            "to_status",
            "code",
            "text",
            "note",
        ]
        read_only_fields = fields

    def get_text(self, event: Event) -> str:
        return event_text(event)


class DeadlineSerializer(CasePartSerializer):
    class Meta:
        model = Deadline
        fields = ["id", "communication", "kind", "anchor_on", "due_on", "status", "met_on", "source"]
        read_only_fields = fields


class DossierSerializer(CasePartSerializer):
    failure = blank_choice(Dossier.Failure.choices)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Dossier
        fields = [
            "id",
            "communication",
            "variant",
            "status",
            "failure",
            "language",
            "requested_version",
            "communication_version",
            "size",
            "page_count",
            "finished_at",
            "download_url",
        ]
        read_only_fields = fields

    def get_download_url(self, dossier: Dossier) -> str | None:
        if dossier.status != Dossier.Status.READY:
            return None
        return reverse("complaints:dossier_download", args=[dossier.pk])


class TransitionSerializer(serializers.Serializer[TransitionRequest]):
    to = serializers.ChoiceField(choices=Communication.Status.choices)
    on = serializers.DateField()
    committee_reference = serializers.CharField(required=False, allow_blank=True, max_length=64, default="")
    closure = serializers.ChoiceField(
        choices=Communication.Closure.choices, required=False, allow_blank=True, default=""
    )
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)

    def to_request(self) -> TransitionRequest:
        data: dict[str, Any] = dict(self.validated_data)
        return TransitionRequest(**data)


class FindingSerializer(serializers.Serializer[Any]):
    criterion = serializers.CharField()
    outcome = serializers.ChoiceField(choices=["met", "not_met", "needs_review"])
    reason = serializers.CharField()
    child_reason = serializers.CharField()
    citation = serializers.CharField()
    scope = serializers.ChoiceField(
        choices=["whole", "claims", "victims"],
        help_text="What the finding concerns; a not_met finding about claims or victims excludes only them.",
    )
    parts = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        help_text="With scope claims or victims: their numbers (1-based, in input order).",
    )


class ExclusionSerializer(serializers.Serializer[Any]):
    scope = serializers.ChoiceField(choices=["claims", "victims"])
    number = serializers.IntegerField(min_value=1, help_text="1-based position in the input list.")
    criterion = serializers.CharField()
    reason = serializers.CharField()
    child_reason = serializers.CharField()
    citation = serializers.CharField()


class AssessmentSerializer(serializers.Serializer[Any]):
    """Documents the output of the admissibility check (the engine builds it)."""

    verdict = serializers.ChoiceField(
        choices=["admissible_prima_facie", "needs_review", "inadmissible"],
        help_text="About what remains once the exclusions are left out.",
    )
    file_by = serializers.DateField(allow_null=True, help_text="Only once domestic remedies are exhausted.")
    findings = FindingSerializer(many=True)
    exclusions = ExclusionSerializer(many=True)


# ---- Writes: drafts and their parts. Only drafts change through the API; the services write. ----

# The fields the wizard's steps declare (complaints.filing.pages): one list for the wizard and the API.
DRAFT_FIELDS = list(COMMUNICATION_FIELDS)


class DraftCreateSerializer(serializers.ModelSerializer[Communication]):
    """A new draft. A caseworker's belongs to their organisation (name it when they have several)."""

    organisation = serializers.IntegerField(
        required=False, help_text="id of the caseworker's organisation handling the case"
    )

    class Meta:
        model = Communication
        fields = ["organisation", *DRAFT_FIELDS]


class DraftUpdateSerializer(serializers.ModelSerializer[Communication]):
    """Changes to a draft; ``version`` is the one read, and a stale version answers 409."""

    version = serializers.IntegerField(min_value=1, help_text="the draft's version when it was read")

    class Meta:
        model = Communication
        fields = ["version", *DRAFT_FIELDS]


class DraftUpdateSchema(OpenApiSerializerExtension):
    """In the schema, a PATCH of a draft requires ``version``; every other field stays optional.

    drf-spectacular drops every required field from a PATCH body (DRF validates it as partial),
    but the view refuses a change without the version it was read at.
    """

    target_class = DraftUpdateSerializer

    def map_serializer(self, auto_schema: AutoSchema, direction: Direction) -> dict[str, Any]:
        schema: dict[str, Any] = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        schema["required"] = ["version"]
        return schema


class VisibleCaseField(serializers.SlugRelatedField[Communication]):
    """A case named by reference, among those the caller may see.

    Another's case answers exactly as a made-up reference does, so the answer never tells
    whether a case exists.
    """

    default_error_messages = {"does_not_exist": _("No case you may see has this reference.")}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="reference", queryset=Communication.objects.all(), **kwargs)

    def get_queryset(self) -> QuerySet[Communication]:
        return communications_visible_to(self.context["request"].user)


class CasePartWriteSerializer(serializers.ModelSerializer[Any]):
    """A part of a draft, written through the API; it names its case by reference."""

    communication = VisibleCaseField()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """Apply the model's own rules (``clean``), the same the wizard's forms apply."""
        model: type[Model] = self.Meta.model
        candidate = copy.copy(self.instance) if self.instance is not None else model()
        for name, value in attrs.items():
            setattr(candidate, name, value)
        try:
            candidate.clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        return attrs


class PersonWriteSerializer(CasePartWriteSerializer):
    class Meta:
        model = Person
        fields = [
            "communication",
            "role",
            "given_name",
            "family_name",
            "date_of_birth",
            "place_of_birth",
            "nationality",
            "sex",
            "relationship_to_victim",
            "consent",
            "consent_statement",
            "consent_on",
            "without_consent_reason",
        ]


class ClaimWriteSerializer(CasePartWriteSerializer):
    class Meta:
        model = Claim
        fields = ["communication", "instrument", "article", "explanation"]


class RemedyWriteSerializer(CasePartWriteSerializer):
    class Meta:
        model = DomesticRemedy
        fields = ["communication", "authority", "started_on", "decided_on", "outcome", "is_final"]


class ProcedureWriteSerializer(CasePartWriteSerializer):
    class Meta:
        model = OtherProcedure
        fields = ["communication", "body", "reference", "status", "same_matter"]


# ---- After dispatch: what was sent, what the Committee asked, inquiries (read only) ----


class DispatchSerializer(CasePartSerializer):
    class Meta:
        model = Dispatch
        fields = [
            "id",
            "communication",
            "channel",
            "sent_at",
            "sent_on",
            "recipient",
            "message_id",
            "postal_receipt",
            "dossier_sha256",
        ]
        read_only_fields = fields


class ClarificationRequestSerializer(CasePartSerializer):
    class Meta:
        model = ClarificationRequest
        fields = ["id", "communication", "requested_on", "due_on", "answered_on", "note"]
        read_only_fields = fields


class ProcedureRequestSerializer(CasePartSerializer):
    class Meta:
        model = ProcedureRequest
        fields = ["id", "communication", "kind", "requested_on", "due_on", "answered_on", "note"]
        read_only_fields = fields


INQUIRY_DEADLINE = inline_serializer(
    name="InquiryDeadline",
    many=True,
    fields={
        "kind": serializers.CharField(),
        "anchor_on": serializers.DateField(),
        "due_on": serializers.DateField(),
        "state": serializers.CharField(),
        "met_on": serializers.DateField(allow_null=True),
        "source": serializers.CharField(),
    },
)


class InquirySerializer(serializers.ModelSerializer[Inquiry]):
    state: serializers.SlugRelatedField[TreatyStatus] = serializers.SlugRelatedField(
        slug_field="iso3", read_only=True
    )
    deadlines = serializers.SerializerMethodField()

    class Meta:
        model = Inquiry
        fields = [
            "reference",
            "state",
            "organisation",
            "title",
            "summary",
            "status",
            "submitted_on",
            "cooperation_invited_on",
            "observations_due_on",
            "observations_received_on",
            "findings_transmitted_on",
            "findings_answered_on",
            "follow_up_requested_on",
            "follow_up_due_on",
            "follow_up_received_on",
            "closed_on",
            "version",
            "deadlines",
        ]
        read_only_fields = fields

    @extend_schema_field(INQUIRY_DEADLINE)
    def get_deadlines(self, inquiry: Inquiry) -> list[dict[str, Any]]:
        return [
            {
                "kind": str(computed.kind),
                "anchor_on": computed.anchor_on,
                "due_on": computed.due_on,
                "state": str(computed.state),
                "met_on": computed.met_on,
                "source": computed.source,
            }
            for computed in inquiry_deadlines(inquiry)
        ]
