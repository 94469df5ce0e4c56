"""Numbers from URLs and forms, bounded before they reach the database.

SQLite refuses integers beyond 64 bits (OverflowError) and PostgreSQL's integer
columns end at 2**31 - 1; every primary key and number here is an ordinary
`integer`/`serial`, so anything larger cannot name a row and is treated as
"not found" instead of reaching the database.
"""

from django.urls import register_converter

MAX_ID = 2**31 - 1


def bounded_id(value) -> int | None:
    """A positive id from user input, or None for anything else (text, sign, huge, NUL)."""
    text = str(value if value is not None else "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 10:
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


class IdConverter:
    """`<id:pk>`: like `<int:pk>`, but a number no row can have does not match (404)."""

    regex = "[0-9]{1,10}"

    def to_python(self, value):
        number = bounded_id(value)
        if number is None:
            raise ValueError("out of range")  # Django tries the next pattern, then 404
        return number

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")
