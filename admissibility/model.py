"""The engine's data: facts in (frozen dataclasses mirroring the JSON input), findings out.

Every field of the facts except ``assessed_on`` may be ``None``, which always means *unknown*.
Lists are tuples: ``None`` means "not recorded", ``()`` means "recorded as none".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NEEDS_REVIEW = "needs_review"  # a fact is missing or a human (in the end the Committee) must judge


class Verdict(StrEnum):
    ADMISSIBLE_PRIMA_FACIE = "admissible_prima_facie"
    NEEDS_REVIEW = "needs_review"
    INADMISSIBLE = "inadmissible"


class Scope(StrEnum):
    """What a finding concerns: the whole communication, some of its claims, or some victims."""

    WHOLE = "whole"
    CLAIMS = "claims"
    VICTIMS = "victims"


class Consent(StrEnum):
    GIVEN = "given"
    NOT_GIVEN = "not_given"
    WITHOUT_CONSENT_JUSTIFIED = "without_consent_justified"  # OPIC art. 5(2), second limb


class Instrument(StrEnum):
    CRC = "CRC"
    OPSC = "OPSC"  # Optional Protocol on the sale of children, child prostitution and child pornography
    OPAC = "OPAC"  # Optional Protocol on the involvement of children in armed conflict


class RemedyException(StrEnum):
    """The two exceptions to exhaustion in OPIC art. 7(e)."""

    UNREASONABLY_PROLONGED = "unreasonably_prolonged"
    UNLIKELY_EFFECTIVE_RELIEF = "unlikely_effective_relief"


class ProcedureStatus(StrEnum):
    PENDING = "pending"
    EXAMINED = "examined"  # examined on the merits
    WITHDRAWN = "withdrawn"
    ENDED_WITHOUT_EXAMINATION = "ended_without_examination"  # e.g. declared inadmissible on formal grounds


class ProcedureKind(StrEnum):
    """Which kind of body another procedure was before (OPIC art. 7(d))."""

    REGIONAL = "regional"  # a regional court or commission (ECtHR, IACHR, African Committee …)
    TREATY_BODY = "treaty_body"  # another UN treaty body (Human Rights Committee, CEDAW …)
    SPECIAL_PROCEDURE = "special_procedure"  # a Special Rapporteur or working group of the HRC: never a bar
    OTHER = "other"


class CommitteeOutcome(StrEnum):
    """What became of an earlier communication on the same matter to this Committee."""

    EXAMINED = "examined"  # Views on the merits, or inadmissible on a ground that cannot change
    INADMISSIBLE_NOT_EXHAUSTED = "inadmissible_not_exhausted"  # may come back once remedies are exhausted
    DISCONTINUED = "discontinued"  # withdrawn or discontinued without a decision


@dataclass(frozen=True, slots=True)
class StateStatus:
    """One row of the treaty table, supplied by the caller (the engine does no look-ups)."""

    iso3: str
    opic_party: bool  # False = signatory only
    opic_in_force_on: date | None  # None = party but date unknown
    opsc_party: bool | None  # None = unknown
    opac_party: bool | None
    denunciation_effective_on: date | None = None  # OPIC art. 22: one year after the notification


@dataclass(frozen=True, slots=True)
class Author:
    identified: bool | None = None
    is_victim: bool | None = None


@dataclass(frozen=True, slots=True)
class Victim:
    """An alleged victim. When the author is the victim, the author appears here too."""

    identified: bool | None = None
    date_of_birth: date | None = None
    consent: Consent | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    instrument: Instrument | None = None
    article: int | None = None
    explanation: str | None = None


@dataclass(frozen=True, slots=True)
class Facts:
    """The facts of the case: what happened and when."""

    summary: str | None = None
    start: date | None = None
    end: date | None = None
    continuing: bool | None = None


@dataclass(frozen=True, slots=True)
class DomesticRemedies:
    exhausted: bool | None = None
    final_decision_on: date | None = None
    exception: RemedyException | None = None
    exception_reason: str | None = None


@dataclass(frozen=True, slots=True)
class OtherProcedure:
    body: str | None = None
    status: ProcedureStatus | None = None
    same_matter: bool | None = None
    kind: ProcedureKind | None = None


@dataclass(frozen=True, slots=True)
class CommunicationFacts:
    """Everything the criteria look at. ``assessed_on`` replaces the clock: results are reproducible."""

    assessed_on: date
    state: str | None = None  # ISO 3166-1 alpha-3
    in_writing: bool | None = None
    author: Author = Author()
    victims: tuple[Victim, ...] | None = None
    claims: tuple[Claim, ...] | None = None
    facts: Facts = Facts()
    domestic_remedies: DomesticRemedies = DomesticRemedies()
    late_submission_reason: str | None = None
    previously_examined_by_committee: bool | None = None
    other_procedures: tuple[OtherProcedure, ...] | None = None
    documents_count: int | None = None
    outside_territory: bool | None = None  # the victims were outside the State's territory (art. 5(1))
    previous_committee_outcome: CommitteeOutcome | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    criterion: str  # stable id, e.g. "OPIC-7-h": never renumbered
    outcome: Outcome
    reason: str  # for a caseworker, in the requested language
    child_reason: str  # plain words a 10-year-old understands, same language
    citation: str  # e.g. "OPIC art. 7(h)", the same in every language
    scope: Scope = Scope.WHOLE
    # With scope CLAIMS or VICTIMS: the numbers (1-based, in input order) of the claims or victims
    # that this finding concerns. A NOT_MET finding with such a scope excludes only those parts.
    parts: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A claim or a victim left out of what the Committee could examine, and why."""

    scope: Scope  # CLAIMS or VICTIMS
    number: int  # 1-based position in the input list
    criterion: str
    reason: str  # the reason of the finding that excludes it
    child_reason: str
    citation: str


@dataclass(frozen=True, slots=True)
class Assessment:
    verdict: Verdict  # about what remains once the exclusions are taken out
    file_by: date | None  # final decision + 1 year (OPIC art. 7(h)), once remedies are exhausted
    findings: tuple[Finding, ...]
    exclusions: tuple[Exclusion, ...] = ()
