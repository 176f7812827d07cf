"""The time limits of a communication: one rule per kind, each citing its source.

Pure Python, like the admissibility engine: dates in, deadlines out; no Django, no I/O, no clock
(the day to compare with is always an argument). complaints.deadlines.services is the bridge to the models.

Every rule's ``source`` names the article of the Protocol (OPIC) or the rule of procedure
(CRC/C/62/3; revised as CRC/C/158 in 2021) it applies; complaints/data/SOURCES.md (*Time limits
after dispatch*) gives, rule by rule, the text it was checked against and its address, and says
what could not be checked. Where the Committee sets a period case by case, no period is guessed:
the caseworker enters the date from its letter.

Months are calendar months clamped to the end of the month (31 August + 6 months = 28 or 29
February), years are calendar years (29 February + 1 year = 28 February), both through
admissibility.dates, the same arithmetic the admissibility engine uses for OPIC art. 7(h).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Final

from admissibility.dates import add_months, add_years


class Kind(StrEnum):
    FILING = "filing"
    STATE_EXPLANATIONS = "state_explanations"
    AUTHOR_COMMENTS = "author_comments"
    FOLLOW_UP = "follow_up"
    INTERIM_MEASURES = "interim_measures"
    CLARIFICATION = "clarification"
    SETTLEMENT_FOLLOW_UP = "settlement_follow_up"
    SETTLEMENT_REQUEST = "settlement_request"
    ADMISSIBILITY_COMMENTS = "admissibility_comments"
    FURTHER_FOLLOW_UP = "further_follow_up"


class InquiryKind(StrEnum):
    """The time limits of an inquiry (OPIC arts. 13-14): see INQUIRY_RULES."""

    COOPERATION = "inquiry_cooperation"
    FINDINGS = "inquiry_findings"
    FURTHER_INFORMATION = "inquiry_further_information"


class State(StrEnum):
    OPEN = "open"  # still to be met (the sweep decides when it becomes overdue)
    MET = "met"  # what it waits for happened on or after the day it runs from
    CANCELLED = "cancelled"  # the case moved past the stage where it mattered


# Lifecycle statuses (complaints.models.Communication.Status values), as plain strings.
VIEWS_ADOPTED, FOLLOW_UP, CLOSED = "views_adopted", "follow_up", "closed"


@dataclass(frozen=True)
class CaseDates:
    """The dates of one communication that time limits hang on."""

    status: str = "draft"
    final_domestic_decision_on: date | None = None
    submitted_on: date | None = None
    dispatched_on: date | None = None  # the first dispatch to the Committee, its day in Geneva
    registered_on: date | None = None
    transmitted_on: date | None = None
    observations_received_on: date | None = None
    comments_due_months: int = 2
    comments_sent_on: date | None = None
    views_adopted_on: date | None = None
    views_transmitted_on: date | None = None
    follow_up_received_on: date | None = None
    interim_measures_granted_on: date | None = None
    interim_report_due_on: date | None = None
    interim_reported_on: date | None = None
    clarification_requested_on: date | None = None
    clarification_due_on: date | None = None
    clarification_answered_on: date | None = None
    settlement_agreed_on: date | None = None
    settlement_follow_up_received_on: date | None = None
    settlement_request_on: date | None = None  # the Committee's latest request about the settlement
    settlement_request_due_on: date | None = None
    settlement_request_answered_on: date | None = None
    # The State asked that admissibility be examined separately (rule 18): the Committee's letter
    # sending its request to the author, the date set for the author's comments, the day they went.
    separate_admissibility_requested_on: date | None = None
    separate_admissibility_due_on: date | None = None
    separate_admissibility_answered_on: date | None = None
    # After the six-month follow-up reply: the Committee's request for further information.
    further_follow_up_requested_on: date | None = None
    further_follow_up_due_on: date | None = None
    further_follow_up_received_on: date | None = None


@dataclass(frozen=True)
class Computed:
    """A deadline as its rule computes it today."""

    kind: Kind | InquiryKind
    anchor_on: date
    due_on: date
    state: State
    met_on: date | None
    source: str


@dataclass(frozen=True)
class Rule:
    """One kind of time limit.

    ``anchor`` returns the day the limit runs from (None: it does not run yet); ``due`` the last
    day to act; ``met`` the day what it waits for happened; ``ends_with`` the statuses in which
    it no longer applies when unmet. With ``met_after_anchor`` only a day on or after the anchor
    counts (comments on a first round of observations do not answer the second round).
    """

    kind: Kind
    source: str
    anchor: Callable[[CaseDates], date | None]
    due: Callable[[CaseDates, date], date]
    met: Callable[[CaseDates], date | None]
    ends_with: frozenset[str]
    met_after_anchor: bool = True


def _months(count: int) -> Callable[[CaseDates, date], date]:
    return lambda case, anchor: add_months(anchor, count)


def _filed_on(case: CaseDates) -> date | None:
    """The day the communication reached the Committee: its dispatch, else its registration.

    A case sent outside the portal has no dispatch; its registration shows that it arrived.
    """
    return case.dispatched_on or case.registered_on


def _views_transmitted(case: CaseDates) -> date | None:
    """The day the Views went to the State; until it is recorded, the day of their adoption.

    The Committee transmits its Views "without delay" (OPIC art. 10(5)), so the adoption is never
    later than the transmission: a deadline counted from it falls no later than the true one.
    """
    return case.views_transmitted_on or case.views_adopted_on


def _clarification_due(case: CaseDates, anchor: date) -> date:
    assert case.clarification_due_on is not None  # the anchor is only set when it is
    return case.clarification_due_on


def _clarification_anchor(case: CaseDates) -> date | None:
    if case.clarification_requested_on is None or case.clarification_due_on is None:
        return None
    return min(case.clarification_requested_on, case.clarification_due_on)


def _interim_anchor(case: CaseDates) -> date | None:
    if case.interim_report_due_on is None:
        return None
    granted = case.interim_measures_granted_on
    return (
        granted
        if granted is not None and granted <= case.interim_report_due_on
        else case.interim_report_due_on
    )


def _interim_due(case: CaseDates, anchor: date) -> date:
    assert case.interim_report_due_on is not None  # anchor is only set when it is
    return case.interim_report_due_on


def _set_case_by_case(requested: date | None, due: date | None) -> date | None:
    """The anchor of a limit set in a letter: the letter's day (or the due day, if earlier)."""
    if requested is None or due is None:
        return None
    return min(requested, due)


