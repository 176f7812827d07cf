from __future__ import annotations

from django import template

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
