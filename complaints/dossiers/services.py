"""PDF dossiers: a communication, laid out for the Committee, with its annexes merged in order.

The dossier follows the OHCHR model complaint form: a cover letter to the Petitions Team, the
communication section by section in the form's order (complaints/dossiers/model_form.py, the one
table, with its sources), closed by a check-list page like the form's own, the signature and
consent page, then each annex (uploaded PDFs page by page, images on a page of their own) with a
caption and a bookmark; the list of annexes in section 12 gives the page on which each one begins.

The filing variant is not made while free text in another language than the dossier's has no
translation (``filing_untranslated``, after complaints/filing/completeness.py), unless the
handling caseworker recorded why it may go without one; the reason is printed on the check-list.

How it is made, in one WeasyPrint pass:

1. ``dossier_build`` reads the communication and renders ``templates/pdf/dossier.html`` in its UN
   language (``translation.override``), with the labels of that language's ``dossier`` gettext
   catalogue (complaints.dossiers.labels) and CLDR's dates and names (complaints.cldr). Every page
   of every PDF annex becomes an empty placeholder page with only its caption; the list of annexes
   points at them with
   ``target-counter``, so page numbers are right without a second pass.
2. ``dossier_pdf`` lets WeasyPrint lay it out as tagged PDF/UA-1 with the bundled DejaVu Sans
   (static/fonts), then draws each annex page onto its placeholder as a Form XObject with pypdf
   (scaled to fit, rotation kept, marked as an artifact: the caption above it is the tagged
   text). Nothing is fetched but the bundled fonts and the annexes themselves.

Variants: ``filing`` as submitted; ``redacted`` with the names of the author and the child
replaced by initials (also inside the free text), contact details withheld and the annexes left
out (they cannot be redacted); ``internal`` adds the timeline with private notes and the time
limits.

``dossier_request`` is what a view (or the filing wizard) calls: it reuses the one Dossier row
of that variant and sends the Celery task after the transaction commits. That row is the outbox:
a send that fails (the broker down) is logged, never raised, and ``dossiers_redrive`` (Celery
beat, every minute) sends again every dossier still owed. ``dossier_render`` is what the task
runs: idempotent, and safe when two workers get the same job.
"""

from __future__ import annotations

import copy
import functools
import gc
import hashlib
import io
import logging
import re
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from math import ceil, log
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pydyf
from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from kombu.exceptions import KombuError
from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    EncodedStreamObject,
    IndirectObject,
    NameObject,
    StreamObject,
)
from redis.exceptions import RedisError

from admissibility import Scope, assess
from complaints import cldr
from complaints.adapters import facts_from_communication, treaty_table
from complaints.deadlines.sources import deadline_source
from complaints.dossiers import labels as dossier_labels
from complaints.dossiers import signature as dossier_signature
from complaints.filing.completeness import free_texts, untranslated
from complaints.filing.documents import MAX_COMMUNICATION_PAGES, DocumentRejected
from complaints.filing.documents import inspect as document_inspect
from complaints.filing.rights import articles as crc_articles
from complaints.filing.textlang import needs_translation, written_in
from complaints.language.citations import citation
from complaints.models import (
    Claim,
    Communication,
    Deadline,
    Document,
    DomesticRemedy,
    Dossier,
    Invitation,
    OtherProcedure,
    Person,
    Submission,
    TreatyStatus,
    User,
)
from complaints.privacy.redaction import Plain, Redactor
from complaints.storage import STORAGE_ERRORS, stored_file_delete
from complaints.timeline.texts import event_summary, event_text

logger = logging.getLogger(__name__)
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # one line per laid-out page otherwise

FONTS_DIR = (Path(settings.BASE_DIR) / "static" / "fonts").resolve()
MM = 72 / 25.4  # PDF points per millimetre

# The page, in millimetres; the stylesheet in templates/pdf/dossier.html gets the same numbers.
PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0
MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_LEFT = 16.0, 16.0, 18.0, 16.0
CAPTION_BAND = 11.0  # the top of an annex page, where its caption goes
ANNEX_GAP = 2.0

PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1", "output_intent": "srgb", "pdf_identifier": True}


class TransientRenderError(Exception):
    """A failure worth retrying (the database or the file storage was briefly unavailable)."""


# ---- Reading the communication ----


@dataclass
class Annex:
    number: int
    title: str
    kind_label: str
    mode: str  # "pdf", "image" or "unreadable"
    pages: int
    sha256: str
    content_type: str
    data: bytes = b""
    # The annex PDF as read once to check it, kept to draw its pages (never parsed twice).
    reader: PdfReader | None = field(default=None, repr=False, compare=False)
    page_ids: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    notice: str = ""

    @property
    def anchor(self) -> str:
        return f"annex-{self.number}"

    @property
    def pages_and_captions(self) -> list[tuple[str, str]]:
        return list(zip(self.page_ids, self.captions, strict=True))


@dataclass
class DossierSource:
    html: str
    annexes: list[Annex]
    version: int
    language: str
    variant: str


def _in_language(language: str, function: Callable[..., str], *args: Any) -> str:
    """Return ``function(*args)`` written in ``language`` (a portal interface language)."""
    with translation.override(language):
        return function(*args)


def _yes_no(value: bool | None, labels: dict[str, str]) -> str:
    return labels["not_stated"] if value is None else labels["yes" if value else "no"]


def _free(
    communication: Communication, name: str, value: str, redact: Redactor | Plain, labels: dict[str, str]
) -> dict[str, str]:
    """Free text as written, with the filer's translation (Communication.translations) when one was given."""
    translated = (communication.translations or {}).get(name) or ""
    lang = _lang_of(value or "", dossier_labels.labels_language(communication.dossier_language))
    return {
        "text": redact.text(value or ""),
        "lang": lang,
        "dir": _dir_of(lang),
        "translation": redact.text(str(translated)),
    }


# Languages written right to left, among those a dossier can hold: a block in one of them is laid out
# right to left (HTML ``dir``; the dossier's stylesheet gives it ``direction: rtl``).
RIGHT_TO_LEFT: Final = frozenset({"ar"})


def _lang_of(text: str, document_language: str) -> str:
    """The language to declare on a block of free text (HTML ``lang``, /Lang in the tagged PDF).

    ``document_language`` is the language the whole dossier declares: that of its labels, English
    for a UN language whose labels are not translated yet (an Arabic dossier's labels are English, its
    author's Arabic text is declared Arabic). Kazakh and Russian are told apart by their letters, and
    Arabic and Chinese by theirs (complaints.filing.textlang); text in Latin letters may be any of
    several languages, so it keeps the document's. Empty when it is the document's.
    """
    script = written_in(text)
    return script if script in ("kk", "ru", "ar", "zh") and script != document_language else ""


def _dir_of(lang: str) -> str:
    return "rtl" if lang in RIGHT_TO_LEFT else ""


def _person(
    person: Person, labels: dict[str, str], language: str, redacted: bool, redact: Redactor | Plain
) -> dict[str, Any]:
    hide = redacted and person.role != Person.Role.REPRESENTATIVE
    withheld = labels["withheld"]
    if hide:
        rows = [
            (labels["given_name"], person.initials or withheld),
            (labels["year_of_birth"], str(person.date_of_birth.year) if person.date_of_birth else ""),
            (labels["nationality"], person.nationality),
            (labels["sex"], person.sex),
        ]
    else:
        rows = [
            (labels["family_name"], person.family_name),
            (labels["given_name"], person.given_name),
            (labels["date_of_birth"], dossier_labels.long_date(person.date_of_birth, language)),
            (labels["place_of_birth"], person.place_of_birth),
            (labels["nationality"], person.nationality),
            (labels["sex"], person.sex),
        ]
    if redacted:
        rows += [(labels["address"], withheld), (labels["email"], withheld), (labels["phone"], withheld)]
    else:
        rows += [
            (labels["address"], person.address),
            (labels["email"], person.email),
            (labels["phone"], person.phone),
        ]
    if person.relationship_to_victim:
        # "Mother of Aigerim": the relationship may name the child.
        rows.append((labels["relationship"], redact.text(person.relationship_to_victim)))
    return {
        "name": (person.initials if hide else str(person)) or withheld,
        "rows": [(label, value or labels["not_stated"]) for label, value in rows],
    }


def _article(instrument: str, number: int, language: str, labels: dict[str, str]) -> dict[str, Any]:
    """The text of an article in the dossier's language, else in English saying so, else nothing."""
    text, shown_in = "", language
    if instrument == "CRC":
        texts = (crc_articles().get(str(number)) or {}).get("text") or {}
        text = texts.get(language) or ""
        if not text and texts.get("en"):
            text, shown_in = texts["en"], "en"
    heading = labels["article_text"]
    if text and shown_in != language:
        heading = labels["article_text_in"].format(language=dossier_labels.language_name(shown_in, language))
    return {
        "heading": heading,
        "lang": shown_in if shown_in != language else "",
        "paragraphs": [line for line in text.split("\n") if line.strip()],
    }


