"""The public library of the Committee's decisions: no account needed, works without JavaScript."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from complaints.decisions.forms import DecisionSearchForm
from complaints.decisions.selectors import LibraryQuery, filter_choices, library, statistics


@require_GET
def decision_library(request: HttpRequest) -> HttpResponse:
    form = DecisionSearchForm(request.GET or None, choices=filter_choices())
    query = form.query() if form.is_bound else LibraryQuery()
    found = library(query) if not form.is_bound or form.is_valid() else []
    return render(
        request,
        "complaints/decisions/library.html",
        {"form": form, "decisions": found, "stats": statistics(found), "searched": form.is_bound},
    )
