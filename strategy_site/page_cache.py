"""Whole rendered pages for anonymous readers, kept compressed in the shared cache.

Right after WhiteNoise in the middleware list, so a hit skips sessions, auth,
CSRF, messages and the view. Only what every reader would see is kept: GET or
HEAD, status 200, no cookie sent or set, nothing marked private; a visitor with
a session or messages cookie (staff, someone who just posted) always gets a
fresh page and never reaches the cache.

Invalidation follows what a page shows (docs/performance.md has the table):

- While a page renders, every row of a *subject* it loads (a goal, a chapter, a
  phase: common/page_shows.py) tags it, e.g. "goals.goal:7". A page that loads more
  than MAX_TAGS subjects (a list) is an aggregate and keeps no tags.
- A saved or deleted shown row, and every comment released or hidden, stamps the
  subjects it concerns with the time (a comment or status report its goal, a
  paragraph's comment its chapter). A kept page rendered before a stamp of one of
  its tags is out of date: the next request renews it, on every app server at once.
- Every kept page is renewed at the latest LAG seconds after it was rendered, so
  lists, counts, teasers, feeds, sitemaps and what comes with time alone (a
  scheduled post, a phase that opens) lag by at most that.

No stampede: a request that finds its page out of date takes a lock in the shared
cache (add() with a timeout) and renders; every other request meanwhile gets the
kept copy at once. So at most one worker on all servers renders a page at a time.

Conditional GET: a kept page carries an ETag; a reader that sends it back
gets 304 without a body.
"""

import contextlib
import contextvars
import gzip
import hashlib
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.utils.cache import patch_vary_headers

from common import page_shows

# Pages that only aggregate (lists with counts, teasers, feeds, sitemaps) lag by at most
# this many seconds; every kept page is renewed that often at the latest.
LAG = 60
# A page that loads more subjects than this is a list: it keeps no tags, only LAG.
MAX_TAGS = 32
# A renderer that died frees its page's lock after this many seconds.
LOCK_SECONDS = 30
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

# The clock of stamps and renders; tests replace it to move time without sleeping.
clock = time.time


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def _tag_key(tag: str) -> str:
    return f"page-tag:{tag}"


# --- Writes: stamp the subjects a change concerns --------------------------------


def invalidate(tags) -> None:
    """Every kept page tagged with one of these subjects is out of date from now on."""
    tags = set(tags)
    if not tags or not enabled():
        return
    stamp = clock()
    with contextlib.suppress(Exception):  # the cache is down: pages renew within LAG
        cache.set_many({_tag_key(tag): stamp for tag in tags}, timeout=None)


def _stamp(tags) -> None:
    # Now, and again once the transaction is committed: a page rendered in between
    # read the rows before the change and must not count as newer than it.
    invalidate(tags)
    transaction.on_commit(lambda: invalidate(tags))


def _on_change(sender, instance=None, raw=False, model=None, pk_set=None, **kwargs):
    # m2m_changed is sent by the through model; what changed is the row on either side.
    if instance is None or not enabled() or not page_shows.changes_pages(instance, raw):
        return
    tags = page_shows.subject_tags(instance)
    if model is not None and pk_set:
        for pk in pk_set:
            tags |= page_shows.tags_of(model, pk)
    _stamp(tags)


def _on_comment_visibility(sender, targets=(), **kwargs):
    from django.contrib.contenttypes.models import ContentType

    if not enabled():
        return
    tags = set()
    for content_type_id, pk in targets:
        tags |= page_shows.tags_of(
            ContentType.objects.get_for_id(content_type_id).model_class(), pk
        )
    _stamp(tags)


# --- Renders: collect the subjects a page loads ----------------------------------

_collecting: contextvars.ContextVar[set | None] = contextvars.ContextVar(
    "page_cache_collecting", default=None
)


def _on_init(sender, instance, **kwargs):
    seen = _collecting.get()
    if seen is not None and len(seen) <= MAX_TAGS:
        tag = page_shows.page_tag(sender, instance)
        if tag is not None:
            seen.add(tag)


def connect() -> None:
    from dialog.comments.state import visibility_changed

    post_save.connect(_on_change, dispatch_uid="page-cache-save")
    post_delete.connect(_on_change, dispatch_uid="page-cache-delete")
    m2m_changed.connect(_on_change, dispatch_uid="page-cache-m2m")
    visibility_changed.connect(_on_comment_visibility, dispatch_uid="page-cache-comments")
    post_init.connect(_on_init, dispatch_uid="page-cache-subjects")


# --- Lookups ---------------------------------------------------------------------

# The tags this process saw last on each kept page, so that a hit asks for the page and
# its tags' stamps in one round trip (get_many); never trusted without that check.
_known_tags: dict[str, tuple] = {}


def _key(request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page-cache:{request.get_host()}:{path}"


def _lookup(key):
    """(kept page or None, whether it is out of date)."""
    guess = _known_tags.get(key, ())
    found = cache.get_many([key, *(_tag_key(tag) for tag in guess)])
    kept = found.get(key)
    if kept is None:
        return None, False
    tags = kept["tags"]
    if tags != guess:
        found.update(cache.get_many([_tag_key(tag) for tag in tags if tag not in guess]))
        if len(_known_tags) > 10_000:
            _known_tags.clear()
        _known_tags[key] = tags
    rendered = kept["at"]
    changed = any((found.get(_tag_key(tag)) or 0) >= rendered for tag in tags)
    return kept, changed or clock() - rendered >= LAG


def _claim(key) -> bool:
    """Whether this request renews the page (no other one does it right now)."""
    try:
        return cache.add(f"page-lock:{key}", 1, timeout=LOCK_SECONDS)
    except Exception:  # the cache is down: render as if there were none
        return True


def _release(key) -> None:
    with contextlib.suppress(Exception):
        cache.delete(f"page-lock:{key}")


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
        key = _key(request)
        try:
            kept, out_of_date = _lookup(key)
        except Exception:  # the cache is down: render as if there were none
            return self.get_response(request)
        if kept is not None and not out_of_date:
            return _replay(request, kept)
        if kept is not None:
            # Out of date: one request renews it, every other one gets the kept copy.
            if request.method != "GET" or not _claim(key):
                return _replay(request, kept)
            try:
                return self.render(request, key)
            finally:
                _release(key)
        return self.render(request, key)

    def render(self, request, key):
        """The view's answer, kept if every reader would see the same."""
        # A page is kept only if the view asked for every query parameter by name: any
        # other parameter (?junk=1) changes nothing on the page, and each spelling would
        # otherwise fill the shared cache with a copy.
        parameters = ReadParameters(request.META.get("QUERY_STRING", ""), encoding=request.encoding)
        request.GET = parameters
        started = clock()
        subjects = set()
        token = _collecting.set(subjects)
        try:
            response = self.get_response(request)
        finally:
            _collecting.reset(token)
        # Only GET responses are kept: a HEAD response may have lost its body on the way.
        if request.method == "GET" and parameters.all_asked() and _keepable(request, response):
            body = response.content
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            kept = {
                "body": gzip.compress(body, compresslevel=6),
                "headers": {h: response[h] for h in KEPT_HEADERS if h in response},
                "etag": etag,
                # A list (more subjects than MAX_TAGS) renews by LAG alone.
                "tags": tuple(sorted(subjects)) if len(subjects) <= MAX_TAGS else (),
                "at": started,
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
