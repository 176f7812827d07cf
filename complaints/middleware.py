"""Middleware: privacy headers, the second-factor gate for staff, and idle staff sessions."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from complaints.accounts.services import IDLE_SESSION_KEY, user_needs_second_factor

# Browser features the portal never uses, switched off for every page (and any frame, were one
# ever allowed). interest-cohort=() opts out of FLoC-style interest tracking.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


class PrivacyHeadersMiddleware:
    """Forbid caching of signed-in pages and switch off browser features the portal never uses."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            response["Cache-Control"] = "no-store, private"
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


# Paths a signed-in staff user without a second factor may still open: setting one up (with the
# e-mail confirmation and re-authentication it may need), logging out, static files, the language
# switch and the health check. The API is refused by its own authentication classes, in JSON.
def _second_factor_exempt_prefixes() -> tuple[str, ...]:
    return (
        reverse("mfa_index"),
        reverse("account_logout"),
        reverse("complaints:quick_exit"),
        reverse("account_reauthenticate"),
        reverse("account_email_verification_sent"),
        reverse("set_language"),
        reverse("javascript-catalog"),
        reverse("healthz"),
        "/" + settings.STATIC_URL.lstrip("/"),
        "/api/",
    )


class SecondFactorRequiredMiddleware:
    """Send a signed-in caseworker, reviewer or administrator without a second factor to set one up.

    The single gate of the web pages: no case, list or admin page opens before the account has an
    authenticator app or a security key (complaints.accounts.services.user_needs_second_factor).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._exempt: tuple[str, ...] | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._exempt is None:
            self._exempt = _second_factor_exempt_prefixes()
        if not request.path.startswith(self._exempt) and user_needs_second_factor(request.user):
            messages.warning(
                request,
                _(
                    "Your account works with children's cases, so it needs a second factor: set up an "
                    "authenticator app (or a security key) before you go on."
                ),
            )
            return redirect("mfa_index")
        return self.get_response(request)


class StaffIdleTimeoutMiddleware:
    """End a staff session after ``settings.STAFF_SESSION_IDLE_TIMEOUT`` seconds without a request.

    A caseworker's laptop left open in a shared office should not keep children's cases on screen.
    Filers keep the ordinary session age. The clock starts at log-in; the time of the last request is
    kept in the session, written at most once a minute.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "is_staff_role", False):
            now = int(time.time())
            last = request.session.get(IDLE_SESSION_KEY)
            if isinstance(last, int) and now - last > settings.STAFF_SESSION_IDLE_TIMEOUT:
                logout(request)
                # The quick exit goes on to its neutral page; the API answers in JSON.
                if not request.path.startswith(("/api/", reverse("complaints:quick_exit"))):
                    messages.info(
                        request, _("You were signed out because the portal was not used for a while.")
                    )
                    return redirect_to_login(request.get_full_path())
            elif not isinstance(last, int) or now - last >= 60:
                request.session[IDLE_SESSION_KEY] = now
        return self.get_response(request)
