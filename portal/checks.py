"""System checks of the portal's configuration and host (registered by complaints.apps).

IDs are stable, like Django's own: never renumber one, never reuse one.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

from complaints.crypto.keys import parse_keys

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
# What WeasyPrint (the dossier PDFs) loads at import, as Debian packages.
WEASYPRINT_DEBIAN_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"


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


@register(Tags.security, deploy=True)
def encryption_keys_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Refuse keys that are not Fernet keys always, and in production a missing key."""
    configured = getattr(settings, "PORTAL_ENCRYPTION_KEYS", [])
    try:
        keys = parse_keys(configured)
    except ImproperlyConfigured as error:
        return [Error(str(error), id="portal.E004")]
    if keys or settings.DEBUG:
        return []
    return [
        Error(
            "PORTAL_ENCRYPTION_KEYS is empty: children's data would be encrypted with a key derived from "
            "DJANGO_SECRET_KEY, which is kept with the application and is not meant for this.",
            hint="Set it to a key made by `python manage.py reencrypt --generate-key`, kept apart from "
            "the backups (README, Encryption at rest).",
            id="portal.E003",
        )
    ]


@register("system_libraries")
def weasyprint_libraries_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Say which system package is missing when WeasyPrint cannot load Pango, instead of failing later."""
    try:
        import weasyprint  # noqa: F401, PLC0415  (the check is whether it imports)
    except OSError as error:
        return [
            Error(
                f"WeasyPrint cannot load its system libraries (Pango, HarfBuzz): {error}",
                hint=f"Debian/Ubuntu: sudo apt-get install {WEASYPRINT_DEBIAN_PACKAGES}; "
                "Fedora: sudo dnf install pango; macOS: brew install pango.",
                id="portal.E002",
            )
        ]
    from weasyprint.text import ffi  # noqa: PLC0415  (loaded above, where it can be)

    if ffi.harfbuzz_subset is None:
        return [
            Warning(
                "HarfBuzz-Subset is not installed: WeasyPrint subsets the dossier's fonts with fontTools "
                "instead, more slowly, and logs a warning for each dossier.",
                hint="Debian/Ubuntu: sudo apt-get install libharfbuzz-subset0 (the production image has it).",
                id="portal.W002",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def email_verification_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Warn that sign-up tells who has an account unless e-mail verification is mandatory."""
    if str(getattr(settings, "ACCOUNT_EMAIL_VERIFICATION", "mandatory")).lower() == "mandatory":
        return []
    return [
        Warning(
            "ACCOUNT_EMAIL_VERIFICATION is not 'mandatory': signing up with an address that already has "
            "an account then says so, which tells anyone who has an account on the portal.",
            hint="Leave ACCOUNT_EMAIL_VERIFICATION at its default, mandatory, in production.",
            id="portal.W001",
        )
    ]
