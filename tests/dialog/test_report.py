"""Melden: anyone reports a comment with a Netiquette reason, without login."""

import pytest
from django.contrib.auth.models import Group

from dialog.models import CommentReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(target, add_comment):
    return add_comment(target, "Ein grenzwertiger Kommentar", name="Karl")


def test_every_comment_has_a_visible_report_link(client, target, comment):
    html = client.get(target.get_absolute_url()).content.decode()
    assert (
        f'<a href="/kommentare/{comment.pk}/melden/">Melden<span class="visually-hidden">' in html
    )


def test_anonymous_report_is_stored_and_mailed_to_moderators(
    client, comment, moderator, outbox, django_capture_on_commit_callbacks
):
    form = client.get(f"/kommentare/{comment.pk}/melden/").content.decode()
    assert "Beleidigung oder persönlicher Angriff" in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/kommentare/{comment.pk}/melden/",
            {"reason": "beleidigung", "note": "Persönlicher Angriff auf Anna"},
            follow=True,
        )
    assert "Danke für Ihre Meldung" in response.content.decode()
    report = CommentReport.objects.get()
    assert (report.comment_id, report.reason, report.status) == (
        comment.pk,
        "beleidigung",
        "offen",
    )
    assert [m.to for m in outbox] == [[moderator.email]]
    assert "Kommentar gemeldet: Beleidigung oder persönlicher Angriff" in outbox[0].subject
    assert "Persönlicher Angriff auf Anna" in outbox[0].body
    assert "/admin/dialog/reportedcomment/" in outbox[0].body


def test_report_without_reason_is_explained_and_note_kept(client, comment):
    response = client.post(f"/kommentare/{comment.pk}/melden/", {"note": "Siehe zweiter Satz"})
    html = response.content.decode()
    assert "Bitte wählen Sie einen Grund aus." in html.split('id="id_reason_error"')[1]
    assert "Siehe zweiter Satz</textarea>" in html
    assert CommentReport.objects.count() == 0


def test_report_rate_limit(client, comment, settings):
    for _ in range(10):
        client.post(f"/kommentare/{comment.pk}/melden/", {"reason": "werbung"})
    response = client.post(f"/kommentare/{comment.pk}/melden/", {"reason": "werbung"})
    assert response.status_code == 429
    assert "in den letzten 10 Minuten schon 10 Meldungen" in response.content.decode()
    assert CommentReport.objects.count() == 10


def test_moderation_group_exists_for_recipients():
    assert Group.objects.filter(name="Moderation").exists()
