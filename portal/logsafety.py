"""Keep the secrets that travel in links out of logs.

Some links carry a secret in their path, because they must work from an e-mail or a calendar app:
an invitation to review a draft, a calendar feed, a password-reset or e-mail-confirmation key.
Whoever reads the access log or the console could open them. Every log line and every e-mail
printed to the console passes through ``redact`` first:

- ``RedactSecretsFilter`` on the portal's log handlers (Django's own request log included);
- ``GunicornLogger``, gunicorn's access log (``--logger-class portal.logsafety.GunicornLogger``);
- ``ConsoleEmailBackend``, the console e-mail backend of the embedded default, which prints
  e-mails (text and HTML) with their secret links cut out unless DEBUG is on (then a developer needs them).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail.backends.console import EmailBackend
from django.core.mail.message import EmailMessage, EmailMultiAlternatives
from gunicorn.glogging import Logger as _GunicornLogger

REDACTED = "[redacted]"
# Each pattern keeps what names the page and cuts out the secret that follows it.
SECRET_IN_LINK = re.compile(
    r"(?P<keep>/invite/|/calendar/|/accounts/password/reset/key/|/accounts/confirm-email/)"
    r"(?P<secret>[^/?#\s\"'.]+)"
)


def redact(text: str) -> str:
    """Return ``text`` with the secret part of every secret-bearing link replaced by [redacted]."""
    return SECRET_IN_LINK.sub(lambda m: m.group("keep") + REDACTED, text)


class RedactSecretsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class GunicornLogger(_GunicornLogger):
    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> dict[str, Any]:
        return {
            key: redact(value) if isinstance(value, str) else value
            for key, value in super().atoms(resp, req, environ, request_time).items()
        }


class ConsoleEmailBackend(EmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        if settings.DEBUG:
            return super().send_messages(email_messages)
        cleaned = []
        for message in email_messages:
            copy = EmailMultiAlternatives(
                subject=message.subject,
                body=redact(str(message.body)),
                from_email=message.from_email,
                to=message.to,
            )
            for content, mimetype in getattr(message, "alternatives", []):
                copy.attach_alternative(redact(str(content)), mimetype)
            cleaned.append(copy)
        super().send_messages(cleaned)
        return len(email_messages)
