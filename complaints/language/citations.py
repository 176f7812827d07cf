"""Article references in the reader's language: "CRC art. 28" is «ст. 28 КПР» and «БҚК 28-бап».

The admissibility engine and the deadline rules are pure Python and cite their sources in English,
the same in every language ("OPIC art. 7(h)", "OPIC art. 7(e); OHCHR Fact Sheet No. 7/Rev.2").
``citation`` reads such a reference part by part (parts are separated by "; ") and writes each part
it knows through the catalogues; a part it does not know stays as it is. The fixed names of the
instruments are those of ``locale/GLOSSARY.md``.
"""

from __future__ import annotations

import re
from typing import Final

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

# How an article of each instrument is cited, short, as in a footnote.
ARTICLE: Final[dict[str, Promise]] = {
    "CRC": pgettext_lazy("citation", "CRC art. %(n)s"),
    "OPIC": pgettext_lazy("citation", "OPIC art. %(n)s"),
    "OPSC": pgettext_lazy("citation", "OPSC art. %(n)s"),
    "OPAC": pgettext_lazy("citation", "OPAC art. %(n)s"),
}
RULE: Final = pgettext_lazy("citation", "rules of procedure, rule %(n)s")
FACT_SHEET: Final = pgettext_lazy("citation", "OHCHR Fact Sheet No. %(n)s")
# Whole references that are not numbered articles or rules, by their English text.
NAMED: Final = {
    "OHCHR guidance note: working languages of the secretariat": pgettext_lazy(
        "citation", "OHCHR guidance note: working languages of the secretariat"
    ),
}

_ARTICLE: Final = re.compile(r"^(?P<instrument>CRC|OPIC|OPSC|OPAC) art\. (?P<n>.+)$")
_RULE: Final = re.compile(r"^[Rr]ules of procedure(?: under OPIC)?(?: \(CRC/C/62/3\))?, rule (?P<n>\d+)$")
_FACT_SHEET: Final = re.compile(r"^OHCHR Fact Sheet No\. (?P<n>\S+)$")


def article(instrument: str, number: str | int) -> str:
    """Return article ``number`` of ``instrument`` ("CRC", "OPIC" …) cited in the active language."""
    template = ARTICLE.get(instrument)
    return str(template) % {"n": number} if template is not None else f"{instrument} {number}"


def _part(text: str) -> str:
    if found := _ARTICLE.match(text):
        return article(found["instrument"], found["n"])
    if found := _RULE.match(text):
        return str(RULE) % {"n": found["n"]}
    if found := _FACT_SHEET.match(text):
        return str(FACT_SHEET) % {"n": found["n"]}
    if text in NAMED:
        return str(NAMED[text])
    return text


def citation(text: str) -> str:
    """Return the reference ``text`` ("OPIC art. 7(h)") written in the active language."""
    return "; ".join(_part(part.strip()) for part in (text or "").split(";")) if text else ""
