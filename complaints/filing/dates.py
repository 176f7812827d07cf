"""A date asked as three boxes, day, month and year, as the GOV.UK Design System does it.

The browser's own date picker shows a format (mm/dd/yyyy, or the system's) that a child writing in
Kazakh or Russian cannot read, and a text box invites every spelling of a date. Three labelled
boxes with a numeric keyboard ask for what everyone knows: the day, the month as a number, the year.
What was typed is shown again as it was typed, with an error that says what to fix.
(Pattern: https://design-system.service.gov.uk/components/date-input/.)

A date posted whole, as ``YYYY-MM-DD`` under the field's own name, is read too: what the API and
older pages send.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

PARTS = ("day", "month", "year")
Parts = dict[str, str]


def parts_of(value: Any) -> Parts:
    """Return the three boxes' text for ``value``: a date, the boxes as posted, or an ISO date."""
    if isinstance(value, dict):
        return {part: str(value.get(part) or "").strip() for part in PARTS}
    if isinstance(value, str) and value:
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            return {"day": "", "month": "", "year": value.strip()}  # shown back, and refused
    if isinstance(value, date):
        return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
    return {part: "" for part in PARTS}


class DatePartsWidget(forms.Widget):
    """Three text boxes with a numeric keyboard (``inputmode="numeric"``), each with its own label."""

    template_name = "complaints/filing/widgets/date_parts.html"
    labels = {"day": _("Day"), "month": _("Month"), "year": _("Year")}

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        if any(f"{name}_{part}" in data for part in PARTS):
            return {part: data.get(f"{name}_{part}", "") for part in PARTS}
        return data.get(name)

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data and not any(f"{name}_{part}" in data for part in PARTS)

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_day" if id_ else id_

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        base = context["widget"]["attrs"].get("id") or f"id_{name}"
        values = parts_of(value)
        context["widget"]["parts"] = [
            {
                "key": part,
                "name": f"{name}_{part}",
                "id": f"{base}_{part}",
                "label": self.labels[part],
                "value": values[part],
            }
            for part in PARTS
        ]
        return context

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        # The project's templates (templates/), not the form renderer's own directories.
        return SafeString(render_to_string(self.template_name, self.get_context(name, value, attrs)))


class DatePartsField(forms.Field):
    """A date from day, month and year boxes; every way it can be wrong has its own plain message."""

    widget = DatePartsWidget
    default_error_messages = {
        "incomplete": _("Enter the day, the month and the year, for example 27 3 2024."),
        "day": _("Add the day."),
        "month": _("Add the month."),
        "year": _("Add the year."),
        "numbers": _("Use numbers only, for example 27 3 2024."),
        "year_digits": _("Write the year with 4 digits, for example 2024."),
        "month_range": _("The month is a number from 1 to 12."),
        "impossible": _("This date does not exist. Check the day and the month."),
    }

    def __init__(self, **kwargs: Any) -> None:
        for unused in ("max_length", "input_formats", "localize"):
            kwargs.pop(unused, None)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        return value

    def to_python(self, value: Any) -> date | None:
        if isinstance(value, date):
            return value
        if value in self.empty_values:
            return None
        parts = parts_of(value)
        if not any(parts.values()):
            return None
        missing = [part for part in PARTS if not parts[part]]
        if len(missing) == 1:
            raise ValidationError(self.error_messages[missing[0]], code=missing[0])
        if missing:
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        if not all(text.isdigit() for text in parts.values()):
            raise ValidationError(self.error_messages["numbers"], code="numbers")
        day, month, year = (int(parts[part]) for part in PARTS)
        if len(parts["year"]) != 4:
            raise ValidationError(self.error_messages["year_digits"], code="year_digits")
        if not 1 <= month <= 12:
            raise ValidationError(self.error_messages["month_range"], code="month_range")
        try:
            return date(year, month, day)
        except ValueError as error:
            raise ValidationError(self.error_messages["impossible"], code="impossible") from error

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            return self.to_python(data) != self.to_python(initial)
        except ValidationError:
            return True
