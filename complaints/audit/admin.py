"""The audit log in the admin: read only, for administrators, with an export of the selected entries."""

from __future__ import annotations

import csv
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from complaints.audit.context import as_reference
from complaints.audit.models import AuditEntry
from complaints.audit.services import EXPORT_COLUMNS, audit_rows


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = [
        "at",
        "action",
        "actor",
        "actor_role",
        "actor_organisation",
        "route",
        "status_code",
        "communication_reference",
        "object_kind",
        "object_id",
        "ip",
    ]
    list_filter = ["action", "actor_role", "status_code"]
    search_fields = ["route", "object_kind", "object_id"]
    date_hierarchy = "at"
    actions = ["export_csv"]
    list_select_related = ["actor"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_search_results(self, request: HttpRequest, queryset: QuerySet[Any], search_term: str) -> Any:
        """A case's reference finds the entries about that case; any other term searches the routes."""
        reference = as_reference(search_term.strip())
        if reference is not None:
            return queryset.filter(communication_reference=reference), False
        return super().get_search_results(request, queryset, search_term)

    @admin.action(description=_("Export the selected entries as CSV"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet[AuditEntry]) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="audit.csv"'
        writer = csv.DictWriter(response, fieldnames=EXPORT_COLUMNS)
        writer.writeheader()
        writer.writerows(audit_rows(queryset))
        return response
