from __future__ import annotations

from django import template

from complaints.filing.dates import DatePartsField

register = template.Library()


@register.filter
def is_translation(name: str) -> bool:
    return name.startswith("translation__")


@register.filter
def translation_of(form: object, name: str) -> object:
    """Return the bound translation field for ``name`` in ``form``, or None."""
    fields = getattr(form, "fields", {})
    key = f"translation__{name}"
    return form[key] if key in fields else None  # type: ignore[index]


@register.filter
def get_item(mapping: object, key: str) -> object:
    return mapping.get(key) if isinstance(mapping, dict) else None


BAR_ROW = 22
BAR_MAX = 220


@register.filter
def bar_height(count: int) -> int:
    return max(count, 1) * BAR_ROW


@register.filter
def bar_y(index: int, offset: int) -> int:
    return index * BAR_ROW + offset


@register.filter
def bar_width(value: int, rows: list[tuple[object, int]]) -> int:
    """Scale ``value`` against the largest value of ``rows`` to at most BAR_MAX units."""
    largest = max((n for _label, n in rows), default=0)
    return round(BAR_MAX * value / largest) if largest else 0


@register.filter
def is_date_parts(field: object) -> bool:
    """Whether a bound field asks for a date as day, month and year boxes (its own template)."""
    return isinstance(getattr(field, "field", None), DatePartsField)
