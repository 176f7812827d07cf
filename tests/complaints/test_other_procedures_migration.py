"""The migration that adds the explicit answer on other international procedures (art. 7(d)).

A case with procedures listed answered yes; a submitted case without any was sent as "none", so it
keeps meaning no; a draft without any has not answered, and stays unknown.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)


def the_migration(executor: MigrationExecutor) -> tuple[str, str]:
    """Found by its name's ending, so that renumbering the migrations does not break this test."""
    [node] = [
        key
        for key in executor.loader.graph.nodes
        if key[0] == "complaints" and key[1].endswith("_other_procedures_answer")
    ]
    return node


def test_existing_cases_get_the_answer_their_rows_and_status_give_and_drafts_stay_unknown() -> None:
    executor = MigrationExecutor(connection)
    target = the_migration(executor)
    [before] = [p for p in executor.loader.graph.node_map[target].parents if p.key[0] == "complaints"]
    executor.migrate([before.key])
    old = executor.loader.project_state([before.key]).apps
    filer = old.get_model("complaints", "User").objects.create(username="f")
    Communication = old.get_model("complaints", "Communication")
    draft = Communication.objects.create(filer=filer, title="a", status="draft")
    submitted = Communication.objects.create(filer=filer, title="b", status="submitted")
    listed = Communication.objects.create(filer=filer, title="c", status="draft")
    old.get_model("complaints", "OtherProcedure").objects.create(communication=listed, body="ECtHR")

    executor = MigrationExecutor(connection)
    executor.migrate([target])
    new = executor.loader.project_state([target]).apps
    answers = dict(
        new.get_model("complaints", "Communication").objects.values_list("pk", "other_procedures_taken")
    )
    assert answers == {draft.pk: None, submitted.pk: False, listed.pk: True}

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
