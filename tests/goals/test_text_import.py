"""Editors import a version's text from Word or Markdown (issue 27, item 1): a preview
first, then one transaction; importing a corrected file keeps the anchors. Every .docx
is generated here (demo/word.py)."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from demo.word import document, strategy_document
from goals.models import Chapter, Paragraph
from goals.text import editing

from .test_goal_comments import comment_on

pytestmark = pytest.mark.django_db

FIRST = (
    "Die Landesregierung will bis 2025 alle Verwaltungsleistungen online anbieten, siehe Ziel 1."
)
PARTS = [
    ("title", "Digitalstrategie"),
    ("h1", "1 Einleitung"),
    ("p", FIRST),
    ("bullets", ["Glasfaser für Schulen", "WLAN in Rathäusern"]),
    ("h2", "Digitale Verwaltung"),
    ("h3", "Zwischentitel"),
    ("p", "Behörden arbeiten papierlos zusammen, auch bei Ziel 99."),
    ("table", [["Jahr", "Wert"], ["2025", "80"]]),
    ("image", None),
    ("h1", ""),
    ("h1", "2 Wirtschaft"),
    ("p", "Unternehmen erhalten digitale Förderbescheide."),
]


@pytest.fixture(autouse=True)
def _previews(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "import_export": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }


@pytest.fixture
def goal(version, make_field, make_goal):
    return make_goal(make_field(version), number=1)


def url(version):
    return f"/admin/goals/strategyversion/{version.pk}/text-import/"


def upload(client, version, name, content, word="Ziel"):
    return client.post(url(version), {"file": SimpleUploadedFile(name, content), "goal_word": word})


def confirm(client, version, preview):
    page = preview.content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    return client.post(url(version), {"token": token, "goal_word": "Ziel"})


def test_word_file_is_previewed_with_tree_counts_marks_and_warnings(admin_client, version, goal):
    page = upload(admin_client, version, "strategie.docx", document(PARTS)).content.decode()
    assert "Vorschau – noch ist nichts gespeichert" in page
    assert "3 Kapitel mit zusammen 4 Absätzen." in page
    assert "1 Einleitung" in page and "1.1 Digitale Verwaltung" in page and "2 Wirtschaft" in page
    assert "Ziel 1" in page and "Ziel 99 (unbekannt)" in page
    for warning in [
        "Dokumenttitel „Digitalstrategie“ nicht übernommen.",
        "Tabelle in Kapitel 1.1 nach Absatz 1 nicht übernommen.",
        "Bild in Kapitel 1.1 nach Absatz 1 nicht übernommen.",
        "Leere Überschrift (Ebene 1) in Kapitel 1.1 nach Absatz 1 übersprungen.",
        "Kapitel 1.1: Ziel 99 gibt es in dieser Fassung nicht; der Verweis wird nicht markiert.",
    ]:
        assert warning in page
    assert Chapter.objects.filter(version=version).count() == 0  # nothing stored yet


def test_confirming_stores_chapters_paragraphs_lists_and_marks(admin_client, version, goal):
    preview = upload(admin_client, version, "strategie.docx", document(PARTS))
    response = confirm(admin_client, version, preview)
    assert response.status_code == 302
    chapters = list(Chapter.objects.filter(version=version).order_by("order"))
    assert [(c.number, c.title, c.parent and c.parent.number) for c in chapters] == [
        ("1", "Einleitung", None),
        ("1.1", "Digitale Verwaltung", "1"),
        ("2", "Wirtschaft", None),
    ]
    first, listed = chapters[0].paragraphs.all()
    assert first.text == FIRST and list(first.goals.all()) == [goal]
    assert listed.text == "<ul><li>Glasfaser für Schulen</li><li>WLAN in Rathäusern</li></ul>"
    assert chapters[1].paragraphs.get().heading == "Zwischentitel"
    # The preview's file is gone once taken over; a second click changes nothing.
    again = admin_client.post(
        url(version),
        {"token": re.search(r'name="token" value="([^"]+)"', preview.content.decode()).group(1)},
        follow=True,
    )
    assert "Die Vorschau ist abgelaufen oder wurde schon übernommen." in again.content.decode()


def test_importing_a_corrected_file_updates_in_place_and_keeps_anchors(admin_client, version, goal):
    confirm(admin_client, version, upload(admin_client, version, "a.docx", document(PARTS)))
    first = Paragraph.objects.get(text=FIRST)
    comment_on(first, "Auch für Unternehmen?")
    corrected = [(k, v.replace("2025", "2026") if isinstance(v, str) else v) for k, v in PARTS]
    preview = upload(admin_client, version, "a.docx", document(corrected))
    assert "2 behalten, 0 neu" in preview.content.decode()  # chapter 1: paragraph and list
    confirm(admin_client, version, preview)
    first.refresh_from_db()
    assert "2026" in first.text and not first.removed
    assert editing.comment_counts([first]) == {first.pk: 1}
    assert Chapter.objects.filter(version=version).count() == 3  # updated, not doubled


def test_markdown_file_imports_the_same_way(admin_client, version, goal):
    source = (
        "# 1 Einleitung\n\nErster Absatz zu Ziel 1.\n\n- eins\n- zwei\n\n"
        "## Verwaltung\n\nZweiter Absatz.\n\n| a | b |\n\n# 2 Wirtschaft\n\nDritter.\n"
    )
    preview = upload(admin_client, version, "text.md", source.encode())
    assert "Tabelle in Kapitel 1.1 nach Absatz 1 nicht übernommen." in preview.content.decode()
    confirm(admin_client, version, preview)
    texts = list(
        Paragraph.objects.filter(chapter__version=version)
        .order_by("chapter__order", "order")
        .values_list("text", flat=True)
    )
    assert texts == [
        "Erster Absatz zu Ziel 1.",
        "<ul><li>eins</li><li>zwei</li></ul>",
        "Zweiter Absatz.",
        "Dritter.",
    ]


def test_a_file_without_headings_shows_an_error_and_no_confirmation(admin_client, version):
    page = upload(
        admin_client, version, "text.docx", document([("p", "Nur Text.")])
    ).content.decode()
    assert "Die Datei enthält keine Überschriften." in page
    assert 'name="token"' not in page


def test_other_files_and_oversized_word_files_are_refused_in_german(admin_client, version):
    page = upload(admin_client, version, "text.pdf", b"%PDF-1.4").content.decode()
    assert "Bitte laden Sie eine Word-Datei (.docx) oder eine Markdown-Datei (.md) hoch." in page
    page = upload(admin_client, version, "text.docx", b"kein zip").content.decode()
    assert "Die Datei ist kein gültiges Office-Dokument (kein lesbares ZIP-Archiv)." in page
    # A Word file whose text part unpacks to 30 MB (it packs to about 30 KB).
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (30 * 1024 * 1024))
    page = upload(admin_client, version, "text.docx", bomb.getvalue()).content.decode()
    assert "Die Datei wäre entpackt 30 MB groß; höchstens 20 MB sind erlaubt." in page
    assert Chapter.objects.filter(version=version).count() == 0


def test_the_version_form_links_to_the_import(admin_client, version):
    page = admin_client.get(f"/admin/goals/strategyversion/{version.pk}/change/").content.decode()
    assert f'<a href="{url(version)}">Text importieren</a>' in page


def test_moderation_may_not_import_text(client, moderator, version):
    client.force_login(moderator)
    assert client.get(url(version)).status_code == 403


def test_a_100_page_word_file_is_read_into_chapters(admin_client, version):
    page = upload(admin_client, version, "lang.docx", strategy_document(100)).content.decode()
    assert "60 Kapitel mit zusammen 500 Absätzen." in page


def test_a_chapter_typed_in_by_hand_is_updated_by_its_number(admin_client, version, goal):
    chapter = Chapter.objects.create(version=version, number="1", title="Einl.", slug="einleitung")
    editing.apply(chapter, FIRST)
    first = chapter.paragraphs.get()
    comment_on(first, "Gut so")
    preview = upload(admin_client, version, "a.docx", document(PARTS))
    assert "neues Kapitel" in preview.content.decode()  # only 1.1 and 2 are new
    confirm(admin_client, version, preview)
    chapter.refresh_from_db()
    first.refresh_from_db()
    assert (chapter.title, chapter.slug, first.removed) == ("Einleitung", "einleitung", False)
    assert Chapter.objects.filter(version=version, number="1").count() == 1
