"""Refuse a NUL byte in the address before any view sees it.

PostgreSQL cannot store or compare text with NUL (psycopg raises), so a
`%00` in a search or filter would be a 500 there and harmless on SQLite.
Form fields already refuse it (Django's ProhibitNullCharactersValidator);
the path and query string are checked here, once for every view.
"""

from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string


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
