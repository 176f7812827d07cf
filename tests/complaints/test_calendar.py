"""The iCalendar feed: a secret, revocable address that lists a user's deadlines and names no child."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from complaints.deadlines.calendar import calendar_feed_create, calendar_feed_revoke, token_digest
from complaints.deadlines.services import deadlines_recompute
from complaints.models import CalendarFeed, Deadline
from tests.conftest import World, login
from tests.factories import CommunicationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def feed_url(token: str) -> str:
    return reverse("complaints:calendar_feed", args=[token])


def test_the_feed_lists_the_users_deadlines_without_names_or_titles(world: World) -> None:
    today = timezone.localdate()
    communication = CommunicationFactory.create(
        filer=world.filer,
        title="Aigerim-private-case",
        status="transmitted",
        submitted_on=today - timedelta(days=100),
        transmitted_on=today - timedelta(days=20),
        committee_reference="CRC/123/2025",
    )
    PersonFactory.create(communication=communication, given_name="Aigerim", family_name="Nurlanovna")
    deadlines_recompute(communication=communication)
    _feed, token = calendar_feed_create(user=world.filer)

    response = Client().get(feed_url(token))  # calendar apps do not log in
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    for private in ("Aigerim", "Nurlanovna", communication.title, world.theirs.title, world.secret):
        assert private not in body
    events = {str(e["UID"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}
    state = Deadline.objects.get(communication=communication, kind="state_explanations")
    event = events[f"deadline-{state.pk}@opic-portal"]
    assert event.decoded("DTSTART") == state.due_on
    assert communication.short_reference in str(event["SUMMARY"])
    assert "CRC/123/2025" in str(event["SUMMARY"])
    assert "Optional Protocol, art. 8(2)" in str(event["DESCRIPTION"])  # the source, in the user's language
    assert str(event["URL"]).endswith(communication.get_absolute_url())
    # Only what the feed's owner may see: the stranger's case is not there.
    assert not any(
        str(e["UID"]) == f"deadline-{d.pk}@opic-portal"
        for e in events.values()
        for d in Deadline.objects.filter(communication=world.theirs)
    )


def status(url: str) -> int:
    return Client().get(url).status_code


def test_a_revoked_or_unknown_address_answers_404(world: World) -> None:
    _feed, token = calendar_feed_create(user=world.filer)
    assert status(feed_url(token)) == 200
    calendar_feed_revoke(user=world.filer)
    assert status(feed_url(token)) == 404
    assert status(feed_url("not-a-token")) == 404


def test_a_new_address_revokes_the_old_one_and_only_its_digest_is_stored(world: World) -> None:
    _old, old_token = calendar_feed_create(user=world.filer)
    feed, token = calendar_feed_create(user=world.filer)
    assert status(feed_url(old_token)) == 404
    assert status(feed_url(token)) == 200
    assert CalendarFeed.objects.filter(user=world.filer, revoked_at=None).get() == feed
    assert feed.token_sha256 == token_digest(token)
    assert not CalendarFeed.objects.filter(token_sha256=token).exists()


def test_an_inactive_users_feed_answers_404(world: World) -> None:
    _feed, token = calendar_feed_create(user=world.filer)
    world.filer.is_active = False
    world.filer.save()
    assert status(feed_url(token)) == 404


def test_the_address_is_made_shown_once_and_stopped_from_the_deadlines_page(world: World) -> None:
    client = login(world.filer)
    response = client.post(reverse("complaints:calendar_feed_new"))
    assert response.status_code == 200
    url = response.context["url"]
    assert "/calendar/" in url
    assert url.endswith(".ics")
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert status(feed_url(token)) == 200
    page = client.get(reverse("complaints:deadline_list")).content.decode()
    assert token not in page
    client.post(reverse("complaints:calendar_feed_stop"))
    assert status(feed_url(token)) == 404
