"""Load bench: many filers saving wizard steps at once, or caseworkers reading the API list, against
gunicorn on 127.0.0.1 with production settings and PostgreSQL.

    python bench/bench_filing.py [--cases 100000] [--filers 50] [--seconds 20] [--rate 0]
                                 [--workers 3] [--threads 1] [--api] [--profile] [--client lean]
                                 [--pg postgres://postgres@127.0.0.1:5432/postgres] [--database NAME]

Creates its own database (``--database``, by default opic_bench_filing_<pid>), migrates it, loads
``--cases`` submitted cases as bench/bench_workspace.py does, then makes ``--filers`` parents, each
with a draft of their own and a signed-in session (made directly in the session store: no password
is hashed). It starts gunicorn (``--workers`` sync workers, or gthread with ``--threads`` > 1) with
DEBUG off, the allowed host 127.0.0.1, the static files collected, a fresh secret key and
encryption key, and the requests marked as coming through the TLS proxy (``X-Forwarded-Proto:
https``, as behind the production proxy: no redirect to HTTPS, secure cookies, CSRF checking the
Origin). Each filer first fills its draft once (not timed), then saves steps in turn (who, state,
facts, rights, requests): a GET of the step, then its POST with the CSRF token and the draft's
version, the answers changed a little each time. The requests go out through a lean HTTP/1.0 client on
asyncio's streams (``--client httpx`` for the pooled httpx client, which costs three to four times
the CPU per request): on a 2-core machine what the load generator burns is taken from the workers. Each
run prints how the cores were shared between the workers, PostgreSQL and the load generator.

Closed loop (the default): every filer saves again as soon as its last save is answered, for
``--seconds``; it prints saves per second, the POST's p50/p95/p99 (and the GET's) and the errors
(anything but 302 to a POST and 200 to a GET). Open loop (``--rate R``): R saves start every
second whatever the server does (a save that waits for a free filer counts from when it should
have started); it prints the same figures. Targets on a 2-core machine with 3 workers: at least
100 saves/s with 0 errors closed-loop at 50 filers; p95 under 100 ms open-loop at 30 saves/s.

``--api``: instead of filers, ``--filers`` caseworkers of the NGO that handles every case (each with
a second factor and an API token) read the first page of the API list (``/api/v1/communications/``)
in a closed loop; it prints requests per second and the latencies (target at least 150/s for 20).

``--profile`` runs one step POST (with ``--api``, one read of the API list) under pyinstrument in this
process after the load (same database, same settings) and prints where its time goes. Gunicorn and
the database are stopped and dropped at the end, whatever happens. Redis (``--redis``, default
database 7) holds the cache and the task queue during the run; it is emptied at the end only if it
was empty at the start (otherwise the bench says so and leaves it as it is).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import logging
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlparse, urlunparse

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

TARGET_SAVES = 100.0
TARGET_OPEN_P95_MS = 100.0
TARGET_API = 150.0
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION_RE = re.compile(r'name="version" value="(\d+)"')
# The steps saved in turn, and what a parent answers on each ({n} changes with every save).
LOOP = ("who", "state", "facts", "rights", "requests")


def answers(slug: str, n: int) -> dict[str, str]:
    return {
        "who": {
            "audience": "adult",
            "author_is_victim": "False",
            "title": f"Алия {n % 7}",
            "dossier_language": "ru",
        },
        "author": {
            "author-given_name": "Мария",
            "author-family_name": "Иванова",
            "author-email": "m@example.org",
            "author-relationship_to_victim": "мать",
        },
        "victims": {
            "victims-TOTAL_FORMS": "1",
            "victims-INITIAL_FORMS": "0",
            "victims-0-given_name": "Алия",
            "victims-0-family_name": "Иванова",
            "victims-0-date_of_birth": "2019-04-09",
        },
        "state": {"state": "KAZ"},
        "facts": {
            "facts_summary": f"Органы опеки забрали дочь без решения суда ({n}).",
            "facts_start": "2024-09-01",
            "facts_continuing": "on",
        },
        "rights": {"articles": "CRC 9, 12", "explanation": f"Разлучили с матерью ({n})."},
        "requests": {"remedies_sought": f"Вернуть ребёнка матери ({n})."},
    }[slug]


# ---------------------------------------------------------------- setup (Django, in this process)


def production_env(url: str, redis: str) -> dict[str, str]:
    """The environment of gunicorn and of this process: production settings on 127.0.0.1."""
    return {
        "DATABASE_URL": url,
        "REDIS_URL": redis,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DJANGO_DEBUG": "False",
        "DJANGO_SECRET_KEY": "bench-" + secrets.token_urlsafe(48),
        "PORTAL_ENCRYPTION_KEYS": base64.urlsafe_b64encode(os.urandom(32)).decode(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_BEHIND_TLS_PROXY": "True",
    }


def prepare(total: int, people: int, api: bool) -> list[dict[str, Any]]:
    """Migrate, load the cases, make the people; return what each one sends (cookies or token)."""
    import django

    django.setup()
    import bench_workspace
    from allauth.mfa.models import Authenticator
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from rest_framework.authtoken.models import Token

    from complaints.models import Membership, Organisation, User
    from complaints.services import draft_start

    settings.ALLOWED_HOSTS = ["testserver"]
    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    bench_workspace.first_case()
    bench_workspace.grow(total, 1)
    print(f"migrated and loaded {total:,} cases in {time.perf_counter() - began:.1f} s")
    if not (ROOT.parent / "staticfiles" / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)
    ngo = Organisation.objects.get(kind="ngo")
    out = []
    for i in range(people):
        if api:
            user = User.objects.create(username=f"cw{i}", role="caseworker", email=f"cw{i}@example.org")
            Membership.objects.create(user=user, organisation=ngo)
            Authenticator.objects.create(
                user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
            )
            out.append({"token": Token.objects.create(user=user).key})
            continue
        user = User.objects.create(username=f"parent{i}", email=f"p{i}@example.org")
        draft = draft_start(user=user)
        client = Client()
        # A session made directly in the store, as logging in would: no password hashing.
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        out.append(
            {
                "cookies": {settings.SESSION_COOKIE_NAME: session},
                "base": f"/cases/{draft.reference}/step/",
            }
        )
    return out


# ---------------------------------------------------------------- the server


def start_gunicorn(env: dict[str, str], port: int, workers: int, threads: int) -> subprocess.Popen[bytes]:
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "portal.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--logger-class",
        "portal.logsafety.GunicornLogger",
        "--log-level",
        "warning",
    ]
    if threads > 1:
        command += ["--worker-class", "gthread", "--threads", str(threads)]
    server = subprocess.Popen(command, cwd=ROOT.parent, env={**os.environ, **env}, start_new_session=True)
    import httpx

    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer /healthz within a minute")


def cpu_seconds(server: subprocess.Popen[bytes]) -> float:
    """CPU time (user + system) used so far by gunicorn's worker processes (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    for pid in children:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def postgres_cpu_seconds() -> float:
    """CPU time (user + system) used so far by every PostgreSQL process on the machine (Linux /proc).

    The bench is meant for a quiet machine, so the other databases' share is small; the figure tells
    how the cores are shared between the workers, the database and this load generator.
    """
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            head, tail = stat.read_text().rsplit(")", 1)
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
        if head.split("(", 1)[-1] in {"postgres", "postmaster"}:
            fields = tail.split()
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def cpu_shares(workers: float, database: float, generator: float, elapsed: float) -> str:
    """Where the cores went during the timed loop, in cores (1.0 = one core busy all the time)."""
    return (
        f"  cores used: gunicorn workers {workers / elapsed:.2f}, PostgreSQL {database / elapsed:.2f}, "
        f"this load generator {generator / elapsed:.2f} (of {os.cpu_count()})"
    )


def stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


# ---------------------------------------------------------------- the load


@dataclass
class Tally:
    post_ms: list[float] = field(default_factory=list)
    get_ms: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)

    def error(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1


class Answer:
    """What the lean client read: the status, the headers (repeated ones kept) and the body as text."""

    def __init__(self, raw: bytes) -> None:
        head, _, body = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        self.status_code = int(lines[0].split(" ", 2)[1])
        pairs = (line.split(":", 1) for line in lines[1:] if ":" in line)
        self.fields = [(key.strip(), value.strip()) for key, value in pairs]
        self.text = body.decode("utf-8", "replace")
        self.headers = self

    def get_list(self, name: str) -> list[str]:
        return [value for key, value in self.fields if key.lower() == name]


class LeanClient:
    """An HTTP/1.0 client on asyncio's streams: one connection per request, read until the server closes it.

    Gunicorn's sync workers close every connection anyway, so nothing is lost against a pooled
    client; what is gained is the load generator's CPU (a third to a quarter of httpx's per request),
    which on a 2-core machine would otherwise be taken from the workers being measured.
    """

    def __init__(self, port: int) -> None:
        self.port = port

    async def request(self, method: str, path: str, headers: dict[str, str], body: bytes = b"") -> Answer:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        try:
            lines = [f"{method} {path} HTTP/1.0", f"Host: 127.0.0.1:{self.port}"]
            lines += [f"{key}: {value}" for key, value in headers.items()]
            if body:
                lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
            writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
            return Answer(await asyncio.wait_for(reader.read(), timeout=60))
        finally:
            writer.close()

    async def get(self, path: str, headers: dict[str, str]) -> Answer:
        return await self.request("GET", path, headers)

    async def post(self, path: str, data: dict[str, str], headers: dict[str, str]) -> Answer:
        return await self.request("POST", path, headers, urlencode(data).encode("ascii"))


class Filer:
    """One signed-in parent and their draft; keeps the cookies the server sets (Secure ones too)."""

    def __init__(self, client: Any, port: int, who: dict[str, Any]) -> None:
        self.client = client
        self.origin = f"https://127.0.0.1:{port}"
        self.cookies: dict[str, str] = dict(who["cookies"])
        self.base = who["base"]
        self.saves = 0

    def headers(self, post: bool = False) -> dict[str, str]:
        headers = {
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        if post:
            headers["Origin"] = self.origin
        return headers

    def keep_cookies(self, response: Any) -> None:
        for line in response.headers.get_list("set-cookie"):
            name, _, rest = line.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]

    async def save(self, slug: str, tally: Tally, began: float | None = None) -> bool:
        """GET the step, then POST it; ``began`` (open loop) is when the save should have started."""
        path = f"{self.base}{slug}/"
        t0 = time.perf_counter()
        response = await self.client.get(path, headers=self.headers())
        t1 = time.perf_counter()
        self.keep_cookies(response)
        csrf, version = CSRF_RE.search(response.text), VERSION_RE.search(response.text)
        if response.status_code != 200 or not csrf or not version:
            tally.error(f"GET {slug} {response.status_code}")
            return False
        tally.get_ms.append((t1 - (began if began is not None else t0)) * 1000)
        self.saves += 1
        data = {
            "csrfmiddlewaretoken": csrf.group(1),
            "version": version.group(1),
            **answers(slug, self.saves),
        }
        t2 = time.perf_counter()
        response = await self.client.post(path, data=data, headers=self.headers(post=True))
        t3 = time.perf_counter()
        self.keep_cookies(response)
        if response.status_code != 302:
            tally.error(f"POST {slug} {response.status_code}")
            return False
        tally.post_ms.append((t3 - t2) * 1000)
        return True


class Caseworker:
    def __init__(self, client: Any, who: dict[str, Any]) -> None:
        self.client = client
        self.token = who["token"]

    async def read(self, tally: Tally) -> bool:
        t0 = time.perf_counter()
        response = await self.client.get(
            "/api/v1/communications/",
            headers={"Authorization": f"Token {self.token}", "X-Forwarded-Proto": "https"},
        )
        if response.status_code != 200:
            tally.error(f"API {response.status_code}")
            return False
        tally.get_ms.append((time.perf_counter() - t0) * 1000)
        return True


async def closed_loop(actions: Sequence[Callable[[int], Awaitable[bool]]], seconds: float) -> float:
    began = time.perf_counter()
    until = began + seconds

    async def run(action: Callable[[int], Awaitable[bool]]) -> None:
        n = 0
        while time.perf_counter() < until:
            try:
                await action(n)
            except Exception as error:
                TALLY.error(type(error).__name__)
            n += 1

    await asyncio.gather(*(run(action) for action in actions))
    return time.perf_counter() - began


async def open_loop(filers: list[Filer], rate: float, seconds: float) -> float:
    """``rate`` saves start each second; each takes a free filer (waiting for one if none is free)."""
    idle: asyncio.Queue[Filer] = asyncio.Queue()
    for filer in filers:
        idle.put_nowait(filer)
    began = time.perf_counter()
    tasks = []

    async def one(i: int, due: float) -> None:
        filer = await idle.get()
        try:
            await filer.save(LOOP[i % len(LOOP)], TALLY, began=due)
        except Exception as error:
            TALLY.error(type(error).__name__)
        finally:
            idle.put_nowait(filer)

    i = 0
    while True:
        due = began + i / rate
        if due - began >= seconds:
            break
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(i, due)))
        i += 1
    await asyncio.gather(*tasks)
    return time.perf_counter() - began


