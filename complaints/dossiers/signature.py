"""The dossier's pages to sign by hand: the signature page and a consent page for each child.

The signature page (templates/pdf/_signature.html) has a line for the author and, when one acts,
for the representative; when the author is a child it says, in the dossier's language, how a
child signs. The filing dossier shows the name typed in the portal until a signed scan of these
pages is uploaded (complaints.signing); from then on it says "signed by hand" and carries the scan.

Each child on whose behalf someone acts (a victim who is not the author) gets a consent page
(templates/pdf/_consent.html): the same plain words twice, once in the child's language (the
portal's interface catalogue: Kazakh, Russian or English) and once in the dossier's language (the
``dossier`` catalogue), so that the child understands what they sign and the Committee reads the
same words. The words promise nothing the portal cannot keep: the Committee brings the
communication, with the names, to the attention of the State concerned unless it decides
otherwise (OPIC art. 8(1); rules of procedure CRC/C/158, rule 13), and rule 29(4) keeps names out
of what the Committee publishes, not from the State.

Nothing here reads the database or the clock: the caller passes the people, the day and the
languages.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from complaints import cldr
from complaints.models import Communication, Person

# Under this age a child may write their name or make a mark instead of a signature (the wizard's
# own line between its two children's modes, Communication.Audience).
YOUNG_CHILD_AGE = 12
ADULT_AGE = 18


def age_on(born: date | None, day: date) -> int | None:
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def author_is_child(communication: Communication, author: Person | None, day: date) -> bool:
    """Whether the author is a child: the wizard is in a child's mode, or their age says so."""
    age = age_on(author.date_of_birth if author else None, day)
    return communication.audience != Communication.Audience.ADULT or (age is not None and age < ADULT_AGE)


def author_is_young_child(communication: Communication, author: Person | None, day: date) -> bool:
    age = age_on(author.date_of_birth if author else None, day)
    return communication.audience == Communication.Audience.CHILD_UNDER_12 or (
        age is not None and age < YOUNG_CHILD_AGE
    )


def interface_language(code: str) -> str:
    """``code`` if the portal's interface speaks it, else the portal's default language."""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _consent_words(
    *, language: str, name: str, state: str, names_confidential: bool, without_consent: bool
) -> dict[str, str]:
    """The consent page's words in ``language`` of the interface catalogue (the child's language)."""
    with translation.override(language):
        state_name = cldr.state_name(state, language) if state else gettext("your country")
        return {
            "title": gettext("Consent of %(name)s") % {"name": name},
            "about": gettext(
                "This letter to the UN Committee on the Rights of the Child is about you. "
                "Someone sends it for you."
            ),
            "readers": gettext(
                "Who will read it: people who work for the Committee, the Committee, and the government of "
                "%(state)s. The Committee sends the letter with your name to the government so that it can "
                "answer, unless the Committee decides otherwise."
            )
            % {"state": state_name},
            "names": gettext(
                "We asked the Committee not to make your name public. "
                "The government will still know your name."
            )
            if names_confidential
            else gettext(
                "We did not ask the Committee to keep your name secret: it may make your name public."
            ),
            "choice": gettext(
                "You do not have to agree. If you change your mind later, tell the person who helps you."
            ),
            "agree": gettext(
                "I agree that this letter is sent to the UN Committee on the Rights of the Child."
            ),
            "without": gettext(
                "This letter is sent without your agreement. The reasons are written on this page."
            )
            if without_consent
            else "",
            "sign_child": gettext("Your signature, or your name, or a mark"),
            "sign_adult": gettext(
                "An adult who was there confirms that the child signed or made the mark "
                "and understood this page"
            ),
            "name": gettext("Name"),
            "date": gettext("Date"),
            "signature": gettext("Signature"),
        }


def _consent_labels(
    labels: dict[str, str], *, name: str, state_name: str, names_confidential: bool, without_consent: bool
) -> dict[str, str]:
    """The same words in the dossier's language (its ``dossier`` catalogue)."""
    return {
        "title": labels["consent_of"].format(name=name),
        "about": labels["consent_about"],
        "readers": labels["consent_readers"].format(state=state_name),
        "names": labels["consent_name_private" if names_confidential else "consent_name_public"],
        "choice": labels["consent_choice"],
        "agree": labels["consent_agree"],
        "without": labels["consent_without_child"] if without_consent else "",
        "sign_child": labels["consent_sign_child"],
        "sign_adult": labels["consent_sign_adult"],
        "name": labels["sig_name"],
        "date": labels["sig_date"],
        "signature": labels["signature"],
    }


def consent_pages(
    *,
    communication: Communication,
    victims: list[tuple[Person, str, str]],
    labels: dict[str, str],
    dossier_language: str,
    labels_language: str,
    long_date: Any,
) -> list[dict[str, Any]]:
    """One consent page per child on whose behalf someone acts.

    ``victims`` are (person, the name shown (initials in the redacted dossier), the child's
    interface language). A child whose language is the dossier's gets the words once.
    """
    state = communication.state
    state_in_dossier = cldr.state_name(state, labels_language) if state else labels["not_stated"]
    pages = []
    for person, name, child_language in victims:
        without = person.consent == Person.Consent.WITHOUT_CONSENT_JUSTIFIED
        child = _consent_words(
            language=interface_language(child_language),
            name=name,
            state=state,
            names_confidential=communication.names_confidential,
            without_consent=without,
        )
        dossier = _consent_labels(
            labels,
            name=name,
            state_name=state_in_dossier,
            names_confidential=communication.names_confidential,
            without_consent=without,
        )
        blocks: list[dict[str, Any]] = [{"language": labels_language, "words": dossier}]
        if interface_language(child_language) != labels_language:
            child_lang = interface_language(child_language)
            blocks.insert(0, {"language": child_lang, "words": child})
        for block in blocks:
            block["heading"] = labels["consent_language_block"].format(
                language=cldr.language_name(block["language"], labels_language)
            )
        pages.append(
            {
                "title": dossier["title"],
                "blocks": blocks,
                "without": without,
                # The lines to sign, each labelled in both languages: the child, the day, the adult.
                "lines": [
                    {"key": "sign_child", "tall": True},
                    {"key": "date", "tall": False},
                    {"key": "sign_adult", "tall": True},
                ],
                "consent": person.consent,
                "on": long_date(person.consent_on, dossier_language),
            }
        )
    return pages


def signature_lines(
    *, communication: Communication, author: Person | None, has_representative: bool, day: date
) -> dict[str, bool]:
    """Which lines the signature page has: author, representative, and a child's explanation."""
    child = author_is_child(communication, author, day)
    return {
        "child_author": child,
        "young_child_author": child and author_is_young_child(communication, author, day),
        "representative_line": has_representative,
    }
