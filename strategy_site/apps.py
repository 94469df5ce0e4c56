from django.apps import AppConfig
from django.db.models.signals import post_migrate


class StrategySiteConfig(AppConfig):
    name = "strategy_site"
    verbose_name = "Website"

    def ready(self):
        from common import page_shows

        from . import own_data, page_cache
        from .groups import create_staff_groups
        from .search import index

        # A change to what pages show renews the kept pages showing it (on every app server).
        page_cache.connect()
        # Service pages, the site's name and the search results.
        page_shows.shows("flatpages.flatpage", "sites.site", "strategy_site.searchentry")
        page_shows.in_lists_only("strategy_site.searchentry")
        # Every public object's search entry follows its saves and deletes.
        index.connect()
        # "Meine Beiträge": messages of the accessibility feedback form.
        own_data.register()

        # Runs after every app's migrations; creates only missing groups, so
        # rights an administrator changed stay (reset: manage.py sync_staff_groups).
        post_migrate.connect(create_staff_groups, dispatch_uid="create_staff_groups")
        post_migrate.connect(sync_site_domain, sender=self, dispatch_uid="sync_site_domain")


def sync_site_domain(using="default", **kwargs):
    """Keep the Site row (used for links in mails and sitemaps) equal to SITE_URL.

    SITE_URL is the one place the public address is configured; a demo on
    127.0.0.1:8000 then mails links that work, production mails its domain.
    """
    from urllib.parse import urlparse

    from django.conf import settings
    from django.contrib.sites.models import Site

    domain = urlparse(settings.SITE_URL).netloc
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": "Digitalstrategie.NRW"}
    )
    Site.objects.clear_cache()
