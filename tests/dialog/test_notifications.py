"""Reply mails go only to authors who asked, in German, with a one-click unsubscribe."""

import pytest
from django_comments_xtd.models import XtdComment

from .conftest import form_data, link_in

pytestmark = pytest.mark.django_db


def confirm_new_comment(client, page, outbox, **fields):
    before = len(outbox)
    client.post("/kommentare/senden/", form_data(page, **fields))
    client.get(link_in(outbox[before], "/kommentare/bestaetigen/"))
    return outbox[before + 1 :]


def test_reply_notifies_followers_only_and_unsubscribe_works_without_login(
    client, page, add_comment, outbox
):
    follower = add_comment(page, "Ich will Antworten", followup=True)
    silent = add_comment(page, "Ich will keine Mails", followup=False, parent=follower)
    add_comment(page, "Anderer Strang, auch mit Wunsch", followup=True)
    mails = confirm_new_comment(
        client, page, outbox, reply_to=str(silent.pk), comment="Hier ist eine Antwort"
    )
    # The author two levels up asked; the direct parent did not; the other thread is not asked.
    assert [m.to for m in mails] == [[follower.user_email]]
    notice = mails[0]
    assert notice.subject == "[Digitalstrategie.NRW] Neue Antwort auf Ihren Kommentar"
    assert "Hier ist eine Antwort" in notice.body
    assert "Abbestellen mit einem Klick, ohne Anmeldung" in notice.body

    unsubscribe = client.get(link_in(notice, "/kommentare/abbestellen/"))
    assert "Sie erhalten keine E-Mails mehr" in unsubscribe.content.decode()
    follower.refresh_from_db()
    assert follower.followup is False

    later = confirm_new_comment(
        client,
        page,
        outbox,
        reply_to=str(follower.pk),
        comment="Noch eine Antwort",
        email="dritte@example.org",
    )
    assert later == []


def test_a_new_top_level_comment_notifies_nobody(client, page, add_comment, outbox):
    add_comment(page, "Ich will Antworten", followup=True)
    assert confirm_new_comment(client, page, outbox, comment="Eigenes Thema") == []


def test_staff_answer_notifies_the_author_who_asked(client, page, add_comment, outbox, editor):
    question = add_comment(page, "Wann kommt das?", followup=True)
    client.force_login(editor)
    client.post(
        "/kommentare/senden/",
        form_data(page, reply_to=str(question.pk), comment="Im nächsten Jahr."),
    )
    assert [m.to for m in outbox] == [[question.user_email]]
    assert "Im nächsten Jahr." in outbox[0].body


def test_tampered_unsubscribe_link_changes_nothing(client, page, add_comment, outbox):
    follower = add_comment(page, "Folge ich", followup=True)
    mails = confirm_new_comment(client, page, outbox, comment="Antwort", reply_to=str(follower.pk))
    link = link_in(mails[0], "/kommentare/abbestellen/")
    response = client.get(link[:-5] + "AAAA/")
    assert response.status_code == 400
    assert XtdComment.objects.get(pk=follower.pk).followup is True
