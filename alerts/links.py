"""Links in alert mails that act for an address without a password.

Unsubscribe links never expire (RFC 8058 asks that one-click keeps working);
the "manage my alerts" link shows the address's subscriptions, so it is
valid for a week only. Both are signed, not stored.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

UNSUBSCRIBE_SALT = "alerts.unsubscribe"
MANAGE_SALT = "alerts.manage"
MANAGE_MAX_AGE = 7 * 24 * 3600


def unsubscribe_url(email: str) -> str:
    token = signing.dumps(email.lower(), salt=UNSUBSCRIBE_SALT, compress=True)
    return settings.SITE_URL + reverse("alerts:unsubscribe", args=[token])


def address_from_unsubscribe(token: str) -> str | None:
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


def manage_url(email: str) -> str:
    token = signing.dumps(email.lower(), salt=MANAGE_SALT, compress=True)
    return settings.SITE_URL + reverse("alerts:manage-address", args=[token])


def address_from_manage(token: str) -> str | None:
    try:
        return signing.loads(token, salt=MANAGE_SALT, max_age=MANAGE_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None


def unsubscribe_headers(email: str) -> dict:
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(email)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
