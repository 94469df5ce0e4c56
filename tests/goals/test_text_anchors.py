"""Anchors survive edits (issue 27, item 2): a paragraph that is still recognisably the
same keeps its anchor and comments; only paragraphs that really go ask for consent; the
editor sees and may change the pairing before saving."""

import re

import pytest

from goals.models import Chapter
from goals.text import editing
from goals.text.split import SIMILARITY, align, similarity, words

from .test_goal_comments import comment_on
from .test_text_admin import post

pytestmark = pytest.mark.django_db

FIRST = "Die Landesregierung will bis 2025 alle Verwaltungsleistungen online anbieten."
SECOND = "Schulen erhalten schnelles Internet und Geräte für alle Lehrkräfte im ganzen Land."
THIRD = "Gigabitnetze erreichen alle Gewerbegebiete und die meisten Haushalte im Land."
TEXT = "\n\n".join([FIRST, SECOND, THIRD])


@pytest.fixture
def chapter(old_version):
    chapter = Chapter.objects.create(version=old_version, number="5.1", title="Bildung", slug="5-1")
    editing.apply(chapter, TEXT)
    return chapter


def anchors(chapter):
    return [p.anchor for p in chapter.paragraphs.current()]


@pytest.mark.parametrize(
    "edited",
    [
        FIRST.replace("Verwaltungsleistungen", "Verwaltungsleitsungen"),  # a typo
        FIRST.replace("2025", "2027"),  # a changed number
        "Bis 2025 sollen alle Verwaltungsleistungen des Landes online angeboten werden.",
    ],
    ids=["typo", "number", "reworded"],
)
def test_an_edited_paragraph_keeps_its_anchor_and_comments(chapter, edited):
    first = chapter.paragraphs.get(order=1)
    comment_on(first, "Auch für Unternehmen?")
    before = anchors(chapter)

    plan = editing.plan_for(chapter, TEXT.replace(FIRST, edited))
    assert plan.removed == []  # nothing asks for consent
    editing.apply(chapter, TEXT.replace(FIRST, edited))

    first.refresh_from_db()
    assert (first.text, first.removed, first.anchor) == (edited, False, before[0])
    assert editing.comment_counts([first]) == {first.pk: 1}
    assert anchors(chapter) == before


def test_the_rule_is_a_word_ratio_with_a_documented_threshold():
    assert SIMILARITY == 0.5
    assert similarity("<p>Ein  Satz, mit Markup.</p>", "ein Satz mit markup") == 1.0
    assert round(similarity(FIRST, FIRST.replace("2025", "2027")), 2) == 0.89
    assert similarity(FIRST, SECOND) == 0.0


def test_the_pairing_keeps_the_order_instead_of_taking_the_best_match_first():
    # The new text's first paragraph resembles the old second one best, but pairing it so
    # would cross the pair of the old first and the new second paragraph.
    old = [words("a b c d e f"), words("a b c d x y")]
    new = [words("a b c d x f"), words("a b c d e z")]
    pairs = align(old, new)
    assert {j: i for j, (i, _) in pairs.items()} == {0: 0, 1: 1}


def test_only_a_paragraph_that_really_goes_asks_for_consent_in_correct_german(
    admin_client, chapter
):
    first, second = chapter.paragraphs.get(order=1), chapter.paragraphs.get(order=2)
    comment_on(first, "Eins")
    comment_on(second, "Eins", n=1)
    comment_on(second, "Zwei", n=2)
    edited = "\n\n".join([FIRST.replace("2025", "2026"), THIRD])  # typo in 1, 2 removed

    page = post(admin_client, chapter, edited).content.decode()
    assert "Diese Absätze mit Beiträgen fielen weg: Absatz 2 (2 Kommentare)" in page
    assert "Absatz 1 (" not in page
    assert chapter.paragraphs.get(pk=first.pk).text == FIRST  # nothing stored yet

    post(admin_client, chapter, edited, confirm_removal="on")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.text, first.removed, second.removed) == (
        FIRST.replace("2025", "2026"),
        False,
        True,
    )


def preview(admin_client, chapter, source, **extra):
    return post(admin_client, chapter, source, _zuordnung="Zuordnung prüfen", **extra)


def test_the_preview_shows_old_and_new_pairs_with_their_similarity_and_stores_nothing(
    admin_client, chapter
):
    edited = "\n\n".join([FIRST.replace("2025", "2027"), SECOND, "Ein ganz neuer Absatz."])
    page = preview(admin_client, chapter, edited).content.decode()
    assert "Vorschau: Noch ist nichts gespeichert." in page
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</th>.*?<td>([^<]*)</td>", page, re.S)
    assert [(head[:12], similarity_) for head, similarity_ in rows] == [
        ("1: „Die Land", "89 %"),
        ("2: „Schulen ", "100 %"),
        ("3: „Ein ganz", "–"),
    ]
    assert '<del><span class="visually-hidden">[gestrichen: </span>2025' in page
    assert "Absatz 3: „Gigabitnetze erreichen" in page  # listed as going away
    assert [p.text for p in chapter.paragraphs.current()] == [FIRST, SECOND, THIRD]


def test_the_editor_pairs_a_moved_paragraph_by_hand(admin_client, chapter):
    third = chapter.paragraphs.get(order=3)
    comment_on(third, "Und auf dem Land?")
    moved = "\n\n".join([THIRD, FIRST, SECOND])  # the third paragraph now comes first
    page = preview(admin_client, chapter, moved).content.decode()
    key = re.search(r'name="pairing_key" value="(\w+)"', page).group(1)
    assert "Diese Absätze mit Beiträgen fielen weg: Absatz 3 (1 Kommentar)" in page

    first, second = chapter.paragraphs.get(order=1), chapter.paragraphs.get(order=2)
    choice = {
        "pairing_key": key,
        "pairing-0": third.pk,
        "pairing-1": first.pk,
        "pairing-2": second.pk,
    }
    post(admin_client, chapter, moved, **choice)

    third.refresh_from_db()
    assert (third.order, third.removed, third.text) == (1, False, THIRD)
    assert [p.pk for p in chapter.paragraphs.current()] == [third.pk, first.pk, second.pk]


def test_a_paragraph_paired_twice_is_refused_and_a_stale_pairing_ignored(admin_client, chapter):
    first = chapter.paragraphs.get(order=1)
    page = preview(admin_client, chapter, TEXT).content.decode()
    key = re.search(r'name="pairing_key" value="(\w+)"', page).group(1)
    twice = {"pairing_key": key, "pairing-0": first.pk, "pairing-1": first.pk}
    page = post(admin_client, chapter, TEXT, **twice).content.decode()
    assert (
        "Der bisherige Absatz 1 ist den neuen Absätzen 1 und 2 zugeordnet; jeder kann nur "
        "einen fortsetzen." in page
    )
    # Choices made for another text are not applied to this one: the alignment decides.
    edited = TEXT.replace("2025", "2026")
    post(admin_client, chapter, edited, **{**twice, "pairing-1": ""})
    assert anchors(chapter) == [p.anchor for p in chapter.paragraphs.current()]
    assert chapter.paragraphs.current().count() == 3
    assert chapter.paragraphs.get(order=1).pk == first.pk
