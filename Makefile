# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export PYTHONDONTWRITEBYTECODE := 1

PG_URL ?= postgres://postgres@127.0.0.1:5432/opic_portal
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
# An S3-compatible server for the integration tests of the file storage (`make s3-test-server`).
S3_TEST_ENDPOINT_URL ?= http://127.0.0.1:5005
PROD_ENV := DJANGO_DEBUG=False DJANGO_SECRET_KEY=ci-$$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n') \
	PORTAL_ENCRYPTION_KEYS=$$(head -c 32 /dev/urandom | base64 | tr '+/' '-_') \
	DJANGO_ALLOWED_HOSTS=portal.example.org

.PHONY: run test pytest pytest-pg integration lint typecheck migrations-check deploy-check bench lock messages \
	syscheck demo worker beat clean s3-test-server

## Set up everything and serve the portal with demo data on http://127.0.0.1:8000
run: $(VENV)/.installed syscheck
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Serving the portal on http://127.0.0.1:8000 (Ctrl+C to stop)"
	$(PY) manage.py runserver 127.0.0.1:8000

## Run the whole suite: lint, types, migrations, deploy checks, the unit tests on SQLite and again on
## PostgreSQL (what production runs), and the integration tests (PostgreSQL, Redis and an S3-compatible store)
test: $(VENV)/.installed syscheck lint typecheck migrations-check deploy-check pytest pytest-pg integration

$(VENV)/.installed: requirements-dev.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; found " + sys.version.split()[0])'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	touch $@

## Django's system checks, among them portal.E002: WeasyPrint's system libraries (Pango) are installed
syscheck: $(VENV)/.installed
	$(PY) manage.py check

pytest: $(VENV)/.installed
	$(PY) -m pytest -m "not integration" -n 2 -q

# Without PostgreSQL this is skipped locally, and fails under CI=true.
pytest-pg: $(VENV)/.installed
	@if [ "$$CI" != "true" ] && ! $(PY) -c 'import sys, psycopg; psycopg.connect(sys.argv[1], connect_timeout=2).close()' "$(PG_URL)" 2>/dev/null; then \
		echo "PostgreSQL unreachable at $(PG_URL): unit tests on PostgreSQL skipped (CI=true makes this fail)"; \
	else \
		DATABASE_URL=$(PG_URL) $(PY) -m pytest -m "not integration" -n 2 -q; \
	fi

integration: $(VENV)/.installed
	DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS_TEST_URL) S3_TEST_ENDPOINT_URL=$(S3_TEST_ENDPOINT_URL) \
		$(PY) -m pytest -m integration -q -p no:xdist

## moto's server mode on 127.0.0.1:5005, the S3-compatible store of the integration tests (.ci/run starts it)
s3-test-server: $(VENV)/.installed
	$(VENV)/bin/moto_server -H 127.0.0.1 -p 5005

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy .

migrations-check: $(VENV)/.installed
	$(PY) manage.py makemigrations --check --dry-run

deploy-check: $(VENV)/.installed
	$(PROD_ENV) $(PY) manage.py check --deploy --fail-level WARNING

## Print the performance figures (see README, "Benchmarks")
bench: $(VENV)/.installed
	$(PY) bench/bench_admissibility.py
	$(PY) bench/bench_dossier.py
	$(PY) bench/bench_sweep.py
	$(PY) bench/bench_workspace.py
	$(PY) bench/bench_audit.py
	$(PY) bench/bench_filing.py --cases 10000 --filers 20 --seconds 10
	$(PY) bench/bench_filing.py --api --cases 10000 --filers 20 --seconds 10

## Refresh both locks from pyproject.toml (needs network): requirements-dev.lock (with the dev extra) for
## the venv and CI, then requirements.lock (production, for the Docker image) at the same versions
lock: $(VENV)/.installed
	$(VENV)/bin/pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		-o requirements-dev.lock
	$(VENV)/bin/uv pip compile pyproject.toml --constraint requirements-dev.lock --generate-hashes \
		--python-version 3.11 -o requirements.lock

## Extract new strings into the interface catalogues (kk, ru, en: the portal and the admissibility
## engine) and the dossier's catalogues (the UN languages), then compile them all
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l kk -l ru -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=staticfiles
	$(VENV)/bin/pybabel extract --no-default-keywords -k label:1c,2 --project "OPIC portal" --no-wrap \
		--omit-header -o locale/dossier.pot complaints/dossiers/labels.py
	$(VENV)/bin/pybabel update -D dossier -i locale/dossier.pot -d locale --no-wrap --ignore-obsolete \
		--no-fuzzy-matching
	$(PY) manage.py compilemessages --ignore=.venv

demo: $(VENV)/.installed
	$(PY) manage.py migrate --noinput && $(PY) manage.py seed_demo

worker: $(VENV)/.installed
	$(VENV)/bin/celery -A portal worker -l info

beat: $(VENV)/.installed
	$(VENV)/bin/celery -A portal beat -l info

clean:
	rm -rf $(VENV) staticfiles .mypy_cache .ruff_cache
