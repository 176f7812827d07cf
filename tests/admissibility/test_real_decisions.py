"""The engine against decisions of the Committee on the Rights of the Child.

Only facts stated in the decision (or in a summary of it named in the docstring) are used;
anything the sources do not give is left unknown (None), as a caseworker would leave it. The
engine is a pre-check: where the Committee had to weigh an argument (an exception to
exhaustion, a parent acting for a baby), the engine must say "needs review", never decide.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from admissibility import Finding, Outcome, StateStatus, Verdict, assess, parse_facts

# Entry into force of OPIC: Spain and Denmark as stated in the decisions below (paras. 1 and
# 1.1); France computed from its deposit of 7 January 2016 (UN Treaty Collection, IV-11-d)
# plus three months (OPIC art. 19(2)). The OPSC/OPAC columns are not needed here: unknown.
TREATY = {
    "ESP": StateStatus(
        "ESP", opic_party=True, opic_in_force_on=date(2014, 4, 14), opsc_party=None, opac_party=None
    ),
    "DNK": StateStatus(
        "DNK", opic_party=True, opic_in_force_on=date(2016, 1, 7), opsc_party=None, opac_party=None
    ),
    "FRA": StateStatus(
        "FRA", opic_party=True, opic_in_force_on=date(2016, 4, 7), opsc_party=None, opac_party=None
    ),
}


def outcomes(findings: Iterable[Finding]) -> dict[str, Outcome]:
    return {f.criterion: f.outcome for f in findings}


def test_aha_v_spain_is_inadmissible_because_the_facts_ended_before_the_protocol_entered_into_force() -> None:
    """A.H.A. v. Spain, communication No. 1/2014, CRC/C/69/D/1/2014 (decision of 4 June 2015).

    From the decision: the author, a Ghanaian national who says he was born on 24 July 1994,
    is himself the alleged victim; proceedings about his protection as an unaccompanied child
    began on 24 October 2010 and on 16 November 2010 he was found to be an adult after medical
    tests; he claimed violations of CRC arts. 3, 8, 18(2), 20(1), 27 and 29; the communication
    is dated 23 September 2014; the Protocol entered into force for Spain on 14 April 2014.
    The final court decision was of 17 September 2013 (CRIN case summary,
    legallibrary.crin.org/a-h-a-v-spain). The Committee declared the communication inadmissible
    ratione temporis under OPIC art. 7(g).
    """
    facts = parse_facts(
        {
            "assessed_on": "2014-09-23",
            "state": "ESP",
            "in_writing": True,
            "author": {"identified": True, "is_victim": True},
            "victims": [{"identified": True, "date_of_birth": "1994-07-24", "consent": "given"}],
            "claims": [
                {
                    "instrument": "CRC",
                    "article": article,
                    "explanation": "Treated as an adult despite his documents.",
                }
                for article in (3, 8, 18, 20, 27, 29)
            ],
            "facts": {
                "summary": "Found to be an adult by medical tests, so not protected as a child.",
                "start": "2010-10-24",
                "end": "2013-09-17",
                "continuing": False,
            },
            "domestic_remedies": {"exhausted": True, "final_decision_on": "2013-09-17"},
            "previously_examined_by_committee": False,
        }
    )
    assessment = assess(facts, TREATY)
    found = outcomes(assessment.findings)

    assert found["OPIC-7-g"] is Outcome.NOT_MET
    temporal = next(f for f in assessment.findings if f.criterion == "OPIC-7-g")
    assert "14 April 2014" in temporal.reason
    assert "17 September 2013" in temporal.reason
    assert assessment.verdict is Verdict.INADMISSIBLE
    # Spain was a party and he was 16 when the facts began: those are not the problem.
    assert found["OPIC-1-3"] is Outcome.MET
    assert found["OPIC-7-c"] is Outcome.MET


def test_iam_v_denmark_raises_no_bar_the_committee_did_not_raise() -> None:
    """I.A.M. (on behalf of K.Y.M.) v. Denmark, communication No. 3/2016, CRC/C/77/D/3/2016
    (Views of 25 January 2018).

    From the decision: the author, a Somali national born in 1990, acts for her daughter
    K.Y.M., born in Denmark on 5 January 2016, who faced deportation to Puntland; claims under
    CRC arts. 1, 2, 3 and 19; communication of 12 February 2016; the Protocol entered into
    force for Denmark on 7 January 2016. The Refugee Appeals Board, the final authority, refused
    asylum on 2 February 2016 (Leiden Children's Rights Observatory, case note 2018-1). The
    Committee examined the merits and found a violation; only the art. 2 claim was held
    insufficiently substantiated (art. 7(f)), which is a judgement the engine leaves to people.

    A one-month-old cannot consent: the mother acts without consent, with a justification,
    and whether that is acceptable is for a person to decide, so 5(2) needs review.
    """
    facts = parse_facts(
        {
            "assessed_on": "2016-02-12",
            "state": "DNK",
            "in_writing": True,
            "author": {"identified": True, "is_victim": False},
            "victims": [
                {"identified": True, "date_of_birth": "2016-01-05", "consent": "without_consent_justified"}
            ],
            "claims": [
                {"instrument": "CRC", "article": article, "explanation": "Risk of female genital mutilation."}
                for article in (1, 2, 3, 19)
            ],
            "facts": {"summary": "Deportation ordered to Puntland, Somalia.", "start": "2016-02-02"},
            "domestic_remedies": {"exhausted": True, "final_decision_on": "2016-02-02"},
            "previously_examined_by_committee": False,
        }
    )
    assessment = assess(facts, TREATY)
    found = outcomes(assessment.findings)

    assert Outcome.NOT_MET not in found.values()
    assert assessment.verdict is Verdict.NEEDS_REVIEW
    for criterion in ("OPIC-1-3", "OPIC-7-a", "OPIC-7-b", "OPIC-7-c", "OPIC-7-e", "OPIC-7-g", "OPIC-7-h"):
        assert found[criterion] is Outcome.MET, criterion
    assert found["OPIC-5-2"] is Outcome.NEEDS_REVIEW
    assert assessment.file_by == date(2017, 2, 2)


def test_sacchi_v_france_leaves_the_futility_of_domestic_remedies_to_a_person() -> None:
    """Chiara Sacchi et al. v. France, communication No. 106/2019, CRC/C/88/D/106/2019
    (decision of 22 September 2021).

    From the decision: sixteen authors, all under 18 when they submitted the communication on
    23 September 2019, are themselves the alleged victims; claims under CRC arts. 3, 6, 24 and
    30; OPIC arts. 5(1), 7(e) and (f) were at issue. They had brought no proceedings in France
    and argued that domestic remedies would be futile; the Committee rejected that argument and
    declared the communication inadmissible for failure to exhaust domestic remedies, art. 7(e)
    (EJIL:Talk!, "Pragmatism and Principle in Sacchi v Argentina", 2021; Leiden Children's Rights
    Observatory, case note 2021-10). Their dates of birth are not in the sources: unknown.

    The engine does not weigh the futility argument: it sends it to a person. It must not call
    the communication admissible.
    """
    facts = parse_facts(
        {
            "assessed_on": "2019-09-23",
            "state": "FRA",
            "in_writing": True,
            "author": {"identified": True, "is_victim": True},
            "victims": [{"identified": True} for _ in range(16)],
            "claims": [
                {"instrument": "CRC", "article": article, "explanation": "Failure to prevent climate change."}
                for article in (3, 6, 24, 30)
            ],
            "facts": {"summary": "Climate change harms their life, health and culture.", "continuing": True},
            "domestic_remedies": {
                "exhausted": False,
                "exception": "unlikely_effective_relief",
                "exception_reason": "Domestic courts could not give effective relief.",
            },
            "previously_examined_by_committee": False,
        }
    )
    assessment = assess(facts, TREATY)
    found = outcomes(assessment.findings)

    assert found["OPIC-7-e"] is Outcome.NEEDS_REVIEW
    exhaustion = next(f for f in assessment.findings if f.criterion == "OPIC-7-e")
    assert "effective relief" in exhaustion.reason
    assert assessment.verdict is not Verdict.ADMISSIBLE_PRIMA_FACIE
    assert found["OPIC-1-3"] is Outcome.MET
    assert found["OPIC-7-g"] is Outcome.MET  # the harm is said to continue
    assert found["OPIC-7-h"] is Outcome.MET  # the one-year limit runs from exhaustion
    assert assessment.file_by is None


def test_sacchi_v_france_without_the_exception_would_be_inadmissible_under_7e() -> None:
    """The same communication, had the authors claimed no exception: OPIC art. 7(e) not met."""
    facts = parse_facts(
        {
            "assessed_on": "2019-09-23",
            "state": "FRA",
            "domestic_remedies": {"exhausted": False},
        }
    )
    assessment = assess(facts, TREATY)
    assert outcomes(assessment.findings)["OPIC-7-e"] is Outcome.NOT_MET
    assert assessment.verdict is Verdict.INADMISSIBLE
