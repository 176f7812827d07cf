"""Children's accounts without an e-mail address.

A caseworker or a parent makes the account from their workspace and hands the child a one-time
start code. The portal shows the code once and keeps only its SHA-256; the code expires
(``settings.CHILD_ACCOUNT_CODE_MAX_AGE`` seconds) and stops working after a few wrong tries. With
it the child sets a password and from then on signs in with the username (allauth's username log-in,
``ACCOUNT_LOGIN_METHODS``). The account never needs an inbox: no e-mail is sent to or about it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from complaints.models import ChildAccount, User

# No 0/O, 1/I/L: a child copies the code from paper. 12 characters of 31: about 59 bits.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
# After this many wrong codes the code stops working; the adult makes a new one.
MAX_FAILED_ATTEMPTS = 5


class CodeRefused(Exception):
    """The username and code do not open an account (unknown, wrong, used, expired or blocked)."""


def _digest(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def normalise_code(code: str) -> str:
    """Return the code as stored: capitals, without spaces or dashes (the child may type either)."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def child_account_may_create(user: Any) -> bool:
    """Return whether ``user`` may make accounts for children (the rule is in complaints.permissions)."""
    return bool(user.has_perm("complaints.add_childaccount"))


def child_account_list_for_user(*, user: User) -> list[ChildAccount]:
    """Return the children's accounts ``user`` made, newest first."""
    return list(ChildAccount.objects.filter(created_by=user).select_related("user"))


def _give_code(account: ChildAccount) -> str:
    code = _new_code()
    account.code_sha256 = _digest(code)
    account.code_expires_at = timezone.now() + timedelta(seconds=settings.CHILD_ACCOUNT_CODE_MAX_AGE)
    account.code_used_at = None
    account.failed_attempts = 0
    return code


@transaction.atomic
def child_account_create(*, created_by: User, username: str, language: str) -> tuple[User, str]:
    """Make a child's account without an e-mail address; return it and its start code (shown once).

    Raise PermissionDenied unless ``created_by`` may make one, ValidationError for a username that
    is invalid or taken (compared without regard to case, as allauth signs in).
    """
    if not child_account_may_create(created_by):
        raise PermissionDenied
    username = username.strip()
    User.username_validator(username)
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(_("This username is taken. Please choose another one."), code="taken")
    child = User(
        username=username,
        email="",
        role=User.Role.FILER,
        filer_kind=User.FilerKind.CHILD,
        preferred_language=language if language in dict(settings.LANGUAGES) else "",
    )
    child.set_unusable_password()
    child.save()
    account = ChildAccount(user=child, created_by=created_by)
    code = _give_code(account)
    account.save()
    return child, code


@transaction.atomic
def child_account_new_code(*, created_by: User, account_id: int) -> tuple[ChildAccount, str]:
    """Give a child's account a new start code (the old one stops working); only its maker may.

    The child's password stays until the child sets a new one with the code (a forgotten password).
    """
    account = (
        ChildAccount.objects.select_for_update()
        .select_related("user")
        .filter(pk=account_id, created_by=created_by)
        .first()
    )
    if account is None or not child_account_may_create(created_by):
        raise PermissionDenied
    code = _give_code(account)
    account.save(update_fields=["code_sha256", "code_expires_at", "code_used_at", "failed_attempts"])
    return account, code


def _usable(account: ChildAccount | None, now: datetime) -> bool:
    return (
        account is not None
        and bool(account.code_sha256)
        and account.code_used_at is None
        and account.code_expires_at is not None
        and account.code_expires_at > now
        and account.failed_attempts < MAX_FAILED_ATTEMPTS
    )


def child_account_start(*, username: str, code: str, password: str) -> User:
    """Check the username and start code, set the child's password, spend the code; return the child.

    Raise CodeRefused (one answer for every reason, so nobody learns which usernames exist) or
    ValidationError for a password the validators refuse (the code is then not spent).
    """
    wrong = False
    with transaction.atomic():
        account = (
            ChildAccount.objects.select_for_update()
            .select_related("user")
            .filter(user__username__iexact=username.strip())
            .first()
        )
        if account is None or not _usable(account, timezone.now()):
            raise CodeRefused
        if not hmac.compare_digest(_digest(code), account.code_sha256):
            account.failed_attempts += 1
            account.save(update_fields=["failed_attempts"])
            wrong = True
        else:
            child = account.user
            validate_password(password, child)
            child.set_password(password)
            child.save(update_fields=["password"])
            account.code_sha256 = ""
            account.code_used_at = timezone.now()
            account.save(update_fields=["code_sha256", "code_used_at"])
    if wrong:  # raised after the commit, so the wrong try is counted
        raise CodeRefused
    return child
