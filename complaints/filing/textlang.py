"""Small text helpers of the wizard: spotting text that needs a translation, reading article lists."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

# Letters of the Kazakh Cyrillic alphabet that Russian does not use.
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z]")
_ARTICLE = re.compile(r"^\s*(?:(CRC|OPSC|OPAC)\s*)?(?:art(?:icle)?\.?\s*)?(\d{1,2})\s*$", re.IGNORECASE)
MAX_ARTICLE = {"CRC": 54, "OPSC": 17, "OPAC": 13}


def written_in(text: str) -> str | None:
    """Guess the script or language of ``text``: "kk", "ru" (Cyrillic), "latin", or None when empty."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    if any(ch in KAZAKH_LETTERS for ch in letters):
        return "kk"
    cyrillic = sum(1 for ch in letters if _CYRILLIC.match(ch))
    latin = sum(1 for ch in letters if _LATIN.match(ch))
    return "ru" if cyrillic >= latin else "latin"


def needs_translation(text: str, dossier_language: str) -> bool:
    """Return whether free text must be translated to go into a dossier in ``dossier_language``.

    Kazakh is not a UN language, so Kazakh text always needs a translation; Cyrillic text needs one
    unless the dossier is in Russian; Latin-script text needs one in a Russian, Arabic or Chinese dossier.
    """
    script = written_in(text)
    if script is None:
        return False
    if script == "kk":
        return True
    if script == "ru":
        return dossier_language != "ru"
    return dossier_language in ("ru", "ar", "zh")


def parse_articles(text: str) -> list[tuple[str, int]]:
    """Read "CRC 19, 28; OPSC 3" as [("CRC", 19), ("CRC", 28), ("OPSC", 3)]; raise ValueError otherwise."""
    result: list[tuple[str, int]] = []
    instrument = "CRC"
    for part in re.split(r"[,;]", text):
        if not part.strip():
            continue
        match = _ARTICLE.match(part)
        if not match:
            raise ValueError(
                _("“%(part)s” is not an article number. Write for example: CRC 19, 28.")
                % {"part": part.strip()}
            )
        instrument = (match.group(1) or instrument).upper()
        article = int(match.group(2))
        if not 1 <= article <= MAX_ARTICLE[instrument]:
            raise ValueError(
                _("%(instrument)s has no article %(article)s.")
                % {"instrument": instrument, "article": article}
            )
        result.append((instrument, article))
    return result
