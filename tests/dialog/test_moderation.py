"""Moderation in the admin: queues, approve, hide with reason, unfounded reports; by group."""

import pytest
from django.conf import settings
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django_comments_xtd.models import XtdComment

from dialog.comments import moderation
from dialog.comments.netiquette import NetiquetteReason
from dialog.models import CommentReport

pytestmark = pytest.mark.django_db

QUEUES = {
    "waiting": "/admin/dialog/waitingcomment/",
    "reported": "/admin/dialog/reportedcomment/",
    "all": "/admin/django_comments_xtd/xtdcomment/",
}


def run_action(client, url, action, comments, **extra):
    return client.post(
        url,
        {"action": action, ACTION_CHECKBOX_NAME: [c.pk for c in comments], **extra},
    )


def test_moderator_sees_waiting_queue_with_only_waiting_comments(
    client, moderator, target, add_comment
):
    add_comment(target, "Wartet auf Freigabe", is_public=False)
    add_comment(target, "Schon sichtbar")
    client.force_login(moderator)
    html = client.get(QUEUES["waiting"]).content.decode()
    assert "Wartet auf Freigabe" in html
    assert "Schon sichtbar" not in html


def test_moderator_sees_reported_queue(client, moderator, target, add_comment):
    reported = add_comment(target, "Gemeldeter Text")
    add_comment(target, "Harmloser Text")
    moderation.report(reported, NetiquetteReason.SPAM)
    client.force_login(moderator)
    html = client.get(QUEUES["reported"]).content.decode()
    assert "Gemeldeter Text" in html
    assert "Harmloser Text" not in html


@pytest.mark.parametrize("queue", ["waiting", "reported", "all"])
def test_editor_and_outsider_cannot_open_the_queues(client, editor, outsider, queue):
    client.force_login(editor)
    refused = client.get(QUEUES[queue])
    assert refused.status_code == 403
    assert "Warteschlange" not in refused.content.decode()
    client.force_login(outsider)  # no staff account: sent to the admin login
    assert client.get(QUEUES[queue])["Location"].startswith("/admin/login/")


def test_moderator_approves_waiting_comments_in_bulk(
    client, moderator, target, add_comment, outbox, django_capture_on_commit_callbacks
):
    follower = add_comment(target, "Ich folge", followup=True)
    waiting = [
        add_comment(target, f"Wartend {n}", is_public=False, parent=follower) for n in range(3)
    ]
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        run_action(client, QUEUES["waiting"], "approve", waiting[:2])
    # The author answered hears of released replies only now, once per reply.
    assert [m.to for m in outbox] == [[follower.user_email]] * 2
    public = set(XtdComment.objects.filter(is_public=True).values_list("comment", flat=True))
    assert public == {"Ich folge", "Wartend 0", "Wartend 1"}
    html = client.get(target.get_absolute_url()).content.decode()
    assert "Wartend 0" in html and "Wartend 2" not in html


def test_hide_asks_for_a_reason_then_hides_and_mails_the_author(
    client, moderator, target, add_comment, outbox, django_capture_on_commit_callbacks
):
    comment = add_comment(target, "Kauft meine Pillen", name="Spamer")
    moderation.report(comment, NetiquetteReason.SPAM, "Werbung")
    outbox.clear()
    client.force_login(moderator)
    ask = run_action(client, QUEUES["reported"], "hide", [comment])
    assert "Kommentare verbergen" in ask.content.decode()
    assert XtdComment.objects.get().is_removed is False

    with django_capture_on_commit_callbacks(execute=True):
        run_action(client, QUEUES["reported"], "hide", [comment], apply="1", reason="werbung")
    comment.refresh_from_db()
    assert comment.is_removed is True
    assert comment.moderation.hidden_reason == "werbung"
    assert CommentReport.objects.get().status == CommentReport.Status.UPHELD
    assert len(outbox) == 1
    assert outbox[0].to == [comment.user_email]
    assert "Grund: Werbung oder Spam" in outbox[0].body
    assert "Kauft meine Pillen" in outbox[0].body
    assert "Guten Tag Spamer," in outbox[0].body
    # The author may contest the decision by replying: the reply reaches the editors.
    assert outbox[0].message()["Reply-To"] == settings.COMMENTS_XTD_CONTACT_EMAIL
    # Nothing is deleted; the queue of reported comments is empty now.
    assert XtdComment.objects.count() == 1
    assert "Kauft meine Pillen" not in client.get(QUEUES["reported"]).content.decode()


