import pytest

from goals.models import Chapter
from goals.text import editing

from .test_goal_comments import comment_on

pytestmark = pytest.mark.django_db

TEXT = (
    "## Start\n\nBeispieltext: Verwaltung online für alle.\n\nBeispieltext: Schulen mit Glasfaser."
)


@pytest.fixture
def chapter(old_version):
    chapter = Chapter.objects.create(version=old_version, number="5.1", title="Bildung", slug="5-1")
    editing.apply(chapter, TEXT)
    return chapter


def post(admin_client, chapter, source, **extra):
    url = f"/admin/goals/chapter/{chapter.pk}/change/"
    data = {
        "version": chapter.version_id,
        "parent": "",
        "number": "5.1",
        "title": "Bildung",
        "slug": "5-1",
        "order": 0,
        "source": source,
        "paragraphs-TOTAL_FORMS": 0,
        "paragraphs-INITIAL_FORMS": 0,
        **extra,
    }
    return admin_client.post(url, data)


def test_paste_that_drops_a_commented_paragraph_stops_until_confirmed(admin_client, chapter):
    school = chapter.paragraphs.get(text__contains="Schulen")
    comment_on(school, "Bitte auch Berufsschulen")
    shorter = "## Start\n\nBeispieltext: Verwaltung online für alle Menschen."

    response = post(admin_client, chapter, shorter)
    page = response.content.decode()
    assert "Diese Absätze mit Beiträgen fielen weg: Absatz 2 (1 Kommentar)" in page
    assert "Verwaltung online für alle Menschen." in page  # the editor's paste is kept
    assert chapter.paragraphs.current().count() == 2  # nothing stored yet

    post(admin_client, chapter, shorter, confirm_removal="on")
    school.refresh_from_db()
    assert school.removed
    assert [p.text for p in chapter.paragraphs.current()] == [
        "Beispieltext: Verwaltung online für alle Menschen."
    ]


def test_change_form_shows_the_stored_text_in_paste_format(admin_client, chapter):
    page = admin_client.get(f"/admin/goals/chapter/{chapter.pk}/change/").content.decode()
    assert "## Start\n\nBeispieltext: Verwaltung online für alle." in page


def test_marking_a_goal_of_another_version_is_refused_with_a_german_message(
    admin_client, chapter, version, make_field, make_goal
):
    other = make_goal(make_field(version), number=3)
    first = chapter.paragraphs.first()
    response = post(
        admin_client,
        chapter,
        "",
        **{
            "paragraphs-TOTAL_FORMS": 1,
            "paragraphs-INITIAL_FORMS": 1,
            "paragraphs-0-id": first.pk,
            "paragraphs-0-chapter": chapter.pk,
            "paragraphs-0-goals": [other.pk],
        },
    )
    assert "Markieren Sie nur Ziele derselben Fassung wie das Kapitel (nicht: Ziel 3)." in (
        response.content.decode()
    )
    assert not first.goals.exists()
