"""The "Need help right now?" box is on the case list and the case page too, not only in the wizard."""

from __future__ import annotations

import pytest
from django.urls import reverse

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
