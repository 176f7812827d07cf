"""Request bodies: JSON that is too deep, too large or not quite JSON is a 400 with a clear error."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from ..json_input import MAX_BYTES, JSONInputError, json_load


def body_limit() -> int:
    """The largest body read, in bytes: Django's own limit for request bodies."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return MAX_BYTES if limit is None else int(limit)


class JSONBodyError(ParseError):
    """The JSON body cannot be read; ``path`` names the field at fault, or is None for the whole body."""

    def __init__(self, error: JSONInputError) -> None:
        self.path = error.path
        self.message = error.message
        super().__init__(str(error))


class BoundedJSONParser(parsers.JSONParser):
    """DRF's JSON parser, with complaints.json_input's limits on depth, size, numbers and text."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        limit = body_limit()
        raw = stream.read(limit + 1)
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            return json_load(raw, encoding=encoding, max_bytes=limit)
        except JSONInputError as error:
            raise JSONBodyError(error) from error


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, which also answers a body Django refuses (too large, too many fields) in JSON."""
    if isinstance(exc, RequestDataTooBig):
        exc = ParseError(_("The request body is larger than %(limit)d bytes.") % {"limit": body_limit()})
    elif isinstance(exc, (TooManyFieldsSent, TooManyFilesSent)):
        exc = ParseError(_("The request has too many fields or files."))
    return drf_exception_handler(exc, context)
