"""Search, filters and sorting of the case list: what a caseworker with 80 cases needs to find one."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import django_filters
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Claim, Communication, Deadline, Person

PENDING = [Deadline.Status.OPEN, Deadline.Status.OVERDUE]


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
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("updated_at", "updated"), ("next_deadline", "deadline"), ("submitted_on", "submitted")),
        field_labels={
            "updated_at": _("Last change"),
            "next_deadline": _("Nearest deadline"),
            "submitted_on": _("Submission date"),
        },
    )

    class Meta:
        model = Communication
        fields = ["q", "status", "is_urgent", "verdict", "assignee", "deadline_within"]

    def search(self, queryset: QuerySet[Communication], name: str, value: str) -> QuerySet[Communication]:
        value = value.strip()
        if not value:
            return queryset
        people = Person.objects.filter(communication=OuterRef("pk")).filter(
            Q(family_name__icontains=value) | Q(given_name__icontains=value)
        )
        condition = (
            Q(title__icontains=value)
            | Q(committee_reference__icontains=value)
            | Q(state__iexact=value)
            | Q(Exists(people))
        )
        if value.isdigit():
            condition |= Q(Exists(Claim.objects.filter(communication=OuterRef("pk"), article=int(value))))
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
        today = timezone.localdate()
        pending = Deadline.objects.filter(communication=OuterRef("pk"), status__in=PENDING)
        if value == "overdue":
            return queryset.filter(Exists(pending.filter(due_on__lt=today)))
        return queryset.filter(
            Exists(pending.filter(due_on__gte=today, due_on__lte=today + timedelta(days=int(value))))
        )


def case_list(data: Any, queryset: QuerySet[Communication], request: Any) -> CaseFilter:
    return CaseFilter(data, queryset=with_next_deadline(queryset), request=request)
