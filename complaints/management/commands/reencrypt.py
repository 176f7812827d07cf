"""Re-encrypt every encrypted field and stored file with the current key, and index names again."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from complaints.crypto import rotation
from complaints.crypto.keys import DecryptionError, generate_key, key_ring
from complaints.crypto.storage import encrypted_storage
from complaints.models import Communication, Person, SearchDigest


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field and stored document and dossier with the first key of "
        "PORTAL_ENCRYPTION_KEYS, and rebuild the blind index of names. Idempotent and resumable: what "
        "the first key already encrypted is skipped; each batch commits on its own."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch-size", type=int, default=500, help="rows per transaction (default 500)")
        parser.add_argument(
            "--generate-key", action="store_true", help="print a new key for PORTAL_ENCRYPTION_KEYS and stop"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["generate_key"]:
            self.stdout.write(generate_key())
            return
        batch = options["batch_size"]
        if batch < 1:
            raise CommandError("--batch-size must be at least 1")
        ring = key_ring()
        if ring.derived:
            self.stderr.write(
                "PORTAL_ENCRYPTION_KEYS is empty: using the development key derived from DJANGO_SECRET_KEY."
            )
        tally = rotation.Tally()
        models = [m for m in apps.get_app_config("complaints").get_models() if rotation.encrypted_columns(m)]
        try:
            for model in models:
                rotation.rows_rewrite(model, rotation.to_current(ring), batch, tally)
            for model in apps.get_app_config("complaints").get_models():
                if rotation.file_columns(model):
                    rotation.files_rewrite(
                        model, rotation.file_to_current(ring), batch, tally, encrypted_storage
                    )
        except DecryptionError as error:
            raise CommandError(
                f"{error} Batches before this one are done; run again once the key is back."
            ) from None
        rotation.index_rebuild(Communication, Person, SearchDigest, batch, tally)
        for line in tally.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Everything is encrypted with the first key of the ring."))
