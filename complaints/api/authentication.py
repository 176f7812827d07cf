"""The API's authentication: session or token, refused to staff without a second factor.

Both classes are the API's defaults (settings.REST_FRAMEWORK), so the refusal covers every API
view, those open to anonymous callers included, whatever their permission classes say.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular import authentication as spectacular_authentication
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from complaints.accounts import token_is_expired, user_needs_second_factor

SECOND_FACTOR_MISSING = _(
    "Your account needs a second factor before it can use the API. "
    "Set one up on the portal at /accounts/2fa/, then try again."
)
TOKEN_EXPIRED = _("This token has expired. Make a new one on your account page.")


def _refuse_without_second_factor(user: Any) -> None:
    if user_needs_second_factor(user):
        raise exceptions.PermissionDenied(SECOND_FACTOR_MISSING)


class SessionAuthentication(authentication.SessionAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        result = super().authenticate(request)
        if result is not None:
            _refuse_without_second_factor(result[0])
        return result


class ExpiringTokenAuthentication(authentication.TokenAuthentication):
    """DRF's token authentication, with tokens that expire after ``settings.API_TOKEN_MAX_AGE``."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        user, token = super().authenticate_credentials(key)
        if token_is_expired(token):
            token.delete()
            raise exceptions.AuthenticationFailed(TOKEN_EXPIRED)
        _refuse_without_second_factor(user)
        return user, token


class SessionScheme(spectacular_authentication.SessionScheme):
    """Describe the portal's session authentication in the OpenAPI schema as DRF's own."""

    target_class = "complaints.api.authentication.SessionAuthentication"
