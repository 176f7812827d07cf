"""Views of the deadlines: interim measures, the list of deadlines, notifications, the calendar feed.

Thin, like the other views: parse, authorise through complaints.permissions, call one service,
respond. Someone else's case, dossier or feed answers 404, so nothing reveals that it exists.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from complaints.deadlines.calendar import (
    FEED_DAYS_AHEAD,
    FEED_DAYS_BACK,
    calendar_feed_active,
    calendar_feed_create,
    calendar_feed_for_token,
    calendar_feed_revoke,
    deadlines_ical,
)
from complaints.deadlines.geneva import geneva_today
from complaints.deadlines.services import (
    PENDING,
    deadlines_upcoming,
    deadlines_visible_to,
    interim_measures_record,
    notifications_for,
    notifications_mark_read,
)
from complaints.inquiries.selectors import DEADLINE_LABELS, inquiry_deadlines_pending
from complaints.models import Communication, InterimMeasuresReport, User
from complaints.permissions import communication_access


class InterimMeasuresForm(forms.Form):
    report_due_on = forms.DateField(
        label=gettext_lazy("The State must report on interim measures by"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("The date given in the Committee's letter. Leave empty to remove it."),
    )
    reported_on = forms.DateField(
        label=gettext_lazy("The State reported on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_reported_on(self) -> date | None:
        reported_on = self.cleaned_data.get("reported_on")
        if reported_on and reported_on > geneva_today():  # the State's report is dated in Geneva
            raise forms.ValidationError(_("This date is in the future."))
        return reported_on


def interim_measures_form(communication: Communication) -> InterimMeasuresForm:
    record = InterimMeasuresReport.objects.filter(communication=communication).first()
    initial = {"report_due_on": record.report_due_on, "reported_on": record.reported_on} if record else {}
    return InterimMeasuresForm(initial=initial)


@login_required
@require_POST
def interim_measures_view(request: HttpRequest, reference: Any) -> HttpResponse:
    communication = communication_access(request.user, reference, "transition")
    form = InterimMeasuresForm(request.POST)
    if form.is_valid():
        interim_measures_record(
            communication=communication,
            report_due_on=form.cleaned_data["report_due_on"],
            reported_on=form.cleaned_data["reported_on"],
            actor=cast(User, request.user),
        )
        messages.success(request, _("Recorded."))
    else:
        messages.error(request, _("Please correct the form: %(errors)s") % {"errors": form.errors.as_text()})
    return redirect(communication.get_absolute_url() + "#deadlines")


@login_required
@require_GET
def deadline_list(request: HttpRequest) -> HttpResponse:
    today = geneva_today()
    context = {
        "today": today,
        "deadlines": deadlines_upcoming(user=request.user, today=today, days=30),
        "notifications": notifications_for(user=request.user)[:50],
        "feed": calendar_feed_active(user=cast(User, request.user)),
    }
    return render(request, "complaints/deadlines/deadlines.html", context)


@login_required
@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    notifications_mark_read(user=cast(User, request.user))
    return redirect("complaints:deadline_list")


@login_required
@require_POST
def calendar_feed_new(request: HttpRequest) -> HttpResponse:
    """Make a new secret address (the old one stops working) and show it once."""
    feed, token = calendar_feed_create(user=cast(User, request.user))
    url = request.build_absolute_uri(reverse("complaints:calendar_feed", args=[token]))
    return render(request, "complaints/deadlines/deadlines_feed_created.html", {"feed": feed, "url": url})


@login_required
@require_POST
def calendar_feed_stop(request: HttpRequest) -> HttpResponse:
    if calendar_feed_revoke(user=cast(User, request.user)):
        messages.success(request, _("The calendar address no longer works."))
    return redirect("complaints:deadline_list")


@require_GET
def calendar_feed(request: HttpRequest, feed_token: str) -> HttpResponse:
    """The iCalendar feed: no log-in (calendar apps cannot), the secret address is the key."""
    feed = calendar_feed_for_token(feed_token)
    if feed is None:
        raise Http404
    today = geneva_today()
    deadlines = (
        deadlines_visible_to(feed.user)
        .filter(
            status__in=PENDING,
            due_on__gte=today - timedelta(days=FEED_DAYS_BACK),
            due_on__lte=today + timedelta(days=FEED_DAYS_AHEAD),
        )
        .select_related("communication")
        .order_by("due_on", "pk")
    )
    pending = inquiry_deadlines_pending(
        feed.user, today - timedelta(days=FEED_DAYS_BACK), today + timedelta(days=FEED_DAYS_AHEAD)
    )
    with translation.override(feed.user.preferred_language or settings.LANGUAGE_CODE):
        inquiries = [
            (inquiry, computed, str(DEADLINE_LABELS[computed.kind])) for inquiry, computed in pending
        ]
    body = deadlines_ical(
        user=feed.user,
        deadlines=deadlines,
        base_url=request.build_absolute_uri("/"),
        inquiry_deadlines=inquiries,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex"
    response["Content-Disposition"] = 'inline; filename="opic-deadlines.ics"'
    return response
