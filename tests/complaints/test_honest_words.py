"""What the portal promises is true: who reads a communication, and what "submitted" means."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from complaints.dossiers.services import dossier_build
from complaints.models import Communication
from tests.conftest import World, login

pytestmark = pytest.mark.django_db


def step(client: Client, communication: Communication, slug: str) -> str:
    response = client.get(reverse("complaints:wizard_step", args=[communication.reference, slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_footer_no_longer_promises_that_only_the_child_helpers_and_committee_read_it(
    client: Client,
) -> None:
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") : html.index("</footer>")]
    assert "Only you, the people you choose to help you, and the UN Committee" not in footer
    assert "the government of the State concerned" in footer


@pytest.mark.parametrize("slug", ["author", "sign"])
def test_who_will_read_it_is_said_before_the_author_step_and_on_the_sign_step(
    world: World, slug: str
) -> None:
    html = step(login(world.filer), world.mine, slug)
    assert 'id="who-reads-heading"' in html
    assert "rules 13 and 29(4)" in html or "But the government will know who you are." in html


def test_who_will_read_it_is_not_repeated_on_other_steps(world: World) -> None:
    assert 'id="who-reads-heading"' not in step(login(world.filer), world.mine, "facts")


def test_the_case_page_says_the_dossier_is_not_sent_until_the_registration_is_recorded(world: World) -> None:
    client = login(world.filer)
    Communication.objects.filter(pk=world.mine.pk).update(status="submitted")
    assert 'id="not-sent-heading"' in client.get(world.mine.get_absolute_url()).content.decode()
    Communication.objects.filter(pk=world.mine.pk).update(status="registered")
    assert 'id="not-sent-heading"' not in client.get(world.mine.get_absolute_url()).content.decode()


def test_the_final_page_says_it_is_signed_in_the_portal_and_not_yet_sent(world: World) -> None:
    Communication.objects.filter(pk=world.mine.pk).update(status="submitted")
    response = login(world.filer).get(reverse("complaints:submitted", args=[world.mine.reference]))
    html = response.content.decode()
    assert 'id="not-sent-heading"' in html
    assert "petitions@ohchr.org" in html
    assert "Well done" not in html


@pytest.mark.parametrize("variant", ["filing", "redacted", "internal"])
def test_the_dossier_claims_no_consent_to_transmission_the_signer_was_never_asked_for(
    world: World, variant: str
) -> None:
    Communication.objects.filter(pk=world.mine.pk).update(dossier_language="en")
    world.mine.refresh_from_db()
    html = dossier_build(communication=world.mine, variant=variant).html
    assert "I agree that it be brought confidentially" not in html
    assert "true to the best of my knowledge" in html
