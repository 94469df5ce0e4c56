"""Indicators with dated values, assessments from other sources, assumed horizons and
target dates, reasons on endings: on the goal page, the dashboard, in the admin import."""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from goals.models import Assessment, GoalVerdict, Indicator, Measurement

from .conftest import d, text_of
from .test_admin_import import confirm, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal(version, make_field, make_goal, today):
    return make_goal(
        make_field(version, "3", "Gigabit und Mobilfunk", "netz"),
        31,
        "5G flächendeckend",
        "mittelfristig",
        d("2024-12-31"),
        [(d("2023-01-10"), "in-umsetzung")],
        target_is_year=True,
    )


@pytest.fixture
def indicator(goal):
    indicator = Indicator.objects.create(
        goal=goal, name="5G-Ausbauten", unit="Ausbauten", target_value=10300,
        target_date=d("2024-12-31"),
    )  # fmt: skip
    for day, value in [("2022-06-30", 4200), ("2023-06-30", 7100), ("2024-06-30", 9400)]:
        indicator.values.create(
            date=d(day), value=value, source_title="Bundesnetzagentur", source_url="https://x.de/"
        )
    return indicator


def test_goal_page_shows_each_indicator_as_chart_table_and_latest_value(client, indicator):
    response = client.get("/strategie/2-0/ziele/31/")
    html, text = response.content.decode(), text_of(response)
    assert "Woran sich das Ziel messen lässt" in text
    assert "Ziel: 10.300 Ausbauten bis 31.12.2024." in text
    # The latest value against the target.
    assert (
        "Zuletzt gemessen: 9.400 Ausbauten am 30. Juni 2024 , das sind 91 % des Zielwerts." in text
    )
    # The chart's title states every number, for screen readers.
    title = re.search(r'<title id="indikator-\d+-grafik-titel">([^<]*)</title>', html).group(1)
    assert title == (
        "5G-Ausbauten, Ziel 10.300 Ausbauten bis 31.12.2024. Gemessen: 30.06.2022: 4.200 "
        "Ausbauten, 30.06.2023: 7.100 Ausbauten, 30.06.2024: 9.400 Ausbauten"
    )
    assert html.count('class="chart__bar chart__bar--neutral"') == 3
    # The same values as a table.
    rows = re.findall(r"<tr><th scope=\"row\"><time[^>]*>([^<]*)</time></th><td>([^<]*)", html)
    assert [(day, value.strip()) for day, value in rows] == [
        ("30. Juni 2022", "4.200 Ausbauten"),
        ("30. Juni 2023", "7.100 Ausbauten"),
        ("30. Juni 2024", "9.400 Ausbauten"),
    ]
    assert '<a href="https://x.de/">Bundesnetzagentur</a>' in html


def test_example_values_are_marked_and_an_indicator_without_values_says_so(client, goal, indicator):
    Measurement.objects.filter(date=d("2024-06-30")).update(provenance="beispiel")
    Indicator.objects.create(goal=goal, name="Masten", target_value=50, provenance="annahme")
    text = text_of(client.get("/strategie/2-0/ziele/31/"))
    assert "9.400 Ausbauten Beispielinhalt" in text
    assert "7.100 Ausbauten Bundesnetzagentur" in text  # official: no mark
    assert "Masten Annahme der Redaktion Ziel: 50." in text
    assert "Einen Messwert gibt es noch nicht." in text


