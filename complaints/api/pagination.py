"""Pages of a list: a page number that is not a number is a 400; a page past the end stays a 404."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request


class PageNumbers(PageNumberPagination):
    def get_page_number(self, request: Request, paginator: Paginator[Any]) -> Any:
        number = super().get_page_number(request, paginator)
        if number in self.last_page_strings:
            return number
        try:
            int(number)
        except (TypeError, ValueError) as error:  # ValueError also for more digits than int() reads
            raise ValidationError({self.page_query_param: [_("Not a page number.")]}) from error
        return number
