"""Whole rendered pages for anonymous readers, kept compressed in the shared cache.

Right after WhiteNoise in the middleware list, so a hit skips sessions, auth,
CSRF, messages and the view. Only what every reader would see is kept: GET or
HEAD, status 200, no cookie sent or set, nothing marked private; a visitor with
a session or messages cookie (staff, someone who just posted) always gets a
fresh page and never reaches the cache.

Invalidation is by generation: every saved or deleted row of a model that
pages show (declared by its app: common/page_shows.py), every comment that is
shown or hidden, bumps one counter in the shared cache, and every page key
contains it. So an edit on one app server is seen at once on all of them.
Changes that come with time alone (a scheduled post, a phase that opens)
appear within PAGE_CACHE_SECONDS.

Conditional GET: a kept page carries an ETag; a reader that sends it back
gets 304 without a body.
"""

import contextlib
import gzip
import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.utils.cache import patch_vary_headers

from common import page_shows

GENERATION_KEY = "page-cache:generation"
# Headers a hit repeats as the miss sent them; the middleware above ours (security, CSP)
# add theirs again.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Disposition",
    "Cache-Control",
    "X-Frame-Options",
    "Link",
    "Vary",
)


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        # add(): two app servers starting at once agree on one value.
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


# The generation this process saw last. A hit asks for the current generation and the
# page kept under the last-seen one in one round trip (MGET); only after a change,
# when they differ, does it ask again. Never trusted without that check.
_last_seen = {"generation": None}


def _lookup(request):
    """(key, kept page or None) for the current generation."""
    seen = _last_seen["generation"]
    if seen is not None:
        guess = _key(request, seen)
        found = cache.get_many([GENERATION_KEY, guess])
        if found.get(GENERATION_KEY) == seen:
            return guess, found.get(guess)
    current = generation()
    _last_seen["generation"] = current
    key = _key(request, current)
    return key, cache.get(key)


def bump(**kwargs) -> None:
    """Every kept page is old now."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 2, timeout=None)


def _on_change(sender, instance=None, raw=False, **kwargs):
    # m2m_changed is sent by the through model; what changed is the row on either side.
    if instance is not None and page_shows.changes_pages(instance, raw):
        bump()


def connect() -> None:
    from dialog.comments.state import visibility_changed

    post_save.connect(_on_change, dispatch_uid="page-cache-save")
    post_delete.connect(_on_change, dispatch_uid="page-cache-delete")
    m2m_changed.connect(_on_change, dispatch_uid="page-cache-m2m")
    visibility_changed.connect(bump, dispatch_uid="page-cache-comments")


def _key(request, generation_value: int) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page-cache:{generation_value}:{request.get_host()}:{path}"


def _reader(request) -> bool:
    """A request any reader could have made: no cookie that changes what they see."""
    cookies = request.COOKIES
    return request.method in ("GET", "HEAD") and not (
        settings.SESSION_COOKIE_NAME in cookies
        or CookieStorage.cookie_name in cookies
        or settings.CSRF_COOKIE_NAME in cookies
    )


def _keepable(request, response) -> bool:
    # "Vary: Cookie" (a page that asked whether someone is signed in) is no obstacle:
    # pages are kept and served only for requests without the cookies Django reads.
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(w in cache_control for w in ("private", "no-cache", "no-store"))
        and not getattr(getattr(request, "user", None), "is_authenticated", False)
    )


class ReadParameters(QueryDict):
    """request.GET that remembers which parameters the view asked for by name."""

    def __init__(self, query_string=None, mutable=False, encoding=None):
        self.asked = set()  # parsing itself asks for keys: those do not count
        super().__init__(query_string, mutable=mutable, encoding=encoding)
        self.asked = set()

    def __getitem__(self, key):
        self.asked.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.asked.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.asked.add(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        self.asked.add(key)
        return super().__contains__(key)

    def all_asked(self) -> bool:
        return set(self.keys()) <= self.asked


def accepts_gzip(request) -> bool:
    """Whether Accept-Encoding allows gzip, "gzip;q=0" and "*;q=0" meaning no."""
    allowed = {}
    for part in request.headers.get("Accept-Encoding", "").split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        allowed[name.strip().lower()] = quality
    return allowed.get("gzip", allowed.get("*", 0.0)) > 0


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not _reader(request):
            return self.get_response(request)
        try:
            key, kept = _lookup(request)
        except Exception:  # the cache is down: render as if there were none
            return self.get_response(request)
        if kept is not None:
            return _replay(request, kept)
        # A page is kept only if the view asked for every query parameter by name: any
        # other parameter (?junk=1) changes nothing on the page, and each spelling would
        # otherwise fill the shared cache with a copy.
        parameters = ReadParameters(request.META.get("QUERY_STRING", ""), encoding=request.encoding)
        request.GET = parameters
        response = self.get_response(request)
        # Only GET responses are kept: a HEAD response may have lost its body on the way.
        if request.method == "GET" and parameters.all_asked() and _keepable(request, response):
            body = response.content
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            kept = {
                "body": gzip.compress(body, compresslevel=6),
                "headers": {h: response[h] for h in KEPT_HEADERS if h in response},
                "etag": etag,
            }
            # The cache is down: not kept this time; the reader has the page anyway.
            with contextlib.suppress(Exception):
                cache.set(key, kept, settings.PAGE_CACHE_SECONDS)
            response["ETag"] = etag
        return response


def _replay(request, kept) -> HttpResponse:
    if request.headers.get("If-None-Match") == kept["etag"]:
        response = HttpResponseNotModified()
        response["ETag"] = kept["etag"]
        return response
    gzip_ok = accepts_gzip(request)
    body = kept["body"] if gzip_ok else gzip.decompress(kept["body"])
    response = HttpResponse(b"" if request.method == "HEAD" else body)
    for header, value in kept["headers"].items():
        response[header] = value
    response["ETag"] = kept["etag"]
    response["Content-Length"] = str(len(body))
    if gzip_ok:
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ["Accept-Encoding"])
    response["X-Page-Cache"] = "hit"
    return response
