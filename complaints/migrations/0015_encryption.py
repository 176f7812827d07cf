"""Encryption at rest of what identifies a child (complaints.crypto), and the blind index of names.

1. On PostgreSQL, the trigram indexes of migration 0009 on the title and the names go: they would
   index tokens. (The Committee's reference and the State keep theirs.)
2. The columns become text holding Fernet tokens (dates as YYYY-MM-DD, JSON as its text first).
3. Every existing value, and every stored document and dossier, is encrypted with the key ring's
   current key (PORTAL_ENCRYPTION_KEYS, or the key derived from SECRET_KEY in development), and
   the blind index is built.

Reversible, with the same key: going back decrypts every value and file, then the columns take
their old types again. Without the key nothing can be reversed (or read): keep it.
"""

import django.db.models.deletion
from django.db import migrations, models

import complaints.crypto.fields
import complaints.crypto.storage
import complaints.models
from complaints.crypto import rotation
from complaints.crypto.keys import key_ring
from complaints.crypto.storage import encrypted_storage

TRIGRAM = "USING gin ((UPPER({column}::text)) gin_trgm_ops) WITH (fastupdate = off)"
NAME_INDEXES = {
    "communication_title_trgm": ("complaints_communication", "title"),
    "person_family_name_trgm": ("complaints_person", "family_name"),
    "person_given_name_trgm": ("complaints_person", "given_name"),
}
ENCRYPTED_MODELS = ["User", "Communication", "Person", "Claim", "DomesticRemedy", "Document", "Event",
                    "Submission", "Triage", "Invitation"]  # fmt: skip
FILE_MODELS = ["Document", "Dossier"]
BATCH = 500


def drop_name_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in NAME_INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def create_name_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, (table, column) in NAME_INDEXES.items():
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} {TRIGRAM.format(column=column)}"
            )


def encrypt_existing(apps, schema_editor):
    ring, tally = key_ring(), rotation.Tally()
    for name in ENCRYPTED_MODELS:
        rotation.rows_rewrite(apps.get_model("complaints", name), rotation.from_plaintext(ring), BATCH, tally)
    for name in FILE_MODELS:
        model = apps.get_model("complaints", name)
        rotation.files_rewrite(model, rotation.file_from_plaintext(ring), BATCH, tally, encrypted_storage)
    models_ = [apps.get_model("complaints", n) for n in ("Communication", "Person", "SearchDigest")]
    rotation.index_rebuild(*models_, BATCH, tally)


