"""Integration tests need PostgreSQL and Redis; some also start one real Celery worker or use an S3 store."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import boto3
import pytest
from django.conf import settings
from django.db import connection

from portal.celery import app
from portal.settings import files_storage

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _require_services(services_up: None) -> None:
    """Every integration test needs PostgreSQL and Redis (see tests/conftest.py)."""


@dataclass
class Bucket:
    """A fresh bucket of the S3-compatible test server, which the portal's files go to in a test."""

    name: str
    client: S3Client

    def object_keys(self) -> list[str]:
        listed = self.client.list_objects_v2(Bucket=self.name)
        return sorted(item["Key"] for item in listed.get("Contents", []))

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


@pytest.fixture
def s3_bucket(s3_endpoint: str, settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bucket]:
    """Point the portal's storage, and any worker this test starts, at a new bucket; empty it after.

    The storage comes from portal/settings.py's own files_storage(), read from the S3_* variables
    exactly as a deployment reads them.
    """
    name = f"portal-test-{uuid.uuid4().hex[:16]}"
    variables = {
        "S3_BUCKET": name,
        "S3_ENDPOINT_URL": s3_endpoint,
        "S3_ACCESS_KEY_ID": "portal-test",
        "S3_SECRET_ACCESS_KEY": "portal-test-secret",
        "S3_REGION": "us-east-1",
    }
    for variable, value in variables.items():
        monkeypatch.setenv(variable, value)
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id=variables["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=variables["S3_SECRET_ACCESS_KEY"],
        region_name=variables["S3_REGION"],
    )
    client.create_bucket(Bucket=name)
    settings.STORAGES = {**settings.STORAGES, "default": files_storage()}
    bucket = Bucket(name, client)
    yield bucket
    for key in bucket.object_keys():
        client.delete_object(Bucket=name, Key=key)
    client.delete_bucket(Bucket=name)


def _start_worker() -> Iterator[subprocess.Popen[bytes]]:
    """One real worker process, on this test's database, storage and media folder, consuming from Redis."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_TASK_ALWAYS_EAGER": "False",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool", "solo", "-l", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=1):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            stderr = process.stderr.read().decode() if process.stderr else ""
            pytest.fail(f"the Celery worker did not start:\n{stderr[-2000:]}")
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def celery_worker_process() -> Iterator[subprocess.Popen[bytes]]:
    """One real worker process, with the files on the local disk (this test's media folder)."""
    yield from _start_worker()


@pytest.fixture
def celery_worker_on_s3(s3_bucket: Bucket) -> Iterator[subprocess.Popen[bytes]]:
    """One real worker process whose files go to this test's bucket (it inherits the S3_* variables)."""
    yield from _start_worker()
