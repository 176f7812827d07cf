"""The Django admin, for administrators. Lists are filtered by the same visibility rule as the site."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdmin

from complaints.audit import admin as audit_admin  # noqa: F401  (registers the audit log's read-only admin)
from complaints.audit.context import audit_note
from complaints.crypto.search_index import name_search_ids
from complaints.invitations.services import invitation_revoke
from complaints.models import (
    Claim,
    ClarificationRequest,
    Communication,
    Dispatch,
    Document,
    DomesticRemedy,
    ErasureRecord,
    Event,
    Inquiry,
    InquiryEvent,
    Invitation,
    Membership,
    Organisation,
    OtherProcedure,
    Person,
    ProcedureRequest,
    Submission,
    TreatyStatus,
    Triage,
    User,
)
from complaints.permissions import communications_visible_to, inquiries_visible_to


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "role", "filer_kind", "is_active"]
    list_filter = ["role", "filer_kind", "is_active", "is_staff"]
    search_fields = ["username", "email"]  # the names are encrypted
    sortable_by = ["username", "email", "role", "filer_kind", "is_active"]  # not by tokens
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (_("Portal"), {"fields": ("role", "filer_kind", "preferred_language")}),
    )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "email"]
    list_filter = ["kind", "country"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(TreatyStatus)
class TreatyStatusAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "iso3",
        "opic_status",
        "deposit_date",
        "entry_into_force_date",
        "opsc_party",
        "opac_party",
    ]
    list_filter = ["opic_status", "opsc_party", "opac_party", "art12_declaration"]
    search_fields = ["name", "iso3"]


class CaseScopedAdmin(ObjectPermissionsModelAdmin):
    """Admin for a case or one of its parts: read only, and rows outside the user's visibility never appear.

    Every change to a case goes through the portal's services (the wizard, the case page, the
    API), which check access, validate, keep the version and the timeline, and recompute the
    deadlines; the admin changes nothing that would bypass them.
    """

    case_path = "communication"

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        """Show the row, and note the read of its case in the audit log (or the refusal)."""
        response = super().change_view(request, object_id, form_url, extra_context)
        shown = (getattr(response, "context_data", None) or {}).get("original")
        case = shown
        for step in self.case_path.split("__") if shown is not None and self.case_path else ():
            case = getattr(case, step)
        audit_note(
            reference=getattr(case, "reference", None),
            kind=self.model._meta.model_name or "",
            object_id=object_id,
            action="" if shown is not None else "refused",
        )
        return response

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        visible = communications_visible_to(request.user)
        lookup = "pk__in" if self.case_path == "" else f"{self.case_path}__in"
        return queryset.filter(**{lookup: visible.values("pk")})

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        """The clear fields searched as usual, or the names in a case through the blind index (they are
        encrypted: whole words or their first letters, in any script). Never the private title: it
        is the filer's alone."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        names = name_search_ids(search_term) if search_term.strip() else None
        if names is None:
            return found, may_have_duplicates
        lookup = "pk__in" if self.case_path == "" else f"{self.case_path}__in"
        return found | queryset.filter(**{lookup: names}), may_have_duplicates


class ReadOnlyInline(admin.TabularInline):
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class PersonInline(ReadOnlyInline):
    model = Person


class ClaimInline(ReadOnlyInline):
    model = Claim


class RemedyInline(ReadOnlyInline):
    model = DomesticRemedy


class ProcedureInline(ReadOnlyInline):
    model = OtherProcedure


