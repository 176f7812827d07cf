"""Indexes for the case list's search, on PostgreSQL only (SQLite, used by the tests, gets nothing).

The search (complaints.filters) asks for part of a name or title with ``icontains``, which Django
writes on PostgreSQL as ``UPPER("column"::text) LIKE UPPER('%value%')``; a trigram GIN index on that
same expression answers it for values of three characters or more, instead of reading every row.
``state__iexact`` is ``UPPER("state"::text) = UPPER('value')``: a B-tree on that expression.

The GIN indexes keep no pending list (fastupdate off): otherwise every search reads each entry not
yet merged into the index (some 40 ms after loading 100,000 cases, until the next VACUUM). Saving a
case or a person updates the index at once instead, a few dozen trigram entries per title or name.

pg_trgm ships with PostgreSQL and is a trusted extension (13+): the database's owner may create it.
Reversing drops the indexes and leaves the extension, which something else may use.
"""

from django.db import migrations

GIN = "WITH (fastupdate = off)"
INDEXES = {
    "communication_title_trgm": (
        f"complaints_communication USING gin ((UPPER(title::text)) gin_trgm_ops) {GIN}"
    ),
    "communication_committee_ref_trgm": (
        f"complaints_communication USING gin ((UPPER(committee_reference::text)) gin_trgm_ops) {GIN}"
    ),
    "communication_state_upper": "complaints_communication ((UPPER(state::text)))",
    "person_family_name_trgm": f"complaints_person USING gin ((UPPER(family_name::text)) gin_trgm_ops) {GIN}",
    "person_given_name_trgm": f"complaints_person USING gin ((UPPER(given_name::text)) gin_trgm_ops) {GIN}",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):

    dependencies = [
        ("complaints", "0008_invitations"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
