"""The dossier's pages to sign by hand, the consent page of each child, and the signed scan.

The dossiers are laid out for real (WeasyPrint) and read back with pypdf; the pages through
Django's test client.
"""

from __future__ import annotations

import io
import re
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from PIL import Image
from pypdf import PdfReader

from complaints.dossiers import labels as dossier_labels
from complaints.dossiers.services import dossier_render_bytes
from complaints.filing.documents import DocumentRejected
from complaints.models import (
    Communication,
    Document,
    Dossier,
    Event,
    Invitation,
    Person,
    Submission,
    User,
)
from complaints.services import snapshot_of
from complaints.signing.services import signed_page_add, signed_page_remove
from tests.conftest import World, login
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def _submitted(case: Communication, **fields: Any) -> Communication:
    """``case`` signed with a typed name and submitted, with its Submission snapshot."""
    Communication.objects.filter(pk=case.pk).update(
        status=Communication.Status.SUBMITTED,
        submitted_on=timezone.localdate(),
        signed_name="Typed-Signature-Name",
        signed_on=timezone.localdate(),
        **fields,
    )
    case.refresh_from_db()
    assert case.signed_on is not None
    Submission.objects.create(
        communication=case,
        version=case.version,
        snapshot=snapshot_of(case),
        signed_name=case.signed_name,
        signed_on=case.signed_on,
    )
    return case


def _text(case: Communication, variant: str = Dossier.Variant.FILING) -> tuple[str, int]:
    """The dossier's text, its white space made single spaces, and its number of pages."""
    pdf, _source = dossier_render_bytes(communication=case, variant=variant)
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text), len(reader.pages)


def _labels(case: Communication) -> dict[str, str]:
    return dossier_labels.labels_for(case.dossier_language)


def _png() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (60, 80), (250, 250, 250)).save(out, format="PNG")
    return SimpleUploadedFile("signed.png", out.getvalue(), content_type="image/png")


def _author(case: Communication, **fields: Any) -> Person:
    return PersonFactory.create(
        communication=case, role=Person.Role.AUTHOR, given_name="Authorname", consent="", **fields
    )


# ---- The signature page ----


def test_an_adult_authors_dossier_has_lines_for_the_author_and_the_representative(world: World) -> None:
    case = world.mine
    _author(case, date_of_birth=None)
    PersonFactory.create(
        communication=case, role=Person.Role.REPRESENTATIVE, given_name="Lawyername", consent=""
    )
    text, _pages = _text(_submitted(case, dossier_language="en"))
    labels = _labels(case)
    assert labels["sign_by_hand"] in text
    assert labels["sig_author"] in text
    assert labels["sig_representative"] in text
    assert labels["child_signs_title"] not in text
    assert "Typed-Signature-Name" in text  # the typed name, until a signed scan replaces it


def test_a_childs_dossier_says_how_a_child_signs_and_has_no_representative_line_without_one(
    world: World,
) -> None:
    case = world.mine
    case.people.all().delete()  # the child writes about themselves: no victim acted for
    _author(case, date_of_birth=timezone.localdate().replace(year=timezone.localdate().year - 9))
    text, _pages = _text(
        _submitted(
            case, dossier_language="en", audience=Communication.Audience.CHILD_UNDER_12, author_is_victim=True
        )
    )
    labels = _labels(case)
    assert labels["child_signs_title"] in text
    assert labels["child_signs"] in text
    assert labels["child_signs_confirm"] in text
    assert labels["sig_confirmed_by"] in text  # a line for the adult who confirms a young child's mark
    assert labels["sig_representative"] not in text
    assert labels["consent_agree"] not in text  # no consent page: nobody acts on the child's behalf


def test_the_signature_page_speaks_the_dossiers_language(world: World) -> None:
    case = world.mine
    _author(case, date_of_birth=timezone.localdate().replace(year=timezone.localdate().year - 15))
    text, _pages = _text(_submitted(case, dossier_language="fr"))
    labels = _labels(case)
    assert labels["child_signs"] != dossier_labels.LABELS["child_signs"]  # French, not English
    assert labels["child_signs"] in text
    assert labels["sig_confirmed_by"] not in text  # at 15 the child signs alone


# ---- The consent pages ----


