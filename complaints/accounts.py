"""Accounts: the second factor staff must have, API tokens, and ending a user's sessions.

The rules here are read by the web gate (complaints.middleware), the API's authentication
(complaints.api.authentication), the allauth adapters (complaints.account_adapter) and the account
page (complaints.account_views).
"""

from __future__ import annotations

import secrets
import time
from datetime import timedelta
from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.utils import timezone
from rest_framework.authtoken.models import Token

from complaints.models import User

# Authenticators that are a second factor on their own (recovery codes only back one up).
SECOND_FACTOR_TYPES = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
# When a staff member without a second factor signed in (see complaints.account_adapter).
ENROLMENT_SESSION_KEY = "portal_second_factor_enrolment"
# When a staff member last made a request (complaints.middleware.StaffIdleTimeoutMiddleware).
IDLE_SESSION_KEY = "portal_last_activity"


def user_needs_second_factor(user: Any) -> bool:
    """Return whether ``user`` is signed in, must have a second factor, and has none yet."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_staff_role", False):
        return False
    return not is_mfa_enabled(user, SECOND_FACTOR_TYPES)


def token_is_expired(token: Token, *, now: Any = None) -> bool:
    """Return whether an API token is older than ``settings.API_TOKEN_MAX_AGE`` seconds."""
    now = now or timezone.now()
    return token.created <= now - timedelta(seconds=settings.API_TOKEN_MAX_AGE)


def token_expires_at(token: Token) -> Any:
    return token.created + timedelta(seconds=settings.API_TOKEN_MAX_AGE)


def user_token_create(*, user: User) -> Token:
    """Give ``user`` a new API token, replacing the one they had."""
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


def user_tokens_revoke(*, user: Any) -> int:
    """Delete every API token of ``user``; return how many there were."""
    deleted, _ = Token.objects.filter(user_id=user.pk).delete()
    return deleted


def user_sign_out_everywhere(*, user: User) -> None:
    """End every session of ``user`` (a new session salt) and revoke their API tokens.

    Django checks the session's hash on every request, so each other session is over at its next
    request; the caller logs the current one out.
    """
    user.session_salt = secrets.token_hex(16)
    user.save(update_fields=["session_salt"])
    user_tokens_revoke(user=user)


def session_start_on_log_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """Start a staff session's idle clock; note when one who must set up a second factor signed in."""
    if request is None or not hasattr(request, "session") or not getattr(user, "is_staff_role", False):
        return
    request.session[IDLE_SESSION_KEY] = int(time.time())
    if user_needs_second_factor(user):
        request.session[ENROLMENT_SESSION_KEY] = time.time()


def tokens_revoke_on_password_change(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """A password changed, set or reset: the API tokens made under the old one stop working."""
    user_tokens_revoke(user=user)
