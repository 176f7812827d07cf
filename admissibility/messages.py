# ruff: noqa: E501  (one message per line reads better than wrapped strings)
"""The words of the engine: message ids, their English source, and the languages that fill them.

The translations are not here: they are in the portal's gettext catalogues
(``locale/<lang>/LC_MESSAGES/django.po``), where each message appears with its id as the
context (msgctxt) and its English text as the msgid. The engine stays pure: it does no I/O, so
whoever runs it loads the catalogues and hands them over with ``install_languages``
(``complaints.adapters`` does this when Django starts). Without that, the engine speaks English
and writes dates as ISO 8601 and States as their ISO 3166 codes.

Every message has two ids: ``<id>`` is the reason for a caseworker and ``<id>.child`` says the
same in plain words for a child of about ten. Templates use ``str.format`` placeholders; every
placeholder is filled with text already formatted for the language (dates, lists, names), so a
template never inflects a value. Where a value would need a case ending (Russian, Kazakh), the
templates put it after a colon, in brackets, or before a fixed word such as «күні», so that no
grammatical agreement is needed.

Code refers to messages only through ``Msg``; the tests check that every ``Msg`` exists in every
language with the same placeholders, so an unknown message cannot reach a user.
"""

from __future__ import annotations

import gettext
import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from enum import StrEnum
from typing import Final

LANGUAGES: Final = ("en", "ru", "kk")
DEFAULT_LANGUAGE: Final = "en"


class Msg(StrEnum):
    S13_MET = "opic-1-3.met"
    S13_STATE_UNKNOWN = "opic-1-3.state-unknown"
    S13_NOT_IN_TABLE = "opic-1-3.not-in-table"
    S13_DENOUNCED = "opic-1-3.denounced"
    S13_SIGNATORY = "opic-1-3.signatory-only"
    S13_EIF_UNKNOWN = "opic-1-3.eif-unknown"
    S13_NOT_YET = "opic-1-3.not-yet-in-force"

    S12_NONE = "opic-1-2.no-optional-protocol"
    S12_ACCEPTED = "opic-1-2.accepted"
    S12_NOT_PARTY = "opic-1-2.claims-left-out"
    S12_UNKNOWN = "opic-1-2.status-unknown"
    S12_STATE_UNKNOWN = "opic-1-2.state-unknown"

    S51_MET = "opic-5-1.met"
    S51_NO_VICTIM = "opic-5-1.no-victim"
    S51_UNKNOWN = "opic-5-1.unknown"
    S51_OUTSIDE = "opic-5-1.outside-territory"

    S52_AUTHOR_VICTIM = "opic-5-2.author-is-victim"
    S52_GIVEN = "opic-5-2.consent-given"
    S52_REFUSED = "opic-5-2.consent-not-given"
    S52_UNKNOWN = "opic-5-2.consent-unknown"
    S52_JUSTIFIED = "opic-5-2.without-consent-justified"
    S52_AUTHOR_UNKNOWN = "opic-5-2.author-unknown"
    S52_NO_VICTIMS = "opic-5-2.no-victims"

    S7A_MET = "opic-7-a.met"
    S7A_AUTHOR = "opic-7-a.author-not-identified"
    S7A_AUTHOR_UNKNOWN = "opic-7-a.author-name-missing"
    S7A_VICTIMS = "opic-7-a.victims-not-identified"
    S7A_VICTIMS_UNKNOWN = "opic-7-a.victims-names-missing"

    S7B_MET = "opic-7-b.met"
    S7B_NOT = "opic-7-b.not-in-writing"
    S7B_UNKNOWN = "opic-7-b.unknown"

    S7C_MET = "opic-7-c.met"
    S7C_NO_CLAIMS = "opic-7-c.no-claims"
    S7C_CLAIMS_UNKNOWN = "opic-7-c.claims-unknown"
    S7C_ONLY_INVALID = "opic-7-c.only-invalid-articles"
    S7C_SOME_INVALID = "opic-7-c.some-invalid-articles"
    S7C_INCOMPLETE = "opic-7-c.claims-incomplete"
    S7C_EXPLANATION = "opic-7-c.explanation-missing"
    S7C_ALL_ADULTS = "opic-7-c.all-adults"
    S7C_SOME_ADULTS = "opic-7-c.some-adults"
    S7C_DOB_UNKNOWN = "opic-7-c.date-of-birth-unknown"
    S7C_START_UNKNOWN = "opic-7-c.start-unknown"
    S7C_NO_VICTIMS = "opic-7-c.no-victims"

    S7D_MET = "opic-7-d.met"
    S7D_CLOSED = "opic-7-d.closed-procedures"
    S7D_PREVIOUS = "opic-7-d.examined-by-committee"
    S7D_PENDING = "opic-7-d.pending-elsewhere"
    S7D_EXAMINED = "opic-7-d.examined-elsewhere"
    S7D_PREVIOUS_UNKNOWN = "opic-7-d.committee-unknown"
    S7D_PROCEDURES_UNKNOWN = "opic-7-d.procedures-unknown"
    S7D_UNCLEAR = "opic-7-d.procedure-unclear"
    S7D_KIND_UNKNOWN = "opic-7-d.kind-unknown"
    S7D_SPECIAL = "opic-7-d.special-procedures"
    S7D_RESUBMITTED = "opic-7-d.resubmitted-after-exhaustion"

    S7E_MET = "opic-7-e.met"
    S7E_NOT = "opic-7-e.not-exhausted"
    S7E_PROLONGED = "opic-7-e.unreasonably-prolonged"
    S7E_INEFFECTIVE = "opic-7-e.unlikely-effective-relief"
    S7E_NO_REASON = "opic-7-e.exception-unexplained"
    S7E_UNKNOWN = "opic-7-e.unknown"

    S7F_MET = "opic-7-f.met"
    S7F_NO_SUMMARY = "opic-7-f.no-summary"
    S7F_SUMMARY_MISSING = "opic-7-f.summary-not-written"
    S7F_NO_DOCUMENTS = "opic-7-f.no-documents"

    S7G_CONTINUING = "opic-7-g.continuing"
    S7G_ENDED_AFTER = "opic-7-g.ended-after"
    S7G_STARTED_AFTER = "opic-7-g.started-after"
    S7G_BEFORE = "opic-7-g.before"
    S7G_DATES_UNKNOWN = "opic-7-g.dates-unknown"
    S7G_STARTED_BEFORE = "opic-7-g.started-before"
    S7G_EIF_UNKNOWN = "opic-7-g.eif-unknown"
    S7G_CONTRADICTION = "opic-7-g.continuing-contradicts-dates"
    S7G_FINAL_AFTER = "opic-7-g.final-decision-after"
    S7G_FINAL_UNKNOWN = "opic-7-g.final-decision-unknown"

    S7H_IN_TIME = "opic-7-h.in-time"
    S7H_NOT_EXHAUSTED = "opic-7-h.not-exhausted"
    S7H_LATE = "opic-7-h.late"
    S7H_LATE_REASON = "opic-7-h.late-with-reason"
    S7H_FINAL_UNKNOWN = "opic-7-h.final-decision-unknown"
    S7H_UNKNOWN = "opic-7-h.unknown"
    S7H_LATE_UNCLEAR = "opic-7-h.late-exhaustion-unknown"
    S7H_BEFORE_EIF = "opic-7-h.window-closed-before-entry-into-force"