def test_marking_reports_unfounded_keeps_the_comment(client, moderator, target, add_comment):
    comment = add_comment(target, "Unbequem, aber erlaubt")
    moderation.report(comment, NetiquetteReason.OFF_TOPIC)
    moderation.report(comment, NetiquetteReason.INSULT)
    client.force_login(moderator)
    run_action(client, QUEUES["reported"], "dismiss_reports", [comment])
    assert set(CommentReport.objects.values_list("status", flat=True)) == {"unbegruendet"}
    comment.refresh_from_db()
    assert (comment.is_public, comment.is_removed) == (True, False)
    assert "Unbequem, aber erlaubt" in client.get(target.get_absolute_url()).content.decode()


def test_reapproving_a_parent_does_not_republish_a_reply_hidden_on_its_own(
    target, add_comment, moderator
):
    parent = add_comment(target, "Eltern")
    child = add_comment(target, "Kind, selbst verborgen", parent=parent)
    sibling = add_comment(target, "Kind, sichtbar", parent=parent)
    moderation.hide([child], NetiquetteReason.INSULT, moderator)
    moderation.hide([parent], NetiquetteReason.OFF_TOPIC, moderator)
    sibling.refresh_from_db()
    assert sibling.is_removed is False  # hiding a parent leaves its replies alone
    moderation.approve(XtdComment.objects.filter(pk=parent.pk), moderator)
    parent.refresh_from_db()
    child.refresh_from_db()
    assert (parent.is_removed, child.is_removed) == (False, True)


def test_nobody_can_delete_comments_in_the_admin(client, admin_user, target, add_comment):
    comment = add_comment(target, "Bleibt")
    client.force_login(admin_user)
    response = client.post_holding_a_token(
        f"/admin/django_comments_xtd/xtdcomment/{comment.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403
    assert XtdComment.objects.filter(pk=comment.pk).exists()


def test_change_page_shows_reports_read_only(client, moderator, target, add_comment):
    comment = add_comment(target, "Mit Meldung")
    moderation.report(comment, NetiquetteReason.PRIVACY, "nennt Adresse")
    client.force_login(moderator)
    html = client.get(f"/admin/dialog/reportedcomment/{comment.pk}/change/").content.decode()
    assert "Persönliche Daten anderer Menschen" in html
    assert "nennt Adresse" in html


@pytest.mark.parametrize("queue", ["all", "reported"])
def test_change_page_is_read_only_so_saving_cannot_unpublish_replies(
    client, moderator, target, add_comment, queue
):
    # Saving a comment runs the package's pre_save handler, which sets every
    # reply's is_public from its parent: a hidden parent would take its
    # replies with it. The change page is for reading; decisions are actions.
    parent = add_comment(target, "Verborgener Elternkommentar")
    reply = add_comment(target, "Antwort bleibt sichtbar", parent=parent)
    moderation.report(parent, NetiquetteReason.INSULT)
    moderation.hide([parent], NetiquetteReason.INSULT, moderator)
    moderation.report(parent, NetiquetteReason.INSULT)
    client.force_login(moderator)
    url = f"{QUEUES[queue]}{parent.pk}/change/"
    page = client.get(url).content.decode()
    assert "Verborgener Elternkommentar" in page
    assert 'name="_save"' not in page
    # Everything a browser would send from the form as it was before the fix.
    response = client.post(
        url,
        {
            "_save": "Sichern",
            "reports-TOTAL_FORMS": "2",
            "reports-INITIAL_FORMS": "2",
            "reports-MIN_NUM_FORMS": "0",
            "reports-MAX_NUM_FORMS": "1000",
            **{f"reports-{n}-id": str(r.pk) for n, r in enumerate(parent.reports.all())},
            **{f"reports-{n}-comment": str(parent.pk) for n in range(2)},
        },
    )
    assert response.status_code == 403
    reply.refresh_from_db()
    assert (reply.is_public, reply.is_removed) == (True, False)
    assert "Antwort bleibt sichtbar" in client.get(target.get_absolute_url()).content.decode()
