"""The public explainer: pages anyone can read without an account, on a phone, without JavaScript."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_safe

from complaints.deadlines.geneva import geneva_today
from complaints.explainer.content import REGISTER_LABELS, TOPICS, Register, neighbours, topic_by_slug
from complaints.explainer.eligibility import EligibilityForm, eligibility_check
from complaints.explainer.leaflets import leaflet_pdf
from complaints.filing.help import help_contacts

HOME_STATE = "KAZ"  # whose help contacts the public pages show


def _register(value: str) -> Register:
    try:
        return Register(value)
    except ValueError:
        raise Http404 from None


@require_safe
def explainer_index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "complaints/explainer/index.html",
        {"registers": list(REGISTER_LABELS.items()), "topics": TOPICS},
    )


@require_safe
def register_index(request: HttpRequest, register: str) -> HttpResponse:
    chosen = _register(register)
    return render(
        request,
        "complaints/explainer/register.html",
        {"register": chosen, "register_label": REGISTER_LABELS[chosen], "topics": TOPICS},
    )


@require_safe
def topic_page(request: HttpRequest, register: str, slug: str) -> HttpResponse:
    chosen = _register(register)
    topic = topic_by_slug(slug)
    if topic is None:
        raise Http404
    before, after = neighbours(topic)
    return render(
        request,
        "complaints/explainer/topic.html",
        {
            "register": chosen,
            "register_label": REGISTER_LABELS[chosen],
            "topic": topic,
            "paragraphs": topic.paragraphs[chosen],
            "before": before,
            "after": after,
            "position": TOPICS.index(topic) + 1,
            "count": len(TOPICS),
            "help_contacts": help_contacts(HOME_STATE) if topic.slug == "help" else (),
        },
    )


@require_safe
def leaflet(request: HttpRequest, register: str) -> HttpResponse:
    chosen = _register(register)
    language = get_language() or "en"
    response = HttpResponse(leaflet_pdf(chosen, language), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="leaflet-{chosen}-{language}.pdf"'
    return response


@require_http_methods(["GET", "POST"])
def eligibility(request: HttpRequest) -> HttpResponse:
    """ "Is this for me?": the five questions (GET), the engine's answer (POST). Nothing is kept."""
    today = geneva_today()
    form = EligibilityForm(request.POST or None, today=today)
    answer = eligibility_check(form) if request.method == "POST" and form.is_valid() else None
    return render(
        request,
        "complaints/explainer/check.html",
        {"form": form, "answer": answer, "help_contacts": help_contacts(HOME_STATE)},
        status=400 if request.method == "POST" and not form.is_valid() else 200,
    )


@require_safe
def helpers_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "complaints/explainer/helpers.html",
        {"registers": list(REGISTER_LABELS.items()), "help_contacts": help_contacts(HOME_STATE)},
    )


@require_safe
def class_hour(request: HttpRequest) -> HttpResponse:
    return render(
        request, "complaints/explainer/class_hour.html", {"registers": list(REGISTER_LABELS.items())}
    )
