"""The law as the Committee applies it, through the portal: missing is not inadmissible, parts
are not the whole, a submitted case is judged as of the day it was sent, and the Committee's own
decision outranks the portal's check."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from complaints.filing.wizard import GLOSSARY
from complaints.models import Communication, OtherProcedure, Person, TreatyStatus
from complaints.selectors import communication_assessment
from complaints.treaty.status import treaty_status_load
from tests.complaints.test_wizard import fill_parent_case, post
from tests.conftest import World, login
from tests.factories import (
    ClaimFactory,
    CommunicationFactory,
    DomesticRemedyFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def outcome(communication: Communication, criterion: str, on: date | None = None) -> str:
    communication.refresh_from_db()
    assessment = communication_assessment(communication=communication, lang="en", on=on)
    return next(f.outcome.value for f in assessment.findings if f.criterion == criterion)


def case(**fields: object) -> Communication:
    """A complete communication by a mother for her daughter, ready to be judged."""
    communication = CommunicationFactory.create(**fields)
    PersonFactory.create(
        communication=communication, role=Person.Role.AUTHOR, given_name="Amina", family_name="A"
    )
    ClaimFactory.create(communication=communication)
    DomesticRemedyFactory.create(communication=communication, decided_on=date(2025, 2, 1))
    return communication


def test_a_mother_acting_for_her_baby_without_a_recorded_consent_needs_review_not_refusal() -> None:
    """The pattern of I.A.M. v. Denmark (CRC/C/77/D/3/2016): a mother acting for her infant
    daughter, who cannot say yes herself, was examined on the merits. An empty consent is unknown."""
    communication = case()
    PersonFactory.create(communication=communication, consent="", date_of_birth=date(2024, 1, 5))
    assessment = communication_assessment(communication=communication, lang="en", on=date(2025, 3, 1))
    consent = next(f for f in assessment.findings if f.criterion == "OPIC-5-2")
    assert consent.outcome.value == "needs_review"
    assert "consent step" in consent.reason
    assert assessment.verdict.value != "inadmissible"


def test_a_person_with_a_single_name_is_not_anonymous() -> None:
    communication = CommunicationFactory.create()
    PersonFactory.create(
        communication=communication, role=Person.Role.AUTHOR, given_name="Aruzhan", family_name=""
    )
    PersonFactory.create(communication=communication, given_name="", family_name="Nurlan")
    assert outcome(communication, "OPIC-7-a") == "met"


def test_a_draft_whose_author_is_not_recorded_yet_needs_review_under_7a() -> None:
    communication = CommunicationFactory.create()
    PersonFactory.create(communication=communication)
    assessment = communication_assessment(communication=communication, lang="en")
    anonymity = next(f for f in assessment.findings if f.criterion == "OPIC-7-a")
    assert anonymity.outcome.value == "needs_review"
    assert "step about the author" in anonymity.reason


def test_a_co_victims_unrecorded_consent_needs_review_even_when_the_author_is_a_victim() -> None:
    """Art. 5(2): a group communication needs the consent of everyone it is submitted for."""
    communication = case(author_is_victim=True)
    PersonFactory.create(communication=communication, consent="")
    assessment = communication_assessment(communication=communication, lang="en", on=date(2025, 3, 1))
    consent = next(f for f in assessment.findings if f.criterion == "OPIC-5-2")
    assert consent.outcome.value == "needs_review"
    assert consent.parts == (1,)  # the classmate keeps the number the wizard shows; the author is last


def test_a_classmate_who_refused_is_left_out_and_the_case_page_says_so(world: World) -> None:
    """The pattern of P.N. et al. v. Finland (No. 100/2019): the part the author had no authority
    for is inadmissible, the rest is examined."""
    communication = world.mine
    PersonFactory.create(
        communication=communication, given_name="Dana", family_name="Refused", consent="not_given"
    )
    assessment = communication_assessment(communication=communication, lang="en", on=date(2025, 3, 1))
    assert assessment.verdict.value != "inadmissible"
    assert [(e.scope.value, e.number) for e in assessment.exclusions] == [("victims", 2)]
    page = login(world.caseworker).get(communication.get_absolute_url()).content.decode()
    assert "Left out of the complaint" in page
    assert "Dana Refused" in page


def test_a_state_missing_from_the_treaty_table_does_not_block_sending(parent: Client) -> None:
    """It was refused as a registration bar even with "submit anyway"; the table may be out of date."""
    communication = fill_parent_case(parent)
    Communication.objects.filter(pk=communication.pk).update(state="MDA")
    response = post(parent, communication, "sign", {"signed_name": "Мария Иванова", "confirm": "on"})
    assert response.status_code == 302
    communication.refresh_from_db()
    assert communication.status == Communication.Status.SUBMITTED


@pytest.fixture
def parent() -> Client:
    return login(UserFactory.create())


def test_a_submitted_case_is_judged_as_of_the_day_it_was_submitted() -> None:
    """A case filed within its year stays filed in time, however late the page is read."""
    final = timezone.localdate() - timedelta(days=500)
    communication = case(status=Communication.Status.SUBMITTED, submitted_on=final + timedelta(days=300))
    communication.remedies.update(decided_on=final)
    assert outcome(communication, "OPIC-7-h") == "met"
    draft = case()
    draft.remedies.update(decided_on=final)
    assert outcome(draft, "OPIC-7-h") == "not_met"


def test_a_recorded_committee_decision_is_shown_instead_of_the_check(world: World) -> None:
    communication = world.mine
    Communication.objects.filter(pk=communication.pk).update(
        status=Communication.Status.ADMISSIBLE,
        submitted_on=date(2025, 3, 1),
        admissibility_decided_on=date(2025, 9, 1),
        verdict="inadmissible",
    )
    client = login(world.caseworker)
    page = client.get(communication.get_absolute_url()).content.decode()
    assert "The Committee declared it admissible." in page
    listing = client.get(reverse("complaints:dashboard")).content.decode()
    assert "Declared admissible by the Committee" in listing


def test_the_glossary_says_an_ombudsperson_is_not_a_remedy_to_exhaust() -> None:
    remedies = str(GLOSSARY["domestic_remedies"][1])
    assert "ombudsperson" in remedies
    assert "not a remedy you must finish first" in remedies
    assert "ombudsman" not in remedies.split("not a remedy")[1]


def test_a_special_rapporteurs_appeal_does_not_bar_and_the_wizard_records_its_kind(parent: Client) -> None:
    communication = fill_parent_case(parent)
    response = post(
        parent,
        communication,
        "procedures",
        {
            "previous_committee_outcome": "",
            "procedures-TOTAL_FORMS": "1",
            "procedures-INITIAL_FORMS": "0",
            "procedures-0-body": "Special Rapporteur on the right to education",
            "procedures-0-kind": "special_procedure",
            "procedures-0-status": "pending",
            "procedures-0-same_matter": "true",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    procedure = OtherProcedure.objects.get(communication=communication)
    assert procedure.kind == OtherProcedure.Kind.SPECIAL_PROCEDURE
    assert outcome(communication, "OPIC-7-d") == "met"


def test_an_earlier_communication_declared_inadmissible_for_non_exhaustion_needs_review(
    parent: Client,
) -> None:
    communication = fill_parent_case(parent)
    response = post(
        parent,
        communication,
        "procedures",
        {
            "previous_committee_outcome": "inadmissible_not_exhausted",
            "procedures-TOTAL_FORMS": "0",
            "procedures-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert outcome(communication, "OPIC-7-d") == "needs_review"


def test_facts_abroad_are_for_the_committee_to_judge() -> None:
    """Sacchi et al. v. Germany (CRC/C/88/D/107/2019): jurisdiction outside the territory."""
    communication = case(outside_territory=True)
    PersonFactory.create(communication=communication)
    assert outcome(communication, "OPIC-5-1", on=date(2025, 3, 1)) == "needs_review"


def test_the_52nd_party_answers_and_its_unknown_dates_need_review() -> None:
    out = io.StringIO()
    call_command("treaty_status", "MDA", stdout=out)
    row = json.loads(out.getvalue())
    assert row["opic_status"] == "party"
    assert row["deposit_date"] is None
    assert "Moldova" in row["source"]
    communication = CommunicationFactory.create(state="MDA")
    assert outcome(communication, "OPIC-1-3") == "needs_review"


def test_refreshing_the_treaty_table_reads_the_new_columns_and_a_denunciation_takes_effect_a_year_on() -> (
    None
):
    rows = [
        {
            "iso3": "KAZ",
            "name": "Kazakhstan",
            "opic_status": "party",
            "deposit_date": "2024-02-07",
            "entry_into_force_date": "2024-05-07",
            "source": "test",
            "opsc_in_force_on": "2001-08-24",
            "denunciation_received_on": "2025-06-01",
            "reservations": "A territorial statement.",
            "reservations_source": "test",
        }
    ]
    changes = treaty_status_load(rows, keep_known=True)
    assert "KAZ" in changes.changed
    row = TreatyStatus.objects.get(iso3="KAZ")
    assert row.denunciation_effective_on == date(2026, 6, 1)  # OPIC art. 22(1)
    assert row.opsc_in_force_on == date(2001, 8, 24)
    assert row.reservations == "A territorial statement."
    before = case(status=Communication.Status.SUBMITTED, submitted_on=date(2026, 5, 31))
    after = case(status=Communication.Status.SUBMITTED, submitted_on=date(2026, 6, 1))
    assert outcome(before, "OPIC-1-3") == "met"
    assert outcome(after, "OPIC-1-3") == "not_met"
