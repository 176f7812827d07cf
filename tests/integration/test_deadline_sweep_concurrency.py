"""Two deadline sweeps at once on PostgreSQL (two beats, or a beat run late): nothing is sent twice.

No lock is taken around the sweep: its batches are locked with SKIP LOCKED and re-checked after
the other sweep commits, reminder rows are unique, and each e-mail is claimed before it goes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.db import connection, connections

from complaints.deadlines import deadlines_recompute, deadlines_sweep, reminder_emails_send
from complaints.models import DeadlineReminder, Notification, Organisation
from tests.factories import CommunicationFactory, MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.integration
CASES = 30


def at_once(work: Callable[[], Any], times: int = 2) -> list[Any]:
    """Run ``work`` in ``times`` threads released together; return their results (or errors)."""
    start = threading.Barrier(times)
    results: list[Any] = [None] * times

    def run(index: int) -> None:
        start.wait()
        try:
            results[index] = work()
        except Exception as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sweeps_at_once_send_each_reminder_and_e_mail_once(settings: Any) -> None:
    assert connection.vendor == "postgresql"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ngo = OrganisationFactory.create(kind=Organisation.Kind.NGO)
    for _ in range(CASES):
        communication = CommunicationFactory.create(
            organisation=ngo,
            status="transmitted",
            submitted_on=date(2025, 6, 1),
            transmitted_on=date(2025, 9, 1),
            filer=UserFactory.create(),
        )
        deadlines_recompute(communication=communication)
    MembershipFactory.create(organisation=ngo, is_coordinator=True)

    sweeps = at_once(lambda: deadlines_sweep(today=date(2026, 1, 30), batch_size=3))
    assert not [s for s in sweeps if isinstance(s, Exception)], sweeps
    assert sum(s.reminders for s in sweeps) == CASES
    assert DeadlineReminder.objects.count() == CASES
    assert Notification.objects.count() == CASES

    ids = sorted(r for s in sweeps for r in s.reminder_ids)
    mail.outbox = []
    sent = at_once(lambda: reminder_emails_send(ids))
    assert not [s for s in sent if isinstance(s, Exception)], sent
    assert sum(sent) == CASES
    assert len(mail.outbox) == CASES
    assert len({message.to[0] for message in mail.outbox}) == CASES
