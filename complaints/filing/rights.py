"""The rights catalogue: everyday situations a child recognises, mapped to articles of the Convention."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"


@cache
def articles() -> dict[str, Any]:
    return json.loads((DATA / "crc_articles.json").read_text(encoding="utf-8"))["articles"]


@cache
def situations() -> list[dict[str, Any]]:
    return json.loads((DATA / "rights_catalogue.json").read_text(encoding="utf-8"))


def _pick(texts: dict[str, str | None], language: str) -> str:
    return texts.get(language) or texts.get("en") or ""


def article_in(number: int, language: str) -> dict[str, Any]:
    """Return an article's title and text in ``language``: the official text if we have it, else a summary."""
    entry = articles().get(str(number), {})
    official = (entry.get("text") or {}).get(language)
    return {
        "number": number,
        "title": _pick(entry.get("title", {}), language),
        "text": official or _pick(entry.get("summary", {}), language),
        "official": bool(official),
    }


def catalogue_in(language: str) -> dict[str, dict[str, Any]]:
    """Return the situations keyed by their key, localised, each with its articles."""
    language = language[:2]
    return {
        item["key"]: {
            "label": _pick(item["label"], language),
            "example": _pick(item["example"], language),
            "articles": [article_in(number, language) for number in item["articles"]],
        }
        for item in situations()
    }
