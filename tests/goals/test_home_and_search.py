"""The home page teaser shows the current version's progress; the site search finds goals."""

import pytest

from .conftest import d, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def goals(version, old_version, make_field, make_goal, today):
    field = make_field(version, "3", "Digitale Verwaltung", "verwaltung")
    make_goal(
        field,
        1,
        "Digitales Bürgeramt",
        target=d("2022-12-31"),
        reports=[(d("2023-01-01"), "verzoegert")],
        description="<p>Anträge online stellen</p>",
    )
    make_goal(field, 2, "Digitales Gewerbeamt", reports=[(d("2022-11-01"), "umgesetzt")])
    make_goal(field, 3, "Once-Only-Register", reports=[(d("2022-11-01"), "in-umsetzung")])
    make_goal(field, 4, "Open-Data-Portal")
    make_goal(
        make_field(old_version, "5.1"),
        1,
        "Verwaltung digital (alt)",
        reports=[(d("2020-01-01"), "umgesetzt")],
    )


def test_home_teaser_shows_the_current_versions_progress(
    client, goals, django_assert_max_num_queries
):
    response = client.get("/")
    text = text_of(response)
    assert (
        "Stand der Umsetzung: Digitalstrategie.NRW 2.0 4 Ziele 1 umgesetzt 2 in Arbeit 1 überfällig"
        in text
    )
    assert (
        '<a href="/umsetzung/">Alle Ziele und ihren Stand ansehen</a>' in response.content.decode()
    )


def test_home_without_goals_shows_no_teaser(client, db):
    assert "umsetzung-teaser" not in client.get("/").content.decode()


@pytest.mark.parametrize("count", [3, 60])
def test_home_teaser_queries_do_not_grow(
    client, version, make_field, make_goal, django_assert_num_queries, count
):
    field = make_field(version)
    for n in range(1, count + 1):
        make_goal(field, n, reports=[(d("2022-01-01"), "geplant")])
    # Goals teaser 2, blog teaser 1, downloads teaser 1, dialog teaser 3
    # (tests/dialog/test_home_teaser.py).
    with django_assert_num_queries(7):
        client.get("/")


def test_search_finds_goals_by_title_and_description_with_version_and_status(client, goals):
    response = client.get("/suche/", {"q": "Bürgeramt"})
    html = response.content.decode()
    assert "1 Treffer für „Bürgeramt“" in html
    assert '<a href="/strategie/2-0/ziele/1/">Ziel 1: Digitales <mark>Bürgeramt</mark></a>' in html
    assert "Ziel · Digitalstrategie.NRW 2.0 · Stand: verzögert" in text_of(response)
    # A word of the description finds it too, marked in the excerpt.
    html = client.get("/suche/", {"q": "online stellen"}).content.decode()
    assert "Ziel 1: Digitales Bürgeramt" in html
    assert "Anträge <mark>online</mark> <mark>stellen</mark>" in html


def test_search_lists_current_version_first(client, goals):
    text = text_of(client.get("/suche/", {"q": "digital"}))
    # Both are title hits: the current version's goal comes first.
    current = text.index("Ziel 1: Digitales Bürgeramt")
    older = text.index("Verwaltung digital (alt)")
    assert current < older
    assert "Digitalstrategie.NRW 2019 (frühere Fassung)" in text
