"""A caseworker sends a submitted case to the Committee and records its acknowledgement, in Chromium."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone
from selenium import webdriver
from selenium.webdriver.common.by import By

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
    today = timezone.localdate()
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
