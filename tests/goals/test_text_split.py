import pytest

from goals.models import Chapter, Paragraph
from goals.text import editing
from goals.text.split import parse

from .test_goal_comments import comment_on

pytestmark = pytest.mark.django_db

CHAPTER = """## Digitale Verwaltung

Beispieltext: Die Landesverwaltung bietet ihre Leistungen online an und spart den Weg zum Amt.

Beispieltext: Schulen erhalten schnelles Internet und Geräte für alle Lehrkräfte im ganzen Land.

## Infrastruktur
Beispieltext: Gigabitnetze erreichen bis 2025 alle Gewerbegebiete und die meisten Haushalte.
"""


@pytest.fixture
def chapter(old_version):
    return Chapter.objects.create(
        version=old_version, number="4.2", title="Verwaltung", slug="verwaltung"
    )


def texts(chapter):
    return [(p.heading, p.text[:30]) for p in chapter.paragraphs.current()]


def test_paste_is_split_at_blank_lines_and_headings_go_to_the_next_paragraph():
    blocks = parse(CHAPTER)
    assert [b.heading for b in blocks] == ["Digitale Verwaltung", "", "Infrastruktur"]
    assert blocks[2].text.startswith("Beispieltext: Gigabitnetze")


def test_resplitting_a_lightly_edited_text_keeps_anchors_and_comments(chapter):
    editing.apply(chapter, CHAPTER)
    before = {p.text[:40]: p.anchor for p in chapter.paragraphs.all()}
    school = chapter.paragraphs.get(text__contains="Schulen")
    comment_on(school, "Auch Berufsschulen bitte!")

    edited = CHAPTER.replace("ganzen Land", "ganzen Bundesland").replace(
        "## Infrastruktur",
        "Beispieltext: Ein neuer Absatz ganz anderen Inhalts steht hier.\n\n## Infrastruktur",
    )
    editing.apply(chapter, edited)

    school.refresh_from_db()
    assert "ganzen Bundesland" in school.text
    assert school.anchor == before[school.text[:40]]
    assert school.order == 2
    assert editing.comment_counts([school]) == {school.pk: 1}
    assert [p.anchor for p in chapter.paragraphs.current()][:2] == list(before.values())[:2]
    assert chapter.paragraphs.current().count() == 4


def test_a_commented_paragraph_that_goes_is_announced_and_kept_as_removed(chapter):
    editing.apply(chapter, CHAPTER)
    school = chapter.paragraphs.get(text__contains="Schulen")
    comment_on(school, "Wichtig")
    uncommented = chapter.paragraphs.get(text__contains="Gigabit")
    rewritten = CHAPTER.split("Beispieltext: Schulen")[0]

    plan = editing.plan_for(chapter, rewritten)
    counts = editing.comment_counts(plan.removed)
    assert plan.removed_with_comments(counts) == [school]

    editing.apply(chapter, rewritten)
    school.refresh_from_db()
    assert school.removed
    assert not Paragraph.objects.filter(pk=uncommented.pk).exists()
    assert [p.text[:20] for p in chapter.paragraphs.current()] == ["Beispieltext: Die La"]
