from __future__ import annotations

import csv
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from complaints.audit.context import as_reference
from complaints.audit.services import EXPORT_COLUMNS, audit_entries_for_case, audit_rows


class Command(BaseCommand):
    help = "Write the audit log of one case (every read, change and refused attempt), as CSV or JSON."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("reference", help="the case's reference (a UUID)")
        parser.add_argument("--format", choices=["csv", "json"], default="csv")

    def handle(self, *args: Any, **options: Any) -> None:
        reference = as_reference(options["reference"])
        if reference is None:
            raise CommandError(f"Not a case reference: {options['reference']!r}.", returncode=2)
        rows = audit_rows(audit_entries_for_case(reference))
        if options["format"] == "json":
            self.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2))
            return
        writer = csv.DictWriter(self.stdout, fieldnames=EXPORT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