@admin.register(Communication)
class CommunicationAdmin(CaseScopedAdmin):
    case_path = ""
    list_display = [
        "short_reference",
        "state",
        "status",
        "verdict",
        "is_urgent",
        "organisation",
        "updated_at",
    ]
    list_filter = [
        "status",
        "verdict",
        "is_urgent",
        "interim_measures_requested",
        "state",
        "dossier_language",
    ]
    search_fields = ["committee_reference"]  # and the names, in get_search_results
    sortable_by = ["state", "status", "verdict", "is_urgent", "organisation", "updated_at"]  # not the title
    date_hierarchy = "created_at"
    raw_id_fields = ["filer", "assignee"]
    filter_horizontal = ["shared_with"]
    # Filing without a translation is the handling caseworker's call, recorded with an event by
    # complaints.casework.services.case_allow_untranslated_filing: shown here, never edited.
    readonly_fields = [
        "reference",
        "version",
        "created_at",
        "updated_at",
        "untranslated_filing_reason",
        "untranslated_filing_allowed_by",
        "untranslated_filing_allowed_on",
    ]
    exclude = ["title"]  # the filer's own name for the case: for the filer alone
    inlines = [PersonInline, ClaimInline, RemedyInline, ProcedureInline]


@admin.register(Person)
class PersonAdmin(CaseScopedAdmin):
    list_display = ["__str__", "role", "date_of_birth", "consent", "communication"]
    sortable_by = ["role", "consent", "communication"]  # not by the encrypted date of birth
    list_filter = ["role", "consent"]
    search_fields = ["communication__committee_reference"]  # and the names, in get_search_results
    raw_id_fields = ["communication"]


@admin.register(Claim)
class ClaimAdmin(CaseScopedAdmin):
    list_display = ["__str__", "instrument", "article", "communication"]
    list_filter = ["instrument"]
    raw_id_fields = ["communication"]


@admin.register(DomesticRemedy)
class DomesticRemedyAdmin(CaseScopedAdmin):
    list_display = ["authority", "started_on", "decided_on", "is_final", "communication"]
    list_filter = ["is_final"]
    raw_id_fields = ["communication"]


@admin.register(OtherProcedure)
class OtherProcedureAdmin(CaseScopedAdmin):
    list_display = ["body", "reference", "status", "same_matter", "communication"]
    list_filter = ["status", "same_matter"]
    raw_id_fields = ["communication"]


@admin.register(Document)
class DocumentAdmin(CaseScopedAdmin):
    list_display = ["title", "kind", "content_type", "size", "page_count", "uploaded_at", "communication"]
    list_filter = ["kind", "content_type"]
    readonly_fields = ["sha256", "size", "content_type", "original_name", "page_count"]
    raw_id_fields = ["communication"]
    exclude = ["file"]  # served only through the permission-checked download view, never by a store's link


@admin.register(Event)
class EventAdmin(CaseScopedAdmin):
    list_display = ["occurred_on", "kind", "from_status", "to_status", "actor", "communication"]
    list_filter = ["kind", "to_status"]
    date_hierarchy = "occurred_on"
    raw_id_fields = ["communication"]


@admin.register(Triage)
class TriageAdmin(CaseScopedAdmin):
    list_display = ["communication", "decision", "decided_by", "decided_at"]
    list_filter = ["decision"]
    raw_id_fields = ["communication"]


@admin.register(Submission)
class SubmissionAdmin(CaseScopedAdmin):
    list_display = ["communication", "version", "signed_name", "signed_on", "submitted_at"]
    date_hierarchy = "submitted_at"
    raw_id_fields = ["communication"]
    readonly_fields = ["snapshot"]


@admin.register(Invitation)
class InvitationAdmin(CaseScopedAdmin):
    """Invitations are made and answered in the portal; here they can be read and withdrawn."""

    list_display = ["communication", "role", "created_at", "accepted_by", "answer", "revoked_at"]
    list_filter = ["role", "answer"]
    exclude = ["token_sha256"]
    raw_id_fields = ["communication", "person", "created_by", "accepted_by"]
    actions = ["withdraw"]

    @admin.action(description=_("Withdraw the selected invitations"))
    def withdraw(self, request: HttpRequest, queryset: QuerySet[Invitation]) -> None:
        for invitation in queryset.filter(revoked_at=None):
            invitation_revoke(invitation=invitation, actor=request.user)  # type: ignore[arg-type]


admin.site.register(Membership)


# ---- Deadlines, reminders and dossiers ----
from complaints.models import Deadline, DeadlineChange, Dossier, InterimMeasuresReport  # noqa: E402


