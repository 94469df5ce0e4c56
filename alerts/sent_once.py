"""Each address gets a digest or newsletter once, even when a run dies half-way or two
runs overlap.

The row that records the address as served (DigestSent, NewsletterSent; unique per
address and day, or per address and newsletter) is inserted in the same transaction
that queues the mail. The unique constraint decides between two runs: the second
insert waits for the first run's transaction, then fails, and that run skips the
address. A run that dies before its commit leaves neither the row nor the queued mail,
so the next run sends it. With MAIL_QUEUE=worker (production) the mail only leaves
after the commit, through mail_worker; with MAIL_QUEUE=now it is delivered inside the
transaction, so a crash between delivery and commit could still repeat that one mail.

Rows are keyed by the address's keyed hash; after a key rotation, rows written under
an earlier key (DJANGO_SECRET_KEY_FALLBACKS) still count as sent.
"""

from collections.abc import Callable, Iterable

from django.db import IntegrityError, models, transaction

from common import addresses

PURPOSE = "alerts.address"


def address_hash(email: str) -> str:
    """The hash a sent-record is stored under: it cannot be matched against guessed addresses."""
    return addresses.keyed_hash(addresses.normalised(email), PURPOSE)


def already_served(records: models.QuerySet, emails: Iterable[str]) -> set[str]:
    """Those of `emails` that `records` (sent-rows of one day or newsletter) hold, under
    the current key or an earlier one."""
    hashes = {email: addresses.hashes_of(addresses.normalised(email), PURPOSE) for email in emails}
    stored = set(
        records.filter(
            address_hash__in=[value for values in hashes.values() for value in values]
        ).values_list("address_hash", flat=True)
    )
    return {email for email, values in hashes.items() if stored.intersection(values)}


def send_once(record: models.Model, send: Callable[[], object]) -> bool:
    """Insert `record` and run `send` in one transaction; False (nothing sent) when another
    run already holds the record. An error in `send` takes the record back and is raised."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                record.save(force_insert=True)
        except IntegrityError:
            return False
        send()
    return True
