"""Reads: the querysets views, the admin and the API list from."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from admissibility import Assessment, Scope, assess
from complaints.adapters import facts_from_communication, treaty_table
from complaints.deadlines.geneva import geneva_today
from complaints.deadlines.services import deadlines_of_case
from complaints.dossiers.services import dossier_variants_for, filing_untranslated
from complaints.filing.completeness import FIELD_NAMES, TRANSLATABLE
from complaints.models import (
    Claim,
    Communication,
    Document,
    DomesticRemedy,
    Dossier,
    Event,
    OtherProcedure,
    Person,
)
from complaints.permissions import communications_visible_to


def communication_list_for_user(*, user: Any) -> QuerySet[Communication]:
    """Return the communications ``user`` may see, newest first, ready for a list page."""
    return communications_visible_to(user).select_related("organisation", "assignee").order_by("-updated_at")


def communication_name(*, communication: Communication, user: Any) -> str:
    """Return the name of ``communication`` for ``user``: the private title for the filer, else the reference.

    The title is the filer's own note ("only for you"): staff, reviewers and invited readers see
    "Communication 1A2B3C4D", as the admin, the dossiers, the e-mails and the API do.
    """
    if communication.title and user is not None and communication.filer_id == getattr(user, "pk", None):
        return communication.title
    return str(communication)


def communication_timeline(*, communication: Communication, include_private: bool) -> QuerySet[Event]:
    """Return the events of ``communication`` in the order they happened."""
    events = communication.events.select_related("actor").order_by("occurred_on", "recorded_at")
    return events if include_private else events.filter(is_private=False)


def assessment_day(communication: Communication) -> date:
    """The day a case is assessed as of: the day it went to the Committee, else today (a draft).

    A submitted case is judged by the law as it stood when it was sent: a case filed within its
    year stays filed in time. Until sending to the Committee is recorded apart, the day it was
    submitted in the portal is that day.
    """
    return communication.submitted_on or timezone.localdate()


def communication_assessment(
    *, communication: Communication, lang: str, on: date | None = None
) -> Assessment:
    """Return what the admissibility engine finds (as of ``on``, by default the case's assessment day)."""
    on = on or assessment_day(communication)
    return assess(facts_from_communication(communication, assessed_on=on), treaty_table(), lang=lang)


def exclusions_shown(
    *, communication: Communication, assessment: Assessment, child: bool = False
) -> list[dict[str, str]]:
    """The claims and victims the check leaves out, named as the wizard and the case page show them.

    The engine numbers claims and victims in the order ``adapters.facts_from_communication``
    sends them (the author who is a victim comes after the victims named).
    """
    claims = list(communication.claims.all())
    victims = [p for p in communication.people.all() if p.role == Person.Role.VICTIM]
    shown = []
    for exclusion in assessment.exclusions:
        if exclusion.scope == Scope.CLAIMS:
            what = str(claims[exclusion.number - 1]) if exclusion.number <= len(claims) else ""
        elif exclusion.number <= len(victims):
            what = str(victims[exclusion.number - 1])
        else:
            what = _("the author")
        shown.append(
            {
                "what": what or _("item %(number)s") % {"number": exclusion.number},
                "reason": exclusion.child_reason if child else exclusion.reason,
                "citation": exclusion.citation,
            }
        )
    return shown


# ---- The case page ----


def dossier_state(dossier: Dossier) -> dict[str, Any]:
    """What the status endpoint, the case page and its script show about one dossier."""
    ready = dossier.status == Dossier.Status.READY and bool(dossier.file)
    return {
        "id": dossier.pk,
        "variant": dossier.variant,
        "status": dossier.status,
        "label": str(dossier.get_status_display()),
        "pending": dossier.status in (Dossier.Status.QUEUED, Dossier.Status.RENDERING),
        "ready": ready,
        "out_of_date": dossier.is_out_of_date,
        "failure": str(dossier.get_failure_display()) if dossier.failure else "",
        "pages": dossier.page_count if ready else None,
        "size": dossier.size if ready else None,
        "sha256": dossier.sha256 if ready else "",
        "finished_at": dossier.finished_at.isoformat() if ready and dossier.finished_at else None,
        "download_url": reverse("complaints:dossier_download", args=[dossier.pk]) if ready else "",
    }


def case_tracking(*, communication: Communication, user: Any) -> dict[str, Any]:
    """The deadlines and dossiers of a case, as ``user`` may see them."""
    variants = dossier_variants_for(user, communication)
    existing = {
        d.variant: d for d in Dossier.objects.filter(communication=communication, variant__in=variants)
    }
    untranslated = filing_untranslated(communication) if Dossier.Variant.FILING in variants else []
    return {
        "visible": bool(variants),
        "today": geneva_today(),
        # The text that stops the filing dossier, each with the step where its translation is added.
        "untranslated": [{"label": FIELD_NAMES[name], "step": TRANSLATABLE[name]} for name in untranslated],
        "may_allow_untranslated": user.has_perm("complaints.allow_untranslated_communication", communication),
        "untranslated_reason": communication.untranslated_filing_reason,
        "deadlines": list(deadlines_of_case(communication=communication)),
        "dossiers": [
            {
                "variant": variant,
                "label": Dossier.Variant(variant).label,
                "state": dossier_state(existing[variant]) if variant in existing else None,
            }
            for variant in variants
        ],
    }


@dataclass(frozen=True)
class CasePage:
    """Everything the case page reads about one case, for one user: one selector, no reads in templates."""

    communication: Communication
    people: list[Person]
    claims: list[Claim]
    remedies: list[DomesticRemedy]
    procedures: list[OtherProcedure]
    documents: list[Document]
    events: list[Event]
    assessment: Assessment
    can_edit: bool
    can_transition: bool
    invited_to_answer: bool
    tracking: dict[str, Any]
    exclusions: list[dict[str, str]]

    def as_context(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def case_page(*, user: Any, communication: Communication, lang: str) -> CasePage:
    """Return what the case page of ``communication`` shows to ``user`` (who may see it)."""
    can_transition = user.has_perm("complaints.transition_communication", communication)
    assessment = communication_assessment(communication=communication, lang=lang)
    return CasePage(
        communication=communication,
        people=list(communication.people.all()),
        claims=list(communication.claims.all()),
        remedies=list(communication.remedies.all()),
        procedures=list(communication.other_procedures.all()),
        documents=list(communication.documents.all()),
        events=list(communication_timeline(communication=communication, include_private=can_transition)),
        assessment=assessment,
        can_edit=user.has_perm("complaints.change_communication", communication),
        can_transition=can_transition,
        invited_to_answer=user.has_perm("complaints.answer_communication", communication),
        tracking=case_tracking(communication=communication, user=user),
        exclusions=exclusions_shown(communication=communication, assessment=assessment),
    )
