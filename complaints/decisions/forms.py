"""The library's search form: every field optional, read from the address (GET) so results can be linked."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from complaints.decisions.selectors import LibraryQuery


class DecisionSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("A symbol (CRC/C/…), a State, or words from the summary."),
    )
    state = forms.ChoiceField(label=_("State"), required=False)
    article = forms.ChoiceField(label=_("Article of the Convention"), required=False)
    outcome = forms.ChoiceField(label=_("Outcome"), required=False)
    ground = forms.ChoiceField(label=_("Admissibility ground"), required=False)
    year = forms.ChoiceField(label=_("Year adopted"), required=False)

    def __init__(self, *args: Any, choices: dict[str, list[tuple[str, str]]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        every: list[tuple[str, str]] = [("", str(_("All")))]
        for name, key in (
            ("state", "states"),
            ("article", "articles"),
            ("outcome", "outcomes"),
            ("ground", "grounds"),
            ("year", "years"),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = every + choices[key]

    def query(self) -> LibraryQuery:
        data = self.cleaned_data if self.is_valid() else {}
        return LibraryQuery(
            text=data.get("q", ""),
            state=data.get("state", ""),
            article=int(data["article"]) if data.get("article") else None,
            outcome=data.get("outcome", ""),
            ground=data.get("ground", ""),
            year=int(data["year"]) if data.get("year") else None,
        )
