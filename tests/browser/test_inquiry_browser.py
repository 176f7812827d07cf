"""An NGO caseworker records an inquiry (OPIC arts. 13-14) and its steps, in Chromium: the pages
pass axe, fit 320 px, and the refusal for a State that opted out keeps what was typed."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By

from complaints.deadlines.geneva import geneva_today
from complaints.models import Inquiry, Organisation, TreatyStatus, User
from tests.browser.conftest import sign_in
from tests.browser.test_wizard_browser import Filer
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_caseworker_records_an_inquiry_and_sees_its_deadlines_open_and_close(
    driver: webdriver.Chrome, live_server: Any
) -> None:
    ngo = OrganisationFactory.create(kind=Organisation.Kind.NGO)
    caseworker = MembershipFactory.create(organisation=ngo, user__role=User.Role.CASEWORKER).user
    today = geneva_today()
    sign_in(driver, live_server.url, caseworker)
    me = Filer(driver, live_server.url)

    # A State that opted out under art. 13(7) is refused, with the reason, and nothing typed is lost.
    TreatyStatus.objects.filter(iso3="BEL").update(art13_7_declaration=TreatyStatus.Answer.YES)
    me.open("/inquiries/")
    me.check_page()
    me.select("state", "BEL")
    me.type("title", "Children in closed institutions")
    me.date("submitted_on", today.isoformat())
    me.click_css("#new-heading ~ form button[type=submit]")
    assert "does not recognise the Committee's competence" in driver.find_element(By.TAG_NAME, "main").text
    assert driver.find_element(By.NAME, "title").get_attribute("value") == "Children in closed institutions"
    assert not Inquiry.objects.exists()
    me.check_page()

    me.select("state", "KAZ")
    me.date("submitted_on", (today - timedelta(days=10)).isoformat())
    me.click_css("#new-heading ~ form button[type=submit]")
    inquiry = Inquiry.objects.get()
    assert driver.current_url.endswith(inquiry.get_absolute_url())
    me.check_page()

    def step(name: str, on: str, due: str = "") -> None:
        me.select("step", name)
        me.date("on", on)
        if due:
            me.date("due_on", due)
        me.click_css("#step-heading ~ form button[type=submit]")

    def statuses() -> list[str]:
        rows = driver.find_elements(By.CSS_SELECTOR, "#deadlines tbody tr")
        return [row.find_elements(By.TAG_NAME, "td")[2].text.split(" (")[0] for row in rows]

    step(
        "cooperation_invited",
        (today - timedelta(days=5)).isoformat(),
        (today + timedelta(days=60)).isoformat(),
    )
    assert statuses() == ["Open"]
    step("observations_received", today.isoformat())
    assert statuses() == ["Met"]
    step("findings_transmitted", today.isoformat())
    assert statuses() == ["Met", "Open"]
    assert "art. 13(5)" in driver.find_element(By.ID, "deadlines").text
    me.check_page()
