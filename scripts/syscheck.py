"""Say exactly which system package is missing, instead of failing obscurely later."""

from __future__ import annotations

import sys


def main() -> int:
    problems: list[str] = []
    try:
        import weasyprint  # noqa: F401
    except OSError as error:
        problems.append(
            f"WeasyPrint cannot load Pango ({error}).\n"
            "  Debian/Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0\n"
            "  Fedora: sudo dnf install pango    macOS: brew install pango"
        )
    if problems:
        print("Missing system libraries:\n" + "\n".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
