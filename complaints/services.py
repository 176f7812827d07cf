"""Writes: every change to a communication goes through a function here."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from admissibility import Assessment

from .models import Communication, Event, User
from .selectors import communication_assessment


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


@transaction.atomic
def communication_update(
    *, communication: Communication, expected_version: int, actor: User, **fields: Any
) -> Communication:
    """Save ``fields`` if nobody saved since ``expected_version``; otherwise raise StaleVersion.

    The version check and the write are one UPDATE, so two tabs can never silently overwrite
    each other: the second one gets StaleVersion with the current state to show the user.
    """
    updated = Communication.objects.filter(pk=communication.pk, version=expected_version).update(
        version=expected_version + 1, updated_at=timezone.now(), **fields
    )
    if not updated:
        raise StaleVersion(Communication.objects.get(pk=communication.pk))
    communication.refresh_from_db()
    return communication


def communication_assess(
    *, communication: Communication, on: date | None = None, lang: str = "en"
) -> Assessment:
    """Run the admissibility engine on ``communication`` and keep its verdict for lists and queues."""
    on = on or timezone.localdate()
    assessment = communication_assessment(communication=communication, lang=lang, on=on)
    Communication.objects.filter(pk=communication.pk).update(
        verdict=assessment.verdict.value, verdict_checked_on=on
    )
    communication.verdict = assessment.verdict.value
    communication.verdict_checked_on = on
    return assessment
