"""Table tests for every deadline rule (complaints.deadlines.rules), with month-end and leap-year cases."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from complaints.deadlines.rules import (
    RULE_BY_KIND,
    RULES,
    CaseDates,
    Kind,
    State,
    compute,
    compute_all,
    current_stage,
    first_action_on,
    next_action_after,
    stages,
)

D = date


@pytest.mark.parametrize(
    ("final", "due"),
    [
        (D(2025, 2, 1), D(2026, 2, 1)),
        (D(2024, 2, 29), D(2025, 2, 28)),  # a leap day: the same day a year later does not exist
        (D(2023, 2, 28), D(2024, 2, 28)),
        (D(2023, 12, 31), D(2024, 12, 31)),
    ],
)
def test_filing_limit_is_one_year_after_the_final_domestic_decision(final: date, due: date) -> None:
    computed = compute(RULE_BY_KIND[Kind.FILING], CaseDates(final_domestic_decision_on=final))
    assert computed is not None
    assert (computed.anchor_on, computed.due_on, computed.state) == (final, due, State.OPEN)
    assert computed.source == "OPIC art. 7(h)"


@pytest.mark.parametrize(
    ("transmitted", "due"),
    [
        (D(2025, 3, 10), D(2025, 9, 10)),
        (D(2025, 8, 31), D(2026, 2, 28)),  # 31 August + 6 months: clamped to the end of February
        (D(2023, 8, 31), D(2024, 2, 29)),  # ... which is the 29th in a leap year
        (D(2025, 12, 31), D(2026, 6, 30)),
        (D(2025, 7, 31), D(2026, 1, 31)),
        (D(2024, 2, 29), D(2024, 8, 29)),
    ],
)
def test_state_explanations_are_due_six_calendar_months_after_transmittal(
    transmitted: date, due: date
) -> None:
    computed = compute(
        RULE_BY_KIND[Kind.STATE_EXPLANATIONS], CaseDates(status="transmitted", transmitted_on=transmitted)
    )
    assert computed is not None
    assert computed.due_on == due
    assert computed.source.startswith("OPIC art. 8(2)")


@pytest.mark.parametrize(
    ("received", "months", "due"),
    [
        (D(2025, 3, 10), 2, D(2025, 5, 10)),  # the default period of rule 18
        (D(2025, 12, 31), 2, D(2026, 2, 28)),
        (D(2027, 12, 31), 2, D(2028, 2, 29)),
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2025, 5, 31), 3, D(2025, 8, 31)),
        (D(2025, 10, 31), 4, D(2026, 2, 28)),
    ],
)
def test_author_comments_are_due_after_the_period_the_committee_set(
    received: date, months: int, due: date
) -> None:
    computed = compute(
        RULE_BY_KIND[Kind.AUTHOR_COMMENTS],
        CaseDates(
            status="observations_received", observations_received_on=received, comments_due_months=months
        ),
    )
    assert computed is not None
    assert computed.due_on == due
    assert "rule 18" in computed.source


@pytest.mark.parametrize(
    ("views", "due"),
    [(D(2025, 6, 4), D(2025, 12, 4)), (D(2025, 8, 31), D(2026, 2, 28)), (D(2027, 8, 30), D(2028, 2, 29))],
)
def test_follow_up_is_due_six_months_after_the_views(views: date, due: date) -> None:
    computed = compute(
        RULE_BY_KIND[Kind.FOLLOW_UP], CaseDates(status="views_adopted", views_adopted_on=views)
    )
    assert computed is not None
    assert computed.due_on == due
    assert computed.source.startswith("OPIC art. 11(1)")


@pytest.mark.parametrize(
    ("adopted", "transmitted", "due"),
    [
        (D(2025, 6, 4), D(2025, 6, 20), D(2025, 12, 20)),
        (D(2025, 8, 20), D(2025, 8, 31), D(2026, 2, 28)),  # a month end: the end of February
        (D(2027, 8, 1), D(2027, 8, 31), D(2028, 2, 29)),  # and of a leap February
    ],
)
def test_follow_up_runs_six_months_from_the_transmission_of_the_views_not_their_adoption(
    adopted: date, transmitted: date, due: date
) -> None:
    case = CaseDates(status="views_adopted", views_adopted_on=adopted, views_transmitted_on=transmitted)
    computed = compute(RULE_BY_KIND[Kind.FOLLOW_UP], case)
    assert computed is not None
    assert (computed.anchor_on, computed.due_on) == (transmitted, due)
    assert "transmission" in computed.source


@pytest.mark.parametrize(
    ("requested", "due", "answered", "state"),
    [
        (D(2026, 3, 2), D(2026, 4, 30), None, State.OPEN),
        (D(2026, 3, 2), D(2026, 4, 30), D(2026, 4, 10), State.MET),
        # an answer sent before the request does not answer it
        (D(2026, 3, 2), D(2026, 4, 30), D(2026, 2, 1), State.OPEN),
    ],
)
def test_a_request_for_clarification_is_due_on_the_date_the_secretariat_set(
    requested: date, due: date, answered: date | None, state: State
) -> None:
    case = CaseDates(
        status="submitted",
        clarification_requested_on=requested,
        clarification_due_on=due,
        clarification_answered_on=answered,
    )
    computed = compute(RULE_BY_KIND[Kind.CLARIFICATION], case)
    assert computed is not None
    assert (computed.anchor_on, computed.due_on, computed.state) == (requested, due, state)
    assert "rule 15" in computed.source


def test_a_request_for_clarification_without_its_date_gives_no_deadline() -> None:
    case = CaseDates(status="submitted", clarification_requested_on=D(2026, 3, 2))
    assert compute(RULE_BY_KIND[Kind.CLARIFICATION], case) is None


def test_interim_measures_report_is_due_on_the_recorded_date() -> None:
    case = CaseDates(
        status="registered", interim_measures_granted_on=D(2025, 3, 1), interim_report_due_on=D(2025, 3, 15)
    )
    computed = compute(RULE_BY_KIND[Kind.INTERIM_MEASURES], case)
    assert computed is not None
    assert (computed.anchor_on, computed.due_on) == (D(2025, 3, 1), D(2025, 3, 15))
    assert computed.source.startswith("OPIC art. 6")
    assert (
        compute(RULE_BY_KIND[Kind.INTERIM_MEASURES], CaseDates(interim_measures_granted_on=D(2025, 3, 1)))
        is None
    )


# What meets a deadline, and when it stops applying.
@pytest.mark.parametrize(
    ("kind", "case", "state", "met_on"),
    [
        # Signed on the portal is not yet filed: the limit runs until the dossier is sent (art. 7(h)).
        (
            Kind.FILING,
            CaseDates(final_domestic_decision_on=D(2025, 2, 1), submitted_on=D(2025, 6, 1)),
            State.OPEN,
            None,
        ),
        (
            Kind.FILING,
            CaseDates(
                final_domestic_decision_on=D(2025, 2, 1),
                submitted_on=D(2025, 6, 1),
                dispatched_on=D(2025, 6, 3),
            ),
            State.MET,
            D(2025, 6, 3),
        ),
        # Sent outside the portal: its registration by the Committee shows that it arrived.
        (
            Kind.FILING,
            CaseDates(
                final_domestic_decision_on=D(2025, 2, 1),
                submitted_on=D(2025, 6, 1),
                registered_on=D(2025, 9, 1),
            ),
            State.MET,
            D(2025, 9, 1),
        ),
        # Sent late is still sent: the limit no longer runs (the admissibility check says the rest).
        (
            Kind.FILING,
            CaseDates(
                final_domestic_decision_on=D(2025, 2, 1),
                submitted_on=D(2026, 6, 1),
                dispatched_on=D(2026, 6, 1),
            ),
            State.MET,
            D(2026, 6, 1),
        ),
        (
            Kind.STATE_EXPLANATIONS,
            CaseDates(
                status="observations_received",
                transmitted_on=D(2025, 1, 10),
                observations_received_on=D(2025, 5, 2),
            ),
            State.MET,
            D(2025, 5, 2),
        ),
        (
            Kind.STATE_EXPLANATIONS,
            CaseDates(status="views_adopted", transmitted_on=D(2025, 1, 10)),
            State.CANCELLED,
            None,
        ),
        (
            Kind.STATE_EXPLANATIONS,
            CaseDates(status="closed", transmitted_on=D(2025, 1, 10)),
            State.CANCELLED,
            None,
        ),
        (
            Kind.AUTHOR_COMMENTS,
            CaseDates(
                status="comments_sent",
                observations_received_on=D(2025, 5, 2),
                comments_sent_on=D(2025, 6, 20),
            ),
            State.MET,
            D(2025, 6, 20),
        ),
        # A second round of observations: comments on the first round do not answer it.
        (
            Kind.AUTHOR_COMMENTS,
            CaseDates(
                status="observations_received",
                observations_received_on=D(2025, 9, 1),
                comments_sent_on=D(2025, 6, 20),
            ),
            State.OPEN,
            None,
        ),
        (
            Kind.FOLLOW_UP,
            CaseDates(
                status="follow_up", views_adopted_on=D(2025, 6, 4), follow_up_received_on=D(2025, 11, 30)
            ),
            State.MET,
            D(2025, 11, 30),
        ),
        (Kind.FOLLOW_UP, CaseDates(status="follow_up", views_adopted_on=D(2025, 6, 4)), State.OPEN, None),
        (Kind.FOLLOW_UP, CaseDates(status="closed", views_adopted_on=D(2025, 6, 4)), State.CANCELLED, None),
        (
            Kind.INTERIM_MEASURES,
            CaseDates(
                status="transmitted", interim_report_due_on=D(2025, 3, 15), interim_reported_on=D(2025, 3, 14)
            ),
            State.MET,
            D(2025, 3, 14),
        ),
        (
            Kind.INTERIM_MEASURES,
            CaseDates(status="views_adopted", interim_report_due_on=D(2025, 3, 15)),
            State.CANCELLED,
            None,
        ),
    ],
)
def test_what_meets_or_ends_a_deadline(
    kind: Kind, case: CaseDates, state: State, met_on: date | None
) -> None:
    computed = compute(RULE_BY_KIND[kind], case)
    assert computed is not None
    assert (computed.state, computed.met_on) == (state, met_on)


def test_no_date_no_deadline() -> None:
    assert compute_all(CaseDates()) == {}


def test_a_case_at_follow_up_has_every_deadline_computed_at_once() -> None:
    case = CaseDates(
        status="follow_up",
        final_domestic_decision_on=D(2024, 1, 15),
        submitted_on=D(2024, 6, 1),
        dispatched_on=D(2024, 6, 2),
        transmitted_on=D(2024, 8, 31),
        observations_received_on=D(2025, 2, 20),
        comments_sent_on=D(2025, 4, 1),
        views_adopted_on=D(2025, 8, 31),
        interim_measures_granted_on=D(2024, 9, 2),
        interim_report_due_on=D(2024, 9, 16),
        interim_reported_on=D(2024, 9, 10),
    )
    found = {kind: (c.due_on, c.state) for kind, c in compute_all(case).items()}
    assert found == {
        Kind.FILING: (D(2025, 1, 15), State.MET),
        Kind.STATE_EXPLANATIONS: (D(2025, 2, 28), State.MET),
        Kind.AUTHOR_COMMENTS: (D(2025, 4, 20), State.MET),
        Kind.FOLLOW_UP: (D(2026, 2, 28), State.OPEN),
        Kind.INTERIM_MEASURES: (D(2024, 9, 16), State.MET),
    }


def test_every_rule_cites_its_source() -> None:
    assert {rule.kind for rule in RULES} == set(Kind)
    for rule in RULES:
        assert "art." in rule.source or "rule" in rule.source


def test_the_rules_are_pure_python() -> None:
    tree = ast.parse(
        Path(__file__).resolve().parents[2].joinpath("complaints", "deadlines", "rules.py").read_text()
    )
    modules = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }
    assert not any(name and name.startswith("django") for name in modules)


# ---- Reminder stages ----


def test_stages_are_30_14_7_and_1_days_before_then_overdue_the_day_after() -> None:
    assert stages(D(2026, 3, 1)) == [
        ("30", D(2026, 1, 30)),
        ("14", D(2026, 2, 15)),
        ("7", D(2026, 2, 22)),
        ("1", D(2026, 2, 28)),
        ("overdue", D(2026, 3, 2)),
    ]


@pytest.mark.parametrize(
    ("today", "stage", "next_on"),
    [
        (D(2026, 1, 29), None, D(2026, 1, 30)),
        (D(2026, 1, 30), "30", D(2026, 2, 15)),
        (D(2026, 2, 20), "14", D(2026, 2, 22)),
        (D(2026, 2, 28), "1", D(2026, 3, 2)),
        (D(2026, 3, 1), "1", D(2026, 3, 2)),  # the due day itself: nothing new
        (D(2026, 3, 2), "overdue", None),
        (D(2026, 9, 1), "overdue", None),
    ],
)
def test_current_stage_and_next_action(today: date, stage: str | None, next_on: date | None) -> None:
    due = D(2026, 3, 1)
    assert current_stage(due, today) == stage
    assert next_action_after(due, today) == next_on
    assert first_action_on(due) == D(2026, 1, 30)


def test_stages_survive_the_ends_of_the_calendar() -> None:
    assert stages(date.max)[-1][0] == "1"
    assert compute(RULE_BY_KIND[Kind.FILING], CaseDates(final_domestic_decision_on=D(9999, 6, 1))) is not None
