"""Blog posts take comments where the editor allows them, once the post is public."""

import pytest
from django.core.cache import cache
from django_comments_xtd.models import XtdComment

from blog.models import Post
from dialog.models import CommentOptions
from tests.dialog.helpers import form_data
from tests.support.links import press_confirm

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def test_reader_comments_on_a_post_after_confirming_by_mail(client, make_post, mailoutbox):
    post = make_post(title="Gewerbe anmelden ohne Behördengang", slug="gewerbe")
    html = client.get("/blog/gewerbe/").content.decode()
    assert "Kommentar schreiben" in html
    client.post(
        "/kommentare/senden/",
        form_data(post, name="Lea Leserin", comment="Hat bei mir gut geklappt."),
    )
    assert XtdComment.objects.count() == 0  # nothing public before the confirmation
    token = mailoutbox[0].body.split("/kommentare/bestaetigen/")[1].split()[0]
    response = press_confirm(client, f"/kommentare/bestaetigen/{token}", follow=True)
    comment = XtdComment.objects.get()
    assert response.redirect_chain[-1][0] == f"/blog/gewerbe/#kommentar-{comment.pk}"
    assert "Hat bei mir gut geklappt." in response.content.decode()


def test_post_with_comments_switched_off_is_read_only_and_refuses_posts(client, make_post):
    post = make_post(slug="ohne")
    CommentOptions.objects.create(
        content_object=post,
        closed=True,
        closed_note="Zu diesem Beitrag sind keine Kommentare vorgesehen.",
    )
    html = client.get("/blog/ohne/").content.decode()
    assert "Zu diesem Beitrag sind keine Kommentare vorgesehen." in html
    assert "Kommentar schreiben" not in html
    response = client.post("/kommentare/senden/", form_data(post, comment="Trotzdem ein Kommentar"))
    assert response.status_code == 403
    assert "Trotzdem ein Kommentar" in response.content.decode()
    assert XtdComment.objects.count() == 0


def test_draft_preview_shows_no_comment_form(client, make_post, editor):
    make_post(slug="entwurf", status=Post.Status.DRAFT)
    client.force_login(editor)
    html = client.get("/blog/entwurf/").content.decode()
    assert "Kommentieren ist möglich, sobald der Beitrag veröffentlicht ist." in html
    assert "Kommentar schreiben" not in html


def test_comment_rule_follows_the_one_definition_of_published(make_post, monkeypatch):
    # Were "published" defined a second time for comments, changing the
    # QuerySet's definition would leave comments open on a post nobody can see.
    from blog import comments, models

    post = Post.objects.get(pk=make_post(slug="sichtbar").pk)
    assert comments.PostCommentRule().is_open(post) is None  # no objection
    monkeypatch.setattr(models, "published_condition", lambda: models.Q(pk__in=[]))
    post = Post.objects.get(pk=post.pk)
    assert comments.PostCommentRule().is_open(post) is False
    assert (
        comments.PostCommentRule().closed_note(post)
        == "Kommentieren ist möglich, sobald der Beitrag veröffentlicht ist."
    )


@pytest.mark.parametrize("which", ["draft", "scheduled"])
def test_comment_post_naming_an_unpublished_post_reveals_nothing(
    client, request, which, mailoutbox
):
    """Trying primary keys in turn must not name a draft or a scheduled post."""
    post = request.getfixturevalue(which)
    response = client.post("/kommentare/senden/", form_data(post, comment="Wer bist du?"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Kommentar konnte nicht zugeordnet werden" in html
    assert post.title not in html and post.get_absolute_url() not in html
    assert "Wer bist du?" in html  # the visitor's text is kept
    assert XtdComment.objects.count() == 0 and mailoutbox == []
