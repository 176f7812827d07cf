"""Walk every URL pattern with every role against another user's objects: nothing may leak.

New URLs are covered automatically: the walk reads the URL configuration, and a pattern whose
arguments it cannot fill fails the test instead of being skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.apps import apps
from django.db.models import Model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from complaints.childaccounts.services import child_account_create
from complaints.models import (
    ChildAccount,
    ClarificationRequest,
    Communication,
    Document,
    Dossier,
    Invitation,
    User,
)
from tests.conftest import World, login
from tests.factories import UserFactory

# Arguments that are not object identifiers: tokens and keys that only need a plausible value.
OPAQUE = {
    "key": "not-a-real-key",
    "uidb36": "zz",
    "token": "not-a-token",
    "provider": "none",
    "format": "json",
}


def walk(
    resolvers: list[Any], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, URLPattern]]:
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        else:
            yield namespace, prefix + str(entry.pattern), entry


def all_patterns() -> list[tuple[str, str, URLPattern]]:
    return list(walk(get_resolver().url_patterns))


class Unknown:
    pk = 987654  # an id no row has: the page must answer 404 or redirect


def owned_object(model: type[Model], world: World) -> Model | Unknown:
    """Return an instance of ``model`` that belongs to the stranger's case (or the stranger)."""
    if model is Communication:
        return world.theirs
    if model is User:
        return world.theirs.filer
    if any(f.name == "communication" for f in model._meta.get_fields()):
        found = model._default_manager.filter(communication=world.theirs).first()
        if found is not None:
            return found
    found = model._default_manager.first()
    return found if found is not None else Unknown()


def strangers_child_account() -> ChildAccount:
    """A child's account made by a stranger (a parent): only its maker may give it a new code."""
    found = ChildAccount.objects.filter(user__username="strangers-child").first()
    if found is not None:
        return found
    maker = UserFactory.create(role=User.Role.FILER, filer_kind=User.FilerKind.PARENT)
    child, _code = child_account_create(created_by=maker, username="strangers-child", language="kk")
    return ChildAccount.objects.get(user=child)


def fill(namespace: str, route: str, pattern: URLPattern, world: World) -> str:
    # Every argument of the route, those of an enclosing include() too (allauth's WebAuthn keys).
    names = list(dict.fromkeys(re.findall(r"<(?:\w+:)?(\w+)>", route)))
    kwargs: dict[str, Any] = {}
    model: type[Model] | None = None
    if namespace == "admin:" and pattern.name and "_" in pattern.name:
        app_label, _, rest = pattern.name.partition("_")
        model_name = rest.rsplit("_", 1)[0]
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            model = None
    for name in names:
        if name == "reference":
            kwargs[name] = world.theirs.reference
        elif name in {"pk", "object_id", "id"}:
            kwargs[name] = owned_object(model or Communication, world).pk
        elif name == "document_id":
            kwargs[name] = owned_object(Document, world).pk
        elif name == "slug":
            kwargs[name] = "who"
        elif name == "register":  # the public explainer's readers: no case behind it
            kwargs[name] = "young"
        elif name == "action":
            kwargs[name] = "claim"
        elif name == "dossier_id":
            kwargs[name] = owned_object(Dossier, world).pk
        elif name == "variant":
            kwargs[name] = Dossier.Variant.INTERNAL
        elif name == "feed_token":
            # The stranger's live secret address: a feed answers whoever holds it, by design, so
            # the walk proves that even then it names no child and shows no title or explanation.
            kwargs[name] = world.feed_token
        elif name == "invite_token":
            # The stranger's live invitation, bound to the stranger's child's e-mail address: the
            # page before sign-in names no child, and no other account can accept it.
            kwargs[name] = world.invite_token
        elif name == "account_id":
            kwargs[name] = strangers_child_account().pk
        elif name == "invitation_id":
            kwargs[name] = owned_object(Invitation, world).pk
        elif name == "request_id":  # a request for clarification of the stranger's case
            ClarificationRequest.objects.get_or_create(
                communication=world.theirs,
                defaults={"requested_on": world.theirs.created_at.date(), "due_on": date.max},
            )
            kwargs[name] = owned_object(ClarificationRequest, world).pk
        elif name == "app_label":
            kwargs[name] = "complaints"
        elif name == "content_type_id":
            kwargs[name] = 1
        elif name in OPAQUE:
            kwargs[name] = OPAQUE[name]
        elif name == "url":
            kwargs[name] = "does-not-exist/"
        else:
            raise AssertionError(f"the permission walk cannot fill <{name}> in {pattern.pattern}: teach it")
    if pattern.name:
        return reverse(f"{namespace}{pattern.name}", kwargs=kwargs)
    # An unnamed route (the admin's object redirect and catch-all): substitute into its path.
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(kwargs[m.group(1)]), route)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), path)
    return "/" + path.replace("^", "").replace("$", "").replace("\\Z", "")


@pytest.fixture
def urls(world: World) -> list[str]:
    return sorted({fill(ns, route, p, world) for ns, route, p in all_patterns()})


ROLES = ["anonymous", "filer", "caseworker", "reviewer"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_no_role_sees_another_users_case_through_any_url(role: str, world: World, urls: list[str]) -> None:
    user = None if role == "anonymous" else getattr(world, role)
    leaks = []
    client = login(user) if user else Client()
    for url in urls:
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if user is not None and not response.wsgi_request.user.is_authenticated:
                # An earlier URL signed this client out (log-out, sign out everywhere): sign in
                # again and send the request once more, so that it is seen by the role.
                client = login(user)
                response = getattr(client, method)(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert response.status_code < 500, f"{method.upper()} {url} as {role}: {response.status_code}"
            for marker in (world.secret, world.theirs.title, "Hidden-explanation-text"):
                if marker.encode() in body:
                    leaks.append(f"{method.upper()} {url} as {role} shows {marker!r}")
            if str(world.theirs.reference) in url:
                assert response.status_code in {302, 403, 404, 405}, f"{method.upper()} {url} as {role}"
    assert not leaks, "\n".join(leaks)


@pytest.mark.django_db
def test_the_walk_would_notice_a_leak_because_the_owner_does_see_the_case(world: World) -> None:
    response = login(world.theirs.filer).get(world.theirs.get_absolute_url())
    assert response.status_code == 200
    assert world.secret.encode() in response.content


def test_the_walk_reaches_every_url_pattern() -> None:
    names = {f"{ns}{p.name}" for ns, _route, p in all_patterns()}
    assert "complaints:communication_detail" in names
    assert "admin:complaints_communication_change" in names
    assert "communication-detail" in names
