"""One call makes a model commentable: policy, phase rule, phase figures and admin switches.

Flat pages stand in for a new kind of content (as paragraphs and statements were):
nothing but `make_commentable` is done for them.
"""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.flatpages.models import FlatPage
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from dialog.comments import commentable
from dialog.comments.admin import CommentOptionsInline
from dialog.participation import phase_content
from dialog.participation.phases import participation_figures
from dialog.registration import attach_admin_switches, make_commentable

from .factories import make_phase


@pytest.fixture
def phase(db):
    now = timezone.now()
    return make_phase(now - timedelta(days=1), now + timedelta(days=13), title="Textphase 2026")


@pytest.fixture
def registered_pages(settings, phase):
    settings.ROOT_URLCONF = "tests.dialog.urls"
    make_commentable(
        FlatPage,
        phases_of=lambda page: [phase],
        objects_of=lambda p: FlatPage.objects.filter(url__startswith="/kommentar-test/"),
        group="title",
        group_name="Seite",
    )
    model_admin = admin.site.get_model_admin(FlatPage)
    inlines = model_admin.inlines
    attach_admin_switches(admin.site)
    yield
    model_admin.inlines = inlines
    commentable.unregister(FlatPage)
    phase_content.unregister(FlatPage)


def make_page(slug, title):
    page = FlatPage.objects.create(url=f"/kommentar-test/{slug}/", title=title, content="")
    page.sites.add(1)
    return page


def test_the_running_phase_opens_the_thread_and_closing_it_names_the_phase(
    client, registered_pages, phase
):
    page = make_page("offen", "Kapitel Bildung")
    assert "Kommentar absenden" in client.get(page.url).content.decode()
    phase.ends_at = timezone.now() - timedelta(minutes=1)
    phase.save()
    html = client.get(page.url).content.decode()
    assert "Kommentar absenden" not in html
    assert "„Textphase 2026“" in html and "ist beendet" in html


def test_comments_count_in_the_phase_figures_under_the_registered_group(registered_pages, phase):
    page = make_page("zahlen", "Kapitel Bildung")
    XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(FlatPage),
        object_pk=str(page.pk),
        site_id=1,
        user_name="Anna",
        user_email="anna@example.org",
        comment="Mehr Tablets",
        submit_date=timezone.now(),
    )
    figures = participation_figures(phase)
    assert figures.comments == 1
    [breakdown] = figures.breakdowns
    assert breakdown.group_name == "Seite"
    assert [(r.label, r.comments) for r in breakdown.rows] == [("Kapitel Bildung", 1)]


def test_the_admin_page_gets_the_comment_switches(admin_client, registered_pages):
    page = make_page("admin", "Kapitel Bildung")
    html = admin_client.get(f"/admin/flatpages/flatpage/{page.pk}/change/").content.decode()
    assert "Kommentare geschlossen" in html and "Vorab-Moderation" in html
    assert admin.site.get_model_admin(FlatPage).inlines.count(CommentOptionsInline) == 1
    attach_admin_switches(admin.site)  # a second call adds nothing
    assert admin.site.get_model_admin(FlatPage).inlines.count(CommentOptionsInline) == 1


def test_every_content_model_is_registered_with_switches_in_its_admin():
    from blog.models import Post
    from dialog.models import Theme
    from goals.models import Goal, Paragraph

    for model in (Goal, Paragraph, Theme, Post):
        assert commentable.is_commentable(model), model
        if admin.site.is_registered(model):
            assert CommentOptionsInline in admin.site.get_model_admin(model).inlines, model