@dataclass
class _PreparedAnnex:
    mode: str  # "pdf", "image" or "unreadable"
    pages: int
    reader: PdfReader | None
    data: bytes  # kept for pictures, which WeasyPrint draws itself; a PDF's pages come from its reader
    size: int


# Annexes read and checked once per content (their SHA-256), reused by every later dossier this
# process renders: a case's dossier is rendered again after each edit, its uploads rarely change.
# Bounded by the size of the uploads kept; a worker renders one dossier at a time, and the lock
# only guards the table.
ANNEX_CACHE_BYTES = 64 * 1024 * 1024
_annex_cache: OrderedDict[str, _PreparedAnnex] = OrderedDict()
_annex_cache_lock = threading.Lock()


def _prepared_annex(document: Document, communication_id: int) -> _PreparedAnnex:
    """Read and check one upload as an annex, or reuse what an earlier dossier read of the same content."""
    key = f"{document.sha256}:{document.content_type}" if document.sha256 else ""
    if key:
        with _annex_cache_lock:
            hit = _annex_cache.get(key)
            if hit is not None:
                _annex_cache.move_to_end(key)
                return hit
    try:
        with document.file.open("rb") as handle:
            data = handle.read()
    except STORAGE_ERRORS as error:
        raise TransientRenderError(f"annex {document.pk} cannot be read from storage") from error
    prepared = _PreparedAnnex(mode="unreadable", pages=1, reader=None, data=b"", size=len(data))
    if document.content_type in ("image/png", "image/jpeg"):
        try:  # the upload's checks again, for pictures stored before the pixel limit existed
            document_inspect(data)
            prepared.mode, prepared.data = "image", data
        except DocumentRejected:
            logger.warning("annex %s of communication %s is refused", document.pk, communication_id)
    elif data.startswith(b"%PDF-"):
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ValueError("encrypted")
            if len(reader.pages) > MAX_COMMUNICATION_PAGES:
                raise ValueError(f"over the budget of {MAX_COMMUNICATION_PAGES} pages")
            for page in reader.pages:  # make sure every page can be drawn before laying out
                _ = page.cropbox, page.rotation
                if page.get_contents() is not None:
                    page.get_contents().get_data()  # type: ignore[union-attr]
            prepared.pages = len(reader.pages)
            prepared.mode = "pdf" if prepared.pages else "unreadable"
            prepared.pages = prepared.pages or 1
            prepared.reader = reader if prepared.pages else None
        except Exception:  # a damaged upload must not stop the dossier: it gets a notice page
            logger.warning("annex %s of communication %s is unreadable", document.pk, communication_id)
            prepared.mode, prepared.pages, prepared.reader = "unreadable", 1, None
    if key and prepared.size <= ANNEX_CACHE_BYTES:
        with _annex_cache_lock:
            _annex_cache[key] = prepared
            while sum(p.size for p in _annex_cache.values()) > ANNEX_CACHE_BYTES:
                _annex_cache.popitem(last=False)
    return prepared


def _annexes(
    communication: Communication, labels: dict[str, str], redact: Redactor | Plain, include: bool
) -> list[Annex]:

    annexes = []
    pages_left = MAX_COMMUNICATION_PAGES  # annexes stored before the budget existed stop here
    documents = communication.documents.all()
    if "documents" not in getattr(communication, "_prefetched_objects_cache", {}):
        documents = documents.order_by("uploaded_at", "pk")  # the snapshot keeps its own order
    # A signed scan of the signature pages is not an annex: it takes the signature page's place.
    annexed = [d for d in documents if d.kind != Document.Kind.SIGNED_PAGE]
    for number, document in enumerate(annexed, start=1):
        annex = Annex(
            number=number,
            title=redact.text(document.title),
            kind_label=labels.get(f"doc_{document.kind}", document.get_kind_display()),
            mode="unreadable",
            pages=1,
            sha256=document.sha256,
            content_type=document.content_type,
        )
        annexes.append(annex)
        if not include:
            annex.pages = 0
            continue
        prepared = _prepared_annex(document, communication.pk)
        annex.mode, annex.pages, annex.reader, annex.data = (
            prepared.mode,
            prepared.pages,
            prepared.reader,
            prepared.data,
        )
        if annex.mode == "pdf" and annex.pages > pages_left:
            logger.warning(
                "annex %s of communication %s is over the page budget", document.pk, communication.pk
            )
            annex.mode, annex.pages, annex.reader = "unreadable", 1, None
        pages_left = max(0, pages_left - annex.pages)
        annex.page_ids = [f"annexpage-{number}-{page}" for page in range(1, annex.pages + 1)]
        annex.captions = [
            labels["annex_page"].format(n=number, title=annex.title, page=page, pages=annex.pages)
            for page in range(1, annex.pages + 1)
        ]
        annex.notice = (
            labels["annex_unreadable"].format(sha=annex.sha256) if annex.mode == "unreadable" else ""
        )
    return annexes


def dossier_build(*, communication: Communication, variant: str = Dossier.Variant.FILING) -> DossierSource:
    """Read ``communication`` and return the HTML of its dossier with the annexes to merge."""
    for _attempt in range(3):
        version = Communication.objects.values_list("version", flat=True).get(pk=communication.pk)
        source = _build_once(Communication.objects.get(pk=communication.pk), variant)
        if Communication.objects.values_list("version", flat=True).get(pk=communication.pk) == version:
            source.version = version
            return source
    return source  # edited three times while being read: keep the last reading


def _exclusions(communication: Communication, labels: dict[str, str], language: str) -> list[dict[str, str]]:
    """The claims and victims the admissibility check leaves out, for the internal dossier.

    Judged as of the day the case was submitted (a draft: today); the reasons in the dossier's
    language where the engine speaks it, else in English.
    """
    on = communication.submitted_on or timezone.localdate()
    facts = facts_from_communication(communication, assessed_on=on)
    engine_language = language if language == "ru" else "en"
    assessment = assess(facts, treaty_table(), lang=engine_language)
    claims = list(communication.claims.all())
    victims = sum(1 for p in communication.people.all() if p.role == Person.Role.VICTIM)
    rows = []
    for exclusion in assessment.exclusions:
        number = exclusion.number
        if exclusion.scope == Scope.CLAIMS:
            claim = claims[number - 1] if number <= len(claims) else None
            what = _in_language(engine_language, str, claim) if claim is not None else str(number)
        else:
            what = labels["victim_n"].format(n=number) if number <= victims else labels["the_author"]
        cited = _in_language(engine_language, citation, exclusion.citation)
        rows.append({"what": what, "reason": exclusion.reason, "citation": cited})
    return rows


def _build_once(communication: Communication, variant: str) -> DossierSource:
    source = communication_as_signed(communication) if variant != Dossier.Variant.INTERNAL else None
    with translation.override(communication.dossier_language):
        return _build_in_language(source or communication, variant)


# ---- What was signed: the Submission snapshot ----

# Fields of a communication that its lifecycle sets after signing: read live, never from the snapshot.
LIVE_FIELDS = frozenset(
    {
        "id",
        "reference",
        "version",
        "status",
        "closure",
        "committee_reference",
        "submitted_on",
        "registered_on",
        "interim_measures_granted_on",
        "transmitted_on",
        "observations_received_on",
        "comments_due_months",
        "comments_sent_on",
        "admissibility_decided_on",
        "views_adopted_on",
        "views_transmitted_on",
        "follow_up_received_on",
        "closed_on",
        "verdict",
        "verdict_checked_on",
        "claimed_by",
        "claimed_at",
        "next_deadline_on",
        "erased_on",
        "purge_after",
        "created_at",
        "updated_at",
        # Recorded by the caseworker after signing (casework.services.case_allow_untranslated_filing).
        "untranslated_filing_reason",
        "untranslated_filing_allowed_by",
        "untranslated_filing_allowed_on",
    }
)
# The parts of a case as the snapshot lists them (complaints.services.snapshot_of), by related name.
SNAPSHOT_PARTS: dict[str, type[Any]] = {
    "people": Person,
    "claims": Claim,
    "remedies": DomesticRemedy,
    "other_procedures": OtherProcedure,
}


