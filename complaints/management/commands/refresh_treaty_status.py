from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from complaints.treaty.importer import parse_untc_export
from complaints.treaty.status import treaty_status_load


class Command(BaseCommand):
    help = (
        "Refresh the OPIC treaty table from a UN Treaty Collection export of chapter IV-11-d "
        "and report what changed. Declarations and OPSC/OPAC status already known are kept."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Report the changes without saving them.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            rows = parse_untc_export(path.read_bytes())
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        except ValueError as error:
            raise CommandError(f"{path} is not a UN Treaty Collection export: {error}") from error
        from django.db import transaction

        with transaction.atomic():
            changes = treaty_status_load(rows, keep_known=True)
            self.stdout.write(changes.report())
            if options["dry_run"]:
                transaction.set_rollback(True)
                self.stdout.write("dry run: nothing saved")
