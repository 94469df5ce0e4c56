"""Look before publishing: the admin's "Vorschau" shows a chapter, a blog post, a service
page or a phase as it will appear after saving, stores nothing, and is seen by no visitor
and kept by no cache."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.flatpages.models import FlatPage

from blog.models import Post
from dialog.models import Phase
from goals.models import Chapter
from tests.support.admin_forms import form_as_shown

pytestmark = pytest.mark.django_db


def preview(client, change_url, **changes):
    page = client.get(change_url).content.decode()
    assert 'name="_vorschau"' in page
    data = form_as_shown(page, _vorschau="Vorschau in neuem Fenster (ohne zu speichern)", **changes)
    return client.post(change_url, data)


def assert_private(response):
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    html = response.content.decode()
    assert "<strong>Vorschau:</strong> So erscheint diese Seite nach dem Speichern." in html
    return html


@pytest.fixture
def editor_client(demo, client, editor):
    client.force_login(editor)
    return client


def test_chapter_preview_shows_the_new_text_and_stores_nothing(editor_client, settings):
    settings.PAGE_CACHE_SECONDS = 300  # a kept page must not change either
    chapter = Chapter.objects.filter(version__is_current=True).order_by("order").first()
    url = chapter.get_absolute_url()
    reader = type(editor_client)()
    before = reader.get(url).content.decode()
    paragraphs = list(chapter.paragraphs.current().values_list("pk", "text"))
    logged = LogEntry.objects.count()
    revisions = chapter.history.count()

    response = preview(
        editor_client,
        f"/admin/goals/chapter/{chapter.pk}/change/",
        title="Digitale Verwaltung, neu gefasst",
        source="Ein ganz neuer erster Absatz für die Vorschau.",
        confirm_removal="on",
    )
    html = assert_private(response)
    assert "Digitale Verwaltung, neu gefasst" in html
    assert "Ein ganz neuer erster Absatz für die Vorschau." in html

    chapter.refresh_from_db()
    assert chapter.title != "Digitale Verwaltung, neu gefasst"
    assert list(chapter.paragraphs.current().values_list("pk", "text")) == paragraphs
    assert LogEntry.objects.count() == logged
    assert chapter.history.count() == revisions
    assert reader.get(url).content.decode() == before


def test_draft_post_preview_before_it_is_first_saved(editor_client):
    count = Post.objects.count()
    page = editor_client.get("/admin/blog/post/add/").content.decode()
    data = form_as_shown(
        page,
        _vorschau="Vorschau",
        title="Glasfaser für jede Schule",
        slug="glasfaser-fuer-jede-schule",
        teaser="Ein Entwurf.",
        body="<p>Bis 2025 bekommt jede Schule einen Anschluss.</p>",
        status="entwurf",
        image_alt="",
    )
    html = assert_private(editor_client.post("/admin/blog/post/add/", data))
    assert "Glasfaser für jede Schule</h1>" in html
    assert "Bis 2025 bekommt jede Schule einen Anschluss." in html
    assert Post.objects.count() == count


def test_service_page_preview(editor_client):
    page = FlatPage.objects.get(url="/impressum/")
    html = assert_private(
        preview(
            editor_client,
            f"/admin/flatpages/flatpage/{page.pk}/change/",
            content="<p>Neue Anschrift: Berger Allee 25, 40213 Düsseldorf, 2. Etage.</p>",
        )
    )
    assert "2. Etage" in html
    page.refresh_from_db()
    assert "2. Etage" not in page.content


def test_phase_preview(editor_client):
    phase = Phase.objects.order_by("pk").first()
    html = assert_private(
        preview(
            editor_client,
            f"/admin/dialog/phase/{phase.pk}/change/",
            title="Online-Dialog, neu beschrieben",
        )
    )
    assert "Online-Dialog, neu beschrieben" in html
    phase.refresh_from_db()
    assert phase.title != "Online-Dialog, neu beschrieben"


def test_saving_still_saves(editor_client):
    phase = Phase.objects.order_by("pk").first()
    page = editor_client.get(f"/admin/dialog/phase/{phase.pk}/change/").content.decode()
    data = form_as_shown(page, title="Online-Dialog, gespeichert", _save="Sichern")
    response = editor_client.post(f"/admin/dialog/phase/{phase.pk}/change/", data)
    assert response.status_code == 302
    phase.refresh_from_db()
    assert phase.title == "Online-Dialog, gespeichert"
