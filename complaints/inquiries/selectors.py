"""Reads of inquiries: the list a user may see, one inquiry's deadlines and history, the calendar's share."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from complaints.deadlines import rules as rules_
from complaints.models import Inquiry, InquiryEvent
from complaints.permissions import inquiries_visible_to


def inquiry_list(user: Any) -> QuerySet[Inquiry]:
    return inquiries_visible_to(user).select_related("state", "organisation").order_by("-submitted_on", "-pk")


def inquiry_dates(inquiry: Inquiry) -> rules_.InquiryDates:
    return rules_.InquiryDates(
        status=inquiry.status,
        cooperation_invited_on=inquiry.cooperation_invited_on,
        observations_due_on=inquiry.observations_due_on,
        observations_received_on=inquiry.observations_received_on,
        findings_transmitted_on=inquiry.findings_transmitted_on,
        findings_answered_on=inquiry.findings_answered_on,
        follow_up_requested_on=inquiry.follow_up_requested_on,
        follow_up_due_on=inquiry.follow_up_due_on,
        follow_up_received_on=inquiry.follow_up_received_on,
    )


def inquiry_deadlines(inquiry: Inquiry) -> list[rules_.Computed]:
    """The time limits of ``inquiry`` as its rules compute them from its dates."""
    return rules_.compute_inquiry(inquiry_dates(inquiry))


def inquiry_history(inquiry: Inquiry) -> QuerySet[InquiryEvent]:
    return inquiry.events.select_related("actor").order_by("occurred_on", "pk")


def inquiry_deadlines_pending(user: Any, start: date, end: date) -> Iterable[tuple[Inquiry, rules_.Computed]]:
    """The open time limits of the inquiries ``user`` sees that fall due between ``start`` and ``end``."""
    for inquiry in inquiry_list(user).exclude(status=Inquiry.Status.CLOSED):
        for computed in inquiry_deadlines(inquiry):
            if computed.state == rules_.State.OPEN and start <= computed.due_on <= end:
                yield inquiry, computed


DEADLINE_LABELS: dict[str, Any] = {
    rules_.InquiryKind.COOPERATION: gettext_lazy("The State's observations on the information (art. 13(1))"),
    rules_.InquiryKind.FINDINGS: gettext_lazy("The State's observations on the findings (art. 13(5))"),
    rules_.InquiryKind.FURTHER_INFORMATION: gettext_lazy("The State's further information (art. 14)"),
}
