"""The Content-Security-Policy in a real headless Chromium: the scripts still work and nothing is refused."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from complaints.models import Dossier, Organisation, User
from tests.browser.conftest import csp_violations, sign_in
from tests.browser.test_wizard_browser import Filer
from tests.factories import CommunicationFactory, MembershipFactory, OrganisationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def session_exists(session_key: str) -> bool:
    return bool(import_module(settings.SESSION_ENGINE).SessionStore().exists(session_key))


def open_case_then_leave(driver: webdriver.Chrome, base_url: str, leave: Callable[[], None]) -> str:
    """Sign a child in, open the dashboard and the case, leave quickly; return the old session key."""
    filer = UserFactory.create(role=User.Role.FILER)
    case = CommunicationFactory.create(filer=filer, title="Only for me: the school story")
    sign_in(driver, base_url, filer)
    session_key = driver.get_cookie(settings.SESSION_COOKIE_NAME)["value"]  # type: ignore[index]
    driver.get(base_url + "/cases/")
    driver.get(base_url + case.get_absolute_url())
    assert "the school story" in driver.page_source
    leave()
    WebDriverWait(driver, 10).until(lambda d: d.current_url == base_url + "/healthz")
    return session_key


def assert_back_shows_no_portal_content(driver: webdriver.Chrome, base_url: str, session_key: str) -> None:
    driver.back()
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert "the school story" not in driver.page_source
    assert "My cases" not in driver.page_source
    assert driver.get_cookie(settings.SESSION_COOKIE_NAME) is None
    assert not session_exists(session_key)


def test_quick_exit_by_one_press_signs_out_and_back_shows_no_portal_content(
    driver: webdriver.Chrome, live_server: Any, settings: Any
) -> None:
    settings.QUICK_EXIT_URL = live_server.url + "/healthz"  # the tests have no internet
    button = (By.CSS_SELECTOR, "[data-quick-exit] button")
    key = open_case_then_leave(driver, live_server.url, lambda: driver.find_element(*button).click())
    assert_back_shows_no_portal_content(driver, live_server.url, key)
    assert csp_violations(driver) == []


def test_quick_exit_by_shift_escape_signs_out_too(
    driver: webdriver.Chrome, live_server: Any, settings: Any
) -> None:
    settings.QUICK_EXIT_URL = live_server.url + "/healthz"

    def shift_escape() -> None:
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.ESCAPE).key_up(Keys.SHIFT).perform()

    key = open_case_then_leave(driver, live_server.url, shift_escape)
    assert_back_shows_no_portal_content(driver, live_server.url, key)


def test_quick_exit_without_javascript_signs_out_and_back_shows_no_portal_content(
    driver: webdriver.Chrome, live_server: Any, settings: Any
) -> None:
    settings.QUICK_EXIT_URL = live_server.url + "/healthz"
    # form.submit() fires no submit event: the browser's own form post, as without JavaScript.
    key = open_case_then_leave(
        driver,
        live_server.url,
        lambda: driver.execute_script("document.querySelector('[data-quick-exit]').submit();"),
    )
    assert_back_shows_no_portal_content(driver, live_server.url, key)


def test_the_dossier_status_is_polled_and_shown_without_a_reload(
    driver: webdriver.Chrome, live_server: Any
) -> None:
    filer = UserFactory.create(role=User.Role.FILER)
    case = CommunicationFactory.create(filer=filer)
    dossier = Dossier.objects.create(
        communication=case,
        variant=Dossier.Variant.FILING,
        status=Dossier.Status.QUEUED,
        requested_version=case.version,
        communication_version=case.version,
        requested_at=timezone.now(),
    )
    sign_in(driver, live_server.url, filer)
    driver.get(live_server.url + case.get_absolute_url())
    download = driver.find_element(By.CSS_SELECTOR, "[data-dossier-download]")
    assert not download.is_displayed()
    dossier.file.save("filing.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    dossier.status = Dossier.Status.READY
    dossier.finished_at = timezone.now()
    dossier.save()
    WebDriverWait(driver, 15).until(lambda d: download.is_displayed())
    assert (download.get_attribute("href") or "").endswith(f"/dossiers/{dossier.pk}/download/")
    assert csp_violations(driver) == []


def test_the_review_statistics_and_the_api_docs_render_under_the_policy(
    driver: webdriver.Chrome, live_server: Any
) -> None:
    driver.set_window_size(1280, 1000)
    office = OrganisationFactory.create(kind=Organisation.Kind.OMBUDSMAN)
    reviewer = MembershipFactory.create(organisation=office, user__role=User.Role.OMBUDSMAN_REVIEWER).user
    sign_in(driver, live_server.url, reviewer)
    driver.get(live_server.url + "/review/statistics/")
    assert driver.find_elements(By.CSS_SELECTOR, "figure")
    assert csp_violations(driver) == []
    driver.get(live_server.url + "/api/docs/")
    # ReDoc draws the schema's title once it has fetched and rendered the schema.
    WebDriverWait(driver, 20).until(lambda d: "OPIC portal API" in d.find_element(By.TAG_NAME, "body").text)
    # ReDoc's "API docs by Redocly" link fetches its logo from redoc.ly; the policy blocks that
    # third-party request on purpose (ReDoc then drops the image). Nothing else may be refused.
    refused = csp_violations(driver)
    assert [message for message in refused if "https://cdn.redoc.ly/redoc/logo-mini.svg" not in message] == []


def test_a_parent_makes_a_child_account_and_the_child_starts_it_on_a_phone(
    driver: webdriver.Chrome, live_server: Any
) -> None:
    parent = UserFactory.create(role=User.Role.FILER, filer_kind=User.FilerKind.PARENT)
    sign_in(driver, live_server.url, parent)
    me = Filer(driver, live_server.url)
    me.open("/cases/")
    me.check_page()
    me.click_css("a[href='/account/children/']")
    me.check_page()
    me.type("username", "sunny-fox")
    me.click_css("main form button[type=submit]")
    code = driver.find_element(By.CSS_SELECTOR, "[data-start-code]").text
    me.check_page()

    driver.delete_all_cookies()  # the child, on their own phone
    me.open("/accounts/login/")
    me.check_page()
    me.click_css("main a[href='/start/']")
    me.check_page()
    me.type("username", "sunny-fox")
    me.type("code", code)
    me.type("password1", "blue-horse-river-42")
    me.type("password2", "blue-horse-river-42")
    me.click_css("main form button[type=submit]")
    assert driver.current_url == live_server.url + "/cases/"
    me.check_page()