def test_each_child_acted_for_gets_a_consent_page_in_their_language_and_the_dossiers(world: World) -> None:
    case = world.mine
    User.objects.filter(pk=case.filer_id).update(preferred_language="kk")
    second = PersonFactory.create(communication=case, given_name="Daniyar", position=1)
    _author(case, date_of_birth=None)
    case = _submitted(case, dossier_language="ru")
    text, _pages = _text(case)
    labels = _labels(case)
    with translation.override("kk"):
        kazakh_agree = gettext(dossier_labels.LABELS["consent_agree"])
        kazakh_title = gettext("Consent of %(name)s") % {"name": str(second)}
    assert kazakh_agree != dossier_labels.LABELS["consent_agree"]  # the catalogue translates it
    assert text.count(kazakh_agree) == 2  # one page for each of the two children
    assert text.count(labels["consent_agree"]) == 2  # and the same words in Russian
    assert kazakh_title in text
    assert labels["consent_of"].format(name=str(second)) in text
    # Honest: the State receives the letter and the names, unless the Committee decides otherwise.
    assert labels["consent_readers"].split("{state}")[0].strip() in text


def test_the_childs_own_language_is_the_one_they_were_invited_in(world: World) -> None:
    case = world.mine
    User.objects.filter(pk=case.filer_id).update(preferred_language="ru")  # the parent reads Russian
    Invitation.objects.create(
        communication=case,
        person=case.people.get(),
        role=Invitation.Role.CHILD,
        language="kk",
        token_sha256="0" * 64,
        expires_at=timezone.now() + timedelta(days=7),
    )
    text, _pages = _text(_submitted(case, dossier_language="ru"))
    with translation.override("kk"):
        kazakh_agree = gettext(dossier_labels.LABELS["consent_agree"])
    assert kazakh_agree in text


def test_a_childs_consent_page_is_in_one_language_when_it_is_the_dossiers(world: World) -> None:
    case = world.mine
    User.objects.filter(pk=case.filer_id).update(preferred_language="ru")
    case = _submitted(case, dossier_language="ru")
    text, _pages = _text(case)
    assert text.count(_labels(case)["consent_agree"]) == 1


def test_a_child_acted_for_without_consent_gets_the_reasons_and_no_line_to_sign(world: World) -> None:
    case = world.mine
    Person.objects.filter(communication=case).update(
        consent=Person.Consent.WITHOUT_CONSENT_JUSTIFIED, without_consent_reason="Too-young-to-be-asked."
    )
    case = _submitted(case, dossier_language="en")
    text, _pages = _text(case)
    labels = _labels(case)
    assert labels["consent_without_child"] in text
    assert "Too-young-to-be-asked." in text
    assert labels["consent_agree"] not in text
    assert labels["consent_sign_child"] not in text


def test_the_redacted_consent_page_names_the_child_by_initials_only(world: World) -> None:
    case = world.mine
    victim = case.people.get()
    case = _submitted(case, dossier_language="en")
    text, _pages = _text(case, Dossier.Variant.REDACTED)
    assert victim.family_name not in text
    assert _labels(case)["consent_of"].format(name=victim.initials) in text


# ---- The signed scan ----


