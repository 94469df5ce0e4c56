"""/umsetzung/: totals as SVG charts with tables, overdue goals, the filterable list."""

import re

import pytest

from goals.models import Goal, StrategyVersion
from goals.status import Status

from .conftest import d, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def goals(version, old_version, make_field, make_goal, today):
    """Five goals of the current version in two fields, one of the old version."""
    verwaltung = make_field(version, "1", "Digitale Verwaltung", "verwaltung", 1)
    netz = make_field(version, "2", "Gigabit und Mobilfunk", "netz", 2)
    made = {
        "buergeramt": make_goal(
            verwaltung,
            1,
            "Digitales Bürgeramt",
            "kurzfristig",
            d("2022-12-31"),
            [(d("2022-01-05"), "in-umsetzung"), (d("2023-02-01"), "verzoegert")],
        ),
        "gewerbeamt": make_goal(
            verwaltung,
            2,
            "Digitales Gewerbeamt",
            "kurzfristig",
            d("2022-12-31"),
            [(d("2022-11-30"), "umgesetzt")],
        ),
        "register": make_goal(
            verwaltung,
            3,
            "Once-Only-Register",
            "mittelfristig",
            d("2026-12-31"),
            [(d("2023-01-01"), "im-zeitplan")],
        ),
        "5g": make_goal(
            netz,
            4,
            "5G flächendeckend",
            "mittelfristig",
            d("2024-06-15"),
            [(d("2023-01-01"), "verzoegert")],
        ),
        "wlan": make_goal(
            netz,
            5,
            "WLAN in Innenstädten",
            "kurzfristig",
            d("2022-12-31"),
            [(d("2022-06-01"), "entfallen")],
        ),
    }
    make_goal(
        make_field(old_version, "5.3", "Schnelles Internet", "netz"),
        1,
        "Funklöcher schließen",
        "kurzfristig",
        d("2021-12-31"),
        [(d("2020-01-01"), "verzoegert")],
    )
    return made


def listed_goals(response):
    """Titles in the filterable list at the end of the page."""
    html = response.content.decode()
    section = html[html.index('id="alle-ziele"') :]
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>', section)


def test_totals_charts_and_tables(client, goals):
    response = client.get("/umsetzung/")
    html = response.content.decode()
    text = text_of(response)
    assert "5 Ziele 1 umgesetzt 1 überfällig" in text
    # The status chart is an image whose name carries the numbers.
    assert (
        '<title id="diagramm-stand-titel">Ziele nach Stand. geplant: 0, in Umsetzung: 0, '
        "im Zeitplan: 1, verzögert: 2, umgesetzt: 1, entfallen: 1</title>" in html
    )
    assert '<svg class="chart" id="diagramm-felder"' in html
    assert '<svg class="chart" id="diagramm-horizont"' in html
    # The same numbers as tables: per status, per field and per horizon.
    assert "Digitalstrategie.NRW 2.0 0 0 1 2 1 1 1 5" in text
    assert "1 Digitale Verwaltung 0 0 1 1 1 0 1 3" in text
    assert "2 Gigabit und Mobilfunk 0 0 0 1 0 1 0 2" in text
    assert "Kurzfristig 0 0 0 1 1 1 1 3" in text
    assert "Mittelfristig 0 0 1 1 0 0 0 2" in text


def test_overdue_goals_are_listed_and_nothing_else(client, goals):
    html = client.get("/umsetzung/").content.decode()
    section = html[html.index('id="ueberfaellig"') : html.index('id="alle-ziele"')]
    assert re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', section) == [
        "Digitales Bürgeramt"
    ]
    # 5G's target is today: not yet overdue.
    assert "5G flächendeckend" not in section