def constraints_now(apps, schema_editor):
    # PostgreSQL refuses to alter a table with foreign-key checks still pending from rows this
    # transaction updated twice (going back: file names, then the values): run them now.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def decrypt_existing(apps, schema_editor):
    ring, tally = key_ring(), rotation.Tally()
    for name in FILE_MODELS:
        model = apps.get_model("complaints", name)
        rotation.files_rewrite(model, rotation.file_to_plaintext(ring), BATCH, tally, encrypted_storage)
    for name in ENCRYPTED_MODELS:
        rotation.rows_rewrite(apps.get_model("complaints", name), rotation.to_plaintext(ring), BATCH, tally)


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0014_audit"),
    ]

    operations = [
        migrations.RunPython(drop_name_indexes, create_name_indexes, elidable=False),
        migrations.AlterField(
            model_name="claim",
            name="explanation",
            field=complaints.crypto.fields.EncryptedTextField(
                blank=True, verbose_name="how the right was violated"
            ),
        ),
        migrations.AlterField(
            model_name="communication",
            name="facts_summary",
            field=complaints.crypto.fields.EncryptedTextField(blank=True, verbose_name="what happened"),
        ),
        migrations.AlterField(
            model_name="communication",
            name="interim_measures_reason",
            field=complaints.crypto.fields.EncryptedTextField(
                blank=True, verbose_name="irreparable harm feared"
            ),
        ),
        migrations.AlterField(
            model_name="communication",
            name="late_submission_reason",
            field=complaints.crypto.fields.EncryptedTextField(
                blank=True, verbose_name="why it could not be filed within one year"
            ),
        ),
        migrations.AlterField(
            model_name="communication",
            name="protection_details",
            field=complaints.crypto.fields.EncryptedTextField(
                blank=True, verbose_name="what the author fears"
            ),
        ),
        migrations.AlterField(
            model_name="communication",
            name="remedies_exception_reason",
            field=complaints.crypto.fields.EncryptedTextField(blank=True, verbose_name="explanation"),
        ),
        migrations.AlterField(
            model_name="communication",
            name="remedies_sought",
            field=complaints.crypto.fields.EncryptedTextField(
                blank=True, verbose_name="what the author asks for"
            ),
        ),
        migrations.AlterField(
            model_name="communication",
            name="signed_name",
            field=complaints.crypto.fields.EncryptedCharField(
                blank=True, max_length=200, verbose_name="signed by"
            ),
        ),
        migrations.AlterField(
            model_name="communication",
            name="title",
            field=complaints.crypto.fields.EncryptedCharField(
                blank=True, max_length=200, verbose_name="short title"
            ),
        ),
        migrations.AlterField(
            model_name="communication",
            name="translations",
            field=complaints.crypto.fields.EncryptedJSONField(
                blank=True, default=dict, verbose_name="translations"
            ),
        ),
        migrations.AlterField(
            model_name="document",
            name="file",
            field=models.FileField(
                storage=complaints.crypto.storage.encrypted_default_storage,
                upload_to=complaints.models.document_upload_to,
                verbose_name="file",
            ),
        ),
        migrations.AlterField(
            model_name="document",
            name="original_name",
            field=complaints.crypto.fields.EncryptedCharField(
                max_length=255, verbose_name="original file name"
            ),
        ),
        migrations.AlterField(
            model_name="document",
            name="title",
            field=complaints.crypto.fields.EncryptedCharField(max_length=200, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="domesticremedy",
            name="outcome",
            field=complaints.crypto.fields.EncryptedTextField(blank=True, verbose_name="outcome"),
        ),
        migrations.AlterField(
            model_name="dossier",
            name="file",
            field=models.FileField(
                blank=True,
                storage=complaints.crypto.storage.encrypted_default_storage,
                upload_to=complaints.models.dossier_upload_to,
                verbose_name="file",
            ),
        ),
        migrations.AlterField(
            model_name="event",
            name="note",
            field=complaints.crypto.fields.EncryptedTextField(blank=True, verbose_name="note"),
        ),
        migrations.AlterField(
            model_name="invitation",
            name="answer_comment",
            field=complaints.crypto.fields.EncryptedTextField(blank=True, verbose_name="comment"),
        ),
        migrations.AlterField(
            model_name="invitation",
            name="email",
            field=complaints.crypto.fields.EncryptedEmailField(
                blank=True, max_length=254, verbose_name="e-mail"
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="address",
            field=complaints.crypto.fields.EncryptedTextField(blank=True, verbose_name="postal address"),
        ),
        migrations.AlterField(
            model_name="person",
            name="consent_statement",
            field=complaints.crypto.fields.EncryptedTextField(
                blank=True, verbose_name="the child's own words"
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="date_of_birth",
            field=complaints.crypto.fields.EncryptedDateField(
                blank=True, null=True, verbose_name="date of birth"
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="email",
            field=complaints.crypto.fields.EncryptedEmailField(
                blank=True, max_length=254, verbose_name="e-mail"
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="family_name",
            field=complaints.crypto.fields.EncryptedCharField(
                blank=True, max_length=100, verbose_name="family name"
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="given_name",
            field=complaints.crypto.fields.EncryptedCharField(
                blank=True, max_length=100, verbose_name="first name"
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="phone",
            field=complaints.crypto.fields.EncryptedCharField(
                blank=True, max_length=40, verbose_name="phone"
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="place_of_birth",
            field=complaints.crypto.fields.EncryptedCharField(
                blank=True, max_length=200, verbose_name="place of birth"
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="without_consent_reason",
            field=complaints.crypto.fields.EncryptedTextField(
                blank=True, verbose_name="reasons for acting without consent"
            ),
        ),
        migrations.AlterField(
            model_name="submission",
            name="signed_name",
            field=complaints.crypto.fields.EncryptedCharField(max_length=200, verbose_name="signed by"),
        ),
        migrations.AlterField(
            model_name="submission",
            name="snapshot",
            field=complaints.crypto.fields.EncryptedJSONField(verbose_name="content as submitted"),
        ),
        migrations.AlterField(
            model_name="triage",
            name="note",
            field=complaints.crypto.fields.EncryptedTextField(blank=True, verbose_name="internal note"),
        ),
        migrations.AlterField(
            model_name="triage",
            name="reason_for_filer",
            field=complaints.crypto.fields.EncryptedTextField(
                verbose_name="reason, in plain words for the filer"
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="first_name",
            field=complaints.crypto.fields.EncryptedCharField(
                blank=True, max_length=150, verbose_name="first name"
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="last_name",
            field=complaints.crypto.fields.EncryptedCharField(
                blank=True, max_length=150, verbose_name="family name"
            ),
        ),
        migrations.CreateModel(
            name="SearchDigest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("digest", models.CharField(max_length=32, verbose_name="digest")),
                (
                    "communication",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="complaints.communication",
                    ),
                ),
            ],
            options={
                "verbose_name": "search digest",
                "verbose_name_plural": "search digests",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("digest", "communication"), name="one_search_digest_per_case"
                    )
                ],
            },
        ),
        migrations.RunPython(migrations.RunPython.noop, constraints_now, elidable=False),
        migrations.RunPython(encrypt_existing, decrypt_existing, elidable=False),
    ]
