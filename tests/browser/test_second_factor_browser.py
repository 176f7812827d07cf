"""A new caseworker sets up an authenticator app, then signs in with password and code."""

from __future__ import annotations

import time
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By

from complaints.models import Organisation, User
from tests.browser.test_wizard_browser import Filer
from tests.conftest import totp_code
from tests.factories import PASSWORD, CommunicationFactory, MembershipFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def fresh_code(secret: str, used: set[str]) -> str:
    """A code the portal has not seen yet and that stays valid while it is typed and sent.

    A code works once, so wait for the next one if needed; and a code in the last seconds of its
    30-second step may be checked in the next one, so wait for that step to begin.
    """
    remaining = 30 - time.time() % 30
    if remaining < 5:
        time.sleep(remaining + 0.2)
    code = totp_code(secret)
    while code in used:
        time.sleep(1)
        code = totp_code(secret)
    used.add(code)
    return code


def test_a_new_caseworker_is_sent_to_enrol_then_signs_in_with_password_and_code(
    driver: webdriver.Chrome, live_server: Any
) -> None:
    driver.set_window_size(1280, 1000)
    ngo = OrganisationFactory.create(kind=Organisation.Kind.NGO)
    caseworker = MembershipFactory.create(
        organisation=ngo, user__role=User.Role.CASEWORKER, user__second_factor=False
    ).user
    # The filer's private title is for the filer alone: the caseworker knows the case by its reference.
    case = CommunicationFactory.create(organisation=ngo, title="Алия v. Kazakhstan")
    me = Filer(driver, live_server.url)
    used: set[str] = set()

    me.open("/accounts/login/")
    me.check_page()
    me.type("login", caseworker.email)
    me.type("password", PASSWORD)
    me.click_css("main form button[type=submit]")

    # Sent to set up a second factor, whatever page was asked for.
    assert driver.current_url == live_server.url + "/accounts/2fa/"
    assert "needs a second factor" in driver.page_source
    me.check_page()
    me.open("/cases/")
    assert driver.current_url == live_server.url + "/accounts/2fa/"
    me.click_css('a[href="/accounts/2fa/totp/activate/"]')

    assert driver.current_url == live_server.url + "/accounts/2fa/totp/activate/"
    me.check_page()
    secret = driver.find_element(By.ID, "authenticator_secret").get_attribute("value")
    assert secret
    me.type("code", fresh_code(secret, used))
    me.click_css("main form button[type=submit]")

    assert driver.current_url == live_server.url + "/accounts/2fa/recovery-codes/"
    me.check_page()
    codes = driver.find_element(By.TAG_NAME, "main").text
    assert sum(1 for word in codes.split() if word.isdigit() and len(word) == 8) == 10

    me.open("/cases/")
    assert case.short_reference in driver.page_source
    me.click_css("form[action='/accounts/logout/'] button")
    assert case.short_reference not in driver.page_source

    me.open("/accounts/login/?next=/cases/")
    me.type("login", caseworker.email)
    me.type("password", PASSWORD)
    me.click_css("main form button[type=submit]")
    assert driver.current_url.startswith(live_server.url + "/accounts/2fa/authenticate/")
    me.check_page()
    me.type("code", fresh_code(secret, used))
    me.click_css("main form button[type=submit]")

    assert driver.current_url == live_server.url + "/cases/"
    assert case.short_reference in driver.page_source
    me.check_page()
