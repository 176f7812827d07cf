# ruff: noqa: E501  (one label per line reads better than wrapped strings)
"""The words of the PDF dossier: their ids and English source; the translations are in gettext.

A dossier goes to the Committee in the language of the communication (Communication.dossier_language),
whatever language the person asking for it reads the portal in, so its labels have their own gettext
domain, ``dossier``: ``locale/<lang>/LC_MESSAGES/dossier.po`` for every UN language the portal offers
(English, French, Spanish, Russian, Arabic, Chinese), apart from the interface's catalogues (Kazakh,
Russian, English), which need not know the dossier's words. Each label is an entry with its id as the
context (msgctxt) and its English text as the msgid; ``make messages`` extracts them with pybabel.
Free text is never translated here; it appears as written, with the filer's translation beside it.

A UN language whose catalogue does not translate every label yet (today Arabic and Chinese: their
catalogues are there, empty, for translators) gets the English labels, and the cover page says so. Dates, and the names of States and languages, come
from CLDR (``complaints.cldr``).
"""

from __future__ import annotations

import gettext
from datetime import date
from functools import cache
from typing import Final

from django.conf import settings

from complaints import cldr

DOMAIN: Final = "dossier"
# The dossier languages whose catalogue translates every label (a test checks it). Add Arabic or
# Chinese here once its catalogue is complete.
LABELLED_LANGUAGES: Final = ("en", "ru", "fr", "es")
LOCALE_DIR: Final = settings.BASE_DIR / "locale"


# Only ever shown on a dossier whose labels are English, so it is never translated.
LABELS_IN_ENGLISH: Final = (
    "The labels of this dossier are in English: the portal has none yet in the language chosen."
)


def label(label_id: str, text: str) -> tuple[str, str]:
    """Declare a label: its id (the msgctxt) and its English text (the msgid); pybabel extracts these."""
    return label_id, text


