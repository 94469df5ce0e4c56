"""How long a browser or proxy may keep each response, and compression for the ones that
travel uncompressed (issue 30, item 6).

- Public pages, feeds, calendar files, sitemaps and open data: "public, max-age=0,
  must-revalidate" — kept, but asked again each time; the ETag (ConditionalGetMiddleware)
  turns an unchanged answer into a bodyless 304.
- Anything for a signed-in person, anything that sets a cookie, the admin: "private,
  no-store". Views that decided for themselves (never_cache on pages under a mailed link's
  token) keep their header.
- gzip for clients that accept it, except on private answers: an admin page or one under a
  token carries a secret (CSRF token, link token) beside text an attacker may choose, the
  case BREACH attacks; public pages carry neither. Static files are WhiteNoise's, sent
  before this middleware runs, and kept pages come compressed from the page cache.
"""

from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control

from .page_cache import accepts_gzip

PUBLIC = "public, max-age=0, must-revalidate"
PRIVATE = "private, no-store"


def _private(request, response) -> bool:
    return (
        request.path.startswith("/admin/")
        or bool(response.cookies)
        or getattr(getattr(request, "user", None), "is_authenticated", False)
    )


class CacheControlMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response  # the view decided (never_cache, a download's own rule)
        if _private(request, response):
            patch_cache_control(response, private=True, no_store=True)
        else:
            response["Cache-Control"] = PUBLIC
        return response


class PublicGZipMiddleware(GZipMiddleware):
    """Django's gzip (with its BREACH padding), for public answers only, and only where
    Accept-Encoding allows it the way the page cache reads it ("gzip;q=0" means no)."""

    def process_response(self, request, response):
        cache_control = response.get("Cache-Control", "")
        if (
            "private" in cache_control
            or "no-store" in cache_control
            or _private(request, response)
            or not accepts_gzip(request)
        ):
            return response
        return super().process_response(request, response)
