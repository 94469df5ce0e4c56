"""The privacy page says what mail alerts store and for how long (issue 13, item 4)."""

import importlib

import pytest
from django.apps import apps
from django.contrib.flatpages.models import FlatPage

from strategy_site.service_pages import ALERTS_SECTION, PAGES

pytestmark = pytest.mark.django_db

migration = importlib.import_module("strategy_site.migrations.0003_privacy_mail_alerts")


def test_privacy_page_explains_alerts(client):
    page = client.get("/datenschutz/").content.decode()
    assert "Benachrichtigungen per E-Mail" in page
    assert "nicht innerhalb von 7 Tagen, löschen" in page
    assert (
        "Wenn Sie sich abmelden (ein Klick in jeder E-Mail), löschen wir Ihre Adresse sofort."
        in page
    )


def test_migration_updates_an_unedited_page_only():
    page = FlatPage.objects.get(url="/datenschutz/")
    page.content = PAGES["/datenschutz/"][1].strip().replace(ALERTS_SECTION, "")
    page.save()
    migration.add_alerts_section(apps, None)
    page.refresh_from_db()
    assert "Benachrichtigungen per E-Mail" in page.content

    page.content = "<p>Von der Redaktion geändert.</p>"
    page.save()
    migration.add_alerts_section(apps, None)
    page.refresh_from_db()
    assert page.content == "<p>Von der Redaktion geändert.</p>"
