"""Many comments fast, threaded as the comment package threads them: for the large
bench data set and for tests of query counts at scale.

XtdComment extends django_comments' Comment (two tables), which bulk_create
cannot fill: the parent rows go in with bulk_create, the thread rows with one
executemany. Rows are released (visible) comments.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from dialog.comments import counts, state
from dialog.comments.xtd import XtdComment

# The package's base model (django_comments' Comment), reached through XtdComment:
# only dialog/comments/xtd.py imports the package.
Comment = XtdComment._meta.get_field("comment_ptr").remote_field.model


@dataclass(frozen=True)
class Row:
    target: object  # the commented object
    name: str
    email: str
    text: str
    submit_date: object
    parent: int | None = None  # index of the parent row in the same call


def insert(rows: list[Row]) -> list[int]:
    """Insert the rows (parents before their replies); returns their primary keys."""
    if not rows:
        return []
    types = {type(r.target): ContentType.objects.get_for_model(r.target) for r in rows}
    base = Comment.objects.bulk_create(
        [
            Comment(
                **state.visible_fields(
                    content_type=types[type(r.target)],
                    object_pk=str(r.target.pk),
                    site_id=1,
                    user_name=r.name,
                    user_email=r.email,
                    comment=r.text,
                    submit_date=r.submit_date,
                )
            )
            for r in rows
        ],
        batch_size=2000,
    )
    if base[0].pk is None:  # a backend without RETURNING: read the keys back
        base = list(Comment.objects.order_by("-pk")[: len(rows)])[::-1]
    pks = [c.pk for c in base]

    thread, level, order, nested = {}, {}, {}, [0] * len(rows)
    next_order: dict[int, int] = {}
    for i, row in enumerate(rows):
        if row.parent is None:
            thread[i], level[i] = i, 0
        else:
            thread[i], level[i] = thread[row.parent], level[row.parent] + 1
            ancestor = row.parent
            while ancestor is not None:
                nested[ancestor] += 1
                ancestor = rows[ancestor].parent
        root = thread[i]
        next_order[root] = next_order.get(root, 0) + 1
        order[i] = next_order[root]

    quote = connection.ops.quote_name
    columns = [
        "comment_ptr_id",
        "thread_id",
        "parent_id",
        "level",
        "order",
        "followup",
        "nested_count",
    ]
    table, names = quote(XtdComment._meta.db_table), ", ".join(quote(c) for c in columns)
    values = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({names}) VALUES ({values})"  # noqa: S608 (our quoted names)
    with connection.cursor() as cursor:
        cursor.executemany(
            sql,
            [
                (
                    pks[i],
                    pks[thread[i]],
                    pks[row.parent] if row.parent is not None else pks[i],
                    level[i],
                    order[i],
                    False,
                    nested[i],
                )
                for i, row in enumerate(rows)
            ],
        )
    # Bulk inserts send no signals: the stored counts learn of the new comments here.
    counts.refresh({(types[type(r.target)].pk, str(r.target.pk)) for r in rows})
    return pks
