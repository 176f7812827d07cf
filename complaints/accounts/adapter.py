"""django-allauth adapters: an e-mail when an account's log-in limit trips; staff keep a second factor; a
child's account without an address skips the e-mail check."""

from __future__ import annotations

import hashlib
import logging
import time
from typing import Any

from allauth.account import app_settings as account_settings
from allauth.account import stages
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import filter_users_by_email
from allauth.core import context
from allauth.core.internal import ratelimit
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from complaints.accounts.services import ENROLMENT_SESSION_KEY, SECOND_FACTOR_TYPES
from complaints.models import ChildAccount, User

logger = logging.getLogger(__name__)


def _per_account_rates() -> str:
    """Return the per-account part of the ``login_failed`` limit, e.g. ``"5/5m/key"``."""
    rates = settings.ACCOUNT_RATE_LIMITS.get("login_failed") or ""
    return ",".join(part.strip() for part in rates.split(",") if part.strip().endswith("/key"))


def account_locked_email(user: User) -> EmailMessage:
    """Return the e-mail telling an account's owner that its log-in is paused; it accuses nobody."""
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        subject = _("Signing in to your account is paused for a few minutes")
        reset = settings.PORTAL_BASE_URL.rstrip("/") + reverse("account_reset_password")
        body = "\n".join(
            str(line)
            for line in (
                _("Someone tried to sign in to your account several times with a wrong password."),
                _("To protect the account, signing in with a password is paused for a few minutes."),
                "",
                _("If it was you, wait a few minutes and try again, or choose a new password: %(url)s")
                % {"url": reset},
                _(
                    "If it was not you, your account is still safe. You may want to choose a new "
                    "password and, on your account page, sign out everywhere."
                ),
            )
        )
    return EmailMessage(subject=str(subject), body=body, to=[user.email])


class EmailVerificationStage(stages.EmailVerificationStage):
    """allauth's e-mail check, except for a child's account without an address.

    Such an account is made by a caseworker or a parent and started with a one-time code
    (complaints.childaccounts); it has no address to verify and needs none.
    """

    def handle(self) -> Any:
        user = self.login.user
        if user is not None and not user.email and ChildAccount.objects.filter(user_id=user.pk).exists():
            return None, True
        return super().handle()


class AccountAdapter(DefaultAccountAdapter):
    def get_login_stages(self) -> list[str]:
        mine = f"{EmailVerificationStage.__module__}.{EmailVerificationStage.__qualname__}"
        return [
            mine if path == "allauth.account.stages.EmailVerificationStage" else path
            for path in super().get_login_stages()
        ]

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """Do not ask again for the password just typed to set up a first second factor.

        A staff member without one is sent to set it up as soon as they sign in; for the next few
        minutes (allauth's re-authentication timeout) setting it up and reading the recovery codes do
        not ask for the password again. Every later change to the authenticators asks as usual.
        """
        request = context.request
        if app == "allauth.mfa" and request is not None:
            started = request.session.get(ENROLMENT_SESSION_KEY)
            if (
                isinstance(started, float)
                and time.time() - started < account_settings.REAUTHENTICATION_TIMEOUT
            ):
                return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            self._tell_owner_when_locked(request, **credentials)
            raise

    def _tell_owner_when_locked(self, request: HttpRequest, **credentials: Any) -> None:
        """Once per lock, e-mail the owner of an account whose own limit (not the address's) tripped."""
        key = self._get_login_attempts_cache_key(request, **credentials)
        per_account = _per_account_rates()
        if not per_account or ratelimit.consume(
            request,
            app="allauth.account",
            action="login_failed",
            config={"login_failed": per_account},
            key=key,
            dry_run=True,
        ):
            return  # the address's limit tripped, not the account's
        window = max(rate.duration for rate in ratelimit.parse_rates(per_account))
        marker = "portal:login-locked-mail:" + hashlib.sha256(key.encode()).hexdigest()
        if not cache.add(marker, True, timeout=window):
            return  # already told during this lock
        email = credentials.get("email") or ""
        for user in filter_users_by_email(email, is_active=True, prefer_verified=True)[:1]:
            try:
                account_locked_email(user).send()
            except Exception:  # an e-mail that cannot go out must not break the log-in page
                logger.exception("The e-mail about a paused log-in could not be sent")


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff may replace their second factor but never remove the last one."""
        user = authenticator.user
        if not getattr(user, "is_staff_role", False) or authenticator.type not in SECOND_FACTOR_TYPES:
            return True
        return (
            Authenticator.objects.filter(user_id=user.pk, type__in=SECOND_FACTOR_TYPES)
            .exclude(pk=authenticator.pk)
            .exists()
        )
