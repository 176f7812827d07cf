"""The admin site, for administrators only.

Staff flags alone do not open it: a caseworker or a reviewer marked as staff is refused, because
their work goes through the portal's pages, where every change to a case passes the services and
their checks. Cases and their parts are read-only here (complaints/admin.py).
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest


class PortalAdminSite(admin.AdminSite):
    site_header = site_title = "OPIC portal"

    def has_permission(self, request: HttpRequest) -> bool:
        # The rule lives with every other access rule, in complaints/permissions.py.
        return super().has_permission(request) and request.user.has_perm("complaints.use_admin")


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin.PortalAdminSite"
