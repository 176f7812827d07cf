"""What an event says, written when it is read, in the reader's language.

An event stores a ``code`` and its ``params`` (plain values: enum values, ISO dates, names), never a
sentence: the timeline of a case is read by a child in Kazakh, a caseworker in Russian and a
reviewer in English. ``event_text`` turns the code into a sentence of the active language; an event
without a known code (a note someone typed, or an old row that was not recognised) shows its note.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, Final

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from complaints import cldr
from complaints.models import (
    Communication,
    Dispatch,
    Event,
    Invitation,
    ProcedureRequest,
    SettlementStep,
    Triage,
)

INVITED_CHILD: Final = "invitation.sent.child"
INVITED_PARENT: Final = "invitation.sent.parent"
INVITATION_ACCEPTED: Final = "invitation.accepted"
INVITATION_WITHDRAWN: Final = "invitation.withdrawn"
INVITATION_ANSWERED: Final = "invitation.answered"
DISPATCHED: Final = "dispatch.sent"
CLARIFICATION_REQUESTED: Final = "clarification.requested"
ASSIGNED: Final = "case.assigned"
UNASSIGNED: Final = "case.unassigned"
TRIAGED: Final = "review.triaged"
SIGNED_PAGES_ADDED: Final = "signing.added"
SIGNED_PAGES_REMOVED: Final = "signing.removed"
VIEWS_TRANSMITTED: Final = "views.transmitted"
PROCEDURE_REQUESTED: Final = "procedure.requested"
SETTLEMENT_OPENED: Final = "settlement.opened"
SETTLEMENT_STEP: Final = "settlement.step"
SETTLEMENT_REQUEST_ANSWERED: Final = "settlement.request_answered"
SETTLEMENT_AGREED: Final = "settlement.agreed"
SETTLEMENT_ENDED: Final = "settlement.ended"
SETTLEMENT_REPORTED: Final = "settlement.reported"

TEMPLATES: Final[Mapping[str, Promise | str]] = {
    INVITED_CHILD: _("Invited the child to review the draft."),
    INVITED_PARENT: _("Invited a parent or guardian to review the draft."),
    INVITATION_ACCEPTED: _("The invitation to review was accepted."),
    INVITATION_WITHDRAWN: _("An invitation to review was withdrawn."),
    INVITATION_ANSWERED: _("Answer from %(whom)s: %(answer)s."),
    DISPATCHED: _("Sent by %(channel)s to %(recipient)s"),
    CLARIFICATION_REQUESTED: _("Answer by %(day)s"),
    ASSIGNED: "%(name)s",
    UNASSIGNED: _("Nobody"),
    TRIAGED: _("%(decision)s: %(reason)s"),
    SIGNED_PAGES_ADDED: _("Signed pages uploaded: the dossier now carries them instead of the typed name."),
    SIGNED_PAGES_REMOVED: _("A file of signed pages was removed."),
    VIEWS_TRANSMITTED: _("Views transmitted to the State"),
    PROCEDURE_REQUESTED: _("%(what)s: answer by %(day)s"),
    SETTLEMENT_OPENED: _("Friendly settlement talks opened"),
    SETTLEMENT_STEP: "%(step)s",
    SETTLEMENT_REQUEST_ANSWERED: _("The Committee's request about the settlement answered"),
    SETTLEMENT_AGREED: _("Friendly settlement agreed"),
    SETTLEMENT_ENDED: _("Friendly settlement talks ended without agreement"),
    SETTLEMENT_REPORTED: _("The State's report on the settlement's terms received"),
}


def _label(choices: Any) -> Callable[[str], str]:
    def label(value: str) -> str:
        try:
            return str(choices(value).label)
        except ValueError:
            return value

    return label


def _day(value: str) -> str:
    try:
        return cldr.long_date(date.fromisoformat(value), get_language() or settings.LANGUAGE_CODE)
    except (TypeError, ValueError):
        return value


# How a stored parameter is written for the reader: enum values by their label, dates in words.
PARAMS: Final[Mapping[str, Callable[[str], str]]] = {
    "whom": _label(Invitation.Role),
    "answer": _label(Invitation.Answer),
    "channel": _label(Dispatch.Channel),
    "decision": _label(Triage.Decision),
    "step": _label(SettlementStep.Kind),
    "what": _label(ProcedureRequest.Kind),
    "day": _day,
}


def event_text(event: Event) -> str:
    """Return what ``event`` says in the active language: its code's sentence, or else its note."""
    template = TEMPLATES.get(event.code)
    if template is None:
        return event.note
    params = {name: PARAMS.get(name, str)(str(value)) for name, value in (event.params or {}).items()}
    try:
        return str(template) % params if params else str(template)
    except (KeyError, TypeError, ValueError):
        return event.note


def event_summary(event: Event) -> str:
    """Return the kind of ``event`` and, for a change of status, the new status, in the active language."""
    what = str(event.get_kind_display())
    if event.to_status:
        what += f": {status_label(event.to_status)}"
    return what


def status_label(value: str) -> str:
    """Return the label of a communication status in the active language (the value if unknown)."""
    return _label(Communication.Status)(value)
