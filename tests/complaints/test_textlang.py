"""Which script free text is written in, and whether a dossier in a UN language needs it translated."""

from __future__ import annotations

import pytest

from complaints.filing.textlang import needs_translation, written_in


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Мектеп баланы қабылдамады.", "kk"),
        ("Школа не приняла ребёнка.", "ru"),
        ("L'élève a été exclu de l'école.", "latin"),
        ("Mektep balany qabyldamady, oqý jyly ótti.", "latin"),  # Kazakh in its Latin alphabet
        ("رفضت المدرسة قبول الطفلة.", "ar"),
        ("学校拒绝接收这个孩子。", "zh"),
        ("სკოლამ ბავშვი არ მიიღო.", "other"),  # Georgian
        ("Դպրոցը չընդունեց երեխային։", "other"),  # Armenian
        ("2024 — 15.03", None),
    ],
)
def test_the_script_of_free_text_is_told_by_its_letters(text: str, script: str | None) -> None:
    assert written_in(text) == script


@pytest.mark.parametrize(
    ("text", "dossier_language", "needed"),
    [
        ("رفضت المدرسة قبول الطفلة.", "ar", False),
        ("رفضت المدرسة قبول الطفلة.", "en", True),
        ("学校拒绝接收这个孩子。", "zh", False),
        ("学校拒绝接收这个孩子。", "ru", True),
        ("სკოლამ ბავშვი არ მიიღო.", "ru", True),  # no UN language: always translated
        ("Школа не приняла ребёнка.", "ru", False),
        ("Мектеп баланы қабылдамады.", "ru", True),
        ("The school refused the child.", "en", False),
        ("The school refused the child.", "ar", True),
    ],
)
def test_text_needs_a_translation_unless_it_is_in_the_dossiers_un_language(
    text: str, dossier_language: str, needed: bool
) -> None:
    assert needs_translation(text, dossier_language) is needed
