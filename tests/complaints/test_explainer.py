"""The public explainer: readable without an account in kk, ru and en; "Is this for me?" asks the engine."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from complaints.deadlines.geneva import geneva_today
from complaints.explainer.content import CHILD_REGISTERS, REGISTER_LABELS, TOPICS, Register
from complaints.explainer.leaflets import leaflet_pdf

pytestmark = pytest.mark.django_db

LANGUAGES = ("kk", "ru", "en")
PUBLIC_PAGES = [
    reverse("complaints:explainer"),
    reverse("complaints:explainer_check"),
    reverse("complaints:explainer_helpers"),
    reverse("complaints:explainer_class_hour"),
    *(reverse("complaints:explainer_register", args=[register]) for register in Register),
    *(
        reverse("complaints:explainer_topic", args=[register, topic.slug])
        for register in Register
        for topic in TOPICS
    ),
]


def in_language(client: Client, language: str) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_explainer_page_opens_without_an_account_in_each_language(
    client: Client, language: str
) -> None:
    in_language(client, language)
    for url in PUBLIC_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{language}"' in response.content.decode()


def test_an_unknown_register_or_topic_is_not_found(client: Client) -> None:
    assert client.get("/learn/babies/").status_code == 404
    assert client.get(reverse("complaints:explainer_topic", args=["young", "nothing"])).status_code == 404


def test_the_home_page_and_the_header_lead_to_the_explainer(client: Client) -> None:
    page = client.get("/").content.decode()
    assert reverse("complaints:explainer") in page
    assert reverse("complaints:explainer_check") in page


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_childrens_pages_speak_in_short_sentences_without_legal_references(language: str) -> None:
    with translation.override(language):
        for topic in TOPICS:
            for register in CHILD_REGISTERS:
                limit = 22 if register == Register.YOUNG else 30
                for paragraph in topic.paragraphs[register]:
                    text = str(paragraph.text)
                    for sentence in _sentences(text):
                        assert len(sentence.split()) <= limit, (topic.slug, register, sentence)
                    assert not re.search(r"\b(OPIC|CRC|art\.|ст\.|бап)\b", text), text


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_statement_of_law_is_cited_in_the_readers_language(client: Client, language: str) -> None:
    in_language(client, language)
    page = client.get(reverse("complaints:explainer_topic", args=["adult", "one-year"])).content.decode()
    with translation.override(language):
        expected = str(TOPICS[3].paragraphs[Register.ADULT][0].citation)
    assert expected in page
    assert "7" in expected
    assert "h)" in expected


def test_every_topic_speaks_to_every_register_and_every_text_is_translated() -> None:
    for topic in TOPICS:
        assert set(topic.paragraphs) == set(Register)
        texts = [topic.title, topic.picture_alt, *(p.text for r in Register for p in topic.paragraphs[r])]
        with translation.override("en"):
            english = [str(text) for text in texts]
        for language in ("kk", "ru"):
            with translation.override(language):
                translated = [str(text) for text in texts]
            untranslated = [text for text, mine in zip(english, translated, strict=True) if text == mine]
            assert not untranslated, (language, untranslated)


def answers(**overrides: Any) -> dict[str, str]:
    data = {
        "state": "KAZ",
        "happened": "still",
        "courts": "final",
        "final_month": "",
        "final_year": str(geneva_today().year),
        "elsewhere": "no",
    }
    data.update(overrides)
    return data


def check(client: Client, **overrides: Any) -> str:
    response = client.post(reverse("complaints:explainer_check"), answers(**overrides))
    assert response.status_code == 200, response.content.decode()[:2000]
    return response.content.decode()


def test_a_child_whose_case_passed_the_courts_this_year_can_start(client: Client) -> None:
    page = check(client, final_month=str(max(1, geneva_today().month - 1)))
    assert "You can start" in page
    assert reverse("complaints:communication_start") in page


def test_a_child_who_never_went_to_court_is_told_to_talk_to_someone_first(client: Client) -> None:
    page = check(client, courts="not_tried", final_year="")
    assert "Talk to someone first" in page
    assert "111" in page  # the contacts come with it


def test_the_last_court_answer_more_than_a_year_ago_means_talking_to_someone_first(client: Client) -> None:
    page = check(client, final_month="1", final_year=str(geneva_today().year - 2))
    assert "Talk to someone first" in page


def test_facts_that_ended_before_the_protocol_bound_the_state_do_not_apply(client: Client) -> None:
    # Kazakhstan: the Protocol entered into force on 7 May 2024.
    page = check(
        client, happened="ended", ended_month="1", ended_year="2020", final_month="1", final_year="2020"
    )
    assert "This procedure does not apply" in page


def test_a_country_outside_the_list_does_not_apply_and_says_why(client: Client) -> None:
    page = check(client, state="other")
    assert "This procedure does not apply" in page
    assert "Only countries that have joined this procedure" in page


def test_the_same_matter_decided_elsewhere_does_not_apply(client: Client) -> None:
    page = check(client, elsewhere="decided", final_month=str(max(1, geneva_today().month - 1)))
    assert "This procedure does not apply" in page


def test_the_answer_gives_the_engines_reasons_with_their_articles(client: Client) -> None:
    in_language(client, "ru")
    page = check(client, courts="not_tried", final_year="")
    with translation.override("ru"):
        citation = str(TOPICS[2].paragraphs[Register.ADULT][0].citation)
    assert citation in page


def test_a_missing_answer_gets_a_clear_error_and_keeps_the_others(client: Client) -> None:
    response = client.post(reverse("complaints:explainer_check"), answers(courts="", elsewhere="decided"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "This field is required." in page
    assert 'value="decided" checked' in page


def test_a_stopped_case_needs_the_year_it_stopped(client: Client) -> None:
    response = client.post(reverse("complaints:explainer_check"), answers(happened="ended"))
    assert response.status_code == 400
    assert "Choose the year it stopped." in response.content.decode()


def test_a_month_still_to_come_is_refused(client: Client) -> None:
    today = geneva_today()
    if today.month == 12:
        pytest.skip("no later month this year")
    response = client.post(
        reverse("complaints:explainer_check"),
        answers(final_month=str(today.month + 1), final_year=str(today.year)),
    )
    assert response.status_code == 400
    assert "This month has not come yet." in response.content.decode()


def test_nothing_answered_in_the_check_is_stored(client: Client) -> None:
    from complaints.models import Communication, Event

    before = (Communication.objects.count(), Event.objects.count())
    check(client)
    assert (Communication.objects.count(), Event.objects.count()) == before


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("register", list(Register))
def test_each_leaflet_is_one_tagged_a4_page_in_its_language(register: Register, language: str) -> None:
    reader = PdfReader(io.BytesIO(leaflet_pdf(register, language)))
    assert len(reader.pages) == 1
    catalog: Any = reader.trailer["/Root"]
    assert catalog["/Lang"] == language
    assert "/StructTreeRoot" in catalog
    with translation.override(language):
        label = str(REGISTER_LABELS[register])
        title = str(TOPICS[0].title)
    text = reader.pages[0].extract_text()
    assert " ".join(label.split()) in " ".join(text.split())
    assert " ".join(title.split())[:20] in " ".join(text.split())


def test_the_leaflet_is_served_as_a_pdf(client: Client) -> None:
    response = client.get(reverse("complaints:explainer_leaflet", args=["teen"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_helpers_page_names_the_duty_to_report_and_the_contact_centre(client: Client) -> None:
    page = client.get(reverse("complaints:explainer_helpers")).content.decode()
    assert "inform the police promptly" in page
    assert "111" in page
    assert reverse("complaints:explainer_class_hour") in page
