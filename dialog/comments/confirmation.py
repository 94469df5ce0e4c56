"""The rules for a confirmation link, in one place: what clicking it does to a comment.

`confirm(key, request)` returns an Outcome; the view only turns outcomes into
pages. The rules, in the order they are checked:

- a broken or altered link creates nothing;
- a link older than CONFIRMATION_VALID creates nothing (it could otherwise outlive
  the anonymisation of old comments and create a duplicate);
- a second click (or a mail scanner before the person) finds the comment already there;
- a thread closed since the mail went out takes no new comments;
- a reply to a comment hidden since then is refused;
- pre-moderation switched on since then sends the comment to the queue;
- a confirmation_received receiver may still refuse it.
"""

import enum
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from dialog.comments import posting, state, xtd
from dialog.comments.commentable import NotCommentable, policy_for
from dialog.comments.notifications import notify_reply
from dialog.comments.xtd import MaxThreadLevelExceededException, confirmation_received, signed
from dialog.comments.xtd import settings as xtd_settings


class Result(enum.Enum):
    BROKEN = "broken"
    EXPIRED = "expired"
    ALREADY_CONFIRMED = "already_confirmed"
    NOT_COMMENTABLE = "not_commentable"
    CLOSED = "closed"
    PARENT_GONE = "parent_gone"
    REFUSED = "refused"
    WAITING = "waiting"
    PUBLISHED = "published"


@dataclass
class Outcome:
    result: Result
    target: object = None
    comment: object = None  # the stored comment (published, waiting, already confirmed)
    kept_text: str = ""  # the visitor's text, shown again when nothing was stored
    closed_note: str = ""


def already_confirmed(tmp_comment):
    """The comment a confirmation link created before, if any.

    The package matches on email and follow-up wish too, but unsubscribing
    clears the wish and anonymize_comments the address: a replayed link would
    then create the comment a second time.
    """
    return (
        state.comments()
        .filter(
            content_type=tmp_comment.content_type,
            object_pk=tmp_comment.object_pk,
            user_name=tmp_comment.user_name,
            submit_date=tmp_comment.submit_date,
        )
        .first()
    )


def confirm(key: str, request) -> Outcome:
    try:
        tmp_comment = signed.loads(str(key), extra_key=xtd_settings.COMMENTS_XTD_SALT)
    except (ValueError, signed.BadSignature, ObjectDoesNotExist):
        return Outcome(Result.BROKEN)
    target, text = tmp_comment.content_object, tmp_comment.comment
    if tmp_comment.submit_date < timezone.now() - posting.CONFIRMATION_VALID:
        return Outcome(Result.EXPIRED, target, kept_text=text)
    existing = already_confirmed(tmp_comment)
    if existing is not None:
        return Outcome(Result.ALREADY_CONFIRMED, target, existing)
    try:
        policy = policy_for(target)
    except NotCommentable:
        return Outcome(Result.NOT_COMMENTABLE)
    if not policy.is_open(target):
        return Outcome(
            Result.CLOSED, target, kept_text=text, closed_note=policy.closed_note(target)
        )
    if (
        tmp_comment.parent_id
        and not state.comments().visible().filter(pk=tmp_comment.parent_id).exists()
    ):
        # The form refuses such replies; the parent was hidden since the mail went out.
        return Outcome(Result.PARENT_GONE, target, kept_text=text)
    if policy.premoderated(target):
        state.set_released(tmp_comment, False)
    responses = confirmation_received.send(
        sender=tmp_comment.__class__, comment=tmp_comment, request=request
    )
    if any(response is False for _, response in responses):
        return Outcome(Result.REFUSED, target)
    try:
        comment = xtd.create_comment(tmp_comment)
    except MaxThreadLevelExceededException:
        return Outcome(Result.PARENT_GONE, target, kept_text=text)
    if state.is_waiting(comment):
        return Outcome(Result.WAITING, target, comment)
    notify_reply(comment)
    return Outcome(Result.PUBLISHED, target, comment)
