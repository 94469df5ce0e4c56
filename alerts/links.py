"""Links in alert mails that act for an address without a password.

Neither kind of link names the address, not even signed:
- the unsubscribe link carries the address's unsubscribe key (random, stored with its
  subscriptions, see models.unsubscribe_key) and never expires, as RFC 8058 asks for
  one-click; it survives a rotation of the secret key;
- the "manage my alerts" link carries a random token whose hash is stored with
  the address for a week only.
"""

from django.conf import settings
from django.urls import reverse

from common import confirmation
from common.link_tokens import new_token, token_hash

from .models import ManageLink, Subscription, unsubscribe_key


def unsubscribe_url(email: str, key: str = "") -> str:
    """`key`: the address's unsubscribe key when the caller read it with its subscriptions
    (a digest or newsletter batch), saving a query per mail."""
    return settings.SITE_URL + reverse("alerts:unsubscribe", args=[key or unsubscribe_key(email)])


def address_from_unsubscribe(token: str) -> str | None:
    return (
        Subscription.objects.filter(unsubscribe_key=str(token))
        .values_list("email", flat=True)
        .first()
    )


def manage_request_url() -> str:
    """For mails to many: the page where anyone asks for a manage link for their address."""
    return settings.SITE_URL + reverse("alerts:manage")


def manage_url(email: str) -> str:
    token, hashed = new_token()
    ManageLink.objects.create(token_hash=hashed, email=email.lower())
    return settings.SITE_URL + reverse("alerts:manage-address", args=[token])


def address_from_manage(token: str) -> str | None:
    return (
        ManageLink.objects.filter(
            token_hash=token_hash(token), created_at__gte=confirmation.valid_since()
        )
        .values_list("email", flat=True)
        .first()
    )


def purge_unconfirmed_requests(cutoff) -> int:
    """Subscription requests never confirmed (`manage.py purge_unconfirmed`)."""
    deleted, _ = Subscription.objects.filter(
        confirmed_at__isnull=True, requested_at__lt=cutoff
    ).delete()
    return deleted


def purge_manage_links(cutoff) -> int:
    """Manage links past their validity: they hold an address (`manage.py purge_unconfirmed`)."""
    deleted, _ = ManageLink.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def unsubscribe_headers(email: str, key: str = "") -> dict:
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(email, key)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
