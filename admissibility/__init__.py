"""Pre-check a communication to the Committee on the Rights of the Child (OPIC arts. 1, 5, 7, 20).

Pure Python: no Django, no I/O, no clock. Facts in (``parse_facts`` or the dataclasses), findings
out (``assess``). Its words come from gettext catalogues that the caller loads and hands over
with ``install_languages`` (see ``admissibility.messages``). The engine is a pre-check for
caseworkers and children, not a legal decision: only the Committee decides admissibility.
"""

from admissibility.dates import add_months, add_years
from admissibility.engine import (
    CRITERIA,
    CRITERION_IDS,
    assess,
    assessment_to_dict,
    exclusions_of,
    verdict_of,
)
from admissibility.messages import LANGUAGES, Language, install_languages
from admissibility.model import (
    Assessment,
    Author,
    Claim,
    CommitteeOutcome,
    CommunicationFacts,
    Consent,
    DomesticRemedies,
    Exclusion,
    Facts,
    Finding,
    Instrument,
    OtherProcedure,
    Outcome,
    ProcedureKind,
    ProcedureStatus,
    RemedyException,
    Scope,
    StateStatus,
    Verdict,
    Victim,
)
from admissibility.parsing import FactsError, parse_facts

__all__ = [
    "CRITERIA",
    "CRITERION_IDS",
    "LANGUAGES",
    "Assessment",
    "Author",
    "Claim",
    "CommitteeOutcome",
    "CommunicationFacts",
    "Consent",
    "DomesticRemedies",
    "Exclusion",
    "Facts",
    "FactsError",
    "Finding",
    "Instrument",
    "Language",
    "OtherProcedure",
    "Outcome",
    "ProcedureKind",
    "ProcedureStatus",
    "RemedyException",
    "Scope",
    "StateStatus",
    "Verdict",
    "Victim",
    "add_months",
    "add_years",
    "assess",
    "assessment_to_dict",
    "exclusions_of",
    "install_languages",
    "parse_facts",
    "verdict_of",
]
