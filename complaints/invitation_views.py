"""Pages of the review by the child or family: invite, open the link, read and answer, withdraw."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from complaints.forms import InvitationAnswerForm, InvitationForm
from complaints.help import help_contacts
from complaints.invitations import (
    InvitationError,
    invitation_accept,
    invitation_create,
    invitation_for_token,
    invitation_link,
    invitation_of,
    invitation_revoke,
    invitation_state,
    invitations_blocking_submission,
)
from complaints.invitations import invitation_answer as invitation_answer_record
from complaints.models import Communication, Invitation, User
from complaints.permissions import communication_access
from complaints.wizard import applicable_steps


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _inviting(request: HttpRequest, reference: str) -> Communication:
    # Invitations are casework: the handling caseworkers (the pages say when the case is no
    # longer a draft; complaints.invitations refuses to invite on one).
    return communication_access(request.user, reference, "manage")


@login_required
@require_http_methods(["GET", "POST"])
def invitation_new(request: HttpRequest, reference: str) -> HttpResponse:
    """A caseworker invites the child or a parent; the link is shown once, on this page."""
    communication = _inviting(request, reference)
    if communication.status != Communication.Status.DRAFT:
        messages.info(
            request, _("Only a draft can be sent for review; this communication was already submitted.")
        )
        return redirect(communication)
    form = InvitationForm(
        request.POST or None, communication=communication, initial={"language": get_language() or "en"}
    )
    if request.method == "POST" and form.is_valid():
        try:
            invitation, token = invitation_create(
                communication=communication,
                invited_by=_user(request),
                role=form.cleaned_data["role"],
                person=form.cleaned_data["person"],
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
            )
        except InvitationError as error:
            form.add_error(None, str(error))
        else:
            return render(
                request,
                "complaints/invitation_created.html",
                {"communication": communication, "invitation": invitation, "link": invitation_link(token)},
            )
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "complaints/invitation_new.html",
        {"communication": communication, "form": form},
        status=status,
    )


@login_required
@require_POST
def invitation_withdraw(request: HttpRequest, reference: str, invitation_id: int) -> HttpResponse:
    communication = _inviting(request, reference)
    invitation = Invitation.objects.filter(communication=communication, pk=invitation_id).first()
    if invitation is None:
        raise Http404
    invitation_revoke(invitation=invitation, actor=_user(request))
    messages.success(request, _("The invitation was withdrawn: its link no longer works."))
    return redirect(communication)


@require_http_methods(["GET", "POST"])
def invitation_open(request: HttpRequest, invite_token: str) -> HttpResponse:
    """The link in the invitation. Before sign-in it says only who asks and why; it names no child."""
    try:
        invitation = invitation_for_token(invite_token)
    except InvitationError as error:
        return render(request, "complaints/invitation_invalid.html", {"reason": str(error)}, status=404)
    if not request.user.is_authenticated:
        if request.method == "POST":
            return redirect_to_login(request.get_full_path())
        return render(
            request,
            "complaints/invitation_open.html",
            {"invitation": invitation, "next": request.get_full_path()},
        )
    if invitation.accepted_by_id == request.user.pk:
        return redirect("complaints:invitation_answer", reference=invitation.communication.reference)
    if request.method == "POST":
        try:
            invitation_accept(token=invite_token, user=_user(request))
        except InvitationError as error:
            return render(request, "complaints/invitation_invalid.html", {"reason": str(error)}, status=403)
        return redirect("complaints:invitation_answer", reference=invitation.communication.reference)
    return render(
        request,
        "complaints/invitation_open.html",
        {"invitation": invitation, "next": request.get_full_path()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def invitation_answer(request: HttpRequest, reference: str) -> HttpResponse:
    """The invited child or parent reads the draft, read only, and answers."""
    communication = communication_access(request.user, reference)
    invitation = invitation_of(communication=communication, user=_user(request))
    if invitation is None:
        raise PermissionDenied
    for_child = invitation.role == Invitation.Role.CHILD
    can_answer = request.user.has_perm("complaints.answer_communication", communication)
    form = InvitationAnswerForm(
        request.POST or None,
        for_child=for_child,
        initial={"answer": invitation.answer, "comment": invitation.answer_comment},
    )
    if request.method == "POST":
        if not can_answer:
            raise PermissionDenied
        if form.is_valid():
            try:
                invitation_answer_record(
                    invitation=invitation,
                    user=_user(request),
                    answer=form.cleaned_data["answer"],
                    comment=form.cleaned_data["comment"],
                    own_words=form.cleaned_data.get("own_words", ""),
                )
            except InvitationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Thank you. Your answer was sent to the caseworker."))
                return redirect("complaints:invitation_answer", reference=communication.reference)
    context = {
        "communication": communication,
        "invitation": invitation,
        "form": form,
        "can_answer": can_answer,
        "child": for_child,
        "read_only": True,
        "steps": applicable_steps(communication),
        "documents": communication.documents.all(),
        "help_contacts": help_contacts(communication.state),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "complaints/invitation_answer.html", context, status=status)


def invitations_context(user: User, communication: Communication) -> dict[str, object]:
    """What the case page shows about invitations: to those who may invite, the list and its states."""
    if not user.has_perm("complaints.invite_communication", communication):
        return {"can_invite": False}
    invitations = list(communication.invitations.select_related("person", "accepted_by", "created_by"))
    return {
        "can_invite": communication.status == Communication.Status.DRAFT,
        "invitations": [(invitation, invitation_state(invitation)) for invitation in invitations],
        "invitation_blocks": invitations_blocking_submission(communication),
        "invitation_new_url": reverse("complaints:invitation_new", args=[communication.reference]),
    }
