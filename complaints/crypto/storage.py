"""A file storage that encrypts what it saves and decrypts what it opens, over the default storage.

It wraps whatever ``STORAGES["default"]`` names (the local disk, an S3-compatible store, ...) and
delegates everything else to it, looked up at each call, so a change of the setting (or a test's
override) applies at once. Files are encrypted whole with the key ring's current key (Fernet: AES
and an HMAC over the token), so a copy of the store is as unreadable as a dump of the database
without the key. A file is read into memory to be decrypted: uploads are limited in size
(complaints.filing.documents), and dossiers are rendered in memory anyway.

The names in the store are the ones Django gives (random, per case), never the user's file name.
"""

from __future__ import annotations

from typing import IO, Any

from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage, storages
from django.utils.deconstruct import deconstructible

from complaints.crypto.keys import key_ring


@deconstructible(path="complaints.crypto.storage.EncryptedStorage")
class EncryptedStorage(Storage):
    """Encrypting wrapper of the default storage (or of the storage alias given)."""

    def __init__(self, alias: str = "default") -> None:
        self.alias = alias

    @property
    def inner(self) -> Storage:
        return storages[self.alias]

    def _open(self, name: str, mode: str = "rb") -> File[Any]:
        if "w" in mode or "a" in mode or "+" in mode:
            raise ValueError("Encrypted files are written with save(), not opened for writing.")
        with self.inner.open(name, "rb") as handle:
            token = handle.read()
        return ContentFile(key_ring().decrypt(token, f"the stored file {name}"), name=name)

    def _save(self, name: str, content: IO[bytes] | File[Any]) -> str:
        if hasattr(content, "seek"):
            content.seek(0)
        data = content.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        return self.inner.save(name, ContentFile(key_ring().encrypt(data)))

    def read_raw(self, name: str) -> bytes:
        """The stored bytes as they are (the token): for re-encryption."""
        with self.inner.open(name, "rb") as handle:
            return handle.read()

    def replace_raw(self, name: str, data: bytes) -> None:
        """Write ``data`` as the file ``name``, in place (re-encryption keeps the name the rows hold)."""
        self.inner.delete(name)
        saved = self.inner.save(name, ContentFile(data))
        if saved != name:  # pragma: no cover - another writer took the name between the two calls
            raise OSError(f"the stored file {name} was saved as {saved}")

    def get_available_name(self, name: str, max_length: int | None = None) -> str:
        return self.inner.get_available_name(name, max_length=max_length)

    def get_valid_name(self, name: str) -> str:
        return self.inner.get_valid_name(name)

    def generate_filename(self, filename: Any) -> str:
        return self.inner.generate_filename(filename)

    def delete(self, name: str) -> None:
        self.inner.delete(name)

    def exists(self, name: str) -> bool:
        return self.inner.exists(name)

    def listdir(self, path: str) -> tuple[list[str], list[str]]:
        return self.inner.listdir(path)

    def size(self, name: str) -> int:
        """The size of the stored (encrypted) file; the plaintext's size is kept on the row."""
        return self.inner.size(name)

    def url(self, name: str | None) -> str:
        raise NotImplementedError("Encrypted files are served by the portal's permission-checked views.")

    def path(self, name: str) -> str:
        raise NotImplementedError("Encrypted files have no readable path: open them through the storage.")

    def get_accessed_time(self, name: str) -> Any:
        return self.inner.get_accessed_time(name)

    def get_created_time(self, name: str) -> Any:
        return self.inner.get_created_time(name)

    def get_modified_time(self, name: str) -> Any:
        return self.inner.get_modified_time(name)


encrypted_storage = EncryptedStorage()


def encrypted_default_storage() -> EncryptedStorage:
    """What the models' FileFields use (a callable, so migrations keep its name, not its settings)."""
    return encrypted_storage
