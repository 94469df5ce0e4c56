"""Mailed confirmation links, the same for every kind of public contribution.

A visitor who comments, replies, submits a statement, casts a ballot or subscribes
gets a mail with a link. What that link does is decided here, once:

- the link carries a random token; only its hash is stored (common/link_tokens.py);
- it works for CONFIRMATION_LINK_DAYS (one setting, `valid_for()`); the data of a
  link never used is deleted after that by `manage.py purge_unconfirmed`, which each
  kind joins with `register_purge()`, so the promise holds when nobody posts;
- opening the link (GET) only shows what will be confirmed and one button; only the
  POST of that button confirms. Mail providers' link scanners open every link in a
  mail before the person does; with a GET alone nothing is published, counted or
  subscribed (`confirm_by_button`).

Each kind keeps its own rule for what confirming means (comments: dialog/comments/
confirmation.py; statements, ballots, subscriptions in their apps) and its own pages
for the outcome.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from common.csrf import csrf_protect_public_form

# A token longer than any we make is cut before it is hashed.
MAX_TOKEN_LENGTH = 100


def valid_for() -> datetime.timedelta:
    return datetime.timedelta(days=settings.CONFIRMATION_LINK_DAYS)


def valid_since(now=None) -> datetime.datetime:
    """Links made before this moment no longer work."""
    return (now or timezone.now()) - valid_for()


def is_expired(created_at: datetime.datetime, now=None) -> bool:
    return created_at < valid_since(now)


# --- Purging data of links never used ------------------------------------------

_purges: dict[str, Callable[[datetime.datetime], int]] = {}


def register_purge(label: str, purge: Callable[[datetime.datetime], int]) -> None:
    """`purge(cutoff)` deletes this kind's unconfirmed data made before `cutoff` and
    returns how many items it deleted. `label` names the kind in German (plural)."""
    _purges[label] = purge


def purge_expired(now=None) -> dict[str, int]:
    """Delete every kind's unconfirmed data whose link has expired; counts per kind."""
    cutoff = valid_since(now)
    return {label: purge(cutoff) for label, purge in sorted(_purges.items())}


# --- The page a mailed link opens ------------------------------------------------


@dataclass
class Preview:
    """What the confirm page shows before the button is pressed."""

    title: str  # the page's heading, e.g. "Kommentar bestätigen"
    intro: str  # one sentence on what was sent, e.g. "Ihr Kommentar zu „Ziel 3“:"
    button: str  # what pressing does, e.g. "Kommentar veröffentlichen"
    quote: str = ""  # the visitor's own text, shown as written
    details: list[str] = field(default_factory=list)  # further lines (choices, title)
    after: str = ""  # what happens after the click (moderation, e-mail)


def confirm_by_button(preview: Callable[[object, str], "Preview | HttpResponse"]):
    """For the view a mailed confirmation link opens.

    GET and HEAD call `preview(request, token)`: a Preview is shown with one button
    that posts back to the same address; an HttpResponse (a link that is broken,
    expired or used) is returned as it is and must change nothing. Only a POST reaches
    the decorated view, which confirms. The POST is checked like every public form
    (Origin for visitors, Django's token for signed-in staff: common/csrf.py).
    """

    def decorate(view):
        # never_cache: the page shows a visitor's own text under a private token; no
        # cache (the site's page cache, a proxy, the browser's) may keep it.
        @never_cache
        @csrf_protect_public_form
        @require_http_methods(["GET", "HEAD", "POST"])
        @wraps(view)
        def wrapper(request, token):
            token = str(token)[:MAX_TOKEN_LENGTH]
            if request.method == "POST":
                return view(request, token)
            shown = preview(request, token)
            if isinstance(shown, HttpResponse):
                return shown
            return render(request, "confirmation/confirm.html", {"preview": shown})

        return wrapper

    return decorate


def problem(request, title: str, text: str, status: int = 410, back: tuple = ()) -> HttpResponse:
    """The calm German page of a link that cannot do anything (any more): expired, used,
    broken, or its phase has ended. `back` is (link text, url) for the way on."""
    return render(
        request,
        "confirmation/problem.html",
        {"title": title, "text": text, "back": back},
        status=status,
    )
