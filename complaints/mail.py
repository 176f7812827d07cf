"""Every e-mail the portal sends is built here, from the templates in templates/email/.

Each e-mail ``<name>`` has three templates: ``<name>_subject.txt``, ``<name>_body.txt`` and
``<name>_body.html``. They are rendered in the recipient's language, and the message carries
both parts: the plain text, and the HTML as its alternative.

Subjects and first lines are neutral: a parent may read the family inbox, so they name no UN
body, no complaint, no communication and no child (tests/complaints/test_mail.py checks it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

_BLANK_LINES = re.compile(r"\n{3,}")


def email_language(language: str | None) -> str:
    """Return ``language`` if the portal speaks it, else the portal's default language."""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def email_message(
    name: str, context: Mapping[str, Any], *, to: list[str], language: str | None
) -> EmailMultiAlternatives:
    """Render the e-mail ``name`` in ``language`` for ``to``; return it unsent, text and HTML."""
    with translation.override(email_language(language)):
        subject = " ".join(render_to_string(f"email/{name}_subject.txt", dict(context)).split())
        body_context = {**context, "subject": subject}
        text = render_to_string(f"email/{name}_body.txt", body_context)
        html = render_to_string(f"email/{name}_body.html", body_context)
    message = EmailMultiAlternatives(subject=subject, body=_tidy(text), to=to)
    message.attach_alternative(html.strip() + "\n", "text/html")
    return message


def _tidy(text: str) -> str:
    """Drop the trailing spaces and extra blank lines that template tags leave behind."""
    lines = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return _BLANK_LINES.sub("\n\n", lines) + "\n"
