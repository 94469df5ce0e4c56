"""What happens to a valid comment: stored at once for staff, a confirmation mail for citizens.

The package's own receiver for comment_was_posted is disconnected (see
DialogConfig.ready): it would mail every follower of the page. These two
functions do its remaining work with the package's building blocks.
"""

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse

from common import mail, ratelimit
from dialog.comments import pending, state, xtd
from dialog.comments.notifications import notify_reply
from dialog.comments.xtd import comment_was_posted, comment_will_be_posted


class Rejected(Exception):
    """A comment_will_be_posted receiver refused the comment."""


# More than this many comments with the same text within the window are held for moderation.
SAME_TEXT_LIMIT = (3, 3600)


def text_fingerprint(text: str) -> str:
    """The text without case, spacing and punctuation: copies with small changes match."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


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
