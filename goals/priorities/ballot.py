"""The priorities ballot of a phase: choices, submission, confirmation, results."""

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from common import addresses, confirmation
from common.link_tokens import new_token, token_hash
from dialog.models import Phase

from ..models import FieldOfAction
from .models import PriorityBallot

MAX_CHOICES = 3


def choices(phase):
    """The fields of action of the versions this phase covers."""
    return (
        FieldOfAction.objects.filter(version__phases=phase)
        .select_related("version")
        .order_by("-version__year", "position", "number")
    )


# One ballot per mailbox and phase; the mailbox is kept only as this keyed hash.
HASH_PURPOSE = "priorities.mailbox"


def _hashes_before_december_2026(email: str) -> list[str]:
    """How ballots were keyed before common/addresses.py (HMAC of the lower-case address
    with the bare secret key), with every key in use; kept while such ballots exist."""
    spellings = {addresses.normalised(email), addresses.mailbox(email)}
    secrets = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    return [
        hmac.new(secret.encode(), spelling.encode(), hashlib.sha256).hexdigest()
        for secret in secrets
        for spelling in spellings
    ]


def hashes_of(email: str) -> list[str]:
    """Every hash a ballot of this mailbox may be stored under (for "Meine Beiträge")."""
    return addresses.mailbox_hashes(email, HASH_PURPOSE) + _hashes_before_december_2026(email)


@transaction.atomic
def submit(phase, email: str, fields) -> str:
    """Store an unconfirmed ballot; returns the token for the confirmation link."""
    token, hashed = new_token()
    current, *earlier = addresses.mailbox_hashes(email, HASH_PURPOSE)
    earlier += _hashes_before_december_2026(email)
    # Ballots kept under a key before a rotation, or under the hash of the first release:
    # the same mailbox's, so they are re-keyed and the new ballot replaces them.
    PriorityBallot.objects.filter(phase=phase, address_hash__in=earlier).update(
        address_hash=current
    )
    ballot = PriorityBallot.objects.create(phase=phase, address_hash=current, token_hash=hashed)
    ballot.fields.set(fields)
    return token


def lookup(token: str, now=None, *, for_update: bool = False):
    """The unconfirmed ballot a link names, if it can still be confirmed (link valid, phase
    running); None otherwise. Changes nothing."""
    now = now or timezone.now()
    ballots = PriorityBallot.objects.select_for_update() if for_update else PriorityBallot.objects
    ballot = (
        ballots.select_related("phase")
        .filter(token_hash=token_hash(token), confirmed_at__isnull=True)
        .first()
    )
    if ballot is None or confirmation.is_expired(ballot.created_at, now):
        return None
    if not ballot.phase.is_running(now):
        return None
    return ballot


@transaction.atomic
def confirm(token: str, now=None):
    """Confirm a ballot by its link; it replaces the address's earlier ballot in the phase.
    None for an unknown, used or expired link, or a phase that has ended."""
    now = now or timezone.now()
    ballot = lookup(token, now, for_update=True)
    if ballot is None:
        return None
    # One confirmation per phase at a time: two links of one mailbox pressed together
    # must not both count.
    Phase.objects.select_for_update().filter(pk=ballot.phase_id).first()
    # The same mailbox's earlier ballot (re-keyed at submission after a key rotation).
    PriorityBallot.objects.filter(
        phase=ballot.phase, address_hash=ballot.address_hash, confirmed_at__isnull=False
    ).delete()
    ballot.confirmed_at = now
    ballot.save(update_fields=["confirmed_at"])
    return ballot


@dataclass(frozen=True)
class Result:
    label: str
    count: int
    share: int  # per cent of the ballots that named it


def results_visible(phase, now=None) -> bool:
    now = now or timezone.now()
    if phase.priorities_shown_during:
        return phase.starts_at <= now
    return phase.ends_at <= now


def results(phase, fields=None) -> tuple[int, list[Result]]:
    """(number of confirmed ballots, one Result per field, most named first); `fields`,
    if the caller has loaded choices(phase) already."""
    confirmed = PriorityBallot.objects.filter(phase=phase, confirmed_at__isnull=False)
    total = confirmed.count()
    counted = dict(confirmed.values("fields").annotate(n=Count("id")).values_list("fields", "n"))
    rows = [
        Result(
            f"{f.number} {f.title}",
            counted.get(f.pk, 0),
            round(100 * counted.get(f.pk, 0) / total) if total else 0,
        )
        for f in (fields if fields is not None else choices(phase))
    ]
    return total, sorted(rows, key=lambda r: -r.count)


@dataclass(frozen=True)
class BallotLink:
    """The phase page's link to its ballot (through common.related: dialog knows no goals)."""

    phase: object

    def __str__(self):
        return f"Abstimmen: {self.phase.priorities_question}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("goals:priorities", args=[self.phase.slug])


def purge_unconfirmed(cutoff) -> int:
    """Delete ballots whose link was never used in time (`manage.py purge_unconfirmed`)."""
    _, deleted = PriorityBallot.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted.get(PriorityBallot._meta.label, 0)  # not their choices' rows
