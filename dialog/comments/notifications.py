"""Reply notifications: to the authors above a new reply who asked for them, nobody else.

The package mails every follower of the whole page about every new comment;
the form promises news about replies, so we send exactly that. The mute
link (one click, no login, a random token: dialog/comments/pending.py)
switches off all notifications for that address on that page.
"""

from django.conf import settings
from django.urls import reverse

from common import mail
from dialog.comments import pending, state
from dialog.comments.xtd import XtdComment

SUBJECT = "Neue Antwort auf Ihren Kommentar"


def followers_to_notify(comment) -> list[XtdComment]:
    """The comments above `comment` whose authors asked to hear about replies, one per address."""
    if comment.level == 0 or not state.is_released(comment):
        return []
    in_thread = {c.pk: c for c in state.comments().filter(thread_id=comment.thread_id)}
    followers: dict[str, XtdComment] = {}
    current = in_thread.get(comment.parent_id)
    while current is not None:
        if current.followup and state.is_released(current) and current.user_email:
            followers.setdefault(current.user_email.lower(), current)
        if current.parent_id == current.pk:
            break
        current = in_thread.get(current.parent_id)
    followers.pop((comment.user_email or "").lower(), None)
    return list(followers.values())


def notify_reply(comment) -> int:
    sent = 0
    for follower in followers_to_notify(comment):
        key = pending.mute_token(follower)
        mail.send(
            SUBJECT,
            follower.user_email,
            "mail/comment_reply.txt",
            {
                "user_name": follower.user_name,
                "comment": comment,
                "content_object": comment.content_object,
                "mute_url": reverse("comments-xtd-mute", args=[key]),
            },
            # An answer to this mail reaches the editors, not a noreply box.
            reply_to=[settings.COMMENTS_XTD_CONTACT_EMAIL],
        )
        sent += 1
    return sent
