"""Two guards in front of every view: NUL bytes in the address, and a database that is gone.

Refuse a NUL byte in the address before any view sees it.

PostgreSQL cannot store or compare text with NUL (psycopg raises), so a
`%00` in a search or filter would be a 500 there and harmless on SQLite.
Form fields already refuse it (Django's ProhibitNullCharactersValidator);
the path and query string are checked here, once for every view.
"""

import logging
import time

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string

log = logging.getLogger(__name__)

# When the database last failed (monotonic seconds), so /healthz can answer at once.
last_database_failure = 0.0


class RejectNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(
                render_to_string(
                    "400.html", {"reason": "Die Adresse enthält ein ungültiges Zeichen."}, request
                )
            )
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """A database that is down or too slow gives a plain German 503, not a 500.

    The page needs nothing from the database (no context processors), and the
    failure time is kept so /healthz can report it without waiting again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        global last_database_failure
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        last_database_failure = time.monotonic()
        log.error("Database unavailable: %s", exception)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "60"
        return response
