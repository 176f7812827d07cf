"""The "Need help right now?" box is on the case list and the case page too, not only in the wizard."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from complaints.filing.help import CONTACTS
from complaints.models import Communication
from tests.conftest import World, login

pytestmark = pytest.mark.django_db


def test_the_case_list_shows_whom_to_call_in_the_state_of_the_cases(world: World) -> None:
    Communication.objects.filter(pk=world.mine.pk).update(state="KAZ")
    html = login(world.filer).get(reverse("complaints:dashboard")).content.decode()
    assert 'id="help-heading"' in html
    assert 'href="tel:111"' in html


def test_the_case_page_shows_whom_to_call_in_the_state_concerned(world: World) -> None:
    Communication.objects.filter(pk=world.mine.pk).update(state="KAZ")
    html = login(world.filer).get(world.mine.get_absolute_url()).content.decode()
    assert 'id="help-heading"' in html
    assert 'href="tel:112"' in html


def test_an_empty_case_list_still_shows_the_emergency_number(world: World) -> None:
    Communication.objects.filter(filer=world.filer).delete()
    html = login(world.filer).get(reverse("complaints:dashboard")).content.decode()
    assert 'id="help-heading"' in html


SIGNED_IN_PAGES = [
    ("filer", lambda w: reverse("complaints:dashboard")),
    ("filer", lambda w: w.mine.get_absolute_url()),
    ("filer", lambda w: reverse("complaints:communication_start")),
    ("filer", lambda w: reverse("complaints:wizard_step", args=[w.mine.reference, "who"])),
    ("filer", lambda w: reverse("complaints:wizard_step", args=[w.mine.reference, "review"])),
    ("filer", lambda w: reverse("complaints:deadline_list")),
    ("filer", lambda w: reverse("complaints:account")),
    ("filer", lambda w: reverse("mfa_index")),
    ("filer", lambda w: reverse("account_change_password")),
    ("caseworker", lambda w: reverse("complaints:dashboard")),
    ("caseworker", lambda w: w.mine.get_absolute_url()),
    ("caseworker", lambda w: reverse("complaints:child_accounts")),
    ("reviewer", lambda w: reverse("complaints:review_queue")),
    ("reviewer", lambda w: reverse("complaints:review_statistics")),
]


@pytest.mark.parametrize(("persona", "path"), SIGNED_IN_PAGES)
def test_every_kind_of_signed_in_page_has_the_help_box_once(world: World, persona: str, path: Any) -> None:
    Communication.objects.filter(pk=world.mine.pk).update(state="KAZ")
    response = login(getattr(world, persona)).get(path(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('id="help-heading"') == 1
    assert 'href="tel:111"' in html
    assert 'href="tel:112"' in html


def test_a_page_for_visitors_not_signed_in_has_no_help_box(client: Client) -> None:
    assert 'id="help-heading"' not in client.get(reverse("account_login")).content.decode()


def test_every_contact_shown_rests_on_a_public_source() -> None:
    for contacts in CONTACTS.values():
        for contact in contacts:
            assert contact.sources, contact.name
            assert all(source.startswith("https://") for source in contact.sources)


def test_the_unverified_150_line_is_not_shown() -> None:
    assert all(contact.phone != "150" for contacts in CONTACTS.values() for contact in contacts)
