"""Security headers on every page: a Content-Security-Policy without inline code, and the rest.

The policy itself lives in portal/settings.py (CONTENT_SECURITY_POLICY); these tests check that
the main pages and every URL of the permission walk send it, and that no template the browser
renders carries inline script, event-handler attributes or style attributes the policy would block.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import reverse

from tests.complaints.test_permission_walk import all_patterns, fill
from tests.conftest import World, login

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Rendered for e-mail clients and WeasyPrint, never served to a browser under the CSP.
NOT_FOR_BROWSERS = ("email", "account/email", "pdf")


def directives(response: HttpResponseBase) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


def assert_security_headers(response: HttpResponseBase, where: str) -> None:
    assert "Content-Security-Policy" in response, where
    policy = directives(response)
    assert "'unsafe-inline'" not in policy["script-src"], where
    assert "'unsafe-eval'" not in policy["script-src"], where
    assert policy["script-src"] == ["'self'"], where
    assert policy["frame-ancestors"] == ["'none'"], where
    assert policy["object-src"] == ["'none'"], where
    assert policy["base-uri"] == ["'none'"], where
    # Forms post only to the portal; the quick exit's redirect may land on its one neutral origin.
    assert policy["form-action"] == ["'self'", settings.QUICK_EXIT_ORIGIN], where
    assert response["X-Frame-Options"] == "DENY", where
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] == "same-origin", where
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"):
        assert f"{feature}=()" in response["Permissions-Policy"], where


@pytest.mark.django_db
def test_the_main_pages_send_the_csp_and_the_other_security_headers(world: World) -> None:
    filer, caseworker, reviewer = login(world.filer), login(world.caseworker), login(world.reviewer)
    case = world.mine.reference
    pages = [
        (Client(), reverse("home")),
        (Client(), reverse("account_login")),
        (Client(), reverse("api-docs")),
        (filer, reverse("complaints:dashboard")),
        (filer, reverse("complaints:communication_detail", args=[case])),
        (filer, reverse("complaints:wizard_step", args=[case, "who"])),
        (filer, reverse("complaints:account")),
        (caseworker, reverse("complaints:deadline_list")),
        (reviewer, reverse("complaints:review_queue")),
        (reviewer, reverse("complaints:review_statistics")),
    ]
    for client, url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response, url)
        policy = directives(response)
        if url != reverse("api-docs"):
            assert policy["style-src"] == ["'self'"], url
        if client in (filer, caseworker, reviewer):
            assert "no-store" in response["Cache-Control"], url


@pytest.mark.django_db
def test_only_the_api_docs_allow_inline_styles_and_never_inline_scripts() -> None:
    response = Client().get(reverse("api-docs"))
    policy = directives(response)
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["script-src"] == ["'self'"]
    body = response.content.decode()
    assert "fonts.googleapis.com" not in body
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body)


@pytest.mark.django_db
def test_every_url_of_the_permission_walk_sends_the_security_headers(world: World) -> None:
    missing = []
    for client_name, client in (("anonymous", Client()), ("filer", login(world.filer))):
        for url in sorted({fill(ns, route, p, world) for ns, route, p in all_patterns()}):
            response = client.get(url)
            try:
                assert_security_headers(response, url)
            except (AssertionError, KeyError) as error:
                missing.append(f"GET {url} as {client_name}: {error!r}")
    assert not missing, "\n".join(missing)


def browser_templates() -> list[Path]:
    return [
        path
        for path in sorted(TEMPLATES.rglob("*.html"))
        if not str(path.relative_to(TEMPLATES)).startswith(NOT_FOR_BROWSERS)
    ]


def test_the_template_scan_sees_the_templates() -> None:
    names = {str(path.relative_to(TEMPLATES)) for path in browser_templates()}
    assert "base.html" in names
    assert "complaints/dossiers/_dossiers.html" in names
    assert "pdf/dossier.html" not in names


SCRIPT_TAG = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)


@pytest.mark.parametrize("template", browser_templates(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_no_template_has_inline_script_event_handlers_or_inline_styles(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    for attributes, body in SCRIPT_TAG.findall(text):
        # Allowed: a static file, or data that is never executed (json_script writes application/json).
        if "src=" in attributes:
            assert not body.strip(), f"{template}: a <script src> with inline code as well"
        else:
            assert 'type="application/json"' in attributes, f"{template}: inline <script> code"
    assert not EVENT_HANDLER.search(text), f"{template}: an on*= event-handler attribute"
    assert not STYLE_ATTRIBUTE.search(text), f"{template}: a style= attribute (blocked by style-src)"
    assert not STYLE_ELEMENT.search(text), f"{template}: a <style> element (blocked by style-src)"


def test_the_template_scan_would_notice_inline_code() -> None:
    assert SCRIPT_TAG.search("<script>alert(1)</script>")
    assert EVENT_HANDLER.search('<button class="x" onclick="go()">')
    assert STYLE_ATTRIBUTE.search('<svg class="x" style="max-width: 40rem">')
    assert not EVENT_HANDLER.search('<a data-on="x" href="/">')
