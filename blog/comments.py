"""Blog posts take comments where the editor allows it and once the post is public."""

from dialog.commentable import CommentPolicy


class PostCommentRule:
    """A dialog comment rule: closed when switched off or not yet published."""

    def is_open(self, post):
        if not post.comments_enabled or not is_public(post):
            return False
        return None  # no objection; other switches decide

    def closed_note(self, post):
        if not post.comments_enabled:
            return "Zu diesem Beitrag sind keine Kommentare vorgesehen. Zu den Zielen der Strategie können Sie auf deren Seiten mitdiskutieren."
        return "Kommentieren ist möglich, sobald der Beitrag veröffentlicht ist."


def is_public(post) -> bool:
    """Whether `post` is published, by the one definition of it (PostQuerySet.published).

    The post page has it annotated already (`visible_to`); elsewhere, e.g. when a
    comment is posted, it is asked once and kept on the object.
    """
    if getattr(post, "is_public", None) is None:
        post.is_public = type(post).objects.published().filter(pk=post.pk).exists()
    return post.is_public


def policy() -> CommentPolicy:
    return CommentPolicy(rules=[PostCommentRule()])
