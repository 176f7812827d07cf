"""A caseworker sends a submitted case to the Committee and records its acknowledgement, then takes it
through transmission, the State's observations, comments, Views and follow-up, in Chromium, seeing
each deadline appear and close on the case page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone
from selenium import webdriver
from selenium.webdriver.common.by import By

from complaints.deadlines.geneva import geneva_today
from complaints.deadlines.services import deadlines_recompute
from complaints.models import Communication, Deadline, Dispatch, Dossier, Organisation, User
from tests.browser.conftest import sign_in
from tests.browser.test_wizard_browser import Filer
from tests.factories import (
    CommunicationFactory,
    DomesticRemedyFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_caseworker_sends_the_dossier_by_e_mail_and_records_the_registration(
    driver: webdriver.Chrome, live_server: Any, settings: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    driver.set_window_size(1280, 1000)
    ngo = OrganisationFactory.create(kind=Organisation.Kind.NGO)
    caseworker = MembershipFactory.create(organisation=ngo, user__role=User.Role.CASEWORKER).user
    # The acts recorded are dated in Geneva: "today" is the day that runs there.
    today = geneva_today()
    case = CommunicationFactory.create(
        organisation=ngo,
        status="submitted",
        submitted_on=today - timedelta(days=3),
        signed_name="Aliya",
        signed_on=today - timedelta(days=3),
        title="Алия v. Kazakhstan",
        state="KAZ",
    )
    DomesticRemedyFactory.create(communication=case, is_final=True, decided_on=today - timedelta(days=300))
    dossier = Dossier(
        communication=case,
        variant=Dossier.Variant.FILING,
        status=Dossier.Status.READY,
        requested_version=case.version,
        communication_version=case.version,
        requested_at=timezone.now(),
        page_count=3,
        sha256="a" * 64,
    )
    dossier.file.save("filing.pdf", ContentFile(b"%PDF-1.7 the filing dossier"))
    deadlines_recompute(communication=case)
    assert Deadline.objects.get(communication=case, kind="filing").status == Deadline.Status.OPEN

    sign_in(driver, live_server.url, caseworker)
    me = Filer(driver, live_server.url)
    me.open(case.get_absolute_url())
    me.check_page()
    me.click_css("#dispatch-heading ~ p a")
    me.check_page()
    me.click_css("#email-heading ~ form button[type=submit]")
    assert "Sent by e-mail to petitions@ohchr.org" in driver.find_element(By.TAG_NAME, "main").text
    me.check_page()
    (message,) = mail.outbox
    assert message.attachments[0][1] == b"%PDF-1.7 the filing dossier"
    assert Dispatch.objects.filter(communication=case).count() == 1
    assert Deadline.objects.get(communication=case, kind="filing").status == Deadline.Status.MET

    me.type("registration_reference", "CRC/C/99/D/12/2026")
    me.date("on", today.isoformat())
    me.click_css("#answer-heading ~ form button[type=submit]")
    case.refresh_from_db()
    assert (case.status, case.committee_reference) == (Communication.Status.REGISTERED, "CRC/C/99/D/12/2026")
    me.check_page()

    me.open(case.get_absolute_url().rstrip("/") + "/dispatch/letter/")
    assert "1211 Geneva 10" in driver.find_element(By.TAG_NAME, "address").text
    me.check_page()

    # After registration: each step recorded on the case page opens or closes its deadline there.
    def deadlines() -> dict[str, str]:
        me.open(case.get_absolute_url())
        rows = driver.find_elements(By.CSS_SELECTOR, "#deadlines tbody tr")
        cells = [row.find_elements(By.TAG_NAME, "td") for row in rows]
        return {row[0].text: row[2].text.split(" (")[0] for row in cells}

    def record(status: str) -> None:
        me.open(case.get_absolute_url())
        me.select("to", status)
        me.date("on", today.isoformat())
        me.click_css("#record-heading ~ form button[type=submit]")
        case.refresh_from_db()
        assert case.status == status

    def letter(kind: str, due_days: int) -> None:
        me.open(case.get_absolute_url().rstrip("/") + "/dispatch/")
        me.select("later-kind", kind)
        me.date("later-requested_on", today.isoformat())
        me.date("later-due_on", (today + timedelta(days=due_days)).isoformat())
        me.click_css("form[action$='/dispatch/request/'] button[type=submit]")

    def answered() -> None:
        me.open(case.get_absolute_url().rstrip("/") + "/dispatch/")
        forms = driver.find_elements(By.CSS_SELECTOR, "form[action*='/dispatch/request/']")
        answer = next(form for form in forms if "/answered/" in (form.get_attribute("action") or ""))
        answer_date = answer.find_element(By.NAME, "later-answered_on")
        driver.execute_script("arguments[0].value = arguments[1];", answer_date, today.isoformat())
        me.go(answer.find_element(By.CSS_SELECTOR, "button[type=submit]"))

    explanations = "The State's written explanations"
    separate = "The author's comments on the State's request to examine admissibility separately"
    comments = "The author's comments on the State's observations"
    follow_up = "The State's written response to the Committee's Views"
    further = "The State's further information on follow-up"

    record("transmitted")
    assert deadlines()[explanations] == "Open"
    me.check_page()
    letter("separate_admissibility", 60)
    me.check_page()  # the dispatch page with a later letter of the Committee on it
    assert deadlines()[separate] == "Open"
    answered()
    assert deadlines()[separate] == "Met"
    record("observations_received")
    found = deadlines()
    assert (found[explanations], found[comments]) == ("Met", "Open")
    record("comments_sent")
    assert deadlines()[comments] == "Met"
    record("views_adopted")
    assert deadlines()[follow_up] == "Open"
    me.date("on", today.isoformat())
    me.click_css("#views-transmitted-heading ~ form button[type=submit]")
    case.refresh_from_db()
    assert case.views_transmitted_on == today
    record("follow_up")
    assert deadlines()[follow_up] == "Met"
    letter("further_follow_up", 90)
    assert deadlines()[further] == "Open"
    answered()
    found = deadlines()
    assert found[further] == "Met"
    assert set(found.values()) == {"Met"}  # every deadline the case had is closed
    me.check_page()
