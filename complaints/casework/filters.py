"""Search, filters and sorting of the case list: what a caseworker with 80 cases needs to find one."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import django_filters
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from complaints.crypto.search_index import name_search_condition, name_search_ids
from complaints.deadlines.geneva import geneva_today
from complaints.models import Claim, Communication, Deadline

PENDING = [Deadline.Status.OPEN, Deadline.Status.OVERDUE]

# A search matching at most this many cases (counting everyone's, not only the visible ones) finds them
# first, through the search indexes, then lists the visible ones among them by id.
SEARCH_BY_ID_LIMIT = 2000
# The largest number an article column holds (a small integer): no claim is on a larger one.
ARTICLE_MAX = 32767


def case_fields_match(value: str) -> Q:
    """What the search looks for in the case's clear columns: the Committee's reference, the State.

    The names are encrypted: they are found through the blind index (complaints.crypto.search_index),
    by whole words or their first letters; so is the private title, by its filer alone.
    """
    return Q(committee_reference__icontains=value) | Q(state__iexact=value)


def claimed_article(value: str) -> int | None:
    """The article number a search for a number means, if it can be one (a small whole number)."""
    if not value.isdecimal() or len(value.lstrip("0")) > 5:
        return None
    number = int(value)
    return number if number <= ARTICLE_MAX else None


def search_matches(value: str, *, titles_of: int | None = None) -> QuerySet[Any, int]:
    """The ids of every case ``value`` matches, whoever may see it (some more than once); unordered.

    The words of a case's private title count only for its filer, the user ``titles_of``
    (complaints.crypto.search_index.name_search_ids).

    One index scan per part (the blind index of names and titles, and on PostgreSQL the trigram
    index of migration 0009 for the Committee's reference) instead of a test of every case the user
    may see: the caller narrows it to the visible cases.
    """
    cases = Communication.objects.filter(case_fields_match(value)).order_by().values_list("pk", flat=True)
    parts: list[QuerySet[Any, int]] = []
    names = name_search_ids(value, titles_of=titles_of)
    if names is not None:
        parts.append(names)
    article = claimed_article(value)
    if article is not None:
        claims = Claim.objects.filter(article=article).order_by()
        parts.append(claims.values_list("communication_id", flat=True))
    return cases.union(*parts, all=True)


def with_next_deadline(queryset: QuerySet[Communication]) -> QuerySet[Communication]:
    """Annotate each case with the due date of its nearest pending deadline.

    It is kept on the case itself (``next_deadline_on``, maintained when deadlines are recomputed),
    so sorting and the review queue read an index instead of every case's deadlines.
    """
    return queryset.annotate(next_deadline=F("next_deadline_on"))


class CaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Communication.Status.choices)
    is_urgent = django_filters.BooleanFilter(
        label=_("Urgent only"), widget=django_filters.widgets.BooleanWidget
    )
    verdict = django_filters.ChoiceFilter(
        label=_("Admissibility check"), choices=Communication.Verdict.choices
    )
    assignee = django_filters.ChoiceFilter(
        label=_("Assigned to"),
        choices=[("me", _("Me")), ("nobody", _("Nobody"))],
        method="filter_assignee",
    )
    deadline_within = django_filters.ChoiceFilter(
        label=_("Deadline within"),
        choices=[("7", _("7 days")), ("30", _("30 days")), ("90", _("90 days")), ("overdue", _("Overdue"))],
        method="filter_deadline",
    )
    # Every option is named here: django-filter writes "(descending)" once, in the language of the import.
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("updated_at", "updated"), ("next_deadline", "deadline"), ("submitted_on", "submitted")),
        field_labels={
            "updated_at": _("Last change"),
            "next_deadline": _("Nearest deadline"),
            "submitted_on": _("Submission date"),
            "-updated": _("Last change (newest first)"),
            "-deadline": _("Nearest deadline (latest first)"),
            "-submitted": _("Submission date (newest first)"),
        },
    )

    class Meta:
        model = Communication
        fields = ["q", "status", "is_urgent", "verdict", "assignee", "deadline_within"]

    def search(self, queryset: QuerySet[Communication], name: str, value: str) -> QuerySet[Communication]:
        value = value.strip()
        if not value:
            return queryset
        titles_of = getattr(self.request.user, "pk", None) if self.request else None
        matching = search_matches(value, titles_of=titles_of)
        found = list(matching[: SEARCH_BY_ID_LIMIT + 1])
        if len(found) <= SEARCH_BY_ID_LIMIT:
            return queryset.filter(pk__in=sorted(set(found)))
        # Too many matches to list by id: test each visible case, in the list's order; with that many
        # matches a page fills after a few cases.
        condition = case_fields_match(value) | name_search_condition(value, titles_of=titles_of)
        article = claimed_article(value)
        if article is not None:
            condition |= Q(Exists(Claim.objects.filter(communication=OuterRef("pk"), article=article)))
        return queryset.filter(condition)

    def filter_assignee(
        self, queryset: QuerySet[Communication], name: str, value: str
    ) -> QuerySet[Communication]:
        if value == "me":
            return queryset.filter(assignee=self.request.user if self.request else None)
        if value == "nobody":
            return queryset.filter(assignee__isnull=True)
        return queryset

    def filter_deadline(
        self, queryset: QuerySet[Communication], name: str, value: str
    ) -> QuerySet[Communication]:
        today = geneva_today()
        pending = Deadline.objects.filter(communication=OuterRef("pk"), status__in=PENDING)
        if value == "overdue":
            return queryset.filter(Exists(pending.filter(due_on__lt=today)))
        return queryset.filter(
            Exists(pending.filter(due_on__gte=today, due_on__lte=today + timedelta(days=int(value))))
        )


def case_list(data: Any, queryset: QuerySet[Communication], request: Any) -> CaseFilter:
    return CaseFilter(data, queryset=with_next_deadline(queryset), request=request)