def test_a_signed_scan_replaces_the_typed_name_in_the_filing_dossier_only(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    case = world.mine
    case = _submitted(case, dossier_language="en")
    labels = _labels(case)
    before, pages_before = _text(case)
    assert labels["typed_name"] in before
    version = case.version

    with django_capture_on_commit_callbacks(execute=True):
        document = signed_page_add(user=world.filer, reference=case.reference, upload=_png())
    assert document.kind == Document.Kind.SIGNED_PAGE
    case.refresh_from_db()
    assert case.version == version + 1
    assert Event.objects.filter(communication=case, kind=Event.Kind.DOCUMENT, actor=world.filer).exists()
    # The filing dossier was made again, from the new version, with the scan in it.
    dossier = Dossier.objects.get(communication=case, variant=Dossier.Variant.FILING)
    assert dossier.status == Dossier.Status.READY, dossier.failure_detail
    assert dossier.communication_version == case.version

    after, pages_after = _text(case)
    assert labels["signed_by_hand"] in after
    assert labels["typed_name"] not in after
    assert labels["consent_sign_child"] not in after  # the child's consent page is in the scan too
    assert labels["signed_page_caption"].format(page=1, pages=1) in after
    assert pages_after == pages_before + 1  # the scan is a page of its own
    annex_list = after.split(labels["s_annexes"])[1].split(labels["s_signature"])[0]
    assert labels["doc_signed_page"] not in annex_list  # not an annex: it is the signature page

    redacted, _pages = _text(case, Dossier.Variant.REDACTED)
    assert labels["signed_by_hand"] not in redacted  # the scan names people: never in the redacted one


def test_a_scan_uploaded_by_mistake_is_removed_and_the_typed_name_comes_back(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    case = _submitted(world.mine, dossier_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        document = signed_page_add(user=world.filer, reference=case.reference, upload=_png())
    version = Communication.objects.get(pk=case.pk).version
    stored = document.file.name or ""
    assert stored
    with pytest.raises(Http404):  # only scans of signed pages go this way, never an annex
        signed_page_remove(user=world.filer, reference=case.reference, document_id=document.pk + 1000)
    with django_capture_on_commit_callbacks(execute=True):
        signed_page_remove(user=world.filer, reference=case.reference, document_id=document.pk)
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not document.file.storage.exists(stored)
    assert Communication.objects.get(pk=case.pk).version == version + 1
    text, _pages = _text(case)
    assert _labels(case)["typed_name"] in text
    assert _labels(case)["signed_by_hand"] not in text


def test_a_file_that_is_not_a_pdf_or_a_picture_is_refused_and_nothing_is_kept(world: World) -> None:
    case = _submitted(world.mine)
    upload = SimpleUploadedFile("signed.txt", b"I sign here", content_type="text/plain")
    with pytest.raises(DocumentRejected):
        signed_page_add(user=world.filer, reference=case.reference, upload=upload)
    assert not Document.objects.filter(communication=case, kind=Document.Kind.SIGNED_PAGE).exists()
    case.refresh_from_db()
    assert case.version == Communication.objects.get(pk=case.pk).version


# ---- Who may upload ----


def test_the_filer_and_the_handling_caseworker_may_upload_the_signed_pages(world: World) -> None:
    case = _submitted(world.mine)
    for user in (world.filer, world.caseworker):
        signed_page_add(user=user, reference=case.reference, upload=_png())
    assert Document.objects.filter(communication=case, kind=Document.Kind.SIGNED_PAGE).count() == 2


def test_nobody_else_may_upload_and_a_draft_cannot_be_signed_by_hand(world: World) -> None:
    case = world.mine
    with pytest.raises(PermissionDenied):  # a draft is signed in the wizard first
        signed_page_add(user=world.filer, reference=case.reference, upload=_png())
    case = _submitted(case)
    with pytest.raises(PermissionDenied):  # the reviewer sees the case but does not file it
        signed_page_add(user=world.reviewer, reference=case.reference, upload=_png())
    with pytest.raises(Http404):  # a stranger does not even learn that it exists
        signed_page_add(user=UserFactory.create(), reference=case.reference, upload=_png())
    stranger = login(UserFactory.create())
    url = reverse("complaints:signed_page_upload", args=[case.reference])
    assert stranger.post(url, {"file": _png()}).status_code == 404
    assert login(world.reviewer).post(url, {"file": _png()}).status_code == 403
    assert not Document.objects.filter(communication=case, kind=Document.Kind.SIGNED_PAGE).exists()


# ---- The submitted page and the case page ----


def test_the_submitted_page_says_what_to_print_sign_scan_and_send(world: World) -> None:
    case = _submitted(world.mine)
    page = login(world.filer).get(reverse("complaints:submitted", args=[case.reference])).content.decode()
    assert "Sign by hand, scan, upload, then send" in page
    assert "print its signature page and the consent page of each child" in page
    assert "Scan the signed pages" in page
    assert reverse("complaints:signed_page_upload", args=[case.reference]) in page
    assert 'enctype="multipart/form-data"' in page


def test_a_child_reads_the_same_steps_in_a_childs_words(world: World) -> None:
    case = _submitted(world.mine, audience=Communication.Audience.CHILD_12_17, author_is_victim=True)
    page = login(world.filer).get(reverse("complaints:submitted", args=[case.reference])).content.decode()
    assert "Sign your letter with a pen" in page
    assert "write your name or draw a mark" in page


def test_the_case_page_keeps_asking_for_the_signed_pages_until_a_scan_is_uploaded(world: World) -> None:
    case = _submitted(world.mine)
    filer = login(world.filer)
    assert "Sign by hand, scan, upload, then send" in filer.get(case.get_absolute_url()).content.decode()

    url = reverse("complaints:signed_page_upload", args=[case.reference])
    response = filer.post(url, {"file": _png(), "back": "case"})
    assert response.status_code == 302
    assert response["Location"].startswith(case.get_absolute_url())
    page = filer.get(case.get_absolute_url()).content.decode()
    assert "Sign by hand, scan, upload, then send" not in page
    assert "Pages signed by hand" in page
    # The reviewer, who does not file it, is not asked to sign.
    assert "Sign by hand" not in login(world.reviewer).get(case.get_absolute_url()).content.decode()


def test_an_upload_without_a_file_says_what_to_do(world: World) -> None:
    case = _submitted(world.mine)
    url = reverse("complaints:signed_page_upload", args=[case.reference])
    response = login(world.filer).post(url, {"back": "submitted"}, follow=True)
    assert "Choose the file with the signed pages" in response.content.decode()
