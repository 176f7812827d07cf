"""The public library of the Committee's decisions in headless Chromium: no account, kk and ru,
320 px, axe-core, and the search form used as a person would (a GET form, no script needed)."""

from __future__ import annotations

from typing import Any

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from complaints.decisions.models import Decision
from tests.browser.conftest import axe_violations, csp_violations, scroll_width_at, small_targets

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def check_page(driver: webdriver.Chrome) -> None:
    violations = axe_violations(driver)
    assert violations == [], f"{driver.current_url}: {violations}"
    assert csp_violations(driver) == []
    width, sticking_out = scroll_width_at(driver, 320)
    assert width <= 320, f"{driver.current_url}: {width} px wide at 320 px: {sticking_out}"
    small = small_targets(driver)
    assert small == [], f"{driver.current_url}: targets under 24 x 24 px: {small}"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_anyone_reads_and_filters_the_decisions_on_a_phone(
    driver: webdriver.Chrome, live_server: Any, language: str
) -> None:
    assert Decision.objects.filter(grounds__isnull=False).exists()  # the shipped file is loaded
    driver.get(live_server.url + "/")
    Select(driver.find_element(By.NAME, "language")).select_by_value(language)
    driver.find_element(By.CSS_SELECTOR, "form[action='/i18n/setlang/'] button").click()
    # The switch posts and redirects: wait for the new page, not the one being left.
    WebDriverWait(
        driver, 20, ignored_exceptions=[NoSuchElementException, StaleElementReferenceException]
    ).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == language)
    driver.get(live_server.url + "/decisions/")
    assert driver.find_elements(By.CSS_SELECTOR, "ol li h3")  # the decisions are listed
    assert driver.find_elements(By.CSS_SELECTOR, "svg.bar-chart")
    check_page(driver)
    Select(driver.find_element(By.NAME, "ground")).select_by_value("OPIC-7-e")
    button = driver.find_element(By.CSS_SELECTOR, "form[action='/decisions/'] button[type=submit]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button)
    button.click()
    WebDriverWait(driver, 20).until(lambda d: "ground=OPIC-7-e" in d.current_url)
    assert "ground=OPIC-7-e" in driver.current_url
    listed = driver.find_elements(By.CSS_SELECTOR, "ol li h3")
    assert listed
    expected = sum("OPIC-7-e" in d.grounds for d in Decision.objects.all())
    assert len(listed) == expected
    check_page(driver)
