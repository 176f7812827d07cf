"""Where each kind of deadline comes from, in the reader's language.

``complaints.deadlines.rules`` is pure Python and keeps its sources in English (they are stored
with each deadline and read by the API); the pages, e-mails and dossiers name the source of a
deadline by its kind, from this table of the catalogues.
"""

from __future__ import annotations

from typing import Final

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from complaints.deadlines.rules import Kind

SOURCES: Final[dict[str, Promise]] = {
    Kind.FILING: _("Optional Protocol, art. 7(h)"),
    Kind.CLARIFICATION: _("Rules of procedure, rule 15 (time limit set in the request)"),
    Kind.STATE_EXPLANATIONS: _("Optional Protocol, art. 8(2); rules of procedure, rule 18"),
    Kind.AUTHOR_COMMENTS: _("Rules of procedure, rule 18 (period set by the Committee)"),
    Kind.FOLLOW_UP: _(
        "Optional Protocol, art. 11(1): six months from the transmission of the Views; "
        "rules of procedure, rule 28"
    ),
    Kind.INTERIM_MEASURES: _(
        "Optional Protocol, art. 6; rules of procedure, rule 7 (date set in the Committee's request)"
    ),
}


def deadline_source(kind: str, stored: str = "") -> str:
    """Return the source of a deadline of ``kind`` in the active language (else the stored text)."""
    label = SOURCES.get(kind)
    return str(label) if label is not None else stored
