"""The main navigation marks the section of the page (aria-current), from the
resolved URL name, and links through {% url %}."""

import re

import pytest
from django.urls import resolve

from goals.models import FieldOfAction, Goal, StrategyVersion
from goals.status import Horizon
from strategy_site.navigation import section_of

pytestmark = pytest.mark.django_db

NAV = re.compile(r'<nav class="main-nav".*?</nav>', re.S)
CURRENT = re.compile(r'<a href="([^"]+)" aria-current="page">([^<]+)</a>')


def current_items(html):
    return CURRENT.findall(NAV.search(html).group(0))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/strategie/", [("/strategie/", "Strategie")]),
        ("/umsetzung/", [("/umsetzung/", "Umsetzung")]),
        ("/dialog/", [("/dialog/", "Dialog")]),
        # Events belong to the dialog section although their path does not start with /dialog/.
        ("/veranstaltungen/", [("/dialog/", "Dialog")]),
        ("/blog/", [("/blog/", "Blog")]),
        ("/downloads/", [("/downloads/", "Downloads")]),
        # Outside the sections nothing is marked.
        ("/impressum/", []),
        ("/suche/?q=Schule", []),
        ("/daten/", []),
    ],
)
def test_the_section_of_the_page_is_marked_current(client, url, expected):
    # The dashboard needs a strategy version with a goal.
    version = StrategyVersion.objects.create(
        title="Digitalstrategie.NRW 2.0", slug="2-0", year=2021, is_current=True
    )
    field = FieldOfAction.objects.create(version=version, number="1", title="Verwaltung", slug="v")
    Goal.objects.create(field=field, number=1, title="Ziel", horizon=Horizon.KURZFRISTIG)
    response = client.get(url)
    assert response.status_code == 200
    assert current_items(response.content.decode()) == expected


def test_home_marks_the_site_name_and_no_section(client):
    html = client.get("/").content.decode()
    assert current_items(html) == []
    assert re.search(r'class="site-name" href="/" aria-current="page"', html)


def test_missing_page_marks_nothing(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert current_items(response.content.decode()) == []


@pytest.mark.parametrize(
    ("path", "section"),
    [
        ("/strategie/2-0/", "strategie"),
        ("/strategie/2-0/ziele/7/", "strategie"),
        ("/dialog/phasen/erste-phase/", "dialog"),
        ("/veranstaltungen/konferenz/", "dialog"),
        ("/blog/ein-beitrag/", "blog"),
        ("/blog/kategorie/schule/", "blog"),
        ("/umsetzung/feed/", None),
    ],
)
def test_detail_pages_belong_to_their_section_by_url_name(path, section):
    assert section_of(resolve(path)) == section
