"""A friendly settlement (OPIC art. 9): the talks, the agreement, and the follow-up of its terms."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from rules.contrib.models import RulesModelMixin

from complaints.crypto.fields import EncryptedTextField


class Settlement(RulesModelMixin, models.Model):
    """Settlement talks on one communication, under the Committee's good offices (OPIC art. 9(1)).

    An agreement closes the examination of the communication (art. 9(2)); the State then reports on
    how it carries out the terms, as for Views (rules of procedure, rule 28).
    """

    class Status(models.TextChoices):
        TALKS = "talks", _("Settlement talks under way")
        AGREED = "agreed", _("Settlement agreed")
        ENDED = "ended", _("Talks ended without agreement")

    class ChildAgreement(models.TextChoices):
        AGREED = "agreed", _("The child agreed, after it was explained to them")
        NOT_AGREED = "not_agreed", _("The child did not agree")
        NOT_ASKED = "not_asked", _("The child could not be asked")

    communication = models.OneToOneField(
        "complaints.Communication", on_delete=models.CASCADE, related_name="settlement"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.TALKS)
    opened_on = models.DateField(_("talks opened on"))
    terms = EncryptedTextField(_("terms agreed"), blank=True)
    state_commitments = EncryptedTextField(_("what the State will do for the child"), blank=True)
    author_agreed_on = models.DateField(_("author agreed on"), null=True, blank=True)
    child_agreement = models.CharField(
        _("the child's agreement"), max_length=16, choices=ChildAgreement.choices, blank=True
    )
    child_agreement_on = models.DateField(_("child's answer recorded on"), null=True, blank=True)
    child_agreement_reason = EncryptedTextField(_("why the child could not be asked"), blank=True)
    agreed_on = models.DateField(_("agreement reached on"), null=True, blank=True)
    ended_on = models.DateField(_("talks ended on"), null=True, blank=True)
    follow_up_received_on = models.DateField(
        _("State's report on the terms received on"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("friendly settlement")
        verbose_name_plural = _("friendly settlements")

    def __str__(self) -> str:
        return str(self.get_status_display())


class SettlementStep(RulesModelMixin, models.Model):
    """One step of the talks or of the follow-up: a meeting, a proposal, a request of the Committee."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        PROPOSAL = "proposal", _("Proposed terms")
        COMMITTEE_REQUEST = "committee_request", _("Request from the Committee")

    settlement = models.ForeignKey(Settlement, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    on = models.DateField(_("date"))
    due_on = models.DateField(_("answer due"), null=True, blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    note = EncryptedTextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("settlement step")
        verbose_name_plural = _("settlement steps")
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on.isoformat()}"

    @property
    def communication(self) -> models.Model:
        """The case this step belongs to: its permissions follow the case's."""
        return self.settlement.communication
