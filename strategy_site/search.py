"""Site search. Each content type contributes results; later apps add theirs here."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.text import Truncator

from blog.models import Post
from dialog.models import Event, Phase, Theme
from downloads.models import Document
from goals.models import Goal

MIN_QUERY_LENGTH = 2
MAX_RESULTS_PER_KIND = 20


@dataclass(frozen=True)
class Result:
    kind: str
    title: str
    url: str
    excerpt: str


def search_pages(query: str) -> list[Result]:
    # A login-only page is not public: neither its title nor an excerpt may show.
    pages = FlatPage.objects.filter(sites=settings.SITE_ID, registration_required=False).filter(
        Q(title__icontains=query) | Q(content__icontains=query)
    )[:MAX_RESULTS_PER_KIND]
    return [
        Result("Seite", p.title, p.url, Truncator(strip_tags(p.content)).words(30)) for p in pages
    ]


def search_goals(query: str) -> list[Result]:
    goals = (
        Goal.objects.with_current_status()
        .select_related("version", "field")
        .filter(
            Q(title__icontains=query)
            | Q(description__icontains=query)
            | Q(categories__icontains=query)
            | Q(ministry__icontains=query)
            | Q(field__title__icontains=query)
        )
        .order_by("-version__is_current", "-version__year", "number")[:MAX_RESULTS_PER_KIND]
    )
    return [
        Result(
            "Ziel",
            f"Ziel {g.number}: {g.title}",
            g.get_absolute_url(),
            f"{g.version.title}, Handlungsfeld {g.field.number} {g.field.title}. "
            f"Stand: {g.current_status.label}. " + Truncator(strip_tags(g.description)).words(25),
        )
        for g in goals
    ]


def search_posts(query: str) -> list[Result]:
    posts = Post.objects.published().filter(
        Q(title__icontains=query) | Q(teaser__icontains=query) | Q(body__icontains=query)
    )[:MAX_RESULTS_PER_KIND]
    return [Result("Blog", p.title, p.get_absolute_url(), p.teaser) for p in posts]


def search_documents(query: str) -> list[Result]:
    documents = Document.objects.filter(
        Q(title__icontains=query) | Q(description__icontains=query)
    ).newest_first()[:MAX_RESULTS_PER_KIND]
    return [
        Result(
            "Download",
            f"{d.title} ({d.format_label})",
            d.get_absolute_url(),
            Truncator(d.description).words(30),
        )
        for d in documents
    ]


def search_dialog(query: str) -> list[Result]:
    """Phases, dialog themes and events whose title or text mention the query."""
    results = []
    for kind, model, fields in (
        ("Beteiligungsphase", Phase, ("title", "description", "evaluation")),
        ("Dialogthema", Theme, ("title", "introduction")),
        ("Veranstaltung", Event, ("title", "description", "recap", "transcript")),
    ):
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": query})
        for obj in model.objects.filter(condition)[:MAX_RESULTS_PER_KIND]:
            text = strip_tags(getattr(obj, fields[1]))
            results.append(
                Result(kind, obj.title, obj.get_absolute_url(), Truncator(text).words(30))
            )
    return results


def search(query: str) -> list[Result]:
    query = query.strip()
    if len(query) < MIN_QUERY_LENGTH:
        return []
    return (
        search_goals(query)
        + search_pages(query)
        + search_posts(query)
        + search_documents(query)
        + search_dialog(query)
    )
