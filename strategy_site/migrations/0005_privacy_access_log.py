from django.db import migrations

# The privacy page's sentence on the server's access log, before and after the log
# left out query strings and link tokens and shortened addresses (strategy_site/access_log.py).
BEFORE = "Zugriffsdaten (Zeitpunkt, aufgerufene Adresse, IP-Adresse)"
AFTER = (
    "Zugriffsdaten (Zeitpunkt, aufgerufene Seite ohne Suchbegriffe und ohne die Schlüssel aus "
    "E-Mail-Links,\ngekürzte IP-Adresse)"
)


def describe_the_shorter_log(apps, schema_editor):
    """Only the one sentence is replaced, wherever an editor left it as it was."""
    FlatPage = apps.get_model("flatpages", "FlatPage")
    for page in FlatPage.objects.filter(url="/datenschutz/", content__contains=BEFORE):
        page.content = page.content.replace(BEFORE, AFTER)
        page.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [("strategy_site", "0004_search_index"), ("flatpages", "0001_initial")]

    operations = [migrations.RunPython(describe_the_shorter_log, migrations.RunPython.noop)]
