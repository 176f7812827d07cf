"""The account page (second factor, API token, "Sign out everywhere") and the quick exit.

Thin, like the other views: the rules and writes live in complaints.accounts.services.
"""

from __future__ import annotations

from typing import cast

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from rest_framework.authtoken.models import Token

from complaints.accounts.services import (
    SECOND_FACTOR_TYPES,
    token_expires_at,
    token_is_expired,
    user_sign_out_everywhere,
    user_token_create,
    user_tokens_revoke,
)
from complaints.models import User


def _account_context(user: User) -> dict[str, object]:
    token = Token.objects.filter(user=user).first()
    return {
        "second_factor": is_mfa_enabled(user, SECOND_FACTOR_TYPES),
        "token": token,
        "token_expires_at": token_expires_at(token) if token else None,
        "token_expired": token_is_expired(token) if token else False,
        "token_days": max(1, settings.API_TOKEN_MAX_AGE // 86400),
    }


@login_required
@require_GET
def account(request: HttpRequest) -> HttpResponse:
    return render(request, "complaints/accounts/account.html", _account_context(cast(User, request.user)))


@login_required
@require_POST
def account_token_new(request: HttpRequest) -> HttpResponse:
    """Make a new API token (the old one stops working) and show it once."""
    user = cast(User, request.user)
    token = user_token_create(user=user)
    return render(
        request, "complaints/accounts/account.html", {**_account_context(user), "new_token": token.key}
    )


@login_required
@require_POST
def account_token_revoke(request: HttpRequest) -> HttpResponse:
    if user_tokens_revoke(user=request.user):
        messages.success(request, _("Your API token no longer works."))
    return redirect("complaints:account")


@login_required
@require_POST
def account_sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    """End every session of the user, this one included, and revoke their API token."""
    user_sign_out_everywhere(user=cast(User, request.user))
    logout(request)
    messages.success(request, _("You are signed out on every device. Sign in again to go on."))
    return redirect("account_login")


# Clear-Site-Data (W3C Clear Site Data, https://www.w3.org/TR/clear-site-data/): the browser drops
# this origin's cached pages (the back/forward cache included), cookies and storage, so neither
# "Back" nor the cache brings a portal page back. Browsers honour it over HTTPS and on localhost.
QUICK_EXIT_CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


# No CSRF check: the only effect is signing out, and a quick exit must never stop at an error page
# because a form sat open longer than its token lived.
@csrf_exempt
@require_POST
def quick_exit(request: HttpRequest) -> HttpResponse:
    """Sign out at once, drop the session, and send the browser to the neutral QUICK_EXIT_URL.

    Everything the user saved stays saved (drafts live on the server, not in the session). The
    enhancement in static/js/portal.js posts here in the background and replaces the page in the
    history; without JavaScript this form post and redirect do the same, minus the replacement.
    """
    logout(request)
    response = HttpResponseRedirect(settings.QUICK_EXIT_URL)
    response.status_code = 303  # See Other: the browser follows with a GET.
    response["Cache-Control"] = "no-store"
    response["Clear-Site-Data"] = QUICK_EXIT_CLEAR_SITE_DATA
    return response