LABELS: Final[dict[str, str]] = dict(
    [
        # The cover letter
        label("document_title", "Communication to the Committee on the Rights of the Child"),
        label(
            "protocol",
            "Optional Protocol to the Convention on the Rights of the Child on a communications procedure",
        ),
        label("cover_letter", "Cover letter"),
        label("to", "To"),
        label(
            "petitions_team",
            "Petitions Team\nOffice of the United Nations High Commissioner for Human Rights\nUnited Nations Office at Geneva\n1211 Geneva 10, Switzerland\npetitions@ohchr.org",
        ),
        label("from", "From"),
        label("date", "Date"),
        label("subject", "Subject"),
        label("subject_text", "Communication concerning {state} under article 5 of the Optional Protocol"),
        label("greeting", "Dear Sir or Madam,"),
        label(
            "cover_body",
            "Please find enclosed a communication to the Committee on the Rights of the Child, submitted under the Optional Protocol to the Convention on the Rights of the Child on a communications procedure, with its annexes. The list of annexes, with the page on which each one begins, is in section 12.",
        ),
        label(
            "cover_urgent",
            "This communication is urgent: the author asks the Committee to request interim measures under article 6 of the Optional Protocol (section 7).",
        ),
        label(
            "cover_confidential",
            "The author asks that the names of the author and of the child not be published (rule 29(4) of the rules of procedure).",
        ),
        label(
            "dispatch_body",
            "Please find attached a communication to the Committee on the Rights of the Child, submitted under the Optional Protocol to the Convention on the Rights of the Child on a communications procedure, with its annexes, in one PDF file. Its cover letter says who submits it and how to reach them.",
        ),
        label("closing", "Yours faithfully,"),
        label("portal_reference", "Portal reference"),
        label("committee_reference", "Committee reference"),
        label("contents", "Contents"),
        label("page", "Page"),
        label("of", "of"),
        # Sections, numbered in the order of the OHCHR model form (complaints/dossiers/model_form.py)
        label("s_state", "1. State party concerned"),
        label("s_author", "2. Author of the communication"),
        label("s_victims", "3. Alleged victim(s)"),
        label("s_representative", "4. Representative"),
        label("s_confidential", "5. Confidentiality"),
        label("s_other", "6. Other procedures of international investigation or settlement"),
        label("s_interim", "7. Request for interim measures"),
        label("s_facts", "8. Facts"),
        label("s_remedies", "9. Exhaustion of domestic remedies"),
        label("s_claims", "10. Rights violated"),
        label("s_sought", "11. Remedies sought"),
        label("s_annexes", "12. List of annexes"),
        label("s_checklist", "13. Check-list"),
        label("s_signature", "Signature and consent"),
        label("s_timeline", "Timeline of the case (internal)"),
        label("s_deadlines", "Time limits (internal)"),
        label("s_excluded", "Parts the portal's check leaves out (internal)"),
        label(
            "excluded_note",
            "Only the Committee decides. These claims or victims fail a ground that concerns them alone; the rest of the communication is not affected.",
        ),
        label("excluded_part", "Claim or victim"),
        label("excluded_reason", "Why"),
        label("the_author", "The author"),
        label("annex", "Annex"),
        # People
        label("family_name", "Family name"),
        label("given_name", "First name(s)"),
        label("date_of_birth", "Date of birth"),
        label("year_of_birth", "Year of birth"),
        label("place_of_birth", "Place of birth"),
        label("nationality", "Nationality"),
        label("sex", "Sex or gender"),
        label("address", "Postal address"),
        label("email", "E-mail"),
        label("phone", "Telephone"),
        label("relationship", "Relationship to the child"),
        label("author_is_victim", "The author is the victim"),
        label("victim_n", "Victim {n}"),
        label("no_representative", "The author is not represented."),
        label("withheld", "[withheld]"),
        label("not_stated", "Not stated"),
        label("yes", "Yes"),
        label("no", "No"),
        # State
        label("state", "State party"),
        label("opic_in_force", "Optional Protocol in force for the State since"),
        # Facts
        label("facts_start", "The facts began on"),
        label("facts_end", "The facts ended on"),
        label("facts_continuing", "The violation is continuing."),
        label("original", "As written"),
        label("translation", "Translation"),
        # Claims
        label("claim", "Claim"),
        label("instrument_CRC", "Convention on the Rights of the Child"),
        label(
            "instrument_OPSC",
            "Optional Protocol on the sale of children, child prostitution and child pornography",
        ),
        label("instrument_OPAC", "Optional Protocol on the involvement of children in armed conflict"),
        label("article", "Article"),
        label("article_text", "Text of the article"),
        label("article_text_in", "Text of the article (in {language})"),
        label("how_violated", "How the right was violated"),
        label("no_claims", "No claim has been stated."),
        # Remedies
        label("authority", "Authority or court"),
        label("started_on", "Started"),
        label("decided_on", "Decided"),
        label("final", "Final"),
        label("outcome", "Outcome"),
        label("remedies_exhausted", "Domestic remedies have been exhausted"),
        label("exception", "Why domestic remedies were not exhausted"),
        label(
            "exception_unreasonably_prolonged",
            "The application of remedies is unreasonably prolonged (article 7(e)).",
        ),
        label(
            "exception_unlikely_effective_relief",
            "Remedies are unlikely to bring effective relief (article 7(e)).",
        ),
        label("late_reason", "Why the communication could not be submitted within one year (article 7(h))"),
        label("no_remedies", "No domestic remedy has been listed."),
        # Other procedures
        label("body", "Body"),
        label("reference", "Reference"),
        label("status", "Status"),
        label("same_matter", "Same matter"),
        label("procedure_pending", "Pending"),
        label("procedure_examined", "Examined"),
        label("procedure_withdrawn", "Withdrawn"),
        label("procedure_ended_without_examination", "Ended without examination"),
        label(
            "no_other_procedures",
            "The same matter has not been submitted to another procedure of international investigation or settlement.",
        ),
        # Interim measures
        label("interim_requested", "The author asks the Committee to request interim measures (article 6)."),
        label("interim_not_requested", "No interim measures are requested."),
        label("irreparable_harm", "Irreparable harm feared"),
        label("fears_reprisals", "The author fears reprisals (article 4)."),
        label("protection_details", "What the author fears"),
        # Remedies sought, confidentiality
        label("nothing_stated", "Nothing stated."),
        label(
            "confidential_yes",
            "The author asks that the names of the author and of the alleged victim(s) not be published in any decision of the Committee (rule 29(4)).",
        ),
        label("confidential_no", "The author agrees that names may be published."),
        # Annexes
        label("number", "No."),
        label("title", "Title"),
        label("kind", "Type"),
        label("pages", "Pages"),
        label("starts_on_page", "Page"),
        label("no_annexes", "No annexes."),
        label("annexes_not_reproduced", "The annexes are not reproduced in this redacted version."),
        label("annex_page", "Annex {n}: {title}, page {page} of {pages}"),
        label(
            "annex_unreadable",
            "This annex could not be reproduced (the file is damaged, protected or of a type the dossier cannot carry). The original is kept by the portal; SHA-256: {sha}.",
        ),
        label("doc_domestic_decision", "Decision of a domestic authority"),
        label("doc_evidence", "Evidence"),
        label("doc_power_of_attorney", "Power of attorney"),
        label("doc_consent", "Consent form"),
        label("doc_translation", "Translation"),
        label("doc_committee", "Correspondence with the Committee"),
        label("doc_state", "Submission of the State"),
        label("doc_other", "Other"),
        # The check-list (the model form's own closes with one)
        label("checklist_attached", "What is attached"),
        label("checklist_document", "Document"),
        label("checklist_needed", "Needed"),
        label("checklist_annexes", "Annexes"),
        label("checklist_needed_if_any", "If there are any"),
        label("checklist_missing", "Missing"),
        label(
            "checklist_authorisation",
            "Authorisation to act: power of attorney, or the signed consent of the person represented",
        ),
        label("checklist_decisions", "Copies of the decisions of the domestic courts and authorities"),
        label("checklist_evidence", "Documents that support the facts"),
        label(
            "checklist_translations",
            "Translations of the documents and texts not in the language of this communication",
        ),
        label("checklist_free_text", "Texts of this communication written in another language"),
        label("checklist_translated", "translated"),
        label("checklist_untranslated", "not translated"),
        label(
            "checklist_waiver",
            "Sent without a translation of these texts. The caseworker handling the case recorded why:",
        ),
        label("checklist_before", "Before sending, check"),
        label(
            "checklist_sign",
            "The signature page is signed by hand, by the author and by the representative, if any.",
        ),
        label(
            "checklist_language",
            "The communication is in English, French, Russian or Spanish, the working languages of the secretariat, and every annex in another language has a translation.",
        ),
        label("checklist_copies", "The annexes are copies: keep the originals."),
        label(
            "checklist_contact", "The cover letter gives an address where the Committee can reach the author."
        ),
        label(
            "checklist_send",
            "Send the signed and scanned communication with its annexes by e-mail to petitions@ohchr.org, or by post to the address on the cover letter.",
        ),
        label("field_facts_summary", "Facts"),
        label("field_explanation", "How the right was violated"),
        label("field_remedies_exception_reason", "Why domestic remedies were not exhausted"),
        label("field_late_submission_reason", "Why the communication is late"),
        label("field_interim_measures_reason", "Irreparable harm feared"),
        label("field_protection_details", "What the author fears"),
        label("field_remedies_sought", "Remedies sought"),
        # Signature and consent
        label(
            "declaration",
            # Only what the signer confirmed on the sign step; the transmission to the State is the
            # Committee's decision (OPIC art. 8(1)), not a consent the child was asked for.
            "I confirm that the information in this communication is true to the best of my knowledge.",
        ),
        label("signed_by", "Signed by"),
        label("signed_on", "Date of signature"),
        label("signature", "Signature"),
        label("consent_of", "Consent of {name}"),
        label("consent_given", "The child agreed to this communication being submitted (article 5(2))."),
        label("consent_not_given", "The child's consent has not been obtained."),
        label(
            "consent_without",
            "The author acts without the child's consent, for the reasons below (article 5(2)).",
        ),
        label("consent_words", "The child's own words"),
        label("consent_on", "Consent given on"),
        label("without_consent_reason", "Reasons for acting without consent"),
        label("doc_signed_page", "Signed signature page"),
        label("signed_page_caption", "Signed signature and consent pages, page {page} of {pages}"),
        # The page signed by hand (templates/pdf/_signature.html)
        label("typed_name", "Name typed in the portal as a signature"),
        label("signed_by_hand", "Signed by hand: see the attached signed page."),
        label(
            "sign_by_hand",
            "Please sign by hand below. Each person writes their name, signs and writes the date.",
        ),
        label("sig_author", "The author"),
        label("sig_representative", "The representative"),
        label("sig_name", "Name"),
        label("sig_date", "Date"),
        label("child_signs_title", "How a child signs"),
        label(
            "child_signs",
            "The author is a child. A child may sign this page themselves. A young child who cannot write a signature yet may write their name or make a mark, for example a cross.",
        ),
        label(
            "child_signs_confirm",
            "If the child wrote their name or made a mark, an adult who was there signs below to say that the child did it and understood what it is for. When a representative acts, the representative does this.",
        ),
        label("sig_confirmed_by", "Adult who confirms the child's signature or mark"),
        # The consent page of each child on whose behalf someone acts (templates/pdf/_consent.html)
        label("consent_language_block", "In {language}"),
        label(
            "consent_about",
            "This letter to the UN Committee on the Rights of the Child is about you. Someone sends it for you.",
        ),
        label(
            "consent_readers",
            "Who will read it: people who work for the Committee, the Committee, and the government of {state}. The Committee sends the letter with your name to the government so that it can answer, unless the Committee decides otherwise.",
        ),
        label(
            "consent_name_private",
            "We asked the Committee not to make your name public. The government will still know your name.",
        ),
        label(
            "consent_name_public",
            "We did not ask the Committee to keep your name secret: it may make your name public.",
        ),
        label(
            "consent_choice",
            "You do not have to agree. If you change your mind later, tell the person who helps you.",
        ),
        label(
            "consent_agree",
            "I agree that this letter is sent to the UN Committee on the Rights of the Child.",
        ),
        label("consent_sign_child", "Your signature, or your name, or a mark"),
        label(
            "consent_sign_adult",
            "An adult who was there confirms that the child signed or made the mark and understood this page",
        ),
        label(
            "consent_without_child",
            "This letter is sent without your agreement. The reasons are written on this page.",
        ),
        label("consent_recorded", "What the portal recorded"),
        # Variants
        label(
            "redacted_notice",
            "Redacted version: the names of the author and of the child are replaced by initials and their contact details are withheld, as in the Committee's published decisions.",
        ),
        label(
            "internal_notice",
            "Internal caseworker dossier: not for filing. It contains the timeline of the case, private notes and time limits.",
        ),
        # Internal: timeline and time limits
        label("when", "Date"),
        label("event", "Event"),
        label("note", "Note"),
        label("private", "private"),
        label("time_limit", "Time limit"),
        label("runs_from", "Runs from"),
        label("due", "Due"),
        label("source", "Source"),
        label("deadline_filing", "Filing limit (one year after the final domestic decision)"),
        label("deadline_state_explanations", "State's written explanations"),
        label("deadline_author_comments", "Author's comments on the State's observations"),
        label("deadline_follow_up", "State's response to the Views"),
        label("deadline_interim_measures", "State's report on interim measures"),
        label("deadline_clarification", "Answer to the secretariat's request for clarification"),
        label("status_open", "open"),
        label("status_overdue", "overdue"),
        label("status_met", "met"),
        label("status_cancelled", "no longer applies"),
    ]
)


@cache
def catalogue(language: str) -> gettext.NullTranslations:
    """Return the dossier catalogue of ``language`` (an empty one, i.e. English, when there is none)."""
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True)


def labels_language(language: str) -> str:
    """Return the language the labels of a dossier in ``language`` are written in."""
    return language if language in LABELLED_LANGUAGES else "en"


def labels_for(language: str) -> dict[str, str]:
    """Return every label in ``language`` (English for a UN language without all its labels yet)."""
    lang = labels_language(language)
    words = catalogue(lang)
    return {key: words.pgettext(key, text) for key, text in LABELS.items()} | {
        "labels_in_english": LABELS_IN_ENGLISH if lang != language else ""
    }


def language_name(code: str, language: str) -> str:
    """Return the name of the language ``code`` as a dossier in ``language`` writes it."""
    return cldr.language_name(code, labels_language(language))


def long_date(day: date | None, language: str) -> str:
    """Return ``day`` written out the way a letter in ``language`` writes dates (CLDR's long date)."""
    if day is None:
        return ""
    return cldr.long_date(day, labels_language(language))
