"""Decode a JSON document from an untrusted source (an API body, a file, standard input).

Python's json module recurses once per level of nesting, so 100,000 nested lists end in a
RecursionError; it refuses an integer of 5,000 digits with a bare ValueError; and it lets through
NaN, Infinity, 1e999 and lone surrogate escapes ("\\ud800"), which cannot be written back out as
JSON or UTF-8. ``json_load`` checks all of that, without recursing itself, and raises
JSONInputError naming the problem and, where there is one, the field (as ``claims[0].article``).
"""

from __future__ import annotations

import codecs
import json
import math
import re
from itertools import accumulate

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

MAX_DEPTH = 32  # the deepest document the portal reads is 3 levels deep
MAX_BYTES = 2_621_440  # Django's default DATA_UPLOAD_MAX_MEMORY_SIZE
MAX_INT_DIGITS = 100  # longer integers are refused before int() is asked to convert them
ROOT = "$"  # the path of the document itself, as in admissibility.parsing

# A JSON string, possessive so that an unterminated one cannot make the pattern backtrack.
_STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL)
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def body_limit() -> int:
    """The largest document read, in bytes: Django's own limit for request bodies."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return MAX_BYTES if limit is None else int(limit)


class JSONInputError(ValueError):
    """The document cannot be read. ``path`` names the field at fault, or is None for the whole."""

    def __init__(self, message: str, path: str | None = None) -> None:
        self.message = message
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class _Refused:
    """Stands in for a number json decoded but the portal refuses; the walk names its field."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


_NOT_A_NUMBER = _Refused(gettext_noop("NaN and Infinity are not numbers in JSON."))
_TOO_LARGE = _Refused(gettext_noop("The number is too large."))


def _parse_int(digits: str) -> int | _Refused:
    return int(digits) if len(digits) <= MAX_INT_DIGITS else _TOO_LARGE


def _parse_constant(name: str) -> _Refused:
    return _NOT_A_NUMBER


def nesting_depth(text: str) -> int:
    """How deeply the arrays and objects of ``text`` nest, counted without recursing.

    Brackets inside strings do not count; the text need not be valid JSON.
    """
    skeleton = _NOT_A_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, skeleton)), default=0)


def json_load(
    raw: bytes, *, encoding: str = "utf-8", max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> object:
    """Decode ``raw`` as one JSON document; raise JSONInputError naming whatever is wrong with it."""
    if len(raw) > max_bytes:
        raise JSONInputError(_("The document is larger than %(limit)d bytes.") % {"limit": max_bytes})
    if raw.startswith(codecs.BOM_UTF8):
        raise JSONInputError(_("The document starts with a byte order mark; send UTF-8 without one."))
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise JSONInputError(
            _("The document is not %(encoding)s text (byte %(position)d).")
            % {"encoding": encoding.upper(), "position": error.start}
        ) from error
    if not text.strip():
        raise JSONInputError(_("The document is empty."))
    if nesting_depth(text) > max_depth:
        raise JSONInputError(
            _("The document nests lists and objects more than %(limit)d levels deep.") % {"limit": max_depth}
        )
    try:
        document = json.loads(text, parse_int=_parse_int, parse_constant=_parse_constant)
    except json.JSONDecodeError as error:
        raise JSONInputError(
            _("Not valid JSON: %(problem)s (line %(line)d, column %(column)d).")
            % {"problem": error.msg, "line": error.lineno, "column": error.colno}
        ) from error
    _check_values(document)
    return document


def _is_text(value: str) -> bool:
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, from an escape such as "\ud800"
        return False
    return True


def _child(path: str, key: object) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    name = str(key).encode("utf-8", "backslashreplace").decode("utf-8")
    return name if path == ROOT else f"{path}.{name}"


def _refusal(value: object) -> str | None:
    """Why a decoded scalar is refused, or None when it is fine."""
    if type(value) is str:
        return None if _is_text(value) else _("The text holds a lone surrogate escape, which is not Unicode.")
    if type(value) is float:
        return None if math.isfinite(value) else _("The number is too large.")
    if isinstance(value, _Refused):
        return _(value.message)
    return None


def _check_values(document: object) -> None:
    """Walk the decoded document (with a stack, not recursion) and refuse what json let through."""
    stack: list[tuple[str, object]] = [(ROOT, document)]
    while stack:
        path, value = stack.pop()
        items: list[tuple[object, object]]
        if type(value) is dict:
            for key in value:
                if not _is_text(key):
                    raise JSONInputError(
                        _("The name holds a lone surrogate escape, which is not Unicode."), _child(path, key)
                    )
            items = list(value.items())
        elif type(value) is list:
            items = list(enumerate(value))
        else:
            message = _refusal(value)
            if message:
                raise JSONInputError(message, path)
            continue
        for key, item in items:
            if type(item) is dict or type(item) is list:
                stack.append((_child(path, key), item))
            else:
                message = _refusal(item)
                if message:
                    raise JSONInputError(message, _child(path, key))
