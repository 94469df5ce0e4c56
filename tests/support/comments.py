"""Many comments fast, for tests of query counts at scale (demo/bulk_comments.py)."""

from demo.bulk_comments import Row, insert


def insert_comments(targets, count, submit_date) -> None:
    """`count` released top-level comments spread over `targets`; `submit_date(n)` dates them."""
    insert(
        [
            Row(
                target=targets[n % len(targets)],
                name=f"Person {n}",
                email=f"p{n}@example.org",
                text=f"Kommentar {n}",
                submit_date=submit_date(n),
            )
            for n in range(count)
        ]
    )
