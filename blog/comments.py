"""Blog posts take comments once the post is public; the editor's switches do the rest."""

from dialog.registration import make_commentable


class PostCommentRule:
    """A dialog comment rule: closed until the post is published."""

    def is_open(self, post):
        if not is_public(post):
            return False
        return None  # no objection; the editor's switches decide

    def closed_note(self, post):
        return "Kommentieren ist möglich, sobald der Beitrag veröffentlicht ist."


def is_public(post) -> bool:
    """Whether `post` is published, by the one definition of it (PostQuerySet.published).

    The post page has it annotated already (`visible_to`); elsewhere, e.g. when a
    comment is posted, it is asked once and kept on the object.
    """
    if getattr(post, "is_public", None) is None:
        post.is_public = type(post).objects.published().filter(pk=post.pk).exists()
    return post.is_public


def connect() -> None:
    from .models import Post

    make_commentable(Post, rules=[PostCommentRule()], public=lambda: Post.objects.published())
