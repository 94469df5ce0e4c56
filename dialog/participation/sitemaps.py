from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from dialog.participation.models import Event, EventSeries, Phase, Theme


class DialogIndexSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["dialog:phases", "dialog:events"]

    def location(self, item):
        return reverse(item)


class PhaseSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Phase.objects.order_by("starts_at")

    def lastmod(self, phase):
        return phase.updated_at


class ThemeSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Theme.objects.order_by("position", "title")


class EventSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Event.objects.order_by("starts_at")

    def lastmod(self, event):
        return event.updated_at


class EventSeriesSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return EventSeries.objects.order_by("slug")


SITEMAPS = {
    "dialog": DialogIndexSitemap,
    "dialog-phases": PhaseSitemap,
    "dialog-themes": ThemeSitemap,
    "dialog-events": EventSitemap,
    "dialog-series": EventSeriesSitemap,
}
