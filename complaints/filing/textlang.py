"""Small text helpers of the wizard: spotting text that needs a translation, reading article lists."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

# Letters of the Kazakh Cyrillic alphabet that Russian does not use.
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")  # with the accented letters of French, Spanish, Kazakh Latin…
_ARTICLE = re.compile(r"^\s*(?:(CRC|OPSC|OPAC)\s*)?(?:art(?:icle)?\.?\s*)?(\d{1,2})\s*$", re.IGNORECASE)
MAX_ARTICLE = {"CRC": 54, "OPSC": 17, "OPAC": 13}


# The scripts of the UN languages the portal tells apart by their letters (Kazakh is told from Russian
# by KAZAKH_LETTERS above). A letter of any other script (Georgian, Armenian, Hebrew…) is "other".
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_HAN = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0002FA1F]")
# Each script's name as written_in returns it: the UN language written in it, or "latin"/"other".
_SCRIPTS = (("ru", _CYRILLIC), ("latin", _LATIN), ("ar", _ARABIC), ("zh", _HAN))


def written_in(text: str) -> str | None:
    """Guess the script or language of ``text``: "kk" or "ru" (Cyrillic), "ar" (Arabic script), "zh"
    (Chinese characters), "latin", "other" (letters of another script), or None when it has no letters.

    The script with the most letters wins; a single Kazakh letter makes Cyrillic text Kazakh.
    """
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    if any(ch in KAZAKH_LETTERS for ch in letters):
        return "kk"
    counts = {name: sum(1 for ch in letters if pattern.match(ch)) for name, pattern in _SCRIPTS}
    other = len(letters) - sum(counts.values())
    best = max(counts, key=lambda name: counts[name])  # ties: the first of _SCRIPTS
    return "other" if other > counts[best] else best


def needs_translation(text: str, dossier_language: str) -> bool:
    """Return whether free text must be translated to go into a dossier in ``dossier_language``.

    Kazakh, like any language outside the UN's six, always needs a translation; Cyrillic text needs
    one unless the dossier is in Russian, Arabic text unless it is in Arabic, Chinese unless it is
    in Chinese; Latin-script text needs one in a Russian, Arabic or Chinese dossier.
    """
    script = written_in(text)
    if script is None:
        return False
    if script in ("kk", "other"):
        return True
    if script in ("ru", "ar", "zh"):
        return dossier_language != script
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
