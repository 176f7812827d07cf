"""Files kept through Django's storage API, wherever ``STORAGES["default"]`` puts them.

Local disk (MEDIA_ROOT) by default, an S3-compatible bucket when S3_BUCKET is set (see
``files_storage`` in portal/settings.py, the one place that decides). The code of the portal only
ever opens, saves, deletes and asks whether a file exists through the storage, never through a path
on disk, so a web container and a worker on different machines see the same files.
"""

from __future__ import annotations

import logging

from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.storage import Storage

logger = logging.getLogger(__name__)

# What a storage raises when it cannot be reached or refuses: the local disk's OSError, and
# boto3's errors for an S3 store (a refused connection, a timeout, a 5xx answer).
STORAGE_ERRORS: tuple[type[Exception], ...] = (OSError, BotoCoreError, ClientError)


def stored_file_delete(storage: Storage, name: str) -> bool:
    """Delete ``name`` from ``storage``; on failure log the name (never a content) and return False.

    For clean-ups after a commit, when raising would only turn a saved change into an error page.
    """
    try:
        storage.delete(name)
    except STORAGE_ERRORS:
        logger.exception("stored file %s could not be deleted; remove it from the storage by hand", name)
        return False
    return True