def _thaw(model: type[Any], data: dict[str, Any], skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Turn a row of the snapshot (JSON) back into field values: dates are dates again."""
    values: dict[str, Any] = {}
    for field_ in model._meta.concrete_fields:
        if field_.name in skip or field_.name not in data or field_.is_relation:
            continue
        values[field_.attname] = field_.to_python(data[field_.name])
    return values


def communication_as_signed(communication: Communication) -> Communication | None:
    """Return ``communication`` as its latest Submission froze it, unsaved; None without a snapshot.

    The content (people, claims, remedies, other procedures, free text, the signature) comes from
    the snapshot, so that no later change of a row can change what was signed; the lifecycle's
    dates and references are read live. Annexes are the stored documents the snapshot lists
    (by SHA-256), in their order.
    """
    submission = Submission.objects.filter(communication=communication).order_by("-version", "-pk").first()
    snapshot = submission.snapshot if submission is not None else None
    if not snapshot:
        return None
    frozen = copy.copy(communication)
    frozen._state = copy.copy(communication._state)
    for name, value in _thaw(Communication, snapshot, LIVE_FIELDS).items():
        setattr(frozen, name, value)
    prefetched: dict[str, Any] = {}
    for related, model in SNAPSHOT_PARTS.items():
        rows = [
            model(communication_id=communication.pk, **_thaw(model, row)) for row in snapshot.get(related, [])
        ]
        prefetched[related] = _as_queryset(model, rows)
    listed = [row.get("sha256") for row in snapshot.get("documents", [])]
    stored = {d.sha256: d for d in Document.objects.filter(communication=communication, sha256__in=listed)}
    documents = [stored[sha] for sha in dict.fromkeys(listed) if sha in stored]
    prefetched["documents"] = _as_queryset(Document, documents)
    # Where Django keeps what prefetch_related() read: the related managers answer .all() from it.
    frozen.__dict__["_prefetched_objects_cache"] = prefetched
    return frozen


def _as_queryset(model: type[Any], rows: list[Any]) -> Any:
    """A queryset already evaluated to ``rows``, as a prefetch leaves it: ``.all()`` reads no database."""
    queryset = model._default_manager.none()
    queryset._result_cache = rows
    queryset._prefetch_done = True
    return queryset


def _checklist(
    communication: Communication, annexes: list[Annex], labels: dict[str, str], redact: Redactor | Plain
) -> dict[str, Any]:
    """The check-list page: the papers the model form's own check-list asks for, and what to check.

    Which papers are needed follows complaints/filing/completeness.py: an authorisation when a
    representative acts (OPIC art. 5(2), rule 13), the domestic decisions when remedies are said
    to be exhausted (art. 7(e)), translations of text not in the dossier's language.
    """
    documents = list(communication.documents.all())
    numbers: dict[str, list[str]] = {}
    for annex, document in zip(annexes, documents, strict=True):
        numbers.setdefault(document.kind, []).append(str(annex.number))

    def attached(*kinds: str) -> str:
        found = [n for kind in kinds for n in numbers.get(kind, [])]
        return ", ".join(sorted(found, key=int))

    people = list(communication.people.all())
    represented = any(p.role == Person.Role.REPRESENTATIVE for p in people)
    missing_texts = set(untranslated(communication))
    foreign = [
        name
        for name, text in free_texts(communication).items()
        if needs_translation(text, communication.dossier_language)
    ]
    rows = [
        (
            labels["checklist_authorisation"],
            labels["yes"] if represented else labels["checklist_needed_if_any"],
            attached(Document.Kind.POWER_OF_ATTORNEY, Document.Kind.CONSENT),
            represented,
        ),
        (
            labels["checklist_decisions"],
            labels["yes"] if communication.remedies_exhausted else labels["checklist_needed_if_any"],
            attached(Document.Kind.DOMESTIC_DECISION),
            bool(communication.remedies_exhausted),
        ),
        (
            labels["checklist_evidence"],
            labels["checklist_needed_if_any"],
            attached(Document.Kind.EVIDENCE),
            False,
        ),
        (
            labels["checklist_translations"],
            labels["checklist_needed_if_any"],
            attached(Document.Kind.TRANSLATION),
            False,
        ),
    ]
    return {
        "documents": [
            {
                "label": label,
                "needed": needed,
                "annexes": found or (labels["checklist_missing"] if required else "—"),
            }
            for label, needed, found, required in rows
        ],
        "free_texts": [
            {
                "label": labels[f"field_{name}"],
                "status": labels[
                    "checklist_untranslated" if name in missing_texts else "checklist_translated"
                ],
            }
            for name in foreign
        ],
        "waiver": redact.text(communication.untranslated_filing_reason),
        "before": [
            labels[key]
            for key in (
                "checklist_sign",
                "checklist_language",
                "checklist_copies",
                "checklist_contact",
                "checklist_send",
            )
        ],
    }


def _build_in_language(communication: Communication, variant: str) -> DossierSource:
    language = communication.dossier_language
    labels = dossier_labels.labels_for(language)
    redacted = variant == Dossier.Variant.REDACTED
    internal = variant == Dossier.Variant.INTERNAL
    people = list(communication.people.all())
    named = [p for p in people if p.role != Person.Role.REPRESENTATIVE]  # a lawyer's name stays
    redact: Redactor | Plain = Redactor(named) if redacted else Plain()
    authors = [p for p in people if p.role == Person.Role.AUTHOR]
    victims = [p for p in people if p.role == Person.Role.VICTIM]
    representatives = [p for p in people if p.role == Person.Role.REPRESENTATIVE]
    treaty = TreatyStatus.objects.filter(iso3=communication.state).first()
    state_name = (
        cldr.state_name(communication.state, dossier_labels.labels_language(language))
        if communication.state
        else labels["not_stated"]
    )

    def free(name: str) -> dict[str, str]:
        return _free(communication, name, getattr(communication, name), redact, labels)

    claims = [
        {
            "instrument": labels.get(f"instrument_{claim.instrument}", claim.instrument),
            "article": claim.article,
            "text": _article(
                claim.instrument, claim.article, dossier_labels.labels_language(language), labels
            ),
            "explanation": _free(communication, "explanation", claim.explanation, redact, labels),
        }
        for claim in communication.claims.all()
    ]
    remedies = [
        {
            "authority": redact.text(remedy.authority),
            "started_on": dossier_labels.long_date(remedy.started_on, language),
            "decided_on": dossier_labels.long_date(remedy.decided_on, language),
            "final": labels["yes"] if remedy.is_final else labels["no"],
            "outcome": redact.text(remedy.outcome),
        }
        for remedy in communication.remedies.all()
    ]
    procedures = [
        {
            "body": redact.text(procedure.body),
            "reference": redact.text(procedure.reference),  # references may be named after the child
            "status": labels.get(f"procedure_{procedure.status}", labels["not_stated"]),
            "same_matter": _yes_no(procedure.same_matter, labels),
        }
        for procedure in communication.other_procedures.all()
    ]
    consents = [
        {
            "heading": labels["consent_of"].format(
                name=(v.initials if redacted else str(v)) or labels["victim_n"]
            ),
            "consent": v.consent,
            "statement": redact.text(v.consent_statement),
            "statement_lang": _lang_of(v.consent_statement, dossier_labels.labels_language(language)),
            "on": dossier_labels.long_date(v.consent_on, language),
            "without_reason": redact.text(v.without_consent_reason),
        }
        for v in victims
    ]
    annexes = _annexes(communication, labels, redact, include=not redacted)
    signed_name = redact.text(communication.signed_name)
    signing = _signing_context(communication, variant, labels, language, victims, representatives, redacted)
    for page, record in zip(signing["consent_pages"], consents, strict=True):
        page["record"] = record
    timeline: list[dict[str, str]] = []
    deadlines: list[dict[str, str]] = []
    if internal:
        ui_language = language if language in dict(settings.LANGUAGES) else "en"
        with translation.override(ui_language):
            for event in communication.events.select_related("actor").order_by("occurred_on", "recorded_at"):
                timeline.append(
                    {
                        "when": dossier_labels.long_date(event.occurred_on, language),
                        "what": event_summary(event),
                        "note": event_text(event),
                        "private": labels["private"] if event.is_private else "",
                    }
                )
        ui_language = language if language in dict(settings.LANGUAGES) else "en"
        for deadline in Deadline.objects.filter(communication=communication).order_by("due_on"):
            deadlines.append(
                {
                    "kind": labels.get(f"deadline_{deadline.kind}", deadline.kind),
                    "runs_from": dossier_labels.long_date(deadline.anchor_on, language),
                    "due": dossier_labels.long_date(deadline.due_on, language),
                    "status": labels.get(f"status_{deadline.status}", deadline.status),
                    "source": _in_language(ui_language, deadline_source, deadline.kind, deadline.source),
                }
            )
    context = {
        "L": labels,
        "language": language,
        # What the document declares (<html lang>, the PDF's /Lang): the language of its labels.
        "document_language": dossier_labels.labels_language(language),
        "language_dir": _dir_of(language),
        "variant": variant,
        "redacted": redacted,
        "internal": internal,
        "c": communication,
        "reference": communication.short_reference,
        "today": dossier_labels.long_date(timezone.localdate(), language),
        "petitions_team": labels["petitions_team"].split("\n"),
        "subject": labels["subject_text"].format(state=state_name),
        "state_name": state_name,
        "opic_in_force": dossier_labels.long_date(treaty.entry_into_force_date if treaty else None, language),
        "authors": [_person(p, labels, language, redacted, redact) for p in authors],
        "author_is_victim": _yes_no(communication.author_is_victim, labels),
        "victims": [
            {**_person(p, labels, language, redacted, redact), "heading": labels["victim_n"].format(n=n)}
            for n, p in enumerate(victims, start=1)
        ],
        "representatives": [_person(p, labels, language, redacted, redact) for p in representatives],
        "facts": free("facts_summary"),
        "facts_start": dossier_labels.long_date(communication.facts_start, language),
        "facts_end": dossier_labels.long_date(communication.facts_end, language),
        "claims": claims,
        "remedies": remedies,
        "remedies_exhausted": _yes_no(communication.remedies_exhausted, labels),
        "exception": labels.get(f"exception_{communication.remedies_exception}", ""),
        "exception_reason": free("remedies_exception_reason"),
        "late_reason": free("late_submission_reason"),
        "procedures": procedures,
        # No procedure listed: "none" only when the filer said so, else "not stated".
        "procedures_denied": communication.other_procedures_taken is False,
        "interim_reason": free("interim_measures_reason"),
        "protection": free("protection_details"),
        "sought": free("remedies_sought"),
        "annexes": annexes,
        "signed_name": signed_name,
        "signed_on": dossier_labels.long_date(communication.signed_on, language),
        "consents": consents,
        "checklist": _checklist(communication, annexes, labels, redact),
        **signing,
        "timeline": timeline,
        "deadlines": deadlines,
        "exclusions": _exclusions(communication, labels, language) if internal else [],
        "fonts_url": FONTS_DIR.as_uri() + "/",
        "page": {
            "width": PAGE_WIDTH,
            "height": PAGE_HEIGHT,
            "top": MARGIN_TOP,
            "right": MARGIN_RIGHT,
            "bottom": MARGIN_BOTTOM,
            "left": MARGIN_LEFT,
            "band": CAPTION_BAND,
            "image_height": PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - CAPTION_BAND - ANNEX_GAP - 4,
        },
    }
    html = render_to_string("pdf/dossier.html", context)
    return DossierSource(
        html=html,
        annexes=[*annexes, *signing["signed_scans"]],
        version=communication.version,
        language=language,
        variant=variant,
    )


# ---- The pages signed by hand (complaints.dossiers.signature) ----

# Numbers of the signed scans among the annexes (never shown: they only name their placeholder pages).
SIGNED_SCAN_NUMBERS = 10_000


def _child_language(communication: Communication, person: Person) -> str:
    """The child's interface language: their invitation's, else the filer's, else the portal's.

    A person read from the Submission snapshot has no id: the case's latest invitation of a child
    then speaks for the child.
    """
    invitations = Invitation.objects.filter(
        communication_id=communication.pk, role=Invitation.Role.CHILD
    ).order_by("-created_at", "-pk")
    mine = (
        invitations.filter(person_id=person.pk).values_list("language", flat=True).first()
        if person.pk is not None
        else None
    )
    language = mine or invitations.values_list("language", flat=True).first()
    return language or communication.filer.preferred_language or settings.LANGUAGE_CODE


def _signed_scans(communication: Communication, labels: dict[str, str]) -> list[Annex]:
    """The signed scans of the signature pages (complaints.signing), in upload order, ready to merge."""
    scans = []
    documents = Document.objects.filter(
        communication_id=communication.pk, kind=Document.Kind.SIGNED_PAGE
    ).order_by("uploaded_at", "pk")
    for serial, document in enumerate(documents):
        scan = Annex(
            number=SIGNED_SCAN_NUMBERS + serial,
            title=labels["doc_signed_page"],
            kind_label=labels["doc_signed_page"],
            mode="unreadable",
            pages=1,
            sha256=document.sha256,
            content_type=document.content_type,
        )
        try:
            with document.file.open("rb") as handle:
                scan.data = handle.read()
        except STORAGE_ERRORS as error:
            raise TransientRenderError(f"signed page {document.pk} cannot be read from storage") from error
        try:  # checked at upload: checked again, as every annex is, before it is drawn
            document_inspect(scan.data)
            if document.content_type in ("image/png", "image/jpeg"):
                scan.mode = "image"
            else:
                scan.reader = PdfReader(io.BytesIO(scan.data))
                scan.pages, scan.mode = len(scan.reader.pages), "pdf"
        except DocumentRejected:
            logger.warning("signed page %s of communication %s is refused", document.pk, communication.pk)
        scan.page_ids = [f"annexpage-{scan.number}-{page}" for page in range(1, scan.pages + 1)]
        scan.captions = [
            labels["signed_page_caption"].format(page=page, pages=scan.pages)
            for page in range(1, scan.pages + 1)
        ]
        scan.notice = labels["annex_unreadable"].format(sha=scan.sha256) if scan.mode == "unreadable" else ""
        scans.append(scan)
    return scans


def _signing_context(
    communication: Communication,
    variant: str,
    labels: dict[str, str],
    language: str,
    victims: list[Person],
    representatives: list[Person],
    redacted: bool,
) -> dict[str, Any]:
    """What templates/pdf/_signature.html and _consent.html show."""
    author = next((p for p in communication.people.all() if p.role == Person.Role.AUTHOR), None)
    day = communication.signed_on or timezone.localdate()
    # Only the filing dossier carries the scan: the redacted one names nobody, and the internal
    # one is the caseworker's record of the case as it stands.
    scans = _signed_scans(communication, labels) if variant == Dossier.Variant.FILING else []
    return {
        **dossier_signature.signature_lines(
            communication=communication, author=author, has_representative=bool(representatives), day=day
        ),
        "signed_scans": scans,
        "consent_pages": dossier_signature.consent_pages(
            communication=communication,
            victims=[
                (
                    v,
                    (v.initials if redacted else str(v)) or labels["victim_n"].format(n=n),
                    _child_language(communication, v),
                )
                for n, v in enumerate(victims, start=1)
            ],
            labels=labels,
            dossier_language=language,
            labels_language=dossier_labels.labels_language(language),
            long_date=dossier_labels.long_date,
        ),
    }


# ---- Laying it out ----


@cache
def _font_bytes(name: str) -> bytes:
    return (FONTS_DIR / name).read_bytes()


def _fetcher(annexes: list[Annex]) -> Any:
    # WeasyPrint needs Pango from the system: it is loaded when a dossier is laid out, so that a
    # machine without it still starts and the system check portal.E002 can say what to install.
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: PLC0415

    images = {str(a.number): a for a in annexes if a.mode == "image"}

    class DossierFetcher(URLFetcher):
        """Fetch the bundled fonts and the annex images, and nothing else: no file, no network."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("opic-annex:"):
                annex = images[url.split(":", 1)[1]]
                return URLFetcherResponse(url, body=annex.data, headers={"Content-Type": annex.content_type})
            parts = urlsplit(url)
            if parts.scheme == "file":
                path = Path(url2pathname(parts.path)).resolve()
                if path.parent == FONTS_DIR and path.suffix == ".ttf":
                    return URLFetcherResponse(
                        url, body=_font_bytes(path.name), headers={"Content-Type": "font/ttf"}
                    )
            raise ValueError(f"a dossier fetches nothing from {url}")

    return DossierFetcher()


def _form_matrix(box: tuple[float, float, float, float], rotation: int) -> tuple[float, ...]:
    """Return the matrix that turns a page's box upright (its /Rotate) with its lower-left corner at 0, 0."""
    x0, y0, x1, y1 = box
    return {
        0: (1, 0, 0, 1, -x0, -y0),
        90: (0, -1, 1, 0, -y0, x1),
        180: (-1, 0, 0, -1, x1, y1),
        270: (0, 1, -1, 0, y1, -x0),
    }[rotation % 360]


def _serialized(value: Any) -> bytes:
    out = io.BytesIO()
    value.write_to_stream(out)
    return out.getvalue()


class _Copier:
    """Copy objects of the annex PDFs (read by pypdf) into the PDF WeasyPrint writes (pydyf), once each."""

    def __init__(self, pdf: Any) -> None:
        self.pdf = pdf
        self.copied: dict[tuple[int, int, int], bytes] = {}

    def key(self, name: Any) -> bytes:
        return _serialized(NameObject(name))[1:]  # pydyf writes the solidus itself

    def copy(self, value: Any) -> Any:
        if isinstance(value, IndirectObject):
            return self.indirect(value)
        if isinstance(value, DictionaryObject):
            return pydyf.Dictionary({self.key(k): self.copy(v) for k, v in value.items()})
        if isinstance(value, ArrayObject):
            return pydyf.Array([self.copy(v) for v in value])
        return _serialized(value)

    def indirect(self, reference: IndirectObject) -> bytes:
        key = (id(reference.pdf), reference.idnum, reference.generation)
        if key in self.copied:
            return self.copied[key]
        target = reference.get_object()
        if isinstance(target, StreamObject):
            copy: Any = pydyf.Stream()
        elif isinstance(target, DictionaryObject):
            copy = pydyf.Dictionary()
        elif isinstance(target, ArrayObject):
            copy = pydyf.Array()
        else:
            return self.copy(target)
        self.pdf.add_object(copy)
        self.copied[key] = copy.reference  # before its content: objects may refer to each other
        if isinstance(target, StreamObject):
            encoded = isinstance(target, EncodedStreamObject)
            copy.stream = [target._data if encoded else target.get_data()]
            copy.extra = {
                self.key(k): self.copy(v)
                for k, v in target.items()
                if k != "/Length" and (encoded or k not in ("/Filter", "/DecodeParms"))
            }
        elif isinstance(target, DictionaryObject):
            copy.update({self.key(k): self.copy(v) for k, v in target.items()})
        else:
            copy.extend(self.copy(v) for v in target)
        return copy.reference


def _form_content(page: Any) -> tuple[list[bytes], dict[str, Any], bool]:
    """The content of an annex page for its Form XObject: (stream, its filter, whether to compress).

    A page drawn by one stream already deflated keeps its compressed bytes as they are (no inflating
    and deflating again); any other is decoded and compressed with the rest of the PDF.
    """
    contents = page.get("/Contents")
    stream = contents.get_object() if contents is not None else None
    # pypdf keeps a stream's bytes as read in ``_data`` (still so in 7.1); another release that
    # names it otherwise gets the decoding path below, slower but the same page.
    raw = getattr(stream, "_data", None)
    if (
        isinstance(stream, EncodedStreamObject)
        and isinstance(raw, bytes)
        and stream.get("/Filter") == "/FlateDecode"
        and "/DecodeParms" not in stream
    ):
        return [raw], {"Filter": "/FlateDecode"}, False
    decoded = page.get_contents()
    return [decoded.get_data() if decoded is not None else b""], {}, True


def _annex_overlay(targets: list[tuple[int, PdfReader, int]]) -> Callable[[Any, Any], None]:
    """Return a WeasyPrint finisher that draws page ``n`` of each annex onto page ``index`` of the dossier.

    ``targets`` are (index in the dossier, the annex's reader, page number in the annex from 0).
    It works on the PDF WeasyPrint is about to write, before it is written: nothing is read back.
    Each annex page becomes a Form XObject drawn inside the annex area, scaled to fit; it is
    marked as an artifact, since the tagged caption above it describes it.
    """
    area_x0, area_y0 = MARGIN_LEFT * MM, MARGIN_BOTTOM * MM
    area_w = (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) * MM
    area_h = (PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - CAPTION_BAND - ANNEX_GAP) * MM

    def finish(document: Any, pdf: Any) -> None:
        copier = _Copier(pdf)

        def resolved(value: Any) -> Any:
            return pdf.objects[int(value.split()[0])] if isinstance(value, bytes) else value

        for serial, (index, reader, page_number) in enumerate(targets):
            source = reader.pages[page_number]
            box = tuple(float(v) for v in source.cropbox)
            x0, y0, x1, y1 = box
            rotation = source.rotation % 360
            width, height = (x1 - x0, y1 - y0) if rotation in (0, 180) else (y1 - y0, x1 - x0)
            if width <= 0 or height <= 0:
                continue
            scale = min(area_w / width, area_h / height)
            dx = area_x0 + (area_w - width * scale) / 2
            dy = area_y0 + (area_h - height * scale)  # top-aligned under the caption
            resources = source.get("/Resources")
            content, content_filter, compress = _form_content(source)
            form = pydyf.Stream(
                content,
                {
                    "Type": "/XObject",
                    "Subtype": "/Form",
                    "BBox": pydyf.Array(box),
                    "Resources": copier.copy(resources) if resources is not None else pydyf.Dictionary(),
                    **content_filter,
                },
                compress=compress,
            )
            pdf.add_object(form)
            page = pdf.objects[pdf.pages["Kids"][3 * index]]
            page_resources = resolved(page["Resources"])
            if "XObject" not in page_resources:
                page_resources["XObject"] = pydyf.Dictionary()
            name = f"OpicAnnex{serial}"
            resolved(page_resources["XObject"])[name] = form.reference
            a, b, c, d, e, f = _form_matrix((x0, y0, x1, y1), rotation)
            drawing = (
                f"q /Artifact BMC {scale:.6f} 0 0 {scale:.6f} {dx:.4f} {dy:.4f} cm "
                f"{a} {b} {c} {d} {e:.4f} {f:.4f} cm /{name} Do EMC Q"
            )
            parts = []
            for data_part in (b"q", b"Q", drawing.encode()):
                stream = pydyf.Stream([data_part])
                pdf.add_object(stream)
                parts.append(stream.reference)
            existing = page["Contents"]
            existing_list = list(existing) if isinstance(existing, list) else [existing]
            page["Contents"] = pydyf.Array([parts[0], *existing_list, parts[1], parts[2]])

    return finish


def _pagination_artifacts(document: Any, pdf: Any) -> None:
    """Mark the running footer (page margin boxes) as pagination Artifacts instead of orphan tags.

    WeasyPrint tags the text of the page margin boxes with MCIDs and structure elements that it
    does not link into the structure tree (PDF 1.7 has no place for them there). That leaves content
    that is neither in the tree nor an Artifact (ISO 14289-1 7.1, Matterhorn 01-005). Here each such
    marked-content sequence becomes ``/Artifact <</Type /Pagination>> BDC`` and its entry in the
    parent tree is emptied, as ISO 32000-1 14.8.2.2.2 describes for running heads and page numbers.
    """
    root = pdf.objects[int(pdf.catalog["StructTreeRoot"].split()[0])]
    parent_tree = pdf.objects[int(root["ParentTree"].split()[0])]

    def number(reference: Any) -> int:
        return int(reference.split()[0])

    reached: set[int] = set()
    pending = [number(reference) for reference in root["K"]]
    while pending:
        current = pending.pop()
        if current in reached:
            continue
        reached.add(current)
        element = pdf.objects[current]
        for kid in element.get("K", ()):
            if isinstance(kid, bytes) and kid.endswith(b" R"):
                target = pdf.objects[number(kid)]
                if isinstance(target, dict) and target.get("Type") == "/StructElem":
                    pending.append(number(kid))
    nums = parent_tree["Nums"]
    for index in range(len(document.pages)):
        mapping = nums[2 * index + 1]
        orphans = {mcid for mcid, reference in enumerate(mapping) if number(reference) not in reached}
        if not orphans:
            continue
        for mcid in orphans:
            mapping[mcid] = "null"
        page = pdf.objects[pdf.pages["Kids"][3 * index]]
        operations = pdf.objects[number(page["Contents"])].stream
        for position, operation in enumerate(operations):
            if isinstance(operation, pydyf.Dictionary) and operation.get("MCID") in orphans:
                operations[position - 1] = "/Artifact"
                operations[position] = pydyf.Dictionary({"Type": "/Pagination"})


@cache
def _tag_languages() -> None:
    """Give each tagged block the language of its HTML ``lang`` attribute (/Lang, ISO 32000-1 14.9.2).

    WeasyPrint (up to 70 at least) writes the document's language in the catalog only, so a Kazakh
    paragraph in a Russian dossier would be read aloud as Russian. Its structure tree is built by
    ``weasyprint.pdf.tags._build_box_tree``, which calls itself by its module name: wrapping it once
    gives every element made for a box whose HTML element has a ``lang`` that language. When a
    WeasyPrint release changes that function, nothing is wrapped and tests/complaints/
    test_dossier_pdfua.py (which looks for the Kazakh /Lang) fails.
    """
    from weasyprint.pdf import tags  # noqa: PLC0415

    original = getattr(tags, "_build_box_tree", None)
    if original is None or getattr(original, "opic_languages", False):
        return

    def build(box: Any, parent: Any, *args: Any, **kwargs: Any) -> Any:
        element = getattr(box, "element", None)
        lang = element.get("lang") if element is not None and hasattr(element, "get") else None
        for made in original(box, parent, *args, **kwargs):
            if lang and getattr(box, "element_tag", None) not in ("html", "body") and "Lang" not in made:
                made["Lang"] = pydyf.String(lang)
            yield made

    build.opic_languages = True  # type: ignore[attr-defined]
    tags._build_box_tree = build


class _KnownPagesPDF(pydyf.PDF):
    """A pydyf PDF whose pages are all added: their references are listed once, not on each call."""

    @property
    def page_references(self) -> tuple[bytes, ...]:
        return self.__dict__["opic_page_references"]


@cache
def _tag_with_known_pages() -> None:
    """Let WeasyPrint's tagging list the pages' references once instead of once per structure element.

    ``weasyprint.pdf.tags.add_tags`` reads ``pdf.page_references`` for each element it makes, and
    pydyf builds that tuple of every page anew on each read (about 2,300 times for 57 pages). While
    it tags, the pages are all there and no page is added: the PDF answers from the tuple made once
    before, and is a plain pydyf PDF again afterwards. ``add_tags`` is what ``weasyprint.pdf`` calls
    (still in 70); should that change, nothing is wrapped and dossiers are only slower.
    """
    import weasyprint.pdf as weasyprint_pdf  # noqa: PLC0415

    original = getattr(weasyprint_pdf, "add_tags", None)
    if original is None or getattr(original, "opic_known_pages", False):
        return

    def add_tags(pdf: Any, *args: Any, **kwargs: Any) -> Any:
        if type(pdf) is not pydyf.PDF:
            return original(pdf, *args, **kwargs)
        pdf.opic_page_references = pdf.page_references
        pdf.__class__ = _KnownPagesPDF
        try:
            return original(pdf, *args, **kwargs)
        finally:
            pdf.__class__ = pydyf.PDF
            del pdf.opic_page_references

    add_tags.opic_known_pages = True  # type: ignore[attr-defined]
    weasyprint_pdf.add_tags = add_tags


# What of WeasyPrint's HTML user-agent stylesheet a dossier never uses: form controls, footnotes
# and notes, the dir-attribute cascade (the dossier's own stylesheet styles the one dir it sets,
# rtl), table rules/frame attributes, the
# alignment of the sixteen page margin boxes (the dossier's own @bottom-right sets its own), and
# the counter styles (WeasyPrint reads those apart). Matching these selectors against every
# element, and styling every margin box of every page by them, cost about a tenth of a dossier.
_UA_SECTIONS = re.compile(r"/\* Form fields \*/.*?(?=/\* Pages \*/)|@page \{.*?\n\}", re.S)
_UA_LINES = re.compile(
    r"\[dir\]|\[dir=(?:ltr|rtl) i\] [:d]|footnote|note|^@counter-style|^table:is\(|^:is\(colgroup"
)


@cache
def _dossier_user_agent_css() -> Any:
    import weasyprint  # noqa: PLC0415
    from weasyprint import CSS  # noqa: PLC0415

    text = (Path(weasyprint.__file__).parent / "css" / "html5_ua.css").read_text(encoding="utf-8")
    text = _UA_SECTIONS.sub("", text)
    return CSS(string="\n".join(line for line in text.splitlines() if not _UA_LINES.search(line)))


def _dossier_html(**kwargs: Any) -> Any:
    """WeasyPrint's HTML with its user-agent stylesheet cut to what a dossier uses.

    ``_ua_stylesheets`` is how WeasyPrint's HTML class names its default stylesheet (still in 70);
    should a release rename it, this subclass changes nothing and dossiers are only slower.
    """
    from weasyprint import HTML  # noqa: PLC0415  (a system library: see _fetcher)

    class DossierHTML(HTML):
        def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
            return [_dossier_user_agent_css()]

    return DossierHTML(**kwargs)


# zlib's level for the PDF's streams: pydyf compresses at 9, which on a dossier's text and fonts
# takes three times as long as 6 for 2 % less (87 and 89 KiB of streams).
STREAM_COMPRESSION = 6


def _compress_streams(pdf: Any) -> None:
    """Compress each of the PDF's streams once, now, instead of twice when pydyf writes the file.

    pydyf compresses a stream each time its bytes are asked for, and asks twice when the PDF has
    an identifier (once to write it, once for the identifier's hash), at zlib's slowest level. Here
    each stream WeasyPrint marked for compression is joined and deflated once (the same
    /FlateDecode a reader sees) and pydyf writes it as it is. Runs last: nothing may edit a
    stream's operations after it.
    """
    to_bytes = getattr(pydyf, "_to_bytes", None)  # how pydyf writes an operand (still so in 0.13)
    if to_bytes is None:  # another pydyf: leave the compression to it, as before
        return
    for item in pdf.objects:
        if isinstance(item, pydyf.Stream) and item.compress:
            data = b"\n".join(to_bytes(part) for part in item.stream)
            item.stream = [zlib.compress(data, STREAM_COMPRESSION)]
            item.extra["Filter"] = "/FlateDecode"
            item.compress = False


def _write_once(
    pdf: Any, output: Any, version: Any = b"1.7", identifier: Any = False, compress: bool = False
) -> None:
    """Write ``pdf`` as pydyf 0.13's ``PDF.write`` does, serializing and deflating each object once.

    pydyf serializes every object a second time to hash them for the file identifier, the object
    stream included, which it deflates both times at zlib's slowest level. Here the object stream is
    deflated once at STREAM_COMPRESSION and the identifier is the MD5 of the file's bytes before the
    cross-reference stream (the same objects, written): the same objects in the same places, only
    the identifier and the deflated bytes of the two streams written here differ.
    Installed by ``_dossier_pdf`` for pydyf 0.13 only; an uncompressed PDF is left to pydyf.
    """
    version = pydyf._to_bytes(version or b"1.7")
    if not compress or version < b"1.5":
        pydyf.PDF.write(pdf, output, version, identifier, compress)
        return
    digest = hashlib.md5(usedforsecurity=False)

    def line(content: bytes) -> None:
        pdf.current_position += len(content) + 1
        output.write(content + b"\n")
        digest.update(content + b"\n")

    if pdf.info:
        pdf.add_object(pdf.info)
    line(b"%PDF-" + version)
    line(b"%\xf0\x9f\x96\xa4")
    compressed = []
    for item in pdf.objects:
        if item.free == "f":
            continue
        if item.compressible:
            compressed.append(item)
        else:
            item.offset = pdf.current_position
            line(item.indirect)
    numbers, parts, position = [], [], 0
    for item in compressed:
        data = item.data
        parts.append(data)
        numbers.append(f"{item.number} {position}")
        position += len(data) + 1
    header = " ".join(numbers).encode()
    body = zlib.compress(b"\n".join([header, *parts]), STREAM_COMPRESSION)
    object_stream = pydyf.Stream(
        [body],
        {"Type": "/ObjStm", "N": len(compressed), "First": len(header) + 1, "Filter": "/FlateDecode"},
    )
    object_stream.offset = pdf.current_position
    pdf.add_object(object_stream)
    line(object_stream.indirect)
    xref = []
    index = 0
    for item in pdf.objects:
        if item.compressible:
            xref.append((2, object_stream.number, index))
            index += 1
        else:
            xref.append((bool(item.number), item.offset, item.generation))
    xref.append((1, pdf.current_position, 0))
    field2 = ceil(log(pdf.current_position + 1, 256))
    field3 = ceil(log(max(max(item.generation for item in pdf.objects), len(compressed)) + 1, 256))
    lengths = (1, field2, field3)
    table = b"".join(
        value.to_bytes(length, "big") for row in xref for length, value in zip(lengths, row, strict=True)
    )
    extra: dict[str, Any] = {
        "Type": "/XRef",
        "Index": pydyf.Array((0, len(pdf.objects) + 1)),
        "W": pydyf.Array(lengths),
        "Size": len(pdf.objects) + 1,
        "Root": pdf.catalog.reference,
    }
    if pdf.info:
        extra["Info"] = pdf.info.reference
    if identifier:
        data_hash = digest.hexdigest().encode()
        first = data_hash if identifier is True else pydyf._to_bytes(identifier)
        extra["ID"] = pydyf.Array((pydyf.String(first).data, pydyf.String(data_hash).data))
    extra["Filter"] = "/FlateDecode"
    xref_stream = pydyf.Stream([zlib.compress(table, STREAM_COMPRESSION)], extra)
    pdf.xref_position = xref_stream.offset = pdf.current_position
    pdf.add_object(xref_stream)
    line(xref_stream.indirect)
    line(b"startxref")
    line(f"{pdf.xref_position}".encode())
    line(b"%%EOF")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a dossier is laid out and written.

    WeasyPrint makes hundreds of thousands of small objects (boxes, styles, PDF operators) that
    live until the PDF is written; each allocation burst set off collections that walked them all
    again, about a sixth of a render. Reference counting still frees what is dropped; the cycles
    left are collected when the collector runs again after the render. A worker renders one
    dossier at a time, so the pause is short (about a second) and bounded.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def dossier_pdf(source: DossierSource) -> bytes:
    """Lay out ``source`` and merge its annexes; return the PDF."""
    with _collector_paused():
        return _dossier_pdf(source)


def _dossier_pdf(source: DossierSource) -> bytes:
    _tag_languages()
    _tag_with_known_pages()
    document = _dossier_html(
        string=source.html, base_url=FONTS_DIR.as_uri() + "/", url_fetcher=_fetcher(source.annexes)
    ).render(**PDF_OPTIONS)
    page_of = {anchor: index for index, page in enumerate(document.pages) for anchor in page.anchors}
    targets = [
        (page_of[page_id], annex.reader, number)
        for annex in source.annexes
        if annex.mode == "pdf" and annex.reader is not None
        for number, page_id in enumerate(annex.page_ids)
        if page_id in page_of
    ]
    overlay = _annex_overlay(targets) if targets else None

    def finish(document: Any, pdf: Any) -> None:
        _pagination_artifacts(document, pdf)
        if overlay is not None:
            overlay(document, pdf)
        _compress_streams(pdf)
        if getattr(pydyf, "VERSION", "").startswith("0.13."):
            pdf.write = functools.partial(_write_once, pdf)  # see _write_once: pydyf 0.13's layout

    # One pass: the annex pages are drawn into the PDF as WeasyPrint writes it, never read back.
    return document.write_pdf(finisher=finish, **PDF_OPTIONS)


def dossier_render_bytes(
    *, communication: Communication, variant: str = Dossier.Variant.FILING
) -> tuple[bytes, DossierSource]:
    """Build and lay out a dossier now, in this process (the management command, the benchmark, tests)."""
    source = dossier_build(communication=communication, variant=variant)
    return dossier_pdf(source), source


# ---- Requesting and rendering ----

# Requests for dossiers of one communication (all variants together) in one clock hour; a draft
# can be edited between requests, so each could start a render of up to MAX_COMMUNICATION_PAGES.
RENDER_REQUESTS_PER_HOUR = 10


class DossierRefused(Exception):
    """A dossier cannot be asked for now; the message says why, in plain words."""


class RenderBudgetSpent(DossierRefused):
    """Too many dossiers of one communication were asked for this hour; the message says so in plain words."""


class TranslationMissing(DossierRefused):
    """The filing dossier would carry text the Committee cannot read: a translation is missing."""


def filing_untranslated(communication: Communication) -> list[str]:
    """Return the free-text fields that stop the filing dossier: written in another language, untranslated.

    Read from what was signed (the Submission snapshot; a draft: as it stands), like the dossier.
    Empty when the handling caseworker recorded why the dossier may go without the translations
    (complaints.casework.services.case_allow_untranslated_filing): the Committee may accept it.
    """
    if communication.untranslated_filing_reason.strip():
        return []
    return untranslated(communication_as_signed(communication) or communication)


def _untranslated_refusal(communication: Communication) -> TranslationMissing:
    return TranslationMissing(
        gettext(
            "The dossier for filing cannot be made yet: some text is not in %(language)s, the language "
            "of the dossier, and has no translation. Add the translations in the form, or ask the "
            "caseworker handling the case to record why it may go without them. The redacted dossier "
            "can still be made."
        )
        % {"language": communication.get_dossier_language_display()}
    )


def dossier_render_budget_spend(*, communication: Communication) -> None:
    """Count one request for a dossier of ``communication``; refuse it past RENDER_REQUESTS_PER_HOUR.

    The count lives in the cache (shared by all processes when it is Redis). When the cache is
    unavailable, requests are let through: the ten-minute rule of dossier_request still holds.
    """
    key = f"dossier-requests:{communication.reference}:{timezone.now():%Y%m%d%H}"
    counts = caches["default"]
    try:
        counts.add(key, 0, timeout=3600)
        count = counts.incr(key)
    except ValueError:  # expired between add and incr: this is the first request of a new hour
        count = 1
    except Exception:
        logger.warning("dossier requests of %s cannot be counted: the cache fails", communication.pk)
        return
    if isinstance(count, int) and count > RENDER_REQUESTS_PER_HOUR:
        raise RenderBudgetSpent(
            gettext(
                "The dossier of this communication was asked for too often in a short time (at most "
                "%(limit)d times an hour). Please try again in an hour. The dossier made last is "
                "still here."
            )
            % {"limit": RENDER_REQUESTS_PER_HOUR}
        )


@transaction.atomic
def dossier_request(
    *,
    communication: Communication,
    variant: str = Dossier.Variant.FILING,
    requested_by: User | None,
    budgeted: bool = True,
) -> Dossier:
    """Create or reuse the dossier of ``communication`` in ``variant`` and send its rendering after commit.

    The Dossier row, written in the caller's transaction, is the record that the work is owed: if
    the send after commit fails, the dossier stays queued and ``dossiers_redrive`` sends it again.
    Nothing is sent when a current dossier is ready or when one was sent moments ago or is being
    rendered; a queued dossier whose send may have been lost, or one stuck rendering, is sent again.
    Idempotent: a render of a version already stored changes nothing. Each request counts against
    RENDER_REQUESTS_PER_HOUR and past it raises RenderBudgetSpent, unless ``budgeted`` is false
    (filing and the re-drive, which must never be refused for it).
    """
    if communication.erased_on is not None:  # what is kept is the dossier as filed, never a new one
        raise DossierRefused(
            gettext("The personal data of this case were erased: no new dossier can be made.")
        )
    if budgeted:
        dossier_render_budget_spend(communication=communication)
    if variant not in Dossier.Variant.values:
        raise ValueError(f"unknown dossier variant {variant!r}")
    if variant == Dossier.Variant.FILING and filing_untranslated(communication):
        raise _untranslated_refusal(communication)
    now = timezone.now()
    dossier, created = Dossier.objects.select_for_update().get_or_create(
        communication=communication,
        variant=variant,
        defaults={
            "requested_version": communication.version,
            "requested_by": requested_by,
            "requested_at": now,
        },
    )
    if not created:
        current = Communication.objects.values_list("version", flat=True).get(pk=communication.pk)
        if dossier.status == Dossier.Status.QUEUED and not _send_overdue(dossier, now, RESEND_ON_REQUEST):
            return dossier
        if dossier.status == Dossier.Status.RENDERING and not _render_stuck(dossier, now):
            return dossier
        if (
            dossier.status == Dossier.Status.READY
            and dossier.communication_version == current
            and dossier.file
        ):
            return dossier
        if dossier.status != Dossier.Status.QUEUED:
            dossier.status = Dossier.Status.QUEUED
            dossier.requested_version = current
            dossier.requested_by = requested_by
            dossier.requested_at = now
            dossier.failure, dossier.failure_detail, dossier.attempts = "", "", 0
            dossier.save()
    pk = dossier.pk
    transaction.on_commit(lambda: dossier_send(dossier_id=pk))
    return dossier


# ---- Delivery: nothing is lost when the broker or a worker falls ----

# A queued dossier whose last send is older than this is sent again by a new request for it; the
# re-drive waits longer (settings.DOSSIER_RESEND_AFTER), to leave a busy queue time to reach it.
RESEND_ON_REQUEST = 60
# A render interrupted this often (killed workers, time limits) is not tried again automatically.
MAX_ATTEMPTS = 10
REDRIVE_BATCH = 500


def _send_overdue(dossier: Dossier, now: Any, after: float) -> bool:
    """Whether no send of ``dossier`` is known to have succeeded, or the last one is ``after`` s old."""
    if dossier.sent_at is None:
        return True
    return (now - dossier.sent_at).total_seconds() >= after


def _stuck_after() -> float:
    """Seconds after which a render cannot be running any more: past the hard time limit, when
    Redis hands its unacknowledged task out again (the broker's visibility timeout)."""
    limit = float(settings.CELERY_TASK_TIME_LIMIT)
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {})
    return max(limit, float(options.get("visibility_timeout", limit + 60)))


