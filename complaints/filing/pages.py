"""What each wizard step shows and how it is saved, declared once per step.

``PAGES`` gives, for every step of ``complaints.filing.wizard.STEPS``, a ``StepPage``: how its forms are
built for a communication (bound to posted data or not) and what saving them changes (fields of
the communication, and a ``write`` for its related rows). The views iterate over this table;
they never dispatch on a step's slug. Every save goes through
``services.communication_save_step``, one versioned transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from complaints.filing import forms as wf
from complaints.filing.wizard import FIXED_FOR_CHILD, STEPS, drafted_for_child, keep_loaded, victims_of
from complaints.models import Communication, Person
from complaints.services import communication_set_claims, remedies_renumber

Write = Callable[[], None] | None


@dataclass
class Page:
    """The forms of one step, bound or not."""

    form: forms.BaseForm | None = None
    formset: Any = None
    fields: dict[str, Any] = field(default_factory=dict)

    def is_valid(self) -> bool:
        valid = self.form.is_valid() if self.form is not None else True
        if self.formset is not None:
            valid = self.formset.is_valid() and valid
        return valid


class ProceduresPage(Page):
    """The "same matter elsewhere" step: a yes or no first; the bodies listed only after a yes."""

    def kept_rows(self) -> list[Any]:
        formset = self.formset
        return [
            form
            for form in formset.forms
            if (form.instance.pk or form.has_changed()) and not formset._should_delete_form(form)
        ]

    def is_valid(self) -> bool:
        if not super().is_valid():
            return False
        assert self.form is not None
        answer = self.form.cleaned_data.get("other_procedures_taken")
        kept = self.kept_rows()
        if answer is False and kept:
            self.form.add_error(
                "other_procedures_taken",
                _("You answered no, but a body is listed below: remove it (tick Delete), or answer yes."),
            )
        elif answer is True and not kept:
            self.form.add_error(
                "other_procedures_taken", _("Name the body below, or answer no if there was none.")
            )
        return self.form.is_valid()


Build = Callable[[Communication, Any, Any], Page]
Save = Callable[[Page, Communication], tuple[dict[str, Any], Write]]


def _person(communication: Communication, role: str) -> Person:
    # From the people the request loaded (in their order), not a query of its own.
    found = next((p for p in communication.people.all() if p.role == role), None)
    return found or Person(communication=communication, role=role)


# ---- Saving ----


def save_fields(page: Page, communication: Communication) -> tuple[dict[str, Any], Write]:
    """The form's answers go on the communication; its formset, if any, saves its rows."""
    assert isinstance(page.form, forms.ModelForm)
    model_fields = {f.name for f in Communication._meta.get_fields()}
    fields = {k: v for k, v in page.form.cleaned_data.items() if k in model_fields}
    return fields, (page.formset.save if page.formset is not None else None)


def save_procedures(page: Page, communication: Communication) -> tuple[dict[str, Any], Write]:
    """Save the answer and the bodies; a body listed without an answer counts as a yes."""
    fields, write = save_fields(page, communication)
    if fields.get("other_procedures_taken") is None and isinstance(page, ProceduresPage) and page.kept_rows():
        fields["other_procedures_taken"] = True
    return fields, write


def save_formset(page: Page, communication: Communication) -> tuple[dict[str, Any], Write]:
    return {}, page.formset.save


def save_nothing(page: Page, communication: Communication) -> tuple[dict[str, Any], Write]:
    return {}, None


def save_person(page: Page, communication: Communication) -> tuple[dict[str, Any], Write]:
    form = page.form
    assert isinstance(form, forms.ModelForm)

    def write() -> None:
        person = form.instance
        if "has_representative" in form.cleaned_data and not form.cleaned_data["has_representative"]:
            if person.pk:
                person.delete()
            return
        form.save()

    return {}, write


def save_rights(page: Page, communication: Communication) -> tuple[dict[str, Any], Write]:
    form = page.form
    assert isinstance(form, wf.RightsForm)

    def write() -> None:
        communication_set_claims(
            communication=communication, pairs=form.claims(), explanation=form.cleaned_data["explanation"]
        )

    return {}, write


def save_remedies(page: Page, communication: Communication) -> tuple[dict[str, Any], Write]:
    assert page.form is not None
    formset = page.formset

    def write() -> None:
        before = list(communication.remedies.all())  # as the formset read them (once, for this request)
        remedies = formset.save(commit=False)
        removed_pks = {removed.pk for removed in formset.deleted_objects}
        for removed in formset.deleted_objects:
            removed.delete()
        start = max((r.position for r in before if r.pk not in removed_pks), default=0) + 1
        for offset, remedy in enumerate(remedies):
            if remedy.pk is None:
                remedy.position = start + offset
            remedy.save()
        changed = {r.pk: r for r in remedies}
        now = [changed.get(r.pk, r) for r in before if r.pk not in removed_pks]
        now += [r for r in remedies if r not in now]
        remedies_renumber(communication=communication, remedies=now)
        keep_loaded(communication, "remedies", sorted(now, key=lambda r: r.position))

    return {"remedies_exhausted": wf.from_choice(page.form.cleaned_data["exhausted"])}, write


