"""Keeping the blind index of names (complaints.crypto.blind_index) in step with the cases.

Whenever a case or a person named in it is saved or deleted, the digests of that case are
computed again and only the difference is written. Rows written without save() (bulk loads)
are indexed by ``manage.py reencrypt``, which indexes every case again with the current key
(complaints.crypto.rotation.index_rebuild).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from complaints.crypto.blind_index import digests, query_digests, query_terms
from complaints.crypto.keys import KeyRing, key_ring
from complaints.models import Communication, Person, SearchDigest


def index_digests(communication_id: int) -> set[str]:
    """What a case is found by: the names of the people in it, and its title under private digests
    (the title is the filer's alone: only their own search looks it up)."""
    ring = key_ring()
    titles = Communication.objects.filter(pk=communication_id).values_list("title", flat=True)
    names = Person.objects.filter(communication_id=communication_id).values_list("given_name", "family_name")
    return digests(ring, [name for pair in names for name in pair]) | digests(ring, titles, private=True)


def communication_index(communication_id: int, add: bool = True) -> None:
    """Bring the case's digests up to date (a no-op when nothing it is found by changed).

    ``add=False`` only removes digests (a person was deleted): while a whole case is deleted, its
    people go before it, and adding digests then would leave rows pointing at no case.
    """
    wanted = index_digests(communication_id)
    rows = SearchDigest.objects.filter(communication_id=communication_id)
    stored = set(rows.values_list("digest", flat=True))
    if stale := stored - wanted:
        rows.filter(digest__in=stale).delete()
    if not add:
        return
    SearchDigest.objects.bulk_create(
        [SearchDigest(communication_id=communication_id, digest=d) for d in wanted - stored],
        ignore_conflicts=True,
    )


def on_communication_saved(sender: Any, instance: Communication, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        communication_index(instance.pk)


def on_person_saved(sender: Any, instance: Person, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        communication_index(instance.communication_id)


def on_person_deleted(sender: Any, instance: Person, **kwargs: Any) -> None:
    communication_index(instance.communication_id, add=False)


def _term_found(ring: KeyRing, term: str, titles_of: int | None) -> Q:
    """A digest row that holds ``term``: a name's, or a private title's of a case ``titles_of`` filed.

    The filer's own cases are a subquery on the filer's index (a handful of ids), not a join: a
    search for a common first name then reads no case row for each of its many digests.
    """
    found = Q(digest__in=query_digests(ring, term))
    if titles_of is not None:
        own = Communication.objects.filter(filer_id=titles_of).order_by().values("pk")
        found |= Q(digest__in=query_digests(ring, term, private=True), communication_id__in=own)
    return found


def name_search_ids(text: str, *, titles_of: int | None = None) -> QuerySet[Any, int] | None:
    """The ids of every case whose names hold every word of ``text`` (None: no word to look for).

    The private title of a case counts only for its filer: ``titles_of`` is the id of the user
    searching, whose own cases are also found by the words of their titles. For anyone else a word
    only in a title finds nothing, so the title cannot be guessed by trying words.

    The first word's digests, narrowed by a semi-join per further word: the database starts from
    the rarest word (a common first name matches a great many cases, a family name few).
    """
    terms = query_terms(text)
    if not terms:
        return None
    ring = key_ring()
    matches = SearchDigest.objects.filter(_term_found(ring, terms[0], titles_of)).order_by()
    for term in terms[1:]:
        also = SearchDigest.objects.filter(_term_found(ring, term, titles_of)).values("communication_id")
        matches = matches.filter(communication_id__in=also)
    return matches.values_list("communication_id", flat=True)


class ExistsRowByRow(Exists):
    """An EXISTS that PostgreSQL tests case by case, never by hashing the whole subquery first.

    Under an OR (the search's other conditions), PostgreSQL may turn EXISTS into a hashed subplan:
    it then reads every digest of the word before the first case is tested, all 100,000 of them
    for a first name every case shares, for the page and again for its count. ``OFFSET 0`` keeps
    the subquery as written (PostgreSQL's ``simplify_EXISTS_query`` in
    src/backend/optimizer/plan/subselect.c leaves a subquery with an OFFSET alone: "traditionally
    ... used as an optimization fence"), so each case costs one probe of the unique
    (digest, case) index and a page stops after its 25 cases. Other databases get plain EXISTS.
    """

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> tuple[str, Any]:
        # Exists' subquery always ends with LIMIT 1 (Query.exists()): "LIMIT 1 OFFSET 0".
        return self.as_sql(compiler, connection, template="EXISTS(%(subquery)s OFFSET 0)", **extra_context)


def name_search_condition(text: str, *, titles_of: int | None = None) -> Q:
    """The same test, as a condition on each case (for a search matching a great many cases)."""
    terms = query_terms(text)
    if not terms:
        return Q(pk__in=[])
    ring = key_ring()
    condition = Q()
    for term in terms:
        digests_here = SearchDigest.objects.filter(communication=OuterRef("pk"))
        found = Q(ExistsRowByRow(digests_here.filter(digest__in=query_digests(ring, term))))
        if titles_of is not None:  # the title's digests: only on the filer's own cases
            private = digests_here.filter(digest__in=query_digests(ring, term, private=True))
            found |= Q(filer_id=titles_of) & Q(ExistsRowByRow(private))
        condition &= found
    return condition
