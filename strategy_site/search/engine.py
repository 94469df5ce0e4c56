"""One search over everything public: ranked, faceted by kind and version, paginated.

Ranking: title matches first, then entries of the current version (or of no
version) before those of old versions, then the database's relevance score.
A search takes a fixed number of queries however many entries match: the
matching ids with their scores, their kinds and versions, the page's texts,
the number of matching comments when they are not searched, and at most
MAX_SUGGESTED_WORDS look-ups for "Meinten Sie …?".
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.safestring import SafeString

from strategy_site.models import SearchEntry

from . import backends
from .highlight import excerpt, marked
from .query import MAX_LENGTH, Query, parse
from .sources import BY_KIND, SOURCES

PER_PAGE = 20
MAX_SUGGESTED_WORDS = 3


@dataclass(frozen=True)
class Hit:
    kind: str
    title: SafeString
    url: str
    version: str
    old_version: bool
    status: str
    excerpt: SafeString


@dataclass(frozen=True)
class Facet:
    key: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Suggestion:
    word: str
    query: str


@dataclass
class Outcome:
    query: str = ""
    notice: str = ""
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    pages: int = 0
    kinds: list[Facet] = field(default_factory=list)
    versions: list[Facet] = field(default_factory=list)
    comment_hits: int = 0
    suggestions: list[Suggestion] = field(default_factory=list)

    @property
    def first(self) -> int:
        return (self.page - 1) * PER_PAGE + 1

    @property
    def last(self) -> int:
        return self.first + len(self.hits) - 1


def public_entries(opt_in: bool = True, only_opt_in: bool = False):
    """Index entries a visitor may see now (publicity that changes without a save);
    without `opt_in` not those searched only on request (comments), with
    `only_opt_in` only those."""
    condition = Q()
    for source in SOURCES:
        if source.still_public is not None:
            condition &= ~Q(kind=source.kind) | Q(object_id__in=source.still_public())
    entries = SearchEntry.objects.filter(condition)
    opt_in_kinds = [s.kind for s in SOURCES if s.opt_in]
    if only_opt_in:
        return entries.filter(kind__in=opt_in_kinds)
    return entries if opt_in else entries.exclude(kind__in=opt_in_kinds)


def search(raw: str, kind: str = "", version: str = "", page: int = 1, comments=False):
    outcome = Outcome(query=raw.strip()[:MAX_LENGTH])
    if len(raw.strip()) > MAX_LENGTH:
        outcome.notice = (
            f"Ihre Suchanfrage ist länger als {MAX_LENGTH} Zeichen; gesucht wurde mit den "
            f"ersten {MAX_LENGTH}."
        )
    if not outcome.query:
        return outcome
    parsed = parse(outcome.query)
    if parsed.is_empty:
        outcome.notice = (
            "Bitte geben Sie mindestens ein Wort ohne Minuszeichen ein, nach dem wir suchen sollen."
            if parsed.excluded
            else "Ihre Suchanfrage enthält kein Wort, nach dem wir suchen können (nur Satzzeichen "
            "oder sehr häufige Wörter wie „und“). Bitte geben Sie ein Wort ein, etwa „Breitband“."
        )
        return outcome

    found = backends.matches(parsed, public_entries(opt_in=comments))
    meta = {
        row["id"]: row
        for row in SearchEntry.objects.filter(id__in=[m.id for m in found]).values(
            "id", "kind", "version__slug", "version__title", "version__is_current"
        )
    }
    ranked = sorted(
        (m for m in found if m.id in meta),
        key=lambda m: (not m.title_hit, _is_old(meta[m.id]), -m.score, m.id),
    )
    if not comments:
        outcome.comment_hits = backends.count(parsed, public_entries(only_opt_in=True))
    if not ranked:
        outcome.suggestions = _suggestions(parsed, outcome.query)
        return outcome

    kind_counts = Counter(meta[m.id]["kind"] for m in ranked)
    outcome.kinds = [
        Facet(s.kind, s.label, kind_counts[s.kind], s.kind == kind)
        for s in SOURCES
        if kind_counts[s.kind]
    ]
    version_counts = Counter(
        (meta[m.id]["version__slug"], meta[m.id]["version__title"])
        for m in ranked
        if meta[m.id]["version__slug"]
    )
    outcome.versions = [
        Facet(slug, title, count, slug == version)
        for (slug, title), count in sorted(version_counts.items(), key=lambda i: i[0][1])
    ]
    if kind:
        ranked = [m for m in ranked if meta[m.id]["kind"] == kind]
    if version:
        ranked = [m for m in ranked if meta[m.id]["version__slug"] == version]

    outcome.total = len(ranked)
    outcome.pages = max((outcome.total + PER_PAGE - 1) // PER_PAGE, 1)
    outcome.page = min(max(page, 1), outcome.pages)
    page_ids = [m.id for m in ranked[(outcome.page - 1) * PER_PAGE : outcome.page * PER_PAGE]]
    outcome.hits = _hits(page_ids, parsed)
    return outcome


def _is_old(row) -> bool:
    return bool(row["version__slug"]) and not row["version__is_current"]


def _hits(ids: list[int], parsed: Query) -> list[Hit]:
    stems = parsed.positive_stems
    rows = {
        row["id"]: row
        for row in SearchEntry.objects.filter(id__in=ids).values(
            "id", "kind", "title", "body", "url", "status", "version__title", "version__is_current"
        )
    }
    return [
        Hit(
            kind=BY_KIND[row["kind"]].label,
            title=marked(row["title"], stems),
            url=row["url"],
            version=row["version__title"] or "",
            old_version=bool(row["version__title"]) and not row["version__is_current"],
            status=row["status"],
            excerpt=excerpt(row["body"], stems),
        )
        for row in (rows[i] for i in ids if i in rows)
    ]


def _suggestions(parsed: Query, raw: str) -> list[Suggestion]:
    """For each typed word (up to a few), the nearest indexed spelling that finds something a
    visitor may see now, as a new query.

    The word list is only a list of spellings: a word stays in it after the post, page or
    goal it came from was unpublished, hidden, deleted or not yet due. Each candidate is
    therefore checked against the entries public at this moment, so "Meinten Sie" never
    names, or hints at, anything that is not public (a bounded number of counts, and only
    when a query found nothing)."""
    typed = [w for clause in parsed.clauses for term in clause for w in term.words if len(w) >= 4]
    visible = public_entries(opt_in=False)
    suggestions = []
    for word in typed[:MAX_SUGGESTED_WORDS]:
        for similar in backends.similar_words(word):
            if similar.lower() == word.lower():
                continue
            if backends.count(parse(similar), visible):
                suggestions.append(Suggestion(similar, raw.replace(word, similar, 1)))
                break
    return suggestions