def test_without_filter_every_goal_of_the_current_version_is_listed(client, goals):
    response = client.get("/umsetzung/")
    assert listed_goals(response) == [
        "Digitales Bürgeramt",
        "Digitales Gewerbeamt",
        "Once-Only-Register",
        "5G flächendeckend",
        "WLAN in Innenstädten",
    ]
    assert "5 von 5 Zielen." in text_of(response)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            {"feld": "verwaltung"},
            ["Digitales Bürgeramt", "Digitales Gewerbeamt", "Once-Only-Register"],
        ),
        ({"status": "verzoegert"}, ["Digitales Bürgeramt", "5G flächendeckend"]),
        ({"status": "verzoegert", "horizont": "kurzfristig"}, ["Digitales Bürgeramt"]),
        ({"feld": "netz", "status": "verzoegert"}, ["5G flächendeckend"]),
        ({"ueberfaellig": "1"}, ["Digitales Bürgeramt"]),
        ({"feld": "netz", "ueberfaellig": "1"}, []),
        (
            {"horizont": "mittelfristig", "status": "im-zeitplan", "feld": "verwaltung"},
            ["Once-Only-Register"],
        ),
    ],
)
def test_filters_combine(client, goals, query, expected):
    response = client.get("/umsetzung/", query)
    assert listed_goals(response) == expected
    text = text_of(response)
    assert f"{len(expected)} von 5 Zielen passen zum Filter." in text
    if not expected:
        assert "Kein Ziel passt zu diesem Filter." in text


def test_filter_form_keeps_the_chosen_values(client, goals):
    html = client.get(
        "/umsetzung/", {"feld": "netz", "status": "verzoegert", "ueberfaellig": "1"}
    ).content.decode()
    assert '<option value="netz" selected>' in html
    assert '<option value="verzoegert" selected>' in html
    assert 'name="ueberfaellig" value="1" checked' in html
    assert '<a href="/umsetzung/feed/?feld=netz">Gigabit und Mobilfunk</a>' in html


@pytest.mark.parametrize(
    ("query", "notice", "expected"),
    [
        (
            {"feld": "gibt-es-nicht"},
            "Den Wert „gibt-es-nicht“ für „Handlungsfeld“ kennen wir nicht; dieser Filter wurde ignoriert.",
            5,
        ),
        (
            {"status": "fertig", "feld": "netz"},
            "Den Wert „fertig“ für „Stand“ kennen wir nicht; dieser Filter wurde ignoriert.",
            2,
        ),
        (
            {"horizont": "<script>"},
            "Den Wert „&lt;script&gt;“ für „Zeithorizont“ kennen wir nicht",
            5,
        ),
        (
            {"ueberfaellig": "vielleicht"},
            "Den Wert „vielleicht“ für „nur überfällige“ kennen wir nicht",
            5,
        ),
        (
            {"fassung": "1999"},
            "Die Fassung „1999“ kennen wir nicht; gezeigt wird die aktuelle Fassung.",
            5,
        ),
        ({"feld": "x" * 500}, "Den Wert „" + "x" * 40 + "…“ für „Handlungsfeld“", 5),
    ],
)
def test_unknown_filter_values_are_ignored_with_a_notice(client, goals, query, notice, expected):
    response = client.get("/umsetzung/", query)
    assert response.status_code == 200
    html = response.content.decode()
    assert notice in html
    assert "<script>" not in html.split("<main", 1)[1]
    assert len(listed_goals(response)) == expected


def test_a_field_of_another_version_is_unknown_here(client, goals):
    # "netz" exists in both versions; the 2019 list shows only its own goal.
    response = client.get("/umsetzung/", {"fassung": "2019", "feld": "netz"})
    assert listed_goals(response) == ["Funklöcher schließen"]


def test_version_switch_shows_an_older_version(client, goals):
    response = client.get("/umsetzung/", {"fassung": "2019"})
    html = response.content.decode()
    assert '<a href="?fassung=2019" aria-current="page">Digitalstrategie.NRW 2019</a>' in html
    assert (
        "Wie weit ist die Landesregierung mit dem einen Ziel der Digitalstrategie.NRW 2019?" in html
    )
    assert listed_goals(response) == ["Funklöcher schließen"]