def test_indicators_and_values_import_with_german_numbers(client, editor, goal):
    client.force_login(editor)
    indicators = (
        "fassung,ziel,indikator,einheit,ausgangswert,ausgangsdatum,zielwert,zieldatum,herkunft\n"
        '2-0,31,Haushalte mit 5G,%,"12,5",2020-12-31,90,31.12.2022,amtlich\n'
        "2-0,31,5G-Ausbauten,Ausbauten,,,10.300,2024-12-31,amtlich\n"
    )
    preview = upload(client, "/admin/goals/indicator/import/", "i.csv", indicators.encode())
    assert Indicator.objects.count() == 0
    confirm(client, "/admin/goals/indicator/import/", preview)
    assert {(i.name, i.baseline_value, i.target_value) for i in Indicator.objects.all()} == {
        ("Haushalte mit 5G", Decimal("12.5"), Decimal("90")),
        ("5G-Ausbauten", None, Decimal("10300")),
    }
    values = (
        "fassung,ziel,indikator,datum,wert,quelle,quelle_url,herkunft\n"
        '2-0,31,Haushalte mit 5G,2021-12-31,"78,4",Breitbandatlas,,amtlich\n'
        "2-0,31,5G-Ausbauten,30.06.2024,9.400,Bundesnetzagentur,,Beispielinhalt\n"
    )
    preview = upload(client, "/admin/goals/measurement/import/", "w.csv", values.encode())
    confirm(client, "/admin/goals/measurement/import/", preview)
    assert {(m.indicator.name, m.value, m.provenance) for m in Measurement.objects.all()} == {
        ("Haushalte mit 5G", Decimal("78.4"), "amtlich"),
        ("5G-Ausbauten", Decimal("9400"), "beispiel"),
    }


def test_bad_indicator_values_are_named_and_nothing_is_stored(client, editor, indicator):
    client.force_login(editor)
    before = Measurement.objects.count()
    values = (
        "fassung,ziel,indikator,datum,wert,quelle,quelle_url,herkunft\n"
        "2-0,31,5G-Ausbauten,2024-09-30,9.900,Bundesnetzagentur,,amtlich\n"  # good
        "2-0,31,5G-Ausbauten,2024-10-31,zehntausend,Bundesnetzagentur,,amtlich\n"
        "2-0,31,Glasfaser,2024-10-31,5,Amt,,amtlich\n"
        "2-0,31,5G-Ausbauten,,5,Amt,,amtlich\n"
    )
    html = upload(client, "/admin/goals/measurement/import/", "w.csv", values.encode())
    html = html.content.decode()
    assert "„zehntausend“ ist keine Zahl. Bitte schreiben Sie z. B. 10.300 oder 90,5." in html
    assert "Einen Indikator „Glasfaser“ gibt es bei Ziel 31 nicht." in html
    assert "Das Datum fehlt." in html
    assert Measurement.objects.count() == before  # not even the good row


def test_assessments_stand_beside_the_official_figures_never_in_them(client, goal, version):
    Assessment.objects.create(
        version=version, author="Opposition im Landtag", title="Eigene Zählung",
        date=d("2021-12-31"), date_is_year=True, goals_assessed=43, achieved=8, partly=20,
        missed=15,
    )  # fmt: skip
    later = Assessment.objects.create(
        version=version, author="Landesrechnungshof", title="Prüfbericht",
        date=d("2024-03-01"), source_url="https://lrh.example/bericht", goals_assessed=1,
        achieved=1, provenance="beispiel",
    )  # fmt: skip
    response = client.get("/umsetzung/")
    text = text_of(response)
    section = text[text.index("Bewertungen aus anderen Quellen") :]
    assert "Opposition im Landtag Eigene Zählung (ohne Link), 2021 43 8 20 15 –" in section
    assert "Landesrechnungshof Beispielinhalt Prüfbericht , 01.03.2024 1 1 – – –" in section
    assert "in die Zahlen oben fließen sie nicht ein" in section
    assert '<a href="https://lrh.example/bericht">Prüfbericht</a>' in response.content.decode()
    # The official figures still come from the reports alone: one goal, none done.
    assert "1 Ziele 0 umgesetzt" in text
    assert "Zum Vergleich der amtliche Stand oben: 0 von 1 Zielen umgesetzt." in section
    # As of an earlier day, only what had been published by then.
    then = text_of(client.get("/umsetzung/?stand=2022-06-30"))
    assert "Eigene Zählung" in then and "Prüfbericht" not in then
    assert "veröffentlicht bis 30. Juni 2022" in then
    # A verdict on the goal shows on its page, with who said it.
    GoalVerdict.objects.create(assessment=later, goal=goal, verdict="erreicht", note="Gezählt.")
    page = text_of(client.get("/strategie/2-0/ziele/31/"))
    assert (
        "erreicht laut Landesrechnungshof (01.03.2024): Prüfbericht – Gezählt. Beispielinhalt"
        in page
    )


