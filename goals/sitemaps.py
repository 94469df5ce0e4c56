from django.contrib.sitemaps import Sitemap

from .models import Goal, StrategyVersion


class StrategyVersionSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return StrategyVersion.objects.current_first()


class GoalSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        # get_absolute_url needs the version slug: one query, not one per goal.
        return Goal.objects.select_related("version").in_order()
