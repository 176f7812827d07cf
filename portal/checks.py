"""System checks of the portal's configuration and host (registered by complaints.apps).

IDs are stable, like Django's own: never renumber one, never reuse one.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE_CHARACTERS = 5
# Keys that were ever written in this repository (settings, .env.example, docker-compose.yml,
# Dockerfile): anyone can read them, so they sign nothing.
PLACEHOLDER_SECRET_KEYS = frozenset(
    {
        "dev-only-insecure-key-never-use-in-production",
        "replace-this-with-a-long-random-secret-before-going-live",
        "collectstatic-only",
    }
)


@register(Tags.security, deploy=True)
def secret_key_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Refuse, in production, a secret key that is empty, short or a placeholder of this repository."""
    if settings.DEBUG:
        return []
    try:
        key = str(settings.SECRET_KEY)
    except ImproperlyConfigured:  # Django refuses to hand out an empty key
        key = ""
    if (
        len(key) >= SECRET_KEY_MIN_LENGTH
        and len(set(key)) >= SECRET_KEY_MIN_UNIQUE_CHARACTERS
        and key not in PLACEHOLDER_SECRET_KEYS
    ):
        return []
    return [
        Error(
            "DJANGO_SECRET_KEY is empty, shorter than 50 characters or a placeholder of this repository.",
            hint="Set it to a long random string, e.g. the output of "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'.",
            id="portal.E001",
        )
    ]
