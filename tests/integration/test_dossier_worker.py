"""End to end: a real Celery worker on Redis renders a dossier queued by dossier_request, on PostgreSQL."""

from __future__ import annotations

import hashlib
import io
import time
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from pypdf import PdfReader
from weasyprint import HTML

from complaints.dossiers.services import dossier_request
from complaints.models import Document, Dossier, Person
from complaints.tasks import render_dossier
from portal.celery import app
from tests.factories import ClaimFactory, CommunicationFactory, DomesticRemedyFactory, PersonFactory

pytestmark = pytest.mark.integration
KAZAKH = "Мектеп баланы мүгедектігіне байланысты қабылдаудан бас тартты"
RUSSIAN = "Школа отказалась принять ребёнка"


def wait_until_done(dossier: Dossier, seconds: float = 120) -> Dossier:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        dossier.refresh_from_db()
        if dossier.status in (Dossier.Status.READY, Dossier.Status.FAILED):
            return dossier
        time.sleep(0.3)
    pytest.fail(f"the dossier is still {dossier.status} after {seconds} s")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_renders_a_dossier_end_to_end(celery_worker_process: Any) -> None:
    assert not app.conf.task_always_eager
    assert connection.vendor == "postgresql"
    communication = CommunicationFactory.create(
        dossier_language="ru",
        facts_summary=KAZAKH,
        translations={"facts_summary": RUSSIAN, "explanation": "Ребёнка не пустили в школу."},
        signed_name="Гульнара Сапарова",
    )
    PersonFactory.create(communication=communication, given_name="Алия", family_name="Сапарова")
    PersonFactory.create(communication=communication, role=Person.Role.AUTHOR, given_name="Гульнара")
    ClaimFactory.create(communication=communication)
    DomesticRemedyFactory.create(communication=communication)
    annex = HTML(string="<p>ANNEX-FROM-THE-COURT</p>").write_pdf()
    document = Document(
        communication=communication,
        title="Решение суда",
        original_name="decision.pdf",
        content_type="application/pdf",
        size=len(annex),
        sha256=hashlib.sha256(annex).hexdigest(),
    )
    document.file.save("decision.pdf", ContentFile(annex), save=False)
    document.save()

    # Autocommit: the on-commit hook sends the task to Redis at once; the web process renders nothing.
    dossier = dossier_request(communication=communication, requested_by=communication.filer)
    assert dossier.status == Dossier.Status.QUEUED
    dossier = wait_until_done(dossier)
    assert dossier.status == Dossier.Status.READY, dossier.failure_detail

    data = dossier.file.read()
    assert hashlib.sha256(data).hexdigest() == dossier.sha256
    assert dossier.communication_version == communication.version
    pages = [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages]
    text = " ".join(pages)
    assert KAZAKH in text
    assert RUSSIAN in text
    assert "ANNEX-FROM-THE-COURT" in pages[-1]
    assert "Приложение 1: Решение суда, стр. 1 из 1" in pages[-1]

    # Idempotent: asking again queues nothing, and a duplicate task leaves the same file.
    name = dossier.file.name
    assert dossier_request(communication=communication, requested_by=communication.filer).pk == dossier.pk
    assert render_dossier.delay(dossier.pk).get(timeout=60) == Dossier.Status.READY
    dossier.refresh_from_db()
    assert (dossier.file.name, dossier.attempts) == (name, 1)
    assert Dossier.objects.filter(communication=communication).count() == 1
