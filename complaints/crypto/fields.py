"""Model fields that keep a Fernet token in the database instead of the value.

Each behaves like the field it extends (forms, validation, the API's serializers, the admin) and
stores ``Fernet(key).encrypt(value)`` in a text column: a dump of the database shows tokens, not
names, dates or stories. An empty string and NULL stay as they are (a blank field says only that it
is blank), so ``filter(field="")`` and ``isnull`` still work. Nothing else can be looked up in
the database, because the token of a value changes every time it is written: any other lookup
raises FieldError rather than silently find nothing. Names are searched through the blind index
(complaints.crypto.blind_index). Ordering by one of these fields would sort tokens, at random:
the portal never does.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.core.exceptions import FieldError
from django.db import models
from django.db.models.lookups import Exact

from complaints.crypto.keys import key_ring

# The only lookups that mean the same on a token as on the value: emptiness.
ALLOWED_LOOKUPS = frozenset({"isnull", "exact"})


def encrypt_text(plaintext: str) -> str:
    return key_ring().encrypt(plaintext.encode("utf-8")).decode("ascii")


def decrypt_text(token: str, what: str) -> str:
    return key_ring().decrypt(token.encode("ascii"), what).decode("utf-8")


class EmptyExact(Exact):
    """``field=""`` or ``field=None`` only: the token of any other value differs at every write."""

    def get_prep_lookup(self) -> Any:
        if self.rhs not in ("", None) and not hasattr(self.rhs, "resolve_expression"):
            raise FieldError(
                f"{self.lhs.output_field.what()} is encrypted: it can be compared with the empty value only."
            )
        return super().get_prep_lookup()


class EncryptedMixin:
    """Encrypt on the way to the database, decrypt on the way back; the column is text."""

    model: Any
    column: str

    def get_internal_type(self) -> str:
        return "TextField"

    def what(self) -> str:
        return f"{self.model._meta.db_table}.{self.column}"

    def to_plaintext(self, value: Any) -> str:
        return str(value)

    def from_plaintext(self, plaintext: str) -> Any:
        return plaintext

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return self.from_plaintext(decrypt_text(value, self.what()))

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if not prepared:
            value = self.get_prep_value(value)  # type: ignore[attr-defined]
        if value is None or value == "":
            return value
        return encrypt_text(self.to_plaintext(value))

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name not in ALLOWED_LOOKUPS:
            raise FieldError(
                f"{self.what()} is encrypted: it cannot be searched with '{lookup_name}' in the database "
                "(use the blind index for names)."
            )
        if lookup_name == "exact":
            return EmptyExact
        return super().get_lookup(lookup_name)  # type: ignore[misc]


class EncryptedCharField(EncryptedMixin, models.CharField):  # type: ignore[misc]
    """A CharField whose max_length limits the value; the column holds the (longer) token."""


class EncryptedTextField(EncryptedMixin, models.TextField):  # type: ignore[misc]
    pass


class EncryptedEmailField(EncryptedMixin, models.EmailField):  # type: ignore[misc]
    pass


class EncryptedDateField(EncryptedMixin, models.DateField):  # type: ignore[misc]
    """A date, kept as the token of its ISO form (YYYY-MM-DD)."""

    def to_plaintext(self, value: Any) -> str:
        return value.isoformat() if isinstance(value, date) else str(value)

    def from_plaintext(self, plaintext: str) -> Any:
        return date.fromisoformat(plaintext)


class EncryptedJSONField(EncryptedMixin, models.JSONField):  # type: ignore[misc]
    """JSON, kept as the token of its text; NULL stays NULL, every other value is encrypted."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        return json.loads(decrypt_text(value, self.what()), cls=self.decoder)

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if not prepared:
            value = self.get_prep_value(value)
        if value is None:
            return None
        return encrypt_text(json.dumps(value, cls=self.encoder))

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        if value is None:
            return None
        return self.get_db_prep_value(value, connection, prepared=False)
