from __future__ import annotations

import hashlib
import sys
import time
import uuid
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand

from complaints.dossiers.services import dossier_render_bytes, filing_untranslated
from complaints.models import Communication, Dossier


class Command(BaseCommand):
    help = "Render the PDF dossier of a communication now, in this process, and write it to a file."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("communication", help="the communication's id or its reference (UUID)")
        parser.add_argument("--out", required=True, help="the PDF file to write")
        parser.add_argument("--variant", choices=Dossier.Variant.values, default=Dossier.Variant.FILING)

    def handle(self, *args: Any, **options: Any) -> None:
        communication = self._find(options["communication"])
        if options["variant"] == Dossier.Variant.FILING and (missing := filing_untranslated(communication)):
            self._fail(
                "the filing dossier is not made while text has no translation into the dossier's "
                f"language ({', '.join(missing)}); add it, or have the handling caseworker record why"
            )
        began = time.perf_counter()
        pdf, source = dossier_render_bytes(communication=communication, variant=options["variant"])
        seconds = time.perf_counter() - began
        try:
            Path(options["out"]).write_bytes(pdf)
        except OSError as error:
            self._fail(f"cannot write {options['out']}: {error.strerror}")
        self.stdout.write(
            f"{options['out']}: {options['variant']} dossier of {communication.short_reference} "
            f"(version {source.version}, {len(source.annexes)} annexes), {len(pdf):,} bytes, "
            f"sha256 {hashlib.sha256(pdf).hexdigest()}, {seconds:.2f} s"
        )

    def _find(self, key: str) -> Communication:
        found = None
        if key.isdigit():
            found = Communication.objects.filter(pk=int(key)).first()
        else:
            try:
                found = Communication.objects.filter(reference=uuid.UUID(key)).first()
            except ValueError:
                self._fail(f"{key!r} is neither an id nor a reference")
        if found is None:
            self._fail(f"no communication {key}")
        return found

    def _fail(self, message: str) -> NoReturn:
        self.stderr.write(f"error: {message}")
        sys.exit(2)
