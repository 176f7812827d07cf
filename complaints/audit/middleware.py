"""The audit middleware: one entry (one INSERT) for each request that read, changed or tried a case.

A request is audited when its URL names a case or one of its parts (``reference``,
``dossier_id``, ``document_id``, ``invitation_id``), or when the code that served it noted what it
touched (the API, the admin, downloads). What it records is decided from the method and the
answer: a GET answered 200 is a read, a POST answered 2xx or 3xx a change (with the names of the
fields posted, never their values), a 400 or 409 a rejected change, and anonymous requests, 401,
403, 404 and 405 answers and redirects to sign in are refused attempts, which keep only what was
asked for. The entry is written before the answer leaves: if it cannot be written, the answer is
an error and nothing is read without a trace.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from allauth.account.adapter import get_adapter
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, ResolverMatch, resolve, reverse
from django.utils.ipv6 import clean_ipv6_address

from complaints.audit.context import Note, RequestAudit, as_reference, audit_begin, audit_end
from complaints.audit.models import AuditEntry
from complaints.audit.services import actor_snapshot, audit_write

# URL arguments that name a case or one of its parts, and the kind of object each names.
CASE_ARGUMENTS = {"reference": "communication", "dossier_id": "dossier", "document_id": "document"}
PART_ARGUMENTS = {"invitation_id": "invitation"}
# Routes that name a case but reveal nothing of it: the dossier's status, polled every few seconds.
NOT_AUDITED = {"complaints:dossier_status"}
# Routes whose ``reference`` names an inquiry (arts. 13-14), not a case: noted as an inquiry, with
# no case reference, so that no case's list of readers counts them.
INQUIRY_ROUTES = {"complaints:inquiry", "complaints:inquiry_step"}
REFUSED_STATUS = {401, 403, 404, 405}
REJECTED_STATUS = {400, 409, 413, 422, 429}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Posted names that are not answers: the CSRF token and the wizard's bookkeeping.
NOT_FIELDS = {"csrfmiddlewaretoken", "version", "screen", "next"}
MAX_FIELDS = 100


def client_ip(request: HttpRequest) -> str | None:
    """The client's address as the log-in limits read it (behind ``ALLAUTH_TRUSTED_PROXY_COUNT`` proxies)."""
    try:
        ip = get_adapter(request).get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured):
        return None
    return clean_ipv6_address(ip) if ":" in ip else ip


def printable(text: str, limit: int) -> str:
    """``text`` without control characters (PostgreSQL refuses NUL in text), cut at ``limit``."""
    return "".join(ch for ch in text if ch.isprintable())[:limit]


def user_agent(request: HttpRequest) -> str:
    return printable(request.headers.get("User-Agent", ""), 200)


def posted_field_names(request: HttpRequest) -> tuple[str, ...]:
    """The names of the fields a form posted (formset numbers folded), never what was typed in them."""
    if request.method in SAFE_METHODS or request.content_type not in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        return ()
    names = {re.sub(r"-\d+-", "-", str(name)) for name in [*request.POST.keys(), *request.FILES.keys()]}
    return tuple(sorted(names - NOT_FIELDS))[:MAX_FIELDS]


def _resolved(request: HttpRequest) -> ResolverMatch | None:
    """The request's route, also when a middleware answered before the URL was resolved (a gate)."""
    if request.resolver_match is None:
        try:
            request.resolver_match = resolve(request.path_info)
        except Resolver404:
            return None
    return request.resolver_match


def _route_note(request: HttpRequest) -> Note | None:
    """What the URL itself names, for a request whose code noted nothing."""
    match = _resolved(request)
    if match is None or match.view_name in NOT_AUDITED:
        return None
    kwargs = match.kwargs
    named = [name for name in (*CASE_ARGUMENTS, *PART_ARGUMENTS) if name in kwargs]
    if not named:
        return None
    reference = as_reference(kwargs.get("reference"))
    if match.view_name in INQUIRY_ROUTES:
        return Note(reference=None, kind="inquiry", object_id=str(reference or kwargs["reference"]))
    objects = [name for name in named if name != "reference"]
    if objects:
        kind = {**CASE_ARGUMENTS, **PART_ARGUMENTS}[objects[0]]
        return Note(reference=reference, kind=kind, object_id=str(kwargs[objects[0]]))
    return Note(reference=reference, kind="communication")


def _sent_to_sign_in(response: HttpResponse) -> bool:
    location = response.get("Location", "")
    return any(location.startswith(prefix) for prefix in (reverse("account_login"), reverse("mfa_index")))


def decide_action(request: HttpRequest, response: HttpResponse, noted: str) -> str | None:
    """The action an entry records, or None when the request touched nothing worth a trace."""
    status = response.status_code
    if status >= 500:
        return None
    signed_in = getattr(getattr(request, "user", None), "is_authenticated", False)
    if status in REFUSED_STATUS or (300 <= status < 400 and (not signed_in or _sent_to_sign_in(response))):
        return AuditEntry.Action.REFUSED
    if noted:
        return noted
    if request.method in SAFE_METHODS:
        return AuditEntry.Action.READ if status < 300 else None
    return (
        AuditEntry.Action.REJECTED if status in REJECTED_STATUS or status >= 400 else AuditEntry.Action.CHANGE
    )


def entries_for(request: HttpRequest, response: HttpResponse, audit: RequestAudit) -> list[AuditEntry]:
    if audit.skip:
        return []
    notes = audit.notes or [note for note in [_route_note(request)] if note is not None]
    if not notes:
        return []
    actor, role, organisation = actor_snapshot(getattr(request, "user", None))
    match = request.resolver_match
    common: dict[str, Any] = {
        "actor": actor,
        "actor_role": role,
        "actor_organisation": organisation,
        "route": printable(match.view_name if match else request.path, 100),
        "method": (request.method or "")[:8],
        "status_code": response.status_code,
        "ip": client_ip(request),
        "user_agent": user_agent(request),
    }
    entries = []
    for note in notes:
        action = decide_action(request, response, note.action)
        if action is None:
            continue
        changed = action in (AuditEntry.Action.CHANGE, AuditEntry.Action.REJECTED)
        entries.append(
            AuditEntry(
                **common,
                action=action,
                communication_reference=note.reference,
                object_kind=printable(note.kind, 40),
                object_id=printable(note.object_id, 64),
                fields=[
                    printable(name, 100)
                    for name in note.fields or (posted_field_names(request) if changed else ())
                ],
            )
        )
    return entries


class AuditMiddleware:
    """Record every request that read, changed or tried to reach a case, in one INSERT."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        audit, token = audit_begin()
        try:
            response = self.get_response(request)
        finally:
            audit_end(token)
        audit_write(entries_for(request, response, audit), durable=request.method not in SAFE_METHODS)
        return response
