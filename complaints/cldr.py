"""Names and dates from the Unicode CLDR (through Babel), in any language the portal writes.

Month names, long dates, the names of States and of languages are never typed into the portal:
Babel ships them for every locale, Kazakh included. Only two choices are the portal's own:

- English is British English (``en_GB``: "7 May 2024"), the English of the United Nations.
- A catalogue may replace CLDR's long date by a pattern of its own: the Kazakh one writes
  "2024 жылғы 7 мамыр" where CLDR abbreviates "2024 ж. 7 мамыр" (see ``date_pattern``).

States are stored as ISO 3166-1 alpha-3 codes (``KAZ``) and CLDR names territories by alpha-2
(``KZ``): CLDR's own territory aliases (``KAZ`` -> ``KZ``) link the two, so there is no table here.
"""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache
from typing import Final

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import DateTimePattern, format_skeleton, parse_pattern
from django.utils import translation
from django.utils.translation import pgettext

# The portal's language codes that CLDR reads otherwise.
_CLDR_CODES: Final = {"en": "en_GB", "zh": "zh_Hans"}
_NAMED_FORMATS: Final = ("short", "medium", "long", "full")


@cache
def cldr_locale(language: str) -> Locale:
    """Return Babel's locale for a portal language code ("kk", "ru", "en", "fr", "zh-hans" …)."""
    code = (language or "en").replace("-", "_")
    try:
        return Locale.parse(_CLDR_CODES.get(code.lower(), code))
    except (ValueError, LookupError, UnknownLocaleError):
        return Locale.parse(_CLDR_CODES["en"])


@cache
def alpha2(iso3: str) -> str | None:
    """Return the ISO 3166-1 alpha-2 code of an alpha-3 code (``KAZ`` -> ``KZ``), from CLDR's aliases."""
    replacements = get_global("territory_aliases").get((iso3 or "").upper())
    if replacements and len(replacements) == 1 and len(replacements[0]) == 2:
        return str(replacements[0])
    return None


@lru_cache(maxsize=4096)
def state_name(iso3: str, language: str) -> str:
    """Return the name of the State ``iso3`` in ``language`` ("Қазақстан"); the code if CLDR has none."""
    code = alpha2(iso3)
    name = cldr_locale(language).territories.get(code) if code else None
    return str(name) if name else iso3


@lru_cache(maxsize=256)
def language_name(code: str, language: str) -> str:
    """Return the name of the language ``code`` written in ``language`` ("английский")."""
    name = cldr_locale(language).languages.get(code.replace("-", "_"))
    return str(name) if name else code


@cache
def date_pattern(language: str) -> DateTimePattern:
    """Return how ``language`` writes a long date: CLDR's, unless its catalogue gives a pattern."""
    with translation.override(language):
        # Translators: the CLDR date format of a date inside a sentence: keep "long" for CLDR's own
        # long date, or write a CLDR pattern (for Kazakh: y 'жылғы' d MMMM).
        wanted = pgettext("CLDR date format", "long")
    if wanted in _NAMED_FORMATS:
        return cldr_locale(language).date_formats[wanted]
    return parse_pattern(wanted)


@lru_cache(maxsize=8192)
def long_date(day: date, language: str) -> str:
    """Return ``day`` written out in ``language``: "7 May 2024", "7 мая 2024 г.", "2024 жылғы 7 мамыр"."""
    text = str(date_pattern(language).apply(day, cldr_locale(language)))
    # CLDR puts a narrow no-break space before «г.»; the portal writes plain text (API, e-mail, search).
    return text.replace("\u202f", " ")


@lru_cache(maxsize=1024)
def month_year(day: date, language: str) -> str:
    """Return the month of ``day`` with its year in ``language``: "March 2026", "март 2026 г."."""
    return str(format_skeleton("yMMMM", day, locale=cldr_locale(language))).replace("\u202f", " ")
