"""``manage.py import_decisions <file>``: load or refresh the Committee's decisions from a JSON file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from complaints.decisions.importer import DecisionFileError, import_decisions


class Command(BaseCommand):
    help = (
        "Check a JSON file of the Committee's decisions and load it, all or nothing; "
        "records are matched by symbol."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            created, updated = import_decisions(options["file"])
        except DecisionFileError as error:
            raise CommandError(
                "Nothing was imported. Fix these problems and run the command again:\n  "
                + "\n  ".join(error.problems)
            ) from error
        self.stdout.write(f"{created} decisions added, {updated} refreshed.")
