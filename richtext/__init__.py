"""Sanitising editor HTML: one allow-list for every rich text on the site."""

import re
from html import unescape

import nh3
from django.utils.html import strip_tags

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "caption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang", "lang"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "*": {"lang", "id"},
}


def sanitize_html(html: str) -> str:
    """Return `html` with everything but the allow-list removed.

    Scripts, event handlers, styles, iframes and javascript: links are dropped;
    links get rel="noopener noreferrer" so an editor's link cannot reach back.
    """
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


# Where one block of rich text ends and the next begins; <br> ends a line.
_BLOCK_END = re.compile(
    r"</(?:p|li|h[1-6]|blockquote|dd|dt|figcaption|pre|tr|ul|ol|dl|table|div)\s*>|<hr\s*/?>",
    re.I,
)
_LINE_END = re.compile(r"<br\s*/?>", re.I)
_PARAGRAPHS = re.compile(r"\n\s*\n")
LINE = "\x00"
_AROUND_LINE = re.compile(" ?\x00 ?")


def plain_text(html: str) -> str:
    """Rich text as plain text for every place without HTML (meta descriptions, feeds,
    calendar files, CSV and JSON, the search index): tags gone, entities read, each
    paragraph on its own, separated by a blank line. Stripping the tags alone glues
    paragraphs together ("…abgestimmt.Beispielinhalt:")."""
    text = _LINE_END.sub(LINE, _BLOCK_END.sub("\n\n", html or ""))
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPHS.split(unescape(strip_tags(text))))
    return "\n\n".join(
        _AROUND_LINE.sub("\n", p).strip() for p in paragraphs if p.replace(LINE, "").strip()
    )


def one_line(html: str) -> str:
    """The same on one line (a search index entry, a table cell meant to stay short)."""
    return " ".join(plain_text(html).split())
