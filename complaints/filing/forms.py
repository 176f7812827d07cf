"""Forms of the filing wizard: one per step, plus the formsets for lists (children, remedies, procedures)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from complaints import cldr
from complaints.adapters import treaty_table
from complaints.filing.dates import DatePartsField
from complaints.filing.rights import catalogue_in, situations
from complaints.filing.textlang import parse_articles
from complaints.filing.wizard import victims_of
from complaints.models import Communication, Document, DomesticRemedy, OtherProcedure, Person

YES_NO_UNKNOWN = [("yes", _("Yes")), ("no", _("No")), ("unknown", _("I don't know"))]


def to_choice(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def from_choice(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def state_choices() -> list[tuple[str, Any]]:
    """Return the States parties, named and sorted in the reader's language (CLDR)."""
    language = get_language() or settings.LANGUAGE_CODE
    # From the treaty table each process keeps for a minute (complaints.adapters), not a query per page.
    parties = [iso3 for iso3, status in treaty_table().items() if status.opic_party]
    named = sorted(
        ((iso3, cldr.state_name(iso3, language)) for iso3 in parties), key=lambda row: row[1].casefold()
    )
    return [("", _("Choose the country")), *named]


class TranslationsMixin:
    """Add a translation box for each free-text field; the wizard shows it when the text needs one."""

    translatable: tuple[str, ...] = ()

    def add_translation_fields(self, communication: Communication) -> None:
        fields: dict[str, forms.Field] = self.fields  # type: ignore[attr-defined]
        for name in self.translatable:
            if name in fields:
                fields[f"translation__{name}"] = forms.CharField(
                    label=_("Translation into the language of the dossier (%(language)s)")
                    % {"language": communication.get_dossier_language_display()},
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    initial=communication.translations.get(name, ""),
                )

    def translations(self) -> dict[str, str]:
        data: dict[str, Any] = self.cleaned_data  # type: ignore[attr-defined]
        return {
            name: data[f"translation__{name}"].strip()
            for name in self.translatable
            if f"translation__{name}" in data
        }


