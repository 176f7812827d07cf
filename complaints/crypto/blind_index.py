"""The blind index: keyed digests of the normalised words of names and titles.

Names are encrypted, so the database cannot compare them with what a caseworker types. Instead
each word of a name (and of a case's title) is normalised and every prefix of it from three letters
on is kept as an HMAC-SHA-256 digest under a key derived from the key ring (complaints.models.
SearchDigest). The search normalises what was typed the same way and looks its digests up in an
index: "Aig", "aigerim", "AIGERIM" and "Айгерим" all find "Aigerim". The digests say nothing
without the key, except that two cases share a word (or its start).

Normalising: case folded, every script written in Latin letters without marks (anyascii, the
transliteration the redaction of names uses too), then a few spellings that transliterations
differ on made one (y, j → i; a doubled letter → one), so "Алия", "Aliya" and "Aliia" meet, and
"Ольга" and "Olga" (the soft sign joins). Words are split at spaces and punctuation; a hyphenated
or spaced-out name is also kept joined ("Smith-Jones" → smithjones). A search for a part in the
middle of a word ("gerim") finds nothing: the index holds beginnings.

A case's title is the filer's private note ("only for you"): its words are kept under digests of
their own (``private=True``: the term is marked before it is digested), which no name digest can
equal, so a search for names never finds a case by a word of its title. Only the filer's own
search looks the title's digests up (complaints.crypto.search_index).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from anyascii import anyascii

from complaints.crypto.keys import KeyRing

MIN_PREFIX = 3
MAX_WORD = 40

# Spellings that Latin transliterations of the same name differ on.
FOLD = str.maketrans({"y": "i", "j": "i", "w": "v", "q": "k"})
DOUBLED = re.compile(r"(.)\1+")
SEPARATORS = re.compile(r"[^0-9a-z]+")
# Put before a term of a private title: a normalised term is only [0-9a-z], so a marked one never
# equals a name's term, and their digests differ.
PRIVATE_MARK = "private title:"


def fold(text: str) -> str:
    """One spelling for the spellings of a word (lower case, Latin, no marks), with separators kept.

    anyascii writes every script in Latin letters (Kazakh ә ғ қ ң ө ұ ү һ і included, as the redaction
    of names does); the apostrophe it writes for ь and ъ (and one typed in a name) joins, not splits.
    """
    latin = anyascii(unicodedata.normalize("NFKC", text)).casefold().replace("'", "")
    return DOUBLED.sub(r"\1", latin.translate(FOLD))


def words(text: str) -> list[str]:
    """The normalised words of ``text``, in order."""
    return [w[:MAX_WORD] for w in SEPARATORS.split(fold(text)) if w]


def terms(text: str) -> set[str]:
    """What a name or title is indexed under: every word's prefixes from three letters, and the whole
    text joined (so a name typed with spaces or hyphens inside finds it written either way)."""
    found: set[str] = set()
    parts = words(text)
    joined = "".join(parts)[:MAX_WORD]
    for word in [*parts, joined] if len(parts) > 1 else parts:
        found.add(word)
        found.update(word[:end] for end in range(MIN_PREFIX, len(word)))
    return found


def query_terms(text: str) -> list[str]:
    """What a search looks up: each word typed, in order, without repeats (every one must match)."""
    return list(dict.fromkeys(words(text)))


def _marked(term: str, private: bool) -> str:
    return PRIVATE_MARK + term if private else term


def digests(ring: KeyRing, values: Iterable[str], *, private: bool = False) -> set[str]:
    """The current key's digests of everything ``values`` are indexed under; ``private``: the
    digests of a private title, which a search for names never meets."""
    key = ring.index_keys()[0]
    return {ring.digest(_marked(term, private), key) for value in values for term in terms(value)}


def query_digests(ring: KeyRing, term: str, *, private: bool = False) -> list[str]:
    """The digests a search term may be stored under: one per key of the ring, so that a case
    indexed before a rotation is found until ``manage.py reencrypt`` indexes it again.
    ``private``: as a word of a private title, not of a name."""
    return [ring.digest(_marked(term, private), key) for key in ring.index_keys()]
