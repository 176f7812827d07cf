from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from complaints.audit.services import audit_verify


class Command(BaseCommand):
    help = (
        "Check the audit log's hash chain from its first entry. Prints the number of entries and the "
        "hash of the last (keep it elsewhere to notice later if entries at the end are removed); "
        "exits 1 at the first entry that was changed, removed or inserted."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = audit_verify()
        if report.broken_at is not None:
            raise CommandError(
                f"The audit log's chain breaks at entry {report.broken_at}: {report.reason} "
                f"({report.entries - 1} entries before it verify)."
            )
        self.stdout.write(f"The audit log's chain holds: {report.entries} entries, last hash {report.head}.")
