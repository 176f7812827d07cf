"""Request bodies: JSON that is too deep, too large or not quite JSON is a 400 with a clear error.

DRF imports this module while it defines APIView (DEFAULT_PARSER_CLASSES): it must not import
rest_framework.views.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from complaints.json_input import JSONInputError, body_limit, json_load


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
