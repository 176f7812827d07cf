"""Fault suite: is anything lost when Redis or a Celery worker falls while a case is submitted?

    python bench/faults.py [--trials 20] [--faults redis-down,pool-kill,worker-kill] [--json]

Starts a private redis-server on a free port and one real Celery worker (prefork, one pool
process) against it and a private PostgreSQL database (DATABASE_URL, by default
postgres://postgres@127.0.0.1:5432/opic_faults, created and migrated when missing). This
process plays the web server: it signs and submits real cases with
``complaints.filing.submission.communication_submit``. For each fault it runs ``--trials`` trials:

- ``redis-down``: Redis is shut down just before signing, the case is signed, Redis is started
  again (empty, as a Redis without persistence comes back);
- ``pool-kill``: the pool process rendering the dossier is killed with SIGKILL mid-render;
- ``worker-kill``: the whole worker (main process and pool) is killed with SIGKILL mid-render,
  then started again.

Celery beat is played by this process too: every ``--tick`` seconds it runs the re-drive
(``complaints.tasks.redrive_dossiers`` runs it every minute in production). Time limits are
shortened so that a trial takes seconds, not minutes: hard limit 12 s, visibility timeout 15 s,
re-send after 3 s. The Django cache stays in memory here; the portal's own Redis cache falls back
to memory when Redis is down (portal/cache.py; tests/integration/test_redis_down.py).

It prints, per fault: trials; submissions saved (and errors the filer would have seen at
signing); dossiers rendered (ready, checksum matching the stored file); dossiers lost (not
ready when the trial's time ran out); duplicates (a dossier whose file was stored more than once);
renders (attempts, all trials) and sends made by the re-drive. It stops everything it started,
and gives up after ``--max-seconds``.
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FAULTS = ("redis-down", "pool-kill", "worker-kill")
TRIAL_SECONDS = 90.0


@dataclass
class Row:
    fault: str
    trials: int = 0
    saved: int = 0
    signing_errors: int = 0
    rendered: int = 0
    lost: int = 0
    duplicates: int = 0
    renders: int = 0
    redrive_sends: int = 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RedisServer:
    """A private redis-server without persistence, on its own port."""

    def __init__(self, port: int, workdir: Path) -> None:
        self.port, self.pidfile = port, workdir / f"redis-{port}.pid"

    def start(self) -> None:
        subprocess.run(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "yes",
                "--pidfile",
                str(self.pidfile),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self._wait(up=True)

    def stop(self) -> None:
        pid = self._pid()
        if pid is None:
            return
        subprocess.run(
            ["redis-cli", "-p", str(self.port), "shutdown", "nosave"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=10,
            check=False,
        )
        deadline = time.monotonic() + 10
        while self._alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if self._alive(pid):
            os.kill(pid, signal.SIGKILL)
        self.pidfile.unlink(missing_ok=True)

    def _pid(self) -> int | None:
        try:
            return int(self.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None

    @staticmethod
    def _alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return Path(f"/proc/{pid}").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text()

    def _wait(self, *, up: bool) -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    if up:
                        return
            except OSError:
                if not up:
                    return
            time.sleep(0.05)
        raise RuntimeError(f"redis-server on port {self.port} did not come {'up' if up else 'down'}")


class Worker:
    """One real Celery worker: prefork with one pool process, in a session of its own."""

    def __init__(self, env: dict[str, str], node: str) -> None:
        self.env, self.node = env, node
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        from portal.celery import app

        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "portal",
                "worker",
                "--pool",
                "prefork",
                "--concurrency",
                "1",
                "-n",
                self.node,
                "-l",
                "error",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while not app.control.ping(destination=[self.node], timeout=0.5):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the Celery worker did not start")

    def pool_pids(self) -> list[int]:
        if self.process is None:
            return []
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def kill_pool(self) -> None:
        for pid in self.pool_pids():
            os.kill(pid, signal.SIGKILL)

    def kill(self) -> None:
        """SIGKILL the worker and its pool at once, as a machine or container that dies."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            self.process = None
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None


