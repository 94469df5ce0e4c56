"""/umsetzung/feed/: status reports as Atom, newest first, optionally for one field."""

import feedparser
import pytest
from django.contrib.sites.models import Site

from goals.models import Goal, StatusReport

from .conftest import d

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(version, old_version, make_field, make_goal):
    verwaltung = make_field(version, "1", "Digitale Verwaltung", "digitale-verwaltung")
    netz = make_field(version, "2", "Gigabit und Mobilfunk", "netz")
    alt = make_field(old_version, "5.1", "Digitale Verwaltung", "digitale-verwaltung")
    make_goal(
        verwaltung,
        1,
        "Digitales Bürgeramt",
        reports=[(d("2022-01-05"), "in-umsetzung"), (d("2023-02-01"), "verzoegert")],
    )
    make_goal(netz, 2, "5G flächendeckend", reports=[(d("2023-06-01"), "umgesetzt")])
    make_goal(alt, 7, "Verwaltung digital", reports=[(d("2020-07-17"), "im-zeitplan")])


def test_feed_lists_reports_newest_first(client, reports):
    response = client.get("/umsetzung/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.feed.title == "Digitalstrategie.NRW – Stand der Umsetzung"
    assert [e.title for e in feed.entries] == [
        "Digitalstrategie.NRW 2.0, Ziel 2: umgesetzt – 5G flächendeckend",
        "Digitalstrategie.NRW 2.0, Ziel 1: verzögert – Digitales Bürgeramt",
        "Digitalstrategie.NRW 2.0, Ziel 1: in Umsetzung – Digitales Bürgeramt",
        "Digitalstrategie.NRW 2019, Ziel 7: im Zeitplan – Verwaltung digital",
    ]
    first = feed.entries[0]
    report = StatusReport.objects.get(date=d("2023-06-01"))
    domain = Site.objects.get_current().domain
    assert first.link == f"http://{domain}/strategie/2-0/ziele/2/#bericht-{report.pk}"
    assert first.summary == "Bericht 2023-06-01"
    assert first.published.startswith("2023-06-01")


def test_feed_for_one_field_follows_the_topic_across_versions(client, reports):
    feed = feedparser.parse(client.get("/umsetzung/feed/", {"feld": "digitale-verwaltung"}).content)
    assert feed.feed.title == "Digitalstrategie.NRW – Stand der Umsetzung: Digitale Verwaltung"
    assert [e.title.split(" – ")[1] for e in feed.entries] == [
        "Digitales Bürgeramt",
        "Digitales Bürgeramt",
        "Verwaltung digital",
    ]


def test_feed_for_an_unknown_field_is_not_found(client, reports):
    response = client.get("/umsetzung/feed/", {"feld": "gibt-es-nicht"})
    assert response.status_code == 404
    assert "<h1>Seite nicht gefunden</h1>" in response.content.decode()


def test_dashboard_links_the_feed_for_readers_and_feed_readers(client, reports):
    html = client.get("/umsetzung/").content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Neue Statusberichte (Atom)" href="/umsetzung/feed/">'
        in html
    )
    assert '<a href="/umsetzung/feed/">Atom-Feed</a>' in html


@pytest.mark.parametrize("count", [5, 60])
@pytest.mark.parametrize(("query", "queries"), [({}, 2), ({"feld": "netz"}, 3)])
def test_feed_queries_do_not_grow_with_reports(
    client, version, make_field, make_goal, django_assert_num_queries, count, query, queries
):
    netz = make_field(version, "2", "Gigabit und Mobilfunk", "netz")
    for number in range(1, count + 1):
        make_goal(netz, number, reports=[(d("2023-01-01"), "verzoegert")])
    # The site, the reports with goal, version and field in one query, and the asked field.
    with django_assert_num_queries(queries):
        response = client.get("/umsetzung/feed/", query)
    assert len(feedparser.parse(response.content).entries) == min(count, 50)


def test_feed_entries_built_on_example_or_assumed_content_say_so(client, reports):
    StatusReport.objects.filter(date=d("2023-06-01")).update(provenance="beispiel")
    StatusReport.objects.filter(date=d("2022-01-05")).update(provenance="annahme")
    entries = {e.title: e for e in feedparser.parse(client.get("/umsetzung/feed/").content).entries}
    example = entries[
        "Digitalstrategie.NRW 2.0, Ziel 2: umgesetzt – 5G flächendeckend (Beispielinhalt)"
    ]
    assert example.summary.startswith(
        "Beispielinhalt: Dieser Stand ist für die Vorführung der Website ausgedacht."
    )
    assumed = entries[
        "Digitalstrategie.NRW 2.0, Ziel 1: in Umsetzung – Digitales Bürgeramt "
        "(Annahme der Redaktion)"
    ]
    assert assumed.summary.startswith("Annahme der Redaktion: Dieser Stand ist nicht amtlich")
    # Official reports carry no notice.
    official = entries["Digitalstrategie.NRW 2.0, Ziel 1: verzögert – Digitales Bürgeramt"]
    assert official.summary == "Bericht 2023-02-01"
    # An example goal is marked whatever its report says.
    Goal.objects.filter(number=1, version__slug="2-0").update(provenance="beispiel")
    titles = [e.title for e in feedparser.parse(client.get("/umsetzung/feed/").content).entries]
    assert (
        "Digitalstrategie.NRW 2.0, Ziel 1: verzögert – Digitales Bürgeramt (Beispielinhalt)"
        in titles
    )
