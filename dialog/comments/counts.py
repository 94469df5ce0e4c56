"""Comment counts for any commentable queryset in the same query (no query per object)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast, Coalesce

from dialog.comments.state import comments


def visible_comments():
    """Comments a visitor can read: confirmed, released and not hidden."""
    return comments().visible()


def comment_count_subquery(model, outer_ref: str = "pk") -> Subquery:
    counted = (
        visible_comments()
        .filter(
            content_type=ContentType.objects.get_for_model(model),
            # object_pk is text; PostgreSQL refuses to compare it with an integer.
            object_pk=Cast(OuterRef(outer_ref), CharField()),
        )
        .order_by()
        .values("object_pk")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(counted, output_field=IntegerField())


def annotate_comment_counts(queryset: QuerySet, name: str = "comment_count") -> QuerySet:
    """Add `<name>` (visible comments per object) to every row of a commentable queryset."""
    return queryset.annotate(**{name: Coalesce(comment_count_subquery(queryset.model), 0)})
