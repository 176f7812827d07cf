# ruff: noqa: E501  (one message per line reads better than wrapped strings)
"""The words of the engine, in English, Russian and Kazakh.

``CATALOGUE`` is ``{lang: {message_id: template}}``. Every message has two ids: ``<id>`` is the
reason for a caseworker and ``<id>.child`` says the same in plain words for a child of about ten.
Templates use ``str.format`` placeholders; every placeholder is filled with text already
formatted for the language (dates, lists), so a template never inflects a value. Where a value
would need a case ending (Russian, Kazakh), the templates put it after a colon, in brackets, or
before a fixed word such as «күні», so that no grammatical agreement is needed.

Code refers to messages only through ``Msg``; the tests check that every ``Msg`` exists in every
language with the same placeholders, so an unknown message cannot reach a user.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Final

LANGUAGES: Final = ("en", "ru", "kk")
DEFAULT_LANGUAGE: Final = "en"


class Msg(StrEnum):
    S13_MET = "opic-1-3.met"
    S13_STATE_UNKNOWN = "opic-1-3.state-unknown"
    S13_NOT_PARTY = "opic-1-3.not-party"
    S13_SIGNATORY = "opic-1-3.signatory-only"
    S13_EIF_UNKNOWN = "opic-1-3.eif-unknown"
    S13_NOT_YET = "opic-1-3.not-yet-in-force"

    S12_NONE = "opic-1-2.no-optional-protocol"
    S12_ACCEPTED = "opic-1-2.accepted"
    S12_NOT_PARTY = "opic-1-2.not-party"
    S12_UNKNOWN = "opic-1-2.status-unknown"
    S12_STATE_UNKNOWN = "opic-1-2.state-unknown"

    S52_AUTHOR_VICTIM = "opic-5-2.author-is-victim"
    S52_GIVEN = "opic-5-2.consent-given"
    S52_MISSING = "opic-5-2.consent-missing"
    S52_JUSTIFIED = "opic-5-2.without-consent-justified"
    S52_AUTHOR_UNKNOWN = "opic-5-2.author-unknown"
    S52_NO_VICTIMS = "opic-5-2.no-victims"
    S52_OTHERS = "opic-5-2.author-victim-and-others"

    S7A_MET = "opic-7-a.met"
    S7A_AUTHOR = "opic-7-a.author-not-identified"
    S7A_VICTIMS = "opic-7-a.victims-not-identified"
    S7A_NO_VICTIM = "opic-7-a.no-victim"

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

    S7E_MET = "opic-7-e.met"
    S7E_NOT = "opic-7-e.not-exhausted"
    S7E_PROLONGED = "opic-7-e.unreasonably-prolonged"
    S7E_INEFFECTIVE = "opic-7-e.unlikely-effective-relief"
    S7E_NO_REASON = "opic-7-e.exception-unexplained"
    S7E_UNKNOWN = "opic-7-e.unknown"

    S7F_MET = "opic-7-f.met"
    S7F_NO_SUMMARY = "opic-7-f.no-summary"
    S7F_NO_DOCUMENTS = "opic-7-f.no-documents"

    S7G_CONTINUING = "opic-7-g.continuing"
    S7G_ENDED_AFTER = "opic-7-g.ended-after"
    S7G_STARTED_AFTER = "opic-7-g.started-after"
    S7G_BEFORE = "opic-7-g.before"
    S7G_DATES_UNKNOWN = "opic-7-g.dates-unknown"
    S7G_STARTED_BEFORE = "opic-7-g.started-before"
    S7G_EIF_UNKNOWN = "opic-7-g.eif-unknown"

    S7H_IN_TIME = "opic-7-h.in-time"
    S7H_NOT_EXHAUSTED = "opic-7-h.not-exhausted"
    S7H_LATE = "opic-7-h.late"
    S7H_LATE_REASON = "opic-7-h.late-with-reason"
    S7H_FINAL_UNKNOWN = "opic-7-h.final-decision-unknown"
    S7H_UNKNOWN = "opic-7-h.unknown"
    S7H_LATE_UNCLEAR = "opic-7-h.late-exhaustion-unknown"


CHILD = ".child"

EN: Final[dict[str, str]] = {
    # OPIC art. 1(3)
    "opic-1-3.met": "{state} is a party to the Protocol, which entered into force for {state} on {eif}; it is in force on the assessment date ({assessed_on}).",
    "opic-1-3.met.child": "Good news: the country you are complaining about lets children complain to the Committee. This has been possible since {eif}.",
    "opic-1-3.state-unknown": "The State concerned is not recorded, so it cannot be checked whether the Protocol applies to it.",
    "opic-1-3.state-unknown.child": "Which country is your complaint about? Tell us, so we can check whether the Committee can help.",
    "opic-1-3.not-party": "{state} is not a party to the Protocol (it is not in the treaty table), so the Committee cannot receive a communication concerning it.",
    "opic-1-3.not-party.child": "This country has not agreed to let children complain to the Committee, so the Committee cannot take your complaint. A grown-up you trust, a lawyer or a children's ombudsperson can help you find another way.",
    "opic-1-3.signatory-only": "{state} has signed but not ratified the Protocol; it is not a party, so the Committee cannot receive a communication concerning it.",
    "opic-1-3.signatory-only.child": "This country has signed the complaint rules but has not fully agreed to them yet, so the Committee cannot take your complaint. A grown-up you trust, a lawyer or a children's ombudsperson can help you find another way.",
    "opic-1-3.eif-unknown": "{state} is a party to the Protocol, but the date on which it entered into force for {state} is not recorded; check it in the UN Treaty Collection.",
    "opic-1-3.eif-unknown.child": "This country has agreed to the complaint rules, but we still need to check from which day. A grown-up helper will look it up.",
    "opic-1-3.not-yet-in-force": "The Protocol enters into force for {state} only on {eif}, after the assessment date ({assessed_on}); no communication can be received before then.",
    "opic-1-3.not-yet-in-force.child": "This country has agreed to the rules, but they only start on {eif}. You can send your complaint from that day.",
    # OPIC art. 1(2), 5(1)
    "opic-1-2.no-optional-protocol": "No claim relies on the OPSC or the OPAC; claims under the Convention itself need no further acceptance by the State.",
    "opic-1-2.no-optional-protocol.child": "Your complaint is about rights in the Convention on the Rights of the Child. That is fine.",
    "opic-1-2.accepted": "{state} is a party to every optional protocol relied on: {instruments}.",
    "opic-1-2.accepted.child": "The country has accepted all the rules you are using.",
    "opic-1-2.not-party": "{state} is not a party to: {instruments}. The Committee cannot examine claims under an instrument that the State has not accepted.",
    "opic-1-2.not-party.child": "The country has not accepted some of the rules you are using. You can still complain about the rights in the Convention on the Rights of the Child.",
    "opic-1-2.status-unknown": "It is not recorded whether {state} is a party to: {instruments}. Check the UN Treaty Collection.",
    "opic-1-2.status-unknown.child": "We need to check whether the country has accepted some of the rules you are using. A grown-up helper will look it up.",
    "opic-1-2.state-unknown": "Some claims rely on optional protocols, but the State concerned is not recorded, so it cannot be checked whether it is a party to them: {instruments}.",
    "opic-1-2.state-unknown.child": "Tell us which country your complaint is about, so we can check the rules you are using.",
    # OPIC art. 5(2)
    "opic-5-2.author-is-victim": "The author is the victim, so no one else's consent is needed.",
    "opic-5-2.author-is-victim.child": "You are complaining about what happened to you, so you do not need anyone's permission.",
    "opic-5-2.consent-given": "Every victim has consented to the communication being submitted on their behalf.",
    "opic-5-2.consent-given.child": "Everyone the complaint is about has said yes to it. That is important.",
    "opic-5-2.consent-missing": "The author is not the victim and has no consent from these victims (their number in the list): {victims}; no justification for acting without consent is given.",
    "opic-5-2.consent-missing.child": "The children this complaint is about must agree to it. Please ask them, or explain why you cannot ask them.",
    "opic-5-2.without-consent-justified": "The author acts without the consent of these victims (their number in the list) and gives a justification: {victims}. The Committee decides whether acting without consent is justified and in the child's best interests.",
    "opic-5-2.without-consent-justified.child": "You are complaining for a child without their yes. That can be allowed, but the Committee will decide whether your reason is good enough.",
    "opic-5-2.author-unknown": "It is not recorded whether the author is the victim, so it cannot be checked whether the victims' consent is needed.",
    "opic-5-2.author-unknown.child": "Tell us whether the complaint is about you or about someone else.",
    "opic-5-2.no-victims": "No victim is named, so consent cannot be checked.",
    "opic-5-2.no-victims.child": "Tell us who the complaint is about, so we can check that they agree.",
    "opic-5-2.author-victim-and-others": "The author is a victim but also names victims without consent (their number in the list): {victims}. If they are people other than the author, their consent, or a justification for acting without it, is needed.",
    "opic-5-2.author-victim-and-others.child": "If your complaint is also about other children, they need to agree to it too.",
    # OPIC art. 7(a)
    "opic-7-a.met": "The author and every victim are identified. Their names are not published in the Committee's decision without their consent.",
    "opic-7-a.met.child": "We know who you are. The Committee will not tell the public your name unless you agree.",
    "opic-7-a.author-not-identified": "The author is not identified; anonymous communications are inadmissible.",
    "opic-7-a.author-not-identified.child": "The Committee cannot accept a complaint without a name. Your name stays private: it is not shown to the public.",
    "opic-7-a.victims-not-identified": "These victims are not identified (their number in the list): {victims}.",
    "opic-7-a.victims-not-identified.child": "The Committee needs to know who the complaint is about. Their names stay private.",
    "opic-7-a.no-victim": "No victim is named and the author is not recorded as the victim; a communication must concern at least one identified victim.",
    "opic-7-a.no-victim.child": "Tell us who this happened to. A complaint must be about at least one real person.",
    # OPIC art. 7(b)
    "opic-7-b.met": "The communication is in writing.",
    "opic-7-b.met.child": "Your complaint is written down. Good.",
    "opic-7-b.not-in-writing": "The communication is not in writing; the Committee only receives written communications.",
    "opic-7-b.not-in-writing.child": "The complaint has to be written down. Someone can help you write it, or write down what you tell them.",
    "opic-7-b.unknown": "It is not recorded whether the communication is in writing.",
    "opic-7-b.unknown.child": "Your complaint needs to be written down. A grown-up helper can write down your words.",
    # OPIC art. 7(c)
    "opic-7-c.met": "Every claim relies on an article that sets out a right, and every victim was under 18 when the facts began on {start}.",
    "opic-7-c.met.child": "The rights you are talking about are children's rights, and it all started when the children in your complaint were under 18.",
    "opic-7-c.no-claims": "No claim relies on a right set out in the Convention or its Optional Protocols.",
    "opic-7-c.no-claims.child": "Tell us which of your rights were not respected. A grown-up helper can find the right article with you.",
    "opic-7-c.claims-unknown": "The rights relied on are not recorded yet.",
    "opic-7-c.claims-unknown.child": "Tell us which of your rights were not respected.",
    "opic-7-c.only-invalid-articles": "No claim relies on an article that sets out a right or obligation (CRC art. 1–41, OPSC art. 1–10, OPAC art. 1–7); these do not: {articles}.",
    "opic-7-c.only-invalid-articles.child": "The articles you chose are not about children's rights (some are about how the Committee works). A grown-up helper can find the right article with you.",
    "opic-7-c.some-invalid-articles": "These articles do not set out a right or obligation and should be removed or replaced: {articles}.",
    "opic-7-c.some-invalid-articles.child": "Some of the articles you chose are not about children's rights. Let's check them together with a grown-up helper.",
    "opic-7-c.claims-incomplete": "These claims lack the instrument or the article number (their number in the list): {claims}.",
    "opic-7-c.claims-incomplete.child": "Some of the rights you listed are missing an article number. A grown-up helper can find it with you.",
    "opic-7-c.explanation-missing": "These claims do not explain how the right was violated (their number in the list): {claims}.",
    "opic-7-c.explanation-missing.child": "For each right, say in your own words what happened and why it was not fair.",
    "opic-7-c.all-adults": "Every victim whose date of birth is known was already 18 or older when the facts began on {start}; the Convention protects children under 18.",
    "opic-7-c.all-adults.child": "The Committee can only look at things that began while the person was still under 18.",
    "opic-7-c.some-adults": "These victims were already 18 or older when the facts began on {start} (their number in the list): {victims}; claims concerning them are likely to be incompatible with the Convention.",
    "opic-7-c.some-adults.child": "Some people in your complaint were already grown-ups when it began. The Committee can only look at what happened to children.",
    "opic-7-c.date-of-birth-unknown": "The date of birth of these victims is not recorded (their number in the list): {victims}; their age when the facts began cannot be checked.",
    "opic-7-c.date-of-birth-unknown.child": "Please tell us the date of birth of everyone the complaint is about.",
    "opic-7-c.start-unknown": "The date on which the facts began is not recorded, so the victims' age at that time cannot be checked.",
    "opic-7-c.start-unknown.child": "When did it start? Tell us the day, as closely as you can.",
    "opic-7-c.no-victims": "No victim is listed, so it cannot be checked that the victims were children when the facts began.",
    "opic-7-c.no-victims.child": "Tell us who the complaint is about and when they were born.",
    # OPIC art. 7(d)
    "opic-7-d.met": "The same matter has not been examined by the Committee and has not been, and is not being, examined under another international procedure.",
    "opic-7-d.met.child": "No other international body has looked at your complaint. Good.",
    "opic-7-d.closed-procedures": "A procedure that was withdrawn or ended without examining the matter does not count as an examination: {bodies}.",
    "opic-7-d.closed-procedures.child": "Complaints that were withdrawn, or never looked at, do not stop you.",
    "opic-7-d.examined-by-committee": "The Committee has already examined the same matter.",
    "opic-7-d.examined-by-committee.child": "The Committee has already looked at this same problem, so it cannot look at it again. If something new has happened, tell a grown-up helper.",
    "opic-7-d.pending-elsewhere": "The same matter is being examined under another international procedure: {bodies}.",
    "opic-7-d.pending-elsewhere.child": "The same complaint is already waiting at another international body ({bodies}). The Committee cannot look at it while it is there.",
    "opic-7-d.examined-elsewhere": "The same matter has been examined under another international procedure: {bodies}.",
    "opic-7-d.examined-elsewhere.child": "The same complaint has already been decided by another international body ({bodies}), so the Committee cannot look at it again.",
    "opic-7-d.committee-unknown": "It is not recorded whether the Committee has already examined the same matter.",
    "opic-7-d.committee-unknown.child": "Have you sent this complaint to the Committee before? Please tell us.",
    "opic-7-d.procedures-unknown": "It is not recorded whether the matter has been submitted to another international procedure.",
    "opic-7-d.procedures-unknown.child": "Have you sent this complaint to any other international body? Please tell us.",
    "opic-7-d.procedure-unclear": "For these procedures it is not recorded whether they concern the same matter, or what their status is: {bodies}.",
    "opic-7-d.procedure-unclear.child": "Tell us more about your complaint to another international body ({bodies}): is it about the same problem, and what happened to it?",
    # OPIC art. 7(e)
    "opic-7-e.met": "All available domestic remedies are said to have been exhausted.",
    "opic-7-e.met.child": "You have already tried the courts and other official ways in your own country. Good.",
    "opic-7-e.not-exhausted": "Domestic remedies have not been exhausted, and no exception (unreasonably prolonged, or unlikely to bring effective relief) is claimed.",
    "opic-7-e.not-exhausted.child": "First you need to try the courts or other official ways in your own country. If that takes far too long or cannot help, tell us why.",
    "opic-7-e.unreasonably-prolonged": "The author relies on an exception to the exhaustion of domestic remedies: their application is unreasonably prolonged. The Committee decides whether the exception applies.",
    "opic-7-e.unreasonably-prolonged.child": "You say that the courts in your country take far too long. The Committee will decide whether that is a good enough reason.",
    "opic-7-e.unlikely-effective-relief": "The author relies on an exception to the exhaustion of domestic remedies: they are unlikely to bring effective relief. The Committee decides whether the exception applies.",
    "opic-7-e.unlikely-effective-relief.child": "You say that the courts in your country cannot really help you. The Committee will decide whether that is a good enough reason.",
    "opic-7-e.exception-unexplained": "No explanation of the exception is given yet.",
    "opic-7-e.exception-unexplained.child": "Explain why, in your own words.",
    "opic-7-e.unknown": "It is not recorded whether domestic remedies have been exhausted.",
    "opic-7-e.unknown.child": "Have you already tried the courts or other official ways in your own country? Please tell us.",
    # OPIC art. 7(f)
    "opic-7-f.met": "An account of the facts is given and supporting documents are attached. Whether the claims are manifestly ill-founded is for the Committee to judge.",
    "opic-7-f.met.child": "You told us what happened and added papers that show it. Good.",
    "opic-7-f.no-summary": "No account of the facts is given.",
    "opic-7-f.no-summary.child": "Tell us what happened in your own words: who did what, where and when.",
    "opic-7-f.no-documents": "No supporting document is attached (for example the domestic decisions or other evidence).",
    "opic-7-f.no-documents.child": "If you have papers that show what happened, like a letter or a court decision, add them. A grown-up helper can help you collect them.",
    # OPIC art. 7(g), 20
    "opic-7-g.continuing": "The Protocol entered into force for {state} on {eif}; the facts are said to continue after that date.",
    "opic-7-g.continuing.child": "It is still happening after {eif}, so the Committee can look at it.",
    "opic-7-g.ended-after": "The Protocol entered into force for {state} on {eif}; the facts lasted until {end}, on or after that date.",
    "opic-7-g.ended-after.child": "It was still happening on or after {eif}, so the Committee can look at it.",
    "opic-7-g.started-after": "The Protocol entered into force for {state} on {eif}; the facts began on {start}, on or after that date.",
    "opic-7-g.started-after.child": "It started on or after {eif}, so the Committee can look at it.",
    "opic-7-g.before": "The Protocol entered into force for {state} on {eif}; the facts ended on {end} and did not continue.",
    "opic-7-g.before.child": "The Committee can only look at things that happened on or after {eif}. Did it keep happening after that day? If so, tell us.",
    "opic-7-g.dates-unknown": "The Protocol entered into force for {state} on {eif}, but the dates of the facts are not recorded.",
    "opic-7-g.dates-unknown.child": "When did it happen? The Committee can only look at things that happened on or after {eif}.",
    "opic-7-g.started-before": "The Protocol entered into force for {state} on {eif}; the facts began earlier, on {start}, and it is not recorded when they ended or whether they continued.",
    "opic-7-g.started-before.child": "It started before {eif}. Did it keep happening after that day? Please tell us.",
    "opic-7-g.eif-unknown": "The date on which the Protocol entered into force for the State is not known, so the dates of the facts cannot be compared with it.",
    "opic-7-g.eif-unknown.child": "We need to check from which day the complaint rules apply to this country. A grown-up helper will look it up.",
    # OPIC art. 7(h)
    "opic-7-h.in-time": "The final domestic decision was taken on {final}; the one-year limit ends on {deadline}, and the assessment date ({assessed_on}) is within it.",
    "opic-7-h.in-time.child": "You are in time. Send your complaint by {deadline}.",
    "opic-7-h.not-exhausted": "Domestic remedies are not (yet) exhausted, so the one-year limit, which runs from exhaustion, has not started.",
    "opic-7-h.not-exhausted.child": "The one-year clock only starts after the last decision in your country.",
    "opic-7-h.late": "The final domestic decision was taken on {final}; the one-year limit ended on {deadline}, before the assessment date ({assessed_on}), and no reason for the late submission is given.",
    "opic-7-h.late.child": "The time to complain ended on {deadline}. If something made it impossible to send your complaint in time, tell us what happened.",
    "opic-7-h.late-with-reason": "The final domestic decision was taken on {final}; the one-year limit ended on {deadline}, before the assessment date ({assessed_on}). A reason for the late submission is given; the Committee decides whether it was impossible to submit in time.",
    "opic-7-h.late-with-reason.child": "The time to complain ended on {deadline}, but you told us why you are late. The Committee will decide whether that is all right.",
    "opic-7-h.final-decision-unknown": "Domestic remedies are said to be exhausted, but the date of the final decision is not recorded, so the one-year limit cannot be checked.",
    "opic-7-h.final-decision-unknown.child": "What was the date of the last decision in your country? You usually have one year from that day.",
    "opic-7-h.unknown": "It is not recorded whether domestic remedies have been exhausted or when the final decision was taken, so the one-year limit cannot be checked.",
    "opic-7-h.unknown.child": "What was the date of the last decision in your country? You usually have one year from that day.",
    "opic-7-h.late-exhaustion-unknown": "The last domestic decision recorded was taken on {final}, and the one-year limit would have ended on {deadline}, before the assessment date ({assessed_on}); it is not recorded whether that decision exhausted domestic remedies.",
    "opic-7-h.late-exhaustion-unknown.child": "The time to complain may have ended on {deadline}. Was that the last decision in your country? Please tell us.",
}

RU: Final[dict[str, str]] = {
    # OPIC art. 1(3)
    "opic-1-3.met": "Государство {state} является участником Протокола: Протокол вступил для него в силу {eif} и действует на дату оценки ({assessed_on}).",
    "opic-1-3.met.child": "Хорошая новость: страна, на которую ты жалуешься, разрешает детям обращаться в Комитет. Это возможно с {eif}.",
    "opic-1-3.state-unknown": "Государство, которого касается сообщение, не указано, поэтому невозможно проверить, применяется ли к нему Протокол.",
    "opic-1-3.state-unknown.child": "На какую страну ты хочешь пожаловаться? Напиши нам, и мы проверим, может ли Комитет помочь.",
    "opic-1-3.not-party": "Государство {state} не является участником Протокола (его нет в таблице договоров), поэтому Комитет не может принимать сообщения в отношении этого государства.",
    "opic-1-3.not-party.child": "Эта страна не разрешила детям жаловаться в Комитет, поэтому Комитет не может принять твою жалобу. Взрослый, которому ты доверяешь, юрист или уполномоченный по правам ребёнка помогут найти другой способ.",
    "opic-1-3.signatory-only": "Государство {state} подписало, но не ратифицировало Протокол; оно не является его участником, поэтому Комитет не может принимать сообщения в отношении этого государства.",
    "opic-1-3.signatory-only.child": "Эта страна подписала правила о жалобах, но ещё не приняла их окончательно, поэтому Комитет не может принять твою жалобу. Взрослый, которому ты доверяешь, юрист или уполномоченный по правам ребёнка помогут найти другой способ.",
    "opic-1-3.eif-unknown": "Государство {state} является участником Протокола, но дата вступления Протокола в силу для него не указана; проверьте её по Сборнику договоров ООН.",
    "opic-1-3.eif-unknown.child": "Эта страна согласилась с правилами о жалобах, но нам ещё нужно проверить, с какого дня они действуют. Взрослый помощник это выяснит.",
    "opic-1-3.not-yet-in-force": "Протокол вступает в силу для государства {state} только {eif}, то есть после даты оценки ({assessed_on}); до этого сообщения не принимаются.",
    "opic-1-3.not-yet-in-force.child": "Эта страна согласилась с правилами, но они начнут действовать только {eif}. Ты сможешь отправить жалобу начиная с этого дня.",
    # OPIC art. 1(2), 5(1)
    "opic-1-2.no-optional-protocol": "Ни одно требование не основано на факультативных протоколах OPSC или OPAC; требования по самой Конвенции не нуждаются в дополнительном согласии государства.",
    "opic-1-2.no-optional-protocol.child": "Твоя жалоба касается прав из Конвенции о правах ребёнка. Это хорошо.",
    "opic-1-2.accepted": "Государство {state} является участником всех упомянутых факультативных протоколов: {instruments}.",
    "opic-1-2.accepted.child": "Страна приняла все правила, на которые ты ссылаешься.",
    "opic-1-2.not-party": "Государство {state} не является участником следующих документов: {instruments}. Комитет не может рассматривать требования на основании документа, который государство не приняло.",
    "opic-1-2.not-party.child": "Страна не приняла некоторые правила, на которые ты ссылаешься. Но ты всё равно можешь пожаловаться на нарушение прав из Конвенции о правах ребёнка.",
    "opic-1-2.status-unknown": "Не указано, является ли государство {state} участником следующих документов: {instruments}. Проверьте это по Сборнику договоров ООН.",
    "opic-1-2.status-unknown.child": "Нужно проверить, приняла ли страна некоторые правила, на которые ты ссылаешься. Взрослый помощник это выяснит.",
    "opic-1-2.state-unknown": "Некоторые требования основаны на факультативных протоколах, но государство не указано, поэтому невозможно проверить, является ли оно их участником: {instruments}.",
    "opic-1-2.state-unknown.child": "Напиши, на какую страну ты жалуешься, чтобы мы могли проверить правила, на которые ты ссылаешься.",
    # OPIC art. 5(2)
    "opic-5-2.author-is-victim": "Автор сообщения сам является жертвой, поэтому согласие других лиц не требуется.",
    "opic-5-2.author-is-victim.child": "Ты жалуешься на то, что случилось с тобой, поэтому тебе не нужно ничьё разрешение.",
    "opic-5-2.consent-given": "Все предполагаемые жертвы дали согласие на представление сообщения от их имени.",
    "opic-5-2.consent-given.child": "Все, о ком эта жалоба, сказали «да». Это важно.",
    "opic-5-2.consent-missing": "Автор не является жертвой и не имеет согласия следующих предполагаемых жертв (номер в списке): {victims}; обоснование действий без согласия не приведено.",
    "opic-5-2.consent-missing.child": "Дети, о которых эта жалоба, должны быть с ней согласны. Спроси их или объясни, почему это невозможно.",
    "opic-5-2.without-consent-justified": "Автор действует без согласия следующих предполагаемых жертв (номер в списке) и приводит обоснование: {victims}. Комитет решит, оправданы ли действия без согласия и отвечают ли они наилучшим интересам ребёнка.",
    "opic-5-2.without-consent-justified.child": "Ты подаёшь жалобу за ребёнка без его согласия. Иногда так можно, но Комитет решит, достаточно ли важна твоя причина.",
    "opic-5-2.author-unknown": "Не указано, является ли автор жертвой, поэтому невозможно проверить, требуется ли согласие предполагаемых жертв.",
    "opic-5-2.author-unknown.child": "Напиши, эта жалоба о тебе или о ком-то другом.",
    "opic-5-2.no-victims": "Ни одна предполагаемая жертва не указана, поэтому проверить согласие невозможно.",
    "opic-5-2.no-victims.child": "Напиши, о ком эта жалоба, чтобы мы могли проверить, что они согласны.",
    "opic-5-2.author-victim-and-others": "Автор является жертвой, но также указывает предполагаемых жертв без согласия (номер в списке): {victims}. Если это другие люди, необходимо их согласие или обоснование действий без него.",
    "opic-5-2.author-victim-and-others.child": "Если твоя жалоба касается и других детей, они тоже должны быть с ней согласны.",
    # OPIC art. 7(a)
    "opic-7-a.met": "Личность автора и всех предполагаемых жертв установлена. Без их согласия имена не публикуются в решении Комитета.",
    "opic-7-a.met.child": "Мы знаем, кто ты. Комитет не будет называть твоё имя публично без твоего согласия.",
    "opic-7-a.author-not-identified": "Личность автора не установлена; анонимные сообщения неприемлемы.",
    "opic-7-a.author-not-identified.child": "Комитет не может принять жалобу без имени. Твоё имя останется в тайне: его не покажут посторонним.",
    "opic-7-a.victims-not-identified": "Личность следующих предполагаемых жертв не установлена (номер в списке): {victims}.",
    "opic-7-a.victims-not-identified.child": "Комитету нужно знать, о ком эта жалоба. Их имена останутся в тайне.",
    "opic-7-a.no-victim": "Ни одна предполагаемая жертва не названа, а автор не указан как жертва; сообщение должно касаться хотя бы одной предполагаемой жертвы, чья личность установлена.",
    "opic-7-a.no-victim.child": "Напиши, с кем это случилось. Жалоба должна быть хотя бы об одном настоящем человеке.",
    # OPIC art. 7(b)
    "opic-7-b.met": "Сообщение представлено в письменной форме.",
    "opic-7-b.met.child": "Твоя жалоба написана. Хорошо.",
    "opic-7-b.not-in-writing": "Сообщение представлено не в письменной форме; Комитет принимает только письменные сообщения.",
    "opic-7-b.not-in-writing.child": "Жалоба должна быть написана. Тебе могут помочь её написать или записать то, что ты расскажешь.",
    "opic-7-b.unknown": "Не указано, представлено ли сообщение в письменной форме.",
    "opic-7-b.unknown.child": "Жалоба должна быть написана. Взрослый помощник может записать твои слова.",
    # OPIC art. 7(c)
    "opic-7-c.met": "Каждое требование основано на статье, закрепляющей право, и все предполагаемые жертвы были моложе 18 лет, когда начались события ({start}).",
    "opic-7-c.met.child": "Права, о которых ты говоришь, — это права детей, и всё началось, когда дети из твоей жалобы были младше 18 лет.",
    "opic-7-c.no-claims": "Ни одно требование не основано на праве, закреплённом в Конвенции или факультативных протоколах к ней.",
    "opic-7-c.no-claims.child": "Напиши, какие твои права не соблюдались. Взрослый помощник поможет найти нужную статью.",
    "opic-7-c.claims-unknown": "Права, на нарушение которых ссылается автор, пока не указаны.",
    "opic-7-c.claims-unknown.child": "Напиши, какие твои права не соблюдались.",
    "opic-7-c.only-invalid-articles": "Ни одно требование не основано на статье, закрепляющей право или обязанность (ст. 1–41 КПР, ст. 1–10 OPSC, ст. 1–7 OPAC); следующие статьи таковыми не являются: {articles}.",
    "opic-7-c.only-invalid-articles.child": "Выбранные тобой статьи не о правах детей (некоторые из них о том, как работает Комитет). Взрослый помощник поможет найти нужную статью.",
    "opic-7-c.some-invalid-articles": "Следующие статьи не закрепляют прав или обязанностей; их следует удалить или заменить: {articles}.",
    "opic-7-c.some-invalid-articles.child": "Некоторые выбранные тобой статьи не о правах детей. Давай проверим их вместе со взрослым помощником.",
    "opic-7-c.claims-incomplete": "В следующих требованиях не указан документ или номер статьи (номер в списке): {claims}.",
    "opic-7-c.claims-incomplete.child": "У некоторых прав в твоём списке нет номера статьи. Взрослый помощник поможет его найти.",
    "opic-7-c.explanation-missing": "В следующих требованиях не объяснено, как было нарушено право (номер в списке): {claims}.",
    "opic-7-c.explanation-missing.child": "Для каждого права расскажи своими словами, что случилось и почему это было несправедливо.",
    "opic-7-c.all-adults": "Все предполагаемые жертвы, чья дата рождения известна, уже достигли 18 лет к началу событий ({start}); Конвенция защищает детей младше 18 лет.",
    "opic-7-c.all-adults.child": "Комитет может рассматривать только то, что началось, когда человеку ещё не было 18 лет.",
    "opic-7-c.some-adults": "Следующие предполагаемые жертвы уже достигли 18 лет к началу событий ({start}) (номер в списке): {victims}; требования в отношении них, вероятно, несовместимы с Конвенцией.",
    "opic-7-c.some-adults.child": "Некоторые люди из твоей жалобы были уже взрослыми, когда всё началось. Комитет может рассматривать только то, что случилось с детьми.",
    "opic-7-c.date-of-birth-unknown": "Не указана дата рождения следующих предполагаемых жертв (номер в списке): {victims}; их возраст на начало событий проверить невозможно.",
    "opic-7-c.date-of-birth-unknown.child": "Напиши, пожалуйста, дату рождения каждого, о ком эта жалоба.",
    "opic-7-c.start-unknown": "Дата начала событий не указана, поэтому невозможно проверить возраст предполагаемых жертв на тот момент.",
    "opic-7-c.start-unknown.child": "Когда это началось? Напиши дату как можно точнее.",
    "opic-7-c.no-victims": "Предполагаемые жертвы не перечислены, поэтому невозможно проверить, были ли они детьми в начале событий.",
    "opic-7-c.no-victims.child": "Напиши, о ком эта жалоба и когда они родились.",
    # OPIC art. 7(d)
    "opic-7-d.met": "Тот же вопрос не рассматривался Комитетом и не рассматривался и не рассматривается в рамках другой процедуры международного разбирательства или урегулирования.",
    "opic-7-d.met.child": "Ни один другой международный орган не рассматривал твою жалобу. Хорошо.",
    "opic-7-d.closed-procedures": "Процедура, которая была отозвана или прекращена без рассмотрения вопроса, рассмотрением не считается: {bodies}.",
    "opic-7-d.closed-procedures.child": "Отозванные жалобы и жалобы, которые так и не были рассмотрены, тебе не мешают.",
    "opic-7-d.examined-by-committee": "Комитет уже рассматривал тот же вопрос.",
    "opic-7-d.examined-by-committee.child": "Комитет уже рассматривал эту же проблему, поэтому не может рассмотреть её снова. Если случилось что-то новое, расскажи взрослому помощнику.",
    "opic-7-d.pending-elsewhere": "Тот же вопрос рассматривается в рамках другой международной процедуры: {bodies}.",
    "opic-7-d.pending-elsewhere.child": "Такая же жалоба уже ждёт решения в другом международном органе ({bodies}). Пока она там, Комитет не может её рассмотреть.",
    "opic-7-d.examined-elsewhere": "Тот же вопрос уже был рассмотрен в рамках другой международной процедуры: {bodies}.",
    "opic-7-d.examined-elsewhere.child": "Такую же жалобу уже рассмотрел другой международный орган ({bodies}), поэтому Комитет не может рассмотреть её снова.",
    "opic-7-d.committee-unknown": "Не указано, рассматривал ли Комитет тот же вопрос ранее.",
    "opic-7-d.committee-unknown.child": "Эта жалоба уже отправлялась в Комитет раньше? Напиши нам.",
    "opic-7-d.procedures-unknown": "Не указано, передавался ли вопрос на рассмотрение в рамках другой международной процедуры.",
    "opic-7-d.procedures-unknown.child": "Эта жалоба отправлялась в какой-нибудь другой международный орган? Напиши нам.",
    "opic-7-d.procedure-unclear": "По следующим процедурам не указано, касаются ли они того же вопроса или каков их статус: {bodies}.",
    "opic-7-d.procedure-unclear.child": "Расскажи подробнее о жалобе в другой международный орган ({bodies}): она о той же проблеме и что с ней стало?",
    # OPIC art. 7(e)
    "opic-7-e.met": "Согласно сообщению, все доступные внутренние средства правовой защиты исчерпаны.",
    "opic-7-e.met.child": "Все суды и другие официальные пути в твоей стране уже пройдены. Хорошо.",
    "opic-7-e.not-exhausted": "Внутренние средства правовой защиты не исчерпаны, а исключение (неоправданное затягивание или маловероятность эффективной защиты) не заявлено.",
    "opic-7-e.not-exhausted.child": "Сначала нужно обратиться в суд или другие официальные органы в твоей стране. Если это тянется слишком долго или не может помочь, объясни почему.",
    "opic-7-e.unreasonably-prolonged": "Автор ссылается на исключение из требования об исчерпании внутренних средств правовой защиты: их применение неоправданно затягивается. Комитет решит, применимо ли это исключение.",
    "opic-7-e.unreasonably-prolonged.child": "Ты пишешь, что суды в твоей стране работают слишком долго. Комитет решит, достаточно ли этой причины.",
    "opic-7-e.unlikely-effective-relief": "Автор ссылается на исключение из требования об исчерпании внутренних средств правовой защиты: они вряд ли обеспечат эффективную защиту. Комитет решит, применимо ли это исключение.",
    "opic-7-e.unlikely-effective-relief.child": "Ты пишешь, что суды в твоей стране не смогут тебе по-настоящему помочь. Комитет решит, достаточно ли этой причины.",
    "opic-7-e.exception-unexplained": "Объяснение исключения пока не приведено.",
    "opic-7-e.exception-unexplained.child": "Объясни своими словами, почему.",
    "opic-7-e.unknown": "Не указано, исчерпаны ли внутренние средства правовой защиты.",
    "opic-7-e.unknown.child": "Дело уже проходило через суд или другие официальные органы в твоей стране? Напиши нам.",
    # OPIC art. 7(f)
    "opic-7-f.met": "Обстоятельства дела изложены, и приложены подтверждающие документы. Является ли сообщение явно необоснованным, решает Комитет.",
    "opic-7-f.met.child": "В жалобе рассказано, что случилось, и приложены документы, которые это подтверждают. Хорошо.",
    "opic-7-f.no-summary": "Обстоятельства дела не изложены.",
    "opic-7-f.no-summary.child": "Расскажи своими словами, что случилось: кто что сделал, где и когда.",
    "opic-7-f.no-documents": "Не приложено ни одного подтверждающего документа (например, решений национальных органов или других доказательств).",
    "opic-7-f.no-documents.child": "Если у тебя есть бумаги, которые показывают, что случилось (например, письмо или решение суда), приложи их. Взрослый помощник поможет их собрать.",
    # OPIC art. 7(g), 20
    "opic-7-g.continuing": "Протокол вступил в силу для государства {state} {eif}; согласно сообщению, события продолжаются и после этой даты.",
    "opic-7-g.continuing.child": "Это продолжается и после {eif}, поэтому Комитет может это рассмотреть.",
    "opic-7-g.ended-after": "Протокол вступил в силу для государства {state} {eif}; события продолжались до {end}, то есть в день вступления Протокола в силу или после него.",
    "opic-7-g.ended-after.child": "Это ещё происходило {eif} или позже, поэтому Комитет может это рассмотреть.",
    "opic-7-g.started-after": "Протокол вступил в силу для государства {state} {eif}; события начались {start}, то есть в день вступления Протокола в силу или после него.",
    "opic-7-g.started-after.child": "Это началось {eif} или позже, поэтому Комитет может это рассмотреть.",
    "opic-7-g.before": "Протокол вступил в силу для государства {state} {eif}; события закончились {end} и не продолжались.",
    "opic-7-g.before.child": "Комитет может рассматривать только то, что происходило {eif} или позже. Это продолжалось после этого дня? Если да, напиши нам.",
    "opic-7-g.dates-unknown": "Протокол вступил в силу для государства {state} {eif}, но даты событий не указаны.",
    "opic-7-g.dates-unknown.child": "Когда это случилось? Комитет может рассматривать только то, что происходило {eif} или позже.",
    "opic-7-g.started-before": "Протокол вступил в силу для государства {state} {eif}; события начались раньше, {start}, и не указано, когда они закончились и продолжались ли они.",
    "opic-7-g.started-before.child": "Это началось до {eif}. Это продолжалось после этого дня? Напиши нам.",
    "opic-7-g.eif-unknown": "Дата вступления Протокола в силу для государства неизвестна, поэтому даты событий не с чем сравнить.",
    "opic-7-g.eif-unknown.child": "Нужно проверить, с какого дня правила о жалобах действуют для этой страны. Взрослый помощник это выяснит.",
    # OPIC art. 7(h)
    "opic-7-h.in-time": "Окончательное решение национального органа принято {final}; годичный срок истекает {deadline}, и дата оценки ({assessed_on}) находится в его пределах.",
    "opic-7-h.in-time.child": "Ты успеваешь. Отправь жалобу не позднее {deadline}.",
    "opic-7-h.not-exhausted": "Внутренние средства правовой защиты (ещё) не исчерпаны, поэтому годичный срок, который отсчитывается с момента их исчерпания, не начался.",
    "opic-7-h.not-exhausted.child": "Отсчёт одного года начнётся только после последнего решения в твоей стране.",
    "opic-7-h.late": "Окончательное решение национального органа принято {final}; годичный срок истёк {deadline}, до даты оценки ({assessed_on}), а причина пропуска срока не указана.",
    "opic-7-h.late.child": "Срок подачи жалобы закончился {deadline}. Если что-то не позволило отправить жалобу вовремя, расскажи, что случилось.",
    "opic-7-h.late-with-reason": "Окончательное решение национального органа принято {final}; годичный срок истёк {deadline}, до даты оценки ({assessed_on}). Причина пропуска срока указана; Комитет решит, было ли невозможно подать сообщение вовремя.",
    "opic-7-h.late-with-reason.child": "Срок подачи жалобы закончился {deadline}, но в жалобе объяснено, почему она опоздала. Комитет решит, можно ли её принять.",
    "opic-7-h.final-decision-unknown": "Согласно сообщению, внутренние средства правовой защиты исчерпаны, но дата окончательного решения не указана, поэтому годичный срок проверить невозможно.",
    "opic-7-h.final-decision-unknown.child": "Какого числа было последнее решение в твоей стране? Обычно на жалобу есть один год с этого дня.",
    "opic-7-h.unknown": "Не указано, исчерпаны ли внутренние средства правовой защиты и когда было принято окончательное решение, поэтому годичный срок проверить невозможно.",
    "opic-7-h.unknown.child": "Какого числа было последнее решение в твоей стране? Обычно на жалобу есть один год с этого дня.",
    "opic-7-h.late-exhaustion-unknown": "Последнее указанное решение национального органа принято {final}; годичный срок истёк бы {deadline}, до даты оценки ({assessed_on}); не указано, исчерпало ли это решение внутренние средства правовой защиты.",
    "opic-7-h.late-exhaustion-unknown.child": "Срок подачи жалобы мог закончиться {deadline}. Это было последнее решение в твоей стране? Напиши нам.",
}

KK: Final[dict[str, str]] = {
    # OPIC art. 1(3)
    "opic-1-3.met": "{state} мемлекеті Хаттамаға қатысушы болып табылады: Хаттама {state} үшін {eif} күні күшіне енді және бағалау күні ({assessed_on}) күшінде.",
    "opic-1-3.met.child": "Жақсы жаңалық: сен шағымданып отырған ел балаларға Комитетке шағым беруге мүмкіндік береді. Бұл {eif} күнінен бері мүмкін.",
    "opic-1-3.state-unknown": "Хабарлама қай мемлекетке қатысты екені көрсетілмеген, сондықтан Хаттаманың оған қолданылатынын тексеру мүмкін емес.",
    "opic-1-3.state-unknown.child": "Шағымың қай елге қатысты? Бізге айт, сонда Комитет көмектесе ала ма, соны тексереміз.",
    "opic-1-3.not-party": "{state} мемлекеті Хаттамаға қатысушы емес (шарттар кестесінде жоқ), сондықтан Комитет осы мемлекетке қатысты хабарламаны қабылдай алмайды.",
    "opic-1-3.not-party.child": "Бұл ел балалардың Комитетке шағымдануына келісім бермеген, сондықтан Комитет сенің шағымыңды қабылдай алмайды. Өзің сенетін ересек адам, заңгер немесе бала құқықтары жөніндегі уәкіл басқа жол табуға көмектеседі.",
    "opic-1-3.signatory-only": "{state} мемлекеті Хаттамаға қол қойған, бірақ оны ратификацияламаған; ол Хаттамаға қатысушы емес, сондықтан Комитет осы мемлекетке қатысты хабарламаны қабылдай алмайды.",
    "opic-1-3.signatory-only.child": "Бұл ел шағым ережелеріне қол қойған, бірақ оларды әлі толық қабылдамаған, сондықтан Комитет сенің шағымыңды қабылдай алмайды. Өзің сенетін ересек адам, заңгер немесе бала құқықтары жөніндегі уәкіл басқа жол табуға көмектеседі.",
    "opic-1-3.eif-unknown": "{state} мемлекеті Хаттамаға қатысушы болып табылады, бірақ Хаттаманың {state} үшін күшіне енген күні көрсетілмеген; оны БҰҰ Шарттар жинағынан тексеріңіз.",
    "opic-1-3.eif-unknown.child": "Бұл ел шағым ережелерімен келіскен, бірақ олардың қай күннен бастап қолданылатынын әлі тексеруіміз керек. Мұны саған көмектесетін ересек адам анықтайды.",
    "opic-1-3.not-yet-in-force": "Хаттама {state} үшін тек {eif} күні, яғни бағалау күнінен ({assessed_on}) кейін күшіне енеді; оған дейін хабарламалар қабылданбайды.",
    "opic-1-3.not-yet-in-force.child": "Бұл ел ережелермен келісті, бірақ олар тек {eif} күні басталады. Шағымыңды сол күннен бастап жібере аласың.",
    # OPIC art. 1(2), 5(1)
    "opic-1-2.no-optional-protocol": "Ешбір талап OPSC немесе OPAC факультативтік хаттамаларына негізделмеген; Конвенцияның өзіне негізделген талаптар мемлекеттің қосымша келісімін қажет етпейді.",
    "opic-1-2.no-optional-protocol.child": "Сенің шағымың Бала құқықтары туралы конвенциядағы құқықтарға қатысты. Бұл дұрыс.",
    "opic-1-2.accepted": "{state} мемлекеті сілтеме жасалған барлық факультативтік хаттамаларға қатысушы: {instruments}.",
    "opic-1-2.accepted.child": "Бұл ел сен сүйеніп отырған барлық ережелерді қабылдаған.",
    "opic-1-2.not-party": "{state} мемлекеті мына құжаттарға қатысушы емес: {instruments}. Комитет мемлекет қабылдамаған құжат бойынша талаптарды қарай алмайды.",
    "opic-1-2.not-party.child": "Бұл ел сен сүйеніп отырған кейбір ережелерді қабылдамаған. Бірақ Бала құқықтары туралы конвенциядағы құқықтарың бұзылғаны туралы шағымдана аласың.",
    "opic-1-2.status-unknown": "{state} мемлекеті мына құжаттарға қатысушы ма, жоқ па — көрсетілмеген: {instruments}. Мұны БҰҰ Шарттар жинағынан тексеріңіз.",
    "opic-1-2.status-unknown.child": "Бұл ел сен сүйеніп отырған кейбір ережелерді қабылдады ма, соны тексеруіміз керек. Мұны саған көмектесетін ересек адам анықтайды.",
    "opic-1-2.state-unknown": "Кейбір талаптар факультативтік хаттамаларға негізделген, бірақ мемлекет көрсетілмеген, сондықтан оның оларға қатысушы екенін тексеру мүмкін емес: {instruments}.",
    "opic-1-2.state-unknown.child": "Шағымың қай елге қатысты екенін айт, сонда сен сүйеніп отырған ережелерді тексереміз.",
    # OPIC art. 5(2)
    "opic-5-2.author-is-victim": "Хабарламаның авторы — жәбірленушінің өзі, сондықтан басқа ешкімнің келісімі қажет емес.",
    "opic-5-2.author-is-victim.child": "Сен өзіңе болған жағдай туралы шағымданып отырсың, сондықтан ешкімнің рұқсаты қажет емес.",
    "opic-5-2.consent-given": "Барлық жәбірленушілер хабарламаның олардың атынан берілуіне келісім берді.",
    "opic-5-2.consent-given.child": "Шағым кімге қатысты болса, солардың бәрі «иә» деді. Бұл маңызды.",
    "opic-5-2.consent-missing": "Автор жәбірленуші емес және мына жәбірленушілердің келісімін алмаған (тізімдегі нөмірі): {victims}; келісімсіз әрекет етудің негіздемесі келтірілмеген.",
    "opic-5-2.consent-missing.child": "Шағым қай балаларға қатысты болса, олар оған келісуі керек. Олардан сұра немесе неге сұрай алмайтыныңды түсіндір.",
    "opic-5-2.without-consent-justified": "Автор мына жәбірленушілердің келісімінсіз әрекет етеді және оның негіздемесін келтіреді (тізімдегі нөмірі): {victims}. Келісімсіз әрекет етудің негізді екенін және баланың мүдделеріне сай келетінін Комитет шешеді.",
    "opic-5-2.without-consent-justified.child": "Сен баланың келісімінсіз оның атынан шағымданып отырсың. Кейде бұлай істеуге болады, бірақ себебің жеткілікті ме, жоқ па — оны Комитет шешеді.",
    "opic-5-2.author-unknown": "Автор жәбірленуші ме, жоқ па — көрсетілмеген, сондықтан жәбірленушілердің келісімі қажет пе, соны тексеру мүмкін емес.",
    "opic-5-2.author-unknown.child": "Шағым өзің туралы ма, әлде басқа біреу туралы ма? Бізге айт.",
    "opic-5-2.no-victims": "Бірде-бір жәбірленуші көрсетілмеген, сондықтан келісімді тексеру мүмкін емес.",
    "opic-5-2.no-victims.child": "Шағым кім туралы екенін айт, сонда олардың келісетінін тексереміз.",
    "opic-5-2.author-victim-and-others": "Автор жәбірленуші болып табылады, бірақ келісімі жоқ жәбірленушілерді де көрсетеді (тізімдегі нөмірі): {victims}. Егер олар автордан басқа адамдар болса, олардың келісімі немесе келісімсіз әрекет етудің негіздемесі қажет.",
    "opic-5-2.author-victim-and-others.child": "Егер шағымың басқа балаларға да қатысты болса, олар да оған келісуі керек.",
    # OPIC art. 7(a)
    "opic-7-a.met": "Автор да, барлық жәбірленушілер де анықталған. Олардың келісімінсіз есімдері Комитет шешімінде жарияланбайды.",
    "opic-7-a.met.child": "Біз сенің кім екеніңді білеміз. Сен келіспесең, Комитет сенің атыңды жұртқа жарияламайды.",
    "opic-7-a.author-not-identified": "Автор анықталмаған; анонимді хабарламалар қабылданбайды.",
    "opic-7-a.author-not-identified.child": "Комитет есімі жоқ шағымды қабылдай алмайды. Сенің атың құпия сақталады: оны жұртқа көрсетпейді.",
    "opic-7-a.victims-not-identified": "Мына жәбірленушілер анықталмаған (тізімдегі нөмірі): {victims}.",
    "opic-7-a.victims-not-identified.child": "Комитетке шағымның кім туралы екенін білу керек. Олардың есімдері құпия сақталады.",
    "opic-7-a.no-victim": "Бірде-бір жәбірленуші аталмаған, ал автор жәбірленуші ретінде көрсетілмеген; хабарлама кем дегенде бір анықталған жәбірленушіге қатысты болуы керек.",
    "opic-7-a.no-victim.child": "Бұл кіммен болғанын айт. Шағым кем дегенде бір нақты адам туралы болуы керек.",
    # OPIC art. 7(b)
    "opic-7-b.met": "Хабарлама жазбаша түрде берілген.",
    "opic-7-b.met.child": "Шағымың жазылған. Жақсы.",
    "opic-7-b.not-in-writing": "Хабарлама жазбаша түрде берілмеген; Комитет тек жазбаша хабарламаларды қабылдайды.",
    "opic-7-b.not-in-writing.child": "Шағым жазылуы керек. Біреу оны жазуға көмектеседі немесе сенің айтқаныңды жазып береді.",
    "opic-7-b.unknown": "Хабарлама жазбаша түрде берілді ме, жоқ па — көрсетілмеген.",
    "opic-7-b.unknown.child": "Шағым жазылуы керек. Саған көмектесетін ересек адам сенің сөздеріңді жазып бере алады.",
    # OPIC art. 7(c)
    "opic-7-c.met": "Әрбір талап құқықты бекітетін бапқа негізделген, ал оқиғалар басталған {start} күні барлық жәбірленушілер 18 жасқа толмаған еді.",
    "opic-7-c.met.child": "Сен айтып отырған құқықтар — балалардың құқықтары, әрі бәрі шағымыңдағы балалар әлі 18-ге толмаған кезде басталған.",
    "opic-7-c.no-claims": "Ешбір талап Конвенцияда немесе оның факультативтік хаттамаларында бекітілген құқыққа негізделмеген.",
    "opic-7-c.no-claims.child": "Қай құқықтарың сақталмағанын айт. Саған көмектесетін ересек адам қажетті бапты бірге табады.",
    "opic-7-c.claims-unknown": "Қандай құқықтардың бұзылғаны әлі көрсетілмеген.",
    "opic-7-c.claims-unknown.child": "Қай құқықтарың сақталмағанын айт.",
    "opic-7-c.only-invalid-articles": "Ешбір талап құқықты немесе міндетті бекітетін бапқа негізделмеген (БҚК 1–41-баптары, OPSC 1–10-баптары, OPAC 1–7-баптары); мына баптар ондай емес: {articles}.",
    "opic-7-c.only-invalid-articles.child": "Сен таңдаған баптар балалардың құқықтары туралы емес (кейбірі Комитеттің жұмысы туралы). Саған көмектесетін ересек адам қажетті бапты бірге табады.",
    "opic-7-c.some-invalid-articles": "Мына баптар құқықты немесе міндетті бекітпейді, оларды алып тастау немесе ауыстыру керек: {articles}.",
    "opic-7-c.some-invalid-articles.child": "Сен таңдаған кейбір баптар балалардың құқықтары туралы емес. Оларды саған көмектесетін ересек адаммен бірге тексерейік.",
    "opic-7-c.claims-incomplete": "Мына талаптарда құжат немесе бап нөмірі көрсетілмеген (тізімдегі нөмірі): {claims}.",
    "opic-7-c.claims-incomplete.child": "Тізіміңдегі кейбір құқықтардың бап нөмірі жоқ. Саған көмектесетін ересек адам оны бірге табады.",
    "opic-7-c.explanation-missing": "Мына талаптарда құқықтың қалай бұзылғаны түсіндірілмеген (тізімдегі нөмірі): {claims}.",
    "opic-7-c.explanation-missing.child": "Әр құқық бойынша не болғанын және оның неліктен әділетсіз болғанын өз сөзіңмен айтып бер.",
    "opic-7-c.all-adults": "Туған күні белгілі барлық жәбірленушілер оқиғалар басталған {start} күні 18 жасқа толып қойған; Конвенция 18 жасқа толмаған балаларды қорғайды.",
    "opic-7-c.all-adults.child": "Комитет адам әлі 18 жасқа толмаған кезде басталған жағдайларды ғана қарай алады.",
    "opic-7-c.some-adults": "Мына жәбірленушілер оқиғалар басталған {start} күні 18 жасқа толып қойған (тізімдегі нөмірі): {victims}; оларға қатысты талаптар Конвенцияға сәйкес келмеуі ықтимал.",
    "opic-7-c.some-adults.child": "Шағымыңдағы кейбір адамдар бәрі басталғанда ересек болған. Комитет тек балалармен болған жағдайларды қарай алады.",
    "opic-7-c.date-of-birth-unknown": "Мына жәбірленушілердің туған күні көрсетілмеген (тізімдегі нөмірі): {victims}; оқиғалар басталған кездегі жасын тексеру мүмкін емес.",
    "opic-7-c.date-of-birth-unknown.child": "Шағым кімге қатысты болса, солардың әрқайсысының туған күнін жазып жібер.",
    "opic-7-c.start-unknown": "Оқиғалардың басталған күні көрсетілмеген, сондықтан жәбірленушілердің сол кездегі жасын тексеру мүмкін емес.",
    "opic-7-c.start-unknown.child": "Бұл қашан басталды? Күнін мүмкіндігінше дәл жаз.",
    "opic-7-c.no-victims": "Жәбірленушілер тізімі жоқ, сондықтан оқиғалар басталғанда олардың бала болғанын тексеру мүмкін емес.",
    "opic-7-c.no-victims.child": "Шағым кім туралы екенін және олардың қашан туғанын айт.",
    # OPIC art. 7(d)
    "opic-7-d.met": "Дәл осы мәселені Комитет қарамаған, әрі ол халықаралық талқылаудың немесе реттеудің басқа рәсімінде қаралмаған және қаралып жатқан жоқ.",
    "opic-7-d.met.child": "Сенің шағымыңды басқа ешбір халықаралық орган қарамаған. Жақсы.",
    "opic-7-d.closed-procedures": "Кері қайтарып алынған немесе мәселе қаралмай тоқтатылған рәсім қарау болып саналмайды: {bodies}.",
    "opic-7-d.closed-procedures.child": "Кері алынған немесе мүлде қаралмаған шағымдар саған кедергі емес.",
    "opic-7-d.examined-by-committee": "Комитет дәл осы мәселені бұрын қараған.",
    "opic-7-d.examined-by-committee.child": "Комитет дәл осы мәселені бұрын қарап қойған, сондықтан оны қайта қарай алмайды. Егер жаңа бірдеңе болса, саған көмектесетін ересек адамға айт.",
    "opic-7-d.pending-elsewhere": "Дәл осы мәселе басқа халықаралық рәсімде қаралып жатыр: {bodies}.",
    "opic-7-d.pending-elsewhere.child": "Дәл осындай шағым басқа халықаралық органда ({bodies}) қаралып жатыр. Ол сонда тұрғанда Комитет оны қарай алмайды.",
    "opic-7-d.examined-elsewhere": "Дәл осы мәселе басқа халықаралық рәсімде қаралған: {bodies}.",
    "opic-7-d.examined-elsewhere.child": "Дәл осындай шағымды басқа халықаралық орган ({bodies}) қарап қойған, сондықтан Комитет оны қайта қарай алмайды.",
    "opic-7-d.committee-unknown": "Комитет дәл осы мәселені бұрын қарады ма, жоқ па — көрсетілмеген.",
    "opic-7-d.committee-unknown.child": "Бұл шағымды бұрын Комитетке жібердің бе? Бізге айт.",
    "opic-7-d.procedures-unknown": "Мәселе басқа халықаралық рәсімге берілді ме, жоқ па — көрсетілмеген.",
    "opic-7-d.procedures-unknown.child": "Бұл шағымды басқа бір халықаралық органға жібердің бе? Бізге айт.",
    "opic-7-d.procedure-unclear": "Мына рәсімдердің дәл осы мәселеге қатысты екені немесе олардың мәртебесі көрсетілмеген: {bodies}.",
    "opic-7-d.procedure-unclear.child": "Басқа халықаралық органға ({bodies}) берген шағымың туралы толығырақ айт: ол дәл осы мәселе туралы ма және онымен не болды?",
    # OPIC art. 7(e)
    "opic-7-e.met": "Хабарламаға сәйкес, барлық қолжетімді ішкі құқықтық қорғау құралдары таусылған.",
    "opic-7-e.met.child": "Сен өз еліңдегі соттар мен басқа ресми жолдардың бәрін қолданып көрдің. Жақсы.",
    "opic-7-e.not-exhausted": "Ішкі құқықтық қорғау құралдары таусылмаған және ешқандай ерекшелік (негізсіз кешіктіру немесе тиімді көмек көрсетуі екіталай болу) мәлімделмеген.",
    "opic-7-e.not-exhausted.child": "Алдымен өз еліңдегі сотқа немесе басқа ресми органдарға жүгіну керек. Егер бұл тым ұзаққа созылса немесе көмектесе алмаса, неге екенін айт.",
    "opic-7-e.unreasonably-prolonged": "Автор ішкі құқықтық қорғау құралдарын таусу талабынан ерекшелікке сүйенеді: оларды қолдану негізсіз кешіктірілуде. Бұл ерекшеліктің қолданылатынын Комитет шешеді.",
    "opic-7-e.unreasonably-prolonged.child": "Сен еліңдегі соттар тым ұзақ қарайды дейсің. Бұл себеп жеткілікті ме, жоқ па — оны Комитет шешеді.",
    "opic-7-e.unlikely-effective-relief": "Автор ішкі құқықтық қорғау құралдарын таусу талабынан ерекшелікке сүйенеді: олардың тиімді көмек беруі екіталай. Бұл ерекшеліктің қолданылатынын Комитет шешеді.",
    "opic-7-e.unlikely-effective-relief.child": "Сен еліңдегі соттар саған шын мәнінде көмектесе алмайды дейсің. Бұл себеп жеткілікті ме, жоқ па — оны Комитет шешеді.",
    "opic-7-e.exception-unexplained": "Ерекшеліктің түсіндірмесі әлі келтірілмеген.",
    "opic-7-e.exception-unexplained.child": "Неге екенін өз сөзіңмен түсіндір.",
    "opic-7-e.unknown": "Ішкі құқықтық қорғау құралдары таусылды ма, жоқ па — көрсетілмеген.",
    "opic-7-e.unknown.child": "Өз еліңдегі сотқа немесе басқа ресми органдарға жүгіндің бе? Бізге айт.",
    # OPIC art. 7(f)
    "opic-7-f.met": "Фактілер баяндалған және растайтын құжаттар қоса берілген. Хабарламаның анық негізсіз екенін немесе еместігін Комитет шешеді.",
    "opic-7-f.met.child": "Сен не болғанын айтып, оны көрсететін құжаттарды қостың. Жақсы.",
    "opic-7-f.no-summary": "Фактілер баяндалмаған.",
    "opic-7-f.no-summary.child": "Не болғанын өз сөзіңмен айтып бер: кім не істеді, қайда және қашан.",
    "opic-7-f.no-documents": "Бірде-бір растайтын құжат қоса берілмеген (мысалы, ішкі органдардың шешімдері немесе басқа дәлелдер).",
    "opic-7-f.no-documents.child": "Егер не болғанын көрсететін қағаздарың болса (мысалы, хат немесе сот шешімі), оларды қос. Саған көмектесетін ересек адам оларды жинауға көмектеседі.",
    # OPIC art. 7(g), 20
    "opic-7-g.continuing": "Хаттама {state} үшін {eif} күні күшіне енді; хабарламаға сәйкес, оқиғалар осы күннен кейін де жалғасуда.",
    "opic-7-g.continuing.child": "Бұл {eif} күнінен кейін де жалғасып жатыр, сондықтан Комитет оны қарай алады.",
    "opic-7-g.ended-after": "Хаттама {state} үшін {eif} күні күшіне енді; оқиғалар Хаттама күшіне енген күні немесе одан кейін де, {end} күніне дейін жалғасты.",
    "opic-7-g.ended-after.child": "Бұл {eif} күні немесе одан кейін де болып жатты, сондықтан Комитет оны қарай алады.",
    "opic-7-g.started-after": "Хаттама {state} үшін {eif} күні күшіне енді; оқиғалар Хаттама күшіне енген күні немесе одан кейін, {start} күні басталды.",
    "opic-7-g.started-after.child": "Бұл {eif} күні немесе одан кейін басталды, сондықтан Комитет оны қарай алады.",
    "opic-7-g.before": "Хаттама {state} үшін {eif} күні күшіне енді; оқиғалар {end} күні аяқталды және жалғаспады.",
    "opic-7-g.before.child": "Комитет тек {eif} күні немесе одан кейін болған жағдайларды қарай алады. Бұл сол күннен кейін де жалғасты ма? Егер солай болса, бізге айт.",
    "opic-7-g.dates-unknown": "Хаттама {state} үшін {eif} күні күшіне енді, бірақ оқиғалардың күндері көрсетілмеген.",
    "opic-7-g.dates-unknown.child": "Бұл қашан болды? Комитет тек {eif} күні немесе одан кейін болған жағдайларды қарай алады.",
    "opic-7-g.started-before": "Хаттама {state} үшін {eif} күні күшіне енді; оқиғалар одан бұрын, {start} күні басталды, ал олардың қашан аяқталғаны немесе жалғасқаны көрсетілмеген.",
    "opic-7-g.started-before.child": "Бұл {eif} күнінен бұрын басталды. Ол сол күннен кейін де жалғасты ма? Бізге айт.",
    "opic-7-g.eif-unknown": "Хаттаманың мемлекет үшін күшіне енген күні белгісіз, сондықтан оқиғалардың күндерін онымен салыстыру мүмкін емес.",
    "opic-7-g.eif-unknown.child": "Шағым ережелерінің бұл елде қай күннен бастап қолданылатынын тексеруіміз керек. Мұны саған көмектесетін ересек адам анықтайды.",
    # OPIC art. 7(h)
    "opic-7-h.in-time": "Ұлттық деңгейдегі түпкілікті шешім {final} күні қабылданды; бір жылдық мерзім {deadline} күні аяқталады, ал бағалау күні ({assessed_on}) осы мерзім ішінде.",
    "opic-7-h.in-time.child": "Сен үлгересің. Шағымыңды {deadline} күнінен кешіктірмей жібер.",
    "opic-7-h.not-exhausted": "Ішкі құқықтық қорғау құралдары (әлі) таусылмаған, сондықтан олар таусылған кезден басталатын бір жылдық мерзім басталған жоқ.",
    "opic-7-h.not-exhausted.child": "Бір жылдық мерзім еліңдегі соңғы шешімнен кейін ғана басталады.",
    "opic-7-h.late": "Ұлттық деңгейдегі түпкілікті шешім {final} күні қабылданды; бір жылдық мерзім бағалау күнінен ({assessed_on}) бұрын, {deadline} күні аяқталды, ал кешігу себебі көрсетілмеген.",
    "opic-7-h.late.child": "Шағым беру мерзімі {deadline} күні аяқталды. Егер бір нәрсе шағымды уақытында жіберуге мүмкіндік бермесе, не болғанын айт.",
    "opic-7-h.late-with-reason": "Ұлттық деңгейдегі түпкілікті шешім {final} күні қабылданды; бір жылдық мерзім бағалау күнінен ({assessed_on}) бұрын, {deadline} күні аяқталды. Кешігу себебі көрсетілген; хабарламаны уақытында беру шынымен мүмкін болмады ма — оны Комитет шешеді.",
    "opic-7-h.late-with-reason.child": "Шағым беру мерзімі {deadline} күні аяқталды, бірақ сен неге кешіккеніңді айттың. Мұны қабылдауға бола ма, жоқ па — Комитет шешеді.",
    "opic-7-h.final-decision-unknown": "Хабарламаға сәйкес, ішкі құқықтық қорғау құралдары таусылған, бірақ түпкілікті шешімнің күні көрсетілмеген, сондықтан бір жылдық мерзімді тексеру мүмкін емес.",
    "opic-7-h.final-decision-unknown.child": "Еліңдегі соңғы шешім қай күні шықты? Әдетте шағым беруге сол күннен бастап бір жыл беріледі.",
    "opic-7-h.unknown": "Ішкі құқықтық қорғау құралдары таусылды ма және түпкілікті шешім қашан қабылданды — көрсетілмеген, сондықтан бір жылдық мерзімді тексеру мүмкін емес.",
    "opic-7-h.unknown.child": "Еліңдегі соңғы шешім қай күні шықты? Әдетте шағым беруге сол күннен бастап бір жыл беріледі.",
    "opic-7-h.late-exhaustion-unknown": "Ұлттық деңгейдегі көрсетілген соңғы шешім {final} күні қабылданды, ал бір жылдық мерзім бағалау күнінен ({assessed_on}) бұрын, {deadline} күні аяқталар еді; бұл шешіммен ішкі құқықтық қорғау құралдары таусылды ма, жоқ па — көрсетілмеген.",
    "opic-7-h.late-exhaustion-unknown.child": "Шағым беру мерзімі {deadline} күні аяқталған болуы мүмкін. Бұл еліңдегі соңғы шешім бе? Бізге айт.",
}

CATALOGUE: Final[dict[str, dict[str, str]]] = {"en": EN, "ru": RU, "kk": KK}

MONTHS: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    # Genitive, as in «7 мая 2024 г.»
    "ru": (
        "",
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
    "kk": (
        "",
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ),
}

# How one article is named inside a list, in a form that needs no case agreement.
ARTICLE: Final[dict[str, dict[str, str]]] = {
    "en": {"CRC": "CRC art. {n}", "OPSC": "OPSC art. {n}", "OPAC": "OPAC art. {n}"},
    "ru": {"CRC": "ст. {n} КПР", "OPSC": "ст. {n} OPSC", "OPAC": "ст. {n} OPAC"},
    "kk": {"CRC": "БҚК {n}-бабы", "OPSC": "OPSC {n}-бабы", "OPAC": "OPAC {n}-бабы"},
}

INSTRUMENT_NAME: Final[dict[str, dict[str, str]]] = {
    "en": {
        "OPSC": "the Optional Protocol on the sale of children, child prostitution and child pornography (OPSC)",
        "OPAC": "the Optional Protocol on the involvement of children in armed conflict (OPAC)",
    },
    "ru": {
        "OPSC": "Факультативный протокол, касающийся торговли детьми, детской проституции "
        "и детской порнографии (OPSC)",
        "OPAC": "Факультативный протокол, касающийся участия детей в вооружённых конфликтах (OPAC)",
    },
    "kk": {
        "OPSC": "балаларды сатуға, балалар жезөкшелігіне және балалар порнографиясына қатысты "
        "Факультативтік хаттама (OPSC)",
        "OPAC": "балалардың қарулы қақтығыстарға қатысуына қатысты Факультативтік хаттама (OPAC)",
    },
}

UNNAMED_BODY: Final[dict[str, str]] = {
    "en": "an unnamed international body",
    "ru": "неназванный международный орган",
    "kk": "аты көрсетілмеген халықаралық орган",
}


def placeholders(template: str) -> frozenset[str]:
    """Return the names of the ``str.format`` fields of ``template``."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


