"""Every message in English, Russian and Kazakh, with the same placeholders; dates per language."""

from __future__ import annotations

import re
from datetime import date

import pytest

from admissibility import CRITERIA, LANGUAGES, assess
from admissibility.messages import CATALOGUE, CHILD, Msg, language, placeholders
from tests.admissibility.builders import TREATY, make

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
CYRILLIC = re.compile("[А-Яа-яЁё]")
MESSAGE_IDS = sorted({str(msg) for msg in Msg} | {f"{msg}{CHILD}" for msg in Msg})


def test_the_engine_speaks_english_russian_and_kazakh() -> None:
    assert LANGUAGES == ("en", "ru", "kk")
    assert set(CATALOGUE) == set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_exists_in_every_language_and_nothing_else(lang: str) -> None:
    assert sorted(CATALOGUE[lang]) == MESSAGE_IDS


@pytest.mark.parametrize("message_id", MESSAGE_IDS)
def test_every_message_has_the_same_placeholders_in_every_language(message_id: str) -> None:
    english = placeholders(CATALOGUE["en"][message_id])
    for lang in LANGUAGES:
        assert placeholders(CATALOGUE[lang][message_id]) == english, lang


@pytest.mark.parametrize("msg", list(Msg), ids=str)
def test_a_childs_reason_never_needs_more_than_the_caseworkers_reason(msg: Msg) -> None:
    for lang in LANGUAGES:
        assert placeholders(CATALOGUE[lang][msg + CHILD]) <= placeholders(CATALOGUE[lang][msg])


def test_every_kazakh_message_is_written_with_kazakh_letters() -> None:
    for message_id, text in CATALOGUE["kk"].items():
        assert set(text) & KAZAKH_LETTERS, message_id
    used = set("".join(CATALOGUE["kk"].values())) & KAZAKH_LETTERS
    assert {"ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "і"} <= used


def test_russian_has_no_kazakh_letters_and_english_no_cyrillic() -> None:
    for message_id, text in CATALOGUE["ru"].items():
        assert CYRILLIC.search(text), message_id
        assert not set(text) & KAZAKH_LETTERS, message_id
    for message_id, text in CATALOGUE["en"].items():
        assert not CYRILLIC.search(text), message_id


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "7 May 2024"), ("ru", "7 мая 2024 г."), ("kk", "2024 жылғы 7 мамыр")],
)
def test_dates_are_written_the_way_each_language_writes_them(lang: str, expected: str) -> None:
    assert language(lang).date(date(2024, 5, 7)) == expected
    assert expected in assess(make(), TREATY, lang).findings[0].reason


def test_every_month_has_its_name_in_every_language() -> None:
    names = {
        lang: [language(lang).date(date(2025, month, 1)) for month in range(1, 13)] for lang in LANGUAGES
    }
    assert names["ru"][0] == "1 января 2025 г."
    assert names["ru"][11] == "1 декабря 2025 г."
    assert names["kk"][8] == "2025 жылғы 1 қыркүйек"
    assert names["kk"][11] == "2025 жылғы 1 желтоқсан"
    for lang in LANGUAGES:
        assert len(set(names[lang])) == 12


def test_the_kazakh_and_russian_reasons_differ_from_the_english_ones() -> None:
    english = assess(make(), TREATY, "en").findings
    for lang in ("ru", "kk"):
        translated = assess(make(), TREATY, lang).findings
        for en, other in zip(english, translated, strict=True):
            assert other.reason != en.reason
            assert other.child_reason != en.child_reason
            assert other.citation == en.citation
            assert other.criterion == en.criterion


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("kk", "kk"),
        ("ru", "ru"),
        ("ru-RU", "ru"),
        ("kk_KZ", "kk"),
        ("KK", "kk"),
        ("en-GB", "en"),
        ("fr", "en"),
        ("", "en"),
    ],
)
def test_an_unknown_language_falls_back_to_english(code: str, expected: str) -> None:
    assert language(code).code == expected
    assert assess(make(), TREATY, code) == assess(make(), TREATY, expected)


def test_a_russian_date_at_the_end_of_a_sentence_gets_one_full_stop() -> None:
    reasons = [f.child_reason for f in assess(make(), TREATY, "ru").findings]
    assert reasons[0].endswith("Это возможно с 7 мая 2024 г.")
    assert not any("г.." in text for text in reasons)


def test_a_childs_reason_is_short_and_free_of_legal_references() -> None:
    facts = make({"state": "AUT", "claims": [{"instrument": "CRC", "article": 43}], "in_writing": None})
    for lang in LANGUAGES:
        for finding in assess(facts, TREATY, lang).findings:
            assert len(finding.child_reason) <= 260, finding.child_reason
            assert "OPIC" not in finding.child_reason
            assert "AUT" not in finding.child_reason


def test_every_criterion_speaks_every_language() -> None:
    facts = make()
    for criterion in CRITERIA:
        texts = {criterion(facts, TREATY, lang).reason for lang in LANGUAGES}
        assert len(texts) == len(LANGUAGES)
