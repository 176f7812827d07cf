"""The filing wizard's pages: one URL per step, every step saved on its own."""

from __future__ import annotations

import functools
from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from admissibility import Assessment
from complaints.deadlines.services import CASE_DATE_FIELDS
from complaints.filing import forms as wf
from complaints.filing.completeness import completeness_gaps
from complaints.filing.documents import DocumentRejected, document_add, document_remove
from complaints.filing.help import help_contacts
from complaints.filing.pages import PAGES, Page
from complaints.filing.rights import catalogue_in
from complaints.filing.submission import SubmissionRefused, communication_submit
from complaints.filing.textlang import needs_translation
from complaints.filing.wizard import (
    GLOSSARY,
    STEP_BY_SLUG,
    STEP_FOR_CRITERION,
    STEPS,
    Step,
    applicable_steps,
    is_child_mode,
    neighbours,
    victims_needing_consent,
)
from complaints.models import Communication, Document, User
from complaints.permissions import communication_access
from complaints.selectors import communication_assessment, exclusions_shown
from complaints.services import (
    DraftRefused,
    StaleVersion,
    communication_save_step,
    draft_start,
    drafting_organisations,
)
from complaints.signing.services import signing_context

# What a step reads of a case: its branching, its forms and the live assessment all use these.
CASE_PARTS = ("people", "remedies", "claims", "other_procedures", "documents")
# The parts a step's own forms read and write when it is saved (one missing here costs a query, no error).
STEP_PARTS = {
    "author": ("people",),
    "victims": ("people",),
    "consent": ("people",),
    "representative": ("people",),
    "rights": ("claims",),
    "remedies": ("remedies",),
    "procedures": ("other_procedures",),
}


# Steps whose page saves nothing of its own (signing submits, documents are added one by one).
UNSAVED_STEPS = {"review", "documents", "sign"}
STALE_WARNING = gettext_lazy(
    "This draft was changed in another window or on another device. Your answers on this "
    "page are kept below: check them and save again to keep them."
)


def with_parts(communication: Communication) -> Communication:
    """Load the parts of ``communication`` once, so that nothing in this request reads them again."""
    prefetch_related_objects([communication], *CASE_PARTS)
    return communication


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def screens_of(step: Step, form: forms.BaseForm | None) -> list[tuple[str, ...]]:
    """Return the step's one-question screens that ask something of this form (branching removes some)."""
    if form is None:
        return []
    return [screen for screen in step.screens if any(name in form.fields for name in screen)]


def _limit_to_screen(form: forms.BaseForm, step: Step, screen: int | None) -> None:
    """In child mode, keep only the current screen's questions (and their translation boxes)."""
    screens = screens_of(step, form)
    if screen is None or not screens:
        return
    keep = set(screens[min(screen, len(screens) - 1)])
    keep |= {f"translation__{name}" for name in keep}
    for name in list(form.fields):
        if name not in keep:
            del form.fields[name]


def _screens(communication: Communication, step: Step) -> int:
    if not (is_child_mode(communication) and step.screens):
        return 1
    return max(len(screens_of(step, build_page(step, communication, None, None, None).form)), 1)


def build_page(step: Step, communication: Communication, data: Any, files: Any, screen: int | None) -> Page:
    """Return the forms of ``step``, bound to ``data`` when it is not None."""
    page = PAGES[step.slug].build(communication, data, files)
    c = communication
    if isinstance(page.form, wf.TranslationsMixin):
        page.form.add_translation_fields(c)
    if page.form is not None and is_child_mode(c):
        _limit_to_screen(page.form, step, screen)
    return page