def test_assessment_figures_that_do_not_add_up_are_refused(version, old_version, goal):
    wrong = Assessment(
        version=version, author="X", title="Y", date=d("2021-05-01"), goals_assessed=10,
        achieved=8, partly=5,
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        wrong.full_clean()
    assert error.value.message_dict["goals_assessed"] == [
        "Die Zahlen ergeben zusammen 13, mehr als die 10 bewerteten Ziele."
    ]
    year_only = Assessment(
        version=version, author="X", title="Y", date=d("2021-05-01"), date_is_year=True,
        goals_assessed=10,
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        year_only.full_clean()
    assert "31.12." in error.value.message_dict["date"][0]
    other = Assessment.objects.create(
        version=old_version, author="X", title="Y", date=d("2020-01-01"), goals_assessed=1
    )
    with pytest.raises(ValidationError) as error:
        GoalVerdict(assessment=other, goal=goal, verdict="erreicht").full_clean()
    assert error.value.message_dict["goal"] == ["Das Ziel gehört zu einer anderen Fassung."]


def test_assumed_horizons_and_target_dates_are_marked_and_noted_until_none_remain(
    client, goal, version, make_goal
):
    goal.horizon_provenance = "annahme"
    goal.target_provenance = "annahme"
    goal.save()
    make_goal(goal.field, 32, "Ohne Annahmen", target=d("2020-12-31"))
    text = text_of(client.get("/umsetzung/"))
    assert (
        "Annahme der Redaktion: Bei 1 der 2 Ziele ist der Zeithorizont keine amtliche Angabe"
        in text
    )
    row = re.search(r"31 5G flächendeckend .*? bis Ende 2024 Annahme der Redaktion", text)
    assert row and "mittelfristig (bis 5 Jahre) Annahme der Redaktion" in row.group(0)
    page = text_of(client.get("/strategie/2-0/ziele/31/"))
    assert "Zieltermin bis Ende 2024 Annahme der Redaktion" in page
    # Overdue on an assumed target date: the figure says so where it stands.
    goal.target_date = d("2022-12-31")
    goal.save()
    text = text_of(client.get("/umsetzung/"))
    assert "Bei 1 der 2 überfälligen Ziele ist der Zieltermin keine amtliche Angabe" in text
    home = text_of(client.get("/"))
    assert "Bei 1 der 2 überfälligen Ziele ist der Zieltermin keine amtliche Angabe" in home
    # Once the editors confirm both from a source, no notice is left.
    goal.horizon_provenance = goal.target_provenance = "amtlich"
    goal.save()
    text = text_of(client.get("/umsetzung/"))
    assert "Annahme der Redaktion" not in text
    assert "Annahme der Redaktion" not in text_of(client.get("/"))


def test_a_dropped_goal_says_why_or_that_no_reason_was_given(client, goal):
    goal.reports.create(date=d("2024-02-01"), status="entfallen", text="<p>Gestrichen.</p>")
    text = text_of(client.get("/strategie/2-0/ziele/31/"))
    assert (
        "Warum dieses Ziel entfallen ist Einen Grund hat die Redaktion hier nicht eingetragen"
        in text
    )
    goal.ending_reason = "Ein Bundesprogramm übernimmt die Aufgabe."
    goal.save()
    text = text_of(client.get("/strategie/2-0/ziele/31/"))
    assert "Warum dieses Ziel entfallen ist Ein Bundesprogramm übernimmt die Aufgabe." in text
