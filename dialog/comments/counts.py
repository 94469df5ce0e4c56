"""Comment counts for any commentable queryset in the same query (no query per object).

The counts are stored (CommentCount, one row per commented object) and kept
current here: on every comment saved or deleted and on every release or hiding
(`state.visibility_changed`). `rebuild()` counts everything anew (after bulk
inserts or repairs).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save

from dialog.comments.models import CommentCount
from dialog.comments.state import comments, visibility_changed
from dialog.comments.xtd import XtdComment


def visible_comments():
    """Comments a visitor can read: confirmed, released and not hidden."""
    return comments().visible()


def comment_count_subquery(model, outer_ref: str = "pk") -> Subquery:
    counted = CommentCount.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=OuterRef(outer_ref)
    ).values("visible")[:1]
    return Subquery(counted, output_field=IntegerField())


def annotate_comment_counts(queryset: QuerySet, name: str = "comment_count") -> QuerySet:
    """Add `<name>` (visible comments per object) to every row of a commentable queryset."""
    return queryset.annotate(**{name: Coalesce(comment_count_subquery(queryset.model), 0)})


def refresh(targets) -> None:
    """Count the visible comments of these (content type id, object pk) targets anew."""
    by_type: dict[int, set[str]] = {}
    for type_id, pk in targets:
        if str(pk).isdigit():
            by_type.setdefault(type_id, set()).add(str(pk))
    for type_id, pks in by_type.items():
        counted = dict(
            visible_comments()
            .filter(content_type_id=type_id, object_pk__in=pks)
            .values("object_pk")
            .annotate(n=Count("pk"))
            .values_list("object_pk", "n")
        )
        _store(
            [CommentCount(content_type_id=type_id, object_id=int(pk), visible=counted.get(pk, 0))
             for pk in pks]
        )  # fmt: skip


def rebuild() -> int:
    """Every count anew from the comments; returns the number of counted objects."""
    CommentCount.objects.all().delete()
    rows = [
        CommentCount(content_type_id=type_id, object_id=int(pk), visible=n)
        for type_id, pk, n in visible_comments()
        .values("content_type_id", "object_pk")
        .annotate(n=Count("pk"))
        .values_list("content_type_id", "object_pk", "n")
        if pk.isdigit()
    ]
    _store(rows)
    return len(rows)


def _store(rows) -> None:
    CommentCount.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["content_type", "object_id"],
        update_fields=["visible"],
        batch_size=1000,
    )


def _on_comment(sender, instance, raw=False, **kwargs):
    if not raw:  # fixtures bring their counts with them
        refresh([(instance.content_type_id, instance.object_pk)])


def _on_visibility(sender, targets=(), **kwargs):
    refresh(targets)


def connect() -> None:
    post_save.connect(_on_comment, sender=XtdComment, dispatch_uid="comment-counts-save")
    post_delete.connect(_on_comment, sender=XtdComment, dispatch_uid="comment-counts-delete")
    visibility_changed.connect(_on_visibility, dispatch_uid="comment-counts-state")
