"""The inquiry procedure (OPIC arts. 13-14): who may send and see one, its steps, its deadlines,
the refusal for a State that opted out under art. 13(7), and its place in the calendar feed."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from complaints.deadlines.calendar import calendar_feed_create
from complaints.deadlines.rules import InquiryKind, State
from complaints.inquiries.selectors import inquiry_deadlines
from complaints.inquiries.services import InquiryRefused, inquiry_create, inquiry_record_step
from complaints.models import Inquiry, InquiryEvent, TreatyStatus
from tests.conftest import World, login
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

D = date


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    # Noon in Geneva on 1 December 2026: every date of these tests has begun there.
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 12, 1, 11, 0, tzinfo=UTC))


def kazakhstan() -> TreatyStatus:
    return TreatyStatus.objects.get(iso3="KAZ")


def sent(world: World, **extra: object) -> Inquiry:
    fields = {"title": "Children in closed institutions", "summary": "", "submitted_on": D(2026, 1, 12)}
    fields.update(extra)
    return inquiry_create(user=world.caseworker, state=kazakhstan(), organisation=world.ngo, **fields)  # type: ignore[arg-type]


def kinds(inquiry: Inquiry) -> dict[InquiryKind, tuple[date, State]]:
    return {c.kind: (c.due_on, c.state) for c in inquiry_deadlines(inquiry)}  # type: ignore[misc]


def test_an_ngo_records_an_inquiry_and_each_step_opens_and_closes_its_deadline(
    world: World, frozen: None
) -> None:
    inquiry = sent(world)
    assert inquiry.status == Inquiry.Status.SUBMITTED
    assert kinds(inquiry) == {}

    step = lambda name, on, due=None: inquiry_record_step(  # noqa: E731
        user=world.caseworker, reference=inquiry.reference, step=name, on=on, due_on=due
    )
    inquiry = step("cooperation_invited", D(2026, 2, 2), D(2026, 4, 2))
    assert kinds(inquiry) == {InquiryKind.COOPERATION: (D(2026, 4, 2), State.OPEN)}
    inquiry = step("observations_received", D(2026, 3, 30))
    assert kinds(inquiry)[InquiryKind.COOPERATION] == (D(2026, 4, 2), State.MET)
    inquiry = step("findings_transmitted", D(2026, 5, 31))
    assert kinds(inquiry)[InquiryKind.FINDINGS] == (D(2026, 11, 30), State.OPEN)  # art. 13(5): six months
    inquiry = step("findings_answered", D(2026, 11, 30))
    assert kinds(inquiry)[InquiryKind.FINDINGS] == (D(2026, 11, 30), State.MET)
    inquiry = step("follow_up_requested", D(2026, 12, 1), D(2027, 3, 1))
    assert kinds(inquiry)[InquiryKind.FURTHER_INFORMATION] == (D(2027, 3, 1), State.OPEN)
    assert inquiry.version == 6
    assert list(InquiryEvent.objects.filter(inquiry=inquiry).values_list("step", flat=True)) == [
        "submitted",
        "cooperation_invited",
        "observations_received",
        "findings_transmitted",
        "findings_answered",
        "follow_up_requested",
    ]


def test_an_inquiry_against_a_state_that_opted_out_under_article_13_7_is_refused(world: World) -> None:
    TreatyStatus.objects.filter(iso3="KAZ").update(art13_7_declaration=TreatyStatus.Answer.YES)
    with pytest.raises(InquiryRefused, match="13\\(7\\)"):
        sent(world)
    assert not Inquiry.objects.exists()


def test_an_inquiry_against_a_state_not_party_is_refused(world: World) -> None:
    TreatyStatus.objects.filter(iso3="KAZ").update(opic_status=TreatyStatus.OpicStatus.SIGNATORY)
    with pytest.raises(InquiryRefused, match="not a party"):
        sent(world)


def test_steps_follow_the_order_of_the_protocol_and_refuse_bad_dates(world: World, frozen: None) -> None:
    inquiry = sent(world)
    with pytest.raises(InquiryRefused, match="cannot go on"):
        inquiry_record_step(
            user=world.caseworker, reference=inquiry.reference, step="findings_answered", on=D(2026, 3, 1)
        )
    with pytest.raises(InquiryRefused, match="date the Committee set"):
        inquiry_record_step(
            user=world.caseworker, reference=inquiry.reference, step="cooperation_invited", on=D(2026, 3, 1)
        )
    with pytest.raises(InquiryRefused, match="before the last step"):
        inquiry_record_step(
            user=world.caseworker,
            reference=inquiry.reference,
            step="cooperation_invited",
            on=D(2026, 1, 11),
            due_on=D(2026, 3, 1),
        )
    with pytest.raises(InquiryRefused, match="future"):
        inquiry_record_step(
            user=world.caseworker,
            reference=inquiry.reference,
            step="cooperation_invited",
            on=D(2026, 12, 2),
            due_on=D(2027, 3, 1),
        )
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.version) == (Inquiry.Status.SUBMITTED, 1)


def test_only_the_sending_organisation_and_administrators_see_or_record_an_inquiry(
    world: World, frozen: None
) -> None:
    inquiry = sent(world)
    stranger = MembershipFactory.create().user  # a caseworker of another NGO
    with pytest.raises(Http404):
        inquiry_record_step(user=stranger, reference=inquiry.reference, step="closed", on=D(2026, 2, 1))
    with pytest.raises(PermissionDenied):
        inquiry_create(
            user=world.filer,
            state=kazakhstan(),
            organisation=world.ngo,
            title="x",
            summary="",
            submitted_on=D(2026, 1, 1),
        )
    with pytest.raises(PermissionDenied):  # a reviewer of an office cannot send in an NGO's name
        inquiry_create(
            user=world.reviewer,
            state=kazakhstan(),
            organisation=world.ngo,
            title="x",
            summary="",
            submitted_on=D(2026, 1, 1),
        )
    assert login(world.filer).get(reverse("complaints:inquiry", args=[inquiry.reference])).status_code == 404
    assert login(stranger).get(reverse("complaints:inquiry", args=[inquiry.reference])).status_code == 404
    page = login(world.admin).get(reverse("complaints:inquiry", args=[inquiry.reference]))
    assert page.status_code == 200


def test_the_pages_create_an_inquiry_record_a_step_and_show_its_deadline(world: World, frozen: None) -> None:
    client = login(world.caseworker)
    response = client.post(
        reverse("complaints:inquiries"),
        {
            "state": "KAZ",
            "organisation": world.ngo.pk,
            "title": "Children in closed institutions",
            "summary": "Reports of three monitoring visits.",
            "submitted_on": "2026-01-12",
        },
    )
    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == inquiry.get_absolute_url()
    response = client.post(
        reverse("complaints:inquiry_step", args=[inquiry.reference]),
        {"step": "cooperation_invited", "on": "2026-02-02", "due_on": "2026-04-02"},
    )
    assert response.status_code == 302
    page = client.get(inquiry.get_absolute_url())
    assert page.status_code == 200
    assert "2026-04-02" in page.content.decode()
    assert "art. 13(1)" in page.content.decode()


def test_an_opted_out_state_is_refused_on_the_page_with_its_reason_and_nothing_is_lost(world: World) -> None:
    TreatyStatus.objects.filter(iso3="KAZ").update(art13_7_declaration=TreatyStatus.Answer.YES)
    response = login(world.caseworker).post(
        reverse("complaints:inquiries"),
        {
            "state": "KAZ",
            "organisation": world.ngo.pk,
            "title": "Kept title",
            "summary": "",
            "submitted_on": "2026-01-12",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "13(7)" in body
    assert 'value="Kept title"' in body
    assert not Inquiry.objects.exists()


def test_the_calendar_feed_carries_an_inquirys_open_deadline_without_its_title(
    world: World, frozen: None
) -> None:
    inquiry = sent(world)
    inquiry_record_step(
        user=world.caseworker,
        reference=inquiry.reference,
        step="cooperation_invited",
        on=D(2026, 11, 20),
        due_on=D(2027, 1, 20),
    )
    _feed, token = calendar_feed_create(user=world.caseworker)
    response = Client().get(reverse("complaints:calendar_feed", args=[token]))
    assert response.status_code == 200
    events = [c for c in Calendar.from_ical(response.content).walk("VEVENT")]
    ours = [e for e in events if str(e["uid"]).startswith(f"inquiry-{inquiry.reference}")]
    assert len(ours) == 1
    assert ours[0].decoded("dtstart") == D(2027, 1, 20)
    assert "art. 13(1)" in str(ours[0]["description"])
    assert "closed institutions" not in response.content.decode()
    # Someone who does not see the inquiry does not get it in their feed.
    other = UserFactory.create()
    _feed, token = calendar_feed_create(user=other)
    assert (
        f"inquiry-{inquiry.reference}"
        not in Client().get(reverse("complaints:calendar_feed", args=[token])).content.decode()
    )
