"""Names and dates come from CLDR (Babel) in every language the portal writes, Kazakh included."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from complaints import cldr

STATES_CSV = Path(__file__).resolve().parents[2] / "complaints" / "data" / "opic_states.csv"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("kk", "Қазақстан"),
        ("ru", "Казахстан"),
        ("en", "Kazakhstan"),
        ("fr", "Kazakhstan"),
        ("es", "Kazajistán"),
    ],
)
def test_a_state_is_named_in_the_language_of_the_reader(language: str, expected: str) -> None:
    assert cldr.state_name("KAZ", language) == expected


def test_every_state_of_the_treaty_table_has_a_cldr_name_in_kazakh_and_russian() -> None:
    with STATES_CSV.open(encoding="utf-8") as handle:
        codes = [row["iso3"] for row in csv.DictReader(handle)]
    assert len(codes) > 50
    for code in codes:
        assert cldr.alpha2(code), code
        assert cldr.state_name(code, "kk") != code, code
        assert cldr.state_name(code, "ru") != code, code


def test_a_code_cldr_does_not_know_is_shown_as_it_is() -> None:
    assert cldr.state_name("XXU", "ru") == "XXU"
    assert cldr.alpha2("XXU") is None


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "7 May 2024"),
        ("ru", "7 мая 2024 г."),
        ("kk", "2024 жылғы 7 мамыр"),
        ("fr", "7 mai 2024"),
        ("es", "7 de mayo de 2024"),
    ],
)
def test_long_dates_follow_each_language(language: str, expected: str) -> None:
    assert cldr.long_date(date(2024, 5, 7), language) == expected


def test_kazakh_month_names_are_cldrs() -> None:
    months = [cldr.long_date(date(2025, month, 1), "kk").split()[-1] for month in range(1, 13)]
    assert months[0] == "қаңтар"
    assert months[11] == "желтоқсан"
    assert len(set(months)) == 12


@pytest.mark.parametrize(
    ("code", "language", "expected"),
    [("en", "ru", "английский"), ("kk", "fr", "kazakh"), ("ru", "kk", "орыс тілі"), ("es", "es", "español")],
)
def test_languages_are_named_in_the_language_of_the_reader(code: str, language: str, expected: str) -> None:
    assert cldr.language_name(code, language) == expected


def test_an_unknown_language_code_falls_back_to_british_english() -> None:
    assert cldr.long_date(date(2024, 5, 7), "xx-unknown") == "7 May 2024"