def _given(due: Callable[[CaseDates], date | None]) -> Callable[[CaseDates, date], date]:
    """The due date of a limit set case by case: the date the caseworker copied from the letter."""

    def due_on(case: CaseDates, anchor: date) -> date:
        found = due(case)
        assert found is not None  # the anchor is only set when it is
        return found

    return due_on


RULES: Final[tuple[Rule, ...]] = (
    # "not submitted within one year after the exhaustion of domestic remedies" makes a
    # communication inadmissible, unless it was impossible to submit within that time. It is
    # submitted when it is sent to the Committee (complaints.dispatch), not when the portal's form
    # is signed: until then the limit stays open and its reminders go on.
    Rule(
        kind=Kind.FILING,
        source="OPIC art. 7(h)",
        anchor=lambda case: case.final_domestic_decision_on,
        due=lambda case, anchor: add_years(anchor, 1),
        met=_filed_on,
        ends_with=frozenset({CLOSED}),
        met_after_anchor=False,  # once sent, the filing limit no longer runs
    ),
    # The secretariat may ask the author for clarification or more information and set a time
    # limit for the answer; the caseworker records both dates from its letter.
    Rule(
        kind=Kind.CLARIFICATION,
        source="Rules of procedure under OPIC (CRC/C/62/3), rule 15 (time limit set in the request)",
        anchor=_clarification_anchor,
        due=_clarification_due,
        met=lambda case: case.clarification_answered_on,
        ends_with=frozenset({CLOSED}),
    ),
    # The State submits written explanations or statements "within six months" of the
    # communication being brought to its attention.
    Rule(
        kind=Kind.STATE_EXPLANATIONS,
        source="OPIC art. 8(2); rules of procedure, rule 18",
        anchor=lambda case: case.transmitted_on,
        due=_months(6),
        met=lambda case: case.observations_received_on,
        ends_with=frozenset({VIEWS_ADOPTED, FOLLOW_UP, CLOSED}),
    ),
    # The State's observations go to the author for comments within the period the Committee
    # sets in its letter (two months unless the case says otherwise).
    Rule(
        kind=Kind.AUTHOR_COMMENTS,
        source="Rules of procedure under OPIC, rule 18 (period set by the Committee)",
        anchor=lambda case: case.observations_received_on,
        due=lambda case, anchor: add_months(anchor, case.comments_due_months),
        met=lambda case: case.comments_sent_on,
        ends_with=frozenset({VIEWS_ADOPTED, FOLLOW_UP, CLOSED}),
    ),
    # The State submits a written response on the action taken on the Committee's Views
    # "within six months", counted from their transmission to it, not from their adoption.
    Rule(
        kind=Kind.FOLLOW_UP,
        source="OPIC art. 11(1), six months from the transmission of the Views; rules of procedure, rule 28",
        anchor=_views_transmitted,
        due=_months(6),
        met=lambda case: case.follow_up_received_on,
        ends_with=frozenset({CLOSED}),
    ),
    # Interim measures: the Committee's letter names the date by which the State is to report
    # on them; the portal records that date as given.
    Rule(
        kind=Kind.INTERIM_MEASURES,
        source="OPIC art. 6; rules of procedure, rule 7 (date set in the Committee's request)",
        anchor=_interim_anchor,
        due=_interim_due,
        met=lambda case: case.interim_reported_on,
        ends_with=frozenset({VIEWS_ADOPTED, FOLLOW_UP, CLOSED}),
        met_after_anchor=False,  # one report answers the one request recorded
    ),
    # A State may ask, within the six months it has for its observations, that the admissibility
    # of the communication be examined separately from the merits (rule 18; the Committee's
    # decisions record such requests "in accordance with rule 18(5)", e.g. CRC/C/83/D/21/2017
    # para. 1.3). The request goes to the author for comments by a date the Committee's letter
    # sets: the caseworker enters it. The Working Group may also refuse the request.
    Rule(
        kind=Kind.ADMISSIBILITY_COMMENTS,
        source=(
            "Rules of procedure under OPIC (CRC/C/62/3, revised CRC/C/158), rule 18(5): "
            "comments on the State's request, by the date set in the Committee's letter"
        ),
        anchor=lambda case: _set_case_by_case(
            case.separate_admissibility_requested_on, case.separate_admissibility_due_on
        ),
        due=_given(lambda case: case.separate_admissibility_due_on),
        met=lambda case: case.separate_admissibility_answered_on,
        ends_with=frozenset({VIEWS_ADOPTED, FOLLOW_UP, CLOSED}),
    ),
    # After the six months of art. 11(1) the Committee may invite the State to submit further
    # information about the measures taken in response to its Views; it sets the date itself.
    Rule(
        kind=Kind.FURTHER_FOLLOW_UP,
        source=(
            "OPIC art. 11(2); rules of procedure, rule 28 (further information by the date "
            "set in the Committee's request)"
        ),
        anchor=lambda case: _set_case_by_case(
            case.further_follow_up_requested_on, case.further_follow_up_due_on
        ),
        due=_given(lambda case: case.further_follow_up_due_on),
        met=lambda case: case.further_follow_up_received_on,
        ends_with=frozenset({CLOSED}),
    ),
    # A friendly settlement reached under the Committee's auspices closes the examination (OPIC
    # art. 9(2)), and the Committee follows up its terms as it follows up Views: the State reports
    # within six months on what it did (rules of procedure, rule 28, "Follow-up to Views of the
    # Committee and friendly settlement agreements"). Closing the case does not end it.
    Rule(
        kind=Kind.SETTLEMENT_FOLLOW_UP,
        source="OPIC art. 9; rules of procedure (CRC/C/62/3), rule 28: the State's report on the terms",
        anchor=lambda case: case.settlement_agreed_on,
        due=_months(6),
        met=lambda case: case.settlement_follow_up_received_on,
        ends_with=frozenset(),
    ),
    # The Committee's requests about the settlement or its terms set their own time limit.
    Rule(
        kind=Kind.SETTLEMENT_REQUEST,
        source="OPIC art. 9; rules of procedure, rules 25 and 28 (time limit set in the request)",
        anchor=lambda case: _set_case_by_case(case.settlement_request_on, case.settlement_request_due_on),
        due=_given(lambda case: case.settlement_request_due_on),
        met=lambda case: case.settlement_request_answered_on,
        ends_with=frozenset(),
    ),
)

