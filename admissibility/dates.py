"""Calendar arithmetic. Pure functions: no clock, "today" is always an argument."""

from __future__ import annotations

import calendar
from datetime import date


def add_months(day: date, months: int) -> date:
    """Return the same day ``months`` calendar months later, clamped to the month's last day.

    31 Aug + 6 months = 28 Feb (29 Feb in a leap year). ``months`` may be negative.
    Raise OverflowError when the result is outside the years 1..9999.
    """
    years, month_index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month_index + 1
    if not 1 <= year <= 9999:
        raise OverflowError(f"{day.isoformat()} + {months} months is out of range")
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    """Return the same calendar day ``years`` later; 29 Feb becomes 28 Feb in a common year.

    Raise OverflowError when the result is outside the years 1..9999.
    """
    year = day.year + years
    if not 1 <= year <= 9999:
        raise OverflowError(f"{day.isoformat()} + {years} years is out of range")
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a common year
        return day.replace(year=year, day=28)


def is_adult_on(date_of_birth: date, day: date) -> bool:
    """Return whether someone born on ``date_of_birth`` is 18 or older on ``day``.

    Someone born on 29 February turns 18 on 1 March of a common year: the later of the two
    possible days, so that the engine never treats a child as an adult one day too early.
    (Comparing (year, month, day) with the birth date moved 18 years on gives exactly that.)
    """
    return (date_of_birth.year + 18, date_of_birth.month, date_of_birth.day) <= (day.year, day.month, day.day)
