"""The API's part of the audit trail: every read of a case or its parts, and every write, noted.

``AuditedViewSetMixin`` notes the objects a viewset served (the one of a detail, each of a list's
page), the names of the fields a write sent, and, when the answer is a refusal, only what was
asked for. The audit middleware writes the notes in one INSERT.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Model
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from complaints.audit.context import audit_note
from complaints.models import Communication

WRITE_ACTIONS = {"create", "update", "partial_update", "destroy", "transitions"}


def _case_reference(instance: Model) -> Any:
    if isinstance(instance, Communication):
        return instance.reference
    case = getattr(instance, "communication", None)
    return getattr(case, "reference", None)


def _sent_field_names(request: Request) -> tuple[str, ...]:
    try:
        data = request.data
    except APIException:
        return ()
    if not isinstance(data, Mapping):
        return ()
    return tuple(str(name)[:100] for name in data)[:100]


class AuditedViewSetMixin(GenericViewSet[Any]):
    """Note what a viewset of cases or case parts read or wrote, for the audit middleware."""

    _audited: list[Model]

    def get_object(self) -> Any:
        instance = super().get_object()
        self._audited = [instance]
        return instance

    def paginate_queryset(self, queryset: Any) -> list[Any] | None:
        page = super().paginate_queryset(queryset)
        if page is not None:
            self._audited = list(page)
        return page

    def _note_created(self, response: Response, kind: str, fields: tuple[str, ...]) -> None:
        data = response.data if isinstance(response.data, dict) else {}
        reference = data.get("reference") if kind == "communication" else data.get("communication")
        object_id = "" if kind == "communication" else data.get("id", "")
        audit_note(reference=reference, kind=kind, object_id=object_id, fields=fields)

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        kind = getattr(self, "model", Communication)._meta.model_name or ""
        written = getattr(self, "action", None) in WRITE_ACTIONS and response.status_code < 400
        fields = _sent_field_names(request) if written else ()
        audited = getattr(self, "_audited", [])
        if written and self.action == "create":
            self._note_created(response, kind, fields)
        elif audited and response.status_code < 400:
            for instance in audited:
                object_id = "" if isinstance(instance, Communication) else instance.pk
                audit_note(reference=_case_reference(instance), kind=kind, object_id=object_id, fields=fields)
        else:
            # Nothing served (a refusal, or an empty list): keep only what was asked for.
            asked = self.kwargs.get("reference") or request.query_params.get("communication")
            audit_note(reference=asked, kind=kind, object_id=self.kwargs.get("pk", ""), fields=fields)
        return response
