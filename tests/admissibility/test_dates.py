"""Calendar arithmetic for deadlines and ages."""

from __future__ import annotations

from datetime import date

import pytest

from admissibility import add_months, add_years
from admissibility.dates import is_adult_on


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        pytest.param(date(2024, 8, 31), 6, date(2025, 2, 28), id="31 august plus 6 is 28 february"),
        pytest.param(
            date(2023, 8, 31), 6, date(2024, 2, 29), id="31 august plus 6 is 29 february in a leap year"
        ),
        pytest.param(date(2024, 1, 31), 1, date(2024, 2, 29), id="31 january plus 1"),
        pytest.param(date(2024, 3, 31), 1, date(2024, 4, 30), id="31 march plus 1 is 30 april"),
        pytest.param(date(2024, 11, 15), 3, date(2025, 2, 15), id="across a year end"),
        pytest.param(date(2024, 2, 7), 3, date(2024, 5, 7), id="kazakhstan deposit plus three months"),
        pytest.param(date(2024, 3, 31), -1, date(2024, 2, 29), id="backwards"),
        pytest.param(date(2024, 5, 7), 0, date(2024, 5, 7), id="zero"),
    ],
)
def test_months_are_calendar_months_clamped_to_the_month_end(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        pytest.param(date(2024, 2, 29), 1, date(2025, 2, 28), id="29 february to 28 february"),
        pytest.param(date(2024, 2, 29), 4, date(2028, 2, 29), id="29 february to 29 february"),
        pytest.param(date(2024, 11, 20), 1, date(2025, 11, 20), id="same calendar day"),
        pytest.param(date(2025, 1, 1), -1, date(2024, 1, 1), id="backwards"),
    ],
)
def test_years_keep_the_calendar_day(day: date, years: int, expected: date) -> None:
    assert add_years(day, years) == expected


def test_dates_past_the_end_of_the_calendar_raise_an_overflow_error() -> None:
    with pytest.raises(OverflowError):
        add_years(date(9999, 12, 31), 1)
    with pytest.raises(OverflowError):
        add_months(date(1, 1, 1), -1)


@pytest.mark.parametrize(
    ("born", "on", "adult"),
    [
        pytest.param(date(2006, 6, 1), date(2024, 5, 31), False, id="the day before the 18th birthday"),
        pytest.param(date(2006, 6, 1), date(2024, 6, 1), True, id="on the 18th birthday"),
        pytest.param(
            date(2008, 2, 29), date(2026, 2, 28), False, id="born on 29 february not yet on 28 february"
        ),
        pytest.param(date(2008, 2, 29), date(2026, 3, 1), True, id="born on 29 february adult on 1 march"),
        pytest.param(date(2004, 2, 29), date(2022, 2, 28), False, id="a common year again"),
        pytest.param(date(1992, 2, 29), date(2010, 2, 28), False, id="born 29 february 1992"),
        pytest.param(date(1996, 2, 29), date(2014, 3, 1), True, id="leap birth in a common year"),
        pytest.param(date(9990, 1, 1), date(9999, 12, 31), False, id="born near the end of the calendar"),
        pytest.param(date(2030, 1, 1), date(2024, 1, 1), False, id="born after the day"),
    ],
)
def test_a_person_is_an_adult_from_their_18th_birthday(born: date, on: date, adult: bool) -> None:
    assert is_adult_on(born, on) is adult
