"""What a visitor typed, understood: words, "phrases in quotes", -excluded and `oder`.

A query is a list of clauses that must all match; a clause is one or more
alternatives joined by `oder` (or `OR`); each alternative is a word or a phrase.
Excluded terms must not occur. The same parsed query becomes an FTS5 expression
on SQLite and a websearch query on PostgreSQL, so both read it alike.
"""

import re
from dataclasses import dataclass, field

from .words import stem, words

MAX_LENGTH = 200
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
ALTERNATIVE = {"oder", "or"}


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # as typed; more than one: a phrase

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(s for s in (stem(w) for w in self.words) if s)


@dataclass
class Query:
    clauses: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    @property
    def positive_stems(self) -> set[str]:
        return {s for clause in self.clauses for term in clause for s in term.stems}

    def fts5_positive(self) -> str:
        """What must match, as an FTS5 expression over the stemmed columns."""
        return " AND ".join(
            "(" + " OR ".join(_fts5_term(t) for t in clause) + ")" for clause in self.clauses
        )

    def fts5(self) -> str:
        """The whole query as an FTS5 MATCH expression, exclusions included."""
        expression = self.fts5_positive()
        for t in self.excluded:
            expression = f"({expression}) NOT {_fts5_term(t)}"
        return expression

    def websearch(self) -> str:
        """The same query in PostgreSQL's websearch_to_tsquery syntax."""

        def term(t: Term) -> str:
            return '"' + " ".join(t.words) + '"' if len(t.words) > 1 else t.words[0]

        parts = [" or ".join(term(t) for t in clause) for clause in self.clauses]
        parts += ["-" + term(t) for t in self.excluded]
        return " ".join(parts)


def _fts5_term(term: Term) -> str:
    # Stems are \w+ only, so quoting is safe; a quoted run of stems is a phrase.
    return '"' + " ".join(term.stems) + '"'


def parse(raw: str) -> Query:
    """Parse a query; words without a stem (stop words, punctuation) are dropped."""
    query = Query()
    join_next = False
    for match in TOKEN.finditer(raw[:MAX_LENGTH]):
        minus, phrase, plain = match.groups()
        if plain is not None:
            if plain.lower() in ALTERNATIVE:
                join_next = bool(query.clauses)
                continue
            minus = "-" if plain.startswith("-") else ""
            text = plain[1:] if minus else plain
        else:
            text = phrase
        term = Term(tuple(words(text)))
        if not term.stems:
            continue
        if minus:
            query.excluded.append(term)
        elif join_next:
            query.clauses[-1].append(term)
        else:
            query.clauses.append([term])
        join_next = False
    return query
