"""Posting a comment: `post(request)` decides, the view only renders its Outcome.

The rules, in the order they are checked:
- the POST must name a commentable, public object;
- its thread must be open (phase running, not closed by the editors);
- a form kept open too long or altered is shown again, text kept;
- invalid input is shown beside its fields, text kept;
- the posting guard counts the visitor and the recipient mailbox (common/posting_guard.py);
- the same text from many senders is held for the moderation, who are told once;
- a comment_will_be_posted receiver may refuse it;
- staff comments are published at once; citizens get a mail with a confirmation link.

The package's own receiver for comment_was_posted is disconnected (see
DialogConfig.ready): it would mail every follower of the page. `publish_now` and
`request_confirmation` do its remaining work with the package's building blocks.
"""

import enum
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.urls import reverse

from common import mail, posting_guard, ratelimit
from common.bounds import bounded_id
from dialog.comments import moderation, pending, state, xtd
from dialog.comments.commentable import is_commentable, policy_for
from dialog.comments.forms import CommentForm
from dialog.comments.notifications import notify_reply
from dialog.comments.xtd import comment_was_posted, comment_will_be_posted

TAMPERED = (
    "Das Formular war zu lange geöffnet oder wurde verändert. Bitte prüfen Sie Ihre "
    "Angaben und senden Sie den Kommentar noch einmal. Ihr Text ist erhalten."
)


class Rejected(Exception):
    """A comment_will_be_posted receiver refused the comment."""


class Result(enum.Enum):
    NO_TARGET = "no_target"  # the POST names nothing commentable
    CLOSED = "closed"  # the thread takes no comments now
    FORM = "form"  # shown again: invalid, tampered or over a limit
    REJECTED = "rejected"  # a receiver refused it
    PUBLISHED = "published"  # staff: stored and shown at once
    SENT = "sent"  # citizen: confirmation link mailed


@dataclass
class Outcome:
    result: Result
    target: object = None
    form: CommentForm | None = None
    status: int = 200
    notice: str = ""
    kept_text: str = ""
    closed_note: str = ""
    comment: object = None  # PUBLISHED: the stored comment
    reviewed_first: bool = False  # SENT: it waits for the moderation after the click


def is_staff_author(user) -> bool:
    return user.is_authenticated and user.is_staff


def target_of(data):
    """The object a POST names, or None for anything not commentable."""
    try:
        model = apps.get_model(*data.get("content_type", "").split(".", 1))
        if not is_commentable(model):
            return None
        return policy_for(model).public_objects(model).get(pk=bounded_id(data.get("object_pk")))
    except (LookupError, TypeError, ValueError, ValidationError, ObjectDoesNotExist):
        return None


def post(request) -> Outcome:
    data = request.POST.copy()
    staff = is_staff_author(request.user)
    if staff:
        data["name"] = data.get("name") or request.user.get_full_name() or request.user.username
        data["email"] = data.get("email") or request.user.email
    text = data.get("comment", "")
    target = target_of(data)
    if target is None:
        return Outcome(Result.NO_TARGET, kept_text=text)
    policy = policy_for(target)
    form = CommentForm(target, data=data, staff_user=request.user if staff else None)
    # Shown above the form again if something needs fixing (only a comment of this object).
    form.parent = (
        state.comments()
        .filter(
            pk=bounded_id(data.get("reply_to")) or 0,
            content_type=ContentType.objects.get_for_model(target),
            object_pk=str(target.pk),
        )
        .first()
    )
    if not policy.is_open(target):
        return Outcome(
            Result.CLOSED, target, kept_text=text, closed_note=policy.closed_note(target)
        )
    if form.tampered():
        return Outcome(Result.FORM, target, form.fresh_copy(), status=400, notice=TAMPERED)
    if not form.is_valid():
        return Outcome(Result.FORM, target, form)
    # Counted only for a comment that would be sent.
    refused = posting_guard.check(request, "comment", recipient=form.cleaned_data["email"])
    if refused:
        notice = refused.message
        return Outcome(Result.FORM, target, form.fresh_copy(), status=refused.status, notice=notice)
    text = form.cleaned_data["comment"]
    # The same text from many addresses is a campaign or a bot: later copies wait for a
    # moderator, who is told once when the flood starts.
    flood = not staff and posting_guard.is_flood(text)
    try:
        comment = prepare(form, request, policy, staff, hold=flood)
    except Rejected:
        return Outcome(Result.REJECTED, target, kept_text=text)
    if staff:
        return Outcome(Result.PUBLISHED, target, comment=publish_now(comment, request))
    if flood and posting_guard.flood_is_new(text):
        moderation.flood_detected(target, text)
    request_confirmation(comment, request, form.sender())
    return Outcome(Result.SENT, target, reviewed_first=not state.is_released(comment))


def prepare(form, request, policy, staff: bool, hold: bool = False):
    """The unsaved comment (the package's TmpXtdComment) for a valid form."""
    comment = form.get_comment_object(site_id=get_current_site(request).id)
    comment.ip_address = ratelimit.client_address(request)
    if staff:
        comment.user = request.user
    # Staff answers are released at once; citizens' wait if the object is pre-moderated.
    released = staff or not (hold or policy.premoderated(form.target_object))
    state.set_released(comment, released)
    responses = comment_will_be_posted.send(
        sender=comment.__class__, comment=comment, request=request
    )
    if any(response is False for _, response in responses):
        raise Rejected
    return comment


def publish_now(comment, request):
    """Store a staff member's comment and tell the authors it answers."""
    comment_was_posted.send(sender=comment.__class__, comment=comment, request=request)
    created = xtd.create_comment(comment)
    notify_reply(created)
    return created


def request_confirmation(comment, request, sender: dict | None = None) -> None:
    """Keep the comment server-side and mail a link with a random token to confirm it."""
    comment_was_posted.send(sender=comment.__class__, comment=comment, request=request)
    key = pending.store(comment, sender)
    # The mail names the page but never repeats the visitor's text: whoever
    # types someone else's address must not get the site to relay content.
    mail.send(
        "Bitte bestätigen Sie Ihren Kommentar",
        comment.user_email,
        "mail/comment_confirmation.txt",
        {
            "comment": comment,
            "confirmation_url": reverse("comments-xtd-confirm", args=[key]),
            # Held for review (pre-moderation or a flood): the click alone does not publish it.
            "reviewed_first": not state.is_released(comment),
            "contact": settings.COMMENTS_XTD_CONTACT_EMAIL,
        },
        reply_to=[settings.COMMENTS_XTD_CONTACT_EMAIL],
    )
