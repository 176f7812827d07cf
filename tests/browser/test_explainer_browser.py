"""The public explainer in a real headless Chromium at 320 px, in Kazakh and Russian: axe finds nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.browser.conftest import axe_violations, screenshot, scroll_width_at, small_targets

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGES = [
    reverse("complaints:explainer"),
    reverse("complaints:explainer_register", args=["young"]),
    reverse("complaints:explainer_topic", args=["young", "committee"]),
    reverse("complaints:explainer_topic", args=["teen", "privacy"]),
    reverse("complaints:explainer_topic", args=["adult", "help"]),
    reverse("complaints:explainer_check"),
    reverse("complaints:explainer_helpers"),
    reverse("complaints:explainer_class_hour"),
]


def click(driver: webdriver.Chrome, selector: str) -> None:
    """Click an element after scrolling it to the middle of the screen, clear of the sticky quick-exit bar."""
    element = driver.find_element(By.CSS_SELECTOR, selector)
    driver.execute_script('arguments[0].scrollIntoView({block: "center", behavior: "instant"});', element)
    element.click()


def in_language(driver: webdriver.Chrome, base_url: str, language: str) -> None:
    driver.get(base_url + "/healthz")
    driver.add_cookie({"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "path": "/"})


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_explainer_reads_on_a_narrow_phone_with_no_accessibility_violation(
    driver: webdriver.Chrome, live_server: Any, language: str
) -> None:
    driver.set_window_size(320, 900)
    in_language(driver, live_server.url, language)
    for url in PAGES:
        driver.get(live_server.url + url)
        if language == "kk" and url == PAGES[2]:
            screenshot(driver, "08-learn-kk")
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
        assert axe_violations(driver) == [], url
        width, wide = scroll_width_at(driver, 320)
        assert width <= 320, (url, wide)
        assert small_targets(driver) == [], url


def test_a_child_takes_the_check_on_a_phone_and_is_told_to_start(
    driver: webdriver.Chrome, live_server: Any
) -> None:
    driver.set_window_size(320, 900)
    in_language(driver, live_server.url, "kk")
    driver.get(live_server.url + reverse("complaints:explainer_check"))
    Select(driver.find_element(By.NAME, "state")).select_by_value("KAZ")
    click(driver, "input[name=happened][value=still]")
    click(driver, "input[name=courts][value=final]")
    year = Select(driver.find_element(By.NAME, "final_year"))
    year.select_by_index(1)  # this year
    click(driver, "input[name=elsewhere][value=no]")
    click(driver, "form.explainer-check button[type=submit]")
    heading = WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "answer-heading")).text
    assert heading == "Бастай аласың"
    driver.execute_script(
        'document.getElementById("answer-heading").scrollIntoView({block: "start", behavior: "instant"});'
    )
    screenshot(driver, "09-check-kk")
    assert axe_violations(driver) == []


def test_without_javascript_a_reader_follows_the_pages_and_takes_the_check_in_russian(
    driver: webdriver.Chrome, live_server: Any
) -> None:
    in_language(driver, live_server.url, "ru")
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    driver.get(live_server.url + reverse("complaints:explainer"))
    click(driver, "a[href$='/learn/teen/']")
    click(driver, "a[href$='/learn/teen/committee/']")
    assert "Что такое Комитет ООН по правам ребёнка?" in driver.find_element(By.TAG_NAME, "h1").text
    click(driver, "a[rel=next]")
    assert driver.current_url.endswith("/learn/teen/who/")
    driver.get(live_server.url + reverse("complaints:explainer_check"))
    Select(driver.find_element(By.NAME, "state")).select_by_value("KAZ")
    click(driver, "input[name=happened][value=still]")
    click(driver, "input[name=courts][value=not_tried]")
    click(driver, "input[name=elsewhere][value=no]")
    click(driver, "form.explainer-check button[type=submit]")
    heading = WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "answer-heading"))
    assert heading.text == "Сначала поговори с кем-нибудь"
