"""What the Committee's secretariat will ask for if it is missing: checks before the filing dossier.

Each check names what is missing in plain words, the step of the wizard that fixes it, and its
source. They do not stop a submission (the secretariat may still register a communication and ask
for the papers under rule 15), but they are shown beside every step and on the review.

- A representative acts: their authorisation (a power of attorney, or the victim's signed consent)
  goes with the communication. Rules of procedure under OPIC, rule 13 ("by their designated
  representatives" or "others acting on behalf of the alleged victim(s) with their express
  consent", as summarised by Child Rights Connect,
  https://opic.childrightsconnect.org/what-is-opic/how-to-submit-an-individual-communication/);
  OPIC art. 5(2).
- Domestic remedies are said to be exhausted: copies of the final decision(s) go with it, so the
  Committee can see that they were (OPIC art. 7(e)); the OHCHR asks for copies of all the relevant
  decisions (Fact Sheet No. 7/Rev.2, as quoted at
  https://espchhelp.ru/koon/stati/4412-what-information-should-be-included-in-the-complaint-to-the-un-committees).
- Free text written in another language than the dossier's (Kazakh is not a UN language at all):
  its translation goes with it. The secretariat accepts communications only in its working
  languages, English, French, Russian and Spanish (OHCHR guidance note on submitting an individual
  communication, as reproduced at
  https://europeancourt.org/en/documents/un/committees/form-for-individual-communications/guidance-note/,
  "Submission language"). This one does stop the filing dossier (complaints.dossiers.services),
  unless the caseworker handling the case records why it may go without (the Committee may accept
  it); the redacted and internal dossiers are never stopped.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from complaints.filing.textlang import needs_translation
from complaints.models import Communication, Document, Person


@dataclass(frozen=True)
class Gap:
    """Something the filing dossier lacks: what, where it is fixed, and why it is asked."""

    key: str
    text: Promise | str
    child_text: Promise | str
    step: str
    source: str


AUTHORISATION = Gap(
    key="authorisation",
    text=_(
        "A representative acts for the author: add their power of attorney, or the signed consent of "
        "the person they act for, on the documents step (kind “Power of attorney” or “Consent form”)."
    ),
    child_text=_(
        "Someone helps you as your representative: add the paper where you say they may act for you."
    ),
    step="documents",
    source="OPIC art. 5(2); rules of procedure, rule 13",
)
DOMESTIC_DECISIONS = Gap(
    key="domestic_decisions",
    text=_(
        "The remedies in the country are said to be used up: add a copy of the final decision (and of "
        "the other decisions) on the documents step (kind “Decision of a domestic authority”)."
    ),
    child_text=_("Add a copy of the last decision of the court or authority in your country."),
    step="documents",
    source="OPIC art. 7(e); OHCHR Fact Sheet No. 7/Rev.2",
)


# The free text that goes into the dossier, each with the step of the wizard where it is written and
# translated (complaints/filing/forms.py, ``translatable``), in the order of the wizard.
TRANSLATABLE: dict[str, str] = {
    "facts_summary": "facts",
    "explanation": "rights",
    "remedies_exception_reason": "remedies-exception",
    "late_submission_reason": "late",
    "interim_measures_reason": "protection",
    "protection_details": "protection",
    "remedies_sought": "requests",
}
FIELD_NAMES: dict[str, Promise] = {
    "facts_summary": _("What happened"),
    "explanation": _("How your rights were violated"),
    "remedies_exception_reason": _("Why the remedies in the country were not used up"),
    "late_submission_reason": _("Why the communication is late"),
    "interim_measures_reason": _("The harm that could never be undone"),
    "protection_details": _("What you are afraid of"),
    "remedies_sought": _("What you ask for"),
}
TRANSLATION_SOURCE = "OHCHR guidance note: working languages of the secretariat"


def free_texts(communication: Communication) -> dict[str, str]:
    """Return the free text the dossier prints, by field (the claims' explanations together)."""
    c = communication
    texts = {
        "facts_summary": c.facts_summary,
        # .all(): prefetched by the wizard, frozen by the snapshot; no further reads.
        "explanation": "\n".join(claim.explanation for claim in c.claims.all()),
        "remedies_exception_reason": c.remedies_exception_reason if c.remedies_exception else "",
        "late_submission_reason": c.late_submission_reason,
        "interim_measures_reason": c.interim_measures_reason if c.interim_measures_requested else "",
        "protection_details": c.protection_details if c.fears_reprisals else "",
        "remedies_sought": c.remedies_sought,
    }
    return {name: str(text or "") for name, text in texts.items()}


def untranslated(communication: Communication) -> list[str]:
    """Return the fields whose text is not in the dossier's language and has no translation yet."""
    translations = communication.translations or {}
    return [
        name
        for name, text in free_texts(communication).items()
        if needs_translation(text, communication.dossier_language)
        and not str(translations.get(name) or "").strip()
    ]


def translation_gap(communication: Communication, name: str) -> Gap:
    """The gap of one field without its translation, pointing at the step where it is added."""
    language = communication.get_dossier_language_display()
    return Gap(
        key=f"translation:{name}",
        text=format_lazy(
            _(
                "“{field}” is not written in {language}, the language of the dossier: add its "
                "translation on this step. Until then the dossier for filing cannot be made."
            ),
            field=FIELD_NAMES[name],
            language=language,
        ),
        child_text=format_lazy(
            _("Your words in “{field}” need a translation into {language}. An adult can help you."),
            field=FIELD_NAMES[name],
            language=language,
        ),
        step=TRANSLATABLE[name],
        source=TRANSLATION_SOURCE,
    )


def completeness_gaps(communication: Communication) -> list[Gap]:
    """Return what the filing dossier of ``communication`` still lacks, in the order of the form."""
    # .all(): the wizard prefetched the case's parts, so these read no more rows.
    kinds = {document.kind for document in communication.documents.all()}
    gaps = []
    represented = any(person.role == Person.Role.REPRESENTATIVE for person in communication.people.all())
    if represented and not kinds & {Document.Kind.POWER_OF_ATTORNEY, Document.Kind.CONSENT}:
        gaps.append(AUTHORISATION)
    if communication.remedies_exhausted and Document.Kind.DOMESTIC_DECISION not in kinds:
        gaps.append(DOMESTIC_DECISIONS)
    if not communication.untranslated_filing_reason.strip():
        gaps += [translation_gap(communication, name) for name in untranslated(communication)]
    return gaps