def _render_stuck(dossier: Dossier, now: Any) -> bool:
    started = dossier.started_at or dossier.requested_at
    return (now - started).total_seconds() >= _stuck_after()


# How a dossier's render reaches the workers. complaints.tasks, the layer above this module,
# registers it when it is imported (at app loading: complaints.apps imports it), so the domain
# code here never imports the task layer.
RenderSender = Callable[[int], object]
_render_sender: RenderSender | None = None


def register_render_sender(send: RenderSender) -> None:
    global _render_sender
    _render_sender = send


def dossier_send(*, dossier_id: int) -> bool:
    """Send the rendering task of one dossier to the workers; return whether the broker took it.

    Run after the request's transaction committed, so it must never raise into the request: a
    broker that is down is logged, the dossier stays queued with no new ``sent_at``, and
    ``dossiers_redrive`` sends it once the broker is back. Nobody waits for the task's result
    (the dossier row is the result), so the send does not touch the result backend: with Redis
    down, subscribing to the result would retry for 20 s and then raise a RuntimeError.
    """
    if _render_sender is None:
        raise RuntimeError("complaints.tasks registers the render sender; it was not imported")
    try:
        _render_sender(dossier_id)
    except (KombuError, RedisError, OSError):
        logger.warning(
            "dossier %s: the broker is unreachable; the re-drive will send it again",
            dossier_id,
            exc_info=True,
        )
        return False
    Dossier.objects.filter(pk=dossier_id).update(sent_at=timezone.now())
    return True


