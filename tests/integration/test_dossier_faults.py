"""Redis down at the moment of signing, with a real worker: the case is saved and its dossier rendered.

Runs three trials of bench/faults.py's ``redis-down`` fault on this test's PostgreSQL database: the
script starts its own redis-server (the one it stops and starts again, never the shared one) and
one real Celery worker against it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.db import connection

from tests.integration.conftest import ROOT

pytestmark = pytest.mark.integration


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nothing_is_lost_when_redis_is_down_at_signing() -> None:
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "faults.py"),
            "--trials",
            "3",
            "--faults",
            "redis-down",
            "--database-url",
            database_url,
            "--no-create",
            "--max-seconds",
            "300",
            "--json",
        ],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=360,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    [row] = json.loads(run.stdout.strip().splitlines()[-1])
    assert (row["trials"], row["saved"], row["signing_errors"]) == (3, 3, 0)
    assert (row["rendered"], row["lost"], row["duplicates"]) == (3, 0, 0)
    assert row["redrive_sends"] >= 3  # each send at signing failed: the re-drive sent them all
