"""Friendly settlement (OPIC art. 9): from the talks to the follow-up of the terms, through the pages."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from admissibility import add_months
from complaints.deadlines.calendar import calendar_feed_create
from complaints.deadlines.geneva import geneva_today
from complaints.deadlines.services import deadlines_recompute
from complaints.lifecycle import TransitionNotAllowed, TransitionRequest, communication_transition
from complaints.models import Communication, Deadline, Event, Settlement
from complaints.settlements import services
from complaints.timeline.texts import event_text
from tests.conftest import World, login

pytestmark = pytest.mark.django_db


def registered(world: World, days_ago: int = 120) -> Communication:
    today = geneva_today()
    Communication.objects.filter(pk=world.mine.pk).update(
        status=Communication.Status.TRANSMITTED,
        state="KAZ",
        submitted_on=today - timedelta(days=days_ago + 10),
        registered_on=today - timedelta(days=days_ago),
        transmitted_on=today - timedelta(days=days_ago - 5),
        committee_reference="CRC/C/1/2026",
    )
    world.mine.refresh_from_db()
    deadlines_recompute(communication=world.mine)
    return world.mine


def url(case: Communication, action: str | None = None) -> str:
    if action is None:
        return reverse("complaints:settlement", args=[case.reference])
    return reverse("complaints:settlement_act", args=[case.reference, action])


def agreement(on: date, **overrides: str) -> dict[str, str]:
    data = {
        "agreed_on": on.isoformat(),
        "terms": "The State readmits the child to school and pays for catch-up lessons.",
        "state_commitments": "The school readmits Dana and the ministry pays a tutor for a year.",
        "author_agreed_on": (on - timedelta(days=2)).isoformat(),
        "child_agreement": "agreed",
        "child_agreement_on": (on - timedelta(days=1)).isoformat(),
        "child_agreement_reason": "",
    }
    data.update(overrides)
    return data


def test_a_caseworker_records_a_settlement_from_talks_to_follow_up_and_sees_each_deadline(
    world: World,
) -> None:
    case = registered(world)
    client = login(world.caseworker)
    today = geneva_today()
    opened = today - timedelta(days=60)

    assert "Friendly settlement" in client.get(case.get_absolute_url()).content.decode()
    assert client.post(url(case, "open"), {"on": opened.isoformat()}).status_code == 302
    client.post(
        url(case, "step"),
        {"kind": "meeting", "on": (opened + timedelta(days=5)).isoformat(), "note": "First"},
    )
    client.post(
        url(case, "step"),
        {
            "kind": "committee_request",
            "on": (opened + timedelta(days=10)).isoformat(),
            "due_on": (opened + timedelta(days=40)).isoformat(),
            "note": "The Committee asks for the draft terms.",
        },
    )
    request_deadline = Deadline.objects.get(communication=case, kind=Deadline.Kind.SETTLEMENT_REQUEST)
    assert request_deadline.due_on == opened + timedelta(days=40)
    step = Settlement.objects.get(communication=case).steps.get(kind="committee_request")
    client.post(url(case, "answered"), {"step": step.pk, "on": (opened + timedelta(days=30)).isoformat()})
    request_deadline.refresh_from_db()
    assert request_deadline.status == Deadline.Status.MET

    agreed = today - timedelta(days=10)
    response = client.post(url(case, "agree"), agreement(agreed))
    assert response.status_code == 302, response.content.decode()[:3000]
    case.refresh_from_db()
    assert case.status == Communication.Status.CLOSED
    assert case.closure == Communication.Closure.FRIENDLY_SETTLEMENT
    follow_up = Deadline.objects.get(communication=case, kind=Deadline.Kind.SETTLEMENT_FOLLOW_UP)
    assert follow_up.due_on == add_months(agreed, 6)
    assert follow_up.status == Deadline.Status.OPEN  # closing the case does not end the follow-up
    assert follow_up.source.startswith("OPIC art. 9")

    # The deadline is in the caseworker's calendar feed.
    _feed, token = calendar_feed_create(user=world.caseworker)
    feed = Client().get(reverse("complaints:calendar_feed", args=[token]))
    uids = {str(e["UID"]) for e in Calendar.from_ical(feed.content).walk("VEVENT")}
    assert f"deadline-{follow_up.pk}@opic-portal" in uids

    client.post(url(case, "follow-up"), {"on": today.isoformat()})
    follow_up.refresh_from_db()
    assert follow_up.status == Deadline.Status.MET
    # The timeline stores codes and says them in each reader's language.
    with translation.override("ru"):
        said = [event_text(event) for event in Event.objects.filter(communication=case)]
    assert "Начались переговоры о мирном урегулировании" in said
    assert "Встреча" in said
    assert "Мирное урегулирование согласовано" in said
    assert "Получен отчет государства об условиях урегулирования" in said


def test_an_agreement_the_child_refused_is_not_recorded_and_nothing_typed_is_lost(world: World) -> None:
    case = registered(world)
    client = login(world.caseworker)
    today = geneva_today()
    services.settlement_open(communication=case, on=today - timedelta(days=30), actor=world.caseworker)
    response = client.post(url(case, "agree"), agreement(today, child_agreement="not_agreed"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "against the child" in page
    assert "pays a tutor for a year" in page  # what was typed is shown again
    case.refresh_from_db()
    assert case.status == Communication.Status.TRANSMITTED


def test_a_child_who_could_not_be_asked_needs_a_reason(world: World) -> None:
    case = registered(world)
    today = geneva_today()
    services.settlement_open(communication=case, on=today - timedelta(days=30), actor=world.caseworker)
    response = login(world.caseworker).post(url(case, "agree"), agreement(today, child_agreement="not_asked"))
    assert response.status_code == 400
    assert "Say why the child could not be asked" in response.content.decode()
    ok = login(world.caseworker).post(
        url(case, "agree"),
        agreement(today, child_agreement="not_asked", child_agreement_reason="She is two."),
    )
    assert ok.status_code == 302
    assert Settlement.objects.get(communication=case).child_agreement_reason == "She is two."


def test_terms_that_do_not_say_what_the_state_will_do_for_the_child_are_refused(world: World) -> None:
    case = registered(world)
    today = geneva_today()
    services.settlement_open(communication=case, on=today - timedelta(days=30), actor=world.caseworker)
    response = login(world.caseworker).post(
        url(case, "agree"), agreement(today, state_commitments="Settled.")
    )
    assert response.status_code == 400
    assert "what the State will do for the child" in response.content.decode()


def test_the_case_cannot_be_closed_as_settled_by_hand(world: World) -> None:
    case = registered(world)
    request = TransitionRequest(
        to=Communication.Status.CLOSED, on=geneva_today(), closure=Communication.Closure.FRIENDLY_SETTLEMENT
    )
    with pytest.raises(TransitionNotAllowed):
        communication_transition(communication=case, request=request, actor=world.caseworker)


def test_talks_cannot_open_on_a_case_not_yet_registered(world: World) -> None:
    response = login(world.caseworker).post(url(world.mine, "open"), {"on": geneva_today().isoformat()})
    assert response.status_code == 400
    assert "registered the case" in response.content.decode()
    assert not Settlement.objects.exists()


def test_only_the_handling_caseworker_records_a_settlement_and_the_family_may_read_it(world: World) -> None:
    case = registered(world)
    for user in (world.filer, world.reviewer):
        assert login(user).post(url(case, "open"), {"on": geneva_today().isoformat()}).status_code == 403
    services.settlement_open(communication=case, on=geneva_today(), actor=world.caseworker)
    page = login(world.filer).get(url(case))
    assert page.status_code == 200
    assert "Record the agreement" not in page.content.decode()
    assert (
        login(world.caseworker)
        .get(reverse("complaints:settlement", args=[world.theirs.reference]))
        .status_code
        == 404
    )


def test_ending_the_talks_lets_the_examination_go_on(world: World) -> None:
    case = registered(world)
    today = geneva_today()
    services.settlement_open(communication=case, on=today - timedelta(days=20), actor=world.caseworker)
    before = case.version
    services.settlement_end(communication=case, on=today, actor=world.caseworker)
    case.refresh_from_db()
    assert case.status == Communication.Status.TRANSMITTED
    assert case.version > before
    with pytest.raises(services.SettlementRefused):
        services.settlement_agree(
            communication=case,
            agreement=services.Agreement(
                agreed_on=today,
                terms="x",
                state_commitments="The school readmits the child at once.",
                author_agreed_on=today,
                child_agreement="agreed",
                child_agreement_on=today,
            ),
            actor=world.caseworker,
        )


def test_a_date_in_the_future_is_refused(world: World) -> None:
    case = registered(world)
    response = login(world.caseworker).post(
        url(case, "open"), {"on": (geneva_today() + timedelta(days=3)).isoformat()}
    )
    assert response.status_code == 400
    assert "in the future" in response.content.decode()


def error_summary(page: str) -> str:
    start = page.index('id="error-summary"')
    return page[start : page.index("</div>", start)]


def test_a_refusal_of_the_service_is_said_once_at_the_top_not_again_in_the_form(world: World) -> None:
    response = login(world.caseworker).post(url(world.mine, "open"), {"on": geneva_today().isoformat()})
    assert response.status_code == 400
    page = response.content.decode()
    message = (
        "Settlement talks can be recorded once the Committee has registered the case, until it decides it."
    )
    assert page.count(message) == 1
    assert message in error_summary(page)


def test_a_missing_answer_is_listed_at_the_top_with_a_link_to_its_field_and_said_once_at_the_field(
    world: World,
) -> None:
    case = registered(world)
    today = geneva_today()
    services.settlement_open(communication=case, on=today - timedelta(days=30), actor=world.caseworker)
    response = login(world.caseworker).post(url(case, "agree"), agreement(today, terms=""))
    assert response.status_code == 400
    page = response.content.decode()
    summary = error_summary(page)
    assert '<a href="#agreement-terms">Terms agreed: This field is required.</a>' in summary
    assert page.count("This field is required.") == 2  # in the summary, and at the field
    field = page[page.index('id="div_agreement-terms"') :]
    assert "This field is required." in field[: field.index('id="div_', 1)]
    assert 'id="agreement-terms"' in page


def test_every_form_of_the_settlement_page_has_ids_of_its_own(world: World) -> None:
    case = registered(world)
    today = geneva_today()
    services.settlement_open(communication=case, on=today - timedelta(days=30), actor=world.caseworker)
    response = login(world.caseworker).post(url(case, "end"), {"on": ""})
    assert response.status_code == 400
    page = response.content.decode()
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert [i for i in set(ids) if ids.count(i) > 1] == []
    assert '<a href="#end-on">Date: This field is required.</a>' in error_summary(page)
