"""Redaction: every spelling of a child's name is found (script, transliteration, spacing, case, endings),
and words that only look like a name stay."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from complaints.dossiers.services import dossier_build
from complaints.models import Communication, Person
from complaints.privacy.redaction import Redactor, skeleton
from tests.factories import CommunicationFactory, PersonFactory


@dataclass
class Named:
    given_name: str
    family_name: str

    @property
    def initials(self) -> str:
        return "".join(f"{part[0]}." for part in (self.given_name, self.family_name) if part)


AIGERIM = Named("Айгерім", "Нұрланова")  # initials А.Н.
ZHANNA = Named("Жанна", "Ерланқызы")  # initials Ж.Е.
NURLAN = Named("Нұрлан", "Ерланұлы")  # initials Н.Е.
ERLAN = Named("Yerlan", "Sapar")  # written in Latin by the filer: Y.S.
DOUBLE = Named("Анна-Мария", "Ким")  # a double name: А.К.


@pytest.mark.parametrize(
    ("person", "written", "expected"),
    [
        # Kazakh Cyrillic, Russian Cyrillic, passport (ICAO) Latin, the Kazakh Latin alphabet.
        (AIGERIM, "Айгерім ұрысты", "А.Н. ұрысты"),
        (AIGERIM, "Айгерим ушла", "А.Н. ушла"),
        (AIGERIM, "Aigerim left", "А.Н. left"),
        (AIGERIM, "Aygerim left", "А.Н. left"),
        (AIGERIM, "Aıgerim ketti", "А.Н. ketti"),
        # Any case, spaced out, split by a stray space.
        (AIGERIM, "АЙГЕРІМ", "А.Н."),
        (AIGERIM, "aigerim", "А.Н."),
        (AIGERIM, "A i g e r i m said", "А.Н. said"),
        (AIGERIM, "А-й-г-е-р-і-м", "А.Н."),
        (AIGERIM, "Айге рім", "А.Н."),
        # Kazakh and Russian endings, the English possessive.
        (AIGERIM, "Айгерімнің анасы", "А.Н. анасы"),
        (AIGERIM, "Айгерімге айтты", "А.Н. айтты"),
        (AIGERIM, "у Айгеримы", "у А.Н."),
        (AIGERIM, "спросили Айгериму", "спросили А.Н."),
        (AIGERIM, "к Айгериме", "к А.Н."),
        (AIGERIM, "видели Айгерима", "видели А.Н."),
        (AIGERIM, "Aigerim's school", "А.Н. school"),
        (AIGERIM, "Айгерим’s", "А.Н."),
        # The family name in its forms, and the full name in either order.
        (AIGERIM, "Nurlanova Aigerim", "А.Н."),
        (AIGERIM, "Айгерім Нұрланова", "А.Н."),
        (AIGERIM, "Нурлановой", "А.Н."),
        (AIGERIM, "NURLANOVA", "А.Н."),
        # Жанна / Zhanna / Janna, in Russian cases.
        (ZHANNA, "Жанна", "Ж.Е."),
        (ZHANNA, "Zhanna", "Ж.Е."),
        (ZHANNA, "Janna", "Ж.Е."),
        (ZHANNA, "у Жанны", "у Ж.Е."),
        (ZHANNA, "с Жанной", "с Ж.Е."),
        (ZHANNA, "Жаннаға", "Ж.Е."),
        (ZHANNA, "Erlankyzy", "Ж.Е."),
        (ZHANNA, "Yerlankyzy", "Ж.Е."),
        # Нұрлан / Nurlan; Ерлан / Yerlan / Erlan.
        (NURLAN, "Nurlan", "Н.Е."),
        (NURLAN, "Нурлан", "Н.Е."),
        (NURLAN, "Нұрланның", "Н.Е."),
        (NURLAN, "Нұрланмен бірге", "Н.Е. бірге"),
        (ERLAN, "Ерлан", "Y.S."),
        (ERLAN, "Erlan", "Y.S."),
        (ERLAN, "YERLAN", "Y.S."),
        (ERLAN, "Ерланға", "Y.S."),
        (ERLAN, "Ерлану", "Y.S."),
        (ERLAN, "Сапар", "Y.S."),
        (ERLAN, "Сапарға хат", "Y.S. хат"),
        # A double name with or without its hyphen, with extra spaces, or as one word.
        (DOUBLE, "Анна-Мария", "А.К."),
        (DOUBLE, "Анна Мария", "А.К."),
        (DOUBLE, "Анна - Мария", "А.К."),
        (DOUBLE, "АннаМария", "А.К."),
        (DOUBLE, "Anna-Mariya", "А.К."),
        (DOUBLE, "Anna Maria Kim", "А.К."),
        (DOUBLE, "Мария пришла", "А.К. пришла"),
    ],
)
def test_every_spelling_of_a_name_is_replaced_by_the_initials(
    person: Named, written: str, expected: str
) -> None:
    assert Redactor([person]).text(written) == expected


@pytest.mark.parametrize(
    ("person", "written"),
    [
        (ZHANNA, "Жан ауырды, жанұясы келді."),  # жан: soul; жанұя: family
        (ZHANNA, "Жаннат жақсы, жаннан кешті."),
        (NURLAN, "Нұр мен нұрлы күн, Nur and Nura."),
        (AIGERIM, "Айгөлек, Aigul, Gerim, айғай, герой."),
        (ERLAN, "Ерлік көрсетті; ерлер келді; Ер Тарғын."),
        (ERLAN, "сапарлас, сапарлар, Sapargali."),  # сапар: a journey
        (DOUBLE, "Анналы, Марияна, Кимчи, Марс."),
        (Named("Дана", ""), "Данные переданы, даналық."),
        (Named("Али", ""), "Алина и Алибек, alibi."),
        (Named("Ли", ""), "Лилия и Либерти."),
    ],
)
def test_words_that_only_begin_like_a_name_stay(person: Named, written: str) -> None:
    assert Redactor([person]).text(written) == written


def test_a_word_after_the_name_is_kept_even_when_it_looks_like_an_ending() -> None:
    assert Redactor([AIGERIM]).text("Айгерім мен Нұрлан") == "А.Н. мен Нұрлан"


def test_two_children_each_get_their_own_initials() -> None:
    text = "Aigerim and Жанны were there; Zhanna's brother, Нұрланова's friend."
    assert Redactor([AIGERIM, ZHANNA]).text(text) == "А.Н. and Ж.Е. were there; Ж.Е. brother, А.Н. friend."


def test_spellings_of_one_name_share_one_skeleton_and_other_names_do_not() -> None:
    assert (
        len({skeleton(name) for name in ("Айгерім", "Айгерим", "Aigerim", "Aygerim", "Aıgerim", "AIGERIM")})
        == 1
    )
    assert len({skeleton(name) for name in ("Жанна", "Zhanna", "Janna")}) == 1
    assert len({skeleton(name) for name in ("Ерлан", "Yerlan", "Erlan")}) == 1
    assert len({skeleton(name) for name in ("Нұрлан", "Nurlan", "Нурлан")}) == 1
    assert skeleton("Aigerim") != skeleton("Aigul")


@pytest.mark.django_db
def test_the_redacted_dossier_hides_the_childs_name_in_every_spelling_in_the_free_text() -> None:
    communication: Communication = CommunicationFactory.create(
        facts_summary=(
            "Aigerim was sent home. A i g e r i m cried. Айгеримы не было в списке. "
            "Айгерімнің мұғалімі Ерланмен сөйлесті. Nurlanova complained."
        ),
        dossier_language="en",
    )
    PersonFactory.create(
        communication=communication, role=Person.Role.VICTIM, given_name="Айгерім", family_name="Нұрланова"
    )
    PersonFactory.create(
        communication=communication,
        role=Person.Role.REPRESENTATIVE,
        given_name="Ерлан",
        family_name="Адвокат",
    )
    html = dossier_build(communication=communication, variant="redacted").html
    for spelling in ("Aigerim", "A i g e r i m", "Айгеримы", "Айгерімнің", "Nurlanova", "Нұрланова"):
        assert spelling not in html, spelling
    assert "А.Н. was sent home." in html
    assert "Ерланмен" in html  # the representative's name is not redacted
    filing = dossier_build(communication=communication, variant="filing").html
    assert "A i g e r i m cried" in filing