RULE_BY_KIND: Final[dict[Kind, Rule]] = {rule.kind: rule for rule in RULES}


def compute(rule: Rule, case: CaseDates) -> Computed | None:
    """Return the deadline ``rule`` gives ``case``, or None when the date it runs from is not known."""
    anchor = rule.anchor(case)
    if anchor is None:
        return None
    try:
        due = rule.due(case, anchor)
    except OverflowError:
        due = date.max
    met_on = rule.met(case)
    if met_on is not None and rule.met_after_anchor and met_on < anchor:
        met_on = None
    if met_on is not None:
        state = State.MET
    elif case.status in rule.ends_with:
        state = State.CANCELLED
    else:
        state = State.OPEN
    return Computed(rule.kind, anchor, due, state, met_on, rule.source)


def compute_all(case: CaseDates) -> dict[Kind, Computed]:
    """Return every deadline that runs for ``case``, by kind."""
    found = {}
    for rule in RULES:
        computed = compute(rule, case)
        if computed is not None:
            found[rule.kind] = computed
    return found


# ---- The inquiry procedure (OPIC arts. 13-14) ----

INQUIRY_CLOSED = "closed"


@dataclass(frozen=True)
class InquiryDates:
    """The dates of one inquiry that its time limits hang on (complaints.models.Inquiry)."""

    status: str = "submitted"
    cooperation_invited_on: date | None = None
    observations_due_on: date | None = None
    observations_received_on: date | None = None
    findings_transmitted_on: date | None = None
    findings_answered_on: date | None = None
    follow_up_requested_on: date | None = None
    follow_up_due_on: date | None = None
    follow_up_received_on: date | None = None


