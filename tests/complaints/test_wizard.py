"""The filing wizard, driven through its pages as a filer would (without a browser)."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pypdf import PdfWriter

from complaints.dossiers.services import RENDER_REQUESTS_PER_HOUR
from complaints.filing.documents import DocumentRejected, document_add, document_remove
from complaints.models import Communication, Document, Person, Submission
from tests.conftest import World, login
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def url(communication: Communication, slug: str, screen: int | None = None) -> str:
    base = reverse("complaints:wizard_step", args=[communication.reference, slug])
    return f"{base}?screen={screen}" if screen is not None else base


def post(client: Client, communication: Communication, slug: str, data: dict[str, Any], **extra: Any) -> Any:
    communication.refresh_from_db()
    return client.post(url(communication, slug), {"version": communication.version, **data}, **extra)


def pdf_bytes(pages: int = 2) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def start(client: Client) -> Communication:
    response = client.post(reverse("complaints:communication_start"))
    assert response.status_code == 302
    return Communication.objects.latest("pk")


@pytest.fixture
def parent() -> Client:
    return login(UserFactory.create())


def fill_parent_case(client: Client) -> Communication:
    c = start(client)
    final = timezone.localdate() - timedelta(days=60)
    steps: list[tuple[str, dict[str, Any]]] = [
        (
            "who",
            {"audience": "adult", "author_is_victim": "False", "title": "Алия", "dossier_language": "ru"},
        ),
        (
            "author",
            {
                "author-given_name": "Мария",
                "author-family_name": "Иванова",
                "author-email": "m@example.org",
                "author-relationship_to_victim": "мать",
            },
        ),
        (
            "victims",
            {
                "victims-TOTAL_FORMS": "1",
                "victims-INITIAL_FORMS": "0",
                "victims-0-given_name": "Алия",
                "victims-0-family_name": "Иванова",
                "victims-0-date_of_birth": "2019-04-09",
            },
        ),
    ]
    for slug, data in steps:
        response = post(client, c, slug, data)
        assert response.status_code == 302, (slug, response.content.decode()[:3000])
    victim = c.people.get(role=Person.Role.VICTIM)
    more: list[tuple[str, dict[str, Any]]] = [
        (
            "consent",
            {
                "consent-TOTAL_FORMS": "1",
                "consent-INITIAL_FORMS": "1",
                "consent-0-id": str(victim.pk),
                "consent-0-consent": "without_consent_justified",
                "consent-0-without_consent_reason": "Ребёнку 6 лет.",
            },
        ),
        ("representative", {"rep-has_representative": "False"}),
        ("state", {"state": "KAZ"}),
        (
            "facts",
            {
                "facts_summary": "Органы опеки забрали дочь без решения суда.",
                "facts_start": "2024-09-01",
                "facts_continuing": "on",
            },
        ),
        ("rights", {"articles": "CRC 9, 12", "explanation": "Разлучили с матерью."}),
        (
            "remedies",
            {
                "exhausted": "yes",
                "remedies-TOTAL_FORMS": "1",
                "remedies-INITIAL_FORMS": "0",
                "remedies-0-authority": "Верховный суд",
                "remedies-0-decided_on": final.isoformat(),
                "remedies-0-is_final": "on",
            },
        ),
        ("procedures", {"procedures-TOTAL_FORMS": "0", "procedures-INITIAL_FORMS": "0"}),
        ("protection", {}),
        ("requests", {"remedies_sought": "Вернуть ребёнка матери."}),
        ("confidentiality", {"names_confidential": "on"}),
    ]
    for slug, data in more:
        response = post(client, c, slug, data)
        assert response.status_code == 302, (slug, response.content.decode()[:3000])
    upload = SimpleUploadedFile("решение.pdf", pdf_bytes(3), content_type="application/pdf")
    response = post(client, c, "documents", {"kind": "domestic_decision", "title": "Решение", "file": upload})
    assert response.status_code == 302
    c.refresh_from_db()
    return c


def test_a_parent_drafts_a_complete_communication_for_a_young_child_and_submits_it(
    parent: Client, django_capture_on_commit_callbacks: Any
) -> None:
    c = fill_parent_case(parent)
    assert c.claims.filter(instrument="CRC").exists()
    assert c.documents.get().page_count == 3
    review = parent.get(url(c, "review"))
    assert "Алия" in review.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = post(parent, c, "sign", {"signed_name": "Мария Иванова", "confirm": "on"})

    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == reverse("complaints:submitted", args=[c.reference])
    c.refresh_from_db()
    assert c.status == "submitted"
    assert c.signed_name == "Мария Иванова"
    submission = Submission.objects.get(communication=c)
    assert submission.version == c.version
    assert submission.snapshot["people"][0]["family_name"] == "Иванова"
    assert "petitions@ohchr.org" in parent.get(response["Location"]).content.decode()
    dossier = c.dossiers.get(variant="filing")
    assert dossier.status == "ready"  # Celery runs eagerly in tests: rendered once the submission committed
    assert dossier.communication_version == c.version


def test_filing_is_never_refused_for_the_dossiers_asked_for_while_drafting(
    parent: Client, django_capture_on_commit_callbacks: Any
) -> None:
    c = fill_parent_case(parent)
    ask = reverse("complaints:dossier_request", args=[c.reference, "redacted"])
    for _ in range(RENDER_REQUESTS_PER_HOUR + 1):
        parent.post(ask)
    assert parent.post(ask, headers={"accept": "application/json"}).status_code == 429
    with django_capture_on_commit_callbacks(execute=True):
        response = post(parent, c, "sign", {"signed_name": "Мария Иванова", "confirm": "on"})
    assert response.status_code == 302
    assert c.dossiers.get(variant="filing").status == "ready"


def test_a_submitted_communication_is_frozen(parent: Client) -> None:
    c = fill_parent_case(parent)
    post(parent, c, "sign", {"signed_name": "Мария Иванова", "confirm": "on"})
    response = post(parent, c, "facts", {"facts_summary": "changed"})
    assert response.status_code == 302
    c.refresh_from_db()
    assert c.facts_summary != "changed"


def test_a_child_filing_alone_is_not_asked_about_other_victims_consent_or_lawyers(parent: Client) -> None:
    c = start(parent)
    post(parent, c, "who", {"audience": "12_17", "author_is_victim": "True", "dossier_language": "ru"})
    c.refresh_from_db()
    for slug in ("victims", "consent", "representative", "remedies-exception", "late"):
        response = parent.get(url(c, slug))
        assert response.status_code == 302, slug
        assert f"/step/{slug}/" not in response["Location"]


def test_exception_questions_appear_only_when_remedies_were_not_exhausted(parent: Client) -> None:
    c = start(parent)
    post(parent, c, "who", {"audience": "adult", "author_is_victim": "True", "dossier_language": "en"})
    response = post(
        parent, c, "remedies", {"exhausted": "no", "remedies-TOTAL_FORMS": "0", "remedies-INITIAL_FORMS": "0"}
    )
    assert response["Location"].endswith("/step/remedies-exception/")
    assert parent.get(url(c, "remedies-exception")).status_code == 200


def test_two_tabs_on_one_draft_never_silently_overwrite_each_other(parent: Client) -> None:
    c = start(parent)
    stale_version = c.version
    post(parent, c, "facts", {"facts_summary": "First tab"})
    response = parent.post(url(c, "facts"), {"version": stale_version, "facts_summary": "Second tab"})
    assert response.status_code == 409
    assert "Second tab" in response.content.decode()
    c.refresh_from_db()
    assert c.facts_summary == "First tab"


def test_going_back_saves_the_answers_and_shows_the_previous_step(parent: Client) -> None:
    c = start(parent)
    post(parent, c, "who", {"audience": "adult", "author_is_victim": "True", "dossier_language": "en"})
    response = post(parent, c, "facts", {"facts_summary": "Kept", "direction": "back"})
    assert response["Location"].endswith("/step/state/")
    c.refresh_from_db()
    assert c.facts_summary == "Kept"


def test_children_get_one_question_per_screen(parent: Client) -> None:
    c = start(parent)
    post(parent, c, "who", {"audience": "under_12", "author_is_victim": "True", "dossier_language": "ru"})
    page = parent.get(url(c, "facts")).content.decode()
    assert 'name="facts_summary"' in page
    assert 'name="facts_start_day"' not in page
    response = post(parent, c, "facts", {"facts_summary": "Меня ударил учитель", "screen": "0"})
    assert response["Location"].endswith("?screen=1")
    assert 'name="facts_start_day"' in parent.get(response["Location"]).content.decode()


def test_kazakh_text_in_a_russian_dossier_is_flagged_and_its_translation_kept(parent: Client) -> None:
    c = start(parent)
    post(parent, c, "who", {"audience": "adult", "author_is_victim": "True", "dossier_language": "ru"})
    post(parent, c, "facts", {"facts_summary": "Мұғалім мені ұрды."})
    page = parent.get(url(c, "facts")).content.decode()
    assert "Please add a translation" in page
    post(
        parent,
        c,
        "facts",
        {"facts_summary": "Мұғалім мені ұрды.", "translation__facts_summary": "Учитель меня ударил."},
    )
    c.refresh_from_db()
    assert c.translations == {"facts_summary": "Учитель меня ударил."}


def test_the_filing_limit_is_shown_as_a_date_and_a_countdown(parent: Client) -> None:
    c = start(parent)
    final = timezone.localdate() - timedelta(days=65)
    post(
        parent,
        c,
        "remedies",
        {
            "exhausted": "yes",
            "remedies-TOTAL_FORMS": "1",
            "remedies-INITIAL_FORMS": "0",
            "remedies-0-authority": "Court",
            "remedies-0-decided_on": final.isoformat(),
            "remedies-0-is_final": "on",
        },
    )
    page = parent.get(url(c, "procedures")).content.decode()
    assert "days left" in page


def test_a_final_decision_without_a_date_is_a_clear_error_and_loses_nothing(parent: Client) -> None:
    c = start(parent)
    response = post(
        parent,
        c,
        "remedies",
        {
            "exhausted": "yes",
            "remedies-TOTAL_FORMS": "1",
            "remedies-INITIAL_FORMS": "0",
            "remedies-0-authority": "Суд",
            "remedies-0-is_final": "on",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "one-year limit runs from it" in body
    assert 'value="Суд"' in body


def test_the_wizard_warns_when_a_child_old_enough_was_not_asked(parent: Client) -> None:
    c = start(parent)
    post(parent, c, "who", {"audience": "adult", "author_is_victim": "False", "dossier_language": "ru"})
    born = date(timezone.localdate().year - 10, 1, 1).isoformat()
    post(
        parent,
        c,
        "victims",
        {
            "victims-TOTAL_FORMS": "1",
            "victims-INITIAL_FORMS": "0",
            "victims-0-given_name": "Ерлан",
            "victims-0-date_of_birth": born,
        },
    )
    assert "is old enough to be asked" in parent.get(url(c, "consent")).content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("evidence.pdf", b"this is not a pdf", "Only PDF, PNG and JPEG"),
        ("empty.png", b"", "The submitted file is empty"),
        ("photo.png", b"%PDF-1.7 broken", "seems damaged"),
    ],
)
def test_documents_are_checked_by_their_content_and_nothing_half_uploaded_is_kept(
    parent: Client, name: str, content: bytes, message: str, settings: Any
) -> None:
    c = start(parent)
    upload = SimpleUploadedFile(name, content)
    response = post(parent, c, "documents", {"kind": "evidence", "title": "x", "file": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Document.objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_an_image_is_accepted_whatever_its_name(parent: Client) -> None:
    c = start(parent)
    upload = SimpleUploadedFile("scan.pdf", png_bytes())
    post(parent, c, "documents", {"kind": "evidence", "title": "Photo", "file": upload})
    document = Document.objects.get()
    assert document.content_type == "image/png"
    assert len(document.sha256) == 64
    remove = reverse("complaints:wizard_document_remove", args=[c.reference, document.pk])
    assert parent.post(remove).status_code == 302
    assert not Document.objects.exists()


def test_a_file_over_ten_megabytes_is_refused(parent: Client) -> None:
    c = start(parent)
    upload = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))
    response = post(parent, c, "documents", {"kind": "evidence", "title": "Big", "file": upload})
    assert "larger than 10 MB" in response.content.decode()


def test_an_anonymous_communication_cannot_be_submitted(parent: Client) -> None:
    c = start(parent)
    response = post(parent, c, "sign", {"signed_name": "X", "confirm": "on", "submit_anyway": "on"})
    assert response.status_code == 400
    assert "OPIC-7-a" in response.content.decode()
    c.refresh_from_db()
    assert c.status == "draft"


def test_live_feedback_explains_the_protocols_start_date_for_kazakhstan(parent: Client) -> None:
    c = start(parent)
    post(parent, c, "who", {"audience": "adult", "author_is_victim": "True", "dossier_language": "en"})
    post(parent, c, "state", {"state": "KAZ"})
    post(
        parent,
        c,
        "facts",
        {"facts_summary": "It happened.", "facts_start": "2023-01-10", "facts_end": "2023-02-01"},
    )
    page = parent.get(url(c, "rights")).content.decode()
    assert "7 May 2024" in page


def test_someone_else_cannot_open_the_wizard_of_a_draft(parent: Client) -> None:
    c = start(parent)
    stranger = login(UserFactory.create())
    assert stranger.get(url(c, "who")).status_code == 404


def test_a_child_picks_what_happened_in_everyday_words_and_gets_the_convention_articles(
    parent: Client,
) -> None:
    c = start(parent)
    post(parent, c, "who", {"audience": "under_12", "author_is_victim": "True", "dossier_language": "ru"})
    parent.post(reverse("set_language"), {"language": "kk"})
    page = parent.get(url(c, "rights")).content.decode()
    assert "Зорлық-зомбылықтан қорғау" in page  # the article's title in Kazakh
    assert "баланың тәніне жасалатын" in page  # and the official Kazakh text of article 19
    post(parent, c, "rights", {"situations": ["hurt_at_home"], "explanation": "Папа бьёт меня."})
    assert set(c.claims.values_list("instrument", "article")) == {("CRC", 19)}
    assert c.claims.get().explanation == "Папа бьёт меня."


def test_the_rights_step_explains_the_situations_in_each_language_the_page_is_read_in(parent: Client) -> None:
    c = start(parent)
    post(parent, c, "who", {"audience": "under_12", "author_is_victim": "True", "dossier_language": "ru"})
    pages: dict[str, list[str]] = {}
    for language in ("kk", "ru", "kk", "en"):  # each process renders the explanations once per language
        parent.post(reverse("set_language"), {"language": language})
        pages.setdefault(language, []).append(parent.get(url(c, "rights")).content.decode())

    def explanations(page: str) -> list[str]:
        return re.findall(r'-example">(.*?)</div>', page, flags=re.DOTALL)

    assert len(explanations(pages["kk"][0])) > 10
    assert explanations(pages["kk"][0]) == explanations(pages["kk"][1])
    assert "Зорлық-зомбылықтан қорғау" in pages["kk"][0]
    assert "Зорлық-зомбылықтан қорғау" not in pages["ru"][0] + pages["en"][0]
    assert 'id="id_situations_0-example"' in pages["ru"][0]
    assert "Which right is this?" in pages["en"][0]
    assert "Which right is this?" not in pages["ru"][0]


def test_a_garbled_version_is_treated_as_stale_and_keeps_the_answers(parent: Client) -> None:
    c = start(parent)
    response = parent.post(url(c, "facts"), {"version": "not-a-number", "facts_summary": "Kept on the page"})
    assert response.status_code == 409
    assert "Kept on the page" in response.content.decode()


def test_a_caseworker_cannot_remove_an_annex_from_a_submitted_case(world: World) -> None:
    upload = SimpleUploadedFile("decision.pdf", pdf_bytes(1), content_type="application/pdf")
    document = document_add(
        communication=world.mine, upload=upload, kind="domestic_decision", title="Decision", actor=world.filer
    )
    Communication.objects.filter(pk=world.mine.pk).update(status=Communication.Status.SUBMITTED)

    response = login(world.caseworker).post(
        reverse("complaints:wizard_document_remove", args=[world.mine.reference, document.pk])
    )

    assert response.status_code == 403
    assert Document.objects.filter(pk=document.pk).exists()
    with pytest.raises(DocumentRejected, match="can no longer be added or removed"):
        document_remove(document=Document.objects.get(pk=document.pk))  # the service refuses too
    assert Document.objects.filter(pk=document.pk).exists()
    world.mine.refresh_from_db()
    upload = SimpleUploadedFile("late.pdf", pdf_bytes(1), content_type="application/pdf")
    with pytest.raises(DocumentRejected, match="can no longer be added or removed"):
        document_add(
            communication=world.mine, upload=upload, kind="other", title="Late", actor=world.caseworker
        )
    assert world.mine.documents.count() == 1
