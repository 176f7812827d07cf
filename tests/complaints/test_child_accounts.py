"""A child without an e-mail address gets an account from a caseworker or a parent, and files with it."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from complaints.childaccounts.services import MAX_FAILED_ATTEMPTS
from complaints.models import ChildAccount, Communication, Submission, User
from tests.complaints.test_wizard import fill_parent_case, post
from tests.conftest import World, login
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CHILDREN = reverse("complaints:child_accounts")
START = reverse("complaints:child_account_start")
PASSWORD = "blue-horse-river-42"


def make_child_account(adult: User, username: str = "sunny-fox") -> str:
    """Make a child's account from the adult's workspace; return the start code the page shows once."""
    response = login(adult).post(CHILDREN, {"username": username, "language": "kk"})
    assert response.status_code == 200
    html = response.content.decode()
    marker = "data-start-code>"
    return html[html.index(marker) + len(marker) : html.index("</code>", html.index(marker))]


def start(username: str, code: str, password: str = PASSWORD) -> tuple[Client, Any]:
    client = Client()
    response = client.post(
        START, {"username": username, "code": code, "password1": password, "password2": password}
    )
    return client, response


def test_a_caseworker_makes_a_child_account_without_email_and_the_child_files_with_it(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    code = make_child_account(world.caseworker)
    child = User.objects.get(username="sunny-fox")
    assert (child.email, child.role, child.filer_kind, child.has_usable_password()) == (
        "",
        "filer",
        "child",
        False,
    )
    _, response = start("Sunny-Fox", code.lower().replace("-", " "))  # as a child may type it
    assert response.status_code == 302
    assert response["Location"] == reverse("complaints:dashboard")

    # Later: the child signs in on the ordinary log-in page with the username; no e-mail check.
    client = Client()
    response = client.post(reverse("account_login"), {"login": "sunny-fox", "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == reverse("complaints:dashboard")
    assert client.get(reverse("complaints:dashboard")).status_code == 200

    c = fill_parent_case(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, c, "sign", {"signed_name": "Sunny", "confirm": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    c.refresh_from_db()
    assert (c.filer, c.status) == (child, Communication.Status.SUBMITTED)
    assert Submission.objects.filter(communication=c).exists()
    assert mail.outbox == []  # nothing needed an inbox


def test_a_parent_can_make_a_child_account_and_a_child_or_stranger_cannot(world: World) -> None:
    parent = UserFactory.create(role=User.Role.FILER, filer_kind=User.FilerKind.PARENT)
    assert make_child_account(parent)
    child = UserFactory.create(role=User.Role.FILER, filer_kind=User.FilerKind.CHILD)
    assert login(child).post(CHILDREN, {"username": "x1", "language": "kk"}).status_code == 403
    assert login(world.reviewer).get(CHILDREN).status_code in (302, 403)
    assert Client().get(CHILDREN).status_code == 302  # to the log-in page


def test_the_code_is_shown_once_and_kept_only_as_its_fingerprint(world: World) -> None:
    code = make_child_account(world.caseworker)
    account = ChildAccount.objects.get(user__username="sunny-fox")
    assert code not in str(account.__dict__)
    assert account.code_sha256 == hashlib.sha256(code.replace("-", "").encode()).hexdigest()
    assert code not in login(world.caseworker).get(CHILDREN).content.decode()


def test_the_code_works_once(world: World) -> None:
    code = make_child_account(world.caseworker)
    assert start("sunny-fox", code)[1].status_code == 302
    _, again = start("sunny-fox", code, "another-password-77")
    assert again.status_code == 200
    assert "do not work together" in again.content.decode()


def test_an_expired_code_does_not_work(world: World) -> None:
    code = make_child_account(world.caseworker)
    ChildAccount.objects.update(code_expires_at=timezone.now() - timedelta(seconds=1))
    assert start("sunny-fox", code)[1].status_code == 200
    assert not User.objects.get(username="sunny-fox").has_usable_password()


def test_wrong_codes_block_the_code_after_a_few_tries(world: World) -> None:
    code = make_child_account(world.caseworker)
    for _ in range(MAX_FAILED_ATTEMPTS):
        assert start("sunny-fox", "AAAA-AAAA-AAAA")[1].status_code == 200
    assert start("sunny-fox", code)[1].status_code == 200  # the right code, too late
    assert ChildAccount.objects.get().failed_attempts == MAX_FAILED_ATTEMPTS


def test_an_unknown_username_gets_the_same_answer_as_a_wrong_code(world: World) -> None:
    make_child_account(world.caseworker)
    wrong_code = start("sunny-fox", "AAAA-AAAA-AAAA")[1].content.decode()
    unknown = start("nobody-here", "AAAA-AAAA-AAAA")[1].content.decode()
    assert "do not work together" in wrong_code
    assert "do not work together" in unknown


def test_a_weak_password_is_refused_and_the_code_is_not_spent(world: World) -> None:
    code = make_child_account(world.caseworker)
    _, response = start("sunny-fox", code, "123")
    assert response.status_code == 200
    assert start("sunny-fox", code)[1].status_code == 302


def test_a_taken_username_is_refused_whatever_its_case(world: World) -> None:
    make_child_account(world.caseworker)
    response = login(world.caseworker).post(CHILDREN, {"username": "SUNNY-FOX", "language": "ru"})
    assert response.status_code == 200
    assert "This username is taken" in response.content.decode()
    assert User.objects.filter(username__iexact="sunny-fox").count() == 1


def test_the_maker_gives_a_new_code_for_a_forgotten_password_and_no_one_else_can(world: World) -> None:
    make_child_account(world.caseworker)
    account = ChildAccount.objects.get()
    url = reverse("complaints:child_account_code", args=[account.pk])
    other = UserFactory.create(role=User.Role.CASEWORKER)
    assert login(other).post(url).status_code == 403
    response = login(world.caseworker).post(url)
    html = response.content.decode()
    marker = "data-start-code>"
    new_code = html[html.index(marker) + len(marker) : html.index("</code>", html.index(marker))]
    assert start("sunny-fox", new_code)[1].status_code == 302
