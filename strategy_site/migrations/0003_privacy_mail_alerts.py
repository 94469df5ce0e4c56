from django.db import migrations


def add_alerts_section(apps, schema_editor):
    """Add the mail alerts section to the privacy page, but only if no editor has changed it.

    An edited page is left alone: the editors add the section themselves (the
    text is ALERTS_SECTION in strategy_site/service_pages.py).
    """
    from strategy_site.service_pages import ALERTS_SECTION, PAGES

    FlatPage = apps.get_model("flatpages", "FlatPage")
    title, content = PAGES["/datenschutz/"]
    new = content.strip()
    before = new.replace(ALERTS_SECTION, "")
    FlatPage.objects.filter(url="/datenschutz/", content=before).update(content=new)


class Migration(migrations.Migration):
    dependencies = [("strategy_site", "0002_service_pages")]

    operations = [migrations.RunPython(add_alerts_section, migrations.RunPython.noop)]
