"""The confirmation service on its own: each rule gives its outcome, and only PUBLISHED and
WAITING store a comment. The pages for each outcome are tested in test_posting.py."""

import pytest
from django.test import RequestFactory
from django_comments_xtd.models import XtdComment

from dialog.comments import confirmation
from dialog.comments.confirmation import Result
from dialog.models import CommentOptions
from tests.support.links import press_confirm

from .helpers import form_data, link_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def key(client, target, outbox):
    client.post("/kommentare/senden/", form_data(target))
    return link_in(outbox[0], "/kommentare/bestaetigen/").rstrip("/").rsplit("/", 1)[1]


def confirm(key):
    return confirmation.confirm(key, RequestFactory().get("/"))


def test_a_valid_link_publishes_once_then_finds_the_comment(key, target):
    first = confirm(key)
    assert (first.result, first.target) == (Result.PUBLISHED, target)
    assert first.comment.comment == "Mehr Glasfaser auf dem Land, bitte."
    second = confirm(key)
    assert (second.result, second.comment) == (Result.ALREADY_CONFIRMED, first.comment)
    assert XtdComment.objects.count() == 1


def test_an_altered_link_stores_nothing(key):
    assert confirm(key[:-3] + "xyz").result is Result.BROKEN
    assert confirm("").result is Result.BROKEN
    assert XtdComment.objects.count() == 0


def test_a_thread_closed_since_the_mail_keeps_the_text_and_stores_nothing(key, target):
    CommentOptions.objects.create(
        content_object=target, closed=True, closed_note="Die Frist ist vorbei."
    )
    outcome = confirm(key)
    assert outcome.result is Result.CLOSED
    assert outcome.kept_text == "Mehr Glasfaser auf dem Land, bitte."
    assert "Die Frist ist vorbei." in outcome.closed_note
    assert XtdComment.objects.count() == 0
    # Used up: the visitor's data is erased at once, and the link now says it is invalid.
    from dialog.models import PendingComment

    assert not PendingComment.objects.exists()
    assert confirm(key).result is Result.BROKEN


def test_premoderation_switched_on_since_the_mail_stores_the_comment_waiting(key, target):
    CommentOptions.objects.create(content_object=target, premoderated=True)
    outcome = confirm(key)
    assert outcome.result is Result.WAITING
    assert XtdComment.objects.get().pk == outcome.comment.pk
    assert not XtdComment.objects.get().is_public


def test_the_link_carries_a_random_token_and_nothing_of_the_visitor(client, target, outbox):
    import base64
    import contextlib
    import zlib

    from dialog.models import PendingComment

    client.post("/kommentare/senden/", form_data(target), REMOTE_ADDR="203.0.113.77")
    link = link_in(outbox[0], "/kommentare/bestaetigen/")
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert len(token) == 43  # 32 random bytes, URL-safe
    decoded = base64.urlsafe_b64decode(token + "=")
    for secret in (b"paula@example.org", b"Paula", b"Glasfaser", b"203.0.113.77"):
        assert secret not in decoded
        # Not compressed data at all (zlib.error): nothing to read from it either.
        with contextlib.suppress(zlib.error):
            assert secret not in zlib.decompress(decoded)
    # The data waits server-side, found by the token's hash, and is erased once used.
    waiting = PendingComment.objects.get()
    assert waiting.data["user_email"] == "paula@example.org"
    assert token not in waiting.token_hash
    press_confirm(client, link)
    waiting.refresh_from_db()
    assert waiting.data == {} and waiting.comment == XtdComment.objects.get()


def test_a_link_mailed_before_a_key_rotation_still_publishes(client, target, outbox, settings):
    """The operator rotates DJANGO_SECRET_KEY (old key kept in the fallbacks) while
    Paula's confirmation mail waits in her inbox: her link and its button still work."""
    old, new = "alter-schluessel-" + "a" * 40, "neuer-schluessel-" + "b" * 40
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = old, []
    client.post("/kommentare/senden/", form_data(target))
    path = link_in(outbox[0], "/kommentare/bestaetigen/")
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = new, [old]
    press_confirm(client, path)
    assert XtdComment.objects.get().comment == "Mehr Glasfaser auf dem Land, bitte."
    page = client.get(target.get_absolute_url()).content.decode()
    assert "Mehr Glasfaser auf dem Land, bitte." in page
