"""The printable one-page leaflet of each register, for school information stands: A4, tagged PDF (PDF/UA-1).

Laid out by WeasyPrint from templates/pdf/leaflet.html with the bundled fonts and the
explainer's pictures, and nothing else: the fetcher refuses every other address. A leaflet changes only
with the portal's texts, so each (register, language) is laid out once per process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from complaints.explainer.content import REGISTER_LABELS, TOPICS, Register
from complaints.filing.help import help_contacts

STATIC_DIR = (Path(settings.BASE_DIR) / "static").resolve()
ALLOWED_DIRS = (STATIC_DIR / "fonts", STATIC_DIR / "img" / "explainer")
CONTENT_TYPES = {".ttf": "font/ttf", ".svg": "image/svg+xml"}
PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1", "output_intent": "srgb", "pdf_identifier": True}


def _fetcher() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: PLC0415  (a system library)

    class LeafletFetcher(URLFetcher):
        """The bundled fonts and the explainer's pictures; no other file, no network."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "file":
                path = Path(url2pathname(parts.path)).resolve()
                if path.parent in ALLOWED_DIRS and path.suffix in CONTENT_TYPES:
                    return URLFetcherResponse(
                        url, body=path.read_bytes(), headers={"Content-Type": CONTENT_TYPES[path.suffix]}
                    )
            raise ValueError(f"a leaflet fetches nothing from {url}")

    return LeafletFetcher()


@cache
def leaflet_pdf(register: Register, language: str) -> bytes:
    """Return the leaflet for ``register`` in ``language`` (one A4 page)."""
    from weasyprint import HTML  # noqa: PLC0415

    with translation.override(language):
        html = render_to_string(
            "pdf/leaflet.html",
            {
                "register": register,
                "register_label": REGISTER_LABELS[register],
                "topics": [
                    (topic, topic.paragraphs[register][0]) for topic in TOPICS if topic.slug != "help"
                ],
                "help_contacts": help_contacts("KAZ"),
                "language": language,
                "img_dir": (STATIC_DIR / "img" / "explainer").as_uri(),
                "fonts_dir": (STATIC_DIR / "fonts").as_uri(),
            },
        )
    document = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=_fetcher())
    return document.write_pdf(**PDF_OPTIONS)
