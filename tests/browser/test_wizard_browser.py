"""End to end in headless Chromium: children and parents file, leave and resume; axe checks each page."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from pypdf import PdfWriter
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait

from complaints.models import Communication, Submission, User
from tests.browser.conftest import (
    axe_violations,
    csp_violations,
    screenshot,
    scroll_width_at,
    sign_in,
    small_targets,
)
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


class Filer:
    """A person at the keyboard: fills the page, checks it with axe, moves on."""

    def __init__(self, driver: webdriver.Chrome, base_url: str) -> None:
        self.driver = driver
        self.base_url = base_url
        self.pages_checked = 0

    def check_page(self) -> None:
        violations = axe_violations(self.driver)
        assert violations == [], f"{self.driver.current_url}: {violations}"
        refused = csp_violations(self.driver)
        assert refused == [], f"{self.driver.current_url}: Content-Security-Policy violations: {refused}"
        width, sticking_out = scroll_width_at(self.driver, 320)
        assert width <= 320, f"{self.driver.current_url}: {width} px wide at 320 px: {sticking_out}"
        small = small_targets(self.driver)
        assert small == [], f"{self.driver.current_url}: targets under 24 x 24 px: {small}"
        self.pages_checked += 1

    def open(self, path: str) -> None:
        self.driver.get(self.base_url + path)

    def click(self, element: WebElement) -> None:
        self.driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
        )
        element.click()

    def go(self, element: WebElement) -> None:
        """Click something that loads a new page, and wait until the new page has loaded."""
        self.driver.execute_script("window.__leaving = true;")
        self.click(element)
        WebDriverWait(self.driver, 20).until(
            lambda driver: driver.execute_script(
                "return window.__leaving === undefined && document.readyState === 'complete'"
            )
        )

    def click_css(self, selector: str) -> None:
        self.go(self.driver.find_element(By.CSS_SELECTOR, selector))

    def type(self, name: str, text: str) -> None:
        field = self.driver.find_element(By.NAME, name)
        field.clear()
        field.send_keys(text)

    def date(self, name: str, iso: str) -> None:
        # The wizard's dates are three boxes, typed as a person would: day, month, year. The staff
        # pages keep the browser's date input, which takes keystrokes in the browser's locale
        # order: its value is set as a script would.
        single = self.driver.find_elements(By.CSS_SELECTOR, f'input[type="date"][name="{name}"]')
        if single:
            self.driver.execute_script("arguments[0].value = arguments[1];", single[0], iso)
            return
        year, month, day = iso.split("-")
        for part, text in (("day", str(int(day))), ("month", str(int(month))), ("year", year)):
            self.type(f"{name}_{part}", text)

    def type_and_press_enter(self, name: str, text: str) -> None:
        """Type in a field and press Enter there, as a child does, and wait for the page it loads."""
        self.type(name, text)
        self.driver.execute_script("window.__leaving = true;")
        self.driver.find_element(By.NAME, name).send_keys(Keys.ENTER)
        WebDriverWait(self.driver, 20).until(
            lambda driver: driver.execute_script(
                "return window.__leaving === undefined && document.readyState === 'complete'"
            )
        )

    def switch_language(self, language: str) -> None:
        """The language switch of a step page: a button of the step's form, which saves it first."""
        self.select("switch_language", language)
        self.click_css('button[name="direction"][value="language"]')

    def choose(self, name: str, value: str) -> None:
        self.click(self.driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]'))

    def tick(self, name: str) -> None:
        box = self.driver.find_element(By.NAME, name)
        if not box.is_selected():
            self.click(box)

    def select(self, name: str, value: str) -> None:
        Select(self.driver.find_element(By.NAME, name)).select_by_value(value)

    def press(self, label_value: str = "next") -> None:
        self.check_page()
        # The visible button: the hidden default one that Enter presses comes first on the page.
        self.click_css(f'button[name="direction"][value="{label_value}"]:not([data-default-button])')

    def start_draft(self, audience: str, author_is_victim: str, dossier_language: str) -> None:
        """Start a new draft and answer its first step, which leaves the filer on the second."""
        self.open("/cases/new/")
        self.click_css("main form button[type=submit]")
        self.choose("audience", audience)
        self.choose("author_is_victim", author_is_victim)
        self.choose("dossier_language", dossier_language)
        self.press()

    def step(self) -> str:
        return self.driver.current_url.split("/step/")[-1]

    def heading(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "h1").text


