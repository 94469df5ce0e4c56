"""/sitemap.xml: every section registers its sitemap here."""

from django.contrib.flatpages.sitemaps import FlatPageSitemap
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from blog.sitemaps import PostSitemap
from dialog.participation.sitemaps import SITEMAPS as DIALOG_SITEMAPS
from goals.sitemaps import GoalSitemap, StrategyVersionSitemap


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
        ]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "static": StaticViewSitemap,
    "pages": FlatPageSitemap,
    "versions": StrategyVersionSitemap,
    "goals": GoalSitemap,
    "blog": PostSitemap,
    **DIALOG_SITEMAPS,
}
