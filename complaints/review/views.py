"""Pages of the ombudsman office: the review queue, queue actions and the office's statistics."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from complaints.casework.pagination import paginate_capped
from complaints.models import Communication, Membership, Triage, User
from complaints.permissions import communication_access
from complaints.review.services import (
    ReviewError,
    office_statistics,
    offices_of,
    review_claim,
    review_hand_over,
    review_queue,
    review_release,
    review_triage,
)

# As on the case list: beyond this many cases the queue says "more than" instead of counting them all.
QUEUE_COUNT_CAP = 1000


class TriageForm(forms.ModelForm):
    class Meta:
        model = Triage
        fields = ["decision", "reason_for_filer", "note"]
        widgets = {
            "decision": forms.RadioSelect,
            "reason_for_filer": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "reason_for_filer": gettext_lazy("The filer reads this: write in plain, kind words."),
            "note": gettext_lazy("Only your office sees this."),
        }


def _reviewer(request: HttpRequest) -> User:
    user = cast(User, request.user)
    if user.role != User.Role.OMBUDSMAN_REVIEWER or not offices_of(user):
        raise PermissionDenied
    return user


def _colleagues(user: User, communication: Communication) -> list[User]:
    if communication.routed_to_id is None:
        return []
    memberships = Membership.objects.filter(organisation_id=communication.routed_to_id).select_related("user")
    # Sorted here: the names are encrypted, the database would sort their tokens.
    return sorted(
        (m.user for m in memberships if m.user.role == User.Role.OMBUDSMAN_REVIEWER and m.user != user),
        key=lambda colleague: (colleague.last_name.casefold(), colleague.first_name.casefold(), colleague.pk),
    )


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    reviewer = _reviewer(request)
    page = paginate_capped(
        review_queue(user=reviewer), request.GET.get("page"), per_page=25, cap=QUEUE_COUNT_CAP
    )
    return render(request, "complaints/review/review_queue.html", {"page": page, "reviewer": reviewer})


@login_required
@require_POST
def act(request: HttpRequest, reference: str, action: str) -> HttpResponse:
    """Claim, release, hand over or triage one case of the queue."""
    reviewer = _reviewer(request)
    communication = communication_access(request.user, reference, "triage")
    try:
        if action == "claim":
            review_claim(communication=communication, reviewer=reviewer)
            messages.success(request, _("You are working on this case now."))
        elif action == "release":
            review_release(communication=communication, reviewer=reviewer)
            messages.success(request, _("The case is back in the queue."))
        elif action == "hand-over":
            to = next(
                (u for u in _colleagues(reviewer, communication) if str(u.pk) == request.POST.get("to")), None
            )
            if to is None:
                raise ReviewError(_("Choose a colleague of your office."))
            review_hand_over(communication=communication, reviewer=reviewer, to=to)
            messages.success(request, _("Handed over to %(name)s.") % {"name": to})
        elif action == "triage":
            form = TriageForm(request.POST)
            if not form.is_valid():
                raise ReviewError(
                    _("Please correct the form: %(errors)s") % {"errors": form.errors.as_text()}
                )
            review_triage(communication=communication, reviewer=reviewer, **form.cleaned_data)
            messages.success(request, _("Decision recorded. The filer can read it on the case page."))
        else:
            raise PermissionDenied
    except ReviewError as error:
        messages.error(request, str(error))
    return redirect(communication)


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    reviewer = _reviewer(request)
    cases = Communication.objects.filter(routed_to_id__in=offices_of(reviewer)).exclude(
        status=Communication.Status.DRAFT
    )
    return render(
        request, "complaints/review/review_statistics.html", {"stats": office_statistics(cases=cases)}
    )


def triage_context(request: HttpRequest, communication: Communication) -> dict[str, Any]:
    """What the case page shows of the review: decisions for everyone, the actions for the reviewer."""
    user = cast(User, request.user)
    can_triage = user.has_perm("complaints.triage_communication", communication)
    return {
        "triages": communication.triages.select_related("decided_by").order_by("-decided_at"),
        "can_triage": can_triage,
        "reads_review": user.has_perm("complaints.read_review_communication", communication),
        "triage_form": TriageForm() if can_triage else None,
        "colleagues": _colleagues(user, communication) if can_triage else [],
    }
