"""The admin site, for administrators only.

Staff flags alone do not open it: a caseworker or a reviewer marked as staff is refused, because
their work goes through the portal's pages, where every change to a case passes the services and
their checks. Cases and their parts are read-only here (complaints/admin.py).

It has no log-in page of its own: signing in goes through the portal's (django-allauth), with its
limits on guessing and the second factor.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


class PortalAdminSite(admin.AdminSite):
    site_header = site_title = "OPIC portal"

    def has_permission(self, request: HttpRequest) -> bool:
        # The rule lives with every other access rule, in complaints/permissions.py.
        return super().has_permission(request) and request.user.has_perm("complaints.use_admin")

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        """Send the visitor to the portal's log-in and back; refuse someone signed in without access."""
        # Not at import: the admin app loads before the auth app's views can be imported.
        from django.contrib.auth.views import redirect_to_login  # noqa: PLC0415

        if request.user.is_authenticated:
            # Signed in, yet sent here: the account may not use the admin (going to the portal's
            # log-in would only bring them back).
            raise PermissionDenied
        target = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = reverse("admin:index", current_app=self.name)
        return redirect_to_login(target, login_url=reverse("account_login"))


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin.PortalAdminSite"
