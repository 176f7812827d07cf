"""The settings module, loaded afresh in a subprocess: an empty variable means its default."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = ROOT / ".env.example"
VARIABLES = re.findall(r"^([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text(), flags=re.MULTILINE)
PRODUCTION = {"DJANGO_DEBUG": "False", "DJANGO_SECRET_KEY": "x" * 20 + "-a-long-and-random-enough-test-key"}

# Print every setting as JSON; lazy translations are left out (they need configured settings).
DUMP = """
import json
from django.utils.functional import Promise
import portal.settings as s
values = {k: v for k, v in vars(s).items() if k.isupper() and not isinstance(v, Promise)}
print(json.dumps(values, default=repr, sort_keys=True))
"""


def settings_loaded(
    tmp_path: Path, environment: dict[str, str], *, dotenv: str | None = None
) -> dict[str, Any]:
    """Load a copy of portal/settings.py in a fresh interpreter and return its settings.

    The copy lives in tmp_path, so a developer's own .env never leaks in; `dotenv` becomes its .env.
    Every variable of .env.example is removed from the environment first, then `environment` is set.
    """
    (tmp_path / "portal").mkdir(exist_ok=True)
    shutil.copy(ROOT / "portal" / "settings.py", tmp_path / "portal" / "settings.py")
    (tmp_path / "portal" / "__init__.py").write_text("")
    (tmp_path / ".env").unlink(missing_ok=True)
    if dotenv is not None:
        (tmp_path / ".env").write_text(dotenv)
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES} | environment
    completed = subprocess.run(
        [sys.executable, "-c", DUMP], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    values: dict[str, Any] = json.loads(completed.stdout.splitlines()[-1])
    return values


def test_env_example_lists_every_variable_the_settings_read() -> None:
    source = (ROOT / "portal" / "settings.py").read_text()
    read = set(re.findall(r"\benv(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]*)\"", source))
    assert read, "the pattern no longer finds the variables"
    assert sorted(read - set(VARIABLES)) == []


@pytest.mark.parametrize("base", [{}, PRODUCTION], ids=["development", "production"])
def test_with_every_variable_empty_the_settings_are_the_defaults(
    tmp_path: Path, base: dict[str, str]
) -> None:
    defaults = settings_loaded(tmp_path, base)
    empty = settings_loaded(tmp_path, {name: "" for name in VARIABLES} | base)
    assert empty == defaults


def test_empty_variables_mean_sqlite_media_under_var_eager_tasks_and_an_https_redirect(
    tmp_path: Path,
) -> None:
    empty = {name: "" for name in VARIABLES}
    development = settings_loaded(tmp_path, empty)
    assert development["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert development["MEDIA_ROOT"] == repr(tmp_path / "var" / "media")
    assert development["CELERY_TASK_ALWAYS_EAGER"] is True
    production = settings_loaded(tmp_path, empty | PRODUCTION)
    assert production["SECURE_SSL_REDIRECT"] is True


def test_a_blank_value_counts_as_empty(tmp_path: Path) -> None:
    blank = settings_loaded(tmp_path, {"MEDIA_ROOT": "  ", "DJANGO_DEBUG": " "})
    assert blank["MEDIA_ROOT"] == repr(tmp_path / "var" / "media")
    assert blank["DEBUG"] is True


def test_env_example_copied_as_is_to_dotenv_gives_the_defaults(tmp_path: Path) -> None:
    defaults = settings_loaded(tmp_path, {})
    copied = settings_loaded(tmp_path, {}, dotenv=ENV_EXAMPLE.read_text())
    assert copied == defaults


def test_a_value_that_is_set_still_wins(tmp_path: Path) -> None:
    values = settings_loaded(
        tmp_path,
        {"DATABASE_URL": "postgres://portal@db:5432/portal", "MEDIA_ROOT": "/srv/media", "REDIS_URL": ""},
    )
    assert values["DATABASES"]["default"]["NAME"] == "portal"
    assert values["MEDIA_ROOT"] == repr(Path("/srv/media"))


def test_without_a_broker_the_web_process_sweeps_deadlines_and_with_one_celery_beat_does(
    tmp_path: Path,
) -> None:
    assert settings_loaded(tmp_path, {})["DEADLINE_SWEEP_ON_REQUESTS"] is True
    with_broker = settings_loaded(tmp_path, PRODUCTION | {"REDIS_URL": "redis://redis:6379/0"})
    assert with_broker["CELERY_TASK_ALWAYS_EAGER"] is False
    assert with_broker["DEADLINE_SWEEP_ON_REQUESTS"] is False


# ---- Where documents and dossiers are kept ----

S3 = {
    "S3_BUCKET": "portal-files",
    "S3_ENDPOINT_URL": "http://minio:9000",
    "S3_ACCESS_KEY_ID": "portal",
    "S3_SECRET_ACCESS_KEY": "a-secret-of-the-store",
    "S3_REGION": "us-east-1",
}


def test_without_a_bucket_documents_stay_on_the_local_disk(tmp_path: Path) -> None:
    default = settings_loaded(tmp_path, {name: "" for name in VARIABLES})["STORAGES"]["default"]
    assert default == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_with_a_bucket_documents_go_to_the_s3_store_privately(tmp_path: Path) -> None:
    default = settings_loaded(tmp_path, PRODUCTION | S3)["STORAGES"]["default"]
    options = default["OPTIONS"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options["bucket_name"] == "portal-files"
    assert options["endpoint_url"] == "http://minio:9000"
    assert options["addressing_style"] == "path"
    assert (options["access_key"], options["secret_key"]) == ("portal", "a-secret-of-the-store")
    assert options["region_name"] == "us-east-1"
    # Never public: no ACL (the bucket's private one applies), any URL signed and short-lived.
    assert options["default_acl"] is None
    assert options["querystring_auth"] is True
    assert 0 < options["querystring_expire"] <= 60


def test_without_keys_the_s3_store_leaves_the_credentials_to_boto3(tmp_path: Path) -> None:
    options = settings_loaded(tmp_path, {"S3_BUCKET": "portal-files"})["STORAGES"]["default"]["OPTIONS"]
    assert not {"access_key", "secret_key", "endpoint_url", "region_name"} & set(options)


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"S3_ENDPOINT_URL": "http://minio:9000"}, "S3_ENDPOINT_URL set without S3_BUCKET"),
        ({"S3_BUCKET": "portal-files", "S3_ACCESS_KEY_ID": "portal"}, "Set both S3_ACCESS_KEY_ID"),
    ],
    ids=["endpoint-without-bucket", "key-without-secret"],
)
def test_a_half_configured_s3_store_stops_the_start_instead_of_writing_to_the_local_disk(
    tmp_path: Path, environment: dict[str, str], message: str
) -> None:
    (tmp_path / "portal").mkdir()
    shutil.copy(ROOT / "portal" / "settings.py", tmp_path / "portal" / "settings.py")
    (tmp_path / "portal" / "__init__.py").write_text("")
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES} | environment
    completed = subprocess.run(
        [sys.executable, "-c", DUMP], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert completed.returncode != 0
    assert "ImproperlyConfigured" in completed.stderr
    assert message in completed.stderr
