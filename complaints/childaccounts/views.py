"""Children's accounts: the adult makes one and hands over a code; the child starts it. Thin views."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from complaints.childaccounts.forms import ChildAccountForm, ChildAccountStartForm
from complaints.childaccounts.services import (
    CodeRefused,
    child_account_create,
    child_account_list_for_user,
    child_account_may_create,
    child_account_new_code,
    child_account_start,
)
from complaints.models import User

LIST = "complaints/childaccounts/child_accounts.html"
CODE = "complaints/childaccounts/code.html"


@login_required
@require_http_methods(["GET", "POST"])
def child_accounts(request: HttpRequest) -> HttpResponse:
    """List the children's accounts the user made, and make a new one (its code is shown once)."""
    user = cast(User, request.user)
    if not child_account_may_create(user):
        raise PermissionDenied
    form = ChildAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            child, code = child_account_create(
                created_by=user,
                username=form.cleaned_data["username"],
                language=form.cleaned_data["language"],
            )
        except ValidationError as error:
            form.add_error("username", error)
        else:
            return render(request, CODE, {"child": child, "account": child.child_account, "code": code})
    return render(request, LIST, {"form": form, "accounts": child_account_list_for_user(user=user)})


@login_required
@require_POST
def child_account_code(request: HttpRequest, account_id: int) -> HttpResponse:
    """Give a child's account a new start code (lost code, forgotten password); shown once."""
    account, code = child_account_new_code(created_by=cast(User, request.user), account_id=account_id)
    return render(request, CODE, {"child": account.user, "account": account, "code": code, "renewed": True})


@require_http_methods(["GET", "POST"])
def child_account_start_view(request: HttpRequest) -> HttpResponse:
    """The child types the username and code, chooses a password, and is signed in."""
    if request.user.is_authenticated:
        return redirect("complaints:dashboard")
    form = ChildAccountStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            child = child_account_start(
                username=data["username"], code=data["code"], password=data["password1"]
            )
        except CodeRefused:
            form.add_error(
                None,
                _(
                    "This username and code do not work together. Check them, or ask the grown-up who "
                    "gave you the code for a new one."
                ),
            )
        except ValidationError as error:
            form.add_error("password1", error)
        else:
            login(request, child, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request, _("Your account is ready. Next time, sign in with your username and password.")
            )
            return redirect("complaints:dashboard")
    return render(request, "complaints/childaccounts/start.html", {"form": form})
