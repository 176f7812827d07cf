"""The audit log's one table. Rows are only ever inserted: PostgreSQL refuses UPDATE and DELETE on
it (a trigger made in migration 0013), and each row carries the hash of the row before it.

An entry names the fields that changed, never their values: the log must not become a clear-text
copy of a child's data.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        READ = "read", pgettext_lazy("audit action", "read")
        DOWNLOAD = "download", pgettext_lazy("audit action", "download")
        CHANGE = "change", pgettext_lazy("audit action", "change")
        REJECTED = "rejected", pgettext_lazy("audit action", "change rejected as invalid")
        REFUSED = "refused", pgettext_lazy("audit action", "refused")

    at = models.DateTimeField(_("when"), db_index=True)
    # No foreign key constraint: the log outlives accounts, and deleting one must not touch it.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_role = models.CharField(_("role"), max_length=32, blank=True)
    actor_organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    route = models.CharField(_("page or API route"), max_length=100, blank=True)
    method = models.CharField(_("method"), max_length=8)
    status_code = models.PositiveSmallIntegerField(_("answer"))
    # The case as asked for (a refused attempt keeps the reference it tried), not a foreign key:
    # the entry stays when a case is erased.
    communication_reference = models.UUIDField(_("case reference"), null=True, blank=True)
    object_kind = models.CharField(_("object kind"), max_length=40, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    fields = models.JSONField(_("fields changed"), default=list, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=200, blank=True)
    previous_hash = models.CharField(_("hash of the previous entry"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-id"]
        # A case's entries, newest first: its readers on the case page, its export.
        indexes = [models.Index(fields=["communication_reference", "-id"], name="audit_case_latest")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.action} {self.route}"
