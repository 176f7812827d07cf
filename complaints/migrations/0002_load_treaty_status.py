"""Load the shipped table of OPIC States parties (complaints/data/opic_states.csv)."""

import csv
from datetime import date
from pathlib import Path

from django.db import migrations

CSV = Path(__file__).resolve().parent.parent / "data" / "opic_states.csv"
DATES = ("signature_date", "deposit_date", "entry_into_force_date")


def load(apps, schema_editor):
    TreatyStatus = apps.get_model("complaints", "TreatyStatus")
    known = {field.name for field in TreatyStatus._meta.get_fields()}
    with CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            # Columns added to the CSV later are loaded by the migration that adds their fields.
            values = {k: (v or "").strip() for k, v in row.items() if k in known}
            for name in DATES:
                values[name] = date.fromisoformat(values[name]) if values[name] else None
            iso3 = values.pop("iso3")
            TreatyStatus.objects.update_or_create(iso3=iso3, defaults=values)


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
