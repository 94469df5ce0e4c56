"""Participation figures on a phase page, against comments counted by hand."""

from datetime import timedelta
from itertools import count

import pytest
from django.contrib.contenttypes.models import ContentType
from django_comments_xtd.models import XtdComment

from dialog.participation.phases import participation_figures

from .factories import berlin, make_phase, make_theme

pytestmark = pytest.mark.django_db
_n = count(1)

START, END = berlin(2019, 5, 6), berlin(2019, 11, 23)


def comment(target, email, when, name="Bürgerin", **flags):
    return XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(target),
        object_pk=str(target.pk),
        site_id=1,
        user_name=name,
        user_email=email,
        comment=f"Kommentar {next(_n)}",
        submit_date=when,
        **flags,
    )


@pytest.fixture
def dialog_2019():
    phase = make_phase(START, END, title="Themendialog 2019")
    ki = make_theme(phase, title="Künstliche Intelligenz")
    bildung = make_theme(phase, title="Bildung")
    other_phase = make_phase(berlin(2021, 2, 15), berlin(2021, 3, 29))
    elsewhere = make_theme(other_phase, title="Anderswo")
    inside = START + timedelta(days=10)
    # Counted: 3 comments by 2 people on KI, 1 by a third person on Bildung.
    comment(ki, "anna@example.org", inside)
    comment(ki, "anna@example.org", inside + timedelta(days=1))
    comment(ki, "ben@example.org", START)  # the first instant belongs to the phase
    comment(bildung, "cem@example.org", END - timedelta(microseconds=1))
    # Not counted: after the end, before the start, hidden, waiting, another phase's theme.
    comment(ki, "dora@example.org", END)
    comment(bildung, "dora@example.org", START - timedelta(seconds=1))
    comment(ki, "emil@example.org", inside, is_removed=True)
    comment(bildung, "emil@example.org", inside, is_public=False)
    comment(elsewhere, "fritz@example.org", inside)
    return phase


def test_figures_count_published_comments_during_the_phase_per_theme(dialog_2019):
    figures = participation_figures(dialog_2019)
    assert (figures.comments, figures.commenters) == (4, 3)
    [by_theme] = figures.breakdowns
    assert by_theme.group_name == "Dialogthema"
    assert [(r.label, r.comments, r.commenters) for r in by_theme.rows] == [
        ("Bildung", 1, 1),
        ("Künstliche Intelligenz", 3, 2),
    ]


def test_phase_page_shows_the_figures(client, dialog_2019):
    html = client.get(dialog_2019.get_absolute_url()).content.decode()
    assert "<div><dt>Kommentare</dt><dd>4</dd></div>" in html
    assert "<div><dt>Kommentierende</dt><dd>3</dd></div>" in html
    assert "<caption>Kommentare nach Dialogthema</caption>" in html
    assert '<tr><th scope="row">Künstliche Intelligenz</th><td>3</td><td>2</td></tr>' in html


def test_commenters_whose_address_was_erased_still_count_by_pseudonym():
    phase = make_phase(START, END)
    theme = make_theme(phase)
    inside = START + timedelta(days=1)
    comment(theme, "", inside, name="Gerda")
    comment(theme, "", inside, name="Gerda")
    comment(theme, "", inside, name="Hans")
    comment(theme, "gerda@example.org", inside, name="Gerda")
    figures = participation_figures(phase)
    assert (figures.comments, figures.commenters) == (4, 3)


def test_a_phase_without_comments_shows_zeros_and_no_table(client):
    phase = make_phase(START, END)
    make_theme(phase)
    html = client.get(phase.get_absolute_url()).content.decode()
    assert "<div><dt>Kommentare</dt><dd>0</dd></div>" in html
    assert "<caption>" not in html


@pytest.mark.parametrize("comments", [1, 200])
def test_phase_page_query_count_does_not_grow_with_comments(
    client, django_assert_num_queries, comments
):
    phase = make_phase(START, END)
    themes = [make_theme(phase) for _ in range(5)]
    for i in range(comments):
        comment(themes[i % 5], f"p{i % 17}@example.org", START + timedelta(hours=i))
    # Phase, themes, versions covered, totals, then one breakdown per kind of content
    # (themes, goals, paragraphs of the strategy text, ideas, wording suggestions), and the
    # published statements.
    with django_assert_num_queries(10):
        html = client.get(phase.get_absolute_url()).content.decode()
    assert f"<div><dt>Kommentare</dt><dd>{comments}</dd></div>" in html
