"""Who counts as one person: an e-mail address normalised once, and its keyed hash.

Where the site counts "one per person" (a ballot per phase, later a support per idea)
or limits mails to one recipient, the person is their mailbox: `X@Example.org`,
`x@example.org` and `x+umfrage@example.org` all reach the same inbox, so they count
once. Addresses that must not be stored readable are kept as a keyed hash (HMAC with
the site's secret key and a purpose), which cannot be checked against a list of
guessed addresses without the key.

Key rotation: hashes are made with SECRET_KEY; lookups also try every key in
SECRET_KEY_FALLBACKS (`hashes_of`), as Django's own signing does. After rotating
DJANGO_SECRET_KEY, put the old key into DJANGO_SECRET_KEY_FALLBACKS until the rows
made with it have expired (docs/deployment.md).
"""

import hashlib
import hmac

from django.conf import settings
from django.db.models import Q


def normalised(email: str) -> str:
    """The address as the site stores and compares it: trimmed, lower case."""
    return str(email).strip().lower()


def mailbox(email: str) -> str:
    """The inbox an address reaches: normalised, without a "+tag" in the local part."""
    local, at, domain = normalised(email).rpartition("@")
    if not at:
        return normalised(email)
    return f"{local.split('+', 1)[0] or local}@{domain}"


def _hash(value: str, purpose: str, secret: str) -> str:
    # Not Django's salted_hmac: this derivation is the one alert hashes were stored with.
    return hmac.new(f"{purpose}:{secret}".encode(), value.encode(), hashlib.sha256).hexdigest()


def keyed_hash(value: str, purpose: str) -> str:
    """The hash to store for `value` (already normalised by the caller's rule)."""
    return _hash(value, purpose, settings.SECRET_KEY)


def hashes_of(value: str, purpose: str) -> list[str]:
    """Every hash `value` may be stored under: the current key's, then the fallbacks'."""
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [_hash(value, purpose, secret) for secret in secrets]


def mailbox_hashes(email: str, purpose: str) -> list[str]:
    return hashes_of(mailbox(email), purpose)


def mailbox_filter(field: str, email: str):
    """A filter for rows whose stored address (in `field`) reaches the same inbox as
    `email`: any spelling, with or without a "+tag". For "Meine Beiträge", which shows a
    person everything their mailbox sent."""
    box = mailbox(email)
    local, _, domain = box.rpartition("@")
    if not local:
        return Q(**{f"{field}__iexact": box})
    return Q(**{f"{field}__iexact": box}) | Q(
        **{f"{field}__istartswith": f"{local}+", f"{field}__iendswith": f"@{domain}"}
    )
