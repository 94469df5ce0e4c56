"""Wording suggestions on the site: the form on a paragraph, the mailed link's button, one
suggestion with its difference, support form and comments, and the lists."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from common import confirmation, posting_guard
from common.csrf import csrf_protect_public_form
from dialog.models import Phase
from dialog.participation.models import is_running

from ..contributions.support_views import SupportPages
from ..text.models import Chapter, Paragraph
from . import listing, support, workflow
from .forms import SuggestionForm, SuggestionReportForm, SupportForm
from .models import Suggestion

PAGE_SIZE = 20


def _paragraph(version, chapter, anchor):
    return get_object_or_404(
        Paragraph.objects.select_related("chapter__version"),
        chapter__version__slug=version,
        chapter__slug=chapter,
        anchor=anchor,
    )


@csrf_protect_public_form
@require_http_methods(["GET", "HEAD", "POST"])
def propose(request, version, chapter, anchor):
    """…/<anchor>/vorschlagen/: the paragraph's wording to edit, then the mailed link."""
    paragraph = _paragraph(version, chapter, anchor)
    phase = workflow.taking_phase(paragraph)
    form = SuggestionForm(request.POST or None, current=workflow.plain_text(paragraph))
    if request.method == "POST" and phase is not None and form.is_valid():
        refused = posting_guard.check(request, "suggestion", recipient=form.cleaned_data["email"])
        if refused:
            form.add_error(refused.field, refused.message)
        else:
            suggestion, token = workflow.submit(paragraph, phase, **form.submission())
            link = request.build_absolute_uri(reverse("goals:suggestion-confirm", args=[token]))
            workflow.send_confirmation(suggestion, link)
            return redirect(reverse("goals:suggestion-sent", args=[version, chapter, anchor]))
    return render(
        request,
        "goals/suggestions/propose.html",
        {
            "paragraph": paragraph,
            "chapter": paragraph.chapter,
            "phase": phase,
            "form": form,
            "closed_note": "" if phase else _closed_note(paragraph),
        },
    )


def _closed_note(paragraph) -> str:
    if paragraph.removed:
        return (
            "Dieser Absatz steht nicht mehr im Strategietext; Vorschläge dazu sind nicht möglich."
        )
    return (
        "Neue Formulierungen lassen sich vorschlagen, solange eine Beteiligungsphase zu dieser "
        "Fassung läuft und der Absatz für Kommentare offen ist. Das ist gerade nicht der Fall; "
        "die bisherigen Vorschläge bleiben lesbar."
    )


@require_safe
def sent(request, version, chapter, anchor):
    paragraph = _paragraph(version, chapter, anchor)
    phase = workflow.taking_phase(paragraph)
    return render(request, "goals/suggestions/sent.html", {"paragraph": paragraph, "phase": phase})


def _confirm_preview(request, token):
    suggestion = workflow.pipeline.lookup(token)
    if suggestion is None or suggestion.status != Suggestion.Status.UNCONFIRMED:
        return _confirmed_page(request, suggestion)
    paragraph = suggestion.paragraph
    return confirmation.Preview(
        title="Formulierungsvorschlag bestätigen",
        intro=f"Ihr Vorschlag für Absatz {paragraph.order} in Kapitel {paragraph.chapter} der "
        f"{paragraph.chapter.version.title}:",
        quote=suggestion.text,
        details=[f"Begründung: {suggestion.reason}"],
        button="Vorschlag bestätigen",
        after=(
            "Danach prüft die Moderation Ihren Vorschlag; er erscheint, sobald sie ihn "
            "freigegeben hat."
            if suggestion.phase.is_pre_moderated
            else "Danach erscheint Ihr Vorschlag sofort unter dem Absatz."
        ),
    )


@confirmation.confirm_by_button(_confirm_preview)
def confirm(request, token):
    suggestion, _ = workflow.pipeline.confirm(token)
    return _confirmed_page(request, suggestion)


