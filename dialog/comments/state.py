"""Comment state: the one module that reads and writes the package's two flags.

django-comments-xtd keeps state in `is_public` and `is_removed`; we give them
our meaning here and nowhere else (tests/dialog/test_xtd_boundary.py checks it):

- waiting: confirmed but not yet released by the moderation (not is_public),
- visible: released and not hidden, what a visitor can read,
- hidden: removed by the moderation (is_removed), never deleted, so its
  replies stay visible under a placeholder,
- released: visible or hidden, what a thread shows (hidden ones as placeholders),
- reported: has an open report ("Melden").

`comments()` starts a query over all comments of this site, or narrows a
queryset someone else built (the admin's) to this API; the QuerySet methods
filter, the `is_*` functions answer the same questions for one loaded comment.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.dispatch import Signal

from dialog.comments.xtd import XtdComment

VISIBLE = models.Q(is_public=True, is_removed=False)
WAITING = models.Q(is_public=False, is_removed=False)
HIDDEN = models.Q(is_removed=True)
RELEASED = models.Q(is_public=True)
# The columns a state check reads, for `.only()` on narrow queries.
STATE_FIELDS = ("is_public", "is_removed")

# Sent after comments were released or hidden, with the (content type id, object pk)
# of the objects they stand under. Those changes are updates, not saves, so nobody
# listening for saves (counts, page caches, search) would hear of them otherwise.
visibility_changed = Signal()


class CommentQuerySet(models.QuerySet):
    def visible(self):
        """What a visitor can read: released and not hidden."""
        return self.filter(VISIBLE)

    def waiting(self):
        """Confirmed, waiting for the moderation to release it."""
        return self.filter(WAITING)

    def hidden(self):
        return self.filter(HIDDEN)

    def released(self):
        """Released, hidden ones included: threads show those as placeholders."""
        return self.filter(RELEASED)

    def reported(self):
        """With at least one open report."""
        from dialog.comments.models import CommentReport

        return self.filter(reports__status=CommentReport.Status.OPEN).distinct()

    def on(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk)
        )

    def on_model(self, model):
        return self.filter(content_type=ContentType.objects.get_for_model(model))

    # State changes go through update() on purpose: the package's pre_save
    # handler would otherwise set is_public on the whole subtree of a comment.
    def release(self) -> int:
        targets = self._targets()
        return self._changed(self.update(is_public=True, is_removed=False), targets)

    def hide(self) -> int:
        targets = self._targets()
        return self._changed(self.update(is_removed=True), targets)

    def withhold(self) -> int:
        """Back to waiting for the moderation (a correction in a pre-moderated thread)."""
        targets = self._targets()
        return self._changed(self.update(is_public=False, is_removed=False), targets)

    def _targets(self) -> list[tuple[int, str]]:
        # Read before the update: afterwards a filter on the state may no longer match.
        return list(self.order_by().values_list("content_type_id", "object_pk").distinct())

    def _changed(self, count: int, targets) -> int:
        if count:
            visibility_changed.send(sender=XtdComment, count=count, targets=targets)
        return count


def comments(queryset=None) -> CommentQuerySet:
    """Comments of this site with the state API.

    Without an argument: all of them, without the package's related-object
    joins. With a queryset of comments (e.g. the admin's): the same rows,
    narrowed by what that queryset already says.
    """
    if queryset is None:
        return CommentQuerySet(XtdComment).filter(site_id=settings.SITE_ID)
    if isinstance(queryset, CommentQuerySet):
        return queryset
    return CommentQuerySet(model=queryset.model, query=queryset.query.chain(), using=queryset.db)


def is_visible(comment) -> bool:
    return comment.is_public and not comment.is_removed


def is_waiting(comment) -> bool:
    return not comment.is_public and not comment.is_removed


def is_hidden(comment) -> bool:
    return comment.is_removed


def is_released(comment) -> bool:
    return comment.is_public


def set_released(comment, released: bool) -> None:
    """Before a new comment is stored: released at once, or waiting for the moderation."""
    comment.is_public = released


def visible_fields(**values) -> dict:
    """Field values for creating a comment that is visible at once (demo content, imports)."""
    return {"is_public": True, "is_removed": False, **values}