def save_page(
    step: Step, page: Page, communication: Communication, actor: User, version: int
) -> Communication:
    """Save a valid page through the services, in one versioned transaction.

    The deadlines are recomputed only when the page changes what they are computed from (the
    remedies, or a date of the case); the parts of the case this page does not write stay loaded.
    """
    fields, write = PAGES[step.slug].save(page, communication)
    if isinstance(page.form, wf.TranslationsMixin):
        merged = {**communication.translations, **page.form.translations()}
        fields["translations"] = {name: text for name, text in merged.items() if text}
    parts = STEP_PARTS.get(step.slug, ())

    def write_and_forget() -> None:
        """Write, then forget the parts the page wrote (read again if needed), unless it put them back."""
        loaded = communication._prefetched_objects_cache  # type: ignore[attr-defined]
        # A step that writes and is not in STEP_PARTS may have changed any part: forget them all.
        written = parts if step.slug in STEP_PARTS else tuple(loaded)
        before = {name: loaded.get(name) for name in written}
        assert write is not None
        write()
        for name in written:
            if loaded.get(name) is before[name]:
                loaded.pop(name, None)

    if not hasattr(communication, "_prefetched_objects_cache"):
        communication._prefetched_objects_cache = {}  # type: ignore[attr-defined]
    return communication_save_step(
        communication=communication,
        expected_version=version,
        actor=actor,
        fields=fields,
        write=write_and_forget if write is not None else None,
        recompute_deadlines="remedies" in parts or not CASE_DATE_FIELDS.isdisjoint(fields),
        keep_loaded=True,
        # The blind index follows the title here, when the page changed it; people are saved one
        # by one (save()), and their saves keep it. A page that writes no part, or only known
        # parts, and leaves the title as it was skips it.
        reindex_names=title_changed(page, fields) or (write is not None and step.slug not in STEP_PARTS),
    )


def title_changed(page: Page, fields: dict[str, Any]) -> bool:
    """Whether saving ``fields`` changes the case's title (the form knows what it was shown with)."""
    if "title" not in fields:
        return False
    return page.form is None or "title" in page.form.changed_data


def feedback(communication: Communication, assessment: Assessment) -> list[dict[str, Any]]:
    """Return the findings worth showing while drafting, each with the step where it can be fixed."""
    child = is_child_mode(communication)
    slugs = {step.slug for step in applicable_steps(communication)}
    items = []
    for finding in assessment.findings:
        if finding.outcome == "met":
            continue
        slug = STEP_FOR_CRITERION.get(finding.criterion, "review")
        items.append(
            {
                "finding": finding,
                "slug": slug,
                "text": finding.child_reason if child else finding.reason,
                "url": reverse("complaints:wizard_step", args=[communication.reference, slug])
                if slug in slugs
                else None,
            }
        )
    return items


def nothing_written(communication: Communication) -> bool:
    """Whether the draft has no answer yet beyond who is filing (the parts are loaded: no query)."""
    parts = ("people", "claims", "remedies", "other_procedures", "documents")
    return (
        not communication.state
        and not communication.facts_summary.strip()
        and not any(getattr(communication, part).all() for part in parts)
    )


def feedback_by_step(
    communication: Communication, items: list[dict[str, Any]], current: str
) -> dict[str, Any]:
    """Group the findings by the step that fixes them, the steps not reached yet apart.

    The steps up to the one on screen are "reached": their findings are listed. Those of later
    steps are only counted (and listed inside a closed box): a child who has written nothing yet
    is not met by a dozen problems about questions nobody has asked them. A draft with nothing
    written yet (``nothing_written``) shows no list at all, only that it is checked as it goes.
    """
    order = [step.slug for step in STEPS]
    here = order.index(current) if current in order else len(order)
    child = is_child_mode(communication)
    groups: dict[str, dict[str, Any]] = {}
    for item in sorted(items, key=lambda item: order.index(item["slug"])):
        step = STEP_BY_SLUG[item["slug"]]
        group = groups.setdefault(
            step.slug, {"title": step.child_title if child else step.title, "items": [], "slug": step.slug}
        )
        group["items"].append(item)
    fresh = nothing_written(communication)
    reached = [g for g in groups.values() if not fresh and order.index(g["slug"]) <= here]
    later = [g for g in groups.values() if g not in reached]
    return {
        "fresh": fresh,
        "reached": reached,
        "later": later,
        "later_count": sum(len(g["items"]) for g in later),
    }


