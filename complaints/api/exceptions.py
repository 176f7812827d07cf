"""The API's exception handler (EXCEPTION_HANDLER)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from complaints.json_input import body_limit


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, which also answers a body Django refuses (too large, too many fields) in JSON."""
    if isinstance(exc, RequestDataTooBig):
        exc = ParseError(_("The request body is larger than %(limit)d bytes.") % {"limit": body_limit()})
    elif isinstance(exc, (TooManyFieldsSent, TooManyFilesSent)):
        exc = ParseError(_("The request has too many fields or files."))
    return drf_exception_handler(exc, context)
