"""Commenting a paragraph without JavaScript, open or read-only exactly like goal threads."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from dialog.models import Phase
from goals.models import Chapter
from goals.text import editing
from tests.dialog.helpers import form_data
from tests.support.links import press_confirm

pytestmark = pytest.mark.django_db


def paragraph_in(version, running):
    now = timezone.now()
    start = now - timedelta(days=1) if running else now - timedelta(days=30)
    version.phases.add(
        Phase.objects.create(
            title="Phase",
            slug=f"phase-{running}",
            starts_at=start,
            ends_at=start + timedelta(days=2),
        )
    )
    chapter = Chapter.objects.create(version=version, number="5.1", title="Verwaltung", slug="5-1")
    editing.apply(chapter, "Beispieltext: Verwaltung online.")
    return chapter.paragraphs.get()


def test_paragraph_comment_flow_without_javascript_ends_on_the_paragraph(
    client, version, mailoutbox
):
    paragraph = paragraph_in(version, running=True)
    page = client.get(paragraph.get_absolute_url()).content.decode()
    assert "Kommentar schreiben" in page
    client.post("/kommentare/senden/", form_data(paragraph, comment="Auch für Vereine!"))
    link = mailoutbox[0].body.split("/kommentare/bestaetigen/")[1].split()[0]
    response = press_confirm(client, f"/kommentare/bestaetigen/{link}", follow=True)
    comment = XtdComment.objects.get()
    assert (
        response.redirect_chain[-1][0] == f"{paragraph.get_absolute_url()}#kommentar-{comment.pk}"
    )
    assert "Auch für Vereine!" in response.content.decode()
    chapter_page = client.get(paragraph.chapter.get_absolute_url()).content.decode()
    assert "Kommentare (1)" in chapter_page


def test_paragraph_thread_is_read_only_after_the_phase_and_refuses_a_post(client, version):
    paragraph = paragraph_in(version, running=False)
    page = client.get(paragraph.get_absolute_url()).content.decode()
    assert "Kommentar schreiben" not in page
    client.post("/kommentare/senden/", form_data(paragraph, comment="Zu spät"))
    assert not XtdComment.objects.exists()


def test_phase_page_breaks_comments_down_by_chapter(client, version):
    paragraph = paragraph_in(version, running=True)
    from .test_goal_comments import comment_on

    comment_on(paragraph, "a", n=1)
    comment_on(paragraph, "b", n=2)
    XtdComment.objects.update(submit_date=timezone.now())  # within the running phase
    phase = version.phases.get()
    page = client.get(f"/dialog/phasen/{phase.slug}/").content.decode()
    table = page.split("<caption>Kommentare nach Kapitel</caption>")[1].split("</table>")[0]
    assert '<th scope="row">5.1 Verwaltung</th><td>2</td><td>2</td>' in table
