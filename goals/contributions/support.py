"""Supporting a contribution (an idea, a wording suggestion): once per mailbox, confirmed by
the mailed link's button, withdrawn by the same link while its phase takes them.

The mailbox is kept only as a keyed hash (common/addresses.py: `x+1@`, `X@` and `x@` are
one mailbox), enough to count it once, not to write to it; the address itself only when
the supporter asked to hear the answer, and only until it is sent. Asking again mails a new
link for the same support (the earlier one stops working), which then offers to withdraw it.
"""

from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone

from common import addresses, confirmation
from common.link_tokens import new_token, token_hash

from .models import Contribution


@dataclass(frozen=True)
class Supports:
    """The support rules for one kind: `model` is its support model, `owner` the name of the
    foreign key to the contribution, `decision_model` the contribution's answer."""

    model: type[models.Model]
    owner: str
    purpose: str
    decision_model: type[models.Model]

    @transaction.atomic
    def request(self, target, email: str, wants_answer: bool, now=None) -> str:
        """The token of a new link for this mailbox's support of `target` (stored
        unconfirmed, or kept as it is when already confirmed)."""
        now = now or timezone.now()
        token, hashed = new_token()
        current, *earlier = addresses.mailbox_hashes(email, self.purpose)
        support = (
            self.model.objects.select_for_update()
            .filter(**{self.owner: target}, address_hash__in=[current, *earlier])
            .first()
        )
        if support is None:
            # get_or_create: a second request from the same mailbox at the same moment
            # finds the row the first one made instead of failing on the constraint.
            support, _ = self.model.objects.get_or_create(
                **{self.owner: target}, address_hash=current, defaults={"token_hash": hashed}
            )
        support.address_hash = current  # re-keyed after a key rotation
        support.token_hash = hashed
        # Kept only to send an answer still to come, and only while the supporter wants it.
        answered = self.decision_model.objects.filter(**{self.owner: target}).exists()
        support.email = addresses.normalised(email) if wants_answer and not answered else ""
        if support.confirmed_at is None:
            support.created_at = now  # the new link's seven days start now
        support.save()
        return token

    def lookup(self, token: str, now=None):
        """The support a link names, changing nothing; None for an unknown link, an
        unconfirmed support whose link expired, one withdrawn, or one for a contribution
        no longer shown."""
        support = (
            self.model.objects.select_related(f"{self.owner}__phase")
            .filter(
                token_hash=token_hash(token),
                **{f"{self.owner}__status": Contribution.Status.PUBLISHED},
            )
            .first()
        )
        if support is None:
            return None
        if support.confirmed_at is None and confirmation.is_expired(support.created_at, now):
            return None
        return support

    @transaction.atomic
    def confirm(self, token: str, now=None):
        """The support, confirmed now (a second press changes nothing); None for a bad link.
        Saved, not updated: the page cache renews on the save (common/page_shows.py)."""
        now = now or timezone.now()
        support = self.lookup(token, now)
        if support is None:
            return None
        support = self.model.objects.select_for_update().filter(pk=support.pk).first()
        if support is not None and support.confirmed_at is None:
            support.confirmed_at = now
            support.save(update_fields=["confirmed_at"])
        return support

    def withdraw(self, token: str):
        """Delete the support the link names; returns its contribution, or None."""
        support = self.lookup(token)
        if support is None:
            return None
        support.delete()
        return getattr(support, self.owner)

    def purge_unconfirmed(self, cutoff) -> int:
        deleted, _ = self.model.objects.filter(
            confirmed_at__isnull=True, created_at__lt=cutoff
        ).delete()
        return deleted

    def count(self, target) -> int:
        return target.supports.filter(confirmed_at__isnull=False).count()

    def take_answer_addresses(self, target) -> list[str]:
        """The addresses of confirmed supporters who asked for the answer, forgotten at once
        (they were kept only for this answer)."""
        emails = sorted(
            set(
                target.supports.filter(confirmed_at__isnull=False)
                .exclude(email="")
                .values_list("email", flat=True)
            )
        )
        target.supports.exclude(email="").update(email="")
        return emails
