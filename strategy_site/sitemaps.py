"""/sitemap.xml: an index of one sitemap per section (/sitemap-<section>.xml).

Every public page is in one of them; sections whose pages know when they
changed give a lastmod, which the index repeats for the section.
"""

from django.contrib.flatpages.sitemaps import FlatPageSitemap
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from blog.sitemaps import CategorySitemap, PostSitemap
from dialog.participation.sitemaps import SITEMAPS as DIALOG_SITEMAPS
from downloads.sitemaps import DocumentSitemap
from goals.sitemaps import GoalSitemap, StrategyVersionSitemap, TextSitemap


class StaticViewSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "home",
            "goals:versions",
            "goals:dashboard",
            "goals:data",
            "blog:list",
            "downloads:list",
            "newsletter:list",
        ]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "static": StaticViewSitemap,
    "pages": FlatPageSitemap,
    "versions": StrategyVersionSitemap,
    "goals": GoalSitemap,
    "text": TextSitemap,
    "blog": PostSitemap,
    "blog-categories": CategorySitemap,
    "downloads": DocumentSitemap,
    **DIALOG_SITEMAPS,
}
