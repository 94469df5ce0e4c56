"""Demo loader for the service pages: restores any that were deleted."""

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site

from strategy_site.service_pages import PAGES


def load(report) -> None:
    site = Site.objects.get(pk=settings.SITE_ID)
    for url, (title, content) in PAGES.items():
        page, created = FlatPage.objects.get_or_create(
            url=url, defaults={"title": title, "content": content.strip()}
        )
        if created:
            page.sites.add(site)
        report.record(f"Seite {url}", created)
