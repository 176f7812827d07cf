"""Pages of a list: a page number that is not a number is a 400; a page past the end stays a 404.

A list counts at most ``COUNT_CAP`` + 1 rows, as the case list does (casework/pagination.py): up to
the cap ``count`` is exact, beyond it ``count`` is null and ``count_more_than`` says "more than
``COUNT_CAP``"; whether a next page exists is then learnt by reading one row more than a page.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.core.paginator import EmptyPage, Page, Paginator
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

# The same cap as the case list's: nobody pages through a thousand cases.
COUNT_CAP = 1000


class CappedPage(Page):
    """A page of a list that was not counted to the end: it knows whether a next page exists."""

    def __init__(self, object_list: Any, number: int, paginator: Any, *, more: bool) -> None:
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self) -> bool:
        return self.more


class CappedPaginator(Paginator):
    """Django's Paginator, counting at most ``COUNT_CAP`` + 1 rows of the list."""

    @cached_property
    def counted(self) -> int:
        rows: Any = self.object_list  # a queryset: the API paginates nothing else
        return int(rows.order_by()[: COUNT_CAP + 1].count())

    @property
    def is_capped(self) -> bool:
        return self.counted > COUNT_CAP

    @cached_property
    def count(self) -> int:
        return min(self.counted, COUNT_CAP)

    def page(self, number: Any) -> Page:
        if not self.is_capped:
            return super().page(number)
        number = self.validate_number_only(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows:
            raise EmptyPage("That page contains no results")  # DRF answers 404 with its own message
        return CappedPage(rows[: self.per_page], number, self, more=len(rows) > self.per_page)

    def validate_number_only(self, number: Any) -> int:
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            value = int(number)
        except (TypeError, ValueError) as error:
            raise EmptyPage("That page number is not an integer") from error
        if value < 1:
            raise EmptyPage("That page number is less than 1")
        return value


class PageNumbers(PageNumberPagination):
    django_paginator_class = CappedPaginator

    def get_page_number(self, request: Request, paginator: Paginator[Any]) -> Any:
        asked = request.query_params.get(self.page_query_param)
        if asked in self.last_page_strings and isinstance(paginator, CappedPaginator) and paginator.is_capped:
            raise ValidationError({self.page_query_param: [_("This list is too long to go to its end.")]})
        number = super().get_page_number(request, paginator)
        if number in self.last_page_strings:
            return number
        try:
            int(number)
        except (TypeError, ValueError) as error:  # ValueError also for more digits than int() reads
            raise ValidationError({self.page_query_param: [_("Not a page number.")]}) from error
        return number

    def get_paginated_response(self, data: Any) -> Response:
        assert self.page is not None
        paginator = self.page.paginator
        capped = isinstance(paginator, CappedPaginator) and paginator.is_capped
        return Response(
            {
                "count": None if capped else paginator.count,
                "count_more_than": COUNT_CAP if capped else None,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        response = super().get_paginated_response_schema(schema)
        properties = response["properties"]
        properties["count"] = {
            "type": "integer",
            "nullable": True,
            "example": 123,
            "description": f"The number of items, or null beyond {COUNT_CAP}.",
        }
        properties["count_more_than"] = {
            "type": "integer",
            "nullable": True,
            "example": None,
            "description": f"{COUNT_CAP} when the list holds more items than that.",
        }
        return response
