from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand

from admissibility import LANGUAGES, FactsError, assess, assessment_to_dict, parse_facts
from complaints.adapters import treaty_table


class Command(BaseCommand):
    help = "Assess a communication's facts against OPIC Articles 1, 5, 7 and 20; print the findings as JSON."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="a JSON file of facts, or - for standard input")
        parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the reasons")

    def handle(self, *args: Any, **options: Any) -> None:
        source = options["file"]
        try:
            if source == "-":
                text = sys.stdin.read()
            else:
                with open(source, encoding="utf-8") as handle:
                    text = handle.read()
            data = json.loads(text)
        except OSError as error:
            self._fail(f"cannot read {source}: {error.strerror}")
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            self._fail(f"{source} is not valid JSON: {error}")
        try:
            facts = parse_facts(data)
        except FactsError as error:
            self._fail("\n".join(f"{field}: {'; '.join(msgs)}" for field, msgs in error.errors.items()))
        result = assessment_to_dict(assess(facts, treaty_table(), lang=options["lang"]))
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))

    def _fail(self, message: str) -> NoReturn:
        self.stderr.write(f"error: {message}")
        sys.exit(2)
