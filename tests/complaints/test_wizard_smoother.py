"""The wizard, smoother: dates as day, month and year; an introduction said once; lists that grow in place."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import Client

from complaints.filing.dates import DatePartsField
from complaints.models import Communication
from complaints.selectors import communication_assessment
from tests.complaints.test_wizard import fill_parent_case, post, start, url
from tests.conftest import login
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def parent() -> Client:
    return login(UserFactory.create())


@pytest.fixture
def draft(parent: Client) -> Communication:
    c = start(parent)
    post(parent, c, "who", {"audience": "adult", "author_is_victim": "False", "dossier_language": "ru"})
    return c


# ---- Dates ----


def test_a_date_is_asked_as_day_month_and_year_boxes_with_a_numeric_keyboard(
    parent: Client, draft: Communication
) -> None:
    page = parent.get(url(draft, "facts")).content.decode()
    for part in ("day", "month", "year"):
        assert f'name="facts_start_{part}"' in page
        assert f'<label class="form-label small mb-0" for="id_facts_start_{part}">' in page
    assert 'inputmode="numeric"' in page
    assert 'type="date"' not in page
    assert "<legend" in page


def test_a_date_typed_in_three_boxes_is_saved(parent: Client, draft: Communication) -> None:
    response = post(
        parent,
        draft,
        "facts",
        {"facts_summary": "…", "facts_start_day": "2", "facts_start_month": "9", "facts_start_year": "2024"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.facts_start == date(2024, 9, 2)


def test_a_saved_date_is_shown_again_in_its_three_boxes(parent: Client, draft: Communication) -> None:
    Communication.objects.filter(pk=draft.pk).update(facts_start=date(2024, 9, 2))
    page = parent.get(url(draft, "facts")).content.decode()
    assert 'name="facts_start_day" id="id_facts_start_day" value="2"' in page
    assert 'name="facts_start_month" id="id_facts_start_month" value="9"' in page
    assert 'name="facts_start_year" id="id_facts_start_year" value="2024"' in page


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("31", "2", "2024", "This date does not exist. Check the day and the month."),
        ("3", "13", "2024", "The month is a number from 1 to 12."),
        ("3", "4", "24", "Write the year with 4 digits, for example 2024."),
        ("", "4", "2024", "Add the day."),
        ("3", "", "", "Enter the day, the month and the year, for example 27 3 2024."),
        ("3", "four", "2024", "Use numbers only, for example 27 3 2024."),
    ],
)
def test_an_impossible_date_gets_a_clear_error_and_keeps_what_was_typed(
    parent: Client, draft: Communication, day: str, month: str, year: str, message: str
) -> None:
    typed = "Учитель не пустил меня в класс."
    response = post(
        parent,
        draft,
        "facts",
        {
            "facts_summary": typed,
            "facts_start_day": day,
            "facts_start_month": month,
            "facts_start_year": year,
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert typed in page
    assert f'name="facts_start_month" id="id_facts_start_month" value="{month}"' in page
    assert f'name="facts_start_year" id="id_facts_start_year" value="{year}"' in page
    assert 'href="#id_facts_start_day"' in page  # the error summary leads to the first box
    draft.refresh_from_db()
    assert draft.facts_start is None
    assert draft.facts_summary == ""


def test_an_empty_optional_date_stays_empty_and_a_date_posted_whole_is_read_too() -> None:
    field = DatePartsField(required=False)
    assert field.clean({"day": "", "month": "", "year": ""}) is None
    assert field.clean("2019-04-09") == date(2019, 4, 9)
    assert not field.has_changed(None, {"day": "", "month": "", "year": ""})
    assert field.has_changed(None, {"day": "1", "month": "", "year": ""})


# ---- Introductions ----


def test_a_childs_step_introduction_is_shown_on_its_first_screen_only(parent: Client) -> None:
    c = start(parent)
    post(parent, c, "who", {"audience": "under_12", "author_is_victim": "True", "dossier_language": "ru"})
    intro = "Tell us what happened, in your own words. Start from the beginning."
    assert intro in parent.get(url(c, "facts")).content.decode()
    assert intro not in parent.get(url(c, "facts", 1)).content.decode()
    assert intro not in parent.get(url(c, "facts", 2)).content.decode()


# ---- Lists that grow in place ----


def test_save_and_add_another_keeps_the_entry_and_comes_back_to_a_new_one(
    parent: Client, draft: Communication
) -> None:
    response = post(
        parent,
        draft,
        "remedies",
        {
            "exhausted": "no",
            "remedies-TOTAL_FORMS": "1",
            "remedies-INITIAL_FORMS": "0",
            "remedies-0-authority": "Полиция",
            "remedies-0-started_on_day": "3",
            "remedies-0-started_on_month": "10",
            "remedies-0-started_on_year": "2024",
            "direction": "add",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == url(draft, "remedies") + "#new-entry"
    [remedy] = draft.remedies.all()
    assert (remedy.authority, remedy.started_on) == ("Полиция", date(2024, 10, 3))
    page = parent.get(response["Location"]).content.decode()
    assert f'id="entry-{remedy.pk}"' in page
    assert 'id="new-entry"' in page


def test_a_new_empty_entry_has_no_delete_tick(parent: Client, draft: Communication) -> None:
    page = parent.get(url(draft, "remedies")).content.decode()
    assert 'name="remedies-0-DELETE"' not in page


# ---- The same matter elsewhere (art. 7(d)) ----


def procedures_finding(c: Communication) -> tuple[str, str]:
    c.refresh_from_db()
    assessment = communication_assessment(communication=c, lang="en")
    [finding] = [f for f in assessment.findings if f.criterion == "OPIC-7-d"]
    return finding.outcome, finding.reason


def test_the_other_procedures_step_asks_yes_or_no_first(parent: Client, draft: Communication) -> None:
    page = parent.get(url(draft, "procedures")).content.decode()
    first_question = page.index('name="other_procedures_taken"')
    assert first_question < page.index('name="procedures-0-body"')
    assert 'name="procedures-0-DELETE"' not in page


def test_no_answer_yet_stays_unknown_for_the_check_and_an_explicit_no_means_none(
    parent: Client, draft: Communication
) -> None:
    empty = {"procedures-TOTAL_FORMS": "1", "procedures-INITIAL_FORMS": "0"}
    assert post(parent, draft, "procedures", empty).status_code == 302
    draft.refresh_from_db()
    assert draft.other_procedures_taken is None
    assert procedures_finding(draft)[0] == "needs_review"  # missing, not "no", and not inadmissible

    assert post(parent, draft, "procedures", {**empty, "other_procedures_taken": "False"}).status_code == 302
    draft.refresh_from_db()
    assert draft.other_procedures_taken is False
    assert procedures_finding(draft)[0] == "met"
    assert "None" in parent.get(url(draft, "review")).content.decode()


def test_a_yes_needs_the_body_and_a_no_with_a_body_listed_is_refused_with_nothing_lost(
    parent: Client, draft: Communication
) -> None:
    empty = {"procedures-TOTAL_FORMS": "1", "procedures-INITIAL_FORMS": "0"}
    response = post(parent, draft, "procedures", {**empty, "other_procedures_taken": "True"})
    assert response.status_code == 400
    assert "Name the body below, or answer no if there was none." in response.content.decode()

    listed = {
        **empty,
        "procedures-0-body": "European Court of Human Rights",
        "procedures-0-status": "pending",
        "procedures-0-same_matter": "true",
    }
    response = post(parent, draft, "procedures", {**listed, "other_procedures_taken": "False"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "You answered no, but a body is listed below" in page
    assert "European Court of Human Rights" in page
    assert not draft.other_procedures.exists()

    assert post(parent, draft, "procedures", {**listed, "other_procedures_taken": "True"}).status_code == 302
    draft.refresh_from_db()
    assert draft.other_procedures_taken is True
    assert [p.body for p in draft.other_procedures.all()] == ["European Court of Human Rights"]


# ---- The language switch saves the step first ----


def test_the_language_switch_on_a_step_is_a_button_of_the_step_form(
    parent: Client, draft: Communication
) -> None:
    page = parent.get(url(draft, "facts")).content.decode()
    assert '<select id="language-select" name="switch_language" form="step-form"' in page
    assert 'form="step-form" name="direction" value="language"' in page
    assert '<form method="post" novalidate id="step-form" action="' in page


def test_switching_the_language_saves_what_was_typed_and_shows_the_same_step_in_the_new_language(
    parent: Client, draft: Communication
) -> None:
    typed = "Учитель не пустил меня в класс."
    response = post(
        parent,
        draft,
        "facts",
        {"facts_summary": typed, "direction": "language", "switch_language": "kk"},
    )
    assert response.status_code == 302
    assert response["Location"] == url(draft, "facts")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "kk"
    draft.refresh_from_db()
    assert draft.facts_summary == typed
    page = parent.get(response["Location"]).content.decode()
    assert '<html lang="kk">' in page
    assert typed in page


def test_switching_the_language_with_an_answer_that_cannot_be_saved_yet_loses_nothing(
    parent: Client, draft: Communication
) -> None:
    typed = "Учитель не пустил меня в класс."
    response = post(
        parent,
        draft,
        "facts",
        {
            "facts_summary": typed,
            "facts_start_day": "31",
            "facts_start_month": "2",
            "facts_start_year": "2024",
            "direction": "language",
            "switch_language": "ru",
        },
    )
    assert response.status_code == 400
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    page = response.content.decode()
    assert '<html lang="ru">' in page
    assert typed in page
    assert 'id="id_facts_start_day" value="31"' in page
    draft.refresh_from_db()
    assert draft.facts_summary == ""


def default_button(page: str, form_id: str = "step-form") -> dict[str, str | None]:
    """The button that Enter in a field of the form presses: HTML's implicit submission takes the
    form's first submit button in tree order (a button with ``form=`` the form's id counts too)."""
    found: list[dict[str, str | None]] = []

    class Buttons(HTMLParser):
        form: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            attributes = dict(attrs)
            if tag == "form":
                self.form = attributes.get("id")
            submits = tag == "button" and attributes.get("type", "submit") == "submit"
            submits |= tag == "input" and attributes.get("type") in {"submit", "image"}
            if submits and attributes.get("form", self.form) == form_id:
                found.append(attributes)

        def handle_endtag(self, tag: str) -> None:
            if tag == "form":
                self.form = None

    Buttons().feed(page)
    assert found, f"no submit button of #{form_id}"
    return found[0]


@pytest.mark.parametrize("slug", ["who", "author", "victims", "facts", "remedies", "procedures", "requests"])
def test_enter_in_a_field_of_a_step_saves_and_continues_never_switches_the_language(
    parent: Client, draft: Communication, slug: str
) -> None:
    button = default_button(parent.get(url(draft, slug)).content.decode())
    assert (button.get("name"), button.get("value")) == ("direction", "next")
    # Hidden from sight, the tab order and screen readers: they use the visible button.
    assert (button.get("tabindex"), button.get("aria-hidden")) == ("-1", "true")
    assert "visually-hidden" in (button.get("class") or "").split()


def test_enter_on_a_screen_of_a_childs_step_goes_to_the_next_screen(parent: Client) -> None:
    c = start(parent)
    post(parent, c, "who", {"audience": "under_12", "author_is_victim": "True", "dossier_language": "ru"})
    page = parent.get(url(c, "facts", 1)).content.decode()
    assert "Save and go back" in page  # a second screen: the back button comes before the main one
    button = default_button(page)
    assert (button.get("name"), button.get("value")) == ("direction", "next")


def test_enter_on_the_sign_step_is_the_sign_button(parent: Client) -> None:
    c = fill_parent_case(parent)
    button = default_button(parent.get(url(c, "sign")).content.decode())
    assert button.get("name") is None  # the "Sign and submit" button's own request


def test_going_back_from_the_sign_step_never_signs(parent: Client) -> None:
    c = fill_parent_case(parent)
    back = post(parent, c, "sign", {"signed_name": "Мария Иванова", "confirm": "on", "direction": "back"})
    assert back.status_code == 302
    assert back["Location"] == url(c, "review")
    c.refresh_from_db()
    assert c.status == "draft"


# ---- Findings, gently ----


def feedback_box(page: str) -> str:
    start = page.index('aria-labelledby="feedback-heading"')
    return page[start : page.index("</section>", start)]


def test_a_new_draft_shows_no_list_of_problems_only_that_they_are_checked_as_it_goes(parent: Client) -> None:
    c = start(parent)
    box = feedback_box(parent.get(url(c, "who")).content.decode())
    assert "We will check these as you go" in box
    assert "Go to this question" not in box.split("<details")[0]  # nothing listed outside the closed box
    assert "Not yet: something must change first." not in box


def test_findings_are_grouped_by_step_and_those_of_later_steps_are_only_counted(
    parent: Client, draft: Communication
) -> None:
    written = post(parent, draft, "author", {"author-given_name": "Мария", "author-family_name": "Иванова"})
    assert written.status_code == 302
    box = feedback_box(parent.get(url(draft, "state")).content.decode())
    listed, closed = box.split("<details", 1)
    assert "We will check these as you go" not in box
    assert '<h3 class="h6 mt-3">The State concerned</h3>' in listed  # the step on screen: listed
    assert "What happened" not in listed  # a later step: not listed openly
    assert "points to check at later steps" in closed
    assert '<h3 class="h6 mt-2">What happened</h3>' in closed


def test_switching_the_language_on_the_sign_step_never_submits(parent: Client) -> None:
    c = fill_parent_case(parent)
    response = post(
        parent,
        c,
        "sign",
        {"signed_name": "Мария Иванова", "confirm": "on", "direction": "language", "switch_language": "kk"},
    )
    assert response.status_code == 400
    assert 'value="Мария Иванова"' in response.content.decode()
    c.refresh_from_db()
    assert c.status == "draft"
