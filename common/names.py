"""Names that would pass a citizen off as the government or the site's staff.

A plain pattern is easy to dodge: "Landes\u00adregierung" (soft hyphen),
"Landesreg\u0456erung" (Cyrillic і), "Re\u200bdaktion" (zero-width space),
"Landes regierung", "Digitalstrategie NRW". Names are therefore compared by
their *skeleton*, in the spirit of Unicode TS #39: NFKC, without format and
combining characters, case-folded, lookalike letters folded to one Latin
letter, and without spaces, punctuation and digits that only separate.
The reserved words are reduced the same way, so both sides agree.
"""

import unicodedata

# Lookalikes of Latin letters (Cyrillic, Greek, Latin variants, digits and signs
# used as letters), after case folding. Not the whole TS #39 table: the letters
# of the reserved words and their usual disguises.
_CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "һ": "h",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "ѕ": "s",
        "т": "t",
        "у": "y",
        "х": "x",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "ɡ": "g",
        "п": "n",
        "г": "r",
        # Greek
        "α": "a",
        "β": "b",
        "ε": "e",
        "η": "n",
        "ι": "i",
        "κ": "k",
        "μ": "u",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ω": "w",
        # Latin variants and digits or signs written for letters
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "ß": "ss",
        "0": "o",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "$": "s",
        "@": "a",
        # "l", "1", "|" and "!" look like "i" (and like each other): one letter for all.
        "l": "i",
        "1": "i",
        "|": "i",
        "!": "i",
    }
)

RESERVED_WORDS = (
    "Landesregierung",
    "Ministerium",
    "Minister",
    "MWIDE",
    "Staatskanzlei",
    "Redaktion",
    "Moderation",
    "Digitalstrategie.NRW",
    "Digitalstrategie NRW",
)


def skeleton(text: str) -> str:
    """The letters a reader sees, reduced so that disguised spellings compare equal."""
    text = unicodedata.normalize("NFKC", text)
    # Decompose so accents are separate marks, then drop marks and invisible format chars.
    text = unicodedata.normalize("NFD", text.casefold())
    kept = "".join(ch for ch in text if unicodedata.category(ch) not in {"Mn", "Me", "Cf", "Cc"})
    folded = kept.translate(_CONFUSABLES)
    return "".join(ch for ch in folded if ch.isalpha())


_RESERVED_SKELETONS = tuple(dict.fromkeys(skeleton(word) for word in RESERVED_WORDS))


def is_reserved_name(name: str) -> bool:
    """Whether `name`, however disguised, contains a name reserved for staff."""
    reduced = skeleton(name)
    return any(word in reduced for word in _RESERVED_SKELETONS)
