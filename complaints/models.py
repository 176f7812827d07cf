"""The domain model: communications to the Committee on the Rights of the Child under OPIC.

Shaped after the OHCHR model complaint form: the case (Communication), the people in it and
their roles, the claims (instrument + article), the domestic remedies tried, other
international procedures, documents, and a timeline of events. Organisations (NGOs and
ombudsman offices) and their memberships decide who may see a case; the rules themselves live
in complaints.permissions, in one place.
"""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from rules.contrib.models import RulesModelMixin

from complaints.cldr import state_name
from complaints.crypto.fields import (
    EncryptedCharField,
    EncryptedDateField,
    EncryptedEmailField,
    EncryptedJSONField,
    EncryptedTextField,
)
from complaints.crypto.storage import encrypted_default_storage
from complaints.language.citations import article

iso3_validator = RegexValidator(r"^[A-Z]{3}$", _("Use the three-letter ISO 3166 code, e.g. KAZ."))


class User(AbstractUser):
    """An account. Its role decides which part of the portal it works in."""

    class Role(models.TextChoices):
        FILER = "filer", _("Filer")
        CASEWORKER = "caseworker", _("Caseworker")
        OMBUDSMAN_REVIEWER = "ombudsman_reviewer", _("Ombudsman reviewer")
        ADMINISTRATOR = "administrator", _("Administrator")

    class FilerKind(models.TextChoices):
        CHILD = "child", _("A child filing for themself")
        PARENT = "parent", _("A parent or guardian")
        REPRESENTATIVE = "representative", _("A representative")

    # A child's account carries the child's name: encrypted like the names in a case.
    first_name = EncryptedCharField(_("first name"), max_length=150, blank=True)
    last_name = EncryptedCharField(_("family name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.FILER)
    filer_kind = models.CharField(_("filing as"), max_length=32, choices=FilerKind.choices, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, blank=True
    )
    # Part of what signs the user's sessions: a new value ends every session at once ("Sign out
    # everywhere", complaints.accounts.services.user_sign_out_everywhere). Empty for an account never signed
    # out that way, which keeps Django's own session hash.
    session_salt = models.CharField(max_length=32, blank=True, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.email or self.username

    @property
    def is_staff_role(self) -> bool:
        """Whether the account works on other people's cases: caseworker, reviewer or administrator."""
        return self.role != self.Role.FILER or self.is_staff or self.is_superuser

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        # Django signs a session with an HMAC of the password; the salt joins it, so that changing
        # either ends the user's sessions everywhere.
        key_salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        value = f"{self.password}:{self.session_salt}" if self.session_salt else self.password
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()


class Organisation(models.Model):
    """An NGO that handles cases or an ombudsman office that reviews them."""

    class Kind(models.TextChoices):
        NGO = "ngo", _("Non-governmental organisation")
        OMBUDSMAN = "ombudsman", _("Ombudsman office")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    country = models.CharField(_("country"), max_length=3, validators=[iso3_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    members = models.ManyToManyField(User, through="Membership", related_name="organisations")

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's place in an organisation; coordinators receive escalations."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    is_coordinator = models.BooleanField(_("coordinator"), default=False)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


class TreatyStatus(models.Model):
    """A State's participation in OPIC (and OPSC/OPAC), with the source of every row."""

    class OpicStatus(models.TextChoices):
        PARTY = "party", _("Party")
        SIGNATORY = "signatory", _("Signatory")

    class Answer(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        UNKNOWN = "unknown", _("Unknown")

    iso3 = models.CharField(_("ISO 3166 code"), max_length=3, primary_key=True, validators=[iso3_validator])
    name = models.CharField(_("State"), max_length=100)
    opic_status = models.CharField(_("OPIC status"), max_length=16, choices=OpicStatus.choices)
    signature_date = models.DateField(_("signed"), null=True, blank=True)
    deposit_date = models.DateField(_("ratified or acceded"), null=True, blank=True)
    deposit_kind = models.CharField(_("instrument"), max_length=16, blank=True)
    entry_into_force_date = models.DateField(_("in force"), null=True, blank=True)
    art12_declaration = models.CharField(
        _("Art. 12 declaration"), max_length=8, choices=Answer.choices, default=Answer.UNKNOWN
    )
    art13_7_declaration = models.CharField(
        _("Art. 13(7) declaration"), max_length=8, choices=Answer.choices, default=Answer.UNKNOWN
    )
    opsc_party = models.CharField(
        _("party to OPSC"), max_length=8, choices=Answer.choices, default=Answer.UNKNOWN
    )
    opac_party = models.CharField(
        _("party to OPAC"), max_length=8, choices=Answer.choices, default=Answer.UNKNOWN
    )
    opsc_in_force_on = models.DateField(_("OPSC in force"), null=True, blank=True)
    opac_in_force_on = models.DateField(_("OPAC in force"), null=True, blank=True)
    # OPIC art. 22: a denunciation takes effect one year after the Secretary-General receives it.
    denunciation_received_on = models.DateField(_("denunciation received"), null=True, blank=True)
    denunciation_effective_on = models.DateField(_("denunciation takes effect"), null=True, blank=True)
    reservations = models.TextField(_("reservations and declarations"), blank=True)
    reservations_source = models.TextField(_("source of the reservations and declarations"), blank=True)
    source = models.TextField(_("source"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("treaty status")
        verbose_name_plural = _("treaty status")
        ordering = ["name"]

    def __str__(self) -> str:
        """Return the State's name in the active language (CLDR); ``name`` is UNTC's English name."""
        return state_name(self.iso3, get_language() or settings.LANGUAGE_CODE)


class Communication(RulesModelMixin, models.Model):
    """A communication to the Committee: the case, from first draft to follow-up."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        REGISTERED = "registered", _("Registered by the Committee")
        TRANSMITTED = "transmitted", _("Transmitted to the State")
        OBSERVATIONS_RECEIVED = "observations_received", _("State's observations received")
        COMMENTS_SENT = "comments_sent", _("Author's comments sent")
        ADMISSIBLE = "admissible", _("Declared admissible")
        VIEWS_ADOPTED = "views_adopted", _("Views adopted")
        FOLLOW_UP = "follow_up", _("Follow-up")
        CLOSED = "closed", _("Closed")

    class Closure(models.TextChoices):
        FRIENDLY_SETTLEMENT = "friendly_settlement", _("Friendly settlement")
        DISCONTINUED = "discontinued", _("Discontinued")
        INADMISSIBLE = "inadmissible", _("Declared inadmissible")
        VIEWS_IMPLEMENTED = "views_implemented", _("Views implemented")
        WITHDRAWN = "withdrawn", _("Withdrawn by the author")

    class DossierLanguage(models.TextChoices):
        ENGLISH = "en", _("English")
        FRENCH = "fr", _("French")
        SPANISH = "es", _("Spanish")
        RUSSIAN = "ru", _("Russian")
        ARABIC = "ar", _("Arabic")
        CHINESE = "zh", _("Chinese")

    class RemedyException(models.TextChoices):
        UNREASONABLY_PROLONGED = "unreasonably_prolonged", _("Remedies are unreasonably prolonged")
        UNLIKELY_EFFECTIVE_RELIEF = (
            "unlikely_effective_relief",
            _("Remedies are unlikely to bring effective relief"),
        )

    class Verdict(models.TextChoices):
        ADMISSIBLE_PRIMA_FACIE = "admissible_prima_facie", _("Admissible at first sight")
        NEEDS_REVIEW = "needs_review", _("Needs review")
        INADMISSIBLE = "inadmissible", _("Inadmissible")

    reference = models.UUIDField(_("reference"), default=uuid.uuid4, unique=True, editable=False)
    title = EncryptedCharField(_("short title"), max_length=200, blank=True)
    filer = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="communications", verbose_name=_("filer")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("handling organisation"),
    )
    shared_with = models.ManyToManyField(
        Organisation, blank=True, related_name="shared_cases", verbose_name=_("shared with")
    )
    routed_to = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="routed_cases",
        verbose_name=_("ombudsman office"),
        limit_choices_to={"kind": Organisation.Kind.OMBUDSMAN},
    )
    assignee = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("assigned caseworker"),
    )

    state = models.CharField(
        _("State party concerned"), max_length=3, blank=True, validators=[iso3_validator]
    )
    status = models.CharField(_("status"), max_length=32, choices=Status.choices, default=Status.DRAFT)
    closure = models.CharField(_("closed as"), max_length=32, choices=Closure.choices, blank=True)
    dossier_language = models.CharField(
        _("language of the dossier"), max_length=2, choices=DossierLanguage.choices, default="en"
    )

    class Audience(models.TextChoices):
        CHILD_UNDER_12 = "under_12", _("A child under 12")
        CHILD_12_17 = "12_17", _("A young person from 12 to 17")
        ADULT = "adult", _("An adult")

    audience = models.CharField(
        _("who is using the form"), max_length=16, choices=Audience.choices, default=Audience.ADULT
    )
    author_is_victim = models.BooleanField(_("the author is the victim"), null=True, blank=True)
    in_writing = models.BooleanField(_("in writing"), default=True)

    # What happened (OHCHR model form: facts, in order, with dates).
    facts_summary = EncryptedTextField(_("what happened"), blank=True)
    facts_start = models.DateField(_("facts began"), null=True, blank=True)
    facts_end = models.DateField(_("facts ended"), null=True, blank=True)
    facts_continuing = models.BooleanField(_("still going on"), default=False)
    remedies_sought = EncryptedTextField(_("what the author asks for"), blank=True)

    # Domestic remedies as a whole (each step is a DomesticRemedy row).
    remedies_exhausted = models.BooleanField(_("domestic remedies exhausted"), null=True, blank=True)
    remedies_exception = models.CharField(
        _("why remedies were not exhausted"), max_length=32, choices=RemedyException.choices, blank=True
    )
    remedies_exception_reason = EncryptedTextField(_("explanation"), blank=True)
    late_submission_reason = EncryptedTextField(_("why it could not be filed within one year"), blank=True)
    previously_examined_by_committee = models.BooleanField(
        _("already examined by the Committee"), default=False
    )
    # The answer to "was the same matter taken to another international body?" (art. 7(d)):
    # None = not answered yet (the engine reads "unknown"), False = an explicit no, True = yes,
    # with the bodies as OtherProcedure rows.
    other_procedures_taken = models.BooleanField(
        _("taken to another international procedure"), null=True, blank=True
    )

    class PreviousOutcome(models.TextChoices):
        EXAMINED = "examined", _("The Committee decided on it (Views, or inadmissible for good)")
        INADMISSIBLE_NOT_EXHAUSTED = (
            "inadmissible_not_exhausted",
            _("Declared inadmissible because the case was not finished in the country"),
        )
        DISCONTINUED = "discontinued", _("Withdrawn or stopped without a decision")

    previous_committee_outcome = models.CharField(
        _("what became of the earlier communication"),
        max_length=32,
        choices=PreviousOutcome.choices,
        blank=True,
    )
    outside_territory = models.BooleanField(
        _("it happened outside the State's territory"), null=True, blank=True
    )

    # Urgency and protection (Art. 6 interim measures, Art. 4 protection).
    is_urgent = models.BooleanField(_("urgent"), default=False)
    interim_measures_requested = models.BooleanField(_("interim measures requested"), default=False)
    interim_measures_reason = EncryptedTextField(_("irreparable harm feared"), blank=True)
    fears_reprisals = models.BooleanField(_("fears reprisals"), default=False)
    protection_details = EncryptedTextField(_("what the author fears"), blank=True)
    names_confidential = models.BooleanField(
        _("names must not be published"),
        default=True,
        help_text=_("Rule 29(4): names are not published unless the child expressly agrees."),
    )

    # Free text written in a language other than the dossier's gets a translation, per field.
    translations = EncryptedJSONField(_("translations"), default=dict, blank=True)
    # Without a translation of such text the filing dossier is not made, unless the handling
    # caseworker records why it may go as it is (the Committee may accept it); the reason is printed
    # on the dossier's check-list. Set by complaints.casework.services.case_allow_untranslated_filing.
    untranslated_filing_reason = EncryptedTextField(
        _("why the dossier may go without a translation"), blank=True
    )
    untranslated_filing_allowed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("allowed by")
    )
    untranslated_filing_allowed_on = models.DateField(_("allowed on"), null=True, blank=True)

    # Signature (OHCHR model form, last section).
    signed_name = EncryptedCharField(_("signed by"), max_length=200, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)

    # Dates that follow submission; each one is set by a lifecycle transition.
    submitted_on = models.DateField(_("submitted"), null=True, blank=True)
    registered_on = models.DateField(_("registered"), null=True, blank=True)
    committee_reference = models.CharField(_("Committee reference"), max_length=64, blank=True)
    interim_measures_granted_on = models.DateField(_("interim measures granted"), null=True, blank=True)
    transmitted_on = models.DateField(_("transmitted to the State"), null=True, blank=True)
    observations_received_on = models.DateField(_("State's observations received"), null=True, blank=True)
    comments_due_months = models.PositiveSmallIntegerField(
        _("months for the author's comments"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    comments_sent_on = models.DateField(_("author's comments sent"), null=True, blank=True)
    admissibility_decided_on = models.DateField(_("admissibility decision"), null=True, blank=True)
    views_adopted_on = models.DateField(_("Views adopted"), null=True, blank=True)
    # OPIC art. 11(1): the State's six months run from the transmission of the Views, not their adoption.
    views_transmitted_on = models.DateField(_("Views transmitted to the State"), null=True, blank=True)
    follow_up_received_on = models.DateField(_("follow-up received"), null=True, blank=True)
    closed_on = models.DateField(_("closed"), null=True, blank=True)

    # The last admissibility check, kept for filtering and the review queue.
    verdict = models.CharField(_("admissibility check"), max_length=32, choices=Verdict.choices, blank=True)
    verdict_checked_on = models.DateField(_("checked on"), null=True, blank=True)

    # The ombudsman reviewer working on the case, when one has taken it from the queue.
    claimed_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="claimed_cases",
        verbose_name=_("reviewer working on it"),
    )
    claimed_at = models.DateTimeField(_("taken at"), null=True, blank=True)
    # The due date of the nearest pending deadline, kept by complaints.deadlines.services.deadlines_recompute.
    next_deadline_on = models.DateField(_("nearest deadline"), null=True, blank=True, editable=False)
    # Erasure at the family's request (complaints.privacy.erasure): a submitted case keeps only its
    # record of filing until purge_after, when the daily purge removes the rest.
    erased_on = models.DateField(_("personal data erased"), null=True, blank=True, editable=False)
    purge_after = models.DateField(_("record removed after"), null=True, blank=True, editable=False)

    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("communication")
        verbose_name_plural = _("communications")
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["status", "-updated_at"]),
            models.Index(fields=["state"]),
            # The case list's default order: a page is read from the index instead of sorting every case.
            models.Index(fields=["-updated_at"], name="communication_recent"),
            # The review queue's order: urgent, interim measures, then the nearest deadline.
            models.Index(
                models.F("is_urgent").desc(),
                models.F("interim_measures_requested").desc(),
                models.F("next_deadline_on").asc(),  # PostgreSQL puts nulls last in ascending order
                name="communication_queue_order",
            ),
            # The deadline line above the case list counts cases by their nearest deadline, as far as
            # a cap: with the columns of the visibility rule in the index, PostgreSQL counts from the
            # index alone instead of reading a thousand cases scattered over the table.
            models.Index(
                fields=["next_deadline_on"],
                include=["id", "filer", "organisation"],
                name="communication_next_deadline",
            ),
            # The "urgent only" filter in the case list's order: a page reads its 25 urgent cases
            # from this small index instead of passing over the (about 97 in 100) others, and its
            # capped count reads the index alone.
            models.Index(
                fields=["-updated_at"],
                include=["id", "filer", "organisation"],
                condition=models.Q(is_urgent=True),
                name="communication_urgent_recent",
            ),
        ]

    def __str__(self) -> str:
        # Never the title: it is the filer's own note ("only for you"), and this name is shown to
        # anyone who sees the case (lists, the review queue, the admin). The filer's pages ask
        # complaints.selectors.communication_name for it.
        return str(_("Communication %(ref)s")) % {"ref": self.short_reference}

    def get_absolute_url(self) -> str:
        return reverse("complaints:communication_detail", kwargs={"reference": self.reference})

    @property
    def short_reference(self) -> str:
        return self.reference.hex[:8].upper()

    @property
    def committee_admissibility(self) -> str:
        """The Committee's own decision on admissibility, once recorded: "admissible",
        "inadmissible", or "" (not decided yet). Once there is one, it is what the case shows,
        not the portal's pre-check.
        """
        if self.closure == self.Closure.INADMISSIBLE:
            return "inadmissible"
        decided = (self.Status.ADMISSIBLE, self.Status.VIEWS_ADOPTED, self.Status.FOLLOW_UP)
        if self.admissibility_decided_on or self.views_adopted_on or self.status in decided:
            return "admissible"
        return ""

    @property
    def final_domestic_decision_on(self) -> date | None:
        """The date of the last final domestic decision, from which the one-year limit runs."""
        finals = [r.decided_on for r in self.remedies.all() if r.is_final and r.decided_on]
        return max(finals) if finals else None


class Person(RulesModelMixin, models.Model):
    """Someone named in a communication: its author, a victim or the representative."""

    class Role(models.TextChoices):
        AUTHOR = "author", _("Author")
        VICTIM = "victim", _("Victim")
        REPRESENTATIVE = "representative", _("Representative")

    class Consent(models.TextChoices):
        GIVEN = "given", _("The child agreed")
        NOT_GIVEN = "not_given", _("Not asked or not given")
        WITHOUT_CONSENT_JUSTIFIED = "without_consent_justified", _("Acting without consent, with reasons")

    communication = models.ForeignKey(Communication, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    given_name = EncryptedCharField(_("first name"), max_length=100, blank=True)
    family_name = EncryptedCharField(_("family name"), max_length=100, blank=True)
    date_of_birth = EncryptedDateField(_("date of birth"), null=True, blank=True)
    place_of_birth = EncryptedCharField(_("place of birth"), max_length=200, blank=True)
    nationality = models.CharField(_("nationality"), max_length=100, blank=True)
    sex = models.CharField(_("sex or gender"), max_length=50, blank=True)
    address = EncryptedTextField(_("postal address"), blank=True)
    email = EncryptedEmailField(_("e-mail"), blank=True)
    phone = EncryptedCharField(_("phone"), max_length=40, blank=True)
    relationship_to_victim = models.CharField(_("relationship to the child"), max_length=100, blank=True)
    consent = models.CharField(_("consent"), max_length=32, choices=Consent.choices, blank=True)
    consent_statement = EncryptedTextField(_("the child's own words"), blank=True)
    consent_on = models.DateField(_("consent given on"), null=True, blank=True)
    without_consent_reason = EncryptedTextField(_("reasons for acting without consent"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["communication", "role", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}".strip() or str(self.get_role_display())

    @property
    def identified(self) -> bool:
        """Whether a name is recorded; a single name is a name (many people have only one)."""
        return bool(self.given_name.strip() or self.family_name.strip())

    @property
    def initials(self) -> str:
        return "".join(f"{part[0]}." for part in (self.given_name, self.family_name) if part)


class Claim(RulesModelMixin, models.Model):
    """A right said to be violated: an article of the CRC, OPSC or OPAC, and why."""

    class Instrument(models.TextChoices):
        CRC = "CRC", _("Convention on the Rights of the Child")
        OPSC = "OPSC", _("Optional Protocol on the sale of children")
        OPAC = "OPAC", _("Optional Protocol on children in armed conflict")

    communication = models.ForeignKey(Communication, on_delete=models.CASCADE, related_name="claims")
    instrument = models.CharField(_("instrument"), max_length=4, choices=Instrument.choices, default="CRC")
    article = models.PositiveSmallIntegerField(
        _("article"), validators=[MinValueValidator(1), MaxValueValidator(54)]
    )
    explanation = EncryptedTextField(_("how the right was violated"), blank=True)

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["communication", "instrument", "article"]

    def __str__(self) -> str:
        return article(self.instrument, self.article)


class DomesticRemedy(RulesModelMixin, models.Model):
    """One step taken in the country: a complaint, an appeal, a court case."""

    communication = models.ForeignKey(Communication, on_delete=models.CASCADE, related_name="remedies")
    authority = models.CharField(_("authority or court"), max_length=200)
    started_on = models.DateField(_("started"), null=True, blank=True)
    decided_on = models.DateField(_("decided"), null=True, blank=True)
    outcome = EncryptedTextField(_("outcome"), blank=True)
    is_final = models.BooleanField(_("final decision"), default=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("domestic remedy")
        verbose_name_plural = _("domestic remedies")
        ordering = ["communication", "position", "started_on", "pk"]

    def __str__(self) -> str:
        return self.authority

    def clean(self) -> None:
        """Check the dates whoever writes the step (the wizard's form and the API both call this)."""
        if self.is_final and not self.decided_on:
            raise ValidationError(
                {"decided_on": _("Give the date of the final decision: the one-year limit runs from it.")}
            )
        if self.started_on and self.decided_on and self.decided_on < self.started_on:
            raise ValidationError({"decided_on": _("The decision cannot be before the complaint.")})


class OtherProcedure(RulesModelMixin, models.Model):
    """Another international procedure to which the same matter was taken (Art. 7(d))."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        EXAMINED = "examined", _("Examined on the merits")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        ENDED_WITHOUT_EXAMINATION = (
            "ended_without_examination",
            _("Declared inadmissible on formal grounds, or ended without examination"),
        )

    class Kind(models.TextChoices):
        REGIONAL = "regional", _("A regional human rights court or commission")
        TREATY_BODY = "treaty_body", _("Another UN treaty body (a UN committee)")
        SPECIAL_PROCEDURE = "special_procedure", _("A UN Special Rapporteur or working group")
        OTHER = "other", _("Something else")

    communication = models.ForeignKey(
        Communication, on_delete=models.CASCADE, related_name="other_procedures"
    )
    kind = models.CharField(_("kind of body"), max_length=32, choices=Kind.choices, blank=True)
    body = models.CharField(_("body"), max_length=200)
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=32, choices=Status.choices, blank=True)
    same_matter = models.BooleanField(_("same matter"), null=True, blank=True)

    class Meta:
        verbose_name = _("other international procedure")
        verbose_name_plural = _("other international procedures")

    def __str__(self) -> str:
        return self.body


def document_upload_to(instance: Document, filename: str) -> str:
    # The stored name never carries the user's file name, which can itself identify a child.
    return f"documents/{instance.communication.reference.hex}/{uuid.uuid4().hex}"


class Document(RulesModelMixin, models.Model):
    """An annex: a decision, evidence, a power of attorney, a consent form, a translation."""

    class Kind(models.TextChoices):
        DOMESTIC_DECISION = "domestic_decision", _("Decision of a domestic authority")
        EVIDENCE = "evidence", _("Evidence")
        POWER_OF_ATTORNEY = "power_of_attorney", _("Power of attorney")
        CONSENT = "consent", _("Consent form")
        TRANSLATION = "translation", _("Translation")
        COMMITTEE = "committee", _("Correspondence with the Committee")
        STATE = "state", _("Submission of the State")
        OTHER = "other", _("Other")
        # The dossier's signature and consent pages, printed, signed by hand and scanned after
        # submission (complaints.signing): the filing dossier carries them instead of the typed name.
        SIGNED_PAGE = "signed_page", _("Signed signature page")

    communication = models.ForeignKey(Communication, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.EVIDENCE)
    title = EncryptedCharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_upload_to, storage=encrypted_default_storage)
    original_name = EncryptedCharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    uploaded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["communication", "uploaded_at"]

    def __str__(self) -> str:
        return self.title


class Event(RulesModelMixin, models.Model):
    """One entry in a case's timeline: what happened, who did it, when."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Draft started")
        UPDATED = "updated", _("Draft updated")
        TRANSITION = "transition", _("Status changed")
        NOTE = "note", _("Note")
        DOCUMENT = "document", _("Document added")
        ASSIGNED = "assigned", _("Assigned")
        SHARED = "shared", _("Shared")
        ASSESSED = "assessed", _("Admissibility checked")
        INVITATION = "invitation", _("Review by the child or family")
        ERASED = "erased", _("Personal data erased")
        DISPATCHED = "dispatched", _("Sent to the Committee")
        CLARIFICATION = "clarification", _("The Committee's secretariat asked for more information")
        UNTRANSLATED = "untranslated", _("Filing without a translation allowed")

    communication = models.ForeignKey(Communication, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    actor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    occurred_on = models.DateField(
        _("date"), help_text=_("The day it happened, which may precede its recording.")
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    from_status = models.CharField(_("from"), max_length=32, blank=True)
    to_status = models.CharField(_("to"), max_length=32, blank=True)
    note = EncryptedTextField(_("note"), blank=True)
    # What happened, as a code the timeline writes out in the reader's language
    # (complaints.timeline.texts), with its values; empty for a note someone typed.
    code = models.CharField(_("code"), max_length=40, blank=True)
    params = EncryptedJSONField(_("values"), default=dict, blank=True)
    is_private = models.BooleanField(_("private note"), default=False)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["communication", "occurred_on", "recorded_at"]
        indexes = [models.Index(fields=["communication", "occurred_on"])]

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.get_kind_display()}"


class Submission(models.Model):
    """A frozen copy of a communication as it was signed and submitted: what the dossier is built from."""

    communication = models.ForeignKey(Communication, on_delete=models.CASCADE, related_name="submissions")
    version = models.PositiveIntegerField(_("version of the communication"))
    snapshot = EncryptedJSONField(_("content as submitted"))
    # The SHA-256 of the snapshot (canonical JSON), kept when erasure empties the snapshot.
    snapshot_sha256 = models.CharField(_("SHA-256 of the content as submitted"), max_length=64, blank=True)
    signed_name = EncryptedCharField(_("signed by"), max_length=200)
    signed_on = models.DateField(_("signed on"))
    submitted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["communication", "-submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["communication", "version"], name="one_submission_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.communication} v{self.version}"


# ---- Deadlines, reminders and dossiers ----
# Issue #5. The rules live in complaints/deadlines/rules.py (pure Python), the services in
# complaints/deadlines/services.py and complaints/dossiers/services.py; these are only the rows they keep.


class InterimMeasuresReport(models.Model):
    """The date by which the Committee asked the State to report on interim measures (OPIC art. 6)."""

    communication = models.OneToOneField(
        Communication, on_delete=models.CASCADE, related_name="interim_measures_report"
    )
    report_due_on = models.DateField(_("the State must report on interim measures by"))
    reported_on = models.DateField(_("the State reported on"), null=True, blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("report on interim measures")
        verbose_name_plural = _("reports on interim measures")

    def __str__(self) -> str:
        return f"{self.communication} {self.report_due_on}"


class Deadline(RulesModelMixin, models.Model):
    """One time limit of a case, computed by a rule of `deadlines.rules` from the date it hangs on."""

    class Kind(models.TextChoices):
        FILING = "filing", _("Filing limit: one year after the final domestic decision")
        STATE_EXPLANATIONS = "state_explanations", _("The State's written explanations")
        AUTHOR_COMMENTS = "author_comments", _("The author's comments on the State's observations")
        FOLLOW_UP = "follow_up", _("The State's written response to the Committee's Views")
        INTERIM_MEASURES = "interim_measures", _("The State's report on interim measures")
        CLARIFICATION = "clarification", _("The answer to the secretariat's request for information")
        SETTLEMENT_FOLLOW_UP = (
            "settlement_follow_up",
            _("The State's report on the friendly settlement's terms"),
        )
        SETTLEMENT_REQUEST = (
            "settlement_request",
            _("The answer to the Committee's request about the settlement"),
        )
        ADMISSIBILITY_COMMENTS = (
            "admissibility_comments",
            _("The author's comments on the State's request to examine admissibility separately"),
        )
        FURTHER_FOLLOW_UP = "further_follow_up", _("The State's further information on follow-up")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        OVERDUE = "overdue", _("Overdue")
        MET = "met", _("Met")
        CANCELLED = "cancelled", _("No longer applies")

    communication = models.ForeignKey(Communication, on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    anchor_on = models.DateField(_("runs from"))
    due_on = models.DateField(_("due"))
    source = models.CharField(_("source"), max_length=200)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    met_on = models.DateField(_("met on"), null=True, blank=True)
    # The next day the sweep has something to do (a reminder, marking it overdue); null when nothing is left.
    next_action_on = models.DateField(_("next action"), null=True, blank=True)
    escalated_on = models.DateField(_("escalated"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["communication", "kind"], name="one_deadline_per_kind")
        ]
        indexes = [
            # The sweep reads only the rows with something to do today: its cost follows them, not the table.
            models.Index(
                fields=["next_action_on"],
                name="deadline_next_action",
                condition=models.Q(next_action_on__isnull=False),
            ),
            models.Index(
                fields=["due_on"],
                name="deadline_due_pending",
                condition=models.Q(status__in=["open", "overdue"]),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.due_on}"

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.OVERDUE)


class DeadlineChange(models.Model):
    """One change of a deadline (created, moved, met, cancelled, overdue): its history is kept."""

    class Cause(models.TextChoices):
        CREATED = "created", _("Created")
        RECOMPUTED = "recomputed", _("The date it runs from changed")
        MET = "met", _("Met")
        CANCELLED = "cancelled", _("No longer applies")
        REOPENED = "reopened", _("Open again")
        OVERDUE = "overdue", _("Overdue")

    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="changes")
    cause = models.CharField(_("cause"), max_length=16, choices=Cause.choices)
    actor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True)
    old_anchor_on = models.DateField(_("ran from"), null=True, blank=True)
    new_anchor_on = models.DateField(_("runs from"), null=True, blank=True)
    old_due_on = models.DateField(_("was due"), null=True, blank=True)
    new_due_on = models.DateField(_("due"), null=True, blank=True)
    old_status = models.CharField(_("old status"), max_length=16, blank=True)
    new_status = models.CharField(_("new status"), max_length=16, blank=True)

    class Meta:
        verbose_name = _("deadline change")
        verbose_name_plural = _("deadline changes")
        ordering = ["deadline", "changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.deadline} {self.get_cause_display()}"


class DeadlineReminder(models.Model):
    """A reminder, overdue notice or escalation for a deadline: at most one per stage, person and due date."""

    class Stage(models.TextChoices):
        DAYS_30 = "30", _("30 days before")
        DAYS_14 = "14", _("14 days before")
        DAYS_7 = "7", _("7 days before")
        DAYS_1 = "1", _("1 day before")
        OVERDUE = "overdue", _("Overdue")
        ESCALATION = "escalation", _("Escalated to a coordinator")

    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="reminders")
    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="deadline_reminders")
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices)
    due_on = models.DateField(_("for the due date"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        verbose_name = _("deadline reminder")
        verbose_name_plural = _("deadline reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["deadline", "recipient", "stage", "due_on"], name="one_reminder_per_stage"
            )
        ]
        indexes = [
            models.Index(
                fields=["created_at"], name="reminder_not_emailed", condition=models.Q(emailed_at=None)
            )
        ]

    def __str__(self) -> str:
        return f"{self.deadline} → {self.recipient} ({self.stage})"


class Notification(models.Model):
    """An in-app notice for one user about a deadline of a case they follow."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Reminder")
        OVERDUE = "overdue", _("Overdue")
        ESCALATION = "escalation", _("Escalation")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    communication = models.ForeignKey(Communication, on_delete=models.CASCADE, related_name="+")
    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    due_on = models.DateField(_("due"))
    days_left = models.SmallIntegerField(_("days left"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"], name="notification_user_recent")]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_kind_display()} {self.due_on}"


class CalendarFeed(models.Model):
    """A secret, revocable iCalendar address of one user's deadlines; only the token's SHA-256 is kept."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="calendar_feeds")
    token_sha256 = models.CharField(_("token (SHA-256)"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(revoked_at=None), name="one_active_calendar_feed"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({'revoked' if self.revoked_at else 'active'})"


def dossier_upload_to(instance: Dossier, filename: str) -> str:
    return f"dossiers/{instance.communication.reference.hex}/{uuid.uuid4().hex}.pdf"


class Dossier(RulesModelMixin, models.Model):
    """The PDF dossier of a communication in one variant: one row per variant, re-rendered in place."""

    class Variant(models.TextChoices):
        FILING = "filing", _("For filing with the Committee")
        REDACTED = "redacted", _("Redacted: children's names as initials")
        INTERNAL = "internal", _("Internal: with the timeline and notes")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be prepared")
        RENDERING = "rendering", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    class Failure(models.TextChoices):
        RENDER_ERROR = "render_error", _("The dossier could not be laid out. The team has been told.")
        STORAGE_ERROR = "storage_error", _("The dossier could not be saved. Please try again later.")
        GAVE_UP = "gave_up", _("Preparing the dossier kept failing. Please try again later.")
        UNTRANSLATED = (
            "untranslated",
            _(
                "Some text has no translation into the language of the dossier. Add it, or ask the "
                "caseworker handling the case to record why it may go without one."
            ),
        )

    communication = models.ForeignKey(Communication, on_delete=models.CASCADE, related_name="dossiers")
    variant = models.CharField(_("variant"), max_length=16, choices=Variant.choices, default=Variant.FILING)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    language = models.CharField(_("language"), max_length=2, blank=True)
    requested_version = models.PositiveIntegerField(_("version when requested"))
    communication_version = models.PositiveIntegerField(_("built from version"), null=True, blank=True)
    file = models.FileField(
        _("file"), upload_to=dossier_upload_to, storage=encrypted_default_storage, blank=True
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), null=True, blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    failure = models.CharField(_("reason"), max_length=32, choices=Failure.choices, blank=True)
    failure_detail = models.TextField(_("technical detail"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    requested_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    requested_at = models.DateTimeField(_("requested"))
    # When its rendering task last reached the broker: a queued dossier not sent for a while is sent
    # again by the re-drive (complaints.dossiers.services.dossiers_redrive); empty when no send has succeeded.
    sent_at = models.DateTimeField(_("sent to the workers"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["communication", "variant"]
        constraints = [
            models.UniqueConstraint(fields=["communication", "variant"], name="one_dossier_per_variant")
        ]

    def __str__(self) -> str:
        return f"{self.communication} {self.variant} ({self.status})"

    @property
    def is_out_of_date(self) -> bool:
        """Whether the communication changed since this dossier was built."""
        return (
            self.status == self.Status.READY
            and self.communication_version is not None
            and self.communication_version != self.communication.version
        )


class Triage(models.Model):
    """An ombudsman office's decision on a case routed to it, with the reason the filer reads."""

    class Decision(models.TextChoices):
        REFER_DOMESTIC = "refer_domestic", _("Refer to a domestic mechanism")
        SUPPORT = "support", _("Support the communication")
        MORE_INFORMATION = "more_information", _("Ask the filer for more information")

    communication = models.ForeignKey(Communication, on_delete=models.CASCADE, related_name="triages")
    decision = models.CharField(_("decision"), max_length=32, choices=Decision.choices)
    reason_for_filer = EncryptedTextField(_("reason, in plain words for the filer"))
    note = EncryptedTextField(_("internal note"), blank=True)
    decided_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        verbose_name = _("triage decision")
        verbose_name_plural = _("triage decisions")
        ordering = ["communication", "-decided_at"]

    def __str__(self) -> str:
        return f"{self.communication}: {self.get_decision_display()}"


class Invitation(models.Model):
    """A caseworker's request that the child, or a parent, read a draft and say whether they agree.

    The link's secret is shown once; only its SHA-256 is kept. Whoever opens the link signs in
    with their own account and accepts it: from then on that account sees the case (read only),
    until the invitation is withdrawn. An invitation made for an e-mail address can only be
    accepted by the account with that address.
    """

    class Role(models.TextChoices):
        CHILD = "child", _("The child")
        PARENT = "parent", _("A parent or guardian")

    class Answer(models.TextChoices):
        AGREED = "agreed", _("Agrees that it is sent")
        CHANGES = "changes", _("Asks for changes")
        DECLINED = "declined", _("Does not agree")

    communication = models.ForeignKey(Communication, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("child concerned"),
    )
    role = models.CharField(_("invited as"), max_length=16, choices=Role.choices)
    email = EncryptedEmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    token_sha256 = models.CharField(_("token (SHA-256)"), max_length=64, unique=True)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("link valid until"))
    accepted_by = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="accepted_invitations",
        verbose_name=_("accepted by"),
    )
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    answer = models.CharField(_("answer"), max_length=16, choices=Answer.choices, blank=True)
    answer_comment = EncryptedTextField(_("comment"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["communication", "-created_at"]
        indexes = [models.Index(fields=["accepted_by", "communication"], name="invitation_accepted")]

    def __str__(self) -> str:
        return f"{self.communication}: {self.get_role_display()}"


class ErasureRecord(models.Model):
    """That a case's personal data were erased: who asked, who did it, when, what and how many.

    It holds none of the erased data: the case's reference is a random identifier, and the
    categories are counts (``{"people": 2, "documents": 3}``).
    """

    class Kind(models.TextChoices):
        DRAFT = "draft", _("A draft, erased completely")
        SUBMITTED = "submitted", _("A submitted case, reduced to the record of its filing")
        PURGED = "purged", _("The record of filing, removed after the retention period")

    class Asker(models.TextChoices):
        FILER = "filer", _("The filer, on the portal")
        FAMILY = "family", _("The child or family, through an administrator")
        ADMINISTRATOR = "administrator", _("An administrator, on the portal's own decision")
        RETENTION = "retention", _("The end of the retention period")

    reference = models.UUIDField(_("case reference"), db_index=True)
    communication = models.ForeignKey(
        Communication, on_delete=models.SET_NULL, null=True, blank=True, related_name="erasures"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    asked_by = models.CharField(_("asked by"), max_length=16, choices=Asker.choices)
    requested_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    performed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("done by")
    )
    performed_at = models.DateTimeField(_("done at"), auto_now_add=True)
    status_at_erasure = models.CharField(_("status of the case"), max_length=32)
    removed = models.JSONField(_("removed, by category"), default=dict)
    purge_after = models.DateField(_("record removed after"), null=True, blank=True)

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        ordering = ["-performed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.reference.hex[:8].upper()} {self.get_kind_display()}"


# ---- From the portal to the Committee (complaints.dispatch) ----


class Dispatch(RulesModelMixin, models.Model):
    """One sending of the filing dossier to the Committee's secretariat, by e-mail or by post.

    The first dispatch, not the portal's submission, is when the communication is filed: the
    one-year limit of OPIC art. 7(h) is met on its day in Geneva (``sent_on``).
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        POST = "post", _("Post")

    communication = models.ForeignKey(Communication, on_delete=models.CASCADE, related_name="dispatches")
    channel = models.CharField(_("sent by"), max_length=8, choices=Channel.choices)
    sent_at = models.DateTimeField(_("sent at"))
    # The day it was sent, in Geneva (Europe/Zurich), where the treaty's days are counted.
    sent_on = models.DateField(_("sent on (Geneva)"))
    recipient = models.CharField(_("sent to"), max_length=300)
    message_id = models.CharField(_("message id"), max_length=300, blank=True)
    postal_receipt = models.TextField(_("postal receipt"), blank=True)
    dossier_sha256 = models.CharField(_("SHA-256 of the dossier sent"), max_length=64, blank=True)
    sender = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("sent by")
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("dispatch to the Committee")
        verbose_name_plural = _("dispatches to the Committee")
        ordering = ["communication", "sent_at", "pk"]

    def __str__(self) -> str:
        return f"{self.communication} {self.channel} {self.sent_on}"


class LetterWithTimeLimit(RulesModelMixin, models.Model):
    """A letter to a case that asks for an answer by a date it sets, and the day it was answered.

    Each kind names its case (``communication``) and the day of the letter (``requested_on``).
    """

    due_on = models.DateField(_("answer by"))
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    note = models.TextField(_("what was asked"), blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    communication: models.ForeignKey[Communication, Communication]
    requested_on: models.DateField[date, date]

    class Meta:
        abstract = True
        ordering = ["communication", "requested_on", "pk"]


class ClarificationRequest(LetterWithTimeLimit):
    """The secretariat asked the author for clarification or more information (rule 15), by a date it set."""

    communication = models.ForeignKey(
        Communication, on_delete=models.CASCADE, related_name="clarification_requests"
    )
    requested_on = models.DateField(_("asked on"))

    class Meta(LetterWithTimeLimit.Meta):
        verbose_name = _("request for clarification")
        verbose_name_plural = _("requests for clarification")

    def __str__(self) -> str:
        return f"{self.communication} {self.requested_on} → {self.due_on}"


class ProcedureRequest(LetterWithTimeLimit):
    """A step after transmission whose time limit the Committee sets in its letter, case by case.

    - ``separate_admissibility``: the State asked that admissibility be examined separately from
      the merits (rules of procedure, rule 18); the author comments on that request by the date
      the Committee gives.
    - ``further_follow_up``: after the State's six-month reply on the Views, the Committee asks
      for further information on the measures taken (OPIC art. 11(2); rule 28) by a date it sets.

    ``requested_on`` is the day of the Committee's letter, ``due_on`` the date in it, and
    ``answered_on`` the day the answer went (or came) back.
    """

    class Kind(models.TextChoices):
        SEPARATE_ADMISSIBILITY = (
            "separate_admissibility",
            _("The State asked to examine admissibility separately"),
        )
        FURTHER_FOLLOW_UP = "further_follow_up", _("The Committee asked the State for further follow-up")

    communication = models.ForeignKey(
        Communication, on_delete=models.CASCADE, related_name="procedure_requests"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    requested_on = models.DateField(_("letter dated"))

    class Meta(LetterWithTimeLimit.Meta):
        verbose_name = _("request of the Committee")
        verbose_name_plural = _("requests of the Committee")

    def __str__(self) -> str:
        return f"{self.communication} {self.kind} {self.requested_on} → {self.due_on}"


# ---- The inquiry procedure (OPIC arts. 13-14; complaints.inquiries) ----


class Inquiry(RulesModelMixin, models.Model):
    """Reliable information of grave or systematic violations by a State, sent by an NGO or ombudsman.

    Not a communication: no victim, no author, no admissibility. The Committee invites the State to
    cooperate and submit observations (art. 13(1)), may inquire, transmits its findings (art.
    13(4)); the State answers within six months (art. 13(5)); the Committee may then ask for
    further information (art. 14). A State that declared under art. 13(7) that it does not
    recognise this competence cannot be the subject of one.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Information sent to the Committee")
        COOPERATION_INVITED = "cooperation_invited", _("The State was invited to cooperate")
        OBSERVATIONS_RECEIVED = "observations_received", _("The State's observations received")
        FINDINGS_TRANSMITTED = "findings_transmitted", _("Findings transmitted to the State")
        FINDINGS_ANSWERED = "findings_answered", _("The State answered the findings")
        FOLLOW_UP = "follow_up", _("Follow-up")
        CLOSED = "closed", _("Closed")

    reference = models.UUIDField(_("reference"), default=uuid.uuid4, unique=True, editable=False)
    state = models.ForeignKey(
        TreatyStatus, on_delete=models.PROTECT, related_name="inquiries", verbose_name=_("State")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="inquiries",
        verbose_name=_("submitted by"),
    )
    title = models.CharField(_("title"), max_length=200)
    # What the information is about may name people: encrypted like a case's story.
    summary = EncryptedTextField(_("summary of the information"), blank=True)
    status = models.CharField(_("status"), max_length=32, choices=Status.choices, default=Status.SUBMITTED)
    submitted_on = models.DateField(_("information sent"))
    cooperation_invited_on = models.DateField(_("State invited to cooperate"), null=True, blank=True)
    observations_due_on = models.DateField(_("observations asked by"), null=True, blank=True)
    observations_received_on = models.DateField(_("observations received"), null=True, blank=True)
    findings_transmitted_on = models.DateField(_("findings transmitted"), null=True, blank=True)
    findings_answered_on = models.DateField(_("State answered the findings"), null=True, blank=True)
    follow_up_requested_on = models.DateField(_("further information asked"), null=True, blank=True)
    follow_up_due_on = models.DateField(_("further information asked by"), null=True, blank=True)
    follow_up_received_on = models.DateField(_("further information received"), null=True, blank=True)
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-submitted_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.reference.hex[:8].upper()} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("complaints:inquiry", args=[self.reference])


class InquiryEvent(models.Model):
    """One recorded step of an inquiry, on the day it happened: its history."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="events")
    step = models.CharField(_("step"), max_length=32)
    occurred_on = models.DateField(_("on"))
    due_on = models.DateField(_("due"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    actor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("step of an inquiry")
        verbose_name_plural = _("steps of inquiries")
        ordering = ["inquiry", "occurred_on", "pk"]

    def __str__(self) -> str:
        return f"{self.inquiry} {self.step} {self.occurred_on}"


class SearchDigest(models.Model):
    """One entry of the blind index of a case's names and title (complaints.crypto.blind_index).

    The names themselves are encrypted; the case list finds a case by the keyed digest of a word
    (or of its first letters) of the title or of a name of someone in it.
    """

    communication = models.ForeignKey(Communication, on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(_("digest"), max_length=32)

    class Meta:
        verbose_name = _("search digest")
        verbose_name_plural = _("search digests")
        constraints = [
            models.UniqueConstraint(fields=["digest", "communication"], name="one_search_digest_per_case")
        ]

    def __str__(self) -> str:
        return self.digest


class ChildAccount(models.Model):
    """An account a caseworker or a parent made for a child who has no e-mail address.

    The child starts it with a one-time code (kept here only as its SHA-256), sets a password and
    signs in with the username; nothing about the account needs the family's inbox
    (complaints.childaccounts.services).
    """

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="child_account", verbose_name=_("child's account")
    )
    created_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="child_accounts_made",
        verbose_name=_("made by"),
    )
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)
    code_sha256 = models.CharField(_("start code (SHA-256)"), max_length=64, blank=True)
    code_expires_at = models.DateTimeField(_("start code valid until"), null=True, blank=True)
    code_used_at = models.DateTimeField(_("started at"), null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(_("wrong codes"), default=0)

    class Meta:
        verbose_name = _("child's account")
        verbose_name_plural = _("children's accounts")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.user.username


# The audit log's model lives with the rest of the audit trail; imported here so that Django finds it.
from complaints.audit.models import AuditEntry  # noqa: E402, F401

# The Committee's decisions live in their package; imported here so that Django finds them.
from complaints.decisions.models import Decision  # noqa: E402, F401

# A friendly settlement's records live with its services (complaints.settlements); imported here likewise.
from complaints.settlements.models import Settlement, SettlementStep  # noqa: E402, F401
