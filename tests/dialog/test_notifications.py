"""Follow-up mails go only to those who asked, in German, with a one-click unsubscribe."""

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
    add_comment(page, "Ich will keine Mails", followup=False)
    mails = confirm_new_comment(
        client, page, outbox, reply_to=str(follower.pk), comment="Hier ist eine Antwort"
    )
    assert [m.to for m in mails] == [[follower.user_email]]
    notice = mails[0]
    assert notice.subject == "Neue Antwort in einer Diskussion, der Sie folgen"
    assert "Hier ist eine Antwort" in notice.body
    assert "Abbestellen mit einem Klick, ohne Anmeldung" in notice.body

    unsubscribe = client.get(link_in(notice, "/kommentare/abbestellen/"))
    assert "Sie erhalten keine E-Mails mehr" in unsubscribe.content.decode()
    follower.refresh_from_db()
    assert follower.followup is False

    later = confirm_new_comment(
        client, page, outbox, comment="Noch ein Kommentar", email="dritte@example.org"
    )
    assert later == []


def test_tampered_unsubscribe_link_changes_nothing(client, page, add_comment, outbox):
    follower = add_comment(page, "Folge ich", followup=True)
    mails = confirm_new_comment(client, page, outbox, comment="Antwort")
    link = link_in(mails[0], "/kommentare/abbestellen/")
    response = client.get(link[:-5] + "AAAA/")
    assert response.status_code == 400
    assert XtdComment.objects.get(pk=follower.pk).followup is True
