"""Goals in the dialog: versions covered by phases, goals on theme and event pages, figures per field."""

from datetime import timedelta

import pytest

from dialog.participation.phases import participation_figures
from goals.models import FieldOfAction, StrategyVersion

from .factories import berlin, make_event, make_goal, make_phase, make_theme, make_version
from .test_phase_figures import comment

pytestmark = pytest.mark.django_db

START, END = berlin(2021, 2, 15), berlin(2021, 3, 29)


@pytest.fixture
def strategy_2019():
    version = make_version()
    education = FieldOfAction.objects.create(
        version=version, number="4.2", title="Bildung und Kultur", slug="bildung", position=2
    )
    economy = FieldOfAction.objects.create(
        version=version, number="4.1", title="Wirtschaft und Arbeit", slug="wirtschaft", position=1
    )
    return version, education, economy


def test_theme_page_lists_its_goals_with_their_version(client, strategy_2019):
    version, education, _ = strategy_2019
    theme = make_theme(make_phase(berlin(2019, 5, 6), berlin(2019, 11, 23)), title="Bildung")
    goal = make_goal(education, 7, "Medienkompetenzrahmen NRW in allen Lehrplänen verankern")
    make_goal(education, 8, "Nicht verknüpft")
    goal.themes.add(theme)
    html = client.get(theme.get_absolute_url()).content.decode()
    assert "Ziele zu diesem Thema</h2>" in html
    assert (
        f'<li><a href="/strategie/2019/ziele/7/">Ziel 7: Medienkompetenzrahmen NRW in allen '
        f"Lehrplänen verankern ({version.title})</a></li>"
    ) in html
    assert "Nicht verknüpft" not in html


def test_event_page_lists_the_goals_it_was_about(client, strategy_2019):
    _, education, _ = strategy_2019
    event = make_event(berlin(2019, 11, 22, 10), berlin(2019, 11, 22, 17))
    make_goal(education, 3, "Alle Schulen an das Gigabit-Netz anschließen").events.add(event)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Ziele, um die es ging</h2>" in html
    assert "Ziel 3: Alle Schulen an das Gigabit-Netz anschließen" in html


def test_phase_page_names_the_version_it_put_up_for_discussion(client, strategy_2019):
    version, _, _ = strategy_2019
    phase = make_phase(START, END)
    version.phases.add(phase)
    html = client.get(phase.get_absolute_url()).content.decode()
    assert "Zur Diskussion gestellt</h2>" in html
    assert '<li><a href="/strategie/2019/">Digitalstrategie.NRW 2019</a></li>' in html


@pytest.mark.parametrize("goals", [1, 30])
def test_theme_page_query_count_does_not_grow_with_goals(
    client, django_assert_num_queries, strategy_2019, goals
):
    _, education, _ = strategy_2019
    theme = make_theme(make_phase(berlin(2019, 5, 6), berlin(2019, 11, 23)))
    for number in range(1, goals + 1):
        make_goal(education, number).themes.add(theme)
    # Theme with phase, events, goals with their versions, blog posts, ideas;
    # the (empty) thread: options, totals.
    with django_assert_num_queries(7):
        html = client.get(theme.get_absolute_url()).content.decode()
    assert html.count("/strategie/2019/ziele/") == goals


def test_figures_count_comments_on_the_covered_version_per_field(client, strategy_2019):
    version, education, economy = strategy_2019
    other_field = FieldOfAction.objects.create(
        version=make_version("2-0", "Digitalstrategie.NRW 2.0", 2021),
        number="1",
        title="Verwaltung",
        slug="verwaltung",
    )
    phase = make_phase(START, END)
    version.phases.add(phase)
    schools, teachers = make_goal(education, 1), make_goal(education, 2)
    startups = make_goal(economy, 3)
    not_covered = make_goal(other_field, 1)
    inside = START + timedelta(days=3)
    comment(schools, "anna@example.org", inside)
    comment(teachers, "anna@example.org", inside)
    comment(teachers, "ben@example.org", inside)
    comment(startups, "cem@example.org", inside)
    comment(not_covered, "dora@example.org", inside)  # its version is not in the phase
    comment(startups, "emil@example.org", END)  # after the end

    figures = participation_figures(phase)

    assert (figures.comments, figures.commenters) == (4, 3)
    [by_field] = figures.breakdowns
    assert by_field.group_name == "Handlungsfeld"
    assert [(r.label, r.comments, r.commenters) for r in by_field.rows] == [
        ("4.1 Wirtschaft und Arbeit", 1, 1),
        ("4.2 Bildung und Kultur", 3, 2),
    ]
    html = client.get(phase.get_absolute_url()).content.decode()
    assert "<caption>Kommentare nach Handlungsfeld</caption>" in html
    assert '<tr><th scope="row">4.2 Bildung und Kultur</th><td>3</td><td>2</td></tr>' in html


def test_demo_links_phases_to_versions_and_goals_to_themes_and_events(client, demo):
    assert list(StrategyVersion.objects.get(slug="2019").phases.values_list("slug", flat=True)) == [
        "online-phase-2021"
    ]
    assert list(StrategyVersion.objects.get(slug="2-0").phases.values_list("slug", flat=True)) == [
        "mitdiskutieren-digitalstrategie-2-0"
    ]
    html = client.get("/dialog/themen/bildung/").content.decode()
    assert "Medienkompetenzrahmen NRW in allen Lehrplänen verankern" in html
    html = client.get("/veranstaltungen/digitalkonferenz-2021/").content.decode()
    assert "Einen EdTech-Inkubator aufbauen (Digitalstrategie.NRW 2.0)" in html


def test_fields_are_listed_in_their_order_not_alphabetically():
    version = make_version("2-0", "Digitalstrategie.NRW 2.0", 2021)
    second = FieldOfAction.objects.create(
        version=version, number="2", title="Bildung", slug="zwei", position=2
    )
    tenth = FieldOfAction.objects.create(
        version=version, number="10", title="Verwaltung", slug="zehn", position=10
    )
    phase = make_phase(START, END)
    version.phases.add(phase)
    comment(make_goal(tenth, 1), "anna@example.org", START + timedelta(days=1))
    comment(make_goal(second, 2), "ben@example.org", START + timedelta(days=1))
    [by_field] = participation_figures(phase).breakdowns
    # As text, "10 Verwaltung" would sort before "2 Bildung".
    assert [r.label for r in by_field.rows] == ["2 Bildung", "10 Verwaltung"]