def test_a_version_without_goals_is_named_not_called_unknown(client, goals):
    StrategyVersion.objects.create(title="Metastudie 2018", slug="metastudie-2018", year=2018)
    response = client.get("/umsetzung/", {"fassung": "metastudie-2018"})
    text = text_of(response)
    assert (
        "Die Fassung „Metastudie 2018“ enthält keine eigenen Ziele; gezeigt wird die aktuelle Fassung."
        in text
    )
    assert "kennen wir nicht" not in text
    assert len(listed_goals(response)) == 5  # the current version's goals


def test_demo_dashboard_counts_match_the_goals(client, demo):
    goals = list(Goal.objects.with_overdue().filter(version__slug="2-0"))
    done = sum(g.current_status == Status.UMGESETZT for g in goals)
    overdue = sum(g.is_overdue for g in goals)
    text = text_of(client.get("/umsetzung/"))
    assert f"78 Ziele {done} umgesetzt {overdue} überfällig" in text
    assert done and overdue


@pytest.mark.parametrize("count", [10, 200])
def test_dashboard_queries_do_not_grow_with_goals(
    client, version, old_version, make_field, make_goal, django_assert_num_queries, count, today
):
    fields = [make_field(version, str(n), f"Feld {n}", position=n) for n in range(1, 6)]
    statuses = list(Status)
    for number in range(1, count + 1):
        make_goal(
            fields[number % 5],
            number,
            horizon=["kurzfristig", "mittelfristig", "langfristig"][number % 3],
            target=d("2023-12-31"),
            reports=[(d("2022-01-01"), "geplant"), (d("2023-01-01"), statuses[number % 6])],
        )
    # Versions, fields, goals with status (filtered and paged in Python), other sources'
    # assessments.
    with django_assert_num_queries(4):
        response = client.get("/umsetzung/", {"status": "verzoegert", "ueberfaellig": "1"})
    assert len(listed_goals(response)) == len([n for n in range(1, count + 1) if n % 6 == 3])


def test_long_lists_are_paged_and_the_overdue_list_is_cut_with_a_link(
    client, version, make_field, make_goal, today
):
    field = make_field(version, "1", "Feld", "feld")
    for number in range(1, 121):
        make_goal(field, number, target=d("2023-12-31") if number <= 30 else None)
    first = client.get("/umsetzung/")
    text = text_of(first)
    assert "120 von 120 Zielen; gezeigt werden 1 bis 50." in text
    assert "Seite 1 von 3" in text
    html = first.content.decode()
    assert '<a href="?seite=2#alle-ziele" rel="next">Weitere Ziele</a>' in html
    # The 30 overdue goals: the first 20 here, a link to all of them.
    assert "Bei diesen 30 Zielen ist der Zieltermin verstrichen" in text
    assert "Die ersten 20 stehen hier; alle 30 überfälligen Ziele zeigen." in text
    overdue = html[html.index('id="ueberfaellig"') : html.index('id="alle-ziele"')]
    assert overdue.count('<th scope="row"><a href="/strategie/') == 20
    # The last page; the filter stays in the links.
    last = client.get("/umsetzung/", {"seite": "3"})
    assert "gezeigt werden 101 bis 120" in text_of(last)
    assert len(listed_goals(last)) == 20
    filtered = client.get("/umsetzung/", {"ueberfaellig": "1", "seite": "1"})
    assert "30 von 120 Zielen passen zum Filter" in text_of(filtered)
    assert "Weitere Ziele" not in text_of(filtered)
    # A page number beyond the end shows the last page, a word the first.
    assert "gezeigt werden 101 bis 120" in text_of(client.get("/umsetzung/", {"seite": "99"}))
    assert "gezeigt werden 1 bis 50" in text_of(client.get("/umsetzung/", {"seite": "x"}))
