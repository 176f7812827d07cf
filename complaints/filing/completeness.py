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
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from complaints.models import Communication, Document, Person


@dataclass(frozen=True)
class Gap:
    """Something the filing dossier lacks: what, where it is fixed, and why it is asked."""

    key: str
    text: Promise
    child_text: Promise
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
    return gaps
