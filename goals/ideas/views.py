"""Ideas on the site: a phase's list and form, the mailed links' buttons, one idea with its
support form and comments."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from common import confirmation, posting_guard
from common.csrf import csrf_protect_public_form

from .. import models as goal_models
from ..contributions.support_views import SupportPages
from . import listing, support, workflow
from .forms import IdeaForm, IdeaReportForm, SupportForm
from .models import Idea

PAGE_SIZE = 20


def _fields_of(phase):
    return list(
        goal_models.FieldOfAction.objects.filter(version__phases=phase)
        .select_related("version")
        .order_by("-version__year", "position", "number")
    )


@require_safe
def idea_list(request, slug):
    """/dialog/phasen/<slug>/ideen/: the published ideas, filtered, sorted, paginated."""
    phase = listing.phase_with_ideas(slug)
    fields = _fields_of(phase)
    themes = list(phase.themes.order_by("position", "title"))
    field = {str(f.pk): f for f in fields}.get(request.GET.get("handlungsfeld", ""))
    theme = {str(t.pk): t for t in themes}.get(request.GET.get("thema", ""))
    status = request.GET.get("status", "")
    sort = request.GET.get("sortierung", "neu")
    sort = sort if sort in listing.SORTS else "neu"
    now = timezone.now()
    found = listing.ideas(
        phase,
        field=field,
        theme=theme,
        status=status,
        sort=sort,
        today=timezone.localdate(now),
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("seite"))
    for idea in page.object_list:
        idea.public_status = listing.public_status(idea)
    query = request.GET.copy()
    query.pop("seite", None)
    return render(
        request,
        "goals/ideas/list.html",
        {
            "phase": phase,
            "page": page,
            "fields": fields,
            "themes": themes,
            "chosen": {"field": field, "theme": theme, "status": status, "sort": sort},
            "sorts": listing.SORTS,
            "statuses": listing.STATUSES,
            "open": phase.takes_ideas(now),
            "upcoming": phase.ideas_allowed and phase.starts_at > now,
            "query": query.urlencode(),
        },
    )


@csrf_protect_public_form
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request, slug):
    """/dialog/phasen/<slug>/ideen/einreichen/: the form, then the mailed link."""
    phase = listing.phase_with_ideas(slug)
    now = timezone.now()
    open_now = phase.takes_ideas(now)
    fields = _fields_of(phase)
    goals = goal_models.Goal.objects.filter(field__in=fields).order_by("field__version", "number")
    form = IdeaForm(
        request.POST or None,
        fields_of_action=fields,
        goals=list(goals),
        chapters=list(
            goal_models.Chapter.objects.filter(version__phases=phase).order_by("order", "pk")
        ),
        themes=list(phase.themes.filter(ideas_allowed=True).order_by("position", "title")),
        initial={"theme": request.GET.get("thema", "")},
    )
    if request.method == "POST" and open_now and form.is_valid():
        refused = posting_guard.check(request, "idea", recipient=form.cleaned_data["email"])
        if refused:
            form.add_error(refused.field, refused.message)
        else:
            idea, token = workflow.submit(phase, **form.submission())
            link = request.build_absolute_uri(reverse("goals:idea-confirm", args=[token]))
            workflow.send_confirmation(idea, link)
            return redirect(reverse("goals:idea-sent", args=[phase.slug]))
    return render(
        request,
        "goals/ideas/submit.html",
        {"phase": phase, "form": form, "open": open_now},
    )


@require_safe
def sent(request, slug):
    phase = listing.phase_with_ideas(slug)
    return render(request, "goals/ideas/sent.html", {"phase": phase})


def _confirm_preview(request, token):
    idea = workflow.lookup(token)
    if idea is None or idea.status != Idea.Status.UNCONFIRMED:
        return _confirmed_page(request, idea)
    return confirmation.Preview(
        title="Idee bestätigen",
        intro=f"Ihre Idee in der Phase „{idea.phase.title}“, Handlungsfeld "
        f"{idea.field.number} {idea.field.title}:",
        details=[idea.title],
        quote=idea.text,
        button="Idee bestätigen",
        after=(
            "Danach prüft die Moderation Ihre Idee; sie erscheint, sobald sie freigegeben ist."
            if idea.phase.is_pre_moderated
            else "Danach erscheint Ihre Idee sofort."
        ),
    )


@confirmation.confirm_by_button(_confirm_preview)
def confirm(request, token):
    idea, _ = workflow.confirm(token)
    return _confirmed_page(request, idea)


def _confirmed_page(request, idea):
    if idea is None:
        return confirmation.problem(
            request,
            "Dieser Link ist nicht mehr gültig",
            f"Er ist unvollständig oder älter als {confirmation.valid_for().days} Tage; dann "
            "haben wir die Idee gelöscht. Sie können sie neu einreichen, solange die Phase läuft.",
            back=("Zum Dialog", reverse("dialog:phases")),
        )
    return render(request, "goals/ideas/confirmed.html", {"idea": idea})


def _published_idea(pk):
    return get_object_or_404(
        Idea.objects.published()
        .with_counts()
        .select_related(
            "phase",
            "field__version",
            "goal__field__version",
            "chapter__version",
            "theme",
            "decision__result_type",
        ),
        pk=pk,
    )


def _detail(request, idea, form=None, status=200, supported=False):
    idea.public_status = listing.public_status(idea)
    decision = getattr(idea, "decision", None)
    return render(
        request,
        "goals/ideas/detail.html",
        {
            "idea": idea,
            "decision": decision,
            "result": decision.result if decision is not None else None,
            "form": form or SupportForm(),
            "open": idea.phase.takes_ideas(timezone.now()),
            "supported": supported,
            "answered": decision is not None,
        },
        status=status,
    )


@require_safe
def detail(request, pk):
    return _detail(request, _published_idea(pk), supported=request.GET.get("unterstuetzt") == "1")


@csrf_protect_public_form
@require_http_methods(["GET", "HEAD", "POST"])
def report(request, pk):
    """ "Idee melden": anyone, without login, with a reason from the Netiquette."""
    idea = _published_idea(pk)
    form = IdeaReportForm(request.POST or None)
    notice = ""
    if request.method == "POST" and form.is_valid():
        refused = posting_guard.check(request, "report")
        if refused is None:
            workflow.report(idea, form.cleaned_data["reason"], form.cleaned_data["note"])
            return render(request, "goals/ideas/reported.html", {"idea": idea})
        notice = refused.message
    return render(
        request,
        "goals/ideas/report.html",
        {"idea": idea, "form": form, "notice": notice},
        status=429 if notice else 200,
    )


support_pages = SupportPages(
    supports=support.supports,
    published=_published_idea,
    detail=_detail,
    is_open=lambda idea: idea.phase.takes_ideas(timezone.now()),
    url_name="goals:idea-support",
    noun="Idee",
    this="diese Idee",
    while_open="solange die Phase Ideen sammelt",
)
support_idea, confirm_support, withdraw_support = support_pages.views(SupportForm)