TALLY = Tally()


def percentiles(values: list[float]) -> str:
    if not values:
        return "no answers"
    ordered = sorted(values)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))]

    return f"p50 {statistics.median(ordered):.0f} ms, p95 {at(0.95):.0f} ms, p99 {at(0.99):.0f} ms"


async def load(
    options: argparse.Namespace, people: list[dict[str, Any]], port: int, server: subprocess.Popen[bytes]
) -> int:
    import httpx

    global TALLY
    async with contextlib.AsyncExitStack() as stack:
        client: Any = LeanClient(port)
        if options.client == "httpx":
            pool = len(people) + 10
            limits = httpx.Limits(max_connections=pool, max_keepalive_connections=pool)
            client = await stack.enter_async_context(
                httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=60)
            )
        if options.api:
            workers = [Caseworker(client, who) for who in people]
            for worker in workers:  # warm up every worker process and connection
                await worker.read(TALLY)
            TALLY = Tally()
            cpu, database, generator = cpu_seconds(server), postgres_cpu_seconds(), time.process_time()
            reads = [lambda n, worker=worker: worker.read(TALLY) for worker in workers]
            elapsed = await closed_loop(reads, options.seconds)
            cpu = cpu_seconds(server) - cpu
            database, generator = postgres_cpu_seconds() - database, time.process_time() - generator
            done = len(TALLY.get_ms)
            errors = sum(TALLY.errors.values())
            rate = done / elapsed
            print(
                f"API list, {len(workers)} caseworkers, {elapsed:.1f} s: {rate:.0f} requests/s, "
                f"{done} answered, {errors} errors {TALLY.errors or ''}"
            )
            print(f"  latency: {percentiles(TALLY.get_ms)}")
            print(f"  gunicorn workers' CPU: {cpu / max(done, 1) * 1000:.1f} ms per request")
            print(cpu_shares(cpu, database, generator, elapsed))
            verdict = "meets" if rate >= TARGET_API and not errors else "below target"
            print(f"  target ≥ {TARGET_API:.0f} requests/s with 0 errors: {verdict}")
            return 0
        filers = [Filer(client, port, who) for who in people]
        fill = ("who", "author", "victims", "state", "facts", "rights", "requests")
        await asyncio.gather(*(filer_fill(filer, fill) for filer in filers))
        if TALLY.errors:
            print(f"filling the drafts failed: {TALLY.errors}")
            return 1
        TALLY = Tally()
        cpu, database, generator = cpu_seconds(server), postgres_cpu_seconds(), time.process_time()
        if options.rate:
            elapsed = await open_loop(filers, options.rate, options.seconds)
            label = f"open loop at {options.rate:g} saves/s"
        else:

            def action(filer: Filer) -> Callable[[int], Awaitable[bool]]:
                return lambda n: filer.save(LOOP[(n + filer.saves) % len(LOOP)], TALLY)

            elapsed = await closed_loop([action(filer) for filer in filers], options.seconds)
            label = f"closed loop, {len(filers)} filers"
        cpu = cpu_seconds(server) - cpu
        database, generator = postgres_cpu_seconds() - database, time.process_time() - generator
        saves = len(TALLY.post_ms)
        errors = sum(TALLY.errors.values())
        print(
            f"{label}, {elapsed:.1f} s: {saves / elapsed:.1f} saves/s ({saves} saves, "
            f"{saves + len(TALLY.get_ms)} requests), {errors} errors {TALLY.errors or ''}"
        )
        print(f"  step POST (the save): {percentiles(TALLY.post_ms)}")
        print(f"  gunicorn workers' CPU: {cpu / max(saves, 1) * 1000:.1f} ms per save (its GET and POST)")
        print(cpu_shares(cpu, database, generator, elapsed))
        label_get = "from when it should have started" if options.rate else "step GET"
        print(f"  step GET ({label_get}): {percentiles(TALLY.get_ms)}")
        if options.rate:
            p95 = sorted(TALLY.post_ms)[int(0.95 * (len(TALLY.post_ms) - 1))] if TALLY.post_ms else 0
            verdict = "meets" if p95 < TARGET_OPEN_P95_MS and not errors else "over target"
            print(f"  target: save p95 < {TARGET_OPEN_P95_MS:.0f} ms with 0 errors: {verdict}")
        else:
            verdict = "meets" if saves / elapsed >= TARGET_SAVES and not errors else "below target"
            print(f"  target ≥ {TARGET_SAVES:.0f} saves/s with 0 errors: {verdict}")
    return 0


