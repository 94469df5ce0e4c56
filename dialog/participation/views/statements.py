"""Statements on the site: a phase's list and form, the confirmation link, one statement
and its PDF (served only once published, or to staff who moderate it)."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from common import confirmation, posting_guard
from common.csrf import csrf_protect_public_form
from dialog.participation.dates import format_period
from dialog.participation.models import Phase
from dialog.statements import workflow
from dialog.statements.forms import StatementForm
from dialog.statements.models import Statement
from dialog.statements.targets import target_choices, targets_of


@require_safe
def phase_statements(request, slug):
    """/dialog/phasen/<slug>/stellungnahmen/: the published statements of a phase."""
    phase = get_object_or_404(Phase, slug=slug)
    statements = list(
        Statement.objects.published()
        .filter(phase=phase)
        .select_related("decision")
        .order_by("organisation", "pk")
    )
    if not statements and not phase.statements_allowed:
        raise Http404("In dieser Phase gab es keine Stellungnahmen.")
    targets = targets_of(statements)
    for statement in statements:
        statement.addressed = targets.get(statement.pk, [])
    return render(
        request,
        "dialog/statements/phase_statements.html",
        {
            "phase": phase,
            "period": format_period(phase.starts_at, phase.ends_at),
            "statements": statements,
            "open": phase.statements_allowed and phase.is_running(),
        },
    )


@csrf_protect_public_form
@require_http_methods(["GET", "HEAD", "POST"])
def submit_statement(request, slug):
    """/dialog/phasen/<slug>/stellungnahmen/einreichen/: the form, then the mailed link."""
    phase = get_object_or_404(Phase, slug=slug, statements_allowed=True)
    now = timezone.now()
    running = phase.is_running(now)
    form = StatementForm(
        request.POST or None, request.FILES or None, target_choices=target_choices(phase)
    )
    if request.method == "POST" and running and form.is_valid():
        refused = posting_guard.check(request, "statement", recipient=form.cleaned_data["email"])
        if refused:
            form.add_error(refused.field, refused.message)
        else:
            data = form.cleaned_data
            statement, token = workflow.submit(
                phase,
                organisation=data["organisation"],
                kind=data["kind"],
                title=data["title"],
                text=data["text"],
                email=data["email"],
                pdf=data["pdf"],
                pdf_info=form.pdf_info,
                targets=data["targets"],
            )
            link = request.build_absolute_uri(reverse("dialog:statement-confirm", args=[token]))
            workflow.send_confirmation(statement, link)
            return redirect(reverse("dialog:statement-sent", args=[phase.slug]))
    return render(
        request,
        "dialog/statements/submit.html",
        {"phase": phase, "form": form, "running": running, "now": now},
    )


@require_safe
def statement_sent(request, slug):
    phase = get_object_or_404(Phase, slug=slug, statements_allowed=True)
    return render(request, "dialog/statements/sent.html", {"phase": phase})


def pages_label(pages: int) -> str:
    return f"{pages} Seite" if pages == 1 else f"{pages} Seiten"


def _confirm_preview(request, token):
    statement = workflow.lookup(token)
    if statement is None or statement.status != Statement.Status.UNCONFIRMED:
        return _confirmed_page(request, statement, newly=False)
    return confirmation.Preview(
        title="Stellungnahme bestätigen",
        intro=f"Ihre Stellungnahme in der Phase „{statement.phase.title}“:",
        details=[
            f"{statement.organisation} ({statement.get_kind_display()})",
            f"„{statement.title}“"
            + (f", mit PDF ({pages_label(statement.pdf_pages)})" if statement.pdf else ""),
        ],
        button="Stellungnahme bestätigen",
        after="Danach prüft die Moderation die Stellungnahme; wir schreiben Ihnen, sobald sie "
        "erscheint.",
    )


@confirmation.confirm_by_button(_confirm_preview)
def confirm_statement(request, token):
    statement, newly = workflow.confirm(token)
    return _confirmed_page(request, statement, newly)


def _confirmed_page(request, statement, newly):
    if statement is None:
        return confirmation.problem(
            request,
            "Dieser Link ist nicht mehr gültig",
            f"Er ist älter als {confirmation.valid_for().days} Tage oder unvollständig. Eine nicht "
            "bestätigte Stellungnahme wird danach gelöscht; solange die Phase läuft, können Sie "
            "sie neu einreichen.",
            back=("Zum Dialog", reverse("dialog:phases")),
        )
    return render(
        request, "dialog/statements/confirmed.html", {"statement": statement, "newly": newly}
    )


def _visible_to(request, statement) -> bool:
    return statement.is_published or request.user.has_perm("dialog.view_statement")


@require_safe
def statement_detail(request, pk):
    statement = get_object_or_404(Statement.objects.select_related("phase", "decision"), pk=pk)
    if not _visible_to(request, statement):
        raise Http404("Diese Stellungnahme ist nicht veröffentlicht.")
    return render(
        request,
        "dialog/statements/detail.html",
        {"statement": statement, "addressed": targets_of([statement]).get(statement.pk, [])},
    )


@require_safe
def statement_pdf(request, pk):
    statement = get_object_or_404(Statement, pk=pk)
    if not statement.pdf or not _visible_to(request, statement):
        raise Http404("Zu dieser Stellungnahme gibt es kein veröffentlichtes PDF.")
    try:
        handle = statement.pdf.open("rb")
    except FileNotFoundError:
        raise Http404("Die Datei dieser Stellungnahme fehlt.") from None
    response = FileResponse(
        handle, content_type="application/pdf", filename=statement.pdf_download_name
    )
    # Staff may look before publication: such a response must not be kept anywhere.
    response["Cache-Control"] = (
        "public, no-cache" if statement.is_published else "private, no-store"
    )
    return response
