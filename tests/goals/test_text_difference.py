"""The word-level difference shown for wording suggestions and between versions: applying
the shown edits to the old text gives the new text, for any text."""

import html
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from goals.text.difference import as_html, counts, pieces, tokens

HIDDEN = re.compile(r'<span class="visually-hidden">[^<]*</span>')
DELETED = re.compile(r"<del>(.*?)</del>", re.S)
INSERTED = re.compile(r"<ins>(.*?)</ins>", re.S)

# Words, punctuation, umlauts, emoji, line breaks, and text that looks like markup.
texts = st.lists(
    st.one_of(
        st.sampled_from(["Wort", "Schule", "2025", " ", "\n", "\t", ".", "„", "<b>", "&amp;"]),
        st.text(alphabet=st.characters(), max_size=3),
        st.sampled_from(list("äöüßÄÖÜ🙂–-")),
    ),
    max_size=30,
).map("".join)


def shown_old(markup: str) -> str:
    """What a reader of the difference gets for the old text: all but the insertions."""
    return html.unescape(
        HIDDEN.sub("", INSERTED.sub("", markup)).replace("<del>", "").replace("</del>", "")
    )


def shown_new(markup: str) -> str:
    return html.unescape(
        HIDDEN.sub("", DELETED.sub("", markup)).replace("<ins>", "").replace("</ins>", "")
    )


@settings(max_examples=300, deadline=None)
@given(texts, texts)
@example("Die Schulen werden bis 2025 angebunden.", "Alle Schulen werden bis 2024 angebunden.")
@example("a <b>c</b> &amp;", "a <i>c</i> &lt;")
@example("", "neu")
def test_the_shown_edits_turn_the_old_text_into_the_new_one(old, new):
    markup = as_html(pieces(old, new))
    assert shown_old(markup) == old
    assert shown_new(markup) == new


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_the_edits_stay_exact_when_the_work_is_capped(old, new):
    """Above the cap the changed middle is shown replaced as a whole: still exact."""
    from goals.text import difference

    cap, difference.MAX_WORK = difference.MAX_WORK, 4
    try:
        markup = as_html(pieces(old, new))
    finally:
        difference.MAX_WORK = cap
    assert (shown_old(markup), shown_new(markup)) == (old, new)


def test_a_long_repetitive_text_is_compared_at_once():
    """Measured before the cap: over 60 s for this pair; now the middle is one change."""
    old, new = "ab " * 3000, "ba " * 3000
    found = pieces(old, new)
    assert [(p.kind, len(p.text)) for p in found] == [
        ("deleted", 8999),
        ("inserted", 8999),
        ("equal", 1),  # the final space
    ]


@given(texts)
def test_tokens_lose_nothing(text):
    assert "".join(tokens(text)) == text


def test_changes_are_told_in_words_not_colour_alone():
    markup = as_html(pieces("bis 2025 alle Schulen", "bis 2024 alle Schulen und Hochschulen"))
    assert (
        '<del><span class="visually-hidden">[gestrichen: </span>2025'
        '<span class="visually-hidden">]</span></del>'
    ) in markup
    assert "[eingefügt: </span>2024<span" in markup
    assert "[eingefügt: </span> und Hochschulen<span" in markup
    assert counts(pieces("bis 2025 alle Schulen", "bis 2024 alle Schulen und Hochschulen")) == (
        1,
        3,
    )


def test_a_replaced_phrase_reads_as_one_change():
    found = pieces("Wir prüfen das bald.", "Wir setzen es sofort um.")
    kinds = [p.kind for p in found]
    assert kinds.count("deleted") == 1 and kinds.count("inserted") == 1


def test_the_version_difference_reads_entities_as_the_reader_sees_them():
    """Stored paragraphs escape "&" (an adopted suggestion too); the difference shows "&"."""
    from goals.text.reading import word_diff

    markup = word_diff("<p>Bund &amp; Land</p>", "<p>Bund &amp; Kommunen</p>")
    assert markup.startswith("Bund &amp; ") and "&amp;amp;" not in markup
