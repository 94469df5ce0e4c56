from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Chapter, Goal, Paragraph, StrategyVersion


class StrategyVersionSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return StrategyVersion.objects.current_first().annotate(
            last_report=Max("goals__reports__date")
        )

    def lastmod(self, version):
        return version.last_report


class GoalSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        # get_absolute_url needs the version slug: one query, not one per goal.
        return (
            Goal.objects.select_related("version")
            .annotate(last_report=Max("reports__date"))
            .in_order()
        )

    def lastmod(self, goal):
        # A goal page changes when a report is added.
        return goal.last_report


class TextSitemap(Sitemap):
    """The strategy text: each version's contents, chapters and paragraph pages."""

    changefreq = "monthly"

    def items(self):
        versions = StrategyVersion.objects.filter(chapters__isnull=False).distinct()
        chapters = Chapter.objects.select_related("version").order_by("version__year", "order")
        paragraphs = (
            Paragraph.objects.current()
            .select_related("chapter__version")
            .order_by("chapter__version__year", "chapter__order", "order")
        )
        return [
            *(reverse("goals:text", args=[v.slug]) for v in versions),
            *(c.get_absolute_url() for c in chapters),
            *(p.get_absolute_url() for p in paragraphs),
        ]

    def location(self, url):
        return url
