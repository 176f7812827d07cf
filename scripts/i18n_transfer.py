"""One-off: move the translations that lived in Python dicts into the gettext catalogues.

Run once, after ``make messages`` had extracted the new entries:

    python scripts/i18n_transfer.py engine    # admissibility/messages.py (kk, ru) -> django.po
    python scripts/i18n_transfer.py dossier   # complaints/dossiers/labels.py (ru, fr, es) -> dossier.po

It reads the two modules as they were at commit 52f152e (``git show``), so nothing is
retranslated by hand: every msgstr is the text the portal showed before. Entries it fills lose
the "fuzzy" guesses msgmerge may have made. It is kept for the record; running it again changes
nothing.
"""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "52f152e"
WRAP = 79  # as msgmerge writes


def old_module(path: str) -> types.ModuleType:
    source = subprocess.run(
        ["git", "show", f"{BEFORE}:{path}"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    module = types.ModuleType(path.replace("/", ".").removesuffix(".py"))
    sys.modules[module.__name__] = module  # dataclasses and enums look their module up
    exec(compile(source, path, "exec"), module.__dict__)  # our own file, from git
    return module


def fill(catalogue_path: Path, texts: dict[tuple[str | None, str], str]) -> int:
    """Set the msgstr of every entry of ``catalogue_path`` found in ``texts``; return how many."""
    catalogue = polib.pofile(str(catalogue_path), wrapwidth=WRAP)
    filled = 0
    for entry in catalogue:
        text = texts.get((entry.msgctxt, entry.msgid))
        if text is None:
            continue
        entry.msgstr = text
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgctxt = entry.previous_msgid = None
        filled += 1
    catalogue.save()
    return filled


def engine() -> None:
    old = old_module("admissibility/messages.py")
    # The kk date is written "2024 жылғы 7 мамыр" (old messages.Language.date); CLDR's long
    # Kazakh date abbreviates «ж.», so the kk catalogue keeps the portal's pattern.
    patterns = {"kk": "y 'жылғы' d MMMM", "ru": "long", "en": ""}
    for lang in ("kk", "ru", "en"):
        texts: dict[tuple[str | None, str], str] = {}
        if lang != "en":
            texts |= {(key, old.EN[key]): text for key, text in old.CATALOGUE[lang].items()}
            for instrument, text in old.ARTICLE[lang].items():
                texts[(f"article.{instrument}", old.ARTICLE["en"][instrument])] = text
            for instrument, text in old.INSTRUMENT_NAME[lang].items():
                texts[(f"instrument.{instrument}", old.INSTRUMENT_NAME["en"][instrument])] = text
            texts[("unnamed-body", old.UNNAMED_BODY["en"])] = old.UNNAMED_BODY[lang]
        else:
            # English is the source: an empty msgstr, and no fuzzy guess left behind.
            texts |= {(key, text): "" for key, text in old.EN.items()}
        texts[("CLDR date format", "long")] = patterns[lang]
        path = ROOT / "locale" / lang / "LC_MESSAGES" / "django.po"
        print(f"{path.relative_to(ROOT)}: {fill(path, texts)} entries")


def dossier() -> None:
    old = old_module("complaints/dossiers/labels.py")
    for lang in ("ru", "fr", "es", "en"):
        texts: dict[tuple[str | None, str], str] = {
            (key, by_language["en"]): (by_language.get(lang, "") if lang != "en" else "")
            for key, by_language in old.LABELS.items()
        }
        path = ROOT / "locale" / lang / "LC_MESSAGES" / "dossier.po"
        print(f"{path.relative_to(ROOT)}: {fill(path, texts)} entries")


if __name__ == "__main__":
    {"engine": engine, "dossier": dossier}[sys.argv[1]]()
