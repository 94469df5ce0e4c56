"""Many comments fast, for tests of query counts at scale."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django_comments.models import Comment

from dialog.comments.xtd import XtdComment


def insert_comments(targets, count, submit_date) -> None:
    """`count` released top-level comments spread over `targets`; `submit_date(n)` dates them.

    XtdComment extends django_comments' Comment (two tables), which bulk_create
    cannot fill: the parent rows go in with bulk_create, the thread rows with one
    executemany.
    """
    ct = ContentType.objects.get_for_model(targets[0])
    base = Comment.objects.bulk_create(
        Comment(
            content_type=ct,
            object_pk=str(targets[n % len(targets)].pk),
            site_id=1,
            user_name=f"Person {n}",
            user_email=f"p{n}@example.org",
            comment=f"Kommentar {n}",
            submit_date=submit_date(n),
            is_public=True,
        )
        for n in range(count)
    )
    if base[0].pk is None:  # a backend without RETURNING: read the keys back
        base = list(Comment.objects.filter(content_type=ct).order_by("pk"))
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
        cursor.executemany(sql, [(c.pk, c.pk, c.pk, 0, 1, False, 0) for c in base])
