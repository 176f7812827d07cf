"""The key ring: which keys encrypt and decrypt the child's data at rest.

PORTAL_ENCRYPTION_KEYS is a comma-separated list of Fernet keys (32 random bytes, URL-safe base64,
as ``Fernet.generate_key()`` prints). The first encrypts; every one decrypts, so a new key is put
first, ``manage.py reencrypt`` rewrites everything with it, and then the old one can go.

Without the setting (development and tests only: portal.E003 refuses it when DJANGO_DEBUG=False)
one key is derived from SECRET_KEY with HKDF, so ``make run`` works without configuration.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# What each key is derived into: Fernet uses the key itself, the blind index a key of its own.
DEFAULT_KEY_INFO = b"opic-portal: encryption at rest (development key from SECRET_KEY)"
BLIND_INDEX_INFO = b"opic-portal: blind index of names"


class DecryptionError(Exception):
    """A stored value that no key of the ring decrypts: the key that wrote it is not configured."""


def _hkdf(material: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(material)


def generate_key() -> str:
    """A new random key, in the form PORTAL_ENCRYPTION_KEYS takes."""
    return Fernet.generate_key().decode("ascii")


def parse_keys(value: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The keys of a setting, checked: each must be a Fernet key. Raises ImproperlyConfigured."""
    keys = [value] if isinstance(value, str) else list(value)
    parsed: list[str] = []
    for position, raw in enumerate(part.strip() for key in keys for part in key.split(",")):
        if not raw:
            continue
        try:
            decoded = base64.urlsafe_b64decode(raw.encode("ascii"))
        except (binascii.Error, UnicodeEncodeError, ValueError):
            decoded = b""
        if len(decoded) != 32:
            raise ImproperlyConfigured(
                f"PORTAL_ENCRYPTION_KEYS: key {position + 1} is not a Fernet key (32 bytes in URL-safe "
                "base64); make one with `python manage.py reencrypt --generate-key`."
            )
        parsed.append(raw)
    return tuple(parsed)


@dataclass(frozen=True)
class KeyRing:
    """The configured keys, newest first."""

    keys: tuple[str, ...]
    derived: bool  # True when no key was configured and the development key is in use

    @property
    def fernet(self) -> MultiFernet:
        return _multi(self.keys)

    @property
    def current(self) -> Fernet:
        return Fernet(self.keys[0])

    def encrypt(self, plaintext: bytes) -> bytes:
        return self.fernet.encrypt(plaintext)

    def decrypt(self, token: bytes, what: str = "a stored value") -> bytes:
        try:
            return self.fernet.decrypt(token)
        except InvalidToken:
            raise DecryptionError(
                f"Cannot decrypt {what} with any key of PORTAL_ENCRYPTION_KEYS: the key that encrypted "
                "it is not configured (or the value is damaged). Restore the key; nothing was changed."
            ) from None

    def is_current(self, token: bytes) -> bool:
        """Whether the current (first) key encrypted ``token``."""
        try:
            self.current.decrypt(token)
        except InvalidToken:
            return False
        return True

    def index_keys(self) -> tuple[bytes, ...]:
        """The blind index's HMAC keys, one per key of the ring, the current one first."""
        return _index_keys(self.keys)

    def digest(self, token: str, index_key: bytes | None = None) -> str:
        """The blind index's digest of a normalised token (128 bits, hex)."""
        key = self.index_keys()[0] if index_key is None else index_key
        return hmac.new(key, token.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


@cache
def _multi(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


@cache
def _index_keys(keys: tuple[str, ...]) -> tuple[bytes, ...]:
    return tuple(_hkdf(base64.urlsafe_b64decode(key), BLIND_INDEX_INFO) for key in keys)


@cache
def _ring(configured: tuple[str, ...], secret_key: str) -> KeyRing:
    keys = parse_keys(configured)
    if keys:
        return KeyRing(keys, derived=False)
    derived = base64.urlsafe_b64encode(_hkdf(secret_key.encode("utf-8"), DEFAULT_KEY_INFO)).decode("ascii")
    return KeyRing((derived,), derived=True)


def key_ring() -> KeyRing:
    """The key ring the settings name now (recomputed when the settings change, e.g. in tests)."""
    configured = getattr(settings, "PORTAL_ENCRYPTION_KEYS", ())
    configured = (configured,) if isinstance(configured, str) else tuple(configured)
    return _ring(configured, str(settings.SECRET_KEY))
