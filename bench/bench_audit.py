"""Benchmark what the audit trail costs a case page, on PostgreSQL.

    python bench/bench_audit.py [--pg postgres://postgres@127.0.0.1:5432/postgres]
                                [--requests 400] [--entries 100000]

Creates its own database (opic_bench_audit_<pid>), migrates it, loads one case with its parts and
``--entries`` audit entries written before, about a thousand other cases and a few about this one
(so that finding the last hash of the chain and the case's readers is measured on a log that has
grown), then times the case page through Django's test client, read by its
caseworker, with the audit middleware and without it, one request of each in turn so that both see
the same machine. It prints the median and 95th percentile of each, the difference, and the SQL
statements the audit adds to one request (target: one INSERT, and under 10 % of the page's median). The
filer's page, which also lists who read the case, is timed too. The second-factor gate is left out
of both runs (the accounts have none); the database is dropped at the end, whatever happens.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
AUDIT = "complaints.audit.middleware.AuditMiddleware"
GATE = "complaints.middleware.SecondFactorRequiredMiddleware"
TARGET_SHARE = 0.10  # of the page's median time without the audit


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
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--entries", type=int, default=100_000)
    options = parser.parse_args()
    name = f"opic_bench_audit_{os.getpid()}"
    with admin_connection(options.pg) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = urlunparse(urlparse(options.pg)._replace(path=f"/{name}"))
        return run(url, options.requests, options.entries)
    finally:
        from django.db import connections

        connections.close_all()
        with admin_connection(options.pg) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        print(f"dropped database {name}")


def load(entries: int) -> tuple[Any, Any, str]:
    from django.utils import timezone

    from complaints.audit.models import AuditEntry
    from complaints.audit.services import audit_write
    from complaints.models import Claim, Communication, Membership, Organisation, Person, User

    ngo = Organisation.objects.create(name="NGO", kind="ngo", country="KAZ")
    caseworker = User.objects.create(username="caseworker", role="caseworker", email="c@example.org")
    filer = User.objects.create(username="filer", email="f@example.org")
    Membership.objects.create(user=caseworker, organisation=ngo)
    case = Communication.objects.create(filer=filer, organisation=ngo, title="Case", state="KAZ")
    Person.objects.create(communication=case, role="victim", given_name="Aliya", family_name="Name")
    Claim.objects.create(communication=case, article=19)
    # The log of a portal that has run a while: reads of a thousand other cases, and this case's own.
    others = [uuid.uuid4() for _ in range(1000)]
    for offset in range(0, entries, 5000):
        audit_write(
            [
                AuditEntry(
                    at=timezone.now(),
                    actor=caseworker,
                    actor_role="caseworker",
                    actor_organisation="NGO",
                    action="read",
                    route="complaints:communication_detail",
                    method="GET",
                    status_code=200,
                    communication_reference=case.reference if number % 500 == 0 else others[number % 1000],
                    object_kind="communication",
                )
                for number in range(offset, min(offset + 5000, entries))
            ]
        )
    return caseworker, filer, case.get_absolute_url()


def client_for(user: Any) -> Any:
    from django.test import Client

    client = Client()  # a new client builds its middleware chain from the settings of the moment
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    client.get("/")
    return client


def alternating(full: list[str], user: Any, url: str, total: int) -> dict[bool, list[float]]:
    """Time ``url`` with and without the audit, one request of each in turn, so both share the machine."""
    from django.conf import settings

    clients = {}
    for audited in (True, False):
        settings.MIDDLEWARE = full if audited else [name for name in full if name != AUDIT]
        clients[audited] = client_for(user)  # builds its middleware chain now, from these settings
        clients[audited].get(url)
    settings.MIDDLEWARE = full
    times: dict[bool, list[float]] = {True: [], False: []}
    for number in range(2 * total):
        audited = number % 2 == 0
        began = time.perf_counter()
        response = clients[audited].get(url)
        times[audited].append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, response.status_code
    return times


def summary(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def audit_statements(full: list[str], user: Any, url: str) -> list[str]:
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    captured: dict[bool, list[str]] = {}
    for audited in (True, False):
        settings.MIDDLEWARE = full if audited else [name for name in full if name != AUDIT]
        client = client_for(user)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        captured[audited] = [query["sql"] for query in queries.captured_queries]
    settings.MIDDLEWARE = full
    marks = ("auditentry", "advisory", "organisation__name")
    return [sql for sql in captured[True] if any(mark in sql for mark in marks)]


def run(url: str, total: int, entries: int) -> int:
    os.environ["DATABASE_URL"] = url
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    full = [name for name in settings.MIDDLEWARE if name != GATE]
    settings.MIDDLEWARE = full
    call_command("migrate", verbosity=0)
    caseworker, filer, case_url = load(entries)
    print(f"case page, {total} requests each way, {entries:,} entries already in the log")
    added = audit_statements(full, caseworker, case_url)
    inserts = sum(sql.startswith("INSERT") for sql in added)
    print(f"statements of the audit in one request: {len(added)}, of which INSERT: {inserts}")
    for sql in added:
        print(f"    {sql[:110]}")
    worst = 0.0  # the largest share of a page's time the audit adds
    for user, label in ((caseworker, "caseworker"), (filer, "filer (with who read it)")):
        times = alternating(full, user, case_url, total)
        (with_median, with_p95), (without_median, without_p95) = summary(times[True]), summary(times[False])
        cost = with_median - without_median
        worst = max(worst, cost / without_median)
        print(
            f"{label}: with the audit median {with_median:.1f} ms (p95 {with_p95:.1f}), "
            f"without {without_median:.1f} ms (p95 {without_p95:.1f}): {cost:+.1f} ms"
        )
    verdict = "meets" if worst < TARGET_SHARE else "above target"
    print(f"audit cost at the median {worst:.0%} of the page (target < {TARGET_SHARE:.0%}: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
