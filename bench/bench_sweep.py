"""Benchmark the deadline sweep on PostgreSQL: 1,000,000 deadlines, of which 1,000 are due today.

    python bench/bench_sweep.py [--pg postgres://postgres@127.0.0.1:5432/postgres]
                                [--deadlines 1000000] [--due 1000]

Creates its own database (opic_bench_sweep_<pid>) on the server, migrates it, bulk-loads the
rows with COPY (communications are copied server-side from one template row), runs ANALYZE,
prints the EXPLAIN plan of the sweep's batch query (it must use the partial index
deadline_next_action), then times ``deadlines_sweep`` twice: the first run does the work
(reminders, notifications, overdue marks, escalations to coordinators), the second finds
nothing left and sends nothing. The database is dropped at the end, whatever happens. Target:
the first sweep under 1 s. E-mails are not part of the sweep (a separate task sends them), but
their rendering is timed too, with Django's in-memory e-mail backend.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_SECONDS = 1.0
TODAY = date(2026, 3, 2)
KINDS = ["filing", "state_explanations", "author_comments", "follow_up", "interim_measures"]


def admin_connection(url: str) -> Any:
    import psycopg

    return psycopg.connect(url, autocommit=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--pg", default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    )
    parser.add_argument("--deadlines", type=int, default=1_000_000)
    parser.add_argument("--due", type=int, default=1_000)
    options = parser.parse_args()

    name = f"opic_bench_sweep_{os.getpid()}"
    parsed = urlparse(options.pg)
    with admin_connection(options.pg) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        return run(urlunparse(parsed._replace(path=f"/{name}")), options.deadlines, options.due)
    finally:
        from django.db import connections

        connections.close_all()
        with admin_connection(options.pg) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        print(f"dropped database {name}")


def run(url: str, total: int, due: int) -> int:
    os.environ["DATABASE_URL"] = url
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrated {connection.settings_dict['NAME']} in {time.perf_counter() - began:.1f} s")

    began = time.perf_counter()
    load(total, due)
    print(f"loaded {total:,} deadlines ({due:,} due on {TODAY}) in {time.perf_counter() - began:.1f} s")

    from complaints.deadlines.services import deadlines_sweep, deadlines_sweep_batch, reminder_emails_send
    from complaints.models import Deadline, DeadlineReminder

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    with transaction.atomic(), connection.cursor() as cursor:  # FOR UPDATE needs a transaction
        sql, params = deadlines_sweep_batch(today=TODAY, batch_size=1000).query.sql_with_params()
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, params)
        plan = "\n".join(f"    {row[0]}" for row in cursor.fetchall())
        transaction.set_rollback(True)  # and let go of the locks
    print("EXPLAIN ANALYZE of the sweep's batch query:\n" + plan)
    if "deadline_next_action" not in plan:
        print("WARNING: the partial index deadline_next_action is not in the plan")

    began = time.perf_counter()
    first = deadlines_sweep(today=TODAY)
    first_seconds = time.perf_counter() - began
    began = time.perf_counter()
    second = deadlines_sweep(today=TODAY)
    second_seconds = time.perf_counter() - began
    verdict = "meets" if first_seconds < TARGET_SECONDS else "misses"
    print(
        f"sweep 1: {first_seconds:.3f} s for {first.deadlines:,} due deadlines: {first.reminders:,} "
        f"reminders and notifications, {first.overdue:,} marked overdue, {first.escalations:,} escalations "
        f"(target < {TARGET_SECONDS:.0f} s: {verdict})"
    )
    print(f"sweep 2 (same day): {second_seconds:.3f} s, {second.deadlines} due, {second.reminders} sent")
    assert second.reminders == 0
    assert Deadline.objects.filter(next_action_on__lte=TODAY).count() == 0

    began = time.perf_counter()
    sent = reminder_emails_send(first.reminder_ids)
    seconds = time.perf_counter() - began
    print(f"e-mails: {sent:,} rendered and handed to the in-memory backend in {seconds:.2f} s")
    assert DeadlineReminder.objects.filter(emailed_at=None).count() == 0
    return 0


def load(total: int, due: int) -> None:
    """Bulk-load users, organisations, communications and deadlines with COPY and INSERT … SELECT."""
    from django.db import connection
    from django.utils import timezone

    from complaints.models import Communication, Membership, Organisation, User

    rng = random.Random(5)
    users = User.objects.bulk_create(
        [User(username=f"bench{n}", email=f"bench{n}@example.org", role="filer") for n in range(2_000)]
    )
    coordinators = User.objects.bulk_create(
        [User(username=f"coordinator{n}", email=f"c{n}@example.org", role="caseworker") for n in range(20)]
    )
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=f"NGO {n}", kind="ngo", country="KAZ") for n in range(20)]
    )
    Membership.objects.bulk_create(
        [
            Membership(user=u, organisation=o, is_coordinator=True)
            for u, o in zip(coordinators, organisations, strict=True)
        ]
    )
    template = Communication.objects.create(
        filer=users[0], title="Template", state="KAZ", status="transmitted"
    )
    cases = (total + len(KINDS) - 1) // len(KINDS)
    columns = [str(f.column) for f in Communication._meta.concrete_fields if f.column != "id"]
    chosen = {
        "reference": "gen_random_uuid()",
        "filer_id": f"(SELECT min(id) FROM complaints_user) + (n %% {len(users)})",
        "organisation_id": f"(SELECT min(id) FROM complaints_organisation) + (n %% {len(organisations)})",
        "title": "'Case ' || n",
    }
    select = ", ".join(chosen.get(column, f't."{column}"') for column in columns)
    names = ", ".join(f'"{column}"' for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO complaints_communication ({names}) "
            f"SELECT {select} FROM complaints_communication t, generate_series(1, %s) AS n WHERE t.id = %s",
            [cases - 1, template.pk],
        )
        cursor.execute("SELECT id FROM complaints_communication ORDER BY id")
        case_ids = [row[0] for row in cursor.fetchall()]

    due_slots = set(rng.sample(range(total), due))
    now = timezone.now().isoformat()
    buffer = io.StringIO()
    for slot in range(total):
        case_id, kind = case_ids[slot // len(KINDS)], KINDS[slot % len(KINDS)]
        if slot in due_slots:
            # A mix of what a real day brings: reminders at every stage and a few just overdue.
            days = rng.choice([30, 14, 7, 1, -1, -1])
            due_on = TODAY + timedelta(days=days)
            status, next_on = "open", TODAY
        elif slot % 5 < 3:
            due_on = TODAY - timedelta(days=rng.randrange(30, 2000))
            status, next_on = rng.choice(["met", "cancelled"]), None
        else:
            due_on = TODAY + timedelta(days=rng.randrange(40, 400))
            status, next_on = "open", due_on - timedelta(days=30)
        anchor = due_on - timedelta(days=182)
        buffer.write(
            f"{case_id}\t{kind}\t{anchor}\t{due_on}\tOPIC\t{status}\t\\N\t"
            f"{next_on if next_on else chr(92) + 'N'}\t\\N\t{now}\t{now}\n"
        )
    buffer.seek(0)
    with connection.cursor() as cursor:
        copy_sql = (
            "COPY complaints_deadline (communication_id, kind, anchor_on, due_on, source, status, met_on, "
            "next_action_on, escalated_on, created_at, updated_at) FROM STDIN"
        )
        with cursor.cursor.copy(copy_sql) as copy:
            while chunk := buffer.read(1 << 20):
                copy.write(chunk)


if __name__ == "__main__":
    sys.exit(main())