def pdf_file(tmp_path: Path, pages: int = 2) -> str:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "шешім.pdf"
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_a_child_files_for_themself_in_kazakh_on_a_phone(driver: webdriver.Chrome, live_server: Any) -> None:
    child = UserFactory.create(first_name="Айгерім")
    sign_in(driver, live_server.url, child)
    me = Filer(driver, live_server.url)
    me.open("/")
    me.select("language", "kk")
    me.click_css("form[action='/i18n/setlang/'] button")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "kk"
    me.check_page()
    screenshot(driver, "01-home-kk")
    me.open("/cases/new/")
    me.check_page()
    me.click_css("main form button[type=submit]")

    assert me.step() == "who/"
    me.choose("audience", "under_12")
    me.choose("author_is_victim", "True")
    me.choose("dossier_language", "ru")
    screenshot(driver, "02-who-kk")
    me.press()
    # Child mode from here: one question per screen.
    me.type("author-given_name", "Айгерім")
    me.type("author-family_name", "Серікқызы")
    me.press()
    me.date("author-date_of_birth", "2015-03-14")
    me.press()
    me.type("author-email", "aigerim@example.org")
    me.press()
    me.press()  # address: skipped
    me.press()  # nationality: skipped
    assert me.step() == "state/", "a child filing alone is not asked about a lawyer"
    me.select("state", "KAZ")
    me.press()
    me.type("facts_summary", "Мұғалім мені сыныпта ұрды. Мен мектепке барғым келмейді.")
    screenshot(driver, "03-facts-kk")
    # Switching the language keeps what was typed (saved first) and the step.
    me.switch_language("ru")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    assert me.step() == "facts/"
    assert "ұрды" in (driver.find_element(By.NAME, "facts_summary").get_attribute("value") or "")
    me.check_page()
    me.switch_language("kk")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "kk"
    me.press()
    me.date("facts_start", "2024-09-02")
    me.press()
    me.tick("facts_continuing")
    me.press()
    assert me.step() == "rights/"
    me.click(driver.find_element(By.CSS_SELECTOR, 'input[name="situations"][value="hurt_at_school"]'))
    me.type("explanation", "Мұғалім ұрады, директор ештеңе істемеді.")
    screenshot(driver, "04-rights-kk")
    me.press()
    me.choose("exhausted", "no")
    driver.find_element(By.NAME, "remedies-TOTAL_FORMS")  # the list is on the page
    me.press()
    assert me.step().startswith("remedies-exception/")
    me.choose("remedies_exception", "unlikely_effective_relief")
    me.press()
    me.type("remedies_exception_reason", "Прокуратура шағымды қарамады.")
    me.press()
    me.choose("other_procedures_taken", "False")
    me.press()  # other procedures: an explicit no
    me.press()  # urgent?
    me.press()  # interim measures?
    me.press()  # reprisals?
    me.type("remedies_sought", "Мұғалім енді ешкімді ұрмасын.")
    me.press()
    me.press()  # confidentiality: keep names secret (default)
    assert me.step() == "documents/"
    me.press()
    assert me.step() == "review/"
    me.check_page()
    screenshot(driver, "05-review-kk")
    me.click_css("a.btn-primary[href$='/step/sign/']")
    me.type("signed_name", "Айгерім Серікқызы")
    me.tick("confirm")
    me.check_page()
    me.click_css("button.btn-success")

    assert "/submitted/" in driver.current_url, driver.find_element(By.ID, "main").text[:1500]
    me.check_page()
    screenshot(driver, "06-submitted-kk")
    communication = Communication.objects.get(filer=child)
    assert communication.status == "submitted"
    assert communication.audience == "under_12"
    assert "ұрды" in communication.facts_summary
    assert communication.translations == {}
    assert Submission.objects.filter(communication=communication).exists()
    me.open("/cases/")  # the case list and the case page, with their tables
    me.check_page()
    me.open(communication.get_absolute_url())
    me.check_page()
    assert me.pages_checked >= 27