def _confirmed_page(request, suggestion):
    if suggestion is None:
        return confirmation.problem(
            request,
            "Dieser Link ist nicht mehr gültig",
            f"Er ist unvollständig oder älter als {confirmation.valid_for().days} Tage; dann "
            "haben wir den Vorschlag gelöscht. Sie können ihn neu einreichen, solange die Phase "
            "läuft.",
            back=("Zum Strategietext", reverse("goals:versions")),
        )
    return render(request, "goals/suggestions/confirmed.html", {"suggestion": suggestion})


def _published(pk):
    return get_object_or_404(
        Suggestion.objects.published()
        .with_counts()
        .select_related("phase", "paragraph__chapter__version", "decision__result_type"),
        pk=pk,
    )


def _is_open(suggestion) -> bool:
    """Supports change while the suggestion's own phase runs (as for ideas)."""
    return is_running(suggestion.phase, timezone.now())


def _detail(request, suggestion, form=None, status=200, supported=False):
    listing.prepare([suggestion])
    decision = getattr(suggestion, "decision", None)
    return render(
        request,
        "goals/suggestions/detail.html",
        {
            "suggestion": suggestion,
            "paragraph": suggestion.paragraph,
            "decision": decision,
            "result": decision.result if decision is not None else None,
            "form": form or SupportForm(),
            "open": _is_open(suggestion),
            "supported": supported,
            "answered": decision is not None,
        },
        status=status,
    )


@require_safe
def detail(request, pk):
    return _detail(request, _published(pk), supported=request.GET.get("unterstuetzt") == "1")


support_pages = SupportPages(
    supports=support.supports,
    published=_published,
    detail=_detail,
    is_open=_is_open,
    url_name="goals:suggestion-support",
    noun="Vorschlag",
    this="diesen Formulierungsvorschlag",
    while_open="solange die Phase läuft",
)
support_suggestion, confirm_support, withdraw_support = support_pages.views(SupportForm)


@csrf_protect_public_form
@require_http_methods(["GET", "HEAD", "POST"])
def report(request, pk):
    """ "Vorschlag melden": anyone, without login, with a reason from the Netiquette."""
    suggestion = _published(pk)
    form = SuggestionReportForm(request.POST or None)
    notice = ""
    if request.method == "POST" and form.is_valid():
        refused = posting_guard.check(request, "report")
        if refused is None:
            workflow.pipeline.report(
                suggestion, form.cleaned_data["reason"], form.cleaned_data["note"]
            )
            return render(request, "goals/suggestions/reported.html", {"suggestion": suggestion})
        notice = refused.message
    return render(
        request,
        "goals/suggestions/report.html",
        {"suggestion": suggestion, "form": form, "notice": notice},
        status=429 if notice else 200,
    )


def _list(request, template, context, queryset):
    sort = request.GET.get("sortierung", "neu")
    sort = sort if sort in listing.SORTS else "neu"
    page = Paginator(listing.sorted_by(queryset, sort), PAGE_SIZE).get_page(
        request.GET.get("seite")
    )
    listing.prepare(page.object_list)
    query = request.GET.copy()
    query.pop("seite", None)
    return render(
        request,
        template,
        {**context, "page": page, "sort": sort, "sorts": listing.SORTS, "query": query.urlencode()},
    )


@require_safe
def chapter_list(request, version, chapter):
    """/strategie/<v>/text/<chapter>/vorschlaege/: the chapter's suggestions."""
    chapter = get_object_or_404(
        Chapter.objects.select_related("version"), version__slug=version, slug=chapter
    )
    return _list(
        request,
        "goals/suggestions/list.html",
        {"chapter": chapter, "heading": f"Formulierungsvorschläge zu Kapitel {chapter}"},
        listing.published().filter(paragraph__chapter=chapter),
    )


@require_safe
def phase_list(request, slug):
    """/dialog/phasen/<slug>/vorschlaege/: the phase's suggestions."""
    phase = get_object_or_404(Phase, slug=slug)
    return _list(
        request,
        "goals/suggestions/list.html",
        {"phase": phase, "heading": f"Formulierungsvorschläge in der Phase „{phase.title}“"},
        listing.published().filter(phase=phase),
    )