def _gaps(communication: Communication, child: bool) -> list[dict[str, Any]]:
    """What the filing dossier still lacks, each with the step that fixes it (filing/completeness.py)."""
    slugs = {step.slug for step in applicable_steps(communication)}
    return [
        {
            "text": gap.child_text if child else gap.text,
            "source": gap.source,
            "url": reverse("complaints:wizard_step", args=[communication.reference, gap.step])
            if gap.step in slugs
            else None,
        }
        for gap in completeness_gaps(communication)
    ]


@functools.lru_cache(maxsize=len(settings.LANGUAGES) + 1)
def rights_explained(language: str) -> dict[str, str]:
    """Return each situation of the rights step's example and articles as HTML, in ``language``.

    The catalogue is the same for every draft, so each process renders it once per language
    (about a third of the rights step's page otherwise) and keeps it until it restarts.
    """
    with translation.override(language):
        return {
            key: render_to_string("complaints/filing/_rights_explained.html", {"entry": entry})
            for key, entry in catalogue_in(language).items()
        }


def _context(
    request: HttpRequest, communication: Communication, step: Step, page: Page, screen: int | None
) -> dict[str, Any]:
    communication = with_parts(communication)
    assessment = communication_assessment(communication=communication, lang=get_language() or "en")
    previous, following = neighbours(communication, step.slug)
    child = is_child_mode(communication)
    translation_flags = {}
    if page.form is not None and isinstance(page.form, wf.TranslationsMixin):
        for name in page.form.translatable:
            value = page.form[name].value() if name in page.form.fields else ""
            translation_flags[name] = needs_translation(str(value or ""), communication.dossier_language)
    file_by = assessment.file_by
    today = timezone.localdate()
    return {
        "communication": communication,
        "step": step,
        "steps": applicable_steps(communication),
        "page": page,
        "child": child,
        "screen": screen,
        "screens": _screens(communication, step),
        "previous": previous,
        "following": following,
        "assessment": assessment,
        "feedback": feedback_by_step(communication, feedback(communication, assessment), step.slug),
        "gaps": _gaps(communication, child),
        "exclusions": exclusions_shown(communication=communication, assessment=assessment, child=child),
        "file_by": file_by,
        "days_left": (file_by - today).days if file_by else None,
        "glossary": [GLOSSARY[key] for key in step.glossary],
        "translation_flags": translation_flags,
        "help_contacts": help_contacts(communication.state),
        "consent_warnings": victims_needing_consent(communication)
        if step.slug in {"consent", "review"}
        else [],
        "documents": communication.documents.all() if step.slug in {"documents", "review"} else [],
        "catalogue": rights_explained(get_language() or "en") if step.slug == "rights" else {},
        "step_number": [s.slug for s in applicable_steps(communication)].index(step.slug) + 1,
        "invite_url": reverse("complaints:invitation_new", args=[communication.reference])
        if step.slug in {"consent", "review"}
        and request.user.has_perm("complaints.invite_communication", communication)
        else None,
    }


def _screen_of(request: HttpRequest, communication: Communication, step: Step) -> int | None:
    if not (is_child_mode(communication) and step.screens):
        return None
    try:
        screen = int(request.GET.get("screen", request.POST.get("screen", 0)))
    except (TypeError, ValueError):
        screen = 0
    return min(max(screen, 0), len(step.screens) - 1)


def _posted_version(request: HttpRequest) -> int:
    """The draft version the page was built from; anything unreadable counts as stale, never as a crash."""
    try:
        return int(request.POST.get("version") or 0)
    except ValueError:
        return 0


def _step_url(communication: Communication, step: Step, screen: int | None = None) -> str:
    url = reverse("complaints:wizard_step", args=[communication.reference, step.slug])
    return f"{url}?screen={screen}" if screen else url


