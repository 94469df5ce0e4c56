import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from goals.models import Chapter, Paragraph
from goals.text import editing
from tests.support.comments import insert_comments

from .test_goal_comments import comment_on

pytestmark = pytest.mark.django_db
EXPORT_URL = "/admin/django_comments_xtd/xtdcomment/export/"


@pytest.fixture
def chapters(old_version):
    four = Chapter.objects.create(
        version=old_version, number="4", title="Handlungsfelder", slug="4", order=1
    )
    sub = Chapter.objects.create(
        version=old_version, number="4.2", title="Verwaltung", slug="4-2", order=2, parent=four
    )
    return four, sub


def fill(chapter, n):
    Paragraph.objects.bulk_create(
        Paragraph(chapter=chapter, order=i, anchor=f"a{i:07d}", text=f"Beispieltext Absatz {i}.")
        for i in range(1, n + 1)
    )
    return list(chapter.paragraphs.all())


def test_chapter_page_marks_goals_and_counts_comments_and_the_goal_page_links_back(
    client, chapters, old_version, make_field, make_goal
):
    four, sub = chapters
    goal = make_goal(make_field(version=old_version), number=7, title="Verwaltung digital")
    editing.apply(
        sub, "## Einleitung\n\nBeispieltext: Verwaltung online.\n\nBeispieltext: Schulen."
    )
    first, second = sub.paragraphs.all()
    first.goals.add(goal)
    comment_on(first, "Gut so", n=1)
    comment_on(first, "Schneller bitte", n=2)

    page = client.get(sub.get_absolute_url()).content.decode()
    assert "Kommentare (2)" in page and "Kommentare (0)" in page
    assert "Ziel 7: Verwaltung digital" in page and goal.get_absolute_url() in page
    assert f'id="{first.anchor}"' in page
    assert "Vorheriges Kapitel: 4 Handlungsfelder" in page

    toc = client.get(reverse("goals:text", args=[old_version.slug])).content.decode()
    assert '4.2 Verwaltung</a> <span class="text-toc__count">(2 Kommentare)' in toc

    goal_page = client.get(goal.get_absolute_url()).content.decode()
    assert first.get_absolute_url() in goal_page and "Kapitel 4.2 Verwaltung, Absatz 1" in goal_page


def test_paragraph_page_shows_thread_neighbours_and_word_diff_to_the_older_version(
    client, chapters, version
):
    four, sub = chapters
    editing.apply(sub, "Beispieltext: Alle Ämter bieten Leistungen online an.")
    old = sub.paragraphs.get()
    new_chapter = Chapter.objects.create(version=version, number="1", title="Neu", slug="neu")
    editing.apply(
        new_chapter, "Beispieltext: Alle Ämter bieten ihre Leistungen digital an.\n\nZweiter."
    )
    new = new_chapter.paragraphs.first()
    new.continues = old
    new.save()

    page = client.get(new.get_absolute_url()).content.decode()
    assert '<del><span class="visually-hidden">[gestrichen: </span>online<span' in page
    assert "[eingefügt: </span>ihre <span" in page
    assert old.get_absolute_url() in page
    assert "Nächster Absatz" in page
    back = client.get(old.get_absolute_url()).content.decode()
    assert new.get_absolute_url() in back


def test_removed_paragraph_keeps_its_comments_readable(client, chapters):
    four, sub = chapters
    editing.apply(sub, "Beispieltext: Dieser Absatz fällt später weg.")
    gone = sub.paragraphs.get()
    comment_on(gone, "Mein Kommentar bleibt")
    editing.apply(sub, "Etwas völlig anderes steht jetzt hier im Kapitel drin.")
    page = client.get(gone.get_absolute_url()).content.decode()
    assert "Entfernter Absatz" in page and "Mein Kommentar bleibt" in page


