"""One decision of the Committee on the Rights of the Child under OPIC.

The records are public law, not case data: they come from the shipped file
complaints/data/decisions.json (format in the README, "The Committee's decisions") and are
refreshed with ``manage.py import_decisions``. Nothing here names a child the Committee did not
name itself (decisions use initials).
"""

from __future__ import annotations

import re
from typing import Final

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

SYMBOL: Final = re.compile(r"^CRC/C/\d+/D/\d+/\d{4}$")
NUMBER: Final = re.compile(r"^\d+/\d{4}$")

# The admissibility engine's criterion ids (admissibility/criteria.py) a decision can have ruled
# on, with the provision of OPIC each one applies.
GROUNDS: Final[dict[str, str]] = {
    "OPIC-1-2": "1(2)",
    "OPIC-1-3": "1(3)",
    "OPIC-5-1": "5(1)",
    "OPIC-5-2": "5(2)",
    "OPIC-7-a": "7(a)",
    "OPIC-7-b": "7(b)",
    "OPIC-7-c": "7(c)",
    "OPIC-7-d": "7(d)",
    "OPIC-7-e": "7(e)",
    "OPIC-7-f": "7(f)",
    "OPIC-7-g": "7(g)",
    "OPIC-7-h": "7(h)",
}


class Decision(models.Model):
    class Outcome(models.TextChoices):
        VIOLATION = "views_violation", _("Views: a violation")
        NO_VIOLATION = "views_no_violation", _("Views: no violation")
        INADMISSIBLE = "inadmissible", _("Inadmissible")
        DISCONTINUED = "discontinued", _("Discontinued")

    symbol = models.CharField(_("symbol"), max_length=40, unique=True)
    number = models.CharField(_("communication number"), max_length=12)
    name = models.CharField(_("case name"), max_length=200)
    state = models.CharField(_("State party"), max_length=3, db_index=True)
    adopted_on = models.DateField(_("date adopted"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    articles_invoked = models.JSONField(_("articles invoked"), default=list)
    articles_violated = models.JSONField(_("articles found violated"), default=list)
    grounds = models.JSONField(_("admissibility grounds decided"), default=list)
    summary_en = models.TextField(_("summary in English"))
    summary_ru = models.TextField(_("summary in Russian"))
    summary_kk = models.TextField(_("summary in Kazakh"))
    source = models.URLField(_("source"), max_length=500)
    other_sources = models.JSONField(_("other sources"), default=list, blank=True)

    class Meta:
        ordering = ("-adopted_on", "symbol")
        verbose_name = _("decision of the Committee")
        verbose_name_plural = _("decisions of the Committee")

    def __str__(self) -> str:
        return f"{self.name}, {self.symbol}"

    @property
    def summary(self) -> str:
        """The summary in the language of the page (English when there is none in it)."""
        language = (get_language() or "en")[:2]
        return str(getattr(self, f"summary_{language}", "") or self.summary_en)

    @property
    def ground_labels(self) -> list[str]:
        return [GROUNDS.get(ground, ground) for ground in self.grounds]