@login_required
@require_http_methods(["GET", "POST"])
def wizard_step(request: HttpRequest, reference: str, slug: str) -> HttpResponse:
    communication = communication_access(request.user, reference)
    # The branching reads the remedies; a page shown reads every part; a saved page only its own.
    needed = CASE_PARTS if request.method == "GET" else {"remedies", *STEP_PARTS.get(slug, ())}
    prefetch_related_objects([communication], *needed)
    if communication.status != Communication.Status.DRAFT:
        messages.info(request, _("This communication was submitted; it can no longer be changed here."))
        return redirect(communication)
    if not request.user.has_perm("complaints.change_communication", communication):
        raise PermissionDenied
    step = STEP_BY_SLUG.get(slug)
    if step is None:
        raise Http404
    if not step.applies(communication):
        _previous, following = neighbours(communication, slug)
        return redirect(_step_url(communication, following or STEP_BY_SLUG["review"]))
    screen = _screen_of(request, communication, step)

    # Before signing and uploading: switching the language never submits or uploads anything.
    if request.method == "POST" and request.POST.get("direction") == "language":
        return _switch_language(request, communication, step, screen)

    if step.slug == "sign" and request.method == "POST":
        if request.POST.get("direction") == "back":  # nothing on this page is saved: never a signature
            previous, _following = neighbours(communication, slug)
            return redirect(_step_url(communication, previous or step))
        return _sign(request, communication, step, screen)
    if step.slug == "documents" and request.method == "POST":
        return _upload(request, communication, step)

    if request.method == "POST" and step.slug != "review":
        page = build_page(step, communication, request.POST, request.FILES, screen)
        version = _posted_version(request)
        if page.is_valid():
            try:
                communication = save_page(step, page, communication, _user(request), version)
            except StaleVersion as stale:
                messages.warning(request, STALE_WARNING)
                communication = stale.current
                context = _context(request, communication, step, page, screen)
                return render(request, "complaints/filing/wizard_step.html", context, status=409)
            return redirect(_after_save(request, communication, step, screen))
        context = _context(request, communication, step, page, screen)
        return render(request, "complaints/filing/wizard_step.html", context, status=400)

    page = build_page(step, communication, None, None, screen)
    return render(
        request, "complaints/filing/wizard_step.html", _context(request, communication, step, page, screen)
    )