CHILD = ".child"


def english(message_id: str, text: str) -> tuple[str, str]:
    """Declare a message: its id (the msgctxt in the catalogues) and its English text (the msgid).

    ``makemessages`` extracts these calls (``complaints/management/commands/makemessages.py``).
    """
    return message_id, text


SOURCE: Final[dict[str, str]] = dict(
    [
        # OPIC art. 1(3)
        english(
            "opic-1-3.met",
            "{state} is a party to the Protocol, which entered into force for {state} on {eif}; it is in force on the assessment date ({assessed_on}).",
        ),
        english(
            "opic-1-3.met.child",
            "Good news: the country you are complaining about lets children complain to the Committee. This has been possible since {eif}.",
        ),
        english(
            "opic-1-3.state-unknown",
            "The State concerned is not recorded, so it cannot be checked whether the Protocol applies to it.",
        ),
        english(
            "opic-1-3.state-unknown.child",
            "Which country is your complaint about? Tell us, so we can check whether the Committee can help.",
        ),
        english(
            "opic-1-3.not-in-table",
            "{state} is not in the portal's treaty table: it may not be a party to the Protocol, or the table may be out of date. Check the UN Treaty Collection (chapter IV-11-d) before relying on this.",
        ),
        english(
            "opic-1-3.not-in-table.child",
            "We could not find this country in our list of countries that accept complaints. A grown-up helper will check the official list.",
        ),
        english(
            "opic-1-3.denounced",
            "{state} denounced the Protocol; the denunciation took effect on {effective}. Communications submitted after that day cannot be received (OPIC art. 22).",
        ),
        english(
            "opic-1-3.denounced.child",
            "This country has left the complaint rules. Since {effective} the Committee cannot take new complaints about it. A grown-up you trust, a lawyer or a children's ombudsperson can help you find another way.",
        ),
        english(
            "opic-1-3.signatory-only",
            "{state} has signed but not ratified the Protocol; it is not a party, so the Committee cannot receive a communication concerning it.",
        ),
        english(
            "opic-1-3.signatory-only.child",
            "This country has signed the complaint rules but has not fully agreed to them yet, so the Committee cannot take your complaint. A grown-up you trust, a lawyer or a children's ombudsperson can help you find another way.",
        ),
        english(
            "opic-1-3.eif-unknown",
            "{state} is a party to the Protocol, but the date on which it entered into force for {state} is not recorded; check it in the UN Treaty Collection.",
        ),
        english(
            "opic-1-3.eif-unknown.child",
            "This country has agreed to the complaint rules, but we still need to check from which day. A grown-up helper will look it up.",
        ),
        english(
            "opic-1-3.not-yet-in-force",
            "The Protocol enters into force for {state} only on {eif}, after the assessment date ({assessed_on}); no communication can be received before then.",
        ),
        english(
            "opic-1-3.not-yet-in-force.child",
            "This country has agreed to the rules, but they only start on {eif}. You can send your complaint from that day.",
        ),
        # OPIC art. 1(2), 5(1)
        english(
            "opic-1-2.no-optional-protocol",
            "No claim relies on the OPSC or the OPAC; claims under the Convention itself need no further acceptance by the State.",
        ),
        english(
            "opic-1-2.no-optional-protocol.child",
            "Your complaint is about rights in the Convention on the Rights of the Child. That is fine.",
        ),
        english(
            "opic-1-2.accepted", "{state} is a party to every optional protocol relied on: {instruments}."
        ),
        english("opic-1-2.accepted.child", "The country has accepted all the rules you are using."),
        english(
            "opic-1-2.claims-left-out",
            "{state} is not a party to: {instruments}. The Committee cannot examine the claims under it (their number in the list): {claims}. They are left out; the rest of the communication is not affected.",
        ),
        english(
            "opic-1-2.claims-left-out.child",
            "The country has not accepted some of the rules you are using, so those parts are left out. The Committee can still look at the rest of your complaint.",
        ),
        english(
            "opic-1-2.status-unknown",
            "It is not recorded whether {state} is a party to: {instruments}. Check the UN Treaty Collection.",
        ),
        english(
            "opic-1-2.status-unknown.child",
            "We need to check whether the country has accepted some of the rules you are using. A grown-up helper will look it up.",
        ),
        english(
            "opic-1-2.state-unknown",
            "Some claims rely on optional protocols, but the State concerned is not recorded, so it cannot be checked whether it is a party to them: {instruments}.",
        ),
        english(
            "opic-1-2.state-unknown.child",
            "Tell us which country your complaint is about, so we can check the rules you are using.",
        ),
        english(
            "opic-5-1.met",
            "The communication is submitted by or on behalf of identified people who claim to be victims of a violation by the State.",
        ),
        english(
            "opic-5-1.met.child",
            "The complaint is about what happened to real children. That is what the Committee looks at.",
        ),
        english(
            "opic-5-1.no-victim",
            "No one is named as a victim and the author does not claim to be one. The Committee does not examine a law or a practice in the abstract (actio popularis): someone must claim to be a victim (OPIC art. 5(1)).",
        ),
        english(
            "opic-5-1.no-victim.child",
            "A complaint must be about what happened to someone, such as you or another child. Tell us who this happened to.",
        ),
        english(
            "opic-5-1.unknown",
            "It is not recorded whether the author is a victim or who the victims are: add them on the steps about the author and the children.",
        ),
        english(
            "opic-5-1.unknown.child",
            "Tell us who this happened to: you, or another child?",
        ),
        english(
            "opic-5-1.outside-territory",
            "The victims were outside the territory of {state} when it happened. Whether they were within its jurisdiction (for example because the State had effective control over the harm) is for the Committee to decide, as in Sacchi et al. v. Germany and L.H. et al. v. France.",
        ),
        english(
            "opic-5-1.outside-territory.child",
            "It happened outside the country you are complaining about. The Committee will decide whether that country is responsible.",
        ),
        # OPIC art. 5(2)
        english("opic-5-2.author-is-victim", "The author is the victim, so no one else's consent is needed."),
        english(
            "opic-5-2.author-is-victim.child",
            "You are complaining about what happened to you, so you do not need anyone's permission.",
        ),
        english(
            "opic-5-2.consent-given",
            "Every victim has consented to the communication being submitted on their behalf.",
        ),
        english(
            "opic-5-2.consent-given.child",
            "Everyone the complaint is about has said yes to it. That is important.",
        ),
        english(
            "opic-5-2.consent-not-given",
            "These victims (their number in the list) have not consented, and no justification for acting without their consent is given: {victims}. The communication cannot be examined for them; it goes on for the others.",
        ),
        english(
            "opic-5-2.consent-not-given.child",
            "Some children in this complaint have not said yes, so the Committee cannot look at their part. Ask them again, or explain why you cannot ask them.",
        ),
        english(
            "opic-5-2.consent-unknown",
            "Whether these victims consented is not recorded yet (their number in the list): {victims}. Add it on the consent step: their consent, or the reasons for acting without it.",
        ),
        english(
            "opic-5-2.consent-unknown.child",
            "Have the children in this complaint said yes to it? Tell us on the consent step. If a child is too young to say, explain why you act for them.",
        ),
        english(
            "opic-5-2.without-consent-justified",
            "The author acts without the consent of these victims (their number in the list) and gives a justification: {victims}. The Committee decides whether acting without consent is justified and in the child's best interests.",
        ),
        english(
            "opic-5-2.without-consent-justified.child",
            "You are complaining for a child without their yes. That can be allowed, but the Committee will decide whether your reason is good enough.",
        ),
        english(
            "opic-5-2.author-unknown",
            "It is not recorded whether the author is the victim, so it cannot be checked whether the victims' consent is needed.",
        ),
        english(
            "opic-5-2.author-unknown.child",
            "Tell us whether the complaint is about you or about someone else.",
        ),
        english("opic-5-2.no-victims", "No victim is named, so consent cannot be checked."),
        english(
            "opic-5-2.no-victims.child",
            "Tell us who the complaint is about, so we can check that they agree.",
        ),
        # OPIC art. 7(a)
        english(
            "opic-7-a.met",
            "The author and every victim are identified. Their names are not published in the Committee's decision without their consent.",
        ),
        english(
            "opic-7-a.met.child",
            "We know who you are. The Committee will not tell the public your name unless you agree.",
        ),
        english(
            "opic-7-a.author-not-identified",
            "The author is not identified; anonymous communications are inadmissible.",
        ),
        english(
            "opic-7-a.author-not-identified.child",
            "The Committee cannot accept a complaint without a name. Your name stays private: it is not shown to the public.",
        ),
        english(
            "opic-7-a.author-name-missing",
            "The author's name is not recorded yet: add it on the step about the author. A communication cannot be anonymous, but the name is not published without consent.",
        ),
        english(
            "opic-7-a.author-name-missing.child",
            "Please tell us your name. It stays private: it is not shown to the public.",
        ),
        english(
            "opic-7-a.victims-not-identified",
            "These victims are not identified (their number in the list): {victims}.",
        ),
        english(
            "opic-7-a.victims-not-identified.child",
            "The Committee needs to know who the complaint is about. Their names stay private.",
        ),
        english(
            "opic-7-a.victims-names-missing",
            "The names of these victims are not recorded yet (their number in the list): {victims}. Add them on the step about the children.",
        ),
        english(
            "opic-7-a.victims-names-missing.child",
            "Please tell us the names of the children this complaint is about. Their names stay private.",
        ),
        # OPIC art. 7(b)
        english("opic-7-b.met", "The communication is in writing."),
        english("opic-7-b.met.child", "Your complaint is written down. Good."),
        english(
            "opic-7-b.not-in-writing",
            "The communication is not in writing; the Committee only receives written communications.",
        ),
        english(
            "opic-7-b.not-in-writing.child",
            "The complaint has to be written down. Someone can help you write it, or write down what you tell them.",
        ),
        english("opic-7-b.unknown", "It is not recorded whether the communication is in writing."),
        english(
            "opic-7-b.unknown.child",
            "Your complaint needs to be written down. A grown-up helper can write down your words.",
        ),
        # OPIC art. 7(c)
        english(
            "opic-7-c.met",
            "Every claim relies on an article that sets out a right, and every victim was under 18 when the facts began on {start}.",
        ),
        english(
            "opic-7-c.met.child",
            "The rights you are talking about are children's rights, and it all started when the children in your complaint were under 18.",
        ),
        english(
            "opic-7-c.no-claims",
            "No claim relies on a right set out in the Convention or its Optional Protocols.",
        ),
        english(
            "opic-7-c.no-claims.child",
            "Tell us which of your rights were not respected. A grown-up helper can find the right article with you.",
        ),
        english("opic-7-c.claims-unknown", "The rights relied on are not recorded yet."),
        english("opic-7-c.claims-unknown.child", "Tell us which of your rights were not respected."),
        english(
            "opic-7-c.only-invalid-articles",
            "No claim relies on an article that sets out a right or obligation (CRC art. 1–41, OPSC art. 1–10, OPAC art. 1–7); these do not: {articles}.",
        ),
        english(
            "opic-7-c.only-invalid-articles.child",
            "The articles you chose are not about children's rights (some are about how the Committee works). A grown-up helper can find the right article with you.",
        ),
        english(
            "opic-7-c.some-invalid-articles",
            "These articles do not set out a right or obligation and should be removed or replaced: {articles}.",
        ),
        english(
            "opic-7-c.some-invalid-articles.child",
            "Some of the articles you chose are not about children's rights. Let's check them together with a grown-up helper.",
        ),
        english(
            "opic-7-c.claims-incomplete",
            "These claims lack the instrument or the article number (their number in the list): {claims}.",
        ),
        english(
            "opic-7-c.claims-incomplete.child",
            "Some of the rights you listed are missing an article number. A grown-up helper can find it with you.",
        ),
        english(
            "opic-7-c.explanation-missing",
            "These claims do not explain how the right was violated (their number in the list): {claims}.",
        ),
        english(
            "opic-7-c.explanation-missing.child",
            "For each right, say in your own words what happened and why it was not fair.",
        ),
        english(
            "opic-7-c.all-adults",
            "Every victim whose date of birth is known was already 18 or older when the facts began on {start}; the Convention protects children under 18.",
        ),
        english(
            "opic-7-c.all-adults.child",
            "The Committee can only look at things that began while the person was still under 18.",
        ),
        english(
            "opic-7-c.some-adults",
            "These victims were already 18 or older when the facts began on {start} (their number in the list): {victims}; claims concerning them are likely to be incompatible with the Convention.",
        ),
        english(
            "opic-7-c.some-adults.child",
            "Some people in your complaint were already grown-ups when it began. The Committee can only look at what happened to children.",
        ),
        english(
            "opic-7-c.date-of-birth-unknown",
            "The date of birth of these victims is not recorded (their number in the list): {victims}; their age when the facts began cannot be checked.",
        ),
        english(
            "opic-7-c.date-of-birth-unknown.child",
            "Please tell us the date of birth of everyone the complaint is about.",
        ),
        english(
            "opic-7-c.start-unknown",
            "The date on which the facts began is not recorded, so the victims' age at that time cannot be checked.",
        ),
        english("opic-7-c.start-unknown.child", "When did it start? Tell us the day, as closely as you can."),
        english(
            "opic-7-c.no-victims",
            "No victim is listed, so it cannot be checked that the victims were children when the facts began.",
        ),
        english("opic-7-c.no-victims.child", "Tell us who the complaint is about and when they were born."),
        # OPIC art. 7(d)
        english(
            "opic-7-d.met",
            "The same matter has not been examined by the Committee and has not been, and is not being, examined under another international procedure.",
        ),
        english("opic-7-d.met.child", "No other international body has looked at your complaint. Good."),
        english(
            "opic-7-d.closed-procedures",
            "A procedure that was withdrawn or ended without examining the matter does not count as an examination: {bodies}.",
        ),
        english(
            "opic-7-d.closed-procedures.child",
            "Complaints that were withdrawn, or never looked at, do not stop you.",
        ),
        english("opic-7-d.examined-by-committee", "The Committee has already examined the same matter."),
        english(
            "opic-7-d.examined-by-committee.child",
            "The Committee has already looked at this same problem, so it cannot look at it again. If something new has happened, tell a grown-up helper.",
        ),
        english(
            "opic-7-d.pending-elsewhere",
            "The same matter is being examined under another international procedure: {bodies}.",
        ),
        english(
            "opic-7-d.pending-elsewhere.child",
            "The same complaint is already waiting at another international body ({bodies}). The Committee cannot look at it while it is there.",
        ),
        english(
            "opic-7-d.examined-elsewhere",
            "The same matter has been examined under another international procedure: {bodies}.",
        ),
        english(
            "opic-7-d.examined-elsewhere.child",
            "The same complaint has already been decided by another international body ({bodies}), so the Committee cannot look at it again.",
        ),
        english(
            "opic-7-d.committee-unknown",
            "It is not recorded whether the Committee has already examined the same matter.",
        ),
        english(
            "opic-7-d.committee-unknown.child",
            "Have you sent this complaint to the Committee before? Please tell us.",
        ),
        english(
            "opic-7-d.procedures-unknown",
            "It is not recorded whether the matter has been submitted to another international procedure.",
        ),
        english(
            "opic-7-d.procedures-unknown.child",
            "Have you sent this complaint to any other international body? Please tell us.",
        ),
        english(
            "opic-7-d.procedure-unclear",
            "For these procedures it is not recorded whether they concern the same matter, or what their status is: {bodies}.",
        ),
        english(
            "opic-7-d.procedure-unclear.child",
            "Tell us more about your complaint to another international body ({bodies}): is it about the same problem, and what happened to it?",
        ),
        english(
            "opic-7-d.kind-unknown",
            "It is not recorded what kind of body this is: {bodies}. A regional court or commission, or another UN treaty body, examining the same matter would be a bar; a Special Procedure of the Human Rights Council would not. Add it on the step about other procedures.",
        ),
        english(
            "opic-7-d.kind-unknown.child",
            "Where else did you complain: a court for your region, another UN committee, or a UN expert (Special Rapporteur)? Tell us on the step about other complaints.",
        ),
        english(
            "opic-7-d.special-procedures",
            "A Special Procedure of the Human Rights Council (such as a Special Rapporteur's appeal) is not a procedure of international investigation or settlement, so it is no bar: {bodies}.",
        ),
        english(
            "opic-7-d.special-procedures.child",
            "Writing to a UN Special Rapporteur does not stop you from complaining to the Committee.",
        ),
        english(
            "opic-7-d.resubmitted-after-exhaustion",
            "The Committee earlier declared a communication on the same matter inadmissible because domestic remedies had not been exhausted. It may examine it again once they are: the Committee decides whether the reasons for that decision still apply.",
        ),
        english(
            "opic-7-d.resubmitted-after-exhaustion.child",
            "The Committee said no before because the case was not finished in your country. If it is finished now, you can ask again.",
        ),
        # OPIC art. 7(e)
        english("opic-7-e.met", "All available domestic remedies are said to have been exhausted."),
        english(
            "opic-7-e.met.child",
            "You have already tried the courts and other official ways in your own country. Good.",
        ),
        english(
            "opic-7-e.not-exhausted",
            "Domestic remedies have not been exhausted, and no exception (unreasonably prolonged, or unlikely to bring effective relief) is claimed.",
        ),
        english(
            "opic-7-e.not-exhausted.child",
            "First you need to try the courts or other official ways in your own country. If that takes far too long or cannot help, tell us why.",
        ),
        english(
            "opic-7-e.unreasonably-prolonged",
            "The author relies on an exception to the exhaustion of domestic remedies: their application is unreasonably prolonged. The Committee decides whether the exception applies.",
        ),
        english(
            "opic-7-e.unreasonably-prolonged.child",
            "You say that the courts in your country take far too long. The Committee will decide whether that is a good enough reason.",
        ),
        english(
            "opic-7-e.unlikely-effective-relief",
            "The author relies on an exception to the exhaustion of domestic remedies: they are unlikely to bring effective relief. The Committee decides whether the exception applies.",
        ),
        english(
            "opic-7-e.unlikely-effective-relief.child",
            "You say that the courts in your country cannot really help you. The Committee will decide whether that is a good enough reason.",
        ),
        english("opic-7-e.exception-unexplained", "No explanation of the exception is given yet."),
        english("opic-7-e.exception-unexplained.child", "Explain why, in your own words."),
        english("opic-7-e.unknown", "It is not recorded whether domestic remedies have been exhausted."),
        english(
            "opic-7-e.unknown.child",
            "Have you already tried the courts or other official ways in your own country? Please tell us.",
        ),
        # OPIC art. 7(f)
        english(
            "opic-7-f.met",
            "An account of the facts is given and supporting documents are attached. Whether the claims are manifestly ill-founded is for the Committee to judge.",
        ),
        english("opic-7-f.met.child", "You told us what happened and added papers that show it. Good."),
        english("opic-7-f.no-summary", "No account of the facts is given."),
        english(
            "opic-7-f.no-summary.child",
            "Tell us what happened in your own words: who did what, where and when.",
        ),
        english(
            "opic-7-f.summary-not-written",
            "The account of the facts is not written yet: add it on the step about what happened.",
        ),
        english(
            "opic-7-f.summary-not-written.child",
            "Please tell us what happened, in your own words.",
        ),
        english(
            "opic-7-f.no-documents",
            "No supporting document is attached (for example the domestic decisions or other evidence).",
        ),
        english(
            "opic-7-f.no-documents.child",
            "If you have papers that show what happened, like a letter or a court decision, add them. A grown-up helper can help you collect them.",
        ),
        # OPIC art. 7(g), 20
        english(
            "opic-7-g.continuing",
            "The Protocol entered into force for {state} on {eif}; the facts are said to continue after that date.",
        ),
        english(
            "opic-7-g.continuing.child", "It is still happening after {eif}, so the Committee can look at it."
        ),
        english(
            "opic-7-g.ended-after",
            "The Protocol entered into force for {state} on {eif}; the facts lasted until {end}, on or after that date.",
        ),
        english(
            "opic-7-g.ended-after.child",
            "It was still happening on or after {eif}, so the Committee can look at it.",
        ),
        english(
            "opic-7-g.started-after",
            "The Protocol entered into force for {state} on {eif}; the facts began on {start}, on or after that date.",
        ),
        english(
            "opic-7-g.started-after.child", "It started on or after {eif}, so the Committee can look at it."
        ),
        english(
            "opic-7-g.before",
            "The Protocol entered into force for {state} on {eif}; the facts ended on {end} and did not continue.",
        ),
        english(
            "opic-7-g.before.child",
            "The Committee can only look at things that happened on or after {eif}. Did it keep happening after that day? If so, tell us.",
        ),
        english(
            "opic-7-g.dates-unknown",
            "The Protocol entered into force for {state} on {eif}, but the dates of the facts are not recorded.",
        ),
        english(
            "opic-7-g.dates-unknown.child",
            "When did it happen? The Committee can only look at things that happened on or after {eif}.",
        ),
        english(
            "opic-7-g.started-before",
            "The Protocol entered into force for {state} on {eif}; the facts began earlier, on {start}, and it is not recorded when they ended or whether they continued.",
        ),
        english(
            "opic-7-g.started-before.child",
            "It started before {eif}. Did it keep happening after that day? Please tell us.",
        ),
        english(
            "opic-7-g.eif-unknown",
            "The date on which the Protocol entered into force for the State is not known, so the dates of the facts cannot be compared with it.",
        ),
        english(
            "opic-7-g.eif-unknown.child",
            "We need to check from which day the complaint rules apply to this country. A grown-up helper will look it up.",
        ),
        english(
            "opic-7-g.continuing-contradicts-dates",
            "The facts are said to be still going on, but they are dated as ending on {end}, before the Protocol entered into force for {state} on {eif}. Check the dates on the step about what happened.",
        ),
        english(
            "opic-7-g.continuing-contradicts-dates.child",
            "You said it is still happening, but the end date you gave is before {eif}. Please check the dates.",
        ),
        english(
            "opic-7-g.final-decision-after",
            "The facts ended on {end}, before the Protocol entered into force for {state} on {eif}, but the final domestic decision was given on {final}, after that day. Whether the decision itself is a violation within the Committee's competence is for the Committee (compare A.H.A. v. Spain, where both came before entry into force).",
        ),
        english(
            "opic-7-g.final-decision-after.child",
            "What happened was before {eif}, but the last decision in your country came later. The Committee will decide whether it can look at it.",
        ),
        english(
            "opic-7-g.final-decision-unknown",
            "The facts ended on {end}, before the Protocol entered into force for {state} on {eif}. The date of the final domestic decision is not recorded: if it came after that day, the Committee decides whether the decision itself is within its competence. Add it on the step about what was done in the country.",
        ),
        english(
            "opic-7-g.final-decision-unknown.child",
            "What happened was before {eif}. When was the last decision in your country? Please tell us.",
        ),
        # OPIC art. 7(h)
        english(
            "opic-7-h.in-time",
            "The final domestic decision was taken on {final}; the one-year limit ends on {deadline}, and the assessment date ({assessed_on}) is within it.",
        ),
        english("opic-7-h.in-time.child", "You are in time. Send your complaint by {deadline}."),
        english(
            "opic-7-h.not-exhausted",
            "Domestic remedies are not (yet) exhausted, so the one-year limit, which runs from exhaustion, has not started.",
        ),
        english(
            "opic-7-h.not-exhausted.child",
            "The one-year clock only starts after the last decision in your country.",
        ),
        english(
            "opic-7-h.late",
            "The final domestic decision was taken on {final}; the one-year limit ended on {deadline}, before the assessment date ({assessed_on}), and no reason for the late submission is given.",
        ),
        english(
            "opic-7-h.late.child",
            "The time to complain ended on {deadline}. If something made it impossible to send your complaint in time, tell us what happened.",
        ),
        english(
            "opic-7-h.late-with-reason",
            "The final domestic decision was taken on {final}; the one-year limit ended on {deadline}, before the assessment date ({assessed_on}). A reason for the late submission is given; the Committee decides whether it was impossible to submit in time.",
        ),
        english(
            "opic-7-h.late-with-reason.child",
            "The time to complain ended on {deadline}, but you told us why you are late. The Committee will decide whether that is all right.",
        ),
        english(
            "opic-7-h.final-decision-unknown",
            "Domestic remedies are said to be exhausted, but the date of the final decision is not recorded, so the one-year limit cannot be checked.",
        ),
        english(
            "opic-7-h.final-decision-unknown.child",
            "What was the date of the last decision in your country? You usually have one year from that day.",
        ),
        english(
            "opic-7-h.unknown",
            "It is not recorded whether domestic remedies have been exhausted or when the final decision was taken, so the one-year limit cannot be checked.",
        ),
        english(
            "opic-7-h.unknown.child",
            "What was the date of the last decision in your country? You usually have one year from that day.",
        ),
        english(
            "opic-7-h.late-exhaustion-unknown",
            "The last domestic decision recorded was taken on {final}, and the one-year limit would have ended on {deadline}, before the assessment date ({assessed_on}); it is not recorded whether that decision exhausted domestic remedies.",
        ),
        english(
            "opic-7-h.late-exhaustion-unknown.child",
            "The time to complain may have ended on {deadline}. Was that the last decision in your country? Please tell us.",
        ),
        english(
            "opic-7-h.window-closed-before-entry-into-force",
            "The final domestic decision was taken on {final}; the one-year limit ended on {deadline}, before the Protocol entered into force for {state} on {eif}, so no communication could have been submitted within it. Whether the exception of art. 7(h) applies is for the Committee.",
        ),
        english(
            "opic-7-h.window-closed-before-entry-into-force.child",
            "Your year ended before the complaint rules started for this country, so you could not have sent it in time. The Committee will decide whether it can still look at it.",
        ),
        # How one article is named inside a list, in a form that needs no case agreement
        english("article.CRC", "CRC art. {n}"),
        english("article.OPSC", "OPSC art. {n}"),
        english("article.OPAC", "OPAC art. {n}"),
        # The optional protocols, named in full
        english(
            "instrument.OPSC",
            "the Optional Protocol on the sale of children, child prostitution and child pornography (OPSC)",
        ),
        english(
            "instrument.OPAC", "the Optional Protocol on the involvement of children in armed conflict (OPAC)"
        ),
        english("unnamed-body", "an unnamed international body"),
    ]
)


