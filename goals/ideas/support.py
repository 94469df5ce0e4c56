"""Supporting an idea: once per mailbox, confirmed by the mailed link's button, withdrawn
by the same link while the phase takes ideas.

The mailbox is kept only as a keyed hash (common/addresses.py: `x+1@`, `X@` and `x@` are
one mailbox), enough to count it once, not to write to it; the address itself only when
the supporter asked to hear the answer. Asking again mails a new link for the same
support (the earlier one stops working), which then offers to withdraw it.
"""

from django.db import transaction
from django.utils import timezone

from common import addresses, confirmation
from common.link_tokens import new_token, token_hash

from .models import Idea, IdeaDecision, IdeaSupport

HASH_PURPOSE = "ideas.support"


@transaction.atomic
def request(idea, email: str, wants_answer: bool, now=None) -> str:
    """The token of a new link for this mailbox's support of `idea` (stored unconfirmed,
    or kept as it is when already confirmed)."""
    now = now or timezone.now()
    token, hashed = new_token()
    current, *earlier = addresses.mailbox_hashes(email, HASH_PURPOSE)
    support = (
        IdeaSupport.objects.select_for_update()
        .filter(idea=idea, address_hash__in=[current, *earlier])
        .first()
    )
    if support is None:
        # get_or_create: a second request from the same mailbox at the same moment finds
        # the row the first one made instead of failing on the unique constraint.
        support, _ = IdeaSupport.objects.get_or_create(
            idea=idea, address_hash=current, defaults={"token_hash": hashed}
        )
    support.address_hash = current  # re-keyed after a key rotation
    support.token_hash = hashed
    # Kept only to send an answer still to come, and only while the supporter wants it.
    answered = IdeaDecision.objects.filter(idea=idea).exists()
    support.email = addresses.normalised(email) if wants_answer and not answered else ""
    if support.confirmed_at is None:
        support.created_at = now  # the new link's seven days start now
    support.save()
    return token


def lookup(token: str, now=None):
    """The support a link names, changing nothing; None for an unknown link, an
    unconfirmed support whose link expired, one withdrawn, or one for an idea no longer
    shown."""
    support = (
        IdeaSupport.objects.select_related("idea__phase")
        .filter(token_hash=token_hash(token), idea__status=Idea.Status.PUBLISHED)
        .first()
    )
    if support is None:
        return None
    if support.confirmed_at is None and confirmation.is_expired(support.created_at, now):
        return None
    return support


def confirm(token: str, now=None):
    """The support, confirmed now (a second press changes nothing); None for a bad link."""
    now = now or timezone.now()
    support = lookup(token, now)
    if support is None:
        return None
    IdeaSupport.objects.filter(pk=support.pk, confirmed_at__isnull=True).update(confirmed_at=now)
    support.refresh_from_db()
    return support


def withdraw(token: str):
    """Delete the support the link names; returns its idea, or None for a bad link."""
    support = lookup(token)
    if support is None:
        return None
    support.delete()
    return support.idea


def purge_unconfirmed(cutoff) -> int:
    deleted, _ = IdeaSupport.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


def count(idea) -> int:
    return idea.supports.filter(confirmed_at__isnull=False).count()
