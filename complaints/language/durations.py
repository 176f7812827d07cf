"""How long until a day, in the reader's language: "5 months, 2 weeks", «5 месяцев, 2 недели».

Django's ``timeuntil`` has the right arithmetic (two adjacent units at most) but its words come from
Django's own catalogues, which have no Kazakh. The words are given here, in the portal's catalogues.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from django.utils.timesince import timeuntil
from django.utils.translation import npgettext_lazy

TIME_STRINGS: Final = {
    "year": npgettext_lazy("duration", "%(num)d year", "%(num)d years", "num"),
    "month": npgettext_lazy("duration", "%(num)d month", "%(num)d months", "num"),
    "week": npgettext_lazy("duration", "%(num)d week", "%(num)d weeks", "num"),
    "day": npgettext_lazy("duration", "%(num)d day", "%(num)d days", "num"),
    "hour": npgettext_lazy("duration", "%(num)d hour", "%(num)d hours", "num"),
    "minute": npgettext_lazy("duration", "%(num)d minute", "%(num)d minutes", "num"),
}


def time_until(day: date, today: date) -> str:
    """Return the time from ``today`` until ``day`` in the active language (two units at most)."""
    return timeuntil(day, today, time_strings=TIME_STRINGS)  # type: ignore[arg-type]  # lazy, as Django's own