# ---- Building ----


def _who(c: Communication, data: Any, files: Any) -> Page:
    form = wf.WhoForm(data, instance=c, initial={"author_is_victim": str(c.author_is_victim)})
    if c.author_is_victim is None:
        form.initial["author_is_victim"] = None
    if drafted_for_child(c):  # adult mode, written for the child: nothing to choose here
        for name in FIXED_FOR_CHILD:
            del form.fields[name]
    return Page(form)


def _author(c: Communication, data: Any, files: Any) -> Page:
    form = wf.AuthorForm(data, instance=_person(c, Person.Role.AUTHOR), prefix="author")
    if c.author_is_victim:
        del form.fields["relationship_to_victim"]
        form.fields["date_of_birth"].required = True
    return Page(form)


def _representative(c: Communication, data: Any, files: Any) -> Page:
    representative = _person(c, Person.Role.REPRESENTATIVE)
    return Page(
        wf.RepresentativeForm(
            data,
            instance=representative,
            prefix="rep",
            initial={"has_representative": str(representative.pk is not None)},
        )
    )


def _model_form(form_class: type[forms.ModelForm]) -> Build:
    return lambda c, data, files: Page(form_class(data, instance=c))


@dataclass(frozen=True)
class StepPage:
    build: Build
    save: Save = save_fields
    # The fields of the communication itself that this step's answers set (the API offers the same).
    writes: tuple[str, ...] = ()


def _fields_of(form_class: type[forms.ModelForm]) -> tuple[str, ...]:
    meta: Any = form_class._meta  # ModelFormOptions; its fields are the form's model fields
    return tuple(meta.fields or ())


def _model_page(form_class: type[forms.ModelForm]) -> StepPage:
    return StepPage(_model_form(form_class), writes=_fields_of(form_class))


PAGES: dict[str, StepPage] = {
    "who": StepPage(_who, writes=_fields_of(wf.WhoForm)),
    "author": StepPage(_author, save_person),
    "victims": StepPage(
        lambda c, data, files: Page(formset=wf.VictimFormSet(data, instance=c, prefix="victims")),
        save_formset,
    ),
    "consent": StepPage(
        lambda c, data, files: Page(
            formset=wf.ConsentFormSet(data, queryset=victims_of(c), prefix="consent")
        ),
        save_formset,
    ),
    "representative": StepPage(_representative, save_person),
    "state": _model_page(wf.StateForm),
    "facts": _model_page(wf.FactsForm),
    "rights": StepPage(lambda c, data, files: Page(wf.RightsForm(data, communication=c)), save_rights),
    "remedies": StepPage(
        lambda c, data, files: Page(
            wf.RemediesForm(data, initial={"exhausted": wf.to_choice(c.remedies_exhausted)}),
            wf.RemedyFormSet(data, instance=c, prefix="remedies"),
        ),
        save_remedies,
        writes=("remedies_exhausted",),
    ),
    "remedies-exception": _model_page(wf.ExceptionForm),
    "late": _model_page(wf.LateForm),
    "procedures": StepPage(
        lambda c, data, files: ProceduresPage(
            wf.ProceduresForm(data, instance=c), wf.ProcedureFormSet(data, instance=c, prefix="procedures")
        ),
        save_procedures,
        writes=_fields_of(wf.ProceduresForm),
    ),
    "protection": _model_page(wf.ProtectionForm),
    "requests": _model_page(wf.RequestsForm),
    "confidentiality": _model_page(wf.ConfidentialityForm),
    # Documents are added and removed one by one, and signing submits: their own services.
    "documents": StepPage(lambda c, data, files: Page(wf.DocumentForm(data, files)), save_nothing),
    "sign": StepPage(
        lambda c, data, files: Page(wf.SignForm(data, initial={"signed_name": c.signed_name})), save_nothing
    ),
    "review": StepPage(lambda c, data, files: Page(), save_nothing),
}

assert set(PAGES) == {step.slug for step in STEPS}, "every wizard step declares its page"

# Every field of the communication a draft's steps ask for, in the steps' order: what the API's
# draft writes accept too.
COMMUNICATION_FIELDS: tuple[str, ...] = tuple(name for step in STEPS for name in PAGES[step.slug].writes)
