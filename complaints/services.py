"""Writes: every change to a communication goes through a function here."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any, cast

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _

from admissibility import Assessment
from complaints.crypto.search_index import communication_index
from complaints.deadlines.services import deadlines_recompute
from complaints.models import Claim, Communication, DomesticRemedy, Event, Organisation, User
from complaints.selectors import assessment_day, communication_assessment


class StaleVersion(Exception):
    """The communication changed since the caller read it (another tab or another person)."""

    def __init__(self, current: Communication) -> None:
        super().__init__(f"communication {current.pk} is at version {current.version}")
        self.current = current


@transaction.atomic
def communication_create_draft(*, filer: User, **fields: Any) -> Communication:
    """Start a draft owned by ``filer`` and note it in the timeline."""
    communication = Communication.objects.create(filer=filer, **fields)
    Event.objects.create(
        communication=communication, kind=Event.Kind.CREATED, actor=filer, occurred_on=timezone.localdate()
    )
    return communication


class DraftRefused(Exception):
    """A draft cannot be started as asked; the message says why, in plain words."""


def drafting_organisations(user: User) -> list[Organisation]:
    """Return the NGOs for which ``user``, a caseworker, may start a draft."""
    if user.role != User.Role.CASEWORKER:
        return []
    return list(
        Organisation.objects.filter(memberships__user=user, kind=Organisation.Kind.NGO).order_by("name")
    )


def dossier_language_for(language: str) -> str:
    """Return the dossier language that suits a writer of ``language`` (an interface language).

    The Committee works in the six UN languages; Kazakh is not one of them, and a Kazakh-speaking
    child in Kazakhstan reads Russian at school, so a Kazakh draft defaults to a Russian dossier.
    """
    code = (language or "").split("-")[0].lower()
    if code in Communication.DossierLanguage.values:
        return code
    return Communication.DossierLanguage.RUSSIAN if code == "kk" else Communication.DossierLanguage.ENGLISH


def draft_start(*, user: User, organisation_id: int | str | None = None, language: str = "") -> Communication:
    """Start a draft: a filer's own, or a caseworker's for a child their organisation represents.

    A caseworker's draft is handled by their organisation (``organisation_id``, needed only when
    they belong to several), assigned to them, in adult mode and written for someone else. The
    dossier's language follows the writer's (``language``, else their preferred one): Russian for
    Kazakh or Russian, English otherwise; the wizard lets them change it.
    """
    dossier_language = dossier_language_for(language or user.preferred_language)
    if user.role != User.Role.CASEWORKER:
        if organisation_id not in (None, ""):
            raise DraftRefused(_("Only a caseworker starts a draft for an organisation."))
        return communication_create_draft(filer=user, dossier_language=dossier_language)
    organisations = drafting_organisations(user)
    if not organisations:
        raise DraftRefused(
            _("You are not a member of any organisation yet. Ask an administrator to add you to one.")
        )
    if organisation_id in (None, "") and len(organisations) == 1:
        chosen: Organisation | None = organisations[0]
    else:
        chosen = next((o for o in organisations if str(o.pk) == str(organisation_id)), None)
    if chosen is None:
        raise DraftRefused(_("Choose the organisation that handles this case."))
    return communication_create_draft(
        filer=user,
        organisation=chosen,
        assignee=user,
        audience=Communication.Audience.ADULT,
        author_is_victim=False,
        dossier_language=dossier_language,
    )


def communication_assess(
    *, communication: Communication, on: date | None = None, lang: str = "en"
) -> Assessment:
    """Run the admissibility engine on ``communication`` and keep its verdict for lists and queues.

    A submitted case is assessed as of the day it was submitted (``selectors.assessment_day``).
    """
    on = on or assessment_day(communication)
    assessment = communication_assessment(communication=communication, lang=lang, on=on)
    Communication.objects.filter(pk=communication.pk).update(
        verdict=assessment.verdict.value, verdict_checked_on=on
    )
    communication.verdict = assessment.verdict.value
    communication.verdict_checked_on = on
    return assessment


@transaction.atomic
def communication_save_step(
    *,
    communication: Communication,
    expected_version: int,
    actor: User,
    fields: dict[str, Any] | None = None,
    write: Callable[[], None] | None = None,
    recompute_deadlines: bool = True,
    keep_loaded: bool = False,
    reindex_names: bool = True,
) -> Communication:
    """Save one wizard step: ``fields`` on the communication, then ``write`` for its related rows.

    The version check comes first and all of it is one transaction, so a step saved from a stale
    tab (or another device) raises StaleVersion and changes nothing. The communication's own
    fields are read again after a ``write`` or a recomputation of the deadlines (either may change
    them); otherwise the row is the one this request read (the version matched) with ``fields``
    written, and the object takes them without reading the row again. Its loaded parts
    (``prefetch_related``) are forgotten after a ``write`` unless ``keep_loaded``: then the caller
    keeps them true. ``reindex_names=False`` is for a caller that knows it changed neither the
    title nor a person (the blind index then stays as it is).
    """
    now = timezone.now()
    updated = Communication.objects.filter(pk=communication.pk, version=expected_version).update(
        version=F("version") + 1, updated_at=now, **(fields or {})
    )
    if not updated:
        raise StaleVersion(Communication.objects.get(pk=communication.pk))
    if write is not None:
        write()
    # The title and the names were written without save(): the blind index follows them here.
    if reindex_names:
        communication_index(communication.pk)
    # Once per save, whatever changed: the deadlines follow the dates (the filing limit follows
    # the final domestic decision). Transitions recompute in complaints.lifecycle.
    if recompute_deadlines:
        deadlines_recompute(communication=communication, actor=actor)
    if write is None and not recompute_deadlines:
        for name, value in (fields or {}).items():
            setattr(communication, name, value)
        communication.version = expected_version + 1
        communication.updated_at = now
    elif write is None or keep_loaded:  # the parts this request read still hold (or the caller sees to it)
        communication.refresh_from_db(fields=[f.attname for f in Communication._meta.concrete_fields])
    else:
        communication.refresh_from_db()
    return communication


def communication_record_act(
    *,
    communication: Communication,
    actor: User | None,
    on: date,
    code: str = "",
    params: dict[str, str] | None = None,
    event_kind: str = Event.Kind.TRANSITION,
) -> None:
    """Finish a change that a package's service made to a case's records, under the case's row lock.

    The case gets a new version (a form still open on the old one is refused as stale), the
    timeline the event ``code`` (complaints.timeline.texts, shown in each reader's language) when
    one is given, and the deadlines follow the dates again.
    """
    Communication.objects.filter(pk=communication.pk).update(
        version=F("version") + 1, updated_at=timezone.now()
    )
    communication.refresh_from_db(fields=["version", "updated_at"])
    if code:
        Event.objects.create(
            communication=communication,
            kind=event_kind,
            actor=actor,
            occurred_on=on,
            code=code,
            params=params or {},
        )
    deadlines_recompute(communication=communication, actor=actor)


def communication_set_claims(
    *, communication: Communication, pairs: list[tuple[str, int]], explanation: str
) -> None:
    """Replace the claims of ``communication`` with ``pairs`` of (instrument, article), all explained so."""
    communication.claims.exclude(
        pk__in=[c.pk for c in communication.claims.all() if (c.instrument, c.article) in set(pairs)]
    ).delete()
    existing = {(c.instrument, c.article): c for c in communication.claims.all()}
    for instrument, article in pairs:
        claim = existing.get((instrument, article))
        if claim is None:
            Claim.objects.create(
                communication=communication, instrument=instrument, article=article, explanation=explanation
            )
        elif claim.explanation != explanation:
            claim.explanation = explanation
            claim.save(update_fields=["explanation"])


def remedies_renumber(*, communication: Communication, remedies: list[DomesticRemedy] | None = None) -> None:
    """Number the domestic steps of ``communication`` 0, 1, 2, ... in their order: no gaps, no ties.

    ``remedies``, when given, are all of them as they now stand (saved), so they are not read again.
    """
    rows = (
        sorted(remedies, key=lambda r: (r.position, r.pk))
        if remedies is not None
        else communication.remedies.order_by("position", "pk")
    )
    for position, remedy in enumerate(rows):
        if remedy.position != position:
            remedy.position = position
            remedy.save(update_fields=["position"])


def snapshot_of(communication: Communication) -> dict[str, Any]:
    """Return everything the communication says, as JSON-ready data: the frozen submitted version."""

    def rows(queryset: Any, exclude: tuple[str, ...] = ("id", "communication")) -> list[dict[str, Any]]:
        return [{k: v for k, v in model_to_dict(row).items() if k not in exclude} for row in queryset]

    data = model_to_dict(
        communication, exclude=["shared_with", "filer", "organisation", "routed_to", "assignee"]
    )
    data.update(
        reference=str(communication.reference),
        people=rows(communication.people.all()),
        claims=rows(communication.claims.all()),
        remedies=rows(communication.remedies.all()),
        other_procedures=rows(communication.other_procedures.all()),
        documents=rows(communication.documents.all(), exclude=("id", "communication", "file", "uploaded_by")),
    )
    return cast(dict[str, Any], json.loads(json.dumps(data, cls=DjangoJSONEncoder)))
