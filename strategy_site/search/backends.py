"""The database's full-text search: FTS5 on SQLite, the "german" configuration on PostgreSQL.

Both answer the same question for a parsed query: which index entries match,
how well (higher is better), and whether the title matches. The database keeps
its index current itself through triggers (migration 0004), so nothing here
writes to it.
"""

import difflib
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorField,
    TrigramSimilarity,
)
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Func, Q, Value

from strategy_site.models import SearchWord

from .query import Query

# More candidates than any visitor pages through; facets count within them.
CANDIDATES = 1000
FTS_TABLE = "search_fts"


@dataclass(frozen=True)
class Match:
    id: int
    score: float
    title_hit: bool


def matches(query: Query, entries) -> list[Match]:
    """The entries (a SearchEntry queryset, already narrowed to what is public) that match."""
    if connection.vendor == "postgresql":
        return _postgres(query, entries)
    return _sqlite(query, entries)


def _sqlite(query: Query, entries) -> list[Match]:
    # bm25 is lower for better matches; titles weigh ten times the body. Only
    # constants are formatted into the statement; the query travels as parameters.
    sql = (
        f"SELECT rowid, -bm25({FTS_TABLE}, 10.0, 1.0), "  # noqa: S608
        f"rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) "
        f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
    )
    allowed_sql, allowed_params = entries.values("id").query.sql_with_params()
    # "+rowid": SQLite must not drive the full-text lookup by the allowed ids (one
    # MATCH per id: 9 s at 20,000 entries instead of 20 ms).
    sql = f"{sql} AND +rowid IN ({allowed_sql}) ORDER BY 2 DESC LIMIT {CANDIDATES}"  # noqa: S608
    params = [
        "{stemmed_title} : (" + query.fts5_positive() + ")",
        query.fts5(),
        *allowed_params,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Match(row[0], row[1], bool(row[2])) for row in cursor.fetchall()]


def _postgres(query: Query, entries) -> list[Match]:
    ts_query = SearchQuery(query.websearch(), search_type="websearch", config="german")
    rows = (
        entries.filter(vector=ts_query)
        # The title's part of the stored vector (weight A): no text is parsed again.
        .alias(
            title_vector=Func(
                F("vector"),
                Value("{a}"),
                function="ts_filter",
                output_field=SearchVectorField(),
            )
        )
        .annotate(
            # F(): the stored vector; a plain name would be parsed again by to_tsvector.
            rank=SearchRank(F("vector"), ts_query, weights=[0.1, 0.2, 0.4, 1.0]),
            title_hit=ExpressionWrapper(Q(title_vector=ts_query), output_field=BooleanField()),
        )
        .order_by("-rank")
        .values_list("id", "rank", "title_hit")[:CANDIDATES]
    )
    return [Match(*row) for row in rows]


def count(query: Query, entries) -> int:
    """How many of the entries match (for "N Kommentare enthalten die Suchwörter")."""
    if query.is_empty:  # only stop words or signs (a suggested spelling can be one)
        return 0
    if connection.vendor == "postgresql":
        ts_query = SearchQuery(query.websearch(), search_type="websearch", config="german")
        return entries.filter(vector=ts_query).count()
    allowed_sql, allowed_params = entries.values("id").query.sql_with_params()
    sql = (
        f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "  # noqa: S608
        f"AND +rowid IN ({allowed_sql})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [query.fts5(), *allowed_params])
        return cursor.fetchone()[0]


def similar_words(word: str, limit: int = 5) -> list[str]:
    """Indexed words spelled like `word`: trigram similarity on PostgreSQL, difflib on SQLite."""
    if connection.vendor == "postgresql":
        return list(
            SearchWord.objects.annotate(similarity=TrigramSimilarity("word", word))
            .filter(similarity__gte=0.35)
            .order_by("-similarity", "word")
            .values_list("word", flat=True)[:limit]
        )
    # Words that begin like the typed one: a typo rarely hits the first letter, and the
    # candidates stay few however large the index grows.
    candidates = list(
        SearchWord.objects.filter(word__istartswith=word[:1]).values_list("word", flat=True)
    )
    lowered = {c.lower(): c for c in candidates}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=limit, cutoff=0.75)
    return [lowered[c] for c in close]