@dataclass
class RedriveResult:
    resent: int = 0
    unstuck: int = 0
    given_up: int = 0
    unsent: int = 0


def dossiers_redrive(*, now: Any = None) -> RedriveResult:
    """Send again every dossier still owed: queued and not sent lately, or stuck rendering. Idempotent.

    Run every minute by Celery beat. Queued dossiers whose last send (else their request) is older
    than settings.DOSSIER_RESEND_AFTER are sent again; dossiers rendering for longer than the task's
    hard time limit lost their worker, and go back to the queue (or fail, after MAX_ATTEMPTS tries).
    A dossier sent twice is rendered and stored once (``dossier_render`` and ``_store`` check).
    """
    now = now or timezone.now()
    result = RedriveResult()
    stuck_before = now - timedelta(seconds=_stuck_after())
    for dossier_id, attempts in Dossier.objects.filter(
        status=Dossier.Status.RENDERING, started_at__lt=stuck_before
    ).values_list("pk", "attempts")[:REDRIVE_BATCH]:
        claimed = Dossier.objects.filter(
            pk=dossier_id, status=Dossier.Status.RENDERING, started_at__lt=stuck_before
        )
        if attempts >= MAX_ATTEMPTS:
            result.given_up += claimed.update(
                status=Dossier.Status.FAILED,
                failure=Dossier.Failure.GAVE_UP,
                failure_detail=f"interrupted {attempts} times (worker lost or time limit)",
                finished_at=now,
            )
        else:
            result.unstuck += claimed.update(status=Dossier.Status.QUEUED, sent_at=None)
    resend_before = now - timedelta(seconds=settings.DOSSIER_RESEND_AFTER)
    owed = (
        Dossier.objects.filter(status=Dossier.Status.QUEUED)
        .filter(Q(sent_at__lt=resend_before) | Q(sent_at=None, requested_at__lt=resend_before))
        .order_by("requested_at")
        .values_list("pk", flat=True)[:REDRIVE_BATCH]
    )
    for dossier_id in list(owed):
        if dossier_send(dossier_id=dossier_id):
            result.resent += 1
        else:
            result.unsent += 1
            break  # the broker is down: the next run tries again
    return result