def _with_language(response: HttpResponse, language: str) -> HttpResponse:
    """Remember ``language`` as Django's own language switch does (django.views.i18n.set_language)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]
    )
    return response


def _switch_language(
    request: HttpRequest, communication: Communication, step: Step, screen: int | None
) -> HttpResponse:
    """The language switch of a step page: save what was typed as the draft, then show the step again.

    The switch is a button of the step's own form, so its answers come with it. Answers that
    cannot be saved yet (a required one missing, a date that does not exist) are shown again,
    in the new language, with what is wrong: nothing typed is lost either way.
    """
    language = request.POST.get("switch_language", "")
    if language not in dict(settings.LANGUAGES):
        language = get_language() or settings.LANGUAGE_CODE
    saves = step.slug not in UNSAVED_STEPS
    page = build_page(step, communication, request.POST, request.FILES, screen)
    if saves and page.is_valid():
        try:
            communication = save_page(step, page, communication, _user(request), _posted_version(request))
        except StaleVersion as stale:
            communication = stale.current
            messages.warning(request, STALE_WARNING)
        else:
            with translation.override(language):
                messages.success(request, _("Saved."))
            return _with_language(redirect(_step_url(communication, step, screen)), language)
    translation.activate(language)
    request.LANGUAGE_CODE = language
    # The page is built again in the new language: labels and messages are read as it renders.
    page = build_page(step, communication, request.POST, request.FILES, screen)
    if saves:
        page.is_valid()
    context = _context(request, communication, step, page, screen)
    response = render(request, "complaints/filing/wizard_step.html", context, status=400)
    return _with_language(response, language)


def _after_save(request: HttpRequest, communication: Communication, step: Step, screen: int | None) -> str:
    previous, following = neighbours(communication, step.slug)
    if request.POST.get("direction") == "add":  # another entry of a list: back here, at the new entry
        messages.success(request, _("Saved. Add the next entry below."))
        return _step_url(communication, step, screen) + "#new-entry"
    if request.POST.get("direction") == "back":
        if screen:
            return _step_url(communication, step, screen - 1)
        if previous is None:
            return _step_url(communication, step)
        return _step_url(communication, previous, _screens(communication, previous) - 1 or None)
    if screen is not None and screen + 1 < _screens(communication, step):
        return _step_url(communication, step, screen + 1)
    messages.success(request, _("Saved."))
    return _step_url(communication, following or STEP_BY_SLUG["review"])


def _upload(request: HttpRequest, communication: Communication, step: Step) -> HttpResponse:
    page = build_page(step, communication, request.POST, request.FILES, None)
    if request.POST.get("direction") in {"back", "next"} and not request.FILES:
        previous, following = neighbours(communication, step.slug)
        target = previous if request.POST["direction"] == "back" else following
        return redirect(_step_url(communication, target or step))
    form = page.form
    assert isinstance(form, wf.DocumentForm)
    if form.is_valid():
        try:
            document_add(
                communication=communication,
                upload=form.cleaned_data["file"],
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                actor=_user(request),
            )
        except DocumentRejected as error:
            form.add_error("file", str(error))
        else:
            communication_save_step(  # a document changes no deadline
                communication=communication,
                expected_version=communication.version,
                actor=_user(request),
                recompute_deadlines=False,
            )
            messages.success(request, _("The document was added."))
            return redirect(_step_url(communication, step))
    context = _context(request, communication, step, page, None)
    return render(request, "complaints/filing/wizard_step.html", context, status=400)


@login_required
@require_POST
def wizard_document_remove(request: HttpRequest, reference: str, document_id: int) -> HttpResponse:
    communication = communication_access(request.user, reference, "change")
    document = Document.objects.filter(communication=communication, pk=document_id).first()
    if document is None:
        raise Http404
    try:
        document_remove(document=document)
    except DocumentRejected as error:
        messages.error(request, str(error))
        return redirect(communication.get_absolute_url())
    messages.success(request, _("The document was removed."))
    return redirect(_step_url(communication, STEP_BY_SLUG["documents"]))


def _sign(request: HttpRequest, communication: Communication, step: Step, screen: int | None) -> HttpResponse:
    page = build_page(step, communication, request.POST, None, screen)
    form = page.form
    assert form is not None
    if form.is_valid():
        try:
            communication_submit(
                communication=communication,
                expected_version=_posted_version(request),
                signed_name=form.cleaned_data["signed_name"],
                actor=_user(request),
                submit_anyway=form.cleaned_data["submit_anyway"],
            )
        except StaleVersion:
            messages.warning(request, _("This draft changed in another window. Please check it again."))
            return redirect(_step_url(communication, STEP_BY_SLUG["review"]))
        except SubmissionRefused as error:
            form.add_error(None, str(error))
        else:
            return redirect("complaints:submitted", reference=communication.reference)
    context = _context(request, communication, step, page, screen)
    return render(request, "complaints/filing/wizard_step.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def wizard_start(request: HttpRequest) -> HttpResponse:
    """Explain what the filer will need; start a draft on POST (never on GET).

    A caseworker starts a draft for a child their organisation represents: the same wizard, in
    adult mode, written for someone else, handled by the organisation and assigned to them.
    """
    user = _user(request)
    error = ""
    if request.method == "POST":
        try:
            communication = draft_start(
                user=user, organisation_id=request.POST.get("organisation"), language=get_language()
            )
        except DraftRefused as refused:
            error = str(refused)
        else:
            return redirect("complaints:wizard_step", reference=communication.reference, slug="who")
    return render(
        request,
        "complaints/filing/wizard_start.html",
        {
            "on_behalf": user.role == User.Role.CASEWORKER,
            "organisations": drafting_organisations(user),
            "error": error,
        },
        status=400 if error else 200,
    )


@login_required
def submitted(request: HttpRequest, reference: str) -> HttpResponse:
    communication = communication_access(request.user, reference)
    return render(
        request,
        "complaints/filing/submitted.html",
        {
            "communication": communication,
            "child": is_child_mode(communication),
            "help_contacts": help_contacts(communication.state),
            **signing_context(_user(request), communication, child=is_child_mode(communication)),
        },
    )
