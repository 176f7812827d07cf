from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.forms.models import model_to_dict

from complaints.models import TreatyStatus


class Command(BaseCommand):
    help = "Print a State's row of the OPIC treaty table (ISO 3166 alpha-3 code, e.g. KAZ)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("iso3")

    def handle(self, *args: Any, **options: Any) -> None:
        iso3 = options["iso3"].strip().upper()
        row = TreatyStatus.objects.filter(iso3=iso3).first()
        if row is None:
            raise CommandError(f"{iso3} has neither signed nor joined OPIC (not in the treaty table).")
        data = model_to_dict(row)
        data["iso3"] = row.iso3
        data["updated_at"] = row.updated_at
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
