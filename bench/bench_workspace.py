"""Benchmark the caseworker's case list, the ombudsman's review queue and the API list on PostgreSQL,
and how their cost grows with the number of cases.

    python bench/bench_workspace.py [--pg postgres://postgres@127.0.0.1:5432/postgres]
                                    [--cases 1000,10000,100000] [--requests 60] [--database NAME]

Creates its own database (``--database``, by default opic_bench_ws_<pid>), migrates it and loads
communications, all handled by one NGO and routed to one ombudsman office (the worst case: every
case is visible to the caseworker and the reviewer), each with a victim, a claim and a deadline
(pending for about half of them). ``--cases`` takes one size or a comma-separated growing list:
the database grows from one size to the next (bulk ``INSERT … SELECT`` from ``generate_series``,
cloning one case made through the models) and every page is measured at each size. It times pages
through Django's test client (the whole request: middleware, permissions, queries, templates) and
prints, per size, the median and 95th percentile and the SQL queries of the case list, a filter,
the name search, the review queue and the API list, then a growth table: each page's p95 against
its p95 at the smallest size (target: at most 1.5×, with the same number of queries). The
database is dropped at the end, whatever happens.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_P95_MS = 150.0
TARGET_GROWTH = 1.5
# The case the name search looks for (it exists from this many cases on).
RARE = 4242

# (label, who, path): the pages a caseworker and a reviewer open most.
PAGES = (
    ("case list", "caseworker", "/cases/"),
    ("case list, by last change", "caseworker", "/cases/?sort=-updated"),
    ("filter (urgent)", "caseworker", "/cases/?is_urgent=true"),
    ("name search", "caseworker", f"/cases/?q=Name{RARE}"),
    ("review queue", "reviewer", "/review/"),
    ("API list", "caseworker", "/api/v1/communications/"),
)


def admin_connection(url: str) -> Any:
    import psycopg

    return psycopg.connect(url, autocommit=True)


def sizes(value: str) -> list[int]:
    numbers = sorted({int(part.replace("_", "")) for part in value.split(",") if part.strip()})
    if not numbers or numbers[0] < 1:
        raise argparse.ArgumentTypeError("sizes are whole numbers of cases, at least 1")
    return numbers


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--pg", default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    )
    parser.add_argument(
        "--cases",
        type=sizes,
        default=[1_000, 10_000, 100_000],
        help="one size, or a growing list: 1000,10000",
    )
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--database", default=f"opic_bench_ws_{os.getpid()}")
    options = parser.parse_args()
    name = options.database
    with admin_connection(options.pg) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = urlunparse(urlparse(options.pg)._replace(path=f"/{name}"))
        return run(url, options.cases, options.requests)
    finally:
        from django.db import connections

        connections.close_all()
        with admin_connection(options.pg) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        print(f"dropped database {name}")


def first_case() -> tuple[Any, Any]:
    """Make the people, the offices and case 1 through the models: the rows every other case clones."""
    from datetime import timedelta

    from allauth.mfa.models import Authenticator
    from django.utils import timezone

    from complaints.models import Claim, Communication, Deadline, Membership, Organisation, Person, User

    ngo = Organisation.objects.create(name="NGO", kind="ngo", country="KAZ")
    office = Organisation.objects.create(name="Office", kind="ombudsman", country="KAZ")
    caseworker = User.objects.create(username="caseworker", role="caseworker", email="c@example.org")
    reviewer = User.objects.create(username="reviewer", role="ombudsman_reviewer", email="r@example.org")
    filer = User.objects.create(username="filer", email="f@example.org")
    Membership.objects.create(user=caseworker, organisation=ngo)
    Membership.objects.create(user=reviewer, organisation=office)
    for user in (caseworker, reviewer):  # staff pages open only with a second factor
        Authenticator.objects.create(
            user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
        )
    today = timezone.localdate()
    case = Communication.objects.create(
        filer=filer,
        organisation=ngo,
        routed_to=office,
        title="Case 1",
        state="KAZ",
        status="submitted",
        submitted_on=today,
        verdict="needs_review",
        next_deadline_on=today,
    )
    Person.objects.create(communication=case, role="victim", given_name="Aliya", family_name="Name1")
    Claim.objects.create(communication=case, article=20)
    Deadline.objects.create(
        communication=case,
        kind="state_explanations",
        anchor_on=today - timedelta(days=182),
        due_on=today,
        source="OPIC art. 8(2)",
        status="open",
    )
    return caseworker, reviewer


def clone(model: Any, template_id: int, source: str, overrides: dict[str, str]) -> str:
    """SQL that inserts one row per row of ``source`` (aliased ``s``), copying the template row ``t``."""
    columns = [f.column for f in model._meta.concrete_fields if f.column != "id" or "id" in overrides]
    values = [overrides.get(column, f't."{column}"') for column in columns]
    table = model._meta.db_table
    quoted = ", ".join(f'"{c}"' for c in columns)
    return (
        f'INSERT INTO "{table}" ({quoted}) '
        f'SELECT {", ".join(values)} FROM "{table}" t, {source} WHERE t.id = {template_id}'
    )


def grow(upto: int, have: int) -> None:
    """Add cases ``have + 1`` … ``upto`` (case ``i`` has id ``i``), each with a victim, claim and deadline.

    Due dates spread over a year and a half around today; most past deadlines were met (the case
    then has no nearest deadline), one in fifty was not.
    """
    from django.db import connection

    from complaints.models import Claim, Communication, Deadline, Person

    statuses = [s for s in Communication.Status.values if s != "draft"]
    status_array = "ARRAY[" + ", ".join(f"'{s}'" for s in statuses) + "]"
    due = "(CURRENT_DATE + ({i} % 540 - 270)::int)"
    pending = "({due} >= CURRENT_DATE OR {i} % 50 = 0)"
    template = {
        m: m.objects.order_by("pk").values_list("pk", flat=True)[0]
        for m in (Communication, Person, Claim, Deadline)
    }
    with connection.cursor() as cursor:
        g_due, c_due = due.format(i="g"), due.format(i="s.id")
        cursor.execute(
            clone(
                Communication,
                template[Communication],
                f"generate_series({have + 1}, {upto}) s(g)",
                {
                    "id": "g",
                    "reference": "gen_random_uuid()",
                    "status": f"({status_array})[1 + g % {len(statuses)}]",
                    "submitted_on": "DATE '2025-01-01' + g % 600",
                    "is_urgent": "g % 97 = 0",
                    "interim_measures_requested": "g % 89 = 0",
                    "next_deadline_on": f"CASE WHEN {pending.format(due=g_due, i='g')} THEN {g_due} END",
                    "updated_at": "t.updated_at - g * INTERVAL '1 minute'",
                    "created_at": "t.created_at - g * INTERVAL '1 minute'",
                },
            )
        )
        source = f'"{Communication._meta.db_table}" s'
        where = f" AND s.id BETWEEN {have + 1} AND {upto}"
        cursor.execute(
            clone(
                Person,
                template[Person],
                source,
                {"communication_id": "s.id"},
            )
            + where
        )
        cursor.execute(
            clone(Claim, template[Claim], source, {"communication_id": "s.id", "article": "19 + s.id % 10"})
            + where
        )
        cursor.execute(
            clone(
                Deadline,
                template[Deadline],
                source,
                {
                    "communication_id": "s.id",
                    "due_on": c_due,
                    "anchor_on": f"{c_due} - 182",
                    "status": f"CASE WHEN {c_due} >= CURRENT_DATE THEN 'open' "
                    f"WHEN s.id % 50 = 0 THEN 'overdue' ELSE 'met' END",
                    "next_action_on": "NULL",
                },
            )
            + where
        )
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{Communication._meta.db_table}', 'id'), {upto})"
        )
        # As autovacuum would after a bulk load: statistics, and the visibility map that lets
        # PostgreSQL count from an index alone.
        cursor.execute("VACUUM ANALYZE")
    # Names and titles are encrypted: the rows above copy the template case's ciphertext. One case
    # gets a name of its own, through the model (encrypted, and indexed for the search).
    if have < RARE <= upto:
        rare = Person.objects.get(communication_id=RARE)
        rare.family_name = f"Name{RARE}"
        rare.save()


def timed(client: Any, url: str, count: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches
    times = []
    for _ in range(count):
        began = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (url, response.status_code, response.get("Location"))
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    if os.environ.get("BENCH_SQL") == "1":
        for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:3]:
            print(f"    {float(query['time']) * 1000:.0f} ms: {query['sql'][:400]}")
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], len(queries)


def run(url: str, totals: list[int], count: int) -> int:
    os.environ["DATABASE_URL"] = url
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    caseworker, reviewer = first_case()
    clients = {}
    for key, user in (("caseworker", caseworker), ("reviewer", reviewer)):
        clients[key] = Client()
        clients[key].force_login(user, backend="django.contrib.auth.backends.ModelBackend")

    results: dict[int, dict[str, tuple[float, float, int]]] = {}
    have = 1
    for total in totals:
        began = time.perf_counter()
        grow(total, have)
        have = total
        print(f"\n{total:,} cases (loaded up to here in {time.perf_counter() - began:.1f} s)")
        results[total] = {}
        for label, who, path in PAGES:
            median, p95, queries = timed(clients[who], path, count)
            results[total][label] = (median, p95, queries)
            print(
                f"  {label:<26} {path:<26} median {median:4.0f} ms, p95 {p95:4.0f} ms, {queries:2d} queries"
            )
        _, _, page2 = timed(clients["caseworker"], "/cases/?page=2", 3)
        print(f"  case list page 2: {page2} SQL queries (the same as page 1)")

    print("\nGrowth of p95 (ms) and SQL queries with the number of cases:")
    print(f"  {'page':<26}" + "".join(f"{total:>16,}" for total in totals) + "   growth")
    worst_growth, worst_p95 = 0.0, 0.0
    first = totals[0]
    for label, _, _ in PAGES:
        cells = "".join(f"{results[t][label][1]:>9.0f} ms/{results[t][label][2]:>2d}q" for t in totals)
        growth = results[totals[-1]][label][1] / max(results[first][label][1], 0.1)
        worst_growth = max(worst_growth, growth)
        worst_p95 = max(worst_p95, *(results[t][label][1] for t in totals))
        same = len({results[t][label][2] for t in totals}) == 1
        print(f"  {label:<26}{cells}   {growth:.2f}×{'' if same else ' (queries differ)'}")
    verdict = "meets" if worst_growth <= TARGET_GROWTH else "over target"
    print(
        f"worst growth {worst_growth:.2f}× from {first:,} to {totals[-1]:,} cases "
        f"(target ≤ {TARGET_GROWTH}×: {verdict})"
    )
    verdict = "meets" if worst_p95 < TARGET_P95_MS else "below target"
    print(f"workspace worst p95 {worst_p95:.0f} ms (target < {TARGET_P95_MS:.0f} ms: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
