"""CSRF protection for public forms that sets no cookie for readers.

Django's CSRF check needs a cookie, and a page that shows a form would set it
for everyone who only reads. For visitors who are not signed in we check the
browser's Origin header instead (the OWASP "verify origin with standard
headers" defence): every current browser sends it with a cross-site POST, so
a forged POST from another site is refused. Signed-in users keep Django's full
token check, because what they post is published at once under their name.
Used by every public form: comments, reports, statements, ballots, alerts, accessibility
feedback and the confirmation buttons of mailed links.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseForbidden
from django.template.loader import render_to_string
from django.views.decorators.csrf import csrf_exempt, csrf_protect


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def is_same_origin(request) -> bool:
    claimed = request.META.get("HTTP_ORIGIN")
    if claimed is None or claimed == "null":
        referer = request.META.get("HTTP_REFERER")
        if claimed is None and referer is None:
            # No browser leaves out both on a cross-site POST; this is a script
            # or test client, which a forged form cannot turn into.
            return True
        if referer is None:
            return False
        claimed = _origin_of(referer)
    own = f"{request.scheme}://{request.get_host()}"
    return claimed == own or claimed in settings.CSRF_TRUSTED_ORIGINS


def csrf_protect_public_form(view):
    protected = csrf_protect(view)

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            return protected(request, *args, **kwargs)
        if request.method == "POST" and not is_same_origin(request):
            return HttpResponseForbidden(render_to_string("403_csrf.html", request=request))
        return view(request, *args, **kwargs)

    wrapper.public_form = True  # tests/strategy_site/test_every_post_is_protected.py
    return wrapper


def link_is_credential(view):
    """For pages reached by a mailed link whose random token is the credential (managing or
    ending one's alerts, RFC 8058 one-click unsubscribing, which mail clients POST without
    cookie, form token or Origin): no CSRF check, because nobody who could forge the POST
    knows the token."""
    view = csrf_exempt(view)
    view.link_is_credential = True
    return view
