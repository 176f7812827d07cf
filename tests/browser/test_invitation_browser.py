"""A caseworker's draft, read and agreed to by the child on a phone, in a real headless Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from allauth.account.models import EmailAddress
from selenium import webdriver
from selenium.webdriver.common.by import By

from complaints.models import Communication, Invitation, Organisation, Person, User
from tests.browser.conftest import screenshot, sign_in
from tests.browser.test_wizard_browser import Filer
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_caseworker_invites_the_child_who_signs_in_reads_the_draft_and_agrees(
    driver: webdriver.Chrome, live_server: Any
) -> None:
    driver.set_window_size(1280, 1000)
    ngo = OrganisationFactory.create(kind=Organisation.Kind.NGO, name="Бала құқығы")
    caseworker = MembershipFactory.create(organisation=ngo, user__role=User.Role.CASEWORKER).user
    sign_in(driver, live_server.url, caseworker)
    me = Filer(driver, live_server.url)
    me.open("/cases/new/")
    me.check_page()
    me.click_css("main form button[type=submit]")
    assert me.step() == "who/"
    assert not driver.find_elements(By.NAME, "audience"), "a caseworker's draft is in adult mode"
    draft = Communication.objects.get(filer=caseworker)
    PersonFactory.create(communication=draft, given_name="Айгерім", family_name="Серікқызы", consent="")

    me.open(draft.get_absolute_url())
    me.click_css("#invitations-heading ~ p a")
    me.check_page()
    me.choose("role", "child")
    me.select("language", "kk")
    me.click_css("main form button[type=submit]")
    me.check_page()
    link = driver.find_element(By.ID, "invitation-link").get_attribute("value") or ""
    path = link.split("/invite/", 1)[1]

    # The child, on a phone, signed out: the page names no child until they sign in.
    driver.delete_all_cookies()
    driver.set_window_size(390, 900)
    child = UserFactory.create(role=User.Role.FILER, email="aigerim@example.org", filer_kind="child")
    child.set_password("a-long-child-password-2026")
    child.save()
    EmailAddress.objects.update_or_create(
        user=child, email=child.email, defaults={"verified": True, "primary": True}
    )
    me.open(f"/invite/{path}")
    me.check_page()
    assert "Серікқызы" not in driver.page_source
    me.click_css("main a.btn-primary")  # sign in
    me.type("login", "aigerim@example.org")
    me.type("password", "a-long-child-password-2026")
    me.click_css("main form button[type=submit]")
    me.click_css("main form button[type=submit]")  # open it with my account
    assert "Серікқызы" in driver.page_source
    me.check_page()
    screenshot(driver, "07-child-reviews-draft")
    me.choose("answer", "agreed")
    me.type("own_words", "Мен мектепке қайта барғым келеді.")
    me.click_css("main form button[type=submit]")
    me.check_page()

    victim = Person.objects.get(communication=draft, role="victim")
    assert victim.consent == Person.Consent.GIVEN
    assert victim.consent_statement == "Мен мектепке қайта барғым келеді."
    assert Invitation.objects.get(communication=draft).accepted_by == child
