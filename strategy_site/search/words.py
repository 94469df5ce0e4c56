"""Words and their German stems, the same on every database.

The Snowball German stemmer is the algorithm PostgreSQL's "german" text-search
configuration uses, so "Schulen" and "Schule" meet on both databases. The stop
words are the common function words that configuration drops too; a query made
only of them finds nothing rather than everything.
"""

import re
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+", re.UNICODE)

STOP_WORDS = frozenset(
    [
        "aber",
        "alle",
        "allem",
        "allen",
        "aller",
        "alles",
        "als",
        "also",
        "am",
        "an",
        "ander",
        "andere",
        "anderem",
        "anderen",
        "anderer",
        "anderes",
        "auch",
        "auf",
        "aus",
        "bei",
        "bin",
        "bis",
        "bist",
        "da",
        "damit",
        "dann",
        "das",
        "dass",
        "dem",
        "den",
        "der",
        "des",
        "dich",
        "die",
        "dies",
        "diese",
        "dieselbe",
        "diesem",
        "diesen",
        "dieser",
        "dieses",
        "dir",
        "doch",
        "dort",
        "du",
        "durch",
        "ein",
        "eine",
        "einem",
        "einen",
        "einer",
        "eines",
        "er",
        "es",
        "etwas",
        "euch",
        "euer",
        "für",
        "gegen",
        "habe",
        "haben",
        "hat",
        "hatte",
        "hier",
        "hin",
        "hinter",
        "ich",
        "ihm",
        "ihn",
        "ihnen",
        "ihr",
        "ihre",
        "im",
        "in",
        "ist",
        "ja",
        "jede",
        "jedem",
        "jeden",
        "jeder",
        "jedes",
        "kann",
        "kein",
        "keine",
        "man",
        "mich",
        "mir",
        "mit",
        "muss",
        "nach",
        "nicht",
        "nichts",
        "noch",
        "nun",
        "nur",
        "ob",
        "oder",
        "ohne",
        "sehr",
        "sein",
        "seine",
        "sich",
        "sie",
        "sind",
        "so",
        "solche",
        "soll",
        "sondern",
        "über",
        "um",
        "und",
        "uns",
        "unser",
        "unter",
        "viel",
        "vom",
        "von",
        "vor",
        "war",
        "waren",
        "was",
        "weil",
        "welche",
        "wenn",
        "wer",
        "werden",
        "wie",
        "wieder",
        "will",
        "wir",
        "wird",
        "wo",
        "zu",
        "zum",
        "zur",
        "zwar",
        "zwischen",
    ]
)

_stemmer = snowballstemmer.stemmer("german")


def words(text: str) -> list[str]:
    """The words of a text, in order, as written."""
    return WORD.findall(text or "")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The stem of one word; "" for a stop word."""
    lower = word.lower()
    if lower in STOP_WORDS:
        return ""
    return _stemmer.stemWord(lower)


def stems(text: str) -> list[str]:
    """The stems of a text's words in order, stop words left out."""
    return [s for s in (stem(w) for w in words(text)) if s]