def dossier_render(*, dossier_id: int, final_attempt: bool = True) -> Dossier | None:
    """Render one dossier and store it with its checksum and the version it was built from.

    Idempotent: a dossier already built from the communication's current version is left alone,
    and when two workers render the same one, the first to finish wins and the other's file is
    dropped. Transient errors raise TransientRenderError (the task retries) until
    ``final_attempt``; anything else marks the dossier failed with a reason the user can read.
    """
    with transaction.atomic():
        dossier = (
            Dossier.objects.select_for_update().select_related("communication").filter(pk=dossier_id).first()
        )
        if dossier is None:
            return None
        if (
            dossier.status == Dossier.Status.READY
            and dossier.communication_version == dossier.communication.version
            and dossier.file
        ):
            return dossier
        if dossier.variant == Dossier.Variant.FILING and filing_untranslated(dossier.communication):
            # Asked for before the text changed, or by the re-drive: it is still not made.
            dossier.status, dossier.failure = Dossier.Status.FAILED, Dossier.Failure.UNTRANSLATED
            dossier.failure_detail, dossier.finished_at = "", timezone.now()
            dossier.save(update_fields=["status", "failure", "failure_detail", "finished_at"])
            return dossier
        if dossier.attempts >= MAX_ATTEMPTS:
            # Sent again after each lost worker (acks_late, reject on worker lost): a render that
            # kills its worker every time must stop somewhere.
            dossier.status, dossier.failure = Dossier.Status.FAILED, Dossier.Failure.GAVE_UP
            dossier.failure_detail = f"tried {dossier.attempts} times"
            dossier.finished_at = timezone.now()
            dossier.save(update_fields=["status", "failure", "failure_detail", "finished_at"])
            return dossier
        dossier.status = Dossier.Status.RENDERING
        dossier.started_at = timezone.now()
        dossier.attempts += 1
        dossier.save(update_fields=["status", "started_at", "attempts"])
    try:
        pdf, source = dossier_render_bytes(communication=dossier.communication, variant=dossier.variant)
    except (TransientRenderError, DatabaseError, OSError) as error:
        if not final_attempt:
            _set_status(dossier_id, Dossier.Status.QUEUED, "", repr(error))
            # The retry is this send: the re-drive need not send it again while it waits.
            Dossier.objects.filter(pk=dossier_id).update(sent_at=timezone.now())
            raise TransientRenderError(str(error)) from error
        logger.exception("dossier %s: giving up", dossier_id)
        return _set_status(dossier_id, Dossier.Status.FAILED, Dossier.Failure.GAVE_UP, repr(error))
    except Exception as error:
        logger.exception("dossier %s could not be rendered", dossier_id)
        return _set_status(dossier_id, Dossier.Status.FAILED, Dossier.Failure.RENDER_ERROR, repr(error))
    return _store(dossier_id, pdf, source, final_attempt)


