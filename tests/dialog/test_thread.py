"""Reading: threads newest first, sort by oldest, pages, permalinks, placeholders, query counts."""

import re

import pytest
from django.contrib.flatpages.models import FlatPage

from dialog.comments import moderation
from dialog.comments.counts import annotate_comment_counts
from dialog.comments.netiquette import NetiquetteReason

pytestmark = pytest.mark.django_db


def positions(html, *texts):
    return [html.index(t) for t in texts]


def test_threads_newest_first_with_replies_under_their_parent(client, target, add_comment):
    old = add_comment(target, "Alter Strang")
    add_comment(target, "Antwort auf alt", parent=old)
    add_comment(target, "Neuer Strang")
    html = client.get(target.get_absolute_url()).content.decode()
    new_pos, old_pos, reply_pos = positions(html, "Neuer Strang", "Alter Strang", "Antwort auf alt")
    assert new_pos < old_pos < reply_pos
    assert 'Kommentare <span class="comments__count">(3)</span>' in html
    assert "2 Diskussionen" in html


def test_sort_by_oldest(client, target, add_comment):
    add_comment(target, "Alter Strang")
    add_comment(target, "Neuer Strang")
    html = client.get(target.get_absolute_url() + "?sortierung=aelteste").content.decode()
    old_pos, new_pos = positions(html, "Alter Strang", "Neuer Strang")
    assert old_pos < new_pos
    assert '<strong aria-current="true">Älteste zuerst</strong>' in html


def test_pages_of_ten_threads_and_permalink_finds_the_page(client, target, add_comment):
    threads = [add_comment(target, f"Strang Nummer {n:02d}") for n in range(12)]
    first = client.get(target.get_absolute_url()).content.decode()
    assert "Strang Nummer 11" in first and "Strang Nummer 02" in first
    assert "Strang Nummer 01" not in first
    assert "Seite 1 von 2" in first
    second = client.get(target.get_absolute_url() + "?seite=2").content.decode()
    assert "Strang Nummer 01" in second and "Strang Nummer 00" in second
    assert "Strang Nummer 02" not in second

    reply = add_comment(target, "Späte Antwort", parent=threads[0])
    response = client.get(f"/kommentare/{reply.pk}/")
    assert response["Location"] == f"/kommentar-test/ziel/?seite=2#kommentar-{reply.pk}"
    assert f'href="/kommentare/{reply.pk}/"' in client.get(response["Location"]).content.decode()


def test_hidden_parent_leaves_a_placeholder_and_its_replies(client, target, add_comment, moderator):
    parent = add_comment(target, "Beleidigender Text")
    add_comment(target, "Sachliche Antwort", parent=parent)
    moderation.hide([parent], NetiquetteReason.INSULT, moderator)
    html = client.get(target.get_absolute_url()).content.decode()
    assert "Beleidigender Text" not in html
    assert (
        "Dieser Kommentar wurde von der Moderation entfernt: Beleidigung oder persönlicher Angriff."
        in html
    )
    placeholder, reply = positions(html, "von der Moderation entfernt", "Sachliche Antwort")
    assert placeholder < reply
    assert 'Kommentare <span class="comments__count">(1)</span>' in html


def test_waiting_comments_are_not_shown(client, target, add_comment):
    add_comment(target, "Wartet noch", is_public=False)
    html = client.get(target.get_absolute_url()).content.decode()
    assert "Wartet noch" not in html
    assert "Noch keine Kommentare" in html


def _fill(target, add_comment, count):
    """`count` comments: threads of five (a top-level comment and four replies down to level 3)."""
    made = 0
    while made < count:
        top = add_comment(target, f"Strang {made}")
        made += 1
        parent = top
        for depth in range(4):
            if made >= count:
                break
            parent = add_comment(target, f"Antwort {made}", parent=parent if depth < 3 else top)
            made += 1


@pytest.mark.parametrize("count", [1, 500])
def test_thread_page_queries_do_not_grow(
    client, target, add_comment, count, django_assert_num_queries
):
    _fill(target, add_comment, count)
    # flat target lookup, comment options, thread/comment totals, the target's comments
    with django_assert_num_queries(4):
        response = client.get(target.get_absolute_url())
    html = response.content.decode()
    # Ten threads of five on the first page; all of them when there are fewer.
    assert html.count('<li class="comment') == min(count, 50)
    assert f'<span class="comments__count">({count})</span>' in html


@pytest.mark.parametrize("count", [1, 500])
def test_oldest_first_queries_do_not_grow(
    client, target, add_comment, count, django_assert_num_queries
):
    _fill(target, add_comment, count)
    with django_assert_num_queries(4):
        response = client.get(target.get_absolute_url() + "?sortierung=aelteste&seite=3")
    html = response.content.decode()
    # Threads 21-30 of 100 (tops 100, 105, ... 145), oldest first; one thread: its only page.
    shown = {int(n) for n in re.findall(r"Strang (\d+)", html)}
    assert shown == (set(range(100, 150, 5)) if count == 500 else {0})


@pytest.mark.parametrize("pages", [3, 60])
def test_comment_counts_for_a_list_in_one_query(
    make_page, add_comment, pages, django_assert_num_queries
):
    made = [make_page(f"p{n}", f"Seite {n}") for n in range(pages)]
    for n, target in enumerate(made):
        for _ in range(n % 4):
            add_comment(target)
    hidden = add_comment(made[1], "verborgen")
    moderation.hide([hidden], NetiquetteReason.SPAM, None)
    add_comment(made[2], "wartet", is_public=False)
    with django_assert_num_queries(1):
        counts = {
            p.url: p.comment_count
            for p in annotate_comment_counts(FlatPage.objects.filter(url__startswith="/kommentar"))
        }
    assert counts == {f"/kommentar-test/p{n}/": n % 4 for n in range(pages)}


@pytest.mark.parametrize(
    ("sort", "previous_label"),
    [("", "Neuere Diskussionen"), ("&sortierung=aelteste", "Ältere Diskussionen")],
)
def test_link_to_the_previous_page_names_what_is_there(
    client, target, add_comment, sort, previous_label
):
    for n in range(12):
        add_comment(target, f"Strang Nummer {n:02d}")
    html = client.get(target.get_absolute_url() + "?seite=2" + sort).content.decode()
    nav = html.split('class="comment-pagination"')[1].split("</nav>")[0]
    assert 'rel="prev">' + previous_label + "</a>" in nav


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Zeile eins\nZeile zwei", "Zeile eins<br>Zeile zwei"),
        ("<b>fett</b> & mehr", "&lt;b&gt;fett&lt;/b&gt; &amp; mehr"),
        (
            "Siehe https://www.land.nrw/ und <script>",
            'Siehe <a href="https://www.land.nrw/" rel="nofollow">https://www.land.nrw/</a> und &lt;script&gt;',
        ),
        (
            "Mail an info@example.org",
            'Mail an <a href="mailto:info@example.org">info@example.org</a>',
        ),
    ],
)
def test_comment_text_is_escaped_with_links_and_line_breaks(text, html):
    from dialog.templatetags.dialog_comments import comment_text

    assert comment_text(text) == html
