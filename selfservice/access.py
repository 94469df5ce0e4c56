"""Who may see "Meine Beiträge": whoever opened a link mailed to the address and pressed its
button (common/confirmation.py: a mail scanner's GET opens nothing). The browser then holds
the link's row number in its session for ACCESS_SECONDS; the link itself works for the
confirmation links' validity (seven days), on any device, as often as needed."""

from django.db import transaction
from django.utils import timezone

from common import addresses, confirmation
from common.link_tokens import new_token, token_hash

from .models import AccessLink

SESSION_KEY = "meine_beitraege"
ACCESS_SECONDS = 2 * 60 * 60


def new_link(email: str) -> str:
    """Store a link for the address; returns the token for the mail."""
    token, hashed = new_token()
    AccessLink.objects.create(token_hash=hashed, email=addresses.normalised(email))
    return token


def find(token: str) -> AccessLink | None:
    """The link behind a token, while it is valid."""
    return AccessLink.objects.filter(
        token_hash=token_hash(token), created_at__gte=confirmation.valid_since()
    ).first()


def grant(request, link: AccessLink) -> None:
    request.session.cycle_key()  # a new session id: nothing set before carries over
    # The end is kept in the session, not only as the cookie's age: every request saves
    # the session anew (SESSION_SAVE_EVERY_REQUEST), which would push the age on.
    until = timezone.now().timestamp() + ACCESS_SECONDS
    request.session[SESSION_KEY] = {"link": link.pk, "until": until}
    if not request.user.is_authenticated:  # a staff member's session keeps its own limit
        request.session.set_expiry(ACCESS_SECONDS)


def address(request) -> str | None:
    """The address this browser may see, or None (no link pressed, or it expired)."""
    held = request.session.get(SESSION_KEY)
    if not isinstance(held, dict) or not isinstance(held.get("link"), int):
        return None
    if not isinstance(held.get("until"), int | float) or held["until"] < timezone.now().timestamp():
        return None
    link = AccessLink.objects.filter(
        pk=held["link"], created_at__gte=confirmation.valid_since()
    ).first()
    return link.email if link else None


def end(request) -> None:
    if request.user.is_authenticated:  # a staff member keeps their sign-in
        request.session.pop(SESSION_KEY, None)
    else:
        request.session.flush()


@transaction.atomic
def forget_address(email: str) -> int:
    """After an erasure: no link to the address works any more."""
    return AccessLink.objects.filter(addresses.mailbox_filter("email", email)).delete()[0]


def purge_expired(cutoff) -> int:
    return AccessLink.objects.filter(created_at__lt=cutoff).delete()[0]