@dataclass(frozen=True)
class InquiryRule:
    kind: InquiryKind
    source: str
    anchor: Callable[[InquiryDates], date | None]
    due: Callable[[InquiryDates, date], date]
    met: Callable[[InquiryDates], date | None]


def _inquiry_given(due: Callable[[InquiryDates], date | None]) -> Callable[[InquiryDates, date], date]:
    def due_on(inquiry: InquiryDates, anchor: date) -> date:
        found = due(inquiry)
        assert found is not None  # the anchor is only set when it is
        return found

    return due_on


INQUIRY_RULES: Final[tuple[InquiryRule, ...]] = (
    # On reliable information the Committee invites the State to cooperate and to submit
    # observations "without delay": the treaty fixes no period, the Committee's letter gives a date.
    # Art. 13 as published with the Italian ratification law, Gazzetta Ufficiale 15G00215
    # (gazzettaufficiale.it, "Protocollo-art. 13"): the source of the periods below.
    InquiryRule(
        kind=InquiryKind.COOPERATION,
        source="OPIC art. 13(1): observations without delay, by the date set in the Committee's invitation",
        anchor=lambda inquiry: _set_case_by_case(inquiry.cooperation_invited_on, inquiry.observations_due_on),
        due=_inquiry_given(lambda inquiry: inquiry.observations_due_on),
        met=lambda inquiry: inquiry.observations_received_on,
    ),
    # The findings go to the State without delay (art. 13(4)); the State submits its observations
    # "as soon as possible and within six months" of receiving them (art. 13(5)).
    InquiryRule(
        kind=InquiryKind.FINDINGS,
        source="OPIC art. 13(5): six months from the transmission of the findings (art. 13(4))",
        anchor=lambda inquiry: inquiry.findings_transmitted_on,
        due=lambda inquiry, anchor: add_months(anchor, 6),
        met=lambda inquiry: inquiry.findings_answered_on,
    ),
    # After those six months the Committee may invite the State to inform it of the measures taken
    # (art. 14(1)), by a date it sets; it may also ask in the State's periodic reports (art. 14(2)).
    InquiryRule(
        kind=InquiryKind.FURTHER_INFORMATION,
        source="OPIC art. 14(1)-(2): further information, by the date set in the Committee's invitation",
        anchor=lambda inquiry: _set_case_by_case(inquiry.follow_up_requested_on, inquiry.follow_up_due_on),
        due=_inquiry_given(lambda inquiry: inquiry.follow_up_due_on),
        met=lambda inquiry: inquiry.follow_up_received_on,
    ),
)


def compute_inquiry(inquiry: InquiryDates) -> list[Computed]:
    """Return the time limits that run for an inquiry, in the order of the procedure.

    A limit is met by an answer on or after the day it runs from (a second request for further
    information is not answered by the first answer); a closed inquiry's unmet limits no longer apply.
    """
    found = []
    for rule in INQUIRY_RULES:
        anchor = rule.anchor(inquiry)
        if anchor is None:
            continue
        due = rule.due(inquiry, anchor)
        met_on = rule.met(inquiry)
        if met_on is not None and met_on < anchor:
            met_on = None
        if met_on is not None:
            state = State.MET
        elif inquiry.status == INQUIRY_CLOSED:
            state = State.CANCELLED
        else:
            state = State.OPEN
        found.append(Computed(rule.kind, anchor, due, state, met_on, rule.source))
    return found


# ---- When to remind ----

REMINDER_DAYS: Final[tuple[int, ...]] = (30, 14, 7, 1)
OVERDUE: Final = "overdue"


def stages(due_on: date) -> list[tuple[str, date]]:
    """Return the reminder stages of a deadline with the day each one falls on, in order.

    "30", "14", "7" and "1" days before the due date, then "overdue" the day after it.
    """
    found = []
    for days in REMINDER_DAYS:
        try:
            found.append((str(days), due_on - timedelta(days=days)))
        except OverflowError:
            continue
    if due_on < date.max:
        found.append((OVERDUE, due_on + timedelta(days=1)))
    return found


def current_stage(due_on: date, today: date) -> str | None:
    """Return the latest stage that has come by ``today`` (None before the first one)."""
    reached = [name for name, day in stages(due_on) if day <= today]
    return reached[-1] if reached else None


def first_action_on(due_on: date) -> date | None:
    """Return the first day the sweep has something to do for a deadline due on ``due_on``."""
    found = stages(due_on)
    return found[0][1] if found else None


def next_action_after(due_on: date, today: date) -> date | None:
    """Return the first stage day after ``today``, or None when every stage has passed."""
    return next((day for _name, day in stages(due_on) if day > today), None)
