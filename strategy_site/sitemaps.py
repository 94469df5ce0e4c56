"""/sitemap.xml: an index of five sitemaps (/sitemap-<section>.xml) covering every public page.

Each section is a list of (path, last change) built in a query or two per kind
of page and kept for the request, so the index (which asks every section for its
newest change) and a section page take a fixed number of queries however many
pages there are. The index repeats each section's newest change as lastmod.
"""

import datetime
from functools import cached_property

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from blog import sitemaps as blog
from dialog.participation import sitemaps as dialog
from downloads import sitemaps as downloads
from goals import sitemaps as goals

STATIC_VIEWS = [
    "home",
    "goals:versions",
    "goals:dashboard",
    "goals:data",
    "blog:list",
    "downloads:list",
    "newsletter:list",
]


class ListSitemap(Sitemap):
    """A section from a function returning [(path, lastmod or None)]."""

    entries = staticmethod(list)

    @cached_property
    def _entries(self):
        return [(path, _as_date(when)) for path, when in self.entries()]

    def items(self):
        return self._entries

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        return max((when for _, when in self._entries if when), default=None)


def _as_date(when):
    if isinstance(when, datetime.datetime):
        return when.date()
    return when


def _pages():
    flatpages = FlatPage.objects.filter(sites=settings.SITE_ID, registration_required=False)
    return [
        *((reverse(name), None) for name in STATIC_VIEWS),
        *((page.url, None) for page in flatpages.order_by("url")),
        *downloads.entries(),
        *blog.category_entries(),
    ]


def section(function):
    return type(f"{function.__name__}Sitemap", (ListSitemap,), {"entries": staticmethod(function)})


SITEMAPS = {
    "seiten": section(_pages),
    "strategie": section(goals.strategy_entries),
    "text": section(goals.text_entries),
    "blog": section(blog.post_entries),
    "dialog": section(dialog.entries),
}
