"""The explicit answer to "was the same matter taken to another international body?" (art. 7(d)).

Existing cases: one with procedures listed answered yes. A case already submitted without any
listed was sent as "none" (the step had no other way to say it), so it keeps meaning no. A draft
without any has not answered: it stays unknown, and the wizard asks.
"""

from typing import Any

from django.db import migrations, models


def answer_from_rows(apps: Any, schema_editor: Any) -> None:
    Communication = apps.get_model("complaints", "Communication")
    OtherProcedure = apps.get_model("complaints", "OtherProcedure")
    with_rows = OtherProcedure.objects.values("communication_id")
    Communication.objects.filter(pk__in=with_rows).update(other_procedures_taken=True)
    Communication.objects.exclude(pk__in=with_rows).exclude(status="draft").update(
        other_procedures_taken=False
    )


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0024_event_codes"),
    ]

    operations = [
        migrations.AddField(
            model_name="communication",
            name="other_procedures_taken",
            field=models.BooleanField(
                blank=True, null=True, verbose_name="taken to another international procedure"
            ),
        ),
        migrations.RunPython(answer_from_rows, migrations.RunPython.noop),
    ]
