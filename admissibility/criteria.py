"""One function per admissibility criterion of OPIC (arts. 1, 5, 7 and 20).

Each criterion takes the facts, the treaty table and a language, and returns exactly one
Finding: it never raises on well-formed facts and never stops at the first problem. When a
criterion finds several problems, the caseworker's reason lists them all (the gravest first)
and the child's reason speaks about the gravest one only.

NOT_MET means the facts as given make the communication inadmissible on this ground.
NEEDS_REVIEW means a fact is missing, or a question that only a person (in the end the
Committee) can answer, such as whether an exception applies.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

from admissibility.dates import add_years, is_adult_on
from admissibility.messages import Language, Msg, language
from admissibility.model import (
    Claim,
    CommitteeOutcome,
    CommunicationFacts,
    Consent,
    Finding,
    Instrument,
    OtherProcedure,
    Outcome,
    ProcedureKind,
    ProcedureStatus,
    RemedyException,
    Scope,
    StateStatus,
    Victim,
)

MET: Final = Outcome.MET
NOT_MET: Final = Outcome.NOT_MET
NEEDS_REVIEW: Final = Outcome.NEEDS_REVIEW

# The articles that set out rights or obligations; the rest are about the Committee, reporting
# and final clauses (e.g. CRC art. 43 establishes the Committee), so invoking them alone is
# incompatible with the Convention (OPIC art. 7(c)).
RIGHTS_ARTICLES: Final[dict[str, int]] = {Instrument.CRC: 41, Instrument.OPSC: 10, Instrument.OPAC: 7}
OPTIONAL_PROTOCOLS: Final = (Instrument.OPSC, Instrument.OPAC)
CLOSED_PROCEDURE: Final = (ProcedureStatus.WITHDRAWN, ProcedureStatus.ENDED_WITHOUT_EXAMINATION)
# Enum members as plain module constants: looking a member up on its class is slow in the loops.
OPSC: Final = Instrument.OPSC
NOT_GIVEN: Final = Consent.NOT_GIVEN
JUSTIFIED: Final = Consent.WITHOUT_CONSENT_JUSTIFIED
PENDING: Final = ProcedureStatus.PENDING
PROLONGED: Final = RemedyException.UNREASONABLY_PROLONGED
GIVEN: Final = Consent.GIVEN
SPECIAL_PROCEDURE: Final = ProcedureKind.SPECIAL_PROCEDURE
CLAIMS: Final = Scope.CLAIMS
RESUBMITTED: Final = CommitteeOutcome.INADMISSIBLE_NOT_EXHAUSTED
DISCONTINUED: Final = CommitteeOutcome.DISCONTINUED
EXAMINED_BY_COMMITTEE: Final = CommitteeOutcome.EXAMINED
VICTIMS: Final = Scope.VICTIMS

Part = tuple[Msg, dict[str, str]]


def _finding(
    criterion: str,
    citation: str,
    outcome: Outcome,
    t: Language,
    parts: list[Part],
    scope: Scope = Scope.WHOLE,
    numbers: tuple[int, ...] = (),
) -> Finding:
    if len(parts) == 1:
        reason, child = t.render(*parts[0])
    else:
        rendered = [t.render(msg, values) for msg, values in parts]
        reason = " ".join(text for text, _ in rendered)
        child = rendered[0][1]
    return Finding(criterion, outcome, reason, child, citation, scope, numbers)


# Findings whose words have no placeholder never change: build each one once per language.
_FIXED: dict[tuple[Language, str, Outcome, str], Finding] = {}


def _one(criterion: str, citation: str, outcome: Outcome, t: Language, msg: Msg, **values: str) -> Finding:
    if values:
        reason, child = t.pairs[msg]
        return Finding(criterion, outcome, reason.format_map(values), child.format_map(values), citation)
    key = (t, criterion, outcome, msg)
    found = _FIXED.get(key)
    if found is None:
        reason, child = t.render(msg, values)
        found = _FIXED[key] = Finding(criterion, outcome, reason, child, citation)
    return found


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def one_year_after(day: date) -> date:
    """Return the last day of the one-year limit of OPIC art. 7(h): the same day a year later."""
    try:
        return add_years(day, 1)
    except OverflowError:
        return date.max


def entry_into_force(facts: CommunicationFacts, treaty: Mapping[str, StateStatus]) -> date | None:
    """Return the date the Protocol entered into force for the State, when known and a party."""
    status = treaty.get(facts.state) if facts.state is not None else None
    if status is None or not status.opic_party:
        return None
    return status.opic_in_force_on


# --- OPIC art. 1(3) -------------------------------------------------------------------------


def state_party(facts: CommunicationFacts, treaty: Mapping[str, StateStatus], lang: str = "en") -> Finding:
    """OPIC-1-3: the State must be a party, with the Protocol in force on the assessment date."""
    t = language(lang)
    cid, cite = "OPIC-1-3", "OPIC art. 1(3)"
    if facts.state is None:
        return _one(cid, cite, NEEDS_REVIEW, t, Msg.S13_STATE_UNKNOWN)
    status = treaty.get(facts.state)
    state = t.state(facts.state)
    if status is None:
        # The table may be incomplete (a State that ratified since it was last read): a person checks.
        return _one(cid, cite, NEEDS_REVIEW, t, Msg.S13_NOT_IN_TABLE, state=state)
    if not status.opic_party:
        return _one(cid, cite, NOT_MET, t, Msg.S13_SIGNATORY, state=state)
    effective = status.denunciation_effective_on
    if effective is not None and facts.assessed_on >= effective:
        # OPIC art. 22: the Protocol goes on applying only to communications submitted before.
        return _one(cid, cite, NOT_MET, t, Msg.S13_DENOUNCED, state=state, effective=t.date(effective))
    eif = status.opic_in_force_on
    if eif is None:
        return _one(cid, cite, NEEDS_REVIEW, t, Msg.S13_EIF_UNKNOWN, state=state)
    values = {"state": state, "eif": t.date(eif), "assessed_on": t.date(facts.assessed_on)}
    if facts.assessed_on < eif:
        return _one(cid, cite, NOT_MET, t, Msg.S13_NOT_YET, **values)
    return _one(cid, cite, MET, t, Msg.S13_MET, **values)


# --- OPIC art. 1(2), 5(1) -------------------------------------------------------------------


def accepted_instruments(
    facts: CommunicationFacts, treaty: Mapping[str, StateStatus], lang: str = "en"
) -> Finding:
    """OPIC-1-2: claims under the OPSC or OPAC need the State to be a party to that protocol."""
    t = language(lang)
    cid, cite = "OPIC-1-2", "OPIC art. 1(2), 5(1)"
    claims = facts.claims or ()
    used = {claim.instrument for claim in claims}
    invoked = [protocol for protocol in OPTIONAL_PROTOCOLS if protocol in used]
    if not invoked:
        return _one(cid, cite, MET, t, Msg.S12_NONE)
    if facts.state is None:
        return _one(cid, cite, NEEDS_REVIEW, t, Msg.S12_STATE_UNKNOWN, instruments=t.instruments(invoked))
    status = treaty.get(facts.state)
    state = t.state(facts.state)
    not_party: list[Instrument] = []
    unknown: list[Instrument] = []
    for protocol in invoked:
        party = None
        if status is not None:
            party = status.opsc_party if protocol == OPSC else status.opac_party
        if party is False:
            not_party.append(protocol)
        elif party is None:
            unknown.append(protocol)
    parts: list[Part] = []
    left_out = tuple(n for n, claim in enumerate(claims, 1) if claim.instrument in not_party)
    if not_party:
        values = {"state": state, "instruments": t.instruments(not_party), "claims": t.numbers(left_out)}
        parts.append((Msg.S12_NOT_PARTY, values))
    if unknown:
        parts.append((Msg.S12_UNKNOWN, {"state": state, "instruments": t.instruments(unknown)}))
    if not_party:
        # OPIC art. 1(2) removes only the claims under the instrument the State has not accepted.
        return _finding(cid, cite, NOT_MET, t, parts, CLAIMS, left_out)
    if parts:
        return _finding(cid, cite, NEEDS_REVIEW, t, parts)
    return _one(cid, cite, MET, t, Msg.S12_ACCEPTED, state=state, instruments=t.instruments(invoked))


# --- OPIC art. 5(1) -------------------------------------------------------------------------


def standing(facts: CommunicationFacts, treaty: Mapping[str, StateStatus], lang: str = "en") -> Finding:
    """OPIC-5-1: by or on behalf of individuals or groups claiming to be victims, within the
    State's jurisdiction. An abstract challenge (actio popularis) is not examined; whether people
    outside the State's territory were within its jurisdiction is for the Committee.
    """
    t = language(lang)
    cid, cite = "OPIC-5-1", "OPIC art. 5(1)"
    victims = facts.victims
    is_victim = facts.author.is_victim
    if is_victim is not True and victims is not None and not victims:
        if is_victim is False:
            return _one(cid, cite, NOT_MET, t, Msg.S51_NO_VICTIM)
        return _one(cid, cite, NEEDS_REVIEW, t, Msg.S51_UNKNOWN)
    if is_victim is not True and not victims:
        return _one(cid, cite, NEEDS_REVIEW, t, Msg.S51_UNKNOWN)
    if facts.outside_territory is True:
        return _one(cid, cite, NEEDS_REVIEW, t, Msg.S51_OUTSIDE, state=t.state(facts.state or ""))
    return _one(cid, cite, MET, t, Msg.S51_MET)


# --- OPIC art. 5(2) -------------------------------------------------------------------------


def _own_entry(facts: CommunicationFacts) -> int | None:
    """The number of the author's own entry among the victims, when that is certain.

    An author who is the victim and names one victim only is that victim.
    """
    victims = facts.victims or ()
    if facts.author.is_victim is True and len(victims) == 1:
        return 1
    return None


def consent(facts: CommunicationFacts, treaty: Mapping[str, StateStatus], lang: str = "en") -> Finding:
    """OPIC-5-2: whoever acts for a victim needs that victim's consent, or a justification.

    Every victim is checked. A victim who has not consented, with no justification, is left out
    (the rest goes on); a victim whose consent is not recorded needs review, never refusal.
    """
    t = language(lang)
    cid, cite = "OPIC-5-2", "OPIC art. 5(2)"
    victims = facts.victims or ()
    is_victim = facts.author.is_victim
    own = _own_entry(facts)
    if is_victim is None and not victims:
        return _one(cid, cite, NEEDS_REVIEW, t, Msg.S52_AUTHOR_UNKNOWN)
    if not victims:
        if is_victim is True:
            return _one(cid, cite, MET, t, Msg.S52_AUTHOR_VICTIM)
        return _one(cid, cite, NEEDS_REVIEW, t, Msg.S52_NO_VICTIMS)
    refused: list[int] = []
    unknown: list[int] = []
    justified: list[int] = []
    for n, victim in enumerate(victims, 1):
        if n == own or victim.consent == GIVEN:
            continue
        if victim.consent == NOT_GIVEN and not (is_victim is None and len(victims) == 1):
            refused.append(n)
        elif victim.consent == JUSTIFIED:
            justified.append(n)
        else:
            unknown.append(n)
    parts: list[Part] = []
    if refused:
        parts.append((Msg.S52_REFUSED, {"victims": t.numbers(refused)}))
    if unknown:
        parts.append((Msg.S52_UNKNOWN, {"victims": t.numbers(unknown)}))
    if justified:
        parts.append((Msg.S52_JUSTIFIED, {"victims": t.numbers(justified)}))
    if refused:
        return _finding(cid, cite, NOT_MET, t, parts, VICTIMS, tuple(refused))
    if parts:
        return _finding(cid, cite, NEEDS_REVIEW, t, parts, VICTIMS, tuple(unknown + justified))
    if own is not None:
        return _one(cid, cite, MET, t, Msg.S52_AUTHOR_VICTIM)
    return _one(cid, cite, MET, t, Msg.S52_GIVEN)


# --- OPIC art. 7(a) -------------------------------------------------------------------------


def anonymity(facts: CommunicationFacts, treaty: Mapping[str, StateStatus], lang: str = "en") -> Finding:
    """OPIC-7-a: the author and every victim must be identified.

    A name not yet recorded is unknown (needs review: the author can still add it); only a
    communication that is anonymous as given is inadmissible, and an unnamed victim among named
    ones is left out. Whether anyone is a victim at all is OPIC-5-1, not this.
    """
    t = language(lang)
    cid, cite = "OPIC-7-a", "OPIC art. 7(a)"
    victims = facts.victims or ()
    author = facts.author.identified
    if author is False:
        return _one(cid, cite, NOT_MET, t, Msg.S7A_AUTHOR)
    anonymous = tuple(n for n, v in enumerate(victims, 1) if v.identified is False)
    unknown = [n for n, v in enumerate(victims, 1) if v.identified is None]
    parts: list[Part] = []
    if anonymous:
        parts.append((Msg.S7A_VICTIMS, {"victims": t.numbers(anonymous)}))
    if author is None:
        parts.append((Msg.S7A_AUTHOR_UNKNOWN, {}))
    if unknown:
        parts.append((Msg.S7A_VICTIMS_UNKNOWN, {"victims": t.numbers(unknown)}))
    if anonymous:
        return _finding(cid, cite, NOT_MET, t, parts, VICTIMS, anonymous)
    if parts:
        return _finding(cid, cite, NEEDS_REVIEW, t, parts)
    return _one(cid, cite, MET, t, Msg.S7A_MET)


# --- OPIC art. 7(b) -------------------------------------------------------------------------


def in_writing(facts: CommunicationFacts, treaty: Mapping[str, StateStatus], lang: str = "en") -> Finding:
    """OPIC-7-b: the communication must be in writing."""
    t = language(lang)
    cid, cite = "OPIC-7-b", "OPIC art. 7(b)"
    if facts.in_writing is True:
        return _one(cid, cite, MET, t, Msg.S7B_MET)
    if facts.in_writing is False:
        return _one(cid, cite, NOT_MET, t, Msg.S7B_NOT)
    return _one(cid, cite, NEEDS_REVIEW, t, Msg.S7B_UNKNOWN)


# --- OPIC art. 7(c) -------------------------------------------------------------------------


def _claims_parts(claims: tuple[Claim, ...] | None, t: Language) -> tuple[list[Part], list[Part]]:
    """What the claims say under 7(c): (blocking, doubtful) parts."""
    blocking: list[Part] = []
    doubtful: list[Part] = []
    if claims is None:
        return [], [(Msg.S7C_CLAIMS_UNKNOWN, {})]
    if not claims:
        return [(Msg.S7C_NO_CLAIMS, {})], []
    valid = 0
    invalid: list[tuple[str, int]] = []
    incomplete: list[int] = []
    unexplained: list[int] = []
    for n, claim in enumerate(claims, 1):
        instrument, article = claim.instrument, claim.article
        last = RIGHTS_ARTICLES.get(instrument) if instrument is not None else None
        if instrument is None or last is None or article is None:
            incomplete.append(n)
        elif article <= last:
            valid += 1
        else:
            invalid.append((instrument, article))
        if _blank(claim.explanation):
            unexplained.append(n)
    if invalid and not valid and not incomplete:
        blocking.append((Msg.S7C_ONLY_INVALID, {"articles": t.articles(invalid)}))
    elif invalid:
        doubtful.append((Msg.S7C_SOME_INVALID, {"articles": t.articles(invalid)}))
    if incomplete:
        doubtful.append((Msg.S7C_INCOMPLETE, {"claims": t.numbers(incomplete)}))
    if unexplained:
        doubtful.append((Msg.S7C_EXPLANATION, {"claims": t.numbers(unexplained)}))
    return blocking, doubtful


def _victims_parts(
    victims: tuple[Victim, ...], start: date | None, t: Language
) -> tuple[list[Part], list[Part], str]:
    """Whether the victims were children when the facts began: (blocking, doubtful, start as text)."""
    if not victims:
        return [], [(Msg.S7C_NO_VICTIMS, {})], ""
    if start is None:
        return [], [(Msg.S7C_START_UNKNOWN, {})], ""
    start_text = t.date(start)
    adults: list[int] = []
    unknown: list[int] = []
    children = 0
    for n, victim in enumerate(victims, 1):
        if victim.date_of_birth is None:
            unknown.append(n)
        elif is_adult_on(victim.date_of_birth, start):
            adults.append(n)
        else:
            children += 1
    blocking: list[Part] = []
    doubtful: list[Part] = []
    if adults and not children and not unknown:
        blocking.append((Msg.S7C_ALL_ADULTS, {"start": start_text}))
    elif adults:
        doubtful.append((Msg.S7C_SOME_ADULTS, {"start": start_text, "victims": t.numbers(adults)}))
    if unknown:
        doubtful.append((Msg.S7C_DOB_UNKNOWN, {"victims": t.numbers(unknown)}))
    return blocking, doubtful, start_text


def compatibility(facts: CommunicationFacts, treaty: Mapping[str, StateStatus], lang: str = "en") -> Finding:
    """OPIC-7-c: claims must rely on rights of the Convention or its Protocols, held by children.

    A victim who turned 18 while the facts went on was a child when they began: that is enough.
    """
    t = language(lang)
    cid, cite = "OPIC-7-c", "OPIC art. 7(c)"
    blocking, doubtful = _claims_parts(facts.claims, t)
    more_blocking, more_doubtful, start_text = _victims_parts(facts.victims or (), facts.facts.start, t)
    blocking += more_blocking
    doubtful += more_doubtful

    if blocking:
        return _finding(cid, cite, NOT_MET, t, blocking + doubtful)
    if doubtful:
        return _finding(cid, cite, NEEDS_REVIEW, t, doubtful)
    return _one(cid, cite, MET, t, Msg.S7C_MET, start=start_text)


# --- OPIC art. 7(d) -------------------------------------------------------------------------


def _committee_parts(facts: CommunicationFacts) -> tuple[list[Part], list[Part]]:
    """What an earlier communication to this Committee means under 7(d): (blocking, doubtful)."""
    earlier = facts.previous_committee_outcome
    if earlier == RESUBMITTED:
        # An inadmissibility decision may be reviewed once its reasons no longer apply (rules of procedure).
        return [], [(Msg.S7D_RESUBMITTED, {})]
    if earlier == DISCONTINUED:
        return [], []  # withdrawn or discontinued: never examined
    if facts.previously_examined_by_committee is True or earlier == EXAMINED_BY_COMMITTEE:
        return [(Msg.S7D_PREVIOUS, {})], []
    if facts.previously_examined_by_committee is None:
        return [], [(Msg.S7D_PREVIOUS_UNKNOWN, {})]
    return [], []


def _procedure_parts(
    procedures: tuple[OtherProcedure, ...], t: Language
) -> tuple[list[Part], list[Part], list[Part]]:
    """What other international procedures mean under 7(d): (blocking, doubtful, notes)."""
    groups: dict[str, list[str | None]] = {
        "pending": [],
        "examined": [],
        "unclear": [],
        "kind": [],
        "closed": [],
        "special": [],
    }
    for procedure in procedures:
        status = procedure.status
        if procedure.kind == SPECIAL_PROCEDURE:
            group = "special"  # a Special Rapporteur's appeal investigates and settles nothing
        elif status in CLOSED_PROCEDURE:
            group = "closed"
        elif procedure.same_matter is False:
            continue
        elif status is None or procedure.same_matter is None:
            group = "unclear"
        elif procedure.kind is None:
            group = "kind"  # it bars only if the body is one of international investigation or settlement
        else:
            group = "pending" if status == PENDING else "examined"
        groups[group].append(procedure.body)
    messages = {
        "pending": Msg.S7D_PENDING,
        "examined": Msg.S7D_EXAMINED,
        "unclear": Msg.S7D_UNCLEAR,
        "kind": Msg.S7D_KIND_UNKNOWN,
        "closed": Msg.S7D_CLOSED,
        "special": Msg.S7D_SPECIAL,
    }
    found = {
        name: [(messages[name], {"bodies": t.bodies(bodies)})] if bodies else []
        for name, bodies in groups.items()
    }
    return (
        found["pending"] + found["examined"],
        found["unclear"] + found["kind"],
        found["closed"] + found["special"],
    )


def same_matter(facts: CommunicationFacts, treaty: Mapping[str, StateStatus], lang: str = "en") -> Finding:
    """OPIC-7-d: not already examined by the Committee, nor examined or pending elsewhere.

    A procedure that was withdrawn, or ended without examining the matter (for example declared
    inadmissible on formal grounds), is no bar; nor is a Special Procedure of the Human Rights
    Council. An earlier communication that this Committee found inadmissible for non-exhaustion
    may come back once remedies are exhausted: needs review.
    """
    t = language(lang)
    cid, cite = "OPIC-7-d", "OPIC art. 7(d)"
    blocking, doubtful = _committee_parts(facts)
    notes: list[Part] = []
    procedures = facts.other_procedures
    if procedures is None:
        doubtful.append((Msg.S7D_PROCEDURES_UNKNOWN, {}))
    else:
        more_blocking, more_doubtful, notes = _procedure_parts(procedures, t)
        blocking += more_blocking
        doubtful += more_doubtful
    if blocking:
        return _finding(cid, cite, NOT_MET, t, blocking + doubtful)
    if doubtful:
        return _finding(cid, cite, NEEDS_REVIEW, t, doubtful + notes)
    if notes:
        return _finding(cid, cite, MET, t, [(Msg.S7D_MET, {}), *notes])
    return _one(cid, cite, MET, t, Msg.S7D_MET)


# --- OPIC art. 7(e) -------------------------------------------------------------------------


def exhaustion(facts: CommunicationFacts, treaty: Mapping[str, StateStatus], lang: str = "en") -> Finding:
    """OPIC-7-e: domestic remedies exhausted, unless an exception (for the Committee) is claimed."""
    t = language(lang)
    cid, cite = "OPIC-7-e", "OPIC art. 7(e)"
    remedies = facts.domestic_remedies
    if remedies.exhausted is True:
        return _one(cid, cite, MET, t, Msg.S7E_MET)
    if remedies.exception is not None:
        claimed = Msg.S7E_PROLONGED if remedies.exception == PROLONGED else Msg.S7E_INEFFECTIVE
        parts: list[Part] = [(claimed, {})]
        if _blank(remedies.exception_reason):
            parts.append((Msg.S7E_NO_REASON, {}))
        return _finding(cid, cite, NEEDS_REVIEW, t, parts)
    if remedies.exhausted is False:
        return _one(cid, cite, NOT_MET, t, Msg.S7E_NOT)
    return _one(cid, cite, NEEDS_REVIEW, t, Msg.S7E_UNKNOWN)


# --- OPIC art. 7(f) -------------------------------------------------------------------------


def substantiation(facts: CommunicationFacts, treaty: Mapping[str, StateStatus], lang: str = "en") -> Finding:
    """OPIC-7-f: an account of the facts, with supporting documents.

    Whether the claims are manifestly ill-founded is a judgement on the merits of the file: the
    engine only checks that there is something to judge.
    """
    t = language(lang)
    cid, cite = "OPIC-7-f", "OPIC art. 7(f)"
    summary = facts.facts.summary
    no_summary = summary is not None and not summary.strip()  # recorded as empty
    documents = facts.documents_count
    parts: list[Part] = []
    if summary is None:
        parts.append((Msg.S7F_SUMMARY_MISSING, {}))  # not written yet: the author can still add it
    elif no_summary:
        parts.append((Msg.S7F_NO_SUMMARY, {}))
    if not documents:
        parts.append((Msg.S7F_NO_DOCUMENTS, {}))
    if parts:
        return _finding(cid, cite, NOT_MET if no_summary else NEEDS_REVIEW, t, parts)
    return _one(cid, cite, MET, t, Msg.S7F_MET)


# --- OPIC art. 7(g), 20 ---------------------------------------------------------------------


def ratione_temporis(
    facts: CommunicationFacts, treaty: Mapping[str, StateStatus], lang: str = "en"
) -> Finding:
    """OPIC-7-g: facts after the Protocol entered into force for the State, or continuing after.

    Facts on the day of entry into force count as after it (OPIC art. 20).
    """
    t = language(lang)
    cid, cite = "OPIC-7-g", "OPIC art. 7(g), 20"
    eif = entry_into_force(facts, treaty)
    if eif is None:
        return _one(cid, cite, NEEDS_REVIEW, t, Msg.S7G_EIF_UNKNOWN)
    values = {"state": t.state(facts.state or ""), "eif": t.date(eif)}
    happened = facts.facts
    end = happened.end
    if end is not None:
        values["end"] = t.date(end)
    if happened.continuing is True:
        if end is not None and end < eif:
            return _one(cid, cite, NEEDS_REVIEW, t, Msg.S7G_CONTRADICTION, **values)
        return _one(cid, cite, MET, t, Msg.S7G_CONTINUING, **values)
    if end is not None:
        if end >= eif:
            return _one(cid, cite, MET, t, Msg.S7G_ENDED_AFTER, **values)
        final = facts.domestic_remedies.final_decision_on
        if final is None:
            return _one(cid, cite, NEEDS_REVIEW, t, Msg.S7G_FINAL_UNKNOWN, **values)
        if final >= eif:
            # The facts came before, the final decision after: whether the decision is itself a
            # violation within competence is for the Committee (cf. A.H.A. v. Spain, where both came before).
            values["final"] = t.date(final)
            return _one(cid, cite, NEEDS_REVIEW, t, Msg.S7G_FINAL_AFTER, **values)
        return _one(cid, cite, NOT_MET, t, Msg.S7G_BEFORE, **values)
    if happened.start is not None:
        values["start"] = t.date(happened.start)
        if happened.start >= eif:
            return _one(cid, cite, MET, t, Msg.S7G_STARTED_AFTER, **values)
        return _one(cid, cite, NEEDS_REVIEW, t, Msg.S7G_STARTED_BEFORE, **values)
    return _one(cid, cite, NEEDS_REVIEW, t, Msg.S7G_DATES_UNKNOWN, **values)


# --- OPIC art. 7(h) -------------------------------------------------------------------------


def time_limit(facts: CommunicationFacts, treaty: Mapping[str, StateStatus], lang: str = "en") -> Finding:
    """OPIC-7-h: within one year after exhaustion; the last day is the same calendar day a year
    later (29 Feb -> 28 Feb). A late author may show that filing in time was impossible.
    """
    t = language(lang)
    cid, cite = "OPIC-7-h", "OPIC art. 7(h)"
    remedies = facts.domestic_remedies
    if remedies.exhausted is False:
        return _one(cid, cite, MET, t, Msg.S7H_NOT_EXHAUSTED)
    final = remedies.final_decision_on
    if final is None:
        if remedies.exhausted is True:
            return _one(cid, cite, NEEDS_REVIEW, t, Msg.S7H_FINAL_UNKNOWN)
        return _one(cid, cite, NEEDS_REVIEW, t, Msg.S7H_UNKNOWN)
    deadline = one_year_after(final)
    values = {"final": t.date(final), "deadline": t.date(deadline), "assessed_on": t.date(facts.assessed_on)}
    if facts.assessed_on <= deadline:
        return _one(cid, cite, MET, t, Msg.S7H_IN_TIME, **values)
    if remedies.exhausted is None:
        return _one(cid, cite, NEEDS_REVIEW, t, Msg.S7H_LATE_UNCLEAR, **values)
    eif = entry_into_force(facts, treaty)
    if eif is not None and deadline < eif:
        # No communication could have been submitted within the year: art. 7(h)'s own exception.
        values |= {"state": t.state(facts.state or ""), "eif": t.date(eif)}
        return _one(cid, cite, NEEDS_REVIEW, t, Msg.S7H_BEFORE_EIF, **values)
    if not _blank(facts.late_submission_reason):
        return _one(cid, cite, NEEDS_REVIEW, t, Msg.S7H_LATE_REASON, **values)
    return _one(cid, cite, NOT_MET, t, Msg.S7H_LATE, **values)