def configure(database_url: str, redis_port: int, media: Path) -> dict[str, str]:
    """Set this process's environment (the web side) and return the worker's; then set Django up."""
    broker = f"redis://127.0.0.1:{redis_port}/0"
    env = {
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker,
        "CELERY_RESULT_BACKEND": broker,
        "CELERY_TASK_ALWAYS_EAGER": "False",
        "MEDIA_ROOT": str(media),
        "CELERY_TASK_TIME_LIMIT": "12",
        "CELERY_TASK_SOFT_TIME_LIMIT": "10",
        "CELERY_VISIBILITY_TIMEOUT": "15",
        "DOSSIER_RESEND_AFTER": "3",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "LOG_LEVEL": "ERROR",
    }
    os.environ.pop("REDIS_URL", None)  # the cache stays in memory (see the docstring)
    os.environ.update(env)
    worker_env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    return worker_env


def database_prepare(database_url: str, create: bool) -> None:
    if create:
        import psycopg
        from psycopg import sql

        name = database_url.rsplit("/", 1)[1]
        admin = database_url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as connection:
            exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def case_create(serial: int) -> Any:
    from tests.factories import ClaimFactory, CommunicationFactory, DomesticRemedyFactory, PersonFactory

    communication = CommunicationFactory.create(title=f"Fault suite case {serial}")
    PersonFactory.create(
        communication=communication, role="author", given_name="Gulnara", email="g@example.org"
    )
    PersonFactory.create(communication=communication)
    ClaimFactory.create(communication=communication)
    DomesticRemedyFactory.create(communication=communication)
    return communication


def sign(communication: Any) -> bool:
    """Sign and submit as the filing wizard does, the send after commit included; False on an error."""
    from django.db import transaction

    from complaints.filing.submission import communication_submit

    try:
        with transaction.atomic():
            communication_submit(
                communication=communication,
                expected_version=communication.version,
                signed_name="Gulnara Saparova",
                actor=communication.filer,
                submit_anyway=True,
            )
    except Exception as error:  # what the filer would see as a server error
        print(f"  signing raised {error!r}", file=sys.stderr)
        return False
    return True


class Beat:
    """Run the re-drive every ``tick`` seconds, as beat's minutely task would, and count its sends.

    It runs ``complaints.dossiers.services.dossiers_redrive`` (the body of the redrive_dossiers task) in this
    process, so that no result backend is needed to count what it sent.
    """

    def __init__(self, tick: float) -> None:
        self.tick, self.last, self.sends = tick, 0.0, 0

    def maybe_tick(self) -> None:
        from complaints.dossiers.services import dossiers_redrive

        if time.monotonic() - self.last < self.tick:
            return
        self.last = time.monotonic()
        self.sends += dossiers_redrive().resent


def wait_for(predicate: Any, seconds: float, beat: Beat | None = None) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if beat is not None:
            beat.maybe_tick()
        if predicate():
            return True
        time.sleep(0.02)
    return False


def dossier_status(communication: Any) -> str | None:
    from complaints.models import Dossier

    return (
        Dossier.objects.filter(communication=communication, variant="filing")
        .values_list("status", flat=True)
        .first()
    )


def trial(
    fault: str, serial: int, redis: RedisServer, worker: Worker, beat: Beat, row: Row
) -> tuple[Any, str]:
    """Run one trial; return the communication and the name of its first stored file ("" if none)."""
    from complaints.models import Submission

    communication = case_create(serial)
    if fault == "redis-down":
        redis.stop()
        ok = sign(communication)
        redis.start()
    else:
        ok = sign(communication)
        if not wait_for(lambda: dossier_status(communication) == "rendering", 30):
            print(f"  trial {serial}: never saw it rendering", file=sys.stderr)
        elif fault == "pool-kill":
            worker.kill_pool()
        else:
            worker.kill()
            worker.start()
    row.trials += 1
    row.signing_errors += 0 if ok else 1
    row.saved += Submission.objects.filter(communication=communication).exists()
    wait_for(lambda: dossier_status(communication) in ("ready", "failed"), TRIAL_SECONDS, beat)
    dossier = communication.dossiers.filter(variant="filing").first()
    return communication, (dossier.file.name if dossier is not None and dossier.status == "ready" else "")


