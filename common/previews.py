"""Look before publishing: the admin's "Vorschau" button shows a page as it will appear
once saved, and saves nothing.

The form is validated and saved as by "Sichern", inside the transaction Django's admin
opens for every change form; the object's public page is rendered by its own view from
that state, and the transaction is then rolled back: the page shows exactly what saving
would show (a chapter's re-split paragraphs included), and afterwards nothing is stored,
logged, indexed or mailed (work deferred to the commit is dropped with it).

No visitor and no cache sees a preview: it is the answer to a staff member's POST to an
admin address (the page cache keeps GET answers for cookieless readers only), marked
"private, no-store" and "noindex".
"""

import copy

from django.db import transaction
from django.http import QueryDict
from django.urls import resolve
from django.utils.cache import add_never_cache_headers

BUTTON = "_vorschau"


class PreviewAdmin:
    """Mix into a ModelAdmin whose objects have a public page (get_absolute_url).
    Its change form shows the button through admin/<app>/<model>/submit_line.html."""

    def response_add(self, request, obj, post_url_continue=None):
        if BUTTON in request.POST:
            return self.preview(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if BUTTON in request.POST:
            return self.preview(request, obj)
        return super().response_change(request, obj)

    def preview(self, request, obj):
        url = obj.get_absolute_url()
        match = resolve(url)
        page_request = copy.copy(request)
        page_request.method = "GET"
        page_request.POST = QueryDict()
        page_request.GET = QueryDict()
        page_request.path = page_request.path_info = url
        # The site's layout shows a notice above the page (templates/base.html).
        page_request.is_preview = True
        response = match.func(page_request, *match.args, **match.kwargs)
        if hasattr(response, "render"):
            response.render()
        # Nothing of the save survives the page: the admin's own transaction is undone.
        transaction.set_rollback(True)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