async def filer_fill(filer: Filer, steps: tuple[str, ...]) -> None:
    for slug in steps:
        await filer.save(slug, TALLY)


def profile_one_save(people: list[dict[str, Any]], api: bool = False) -> None:
    """One step POST (with ``api``, one API list read) through Django's test client, under pyinstrument."""
    from django.test import Client
    from pyinstrument import Profiler

    who = people[0]
    client = Client(enforce_csrf_checks=False)
    profiler = Profiler(interval=0.0005)
    if api:
        headers = {"Authorization": f"Token {who['token']}"}
        for n in range(30):
            if n >= 10:
                profiler.start()
            response = client.get("/api/v1/communications/", secure=True, headers=headers)
            if n >= 10:
                profiler.stop()
            assert response.status_code == 200, response.status_code
        print("\nWhere 20 reads of the API list spend their time:")
        print(profiler.output_text(unicode=True, color=False, short_mode=True))
        return
    for name, value in who["cookies"].items():
        client.cookies[name] = value
    path = f"{who['base']}facts/"
    for n in range(30):
        page = client.get(path, secure=True).content.decode()
        version = VERSION_RE.search(page)
        assert version, page[:500]
        if n >= 10:
            profiler.start()
        response = client.post(path, {"version": version.group(1), **answers("facts", n)}, secure=True)
        if n >= 10:
            profiler.stop()
        assert response.status_code == 302, response.status_code
    print("\nWhere 20 step POSTs (facts) spend their time:")
    print(profiler.output_text(unicode=True, color=False, short_mode=True))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--pg", default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    )
    parser.add_argument("--redis", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7"))
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--filers", type=int, default=50, help="filers, or caseworkers with --api")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--rate", type=float, default=0, help="open loop: saves started per second")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="more than 1: gthread workers")
    parser.add_argument("--api", action="store_true", help="caseworkers reading the API list")
    parser.add_argument(
        "--client",
        choices=("lean", "httpx"),
        default="lean",
        help="the load generator's HTTP client: lean (asyncio streams, the least CPU) or httpx (pooled)",
    )
    parser.add_argument("--profile", action="store_true", help="profile one step POST after the load")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--database", default=f"opic_bench_filing_{os.getpid()}")
    options = parser.parse_args()

    import psycopg

    name = options.database
    with psycopg.connect(options.pg, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = urlunparse(urlparse(options.pg)._replace(path=f"/{name}"))
    env = production_env(url, options.redis)
    os.environ.update(env)
    redis_was_empty = redis_size(options.redis) == 0
    server = None
    try:
        people = prepare(options.cases, options.filers, options.api)
        logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise
        port = options.port or free_port()
        server = start_gunicorn(env, port, options.workers, options.threads)
        workers = (
            f"{options.workers} gthread workers × {options.threads} threads"
            if options.threads > 1
            else (f"{options.workers} sync workers")
        )
        print(f"gunicorn on 127.0.0.1:{port}, {workers}; load average {os.getloadavg()[0]:.1f}")
        code = asyncio.run(load(options, people, port, server))
        print(f"load average after: {os.getloadavg()[0]:.1f}")
        if options.profile:
            profile_one_save(people, api=options.api)
        return code
    finally:
        if server is not None:
            stop(server)
        from django.db import connections

        connections.close_all()
        with psycopg.connect(options.pg, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if redis_was_empty:
            import redis

            redis.Redis.from_url(options.redis).flushdb()
        else:
            print(f"{options.redis} was not empty (or did not answer) before the run: not emptied")
        print(f"stopped gunicorn, dropped database {name}")


def redis_size(url: str) -> int | None:
    """The number of keys in the Redis database at ``url``, or None when it does not answer."""
    import redis

    try:
        return int(redis.Redis.from_url(url, socket_connect_timeout=1).dbsize())
    except redis.RedisError:
        return None


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


if __name__ == "__main__":
    sys.exit(main())
