"""Caseworkers and ombudsman reviewers at work, in a real headless Chromium."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from admissibility import add_months
from complaints.models import Communication, Organisation, Triage, User
from tests.browser.conftest import sign_in
from tests.browser.test_wizard_browser import Filer
from tests.factories import CommunicationFactory, MembershipFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def caseworker_on_a_registered_case(
    driver: webdriver.Chrome, live_server: Any, committee_reference: str, **fields: Any
) -> tuple[Communication, Filer]:
    """Sign in, on a wide screen, as a caseworker of the NGO handling a case the Committee registered."""
    driver.set_window_size(1280, 1000)
    ngo = OrganisationFactory.create(kind=Organisation.Kind.NGO)
    caseworker = MembershipFactory.create(organisation=ngo, user__role=User.Role.CASEWORKER).user
    case = CommunicationFactory.create(
        organisation=ngo,
        status="registered",
        submitted_on=date(2025, 1, 10),
        registered_on=date(2025, 2, 1),
        committee_reference=committee_reference,
        **fields,
    )
    sign_in(driver, live_server.url, caseworker)
    return case, Filer(driver, live_server.url)


def test_a_caseworker_records_a_transmittal_and_sees_the_states_six_month_deadline(
    driver: webdriver.Chrome, live_server: Any
) -> None:
    case, me = caseworker_on_a_registered_case(
        driver, live_server, "CRC/300/2025", title="Алия v. Kazakhstan"
    )
    me.open("/cases/")
    me.check_page()
    me.click_css("table a")
    me.check_page()
    transmitted = timezone.localdate() - timedelta(days=10)
    Select(driver.find_element(By.NAME, "to")).select_by_value("transmitted")
    me.date("on", transmitted.isoformat())
    me.click_css("#record-heading ~ form button[type=submit]")

    case.refresh_from_db()
    assert case.status == "transmitted"
    deadlines = driver.find_element(By.ID, "deadlines").text
    assert "The State's written explanations" in deadlines
    due = add_months(transmitted, 6)
    shown = driver.find_element(By.CSS_SELECTOR, "#deadlines time").get_attribute("datetime")
    assert shown == due.isoformat()
    me.check_page()


def test_an_ombudsman_reviewer_triages_the_queue(driver: webdriver.Chrome, live_server: Any) -> None:
    driver.set_window_size(1280, 1000)
    office = OrganisationFactory.create(kind=Organisation.Kind.OMBUDSMAN)
    reviewer = MembershipFactory.create(organisation=office, user__role=User.Role.OMBUDSMAN_REVIEWER).user
    calm = CommunicationFactory.create(
        routed_to=office, status="submitted", submitted_on=date(2025, 3, 1), title="Calm case"
    )
    urgent = CommunicationFactory.create(
        routed_to=office,
        status="submitted",
        submitted_on=date(2025, 4, 1),
        title="Fire at Dana's school",
        is_urgent=True,
    )
    sign_in(driver, live_server.url, reviewer)
    me = Filer(driver, live_server.url)
    me.open("/review/")
    me.check_page()
    rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "tbody tr")]
    # Staff know a case by its reference, never by the filer's private title.
    assert urgent.short_reference in rows[0]
    assert calm.short_reference in rows[1]
    assert "Dana" not in driver.page_source
    me.click_css("tbody tr:first-child form button")
    urgent.refresh_from_db()
    assert urgent.claimed_by == reviewer
    me.check_page()
    me.choose("decision", "more_information")
    me.type("reason_for_filer", "Пожалуйста, пришлите решение суда.")
    me.click_css("#review-actions-heading ~ form:last-of-type button[type=submit]")
    assert Triage.objects.get(communication=urgent).decision == "more_information"
    assert "Пожалуйста, пришлите решение суда." in driver.page_source
    me.open("/review/statistics/")
    me.check_page()
    assert calm.status == Communication.Status.SUBMITTED


def test_a_refused_settlement_form_says_its_message_once_at_the_top(
    driver: webdriver.Chrome, live_server: Any
) -> None:
    case, me = caseworker_on_a_registered_case(driver, live_server, "CRC/301/2025")
    me.open(reverse("complaints:settlement", args=[case.reference]))
    me.check_page()
    # A day the browser accepts and the service refuses: before the Committee registered the case.
    day = driver.find_element(By.CSS_SELECTOR, "#open-heading ~ form input[name=on]")
    driver.execute_script("arguments[0].value = '2025-01-20';", day)
    me.click_css("#open-heading ~ form button[type=submit]")

    message = "The talks cannot have opened before the case was registered."
    assert driver.find_element(By.ID, "main").text.count(message) == 1
    assert message in driver.find_element(By.ID, "error-summary").text
    day = driver.find_element(By.CSS_SELECTOR, "#open-heading ~ form input[name=on]")
    assert day.get_attribute("value") == "2025-01-20"
    me.check_page()
