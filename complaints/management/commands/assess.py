from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from admissibility import LANGUAGES, FactsError, assess, assessment_to_dict, parse_facts
from complaints.adapters import treaty_table
from complaints.json_input import JSONInputError, body_limit, json_load


class Command(BaseCommand):
    help = "Assess a communication's facts against OPIC Articles 1, 5, 7 and 20; print the findings as JSON."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="a JSON file of facts, or - for standard input")
        parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the reasons")

    def handle(self, *args: Any, **options: Any) -> None:
        """Any malformed input exits with status 2 and one line naming the problem, never a traceback.

        The document is read as the API reads a body: at most as large as the API takes, as UTF-8,
        nested at most 32 levels deep (complaints.json_input).
        """
        source = options["file"]
        limit = body_limit()
        try:
            raw = _read(source, limit)
        except OSError as error:
            self._fail(
                _("cannot read %(source)s: %(problem)s")
                % {"source": source, "problem": error.strerror or error}
            )
        try:
            data = json_load(raw, max_bytes=limit)
        except JSONInputError as error:
            self._fail(f"{source}: {error}")
        try:
            facts = parse_facts(data)
        except FactsError as error:
            self._fail("; ".join(f"{field}: {', '.join(msgs)}" for field, msgs in error.errors.items()))
        result = assessment_to_dict(assess(facts, treaty_table(), lang=options["lang"]))
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))

    def _fail(self, message: str) -> NoReturn:
        # One line, whatever the input held: control characters (a line break in a field name) escaped.
        line = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in message)
        self.stderr.write(f"error: {line}")
        sys.exit(2)


def _read(source: str, limit: int) -> bytes:
    """Up to ``limit`` + 1 bytes (enough to tell it is too large) of the file, or stdin for "-"."""
    if source != "-":
        with open(source, "rb") as handle:
            return handle.read(limit + 1)
    stdin = getattr(sys.stdin, "buffer", None)
    if stdin is not None:
        data: bytes = stdin.read(limit + 1)
        return data
    # A text stream without bytes beneath (io.StringIO): its text, back as UTF-8.
    return str(sys.stdin.read(limit + 1)).encode("utf-8", "surrogatepass")