@pytest.mark.parametrize("size", [10, 300])
def test_chapter_queries_do_not_grow_with_paragraphs_or_comments(
    client, chapters, size, django_assert_num_queries, old_version, make_field, make_goal
):
    four, sub = chapters
    paragraphs = fill(sub, size)
    goal = make_goal(make_field(version=old_version), number=1)
    for p in paragraphs[::5]:
        p.goals.add(goal)
    for n, p in enumerate(paragraphs[: size // 5]):
        comment_on(p, "x", n=n)
    client.get(sub.get_absolute_url())  # warm caches (content types, sessions)
    with django_assert_num_queries(QUERIES):
        page = client.get(sub.get_absolute_url()).content.decode()
    assert page.count("Kommentare (") == size


QUERIES = 7  # constant: chapter, two neighbours, paragraphs with counts, marked goals, frame,
# statements addressing the chapter


def test_export_of_a_chapter_names_chapter_and_paragraph(client, chapters, old_version, moderator):
    four, sub = chapters
    editing.apply(sub, "Eins.\n\nBeispieltext: Zwei.")
    editing.apply(four, "Anderes Kapitel.")
    comment_on(sub.paragraphs.last(), "Zum zweiten Absatz")
    comment_on(four.paragraphs.get(), "Nicht in diesem Kapitel")
    client.force_login(moderator)
    form = client.get(EXPORT_URL).content.decode()
    assert "Digitalstrategie.NRW 2019: Kapitel 4.2 Verwaltung" in form
    response = client.post(
        EXPORT_URL, {"scope": f"goals.paragraph:kapitel-{sub.pk}", "format": "csv"}
    )
    rows = list(
        csv.DictReader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")),
        )
    )
    assert [(r["Fassung"], r["Kapitel"], r["Absatz"], r["Text"]) for r in rows] == [
        (old_version.title, "4.2 Verwaltung", "2", "Zum zweiten Absatz")
    ]


@pytest.mark.parametrize("size", [2, 30])
def test_contents_page_counts_comments_per_chapter_without_a_query_per_chapter(
    client, old_version, django_assert_num_queries, size
):
    chapters = [
        Chapter.objects.create(
            version=old_version, number=str(n), title=f"Kapitel {n}", slug=str(n), order=n
        )
        for n in range(1, size + 1)
    ]
    for chapter in chapters:
        [paragraph] = fill(chapter, 1)
        for n in range(chapter.order % 3):
            comment_on(paragraph, "x", n=n)
    url = reverse("goals:text", args=[old_version.slug])
    client.get(url)  # warm caches (content types)
    with django_assert_num_queries(3):  # the version with its PDF, the chapters, the counts
        html = client.get(url).content.decode()
    assert html.count('class="text-toc__count"') == size
    assert "2 Kommentare" in html and "1 Kommentar" in html


def test_a_paragraph_can_only_continue_one_of_an_earlier_version(chapters, version):
    four, sub = chapters
    [old] = fill(sub, 1)
    new_chapter = Chapter.objects.create(version=version, number="1", title="Neu", slug="1")
    [new] = fill(new_chapter, 1)
    new.continues = old
    new.full_clean()  # 2.0 continues 2019: fine
    old.continues = new
    with pytest.raises(ValidationError) as error:
        old.full_clean()
    assert "nur einen Absatz einer früheren Fassung" in str(error.value.message_dict["continues"])


def test_version_page_names_the_most_commented_paragraphs_and_links_the_text(
    client, chapters, old_version
):
    four, sub = chapters
    editing.apply(sub, "Beispieltext: Eins.\n\nBeispieltext: Zwei.")
    first, second = sub.paragraphs.all()
    for n in range(3):
        comment_on(second, "x", n=n)
    comment_on(first, "y", n=9)
    page = client.get(old_version.get_absolute_url()).content.decode()
    top = page.split("Meistkommentierte Absätze")[1]
    assert top.index("Absatz 2</a>: 3 Kommentare") < top.index("Absatz 1</a>: 1 Kommentar")
    assert reverse("goals:text", args=[old_version.slug]) in page


@pytest.mark.parametrize("count", [1, 300])
def test_paragraph_page_queries_do_not_grow_with_comments(
    client, chapters, count, django_assert_num_queries
):
    four, sub = chapters
    editing.apply(sub, "Beispieltext: Eins.\n\nBeispieltext: Zwei.\n\nBeispieltext: Drei.")
    middle = sub.paragraphs.all()[1]
    for n in range(count):
        comment_on(middle, f"Kommentar {n}", n=n)
    client.get(middle.get_absolute_url())  # warm caches
    # Paragraph, goals, previous, next, continued-by, then the thread's own queries;
    # measured 13, and the same for 1 and 300 comments.
    with django_assert_num_queries(PARAGRAPH_QUERIES):
        page = client.get(middle.get_absolute_url()).content.decode()
    assert f'<span class="comments__count">({count})</span>' in page
    assert "Vorheriger Absatz" in page and "Nächster Absatz" in page


PARAGRAPH_QUERIES = 18  # with the comments, statements, ideas and suggestions it came from,
# and its own wording suggestions


def bulk_comments(paragraphs, count):
    """`count` released top-level comments spread over `paragraphs`, newest first."""
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    insert_comments(paragraphs, count, lambda n: now - timedelta(minutes=n))


def test_300_paragraph_chapter_with_5000_comments_keeps_its_query_count(
    client, chapters, django_assert_num_queries
):
    """The issue's scale case: 300 paragraphs, 5,000 comments, the same queries as 10 paragraphs."""
    four, sub = chapters
    paragraphs = fill(sub, 300)
    bulk_comments(paragraphs, 5000)
    client.get(sub.get_absolute_url())  # warm caches
    with django_assert_num_queries(QUERIES):
        page = client.get(sub.get_absolute_url()).content.decode()
    assert page.count("Kommentare (") == 300
    # 5,000 over 300 paragraphs: the first 200 get 17, the rest 16.
    assert page.count("Kommentare (17") == 200 and page.count("Kommentare (16") == 100
