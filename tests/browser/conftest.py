"""A real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium, with axe-core."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from complaints.models import User

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def driver() -> Iterator[webdriver.Chrome]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        message = "Chromium and chromedriver are needed: apt-get install chromium chromium-driver"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    profile = tempfile.mkdtemp(prefix="opic-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=390,900",
    ):
        options.add_argument(argument)
    # Keep the console, where Chromium reports every Content-Security-Policy violation.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    browser.set_page_load_timeout(30)
    try:
        yield browser
        # Whatever the test did, no page it opened may have broken the policy.
        violations = csp_violations(browser)
        assert violations == [], f"Content-Security-Policy violations: {violations}"
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


def csp_violations(driver: webdriver.Chrome) -> list[str]:
    """The console messages in which Chromium refused something under the Content-Security-Policy.

    Reading the browser log empties it, so each call reports what happened since the last one.
    """
    return [
        entry["message"]
        for entry in driver.get_log("browser")
        if "Content Security Policy" in entry["message"] or "Content-Security-Policy" in entry["message"]
    ]


def sign_in(driver: webdriver.Chrome, base_url: str, user: User) -> None:
    """Give the browser a session for ``user`` (the log-in page itself is tested elsewhere)."""
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    driver.get(base_url + "/healthz")
    driver.add_cookie(
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "path": "/",
        }
    )


def axe_violations(driver: webdriver.Chrome) -> list[dict[str, Any]]:
    """Run axe-core on the current page; return its WCAG 2.2 AA violations of any impact.

    The page is measured from its top, at once (not with the smooth scrolling Bootstrap turns on):
    the quick-exit bar is sticky, so a header button that a click lower down left under it would
    count as an obscured target, depending on where the last click left the page.
    """
    driver.execute_script('window.scrollTo({top: 0, left: 0, behavior: "instant"});')
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
        axe.run(document, {runOnly: {type: "tag", values: tags}})
           .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                               nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}))))
           .catch(e => done([{id: "axe-error", impact: "critical", help: String(e), nodes: []}]));
        """
    )
    return list(result)


def screenshot(driver: webdriver.Chrome, name: str) -> None:
    """Keep a screenshot for the README when SCREENSHOTS=1."""
    if os.environ.get("SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def scroll_width_at(driver: webdriver.Chrome, width: int = 320) -> tuple[int, list[str]]:
    """Return the page's full width (CSS pixels) at a viewport ``width`` pixels wide, and the
    elements that stick out on the right (tag, class and width), for the message of a failure.

    320 px is the narrowest phone the portal is made for (WCAG 2.2, 1.4.10 Reflow): a page wider
    than that scrolls sideways.
    """
    metrics = {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    try:
        return driver.execute_script(
            """
            const limit = arguments[0];
            const out = [...document.body.querySelectorAll("*")]
              .filter(e => e.getBoundingClientRect().right > limit + 0.5)
              .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} ` +
                        `(${Math.round(e.getBoundingClientRect().width)} px)`);
            return [document.documentElement.scrollWidth, out.slice(-8)];
            """,
            width,
        )
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def small_targets(driver: webdriver.Chrome, minimum: float = 24) -> list[str]:
    """Return the visible buttons, fields, tick boxes and toggles smaller than ``minimum`` CSS pixels
    either way (WCAG 2.2, 2.5.8 Target Size; links inside a sentence are exempt, so not checked).

    A wizard step's default button (the one Enter presses) is no target: visually hidden, out of the
    tab order and aria-hidden (axe checks that nothing aria-hidden can take the focus)."""
    return driver.execute_script(
        """
        const minimum = arguments[0] - 0.5;
        return [...document.querySelectorAll(
            "button, select, summary, input:not([type=hidden]), textarea, a.btn")]
          .filter(e => !(e.matches(".visually-hidden[aria-hidden=true][tabindex='-1']")))
          .filter(e => e.offsetParent !== null || e.getClientRects().length)
          .map(e => [e, e.getBoundingClientRect()])
          .filter(([e, r]) => r.width > 0 && (r.width < minimum || r.height < minimum))
          .map(([e, r]) => `${e.tagName.toLowerCase()}[name=${e.name || ""}].${[...e.classList].join(".")} ` +
                            `${Math.round(r.width)}x${Math.round(r.height)}`);
        """,
        minimum,
    )
