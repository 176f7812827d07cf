"""Table tests for the rules added after dispatch: a State's request to examine admissibility
separately, further follow-up, and the inquiry procedure (OPIC arts. 13-14). Pure: dates in, deadlines out."""

from __future__ import annotations

from datetime import date

import pytest

from complaints.deadlines.rules import (
    INQUIRY_RULES,
    RULE_BY_KIND,
    CaseDates,
    InquiryDates,
    InquiryKind,
    Kind,
    State,
    compute,
    compute_inquiry,
)

D = date


# ---- A State's request to examine admissibility separately (rule 18(5)) ----


def test_the_author_comments_on_a_separate_admissibility_request_by_the_date_in_the_letter() -> None:
    case = CaseDates(
        status="transmitted",
        separate_admissibility_requested_on=D(2026, 1, 31),
        separate_admissibility_due_on=D(2026, 3, 31),
    )
    computed = compute(RULE_BY_KIND[Kind.ADMISSIBILITY_COMMENTS], case)
    assert computed is not None
    assert (computed.anchor_on, computed.due_on, computed.state) == (
        D(2026, 1, 31),
        D(2026, 3, 31),
        State.OPEN,
    )
    assert "rule 18" in computed.source


@pytest.mark.parametrize(
    ("answered", "status", "state"),
    [
        (D(2026, 3, 31), "transmitted", State.MET),  # on the last day
        (D(2026, 1, 30), "transmitted", State.OPEN),  # before the letter: answers an earlier round
        (None, "views_adopted", State.CANCELLED),  # the Committee decided: the comments no longer matter
        (None, "closed", State.CANCELLED),
    ],
)
def test_what_meets_or_ends_the_comments_on_a_separate_admissibility_request(
    answered: date | None, status: str, state: State
) -> None:
    case = CaseDates(
        status=status,
        separate_admissibility_requested_on=D(2026, 1, 31),
        separate_admissibility_due_on=D(2026, 3, 31),
        separate_admissibility_answered_on=answered,
    )
    computed = compute(RULE_BY_KIND[Kind.ADMISSIBILITY_COMMENTS], case)
    assert computed is not None
    assert computed.state == state


def test_a_separate_admissibility_request_without_its_date_gives_no_deadline() -> None:
    case = CaseDates(status="transmitted", separate_admissibility_requested_on=D(2026, 1, 31))
    assert compute(RULE_BY_KIND[Kind.ADMISSIBILITY_COMMENTS], case) is None


# ---- Further follow-up (OPIC art. 11(2); rule 28) ----


def test_further_follow_up_is_due_on_the_date_the_committee_set_and_met_by_the_states_answer() -> None:
    case = CaseDates(
        status="follow_up",
        views_adopted_on=D(2025, 8, 31),
        views_transmitted_on=D(2025, 9, 10),
        follow_up_received_on=D(2026, 3, 1),
        further_follow_up_requested_on=D(2026, 5, 29),
        further_follow_up_due_on=D(2026, 8, 31),
    )
    computed = compute(RULE_BY_KIND[Kind.FURTHER_FOLLOW_UP], case)
    assert computed is not None
    assert (computed.due_on, computed.state) == (D(2026, 8, 31), State.OPEN)
    answered = compute(
        RULE_BY_KIND[Kind.FURTHER_FOLLOW_UP],
        CaseDates(**{**case.__dict__, "further_follow_up_received_on": D(2026, 8, 31)}),
    )
    assert answered is not None
    assert (answered.state, answered.met_on) == (State.MET, D(2026, 8, 31))
    # The six-month reply is not the further information.
    follow_up = compute(RULE_BY_KIND[Kind.FOLLOW_UP], case)
    assert follow_up is not None
    assert (follow_up.due_on, follow_up.state) == (D(2026, 3, 10), State.MET)


def test_further_follow_up_still_runs_after_the_views_but_not_after_closure() -> None:
    for status, state in (
        ("views_adopted", State.OPEN),
        ("follow_up", State.OPEN),
        ("closed", State.CANCELLED),
    ):
        case = CaseDates(
            status=status,
            further_follow_up_requested_on=D(2026, 5, 29),
            further_follow_up_due_on=D(2026, 8, 31),
        )
        computed = compute(RULE_BY_KIND[Kind.FURTHER_FOLLOW_UP], case)
        assert computed is not None
        assert computed.state == state


# ---- The inquiry procedure (OPIC arts. 13-14) ----


@pytest.mark.parametrize(
    ("transmitted", "due"),
    [
        (D(2026, 8, 31), D(2027, 2, 28)),  # 31 August + 6 months: the end of February
        (D(2027, 8, 31), D(2028, 2, 29)),  # ... in a leap year
        (D(2026, 1, 15), D(2026, 7, 15)),
        (D(2026, 12, 31), D(2027, 6, 30)),
    ],
)
def test_a_state_answers_the_findings_of_an_inquiry_within_six_calendar_months(
    transmitted: date, due: date
) -> None:
    (computed,) = compute_inquiry(
        InquiryDates(status="findings_transmitted", findings_transmitted_on=transmitted)
    )
    assert computed.kind == InquiryKind.FINDINGS
    assert (computed.anchor_on, computed.due_on, computed.state) == (transmitted, due, State.OPEN)
    assert "art. 13(5)" in computed.source


def test_the_invitation_to_cooperate_runs_to_the_date_in_the_letter_and_closes_with_the_observations() -> (
    None
):
    invited = InquiryDates(
        status="cooperation_invited", cooperation_invited_on=D(2026, 2, 2), observations_due_on=D(2026, 4, 2)
    )
    (computed,) = compute_inquiry(invited)
    assert (computed.kind, computed.due_on, computed.state) == (
        InquiryKind.COOPERATION,
        D(2026, 4, 2),
        State.OPEN,
    )
    answered = InquiryDates(**{**invited.__dict__, "observations_received_on": D(2026, 4, 1)})
    (computed,) = compute_inquiry(answered)
    assert (computed.state, computed.met_on) == (State.MET, D(2026, 4, 1))


def test_a_second_request_for_further_information_is_not_met_by_the_first_answer() -> None:
    inquiry = InquiryDates(
        status="follow_up",
        findings_transmitted_on=D(2025, 1, 10),
        findings_answered_on=D(2025, 7, 10),
        follow_up_requested_on=D(2026, 3, 1),
        follow_up_due_on=D(2026, 6, 1),
        follow_up_received_on=D(2025, 12, 1),  # the answer to the first round
    )
    found = {c.kind: c for c in compute_inquiry(inquiry)}
    assert found[InquiryKind.FINDINGS].state == State.MET
    assert (found[InquiryKind.FURTHER_INFORMATION].state, found[InquiryKind.FURTHER_INFORMATION].met_on) == (
        State.OPEN,
        None,
    )


def test_a_closed_inquiry_leaves_no_open_deadline() -> None:
    inquiry = InquiryDates(status="closed", findings_transmitted_on=D(2026, 1, 15))
    assert [c.state for c in compute_inquiry(inquiry)] == [State.CANCELLED]


def test_no_step_no_inquiry_deadline_and_every_inquiry_rule_cites_its_article() -> None:
    assert compute_inquiry(InquiryDates()) == []
    assert {rule.kind for rule in INQUIRY_RULES} == set(InquiryKind)
    for rule in INQUIRY_RULES:
        assert "OPIC art. 1" in rule.source