DATE_PLACEHOLDERS: Final = ("eif", "assessed_on", "start", "end", "final", "deadline")


def _no_stop_after_dates(template: str) -> str:
    for name in DATE_PLACEHOLDERS:
        template = template.replace("{" + name + "}.", "{" + name + "}")
    return template


class Language:
    """The words of one language, ready to use: templates, dates and list formats."""

    __slots__ = ("_article", "_instrument", "_months", "_unnamed", "code", "pairs")

    def __init__(self, code: str) -> None:
        texts = CATALOGUE[code]
        if code == "ru":
            # «7 мая 2024 г.» ends with a full stop: a sentence ending with a date needs no other.
            texts = {key: _no_stop_after_dates(text) for key, text in texts.items()}
        self.code = code
        self.pairs: dict[str, tuple[str, str]] = {msg: (texts[msg], texts[msg + CHILD]) for msg in Msg}
        self._months = MONTHS[code]
        self._article = ARTICLE[code]
        self._instrument = INSTRUMENT_NAME[code]
        self._unnamed = UNNAMED_BODY[code]

    def render(self, msg: Msg, values: dict[str, str]) -> tuple[str, str]:
        """Return the (caseworker reason, child reason) of ``msg`` filled with ``values``."""
        reason, child = self.pairs[msg]
        return reason.format_map(values), child.format_map(values)

    def date(self, day: date) -> str:
        if self.code == "ru":
            return f"{day.day} {self._months[day.month]} {day.year} г."
        if self.code == "kk":
            return f"{day.year} жылғы {day.day} {self._months[day.month]}"
        return f"{day.day} {self._months[day.month]} {day.year}"

    def articles(self, refs: Iterable[tuple[str, int]]) -> str:
        return ", ".join(self._article[str(instrument)].format(n=article) for instrument, article in refs)

    def instruments(self, instruments: Iterable[str]) -> str:
        return "; ".join(self._instrument[str(instrument)] for instrument in instruments)

    def bodies(self, bodies: Iterable[str | None]) -> str:
        return "; ".join(body.strip() if body and body.strip() else self._unnamed for body in bodies)

    @staticmethod
    def numbers(numbers: Iterable[int]) -> str:
        return ", ".join(map(str, numbers))


_BY_CODE: Final[dict[str, Language]] = {code: Language(code) for code in LANGUAGES}


def language(code: str) -> Language:
    """Return the language for ``code``: "kk", "ru-RU", "en_GB" …; anything unknown is English."""
    found = _BY_CODE.get(code)
    if found is None:
        base = code.replace("_", "-").split("-", 1)[0].lower() if isinstance(code, str) else ""
        found = _BY_CODE.get(base, _BY_CODE[DEFAULT_LANGUAGE])
    return found
