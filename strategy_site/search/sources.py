"""What each kind of public content puts into the search index.

A Source knows its model, which of its objects are public, and what an entry
holds (title, text, version, status). Public means what a visitor without an
account can open: no drafts, no scheduled posts, no hidden comments, no
login-only pages. `still_public()` is applied again at query time where
publicity changes without a save (a scheduled post appears, a comment is hidden).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.db import models
from django.utils import timezone

from blog.models import Post
from dialog.comments import state
from dialog.comments.xtd import XtdComment
from dialog.models import Event, Phase, Statement, Theme
from downloads.models import Document
from goals.ideas.models import Idea
from goals.models import FieldOfAction, Goal, Paragraph
from richtext import one_line

# How much of a PDF's text goes into the index: enough for every word a reader
# would search for in a strategy document, bounded so one upload cannot bloat it.
PDF_PAGES = 200
PDF_CHARACTERS = 200_000


@dataclass(frozen=True)
class Entry:
    title: str
    body: str
    url: str
    version_id: int | None = None
    status: str = ""


@dataclass(frozen=True)
class Source:
    kind: str  # the key in the URL (?art=ziel)
    label: str  # what a visitor reads ("Ziel")
    model: type[models.Model]
    public: Callable[[], models.QuerySet]
    entry: Callable[[models.Model], Entry]
    # Publicity that changes without a save (checked at query time); None: whatever
    # is indexed is public.
    still_public: Callable[[], models.QuerySet] | None = None
    # Whether an object's words may be offered as "Meinten Sie …?" now (never words
    # of a post before it appears or of a comment that may be hidden later).
    suggestible: Callable[[models.Model], bool] = lambda obj: True
    # Off unless the visitor asks for it.
    opt_in: bool = False


def text(html: str) -> str:
    """Plain text of rich text: tags gone, entities read (&lt; is "<", escaped again on output)."""
    return one_line(html)


def _goal(goal: Goal) -> Entry:
    body = " ".join(
        [
            text(goal.description),
            goal.categories,
            goal.ministry,
            f"{goal.field.number} {goal.field.title}",
        ]
    )
    return Entry(
        f"Ziel {goal.number}: {goal.title}",
        body,
        goal.get_absolute_url(),
        goal.version_id,
        goal.current_status.label,
    )


def _field(field: FieldOfAction) -> Entry:
    return Entry(
        f"Handlungsfeld {field.number} {field.title}",
        text(field.introduction),
        f"{field.version.get_absolute_url()}#feld-{field.slug}",
        field.version_id,
    )


def _paragraph(paragraph: Paragraph) -> Entry:
    chapter = paragraph.chapter
    title = (
        paragraph.heading or f"Kapitel {chapter.number} {chapter.title}, Absatz {paragraph.order}"
    )
    return Entry(title, text(paragraph.text), paragraph.get_absolute_url(), chapter.version_id)


def _post(post: Post) -> Entry:
    return Entry(post.title, f"{post.teaser} {text(post.body)}", post.get_absolute_url())


def _theme(theme: Theme) -> Entry:
    return Entry(theme.title, text(theme.introduction), theme.get_absolute_url())


def _phase(phase: Phase) -> Entry:
    return Entry(
        phase.title,
        f"{text(phase.description)} {text(phase.evaluation)}",
        phase.get_absolute_url(),
    )


def _event(event: Event) -> Entry:
    body = " ".join(
        [text(event.description), event.place, text(event.recap), text(event.transcript)]
    )
    return Entry(event.title, body, event.get_absolute_url())


def _document(document: Document) -> Entry:
    return Entry(
        # Format, size and pages beside the title, as on the downloads page.
        f"{document.title} ({document.format_label})",
        f"{document.description} {pdf_text(document.file)}",
        document.get_absolute_url(),
    )


def _page(page: FlatPage) -> Entry:
    return Entry(page.title, text(page.content), page.url)


def _comment(comment: XtdComment) -> Entry:
    target = comment.content_object
    where = str(target) if target is not None else ""
    url = f"{target.get_absolute_url()}#kommentar-{comment.pk}" if target is not None else ""
    # The page it stands under goes into the text, not the title: a comment is not a
    # title hit for words of the goal it answers.
    return Entry(f"Kommentar von {comment.name}", f"{comment.comment} (zu: {where})", url)


def _statement(statement: Statement) -> Entry:
    return Entry(
        f"Stellungnahme {statement.organisation}: {statement.title}",
        f"{statement.text} {pdf_text(statement.pdf)}",
        statement.get_absolute_url(),
    )


def _idea(idea: Idea) -> Entry:
    return Entry(
        f"Idee: {idea.title}",
        f"{idea.text} (von {idea.name}, Handlungsfeld {idea.field.number} {idea.field.title})",
        idea.get_absolute_url(),
    )


def pdf_text(file) -> str:
    """The text of a stored PDF, as far as it has one; "" when it cannot be read."""
    from pypdf import PdfReader

    if not file:
        return ""
    try:
        with file.open("rb") as handle:
            reader = PdfReader(handle)
            parts, size = [], 0
            for page in reader.pages[:PDF_PAGES]:
                part = page.extract_text() or ""
                parts.append(part)
                size += len(part)
                if size >= PDF_CHARACTERS:
                    break
    except Exception:  # a damaged or missing file: index what the editors wrote
        return ""
    return " ".join(" ".join(parts).split())[:PDF_CHARACTERS]


SOURCES = [
    Source(
        "ziel",
        "Ziel",
        Goal,
        lambda: Goal.objects.with_current_status().select_related("field", "version"),
        _goal,
    ),
    Source(
        "handlungsfeld",
        "Handlungsfeld",
        FieldOfAction,
        lambda: FieldOfAction.objects.select_related("version"),
        _field,
    ),
    Source(
        "absatz",
        "Strategietext",
        Paragraph,
        lambda: Paragraph.objects.current().select_related("chapter__version"),
        _paragraph,
    ),
    Source(
        "blog",
        "Blog",
        Post,
        # Scheduled posts too: they appear at their time without a save.
        lambda: Post.objects.filter(status=Post.Status.PUBLISHED),
        _post,
        still_public=lambda: Post.objects.published().values("pk"),
        suggestible=lambda post: post.published_at <= timezone.now(),
    ),
    Source("thema", "Dialogthema", Theme, lambda: Theme.objects.all(), _theme),
    Source("phase", "Beteiligungsphase", Phase, lambda: Phase.objects.all(), _phase),
    Source("veranstaltung", "Veranstaltung", Event, lambda: Event.objects.all(), _event),
    # Published by the moderation through a save, so the index follows without a check
    # at query time.
    Source(
        "stellungnahme",
        "Stellungnahme",
        Statement,
        lambda: Statement.objects.published(),
        _statement,
    ),
    # Ideas too: published and hidden by the moderation through a save.
    Source(
        "idee",
        "Idee",
        Idea,
        lambda: Idea.objects.published().select_related("field"),
        _idea,
    ),
    Source("download", "Download", Document, lambda: Document.objects.all(), _document),
    Source(
        "seite",
        "Seite",
        FlatPage,
        lambda: FlatPage.objects.filter(sites=settings.SITE_ID, registration_required=False),
        _page,
    ),
    Source(
        "kommentar",
        "Kommentar",
        XtdComment,
        # Every comment: moderation shows and hides them without a save.
        lambda: state.comments().prefetch_related("content_object"),
        _comment,
        still_public=lambda: state.comments().visible().values("pk"),
        suggestible=lambda comment: False,
        opt_in=True,
    ),
]
BY_KIND = {s.kind: s for s in SOURCES}
BY_MODEL = {s.model: s for s in SOURCES}