def _set_status(dossier_id: int, status: str, failure: str, detail: str) -> Dossier | None:
    Dossier.objects.filter(pk=dossier_id).update(
        status=status, failure=failure, failure_detail=detail[:2000], finished_at=timezone.now()
    )
    return Dossier.objects.filter(pk=dossier_id).first()


_STORE_ERRORS: tuple[type[Exception], ...] = (DatabaseError, *STORAGE_ERRORS)


def _store(dossier_id: int, pdf: bytes, source: DossierSource, final_attempt: bool) -> Dossier | None:

    digest = hashlib.sha256(pdf).hexdigest()
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    new_name: str = ""
    try:
        with transaction.atomic():
            dossier = (
                Dossier.objects.select_for_update()
                .select_related("communication")
                .filter(pk=dossier_id)
                .first()
            )
            if dossier is None:
                return None
            if (
                dossier.status == Dossier.Status.READY
                and dossier.communication_version == source.version
                and dossier.file
            ):
                return dossier  # another worker finished the same job first
            old_name = dossier.file.name if dossier.file else ""
            dossier.file.save(f"{dossier.variant}.pdf", ContentFile(pdf), save=False)
            new_name = dossier.file.name or ""
            dossier.status = Dossier.Status.READY
            dossier.sha256, dossier.size, dossier.page_count = digest, len(pdf), pages
            dossier.communication_version, dossier.language = source.version, source.language
            dossier.failure, dossier.failure_detail = "", ""
            dossier.finished_at = timezone.now()
            dossier.save()
            if old_name and old_name != new_name:
                storage = dossier.file.storage
                transaction.on_commit(lambda: stored_file_delete(storage, old_name))
            return dossier
    except _STORE_ERRORS as error:
        if new_name:
            stored_file_delete(Dossier._meta.get_field("file").storage, new_name)
        if not final_attempt:
            raise TransientRenderError(str(error)) from error
        logger.exception("dossier %s could not be stored", dossier_id)
        return _set_status(dossier_id, Dossier.Status.FAILED, Dossier.Failure.STORAGE_ERROR, repr(error))


# ---- Who may do what with dossiers ----


def dossier_variants_for(user: Any, communication: Communication) -> list[str]:
    """Return the variants ``user`` may see and ask for (the internal one needs the case's handler)."""
    if not user.has_perm("complaints.view_communication", communication):
        return []
    variants = [Dossier.Variant.FILING, Dossier.Variant.REDACTED]
    if user.has_perm("complaints.view_internal_dossier", communication):
        variants.append(Dossier.Variant.INTERNAL)
    return [str(v) for v in variants]