def test_a_parent_files_for_a_young_child_in_russian_with_consent_reasons_and_documents(
    driver: webdriver.Chrome, live_server: Any, tmp_path: Path
) -> None:
    driver.set_window_size(1280, 1000)
    parent = UserFactory.create(first_name="Мария")
    sign_in(driver, live_server.url, parent)
    me = Filer(driver, live_server.url)
    me.open("/")
    me.select("language", "ru")
    me.click_css("form[action='/i18n/setlang/'] button")
    me.open("/cases/new/")
    me.click_css("main form button[type=submit]")
    me.choose("audience", "adult")
    me.choose("author_is_victim", "False")
    me.type("title", "Алия")
    me.choose("dossier_language", "ru")
    me.press()
    me.type("author-given_name", "Мария")
    me.type("author-family_name", "Иванова")
    me.type("author-email", "maria@example.org")
    me.type("author-relationship_to_victim", "мать")
    me.press()
    me.type("victims-0-given_name", "Алия")
    me.type("victims-0-family_name", "Иванова")
    me.date("victims-0-date_of_birth", "2019-04-09")
    me.press()
    assert me.step() == "consent/"
    me.choose("consent-0-consent", "without_consent_justified")
    me.type("consent-0-without_consent_reason", "Ребёнку 6 лет, она не может понять, что такое жалоба в ООН.")
    screenshot(driver, "07-consent-ru")
    me.press()
    me.choose("rep-has_representative", "False")
    me.press()
    me.select("state", "KAZ")
    me.press()
    me.type("facts_summary", "Органы опеки забрали дочь из семьи без решения суда.")
    me.date("facts_start", "2024-09-01")
    me.tick("facts_continuing")
    me.press()
    me.type("articles", "CRC 9, 12")
    me.type("explanation", "Ребёнка разлучили с матерью без суда.")
    me.press()
    final = (timezone.localdate() - timedelta(days=40)).isoformat()
    first = (timezone.localdate() - timedelta(days=200)).isoformat()
    me.choose("exhausted", "yes")
    me.type("remedies-0-authority", "Районный суд")
    me.date("remedies-0-decided_on", first)
    me.press("add")  # saved, and back here at a new empty entry
    assert me.step().startswith("remedies/")
    assert driver.current_url.endswith("#new-entry")
    me.type("remedies-1-authority", "Верховный суд Республики Казахстан")
    me.date("remedies-1-decided_on", final)
    me.tick("remedies-1-is_final")
    me.press()
    assert "дн" in driver.find_element(By.ID, "feedback-heading").find_element(By.XPATH, "..").text
    me.choose("other_procedures_taken", "False")
    me.press()  # procedures: none
    me.press()  # protection
    me.type("remedies_sought", "Вернуть ребёнка матери.")
    me.press()
    me.press()  # confidentiality
    assert me.step() == "documents/"
    Select(driver.find_element(By.NAME, "kind")).select_by_value("domestic_decision")
    me.type("title", "Решение Верховного суда")
    driver.find_element(By.NAME, "file").send_keys(pdf_file(tmp_path, pages=3))
    me.check_page()
    me.click_css("form[enctype] button[type=submit]")
    assert "Решение Верховного суда" in driver.page_source
    me.press()
    assert me.step() == "review/"
    me.click_css("a.btn-primary[href$='/step/sign/']")
    me.type("signed_name", "Мария Иванова")
    me.tick("confirm")
    me.click_css("button.btn-success")

    assert "/submitted/" in driver.current_url
    communication = Communication.objects.get(filer=parent)
    assert communication.status == "submitted"
    assert communication.documents.get().page_count == 3
    victim = communication.people.get(role="victim")
    assert victim.consent == "without_consent_justified"


def test_a_draft_is_left_and_resumed_on_another_device(driver: webdriver.Chrome, live_server: Any) -> None:
    user: User = UserFactory.create()
    sign_in(driver, live_server.url, user)
    me = Filer(driver, live_server.url)
    me.start_draft("adult", "True", "en")
    driver.get(driver.current_url.replace("/step/author/", "/step/facts/"))
    me.type("facts_summary", "The school refused to enrol me.")
    me.press()
    driver.delete_all_cookies()  # the tab is closed; later, another device

    sign_in(driver, live_server.url, user)
    me.open("/cases/")
    me.check_page()
    me.click_css("table a")
    me.go(driver.find_element(By.LINK_TEXT, "Continue the draft"))
    assert me.step() == "review/"
    assert "The school refused to enrol me." in driver.page_source
    me.click_css(".review a[href$='/step/facts/']")
    assert (
        driver.find_element(By.NAME, "facts_summary").get_attribute("value")
        == "The school refused to enrol me."
    )


def test_enter_in_a_field_saves_the_step_and_goes_on_never_switching_the_language(
    driver: webdriver.Chrome, live_server: Any
) -> None:
    child: User = UserFactory.create()
    sign_in(driver, live_server.url, child)
    me = Filer(driver, live_server.url)
    me.start_draft("under_12", "True", "ru")
    assert me.step() == "author/"
    language = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
    # The language switch is the page's first button of the step's form: Enter must not press it.
    me.type("author-given_name", "Aigerim")
    me.type_and_press_enter("author-family_name", "Serikkyzy")
    assert me.step() == "author/?screen=1", driver.find_element(By.TAG_NAME, "h1").text
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    author = Communication.objects.get(filer=child).people.get(role="author")
    assert (author.given_name, author.family_name) == ("Aigerim", "Serikkyzy")
    me.check_page()  # axe, the policy, the width and the targets, with the hidden default button
    # On a second screen "Save and go back" comes before "Save and continue": Enter still goes on.
    me.type("author-date_of_birth_day", "14")
    me.type("author-date_of_birth_month", "3")
    me.type_and_press_enter("author-date_of_birth_year", "2015")
    assert me.step() == "author/?screen=2"
    author.refresh_from_db()
    assert str(author.date_of_birth) == "2015-03-14"
    me.check_page()
