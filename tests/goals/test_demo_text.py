import pytest
from django.urls import reverse

from goals.models import Chapter, Paragraph
from goals.text import editing

pytestmark = pytest.mark.django_db


def test_demo_text_has_the_2019_chapters_example_paragraphs_marks_and_comments(demo, client):
    numbers = list(Chapter.objects.filter(version__slug="2019").values_list("number", flat=True))
    assert numbers[:5] == ["1", "2", "3", "4", "4.1"] and numbers[-1] == "6"
    assert "5.4" in numbers
    assert Chapter.objects.get(version__slug="2019", number="4.2").parent.number == "4"
    assert all(p.text.startswith("Beispieltext") for p in Paragraph.objects.all())
    assert Paragraph.objects.filter(goals__isnull=False).exists()
    assert Paragraph.objects.filter(continues__isnull=False, chapter__version__slug="2-0").exists()
    toc = client.get(reverse("goals:text", args=["2019"])).content.decode()
    assert "4.2 Bildung und Kultur" in toc and "(2 Kommentare)" in toc


def test_demo_files_are_in_the_admin_paste_format(demo):
    chapter = Chapter.objects.get(version__slug="2019", number="4.2")
    anchors = list(chapter.paragraphs.values_list("anchor", flat=True))
    from goals.text.admin import source_of

    editing.apply(chapter, source_of(chapter))  # re-pasting what is stored changes nothing
    assert list(chapter.paragraphs.values_list("anchor", flat=True)) == anchors
