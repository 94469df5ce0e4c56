"""The priorities ballot of a phase: choices, submission, confirmation, results."""

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from common.link_tokens import new_token, token_hash
from dialog.comments.pending import CONFIRMATION_VALID

from .models import FieldOfAction, PriorityBallot

MAX_CHOICES = 3


def choices(phase):
    """The fields of action of the versions this phase covers."""
    return (
        FieldOfAction.objects.filter(version__phases=phase)
        .select_related("version")
        .order_by("-version__year", "position", "number")
    )


def address_hash(email: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def submit(phase, email: str, fields) -> str:
    """Store an unconfirmed ballot; returns the token for the confirmation link."""
    token, hashed = new_token()
    ballot = PriorityBallot.objects.create(
        phase=phase, address_hash=address_hash(email), token_hash=hashed
    )
    ballot.fields.set(fields)
    return token


@transaction.atomic
def confirm(token: str, now=None):
    """Confirm a ballot by its link; it replaces the address's earlier ballot in the phase.
    None for an unknown, used or expired link, or a phase that has ended."""
    now = now or timezone.now()
    ballot = (
        PriorityBallot.objects.select_for_update()
        .select_related("phase")
        .filter(token_hash=token_hash(token), confirmed_at__isnull=True)
        .first()
    )
    if ballot is None or ballot.created_at < now - CONFIRMATION_VALID:
        return None
    if not ballot.phase.is_running(now):
        return None
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


def connect() -> None:
    from common import related
    from dialog.models import Phase
    from dialog.participation import results

    from .views.priorities import result_part

    results.register_part(result_part)

    related.register(
        Phase,
        "Prioritäten setzen",
        lambda phase: [BallotLink(phase)] if phase.priorities_question else [],
        anchor="prioritaeten",
    )
