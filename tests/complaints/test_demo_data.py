"""The demo data tells true stories: names, ages and dates agree, and the statistics make sense."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from complaints.models import Communication, Person
from complaints.review.services import office_statistics
from tests.factories import CommunicationFactory

pytestmark = pytest.mark.django_db

# The dates of the path, in the order a case lives them.
PATH_DATES = [
    "submitted_on",
    "registered_on",
    "transmitted_on",
    "observations_received_on",
    "comments_sent_on",
    "admissibility_decided_on",
    "views_adopted_on",
    "follow_up_received_on",
    "closed_on",
]


@pytest.fixture
def demo() -> list[Communication]:
    call_command("seed_demo", stdout=io.StringIO())
    return list(Communication.objects.all())


def test_every_submitted_demo_case_is_signed_on_the_day_it_was_submitted(demo: list[Communication]) -> None:
    sent = [c for c in demo if c.status != Communication.Status.DRAFT]
    assert sent
    for case in sent:
        assert case.signed_name, case.title
        assert case.signed_on == case.submitted_on, case.title


def test_the_child_named_in_the_facts_is_the_victim_recorded(demo: list[Communication]) -> None:
    for case in demo:
        for victim in case.people.filter(role=Person.Role.VICTIM):
            assert victim.given_name[:-1] in case.facts_summary, (case.title, victim.given_name)


def test_a_child_too_young_to_agree_has_a_reason_and_no_demo_reason_states_an_age(
    demo: list[Communication],
) -> None:
    for victim in Person.objects.filter(role=Person.Role.VICTIM):
        if victim.consent == Person.Consent.WITHOUT_CONSENT_JUSTIFIED:
            assert victim.without_consent_reason
            assert not any(ch.isdigit() for ch in victim.without_consent_reason)
        if victim.consent == Person.Consent.GIVEN:
            assert victim.consent_on is not None


def test_interim_measures_are_never_requested_without_a_reason(demo: list[Communication]) -> None:
    for case in demo:
        if case.interim_measures_requested:
            assert case.interim_measures_reason.strip(), case.title


def test_demo_dates_follow_each_other_in_the_order_a_case_lives_them(demo: list[Communication]) -> None:
    today = timezone.localdate()
    for case in demo:
        days = [getattr(case, name) for name in PATH_DATES if getattr(case, name)]
        assert days == sorted(days), case.title
        started = timezone.localtime(case.created_at).date()
        for remedy in case.remedies.all():
            assert remedy.started_on is not None
            assert remedy.decided_on is not None
            assert remedy.started_on <= remedy.decided_on <= started, case.title
        assert all(started <= day <= today for day in days), case.title
        assert case.facts_start is not None
        for person in case.people.all():
            assert person.date_of_birth is None or person.date_of_birth < case.facts_start


def test_the_statistics_of_the_demo_show_no_negative_duration(demo: list[Communication]) -> None:
    stats = office_statistics(cases=Communication.objects.all())
    assert stats["median_days_to_submit"] is not None
    assert stats["median_days_to_submit"] >= 0


def test_a_case_entered_after_it_was_sent_on_paper_counts_no_negative_duration() -> None:
    today = timezone.localdate()
    CommunicationFactory.create(status="submitted", submitted_on=today - timedelta(days=365))
    paper_only = office_statistics(cases=Communication.objects.all())
    assert paper_only["median_days_to_submit"] is None
    CommunicationFactory.create(status="submitted", submitted_on=today + timedelta(days=0))
    assert office_statistics(cases=Communication.objects.all())["median_days_to_submit"] == 0


def test_one_demo_case_was_posted_to_the_committee_and_acknowledged_with_a_reference(
    demo: list[Communication],
) -> None:
    from complaints.models import Deadline, Dispatch, Dossier

    (sent,) = Dispatch.objects.all()
    case = sent.communication
    assert case.status == Communication.Status.REGISTERED
    assert case.committee_reference.startswith("CRC/C/G/")
    assert case.submitted_on is not None
    assert sent.channel == Dispatch.Channel.POST
    assert case.submitted_on < sent.sent_on < case.registered_on  # type: ignore[operator]
    dossier = Dossier.objects.get(communication=case, variant=Dossier.Variant.FILING)
    assert sent.dossier_sha256 == dossier.sha256
    filing = Deadline.objects.get(communication=case, kind=Deadline.Kind.FILING)
    assert (filing.status, filing.met_on) == (Deadline.Status.MET, sent.sent_on)
