"""Blog posts take comments where the editor allows it and once the post is public."""

from django.utils import timezone

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
    return post.status == post.Status.PUBLISHED and post.published_at <= timezone.now()


def policy() -> CommentPolicy:
    return CommentPolicy(rules=[PostCommentRule()])