class DeadlineChangeInline(admin.TabularInline):
    model = DeadlineChange
    extra = 0
    can_delete = False
    readonly_fields = [
        "changed_at",
        "cause",
        "actor",
        "old_anchor_on",
        "new_anchor_on",
        "old_due_on",
        "new_due_on",
        "old_status",
        "new_status",
    ]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Deadline)
class DeadlineAdmin(CaseScopedAdmin):
    """Deadlines are computed from the case's dates: they are read here, never edited."""

    list_display = [
        "communication",
        "kind",
        "anchor_on",
        "due_on",
        "status",
        "next_action_on",
        "escalated_on",
    ]
    list_filter = ["kind", "status"]
    date_hierarchy = "due_on"
    readonly_fields = [
        "communication",
        "kind",
        "anchor_on",
        "due_on",
        "source",
        "status",
        "met_on",
        "next_action_on",
        "escalated_on",
    ]
    inlines = [DeadlineChangeInline]


@admin.register(InterimMeasuresReport)
class InterimMeasuresReportAdmin(CaseScopedAdmin):
    list_display = ["communication", "report_due_on", "reported_on", "updated_at"]
    raw_id_fields = ["communication", "recorded_by"]


@admin.register(Dossier)
class DossierAdmin(CaseScopedAdmin):
    list_display = [
        "communication",
        "variant",
        "status",
        "communication_version",
        "page_count",
        "finished_at",
    ]
    exclude = ["file"]  # served only through the permission-checked download view
    list_filter = ["variant", "status"]
    readonly_fields = [
        "communication",
        "variant",
        "status",
        "language",
        "requested_version",
        "communication_version",
        "sha256",
        "size",
        "page_count",
        "failure",
        "failure_detail",
        "attempts",
        "requested_by",
        "requested_at",
        "started_at",
        "finished_at",
    ]
    exclude = ["file"]  # served only through the permission-checked download view


@admin.register(ErasureRecord)
class ErasureRecordAdmin(admin.ModelAdmin):
    """The log of erasures (complaints.privacy.erasure): read only, for administrators; no erased data."""

    list_display = [
        "reference",
        "kind",
        "asked_by",
        "requested_by",
        "performed_by",
        "performed_at",
        "purge_after",
    ]
    list_filter = ["kind", "asked_by"]
    search_fields = ["reference"]
    readonly_fields = [field.name for field in ErasureRecord._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# ---- After dispatch: read only; sending and recording go through complaints.dispatch.services ----


@admin.register(Dispatch)
class DispatchAdmin(CaseScopedAdmin):
    list_display = ["communication", "channel", "sent_at", "sent_on", "recipient", "sender"]
    list_filter = ["channel"]
    date_hierarchy = "sent_at"
    raw_id_fields = ["communication", "sender"]


@admin.register(ClarificationRequest)
class ClarificationRequestAdmin(CaseScopedAdmin):
    list_display = ["communication", "requested_on", "due_on", "answered_on"]
    raw_id_fields = ["communication", "recorded_by"]


@admin.register(ProcedureRequest)
class ProcedureRequestAdmin(CaseScopedAdmin):
    list_display = ["communication", "kind", "requested_on", "due_on", "answered_on"]
    list_filter = ["kind"]
    raw_id_fields = ["communication", "recorded_by"]


class InquiryEventInline(admin.TabularInline):
    model = InquiryEvent
    extra = 0
    fields = ["step", "occurred_on", "due_on", "note", "actor", "recorded_at"]
    readonly_fields = ["step", "occurred_on", "due_on", "note", "actor", "recorded_at"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Inquiry)
class InquiryAdmin(ObjectPermissionsModelAdmin):
    """Inquiries (OPIC arts. 13-14), read only: complaints.inquiries.services sends and moves them."""

    list_display = ["title", "state", "organisation", "status", "submitted_on"]
    list_filter = ["status"]
    search_fields = ["title"]
    exclude = ["summary"]  # encrypted free text: read on the inquiry's page, by its organisation
    inlines = [InquiryEventInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Inquiry]:
        return inquiries_visible_to(request.user)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
