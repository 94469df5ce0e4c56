"""Reply mails go only to authors who asked, in German, with a one-click unsubscribe."""

import pytest
from django_comments_xtd.models import XtdComment

from tests.support.links import press_confirm

from .helpers import form_data, link_in

pytestmark = pytest.mark.django_db


def confirm_new_comment(client, target, outbox, **fields):
    before = len(outbox)
    client.post("/kommentare/senden/", form_data(target, **fields))
    press_confirm(client, link_in(outbox[before], "/kommentare/bestaetigen/"))
    return outbox[before + 1 :]


def test_reply_notifies_followers_only_and_unsubscribe_works_without_login(
    client, target, add_comment, outbox
):
    follower = add_comment(target, "Ich will Antworten", followup=True)
    silent = add_comment(target, "Ich will keine Mails", followup=False, parent=follower)
    add_comment(target, "Anderer Strang, auch mit Wunsch", followup=True)
    mails = confirm_new_comment(
        client, target, outbox, reply_to=str(silent.pk), comment="Hier ist eine Antwort"
    )
    # The author two levels up asked; the direct parent did not; the other thread is not asked.
    assert [m.to for m in mails] == [[follower.user_email]]
    notice = mails[0]
    assert notice.subject == "[Digitalstrategie.NRW] Neue Antwort auf Ihren Kommentar"
    assert "Hier ist eine Antwort" in notice.body
    assert "Abbestellen mit einem Klick, ohne Anmeldung" in notice.body

    unsubscribe = press_confirm(client, link_in(notice, "/kommentare/abbestellen/"))
    assert "Sie erhalten keine E-Mails mehr" in unsubscribe.content.decode()
    follower.refresh_from_db()
    assert follower.followup is False

    later = confirm_new_comment(
        client,
        target,
        outbox,
        reply_to=str(follower.pk),
        comment="Noch eine Antwort",
        email="dritte@example.org",
    )
    assert later == []


def test_a_new_top_level_comment_notifies_nobody(client, target, add_comment, outbox):
    add_comment(target, "Ich will Antworten", followup=True)
    assert confirm_new_comment(client, target, outbox, comment="Eigenes Thema") == []


def test_staff_answer_notifies_the_author_who_asked(client, target, add_comment, outbox, editor):
    question = add_comment(target, "Wann kommt das?", followup=True)
    client.force_login(editor)
    client.post(
        "/kommentare/senden/",
        form_data(target, reply_to=str(question.pk), comment="Im nächsten Jahr."),
        form_page=f"/kommentare/{question.pk}/antworten/",
    )
    assert [m.to for m in outbox] == [[question.user_email]]
    assert "Im nächsten Jahr." in outbox[0].body


def test_tampered_unsubscribe_link_changes_nothing(client, target, add_comment, outbox):
    follower = add_comment(target, "Folge ich", followup=True)
    mails = confirm_new_comment(
        client, target, outbox, comment="Antwort", reply_to=str(follower.pk)
    )
    link = link_in(mails[0], "/kommentare/abbestellen/")
    response = client.get(link[:-5] + "AAAA/")
    assert response.status_code == 400
    assert XtdComment.objects.get(pk=follower.pk).followup is True


def test_unsubscribe_link_opened_by_a_scanner_then_pressed_twice(
    client, target, add_comment, outbox
):
    # Mail scanners often open links before the person does: that opening changes
    # nothing, and pressing the button a second time must not end on "page not found".
    follower = add_comment(target, "Folge ich", followup=True)
    mails = confirm_new_comment(
        client, target, outbox, comment="Antwort", reply_to=str(follower.pk)
    )
    link = link_in(mails[0], "/kommentare/abbestellen/")
    client.get(link)
    assert XtdComment.objects.get(pk=follower.pk).followup is True
    press_confirm(client, link)
    again = client.post(link)
    assert again.status_code == 200
    assert "Sie erhalten keine E-Mails mehr" in again.content.decode()
    assert XtdComment.objects.get(pk=follower.pk).followup is False


def test_tampered_unsubscribe_link_explains_itself_in_german(client, target, add_comment, outbox):
    follower = add_comment(target, "Folge ich", followup=True)
    mails = confirm_new_comment(
        client, target, outbox, comment="Antwort", reply_to=str(follower.pk)
    )
    link = link_in(mails[0], "/kommentare/abbestellen/")
    html = client.get(link[:-5] + "AAAA/").content.decode()
    assert "Dieser Abbestell-Link ist ungültig" in html


def test_unsubscribe_link_is_a_random_token_without_the_address(
    client, target, add_comment, outbox
):
    follower = add_comment(target, "Folge ich", followup=True)
    mails = confirm_new_comment(
        client, target, outbox, comment="Antwort", reply_to=str(follower.pk)
    )
    link = link_in(mails[0], "/kommentare/abbestellen/")
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert len(token) == 43 and follower.user_email.split("@")[0] not in token
    press_confirm(client, link)
    assert XtdComment.objects.get(pk=follower.pk).followup is False
