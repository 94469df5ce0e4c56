"""/sitemap.xml: an index of six sitemaps (/sitemap-<section>.xml) covering every public page.

A section page is a list of (path, last change) built in a query or two per kind
of page. The index needs only each section's size and newest change: a summary
function answers both by aggregates, without building the lists (at 2,000
pages that was most of the index's time). The index repeats each section's
newest change as lastmod.
"""

import datetime
from functools import cached_property

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
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
    """A section from `entries()` -> [(path, lastmod or None)] and `summary()` ->
    (number of entries, newest lastmod or None)."""

    entries = staticmethod(list)
    summary = staticmethod(lambda: (0, None))

    @cached_property
    def _entries(self):
        return [(path, _as_date(when)) for path, when in self.entries()]

    @cached_property
    def _summary(self):
        count, latest = self.summary()
        return count, _as_date(latest)

    def items(self):
        return _Entries(self)

    @property
    def paginator(self):
        return Paginator(_Entries(self), self.limit)

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        return self._summary[1]


class _Entries:
    """The section's entries, counted by its summary and built only when a page of them
    is read."""

    def __init__(self, sitemap):
        self.sitemap = sitemap

    def count(self):
        return self.sitemap._summary[0]

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        return self.sitemap._entries[index]

    def __iter__(self):
        return iter(self.sitemap._entries)


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


def _pages_summary():
    flatpages = FlatPage.objects.filter(sites=settings.SITE_ID, registration_required=False)
    documents, latest = downloads.summary()
    count = len(STATIC_VIEWS) + flatpages.count() + documents + blog.category_count()
    return count, latest


def section(entries, summary):
    return type(
        f"{entries.__name__}Sitemap",
        (ListSitemap,),
        {"entries": staticmethod(entries), "summary": staticmethod(summary)},
    )


SITEMAPS = {
    "seiten": section(_pages, _pages_summary),
    "strategie": section(goals.strategy_entries, goals.strategy_summary),
    "text": section(goals.text_entries, goals.text_summary),
    "blog": section(blog.post_entries, blog.post_summary),
    "dialog": section(dialog.entries, dialog.summary),
    "ideen": section(goals.idea_entries, goals.idea_summary),
    "vorschlaege": section(goals.suggestion_entries, goals.suggestion_summary),
}
