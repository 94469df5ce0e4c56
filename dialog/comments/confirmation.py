"""The rules for a confirmation link, in one place: what clicking it does to a comment.

`confirm(key, request)` returns an Outcome; the view only turns outcomes into
pages. The rules, in the order they are checked:

- a broken or altered link creates nothing (the link is a random token; the comment
  waits server-side, dialog/comments/pending.py);
- a link older than common.confirmation.valid_for() creates nothing (it could otherwise outlive
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

from dialog.comments import pending, state, xtd
from dialog.comments.commentable import NotCommentable, policy_for
from dialog.comments.models import CommentSender
from dialog.comments.notifications import notify_reply
from dialog.comments.xtd import MaxThreadLevelExceededException, confirmation_received


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
    READY = "ready"  # only from inspect(): the link would create this comment


@dataclass
class Outcome:
    result: Result
    target: object = None
    comment: object = None  # the stored comment (published, waiting, already confirmed)
    kept_text: str = ""  # the visitor's text, shown again when nothing was stored
    closed_note: str = ""
    reviewed_first: bool = False  # READY: the comment will wait for the moderation


def inspect(key: str) -> Outcome:
    """What `confirm(key)` would do, changing nothing: for the page the mailed link
    opens, which confirms only when its button is pressed (common/confirmation.py)."""
    waiting = pending.find(key)
    if waiting is None or (not waiting.data and waiting.comment is None):
        return Outcome(Result.BROKEN)
    if not waiting.data:
        return Outcome(Result.ALREADY_CONFIRMED, waiting.comment.content_object, waiting.comment)
    try:
        tmp_comment = pending.unsaved_comment(waiting)
        policy = policy_for(tmp_comment.content_object)
    except (ObjectDoesNotExist, NotCommentable):
        return Outcome(Result.NOT_COMMENTABLE)
    target, text = tmp_comment.content_object, tmp_comment.comment
    if pending.is_expired(waiting):
        return Outcome(Result.EXPIRED, target, kept_text=text)
    if not policy.is_open(target):
        return Outcome(
            Result.CLOSED, target, kept_text=text, closed_note=policy.closed_note(target)
        )
    if _parent_gone(tmp_comment):
        return Outcome(Result.PARENT_GONE, target, kept_text=text)
    return Outcome(
        Result.READY,
        target,
        comment=tmp_comment,
        kept_text=text,
        reviewed_first=policy.premoderated(target) or not state.is_released(tmp_comment),
    )


def confirm(key: str, request) -> Outcome:
    waiting = pending.find(key)
    if waiting is None:
        return Outcome(Result.BROKEN)
    if not waiting.data:  # used before: the comment it created, if it still exists
        if waiting.comment is None:
            return Outcome(Result.BROKEN)
        return Outcome(Result.ALREADY_CONFIRMED, waiting.comment.content_object, waiting.comment)
    try:
        tmp_comment = pending.unsaved_comment(waiting)
    except ObjectDoesNotExist:  # the page was deleted since
        pending.forget(waiting)
        return Outcome(Result.NOT_COMMENTABLE)
    target, text = tmp_comment.content_object, tmp_comment.comment
    if pending.is_expired(waiting):
        pending.forget(waiting)
        return Outcome(Result.EXPIRED, target, kept_text=text)
    try:
        policy = policy_for(target)
    except NotCommentable:
        pending.forget(waiting)
        return Outcome(Result.NOT_COMMENTABLE)
    if not policy.is_open(target):
        # Nothing will be stored from this link: its data goes now, not after a week.
        pending.forget(waiting)
        return Outcome(
            Result.CLOSED, target, kept_text=text, closed_note=policy.closed_note(target)
        )
    if _parent_gone(tmp_comment):
        # The form refuses such replies; the parent was hidden since the mail went out.
        pending.forget(waiting)
        return Outcome(Result.PARENT_GONE, target, kept_text=text)
    if policy.premoderated(target):
        state.set_released(tmp_comment, False)
    responses = confirmation_received.send(
        sender=tmp_comment.__class__, comment=tmp_comment, request=request
    )
    if any(response is False for _, response in responses):
        pending.forget(waiting)
        return Outcome(Result.REFUSED, target)
    try:
        comment = xtd.create_comment(tmp_comment)
    except MaxThreadLevelExceededException:
        pending.forget(waiting)
        return Outcome(Result.PARENT_GONE, target, kept_text=text)
    sender = pending.sender_of(waiting)
    if sender:
        CommentSender.objects.create(comment=comment, **sender)
    pending.used(waiting, comment)
    if state.is_waiting(comment):
        return Outcome(Result.WAITING, target, comment)
    notify_reply(comment)
    return Outcome(Result.PUBLISHED, target, comment)


def _parent_gone(tmp_comment) -> bool:
    """A reply whose comment is no longer visible (hidden since the mail went out)."""
    parent_id = tmp_comment.parent_id
    return bool(parent_id) and not state.comments().visible().filter(pk=parent_id).exists()
