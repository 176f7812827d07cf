"""Pages of a long list that count only as far as a person would read.

Django's ``Paginator`` counts every row of the list before showing one page of it; over the visibility
rule of a large workspace that count costs more than the page. ``paginate_capped`` counts at most
``cap + 1`` rows: up to ``cap`` the total and the number of pages are exact, beyond it the total is
"more than ``cap``" and whether a next page exists is learnt by reading one row more than a page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from math import ceil
from typing import Any, Generic, TypeVar

from django.db.models import Model, QuerySet

T = TypeVar("T", bound=Model)

# No list has a billion pages; a larger number only asks the database for an offset it cannot hold.
MAX_PAGE = 1_000_000_000


@dataclass(frozen=True)
class CappedPage(Generic[T]):
    """One page of a list whose total is exact up to ``cap`` rows (``total`` is None beyond)."""

    object_list: list[T]
    number: int
    per_page: int
    cap: int
    total: int | None
    has_next_page: bool

    @property
    def is_capped(self) -> bool:
        """True when the list holds more than ``cap`` rows and was not counted to the end."""
        return self.total is None

    @property
    def num_pages(self) -> int | None:
        """The number of pages, or None when the list was not counted to the end."""
        if self.total is None:
            return None
        return max(1, ceil(self.total / self.per_page))

    def has_next(self) -> bool:
        return self.has_next_page

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_previous() or self.has_next()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def __len__(self) -> int:
        return len(self.object_list)

    def __iter__(self) -> Iterator[T]:
        return iter(self.object_list)


def page_number(value: Any) -> int:
    """Read a ``?page=`` value as Django's ``Paginator.get_page`` does; anything unreadable is page 1."""
    try:
        if isinstance(value, float) and not value.is_integer():
            raise ValueError
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


def paginate_capped(rows: QuerySet[T], number: Any, *, per_page: int, cap: int) -> CappedPage[T]:
    """Return page ``number`` of ``rows`` (an ordered queryset), counting at most ``cap + 1`` rows.

    Like ``Paginator.get_page``, it never fails on the page number: a value that is not a whole
    number gives the first page, one below 1 the first page and one past the end the last page.
    Two queries per page; a page past the end of a list longer than ``cap`` also counts it whole.
    """
    counted = rows.order_by()[: cap + 1].count()
    number = page_number(number)
    if counted <= cap:
        last = max(1, ceil(counted / per_page))
        number = min(number, last)
        start = (number - 1) * per_page
        items = list(rows[start : start + per_page])
        return CappedPage(items, number, per_page, cap, counted, has_next_page=number < last)
    start = (number - 1) * per_page
    items = list(rows[start : start + per_page + 1])
    if items or number == 1:
        return CappedPage(items[:per_page], number, per_page, cap, None, len(items) > per_page)
    # Past the end of a long list (an edited address, or cases gone since the link was made).
    total = rows.order_by().count()
    last = max(1, ceil(total / per_page))
    start = (last - 1) * per_page
    items = list(rows[start : start + per_page])
    return CappedPage(items, last, per_page, cap, total if total <= cap else None, has_next_page=False)
