"""Find every spelling of a person's name in free text and replace it with their initials.

The redacted dossier hides the names of the author and of the children, also inside what they
wrote. A family writes a child's name as it comes: in Kazakh or Russian Cyrillic, in the Latin of a
passport or of the Kazakh Latin alphabet, in capitals, spaced out, with or without the hyphen of a
double name, and with a case ending. So a name and every stretch of text are reduced to one
*skeleton* before they are compared:

1. ``anyascii`` (a maintained Unicode-to-ASCII table that covers the Kazakh letters
   ә ғ қ ң ө ұ ү һ і as well as the Latin ä ğ ı ñ ö ş ü ū) turns both scripts into plain Latin:
   Айгерім → Aygerim, Aıgerim → Aigerim;
2. the result is lower-cased, stripped of everything but letters, and the spellings that differ
   between transliteration systems are merged (``SPELLINGS``): zh/j, kh/h/x, gh/g, q/k, ng/n,
   sh/s, ch/c, y/i, w/u, a leading ye/e, ii/i. Aygerim, Aigerim, Aıgerim and Айгерим all become
   ``aigerim``; Жанна, Zhanna and Janna ``janna``; Ерлан, Yerlan and Erlan ``erlan``.

A word matches a name when its skeleton is the name's, or the name's (or the name's without its
last vowel) followed by one of a short list of Russian and Kazakh case endings or the English
possessive (``ENDINGS``): Айгерімнің, Айгерима, Жанны, Aigerim's. Only those endings are accepted,
so an unrelated word that merely starts like a name (жан, данные, Alina for Ali) stays. Several
words joined by spaces, hyphens or dots match only when together they spell a whole name exactly
(Анна - Мария, А й г е р і м), so a following word such as "мен" is never swallowed.

This module reads no database and no clock: it is given the people and the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from anyascii import anyascii

# Spellings that differ between transliterations of the same letter, merged in this order (the
# digraphs before their single letters). After anyascii: ж → zh, х → kh, ғ → gh, қ → q, ң → ng,
# ш → sh, ч → ch, й and ы → y; passports and the Kazakh Latin alphabet write j, h, g, q, n, s, c, i.
SPELLINGS = (
    ("dzh", "j"),
    ("zh", "j"),
    ("dj", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("x", "h"),
    ("sh", "s"),
    ("ch", "c"),
    ("ng", "n"),
    ("q", "k"),
    ("y", "i"),
    ("w", "u"),
    ("ii", "i"),
)

# Case endings, written as skeletons (so Kazakh vowel harmony folds into one: -ның/-нің → "nin").
# Russian: Жанны, Жанне, Жанну, Жанной, Айгерима, Ерлану, Ерланом. Kazakh: genitive -ның/-дың/-тың,
# dative -ға/-ге/-қа/-ке/-а/-е, accusative -ны/-ды/-ты, locative -да/-та/-нда, ablative
# -дан/-тан/-нан, instrumental -мен/-бен/-пен. English: the possessive 's (its apostrophe dropped).
ENDINGS = (
    "a", "e", "i", "u", "oi", "ei", "oiu", "eiu", "om", "em", "ia", "iu",
    "nin", "din", "tin",
    "ga", "ge", "ka", "ke",
    "ni", "di", "ti",
    "da", "de", "ta", "te", "nda", "nde",
    "dan", "den", "tan", "ten", "nan", "nen",
    "men", "ben", "pen",
    "s",
)  # fmt: skip
VOWELS = frozenset("aeiou")
# Endings are only tried on a name of at least this many letters (skeleton), and only after a stem
# of at least this many: a two-letter name matches only as itself.
MIN_STEM = 3
# What may stand between the parts of a name written with gaps: spaces, hyphens, dots, apostrophes.
GAP = re.compile(r"[\s\-\u2010\u2011\u2012\u2013.'\u2019\u02bc_\u00b7]{1,3}")
WORD = re.compile(r"[^\W\d_]+")
APOSTROPHES = frozenset("'\u2019\u02bc")


class Named(Protocol):
    """What the redactor needs of a person: the two parts of the name and the initials to show."""

    given_name: str
    family_name: str

    @property
    def initials(self) -> str: ...


def skeleton(text: str) -> str:
    """Return the spelling-independent form of ``text``: Latin letters only, variants merged."""
    latin = "".join(ch for ch in anyascii(text).lower() if "a" <= ch <= "z")
    for old, new in SPELLINGS:
        latin = latin.replace(old, new)
    if latin.startswith("ie"):  # Yerlan, Yelena: a passport's ye- for a leading Е
        latin = latin[1:]
    return latin


def _inflected(key: str) -> set[str]:
    """The skeletons of ``key`` with each case ending, on the whole name and on its stem."""
    if len(key) < MIN_STEM:
        return set()
    stems = {key}
    if key[-1] in VOWELS and len(key) - 1 >= MIN_STEM:
        stems.add(key[:-1])  # Жанна → Жанн-ы, Жанн-е, Жанн-ой
    return {skeleton(stem + ending) for stem in stems for ending in ENDINGS}


@dataclass
class _Forms:
    exact: dict[str, str]  # skeleton of a whole name → initials
    inflected: dict[str, str]  # skeleton of a name with an ending → initials
    longest: int  # the longest skeleton, to stop joining words early


def _forms(people: Iterable[Named]) -> _Forms:
    exact: dict[str, str] = {}
    inflected: dict[str, str] = {}
    for person in people:
        initials = person.initials or "\u2014"
        given = [skeleton(part) for part in WORD.findall(person.given_name or "")]
        family = [skeleton(part) for part in WORD.findall(person.family_name or "")]
        given, family = [part for part in given if part], [part for part in family if part]
        # Each part of a name, a double name written as one word, and the full name in either order.
        whole = [*given, *family, "".join(given), "".join(family)]
        if given and family:
            whole += ["".join(given + family), "".join(family + given)]
        for key in whole:
            if len(key) < 2:
                continue
            exact.setdefault(key, initials)
            for form in _inflected(key):
                inflected.setdefault(form, initials)
    longest = max((len(key) for key in (*exact, *inflected)), default=0)
    return _Forms(exact, inflected, longest)


class Redactor:
    """Replace every spelling of the given people's names in a text with their initials."""

    def __init__(self, people: Iterable[Named]) -> None:
        self.forms = _forms(people)
        # Skeletons of the stretches of one text, kept while it is read (words recur), then dropped:
        # nothing of a child's story outlives the call.
        self._seen: dict[str, str] = {}

    def _skeleton(self, text: str) -> str:
        key = self._seen.get(text)
        if key is None:
            key = self._seen[text] = skeleton(text)
        return key

    def text(self, value: str) -> str:
        """Return ``value`` with every name found replaced by the initials of its person."""
        if not value or not self.forms.exact:
            return value
        words = list(WORD.finditer(value))
        try:
            return self._replace(value, words)
        finally:
            self._seen.clear()

    def _replace(self, value: str, words: list[re.Match[str]]) -> str:
        pieces: list[str] = []
        position = 0
        index = 0
        while index < len(words):
            found = self._match(value, words, index)
            if found is None:
                index += 1
                continue
            last, initials = found
            pieces += [value[position : words[index].start()], initials]
            position = words[last].end()
            index = last + 1
        pieces.append(value[position:])
        return "".join(pieces)

    def _match(self, value: str, words: list[re.Match[str]], first: int) -> tuple[int, str] | None:
        """Return (index of the last word, initials) of the longest name starting at word ``first``."""
        joined = words[first].group()
        candidates: list[tuple[int, str]] = []
        key = self._skeleton(joined)
        if key in self.forms.exact or key in self.forms.inflected:
            candidates.append((first, self.forms.exact.get(key) or self.forms.inflected[key]))
        last = first
        while last + 1 < len(words):
            gap = value[words[last].end() : words[last + 1].start()]
            if not GAP.fullmatch(gap):
                break
            last += 1
            joined += words[last].group()
            key = self._skeleton(joined)
            if len(key) > self.forms.longest:
                break
            if key in self.forms.exact:
                candidates.append((last, self.forms.exact[key]))
            elif key in self.forms.inflected and set(gap) & APOSTROPHES:  # Aigerim's, Айгерим’а
                candidates.append((last, self.forms.inflected[key]))
        return candidates[-1] if candidates else None


class Plain:
    """The identity function, where nothing is redacted."""

    def text(self, value: str) -> str:
        return value
