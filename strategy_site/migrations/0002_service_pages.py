from django.conf import settings
from django.db import migrations


def create_service_pages(apps, schema_editor):
    """Create the service pages that do not exist yet; never overwrite edits."""
    from strategy_site.service_pages import PAGES

    Site = apps.get_model("sites", "Site")
    FlatPage = apps.get_model("flatpages", "FlatPage")
    site, _ = Site.objects.get_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": "digitalstrategie.nrw", "name": "Digitalstrategie.NRW"},
    )
    for url, (title, content) in PAGES.items():
        page, created = FlatPage.objects.get_or_create(
            url=url, defaults={"title": title, "content": content.strip()}
        )
        if created:
            page.sites.add(site)


class Migration(migrations.Migration):
    dependencies = [
        ("strategy_site", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
        ("flatpages", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_service_pages, migrations.RunPython.noop)]
