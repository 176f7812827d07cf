"""The ombudsman office's review queue."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints.models import Communication, Triage, User
from complaints.review.services import (
    ReviewError,
    review_claim,
    review_hand_over,
    review_queue,
    review_triage,
)
from tests.conftest import World, login
from tests.factories import ClaimFactory, CommunicationFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def routed(world: World, **fields: object) -> Communication:
    defaults = {"routed_to": world.office, "status": "submitted", "submitted_on": date(2025, 3, 1)}
    return CommunicationFactory.create(**{**defaults, **fields})


def colleague(world: World) -> User:
    return MembershipFactory.create(organisation=world.office, user__role=User.Role.OMBUDSMAN_REVIEWER).user


def test_urgent_cases_and_interim_measures_come_first_in_the_queue(world: World) -> None:
    plain = routed(world, title="plain")
    interim = routed(world, title="interim", interim_measures_requested=True)
    urgent = routed(world, title="urgent", is_urgent=True)
    order = [c.pk for c in review_queue(user=world.reviewer)]
    assert order.index(urgent.pk) < order.index(interim.pk) < order.index(plain.pk)


def test_drafts_and_closed_cases_and_other_offices_cases_stay_out_of_the_queue(world: World) -> None:
    routed(world, title="closed", status="closed")
    queue = set(review_queue(user=world.reviewer).values_list("title", flat=True))
    assert "closed" not in queue
    assert world.mine.title not in queue  # a draft
    assert world.theirs.title not in queue


def test_a_case_claimed_by_one_reviewer_cannot_be_claimed_by_another(world: World) -> None:
    case = routed(world)
    other = colleague(world)
    review_claim(communication=case, reviewer=world.reviewer)
    with pytest.raises(ReviewError):
        review_claim(communication=case, reviewer=other)
    case.refresh_from_db()
    assert case.claimed_by == world.reviewer


def test_a_case_is_handed_over_only_to_a_colleague_of_the_same_office(world: World) -> None:
    case = routed(world)
    review_claim(communication=case, reviewer=world.reviewer)
    with pytest.raises(ReviewError):
        review_hand_over(communication=case, reviewer=world.reviewer, to=world.caseworker)
    other = colleague(world)
    review_hand_over(communication=case, reviewer=world.reviewer, to=other)
    case.refresh_from_db()
    assert case.claimed_by == other


def test_the_filer_reads_the_triage_decision_in_plain_words_but_not_the_internal_note(world: World) -> None:
    case = routed(world, filer=world.filer)
    review_triage(
        communication=case,
        reviewer=world.reviewer,
        decision=Triage.Decision.MORE_INFORMATION,
        reason_for_filer="Please send us the court's decision.",
        note="Check with the regional office",
    )
    page = login(world.filer).get(case.get_absolute_url()).content.decode()
    assert "Please send us the court&#x27;s decision." in page
    assert "Check with the regional office" not in page


def test_a_reviewer_triages_from_the_case_page(world: World) -> None:
    case = routed(world)
    client = login(world.reviewer)
    assert client.post(reverse("complaints:review_act", args=[case.reference, "claim"])).status_code == 302
    response = client.post(
        reverse("complaints:review_act", args=[case.reference, "triage"]),
        {"decision": "support", "reason_for_filer": "We will help you."},
    )
    assert response.status_code == 302
    assert Triage.objects.get(communication=case).decided_by == world.reviewer


def test_only_reviewers_of_the_office_can_act_on_the_queue(world: World) -> None:
    case = routed(world)
    for user in (world.filer, world.caseworker):
        response = login(user).post(reverse("complaints:review_act", args=[case.reference, "claim"]))
        assert response.status_code in {403, 404}
    assert login(world.caseworker).get(reverse("complaints:review_queue")).status_code == 403
    case.refresh_from_db()
    assert case.claimed_by is None


def test_the_statistics_page_draws_every_chart_with_a_table(world: World) -> None:
    case = routed(world, state="KAZ", submitted_on=timezone.localdate())
    ClaimFactory.create(communication=case, article=19)
    body = login(world.reviewer).get(reverse("complaints:review_statistics")).content.decode()
    assert body.count("<figure") == 5
    assert body.count("<svg") == body.count("Show as a table") >= 4
    assert "Kazakhstan" in body  # the State by its name, no longer its code
    assert "CRC art. 19" in body  # the article as the interface cites it


def test_the_queue_puts_the_nearest_deadline_first_and_the_case_keeps_it_up_to_date(world: World) -> None:
    from complaints.deadlines.services import deadlines_recompute

    later = routed(world, title="later", status="transmitted", transmitted_on=date(2025, 6, 1))
    sooner = routed(world, title="sooner", status="transmitted", transmitted_on=date(2025, 3, 1))
    for case in (later, sooner):
        deadlines_recompute(communication=case)
        case.refresh_from_db()
    assert sooner.next_deadline_on == date(2025, 9, 1)  # six months after transmittal (art. 8(2))
    order = [c.title for c in review_queue(user=world.reviewer) if c.title in {"later", "sooner"}]
    assert order == ["sooner", "later"]
    sooner.observations_received_on = date(2025, 8, 1)
    sooner.save()
    deadlines_recompute(communication=sooner)
    sooner.refresh_from_db()
    assert sooner.next_deadline_on != date(2025, 9, 1)
