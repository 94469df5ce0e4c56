"""Opaque links for comment confirmation and for "no more reply mails".

The package puts the whole comment (name, address, IP address, text) into the
confirmation link, signed but readable, and as a pickle. Here a link carries
only a random token; the data waits in the database under the token's hash
and is erased when the link is used or has expired.
"""

import datetime

from django.contrib.contenttypes.models import ContentType

from common import confirmation
from common.link_tokens import new_token
from common.link_tokens import token_hash as link_token_hash
from dialog.comments.models import MuteLink, PendingComment
from dialog.comments.xtd import TmpXtdComment

# Keys of the package's unsaved comment that are objects, not plain values.
_OBJECTS = {"content_object", "content_type", "user", "xtd_comment"}
# Ours, not a comment field: who the author writes for (CommentSender), if given.
SENDER_KEY = "_sender"


def store(tmp_comment, sender: dict | None = None) -> str:
    """Keep an unconfirmed comment server-side; returns the token for the link."""
    data = {k: v for k, v in tmp_comment.items() if k not in _OBJECTS}
    data[SENDER_KEY] = sender
    data["content_type_id"] = tmp_comment.content_type.pk
    data["user_id"] = tmp_comment.user.pk if tmp_comment.get("user") else None
    data["submit_date"] = tmp_comment.submit_date.isoformat()
    token, token_hash = new_token()
    PendingComment.objects.create(token_hash=token_hash, data=data)
    return token


def find(token: str) -> PendingComment | None:
    return (
        PendingComment.objects.filter(token_hash=link_token_hash(token))
        .select_related("comment")
        .first()
    )


def is_expired(pending: PendingComment) -> bool:
    return confirmation.is_expired(pending.created_at)


def unsaved_comment(pending: PendingComment) -> TmpXtdComment:
    """The package's unsaved comment again, as the form made it."""
    data = dict(pending.data)
    data.pop(SENDER_KEY, None)
    content_type = ContentType.objects.get_for_id(data.pop("content_type_id"))
    comment = TmpXtdComment()
    comment.update(
        data,
        content_type=content_type,
        content_object=content_type.get_object_for_this_type(pk=data["object_pk"]),
        submit_date=datetime.datetime.fromisoformat(data["submit_date"]),
    )
    return comment


def sender_of(pending: PendingComment) -> dict | None:
    return pending.data.get(SENDER_KEY)


def used(pending: PendingComment, comment=None) -> None:
    """Erase the personal data; remember the created comment for a second click."""
    pending.data = {}
    pending.comment = comment
    pending.save(update_fields=["data", "comment"])


def forget(pending: PendingComment) -> None:
    pending.delete()


def purge_expired(cutoff) -> int:
    """Delete pending comments whose link expired (`manage.py purge_unconfirmed`); returns
    how many were never confirmed. Used links (their data already erased, kept only to
    answer a second click) go too, uncounted."""
    expired = PendingComment.objects.filter(created_at__lt=cutoff)
    unconfirmed, _ = expired.exclude(data={}).delete()
    expired.delete()
    return unconfirmed


def mute_token(follower) -> str:
    token, token_hash = new_token()
    MuteLink.objects.create(token_hash=token_hash, follower=follower)
    return token


def mute_follower(token: str):
    """The comment whose author asked for reply mails, for a "no more mails" link; or None."""
    link = (
        MuteLink.objects.filter(token_hash=link_token_hash(token))
        .select_related("follower")
        .first()
    )
    return link.follower if link else None