def tally(row: Row, outcomes: list[tuple[Any, str]], media: Path) -> None:
    """Count rendered, lost and duplicated dossiers once every trial of a fault is over."""
    from complaints.models import Dossier

    for communication, first_name in outcomes:
        dossier = Dossier.objects.filter(communication=communication, variant="filing").first()
        if dossier is None or dossier.status != "ready" or not dossier.file:
            row.lost += 1
            continue
        data = dossier.file.read()
        dossier.file.close()
        if hashlib.sha256(data).hexdigest() == dossier.sha256:
            row.rendered += 1
        else:
            row.lost += 1
        folder = media / "dossiers" / communication.reference.hex
        files = list(folder.glob("*.pdf")) if folder.exists() else []
        if len(files) != 1 or dossier.file.name != first_name:
            row.duplicates += 1
        row.renders += dossier.attempts


def quiesce(redis: RedisServer, beat: Beat, seconds: float) -> None:
    """Wait until no task is queued or unacknowledged, so late deliveries are counted too."""

    def idle() -> bool:
        out = subprocess.run(
            [
                "redis-cli",
                "-p",
                str(redis.port),
                "eval",
                "return redis.call('llen','celery') + redis.call('hlen','unacked')",
                "0",
            ],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        return out == "0"

    wait_for(idle, seconds, beat)
    time.sleep(1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--faults", default=",".join(FAULTS))
    parser.add_argument("--tick", type=float, default=2.0, help="seconds between re-drive runs")
    parser.add_argument("--max-seconds", type=float, default=1800.0)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("FAULTS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/opic_faults"),
    )
    parser.add_argument("--no-create", action="store_true", help="the database exists already")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    faults = [fault for fault in args.faults.split(",") if fault]
    unknown = set(faults) - set(FAULTS)
    if unknown:
        parser.error(f"unknown faults: {', '.join(sorted(unknown))}")
    if not args.database_url.startswith("postgres"):
        parser.error("the fault suite needs PostgreSQL")

    workdir = Path(tempfile.mkdtemp(prefix="opic-faults-"))
    media = workdir / "media"
    redis = RedisServer(free_port(), workdir)
    worker_env = configure(args.database_url, redis.port, media)
    worker = Worker(worker_env, f"faults-{os.getpid()}@%h".replace("%h", socket.gethostname()))

    def stop_everything() -> None:
        worker.stop()
        redis.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    atexit.register(stop_everything)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    signal.signal(signal.SIGALRM, lambda *_: sys.exit("the fault suite ran out of time"))
    signal.alarm(int(args.max_seconds))

    database_prepare(args.database_url, create=not args.no_create)
    from tests.factories import UserFactory

    serial = int(time.time() * 1000)
    UserFactory.reset_sequence(serial)  # user names stay unique across runs on the same database
    redis.start()
    worker.start()
    beat = Beat(args.tick)
    rows = []
    try:
        for fault in faults:
            row = Row(fault)
            sends_before = beat.sends
            outcomes = []
            for _ in range(args.trials):
                serial += 1
                outcomes.append(trial(fault, serial, redis, worker, beat, row))
            quiesce(redis, beat, 60)
            beat.maybe_tick()
            tally(row, outcomes, media)
            row.redrive_sends = beat.sends - sends_before
            rows.append(row)
            print(f"{fault}: {row}", file=sys.stderr)
    finally:
        signal.alarm(0)
        stop_everything()

    if args.json:
        print(json.dumps([asdict(row) for row in rows]))
        return 0
    header = (
        "fault",
        "trials",
        "submissions saved",
        "errors at signing",
        "dossiers rendered",
        "dossiers lost",
        "duplicates",
        "renders",
        "re-drive sends",
    )
    table = [header] + [
        (
            r.fault,
            *(
                str(v)
                for v in (
                    r.trials,
                    r.saved,
                    r.signing_errors,
                    r.rendered,
                    r.lost,
                    r.duplicates,
                    r.renders,
                    r.redrive_sends,
                )
            ),
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    for number, line in enumerate(table):
        print(" | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if number == 0:
            print("-+-".join("-" * width for width in widths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
