""" "Is this for me?": five questions, answered by the admissibility engine itself, not by a second rule set.

The answers become the engine's facts (admissibility.CommunicationFacts) and the engine assesses them
against the same treaty table as the wizard. Of its findings, this check reads only those the five
questions speak to: whether the State is a party (OPIC art. 1(3)), the same matter elsewhere (7(d)),
the courts (7(e)), the dates (7(g)) and the one-year limit (7(h)). The wizard checks the rest (the
writing, the consent, the substance) as the communication is written.

Nothing is stored: the answers live in the request and are gone when the page is.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, Final

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from admissibility import (
    CommunicationFacts,
    DomesticRemedies,
    Facts,
    Finding,
    OtherProcedure,
    Outcome,
    ProcedureKind,
    ProcedureStatus,
    RemedyException,
    assess,
)
from complaints import cldr
from complaints.adapters import treaty_table

# The engine's criteria these questions answer.
CRITERIA_ASKED: Final = ("OPIC-1-3", "OPIC-7-g", "OPIC-7-d", "OPIC-7-e", "OPIC-7-h")
# A "no" from one of these means the procedure cannot take the case at all.
CRITERIA_THAT_CLOSE: Final = frozenset({"OPIC-1-3", "OPIC-7-g", "OPIC-7-d"})

OTHER_COUNTRY: Final = "other"
STILL_HAPPENING: Final = "still"
FIRST_YEAR: Final = 2000


class Result(StrEnum):
    CAN_START = "can_start"
    TALK_FIRST = "talk_first"
    DOES_NOT_APPLY = "does_not_apply"


def _country_choices() -> list[tuple[str, Any]]:
    language = get_language() or settings.LANGUAGE_CODE
    named = sorted(
        ((iso3, cldr.state_name(iso3, language)) for iso3 in treaty_table()),
        key=lambda row: row[1].casefold(),
    )
    return [("", _("Choose the country")), *named, (OTHER_COUNTRY, _("Another country, not in this list"))]


def _month_choices() -> list[tuple[str, Any]]:
    language = get_language() or settings.LANGUAGE_CODE
    names = cldr.cldr_locale(language).months["stand-alone"]["wide"]
    return [("", _("Month")), *((str(number), names[number]) for number in range(1, 13))]


def _year_choices(today: date) -> list[tuple[str, Any]]:
    years = [(str(year), str(year)) for year in range(today.year, FIRST_YEAR - 1, -1)]
    return [("", _("Year")), *years]


class EligibilityForm(forms.Form):
    """The five questions. Every answer has an "I don't know"; nothing typed is ever lost on an error."""

    state = forms.ChoiceField(label=_("1. In which country did it happen?"))
    happened = forms.ChoiceField(
        label=_("2. Is it still happening?"),
        choices=[
            (STILL_HAPPENING, _("Yes, it is still happening")),
            ("ended", _("No, it stopped")),
        ],
        widget=forms.RadioSelect,
    )
    ended_month = forms.ChoiceField(label=_("Month it stopped"), required=False)
    ended_year = forms.ChoiceField(label=_("Year it stopped"), required=False)
    courts = forms.ChoiceField(
        label=_("3. Did the courts of that country give their last answer?"),
        choices=[
            ("final", _("Yes, the last court has answered, and no appeal is left")),
            ("pending", _("Not yet: the case is still in court")),
            ("not_tried", _("No, nobody went to court")),
            ("prolonged", _("The courts are taking far too long")),
            ("ineffective", _("Going to court could not help at all")),
            ("unknown", _("I don't know")),
        ],
        widget=forms.RadioSelect,
    )
    final_month = forms.ChoiceField(label=_("Month of the last court answer"), required=False)
    final_year = forms.ChoiceField(label=_("Year of the last court answer"), required=False)
    elsewhere = forms.ChoiceField(
        label=_("5. Has another international body already looked at the same problem?"),
        help_text=_(
            "For example another UN committee, or a regional court such as the European Court of "
            "Human Rights."
        ),
        choices=[
            ("no", _("No")),
            ("pending", _("Yes, and it is still looking at it")),
            ("decided", _("Yes, and it has decided")),
            ("unknown", _("I don't know")),
        ],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        choices = {
            "state": _country_choices(),
            "ended_month": _month_choices(),
            "final_month": _month_choices(),
            "ended_year": _year_choices(today),
            "final_year": _year_choices(today),
        }
        for name, options in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = options

    def _month(self, prefix: str, message: Any) -> date | None:
        month, year = self.cleaned_data.get(f"{prefix}_month"), self.cleaned_data.get(f"{prefix}_year")
        if not year:
            self.add_error(f"{prefix}_year", message)
            return None
        # A year alone stands for its last month that has come.
        number = int(month) if month else (12 if int(year) < self.today.year else self.today.month)
        last = date(int(year), number, calendar.monthrange(int(year), number)[1])
        if date(int(year), number, 1) > self.today:
            self.add_error(f"{prefix}_month", _("This month has not come yet."))
            return None
        return min(last, self.today)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("happened") == "ended":
            data["ended_on"] = self._month("ended", _("Choose the year it stopped."))
        if data.get("courts") == "final":
            data["final_on"] = self._month("final", _("Choose the year of the last court answer."))
        return data

    def facts(self) -> CommunicationFacts:
        """The engine's facts: what the answers say, and ``None`` (unknown) for everything they do not."""
        data = self.cleaned_data
        state = data["state"]
        continuing = data["happened"] == STILL_HAPPENING
        courts = data["courts"]
        exception = {
            "prolonged": RemedyException.UNREASONABLY_PROLONGED,
            "ineffective": RemedyException.UNLIKELY_EFFECTIVE_RELIEF,
        }.get(courts)
        elsewhere = data["elsewhere"]
        procedures: tuple[OtherProcedure, ...] | None = {
            "no": (),
            "pending": (
                OtherProcedure(status=ProcedureStatus.PENDING, same_matter=True, kind=ProcedureKind.OTHER),
            ),
            "decided": (
                OtherProcedure(status=ProcedureStatus.EXAMINED, same_matter=True, kind=ProcedureKind.OTHER),
            ),
        }.get(elsewhere)
        return CommunicationFacts(
            assessed_on=self.today,
            state=None if state == OTHER_COUNTRY else state,
            facts=Facts(end=None if continuing else data.get("ended_on"), continuing=continuing),
            domestic_remedies=DomesticRemedies(
                exhausted={"final": True, "pending": False, "not_tried": False}.get(courts),
                final_decision_on=data.get("final_on"),
                exception=exception,  # why is asked by the wizard; the engine says a reason is needed
            ),
            other_procedures=procedures,
            previously_examined_by_committee=False if elsewhere == "no" else None,
        )


@dataclass(frozen=True)
class Answer:
    result: Result
    findings: tuple[Finding, ...]  # the engine's findings for the five questions, in the order asked
    other_country: bool


def eligibility_check(form: EligibilityForm) -> Answer:
    """Ask the engine about a valid form's answers; say whether to start, talk first, or look elsewhere."""
    language = get_language() or settings.LANGUAGE_CODE
    other = form.cleaned_data["state"] == OTHER_COUNTRY
    assessment = assess(form.facts(), treaty_table(), lang=language)
    by_id = {finding.criterion: finding for finding in assessment.findings}
    findings = tuple(by_id[criterion] for criterion in CRITERIA_ASKED if criterion in by_id)
    if other or any(f.outcome == Outcome.NOT_MET and f.criterion in CRITERIA_THAT_CLOSE for f in findings):
        result = Result.DOES_NOT_APPLY
    elif all(f.outcome == Outcome.MET for f in findings):
        result = Result.CAN_START
    else:
        # Courts not yet tried, a year passed, something unknown: a helper can say what to do next.
        result = Result.TALK_FIRST
    return Answer(result, findings, other)
