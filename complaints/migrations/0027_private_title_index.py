"""The private title's words move to digests of their own in the blind index.

Until now a case's title was indexed like the names in it, so anyone who could search the case
found it by a word of the title, which only the filer may read. Every case is indexed again:
names as before, the title under private digests that only the filer's own search looks up
(complaints.crypto.blind_index). Going back leaves the index as it is: the older code finds the
names as before, and the title by no one until ``manage.py reencrypt`` indexes it again.
"""

from django.db import migrations

from complaints.crypto import rotation

BATCH = 500


def index_again(apps, schema_editor):
    models_ = [apps.get_model("complaints", n) for n in ("Communication", "Person", "SearchDigest")]
    rotation.index_rebuild(*models_, BATCH, rotation.Tally())


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0026_filter_index"),
    ]

    operations = [
        migrations.RunPython(index_again, migrations.RunPython.noop),
    ]