class WhoForm(forms.ModelForm):
    author_is_victim = forms.TypedChoiceField(
        label=_("Who are you writing for?"),
        choices=[("True", _("For myself: it happened to me")), ("False", _("For another child or children"))],
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Communication
        fields = ["audience", "author_is_victim", "title", "dossier_language"]
        widgets = {"audience": forms.RadioSelect, "dossier_language": forms.RadioSelect}
        labels = {
            "audience": _("Who is filling in this form?"),
            "title": _("A short name for this case, only for you"),
            "dossier_language": _("Language of the letter to the Committee"),
        }
        help_texts = {
            "audience": _("Children get shorter questions, one at a time, with examples."),
            "dossier_language": _(
                "The Committee works in Arabic, Chinese, English, French, Russian and Spanish."
            ),
        }


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "given_name",
            "family_name",
            "date_of_birth",
            "nationality",
            "email",
            "phone",
            "address",
            "relationship_to_victim",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"date_of_birth": DatePartsField}

    def __init__(self, *args: Any, require_name: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if require_name:
            for name in ("given_name", "family_name"):
                if name in self.fields:
                    self.fields[name].required = True


class AuthorForm(PersonForm):
    pass


class VictimForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["given_name", "family_name", "date_of_birth", "sex", "nationality"]
        field_classes = {"date_of_birth": DatePartsField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["given_name"].required = True
        self.fields["date_of_birth"].required = True


class LoadedRowField(forms.ModelChoiceField):
    """The hidden id of a formset's row, found among the rows already read instead of by a query per row."""

    def __init__(self, rows: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = {str(row.pk): row for row in rows}

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        try:
            return self.rows[str(value)]
        except KeyError as error:  # not a row of this case: Django's own message
            message = self.error_messages["invalid_choice"]
            raise forms.ValidationError(message, code="invalid_choice") from error


class LoadedPartsFormSet(BaseInlineFormSet):
    """An inline formset of the rows the request loaded already (``prefetch_related``), if it did."""

    def get_queryset(self) -> Any:
        if not hasattr(self, "_queryset"):
            relation = self.fk.remote_field.get_accessor_name()
            loaded = getattr(self.instance, "_prefetched_objects_cache", {}).get(relation)
            if self.instance.pk is None or loaded is None:
                return super().get_queryset()
            self._queryset = loaded
        return self._queryset

    def add_fields(self, form: Any, index: int | None) -> None:
        super().add_fields(form, index)
        model: Any = self.model
        name = model._meta.pk.name
        field = form.fields.get(name)
        if isinstance(field, forms.ModelChoiceField) and self.instance.pk is not None:
            form.fields[name] = LoadedRowField(
                self.get_queryset(),
                field.queryset,
                initial=field.initial,
                required=False,
                widget=field.widget,
            )


class VictimFormSetBase(LoadedPartsFormSet):
    def get_queryset(self) -> Any:
        if not hasattr(self, "_victims"):  # asked for by every form of the formset: read once
            self._victims = victims_of(self.instance) if self.instance.pk else super().get_queryset()
        return self._victims

    def save_new(self, form: forms.ModelForm, commit: bool = True) -> Person:
        person: Person = form.save(commit=False)
        person.communication = self.instance
        person.role = Person.Role.VICTIM
        if commit:
            person.save()
        return person

    def clean(self) -> None:
        super().clean()
        kept = [
            f
            for f in self.forms
            if (f.has_changed() or f.instance.pk) and not (self.can_delete and f.cleaned_data.get("DELETE"))
        ]
        if not kept:
            raise forms.ValidationError(_("Add at least one child."))


VictimFormSet = inlineformset_factory(
    Communication,
    Person,
    form=VictimForm,
    formset=VictimFormSetBase,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
)


class ConsentForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["consent", "consent_statement", "consent_on", "without_consent_reason"]
        field_classes = {"consent_on": DatePartsField}
        widgets = {
            "consent": forms.RadioSelect,
            "consent_statement": forms.Textarea(attrs={"rows": 2}),
            "without_consent_reason": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "consent_statement": _("Write what the child said, in their own words, or attach a signed form."),
            "without_consent_reason": _(
                "For example: the child is too young to understand, or asking would put them at risk."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].required = True
        self.fields["consent"].choices = Person.Consent.choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        consent = data.get("consent")
        if consent == Person.Consent.GIVEN and not (data.get("consent_statement") or data.get("consent_on")):
            self.add_error("consent_statement", _("Write what the child said, or the date they agreed."))
        if consent == Person.Consent.WITHOUT_CONSENT_JUSTIFIED and not data.get("without_consent_reason"):
            self.add_error("without_consent_reason", _("Explain why you act without the child's consent."))
        return data


ConsentFormSet = forms.modelformset_factory(Person, form=ConsentForm, extra=0)


class RepresentativeForm(PersonForm):
    has_representative = forms.TypedChoiceField(
        label=_("Does a lawyer or an organisation represent the author?"),
        choices=[("False", _("No")), ("True", _("Yes"))],
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
    )

    class Meta(PersonForm.Meta):
        fields = ["given_name", "family_name", "email", "phone", "address"]

    field_order = ["has_representative", "given_name", "family_name", "email", "phone", "address"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, require_name=False, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("has_representative") and not data.get("family_name"):
            self.add_error("family_name", _("Give the representative's name."))
        return data


class StateForm(forms.ModelForm):
    class Meta:
        model = Communication
        fields = ["state", "outside_territory"]
        labels = {"outside_territory": _("Did it happen outside this country?")}
        help_texts = {
            "outside_territory": _(
                "For example, harm from the country's actions that reached children abroad. The Committee "
                "then decides whether the country is responsible for them."
            )
        }
        widgets = {"outside_territory": forms.NullBooleanSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"] = forms.ChoiceField(
            label=_("Country"),
            choices=state_choices(),
            help_text=_("Only the countries that have joined the Optional Protocol are listed."),
        )


class FactsForm(TranslationsMixin, forms.ModelForm):
    translatable = ("facts_summary",)

    class Meta:
        model = Communication
        fields = ["facts_summary", "facts_start", "facts_end", "facts_continuing"]
        widgets = {
            "facts_summary": forms.Textarea(attrs={"rows": 10}),
        }
        field_classes = {"facts_start": DatePartsField, "facts_end": DatePartsField}
        labels = {
            "facts_summary": _("What happened, in order, with dates"),
            "facts_start": _("When did it start?"),
            "facts_end": _("When did it end?"),
            "facts_continuing": _("It is still going on"),
        }
        help_texts = {
            "facts_summary": _(
                "For example: “On 2 September 2024 the school told my mother I could not come any "
                "more because I use a wheelchair.”"
            ),
            "facts_end": _("Leave empty if it is still going on or you don't know."),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("facts_start"), data.get("facts_end")
        if start and end and end < start:
            self.add_error("facts_end", _("The end cannot be before the start."))
        return data


class RightsForm(TranslationsMixin, forms.Form):
    """Choose what happened in everyday words; each choice maps to articles of the Convention."""

    translatable = ("explanation",)

    situations = forms.MultipleChoiceField(
        label=_("What happened? Choose all that fit."),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    articles = forms.CharField(
        label=_("Articles, if you know them"),
        required=False,
        help_text=_("For example: CRC 19, 28; OPSC 3. Leave empty if you are not sure."),
    )
    explanation = forms.CharField(
        label=_("How were these rights not respected?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("A few sentences are enough: say what the authorities did or did not do."),
    )

    def __init__(self, *args: Any, communication: Communication, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.catalogue = {item["key"]: item for item in situations()}
        localised = catalogue_in(get_language() or "en")
        cast(forms.ChoiceField, self.fields["situations"]).choices = [
            (key, entry["label"]) for key, entry in localised.items()
        ]
        claims = list(communication.claims.all())
        chosen = {c.article for c in claims if c.instrument == "CRC"}
        self.initial.setdefault(
            "situations", [key for key, entry in self.catalogue.items() if set(entry["articles"]) <= chosen]
        )
        covered = {a for key in self.initial["situations"] for a in self.catalogue[key]["articles"]}
        extra = [c for c in claims if not (c.instrument == "CRC" and c.article in covered)]
        self.initial.setdefault("articles", ", ".join(f"{c.instrument} {c.article}" for c in extra))
        self.initial.setdefault("explanation", next((c.explanation for c in claims if c.explanation), ""))

    def clean_articles(self) -> list[tuple[str, int]]:
        try:
            return parse_articles(self.cleaned_data["articles"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("situations") and not data.get("articles") and "articles" not in self.errors:
            raise forms.ValidationError(_("Choose at least one situation, or write an article number."))
        return data

    def claims(self) -> list[tuple[str, int]]:
        pairs = [
            ("CRC", a) for key in self.cleaned_data["situations"] for a in self.catalogue[key]["articles"]
        ]
        pairs += self.cleaned_data["articles"]
        return sorted(set(pairs), key=lambda pair: (pair[0] != "CRC", pair[0], pair[1]))


class RemediesForm(forms.Form):
    exhausted = forms.ChoiceField(
        label=_("Did you go all the way, up to a final decision that nobody in the country can change?"),
        choices=YES_NO_UNKNOWN,
        widget=forms.RadioSelect,
    )


class RemedyForm(forms.ModelForm):
    class Meta:
        model = DomesticRemedy
        fields = ["authority", "started_on", "decided_on", "outcome", "is_final"]
        widgets = {"outcome": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"started_on": DatePartsField, "decided_on": DatePartsField}
        labels = {
            "authority": _("Who did you complain to? (police, court, ombudsman, ministry…)"),
            "is_final": _("This was the final decision"),
        }

    # The date rules live in DomesticRemedy.clean, which the form's validation calls.


RemedyFormSet = inlineformset_factory(
    Communication,
    DomesticRemedy,
    form=RemedyForm,
    formset=LoadedPartsFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
)


class ExceptionForm(TranslationsMixin, forms.ModelForm):
    translatable = ("remedies_exception_reason",)

    class Meta:
        model = Communication
        fields = ["remedies_exception", "remedies_exception_reason"]
        widgets = {"remedies_exception": forms.RadioSelect, "remedies_exception_reason": forms.Textarea}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["remedies_exception"].required = True
        self.fields["remedies_exception"].choices = Communication.RemedyException.choices  # type: ignore[attr-defined]
        self.fields["remedies_exception_reason"].required = True


class LateForm(TranslationsMixin, forms.ModelForm):
    translatable = ("late_submission_reason",)

    class Meta:
        model = Communication
        fields = ["late_submission_reason"]
        widgets = {"late_submission_reason": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["late_submission_reason"].required = True


class ProceduresForm(forms.ModelForm):
    other_procedures_taken = forms.TypedChoiceField(
        label=_(
            "Did you take the same case to another international body, such as another UN committee or "
            "a regional human rights court?"
        ),
        choices=[("False", _("No")), ("True", _("Yes"))],
        coerce=lambda value: value == "True",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Communication
        fields = ["other_procedures_taken", "previously_examined_by_committee", "previous_committee_outcome"]
        labels = {
            "previously_examined_by_committee": _("This Committee has already looked at the same case"),
            "previous_committee_outcome": _("If you wrote to this Committee before: what happened?"),
        }
        help_texts = {
            "previous_committee_outcome": _(
                "If the Committee said no only because the case was not finished in your country, you can "
                "write again once it is."
            )
        }
        widgets = {"previous_committee_outcome": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        answer = self.instance.other_procedures_taken
        self.initial["other_procedures_taken"] = None if answer is None else str(answer)
        self.fields["previous_committee_outcome"].choices = [  # type: ignore[attr-defined]
            ("", _("I did not write to this Committee before")),
            *Communication.PreviousOutcome.choices,
        ]


class ProcedureForm(forms.ModelForm):
    class Meta:
        model = OtherProcedure
        fields = ["body", "kind", "reference", "status", "same_matter"]
        labels = {
            "body": _("Which body? (e.g. Human Rights Committee)"),
            "kind": _("What kind of body is it?"),
        }
        help_texts = {
            "kind": _(
                "A regional court or commission, or another UN committee, stops this Committee from "
                "looking at the same case while it is looking at it or after it has decided. Writing to a "
                "UN Special Rapporteur does not."
            ),
            "status": _(
                "A case that was only refused for formal reasons (for example a missing form) was not "
                "examined."
            ),
        }
        widgets = {"kind": forms.RadioSelect}


ProcedureFormSet = inlineformset_factory(
    Communication,
    OtherProcedure,
    form=ProcedureForm,
    formset=LoadedPartsFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
)


class ProtectionForm(TranslationsMixin, forms.ModelForm):
    translatable = ("interim_measures_reason", "protection_details")

    class Meta:
        model = Communication
        fields = [
            "is_urgent",
            "interim_measures_requested",
            "interim_measures_reason",
            "fears_reprisals",
            "protection_details",
        ]
        labels = {
            "is_urgent": _("It is urgent"),
            "interim_measures_requested": _("I ask the Committee to request protection measures now"),
            "interim_measures_reason": _("What harm could happen that could never be undone?"),
            "fears_reprisals": _("I am afraid someone will punish me or my family for writing"),
            "protection_details": _("What are you afraid of?"),
        }
        widgets = {
            "interim_measures_reason": forms.Textarea(attrs={"rows": 3}),
            "protection_details": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("interim_measures_requested") and not data.get("interim_measures_reason"):
            self.add_error(
                "interim_measures_reason", _("Explain the harm you fear, so the Committee can act.")
            )
        return data


class RequestsForm(TranslationsMixin, forms.ModelForm):
    translatable = ("remedies_sought",)

    class Meta:
        model = Communication
        fields = ["remedies_sought"]
        widgets = {"remedies_sought": forms.Textarea(attrs={"rows": 5})}
        labels = {"remedies_sought": _("What should the State do to put things right?")}
        help_texts = {"remedies_sought": _("For example: let the child go back to school; pay compensation.")}


class ConfidentialityForm(forms.ModelForm):
    class Meta:
        model = Communication
        fields = ["names_confidential"]
        labels = {
            "names_confidential": _("Keep the children's names secret in anything the Committee publishes")
        }


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("What is it?"), choices=[])
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File (PDF, PNG or JPEG, at most 10 MB)"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["kind"]).choices = [
            (value, label)
            for value, label in Document.Kind.choices
            if value not in ("committee", "state", "signed_page")
        ]


class SignForm(forms.Form):
    signed_name = forms.CharField(label=_("Your full name, as your signature"), max_length=200)
    confirm = forms.BooleanField(
        label=_("I confirm that what I wrote is true to the best of my knowledge, and I want to submit it.")
    )
    submit_anyway = forms.BooleanField(
        label=_(
            "I understand that the Committee will probably not be able to examine it, and I submit it anyway."
        ),
        required=False,
    )