def placeholders(template: str) -> frozenset[str]:
    """Return the names of the ``str.format`` fields of ``template``."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


DATE_PLACEHOLDERS: Final = ("eif", "assessed_on", "start", "end", "final", "deadline", "effective")
_SAMPLE_DAY: Final = date(2000, 1, 1)


def _no_stop_after_dates(template: str) -> str:
    for name in DATE_PLACEHOLDERS:
        template = template.replace("{" + name + "}.", "{" + name + "}")
    return template


class Language:
    """The words of one language, ready to use: templates, dates, names of States and lists.

    ``translations`` is the language's gettext catalogue (``None``: the English source);
    ``date_text`` writes a date and ``state_name`` names a State from its ISO 3166 alpha-3 code,
    both in this language (by default ISO 8601 and the code itself).
    """

    __slots__ = ("_article", "_instrument", "_unnamed", "code", "date", "pairs", "state", "texts")

    def __init__(
        self,
        code: str,
        translations: gettext.NullTranslations | None = None,
        *,
        date_text: Callable[[date], str] = date.isoformat,
        state_name: Callable[[str], str] = str,
    ) -> None:
        catalogue = translations if translations is not None else gettext.NullTranslations()
        words = {key: catalogue.pgettext(key, text) for key, text in SOURCE.items()}
        self.code = code
        self.date = date_text
        self.state = state_name
        self.texts: dict[str, str] = {msg: words[msg] for msg in Msg} | {
            msg + CHILD: words[msg + CHILD] for msg in Msg
        }
        templates = self.texts
        if date_text(_SAMPLE_DAY).endswith("."):
            # «7 мая 2024 г.» ends with a full stop: a sentence ending with a date needs no other.
            templates = {key: _no_stop_after_dates(text) for key, text in templates.items()}
        self.pairs: dict[str, tuple[str, str]] = {
            msg: (templates[msg], templates[msg + CHILD]) for msg in Msg
        }
        self._article = {instrument: words[f"article.{instrument}"] for instrument in ("CRC", "OPSC", "OPAC")}
        self._instrument = {instrument: words[f"instrument.{instrument}"] for instrument in ("OPSC", "OPAC")}
        self._unnamed = words["unnamed-body"]

    def render(self, msg: Msg, values: dict[str, str]) -> tuple[str, str]:
        """Return the (caseworker reason, child reason) of ``msg`` filled with ``values``."""
        reason, child = self.pairs[msg]
        return reason.format_map(values), child.format_map(values)

    def articles(self, refs: Iterable[tuple[str, int]]) -> str:
        return ", ".join(self._article[str(instrument)].format(n=article) for instrument, article in refs)

    def instruments(self, instruments: Iterable[str]) -> str:
        return "; ".join(self._instrument[str(instrument)] for instrument in instruments)

    def bodies(self, bodies: Iterable[str | None]) -> str:
        return "; ".join(body.strip() if body and body.strip() else self._unnamed for body in bodies)

    @staticmethod
    def numbers(numbers: Iterable[int]) -> str:
        return ", ".join(map(str, numbers))


_BY_CODE: dict[str, Language] = {DEFAULT_LANGUAGE: Language(DEFAULT_LANGUAGE)}


def install_languages(languages: Iterable[Language]) -> None:
    """Make the engine speak ``languages`` (replacing those installed before); English stays the fallback."""
    global _BY_CODE
    installed = {DEFAULT_LANGUAGE: Language(DEFAULT_LANGUAGE)}
    installed.update((one.code, one) for one in languages)
    _BY_CODE = installed


def language(code: str) -> Language:
    """Return the language for ``code``: "kk", "ru-RU", "en_GB" …; anything not installed is English."""
    found = _BY_CODE.get(code)
    if found is None:
        base = code.replace("_", "-").split("-", 1)[0].lower() if isinstance(code, str) else ""
        found = _BY_CODE.get(base, _BY_CODE[DEFAULT_LANGUAGE])
    return found


class _Catalogue(Mapping[str, Mapping[str, str]]):
    """``CATALOGUE[lang][message_id]``: the templates of every installed language, for reading."""

    def __getitem__(self, code: str) -> Mapping[str, str]:
        return _BY_CODE[code].texts

    def __iter__(self) -> Iterator[str]:
        return iter(list(_BY_CODE))

    def __len__(self) -> int:
        return len(_BY_CODE)


CATALOGUE: Final[Mapping[str, Mapping[str, str]]] = _Catalogue()
