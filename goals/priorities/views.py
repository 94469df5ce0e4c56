"""/dialog/phasen/<phase>/prioritaeten/: pick up to three fields of action, confirm by link."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from common import confirmation, mail, posting_guard
from common.charts import bar_chart
from common.csrf import csrf_protect_public_form
from dialog.models import Phase

from . import ballot as priorities
from .forms import PriorityForm


def _phase(slug):
    phase = get_object_or_404(Phase, slug=slug)
    if not phase.priorities_question:
        raise Http404("Diese Phase fragt nicht nach Prioritäten.")
    return phase


@csrf_protect_public_form
@require_http_methods(["GET", "HEAD", "POST"])
def ballot(request, slug):
    phase = _phase(slug)
    now = timezone.now()
    running = phase.is_running(now)
    fields = list(priorities.choices(phase))
    form = PriorityForm(request.POST or None, choices=fields)
    if request.method == "POST" and running and form.is_valid():
        refused = posting_guard.check(request, "ballot", recipient=form.cleaned_data["email"])
        if refused:
            form.add_error(refused.field, refused.message)
        else:
            token = priorities.submit(
                phase, form.cleaned_data["email"], form.cleaned_data["fields_of_action"]
            )
            link = request.build_absolute_uri(reverse("goals:priorities-confirm", args=[token]))
            mail.send(
                f"Bitte bestätigen Sie Ihre Stimme: {phase.title}",
                form.cleaned_data["email"],
                "mail/priorities_confirmation.txt",
                {
                    "phase": phase,
                    "chosen": form.cleaned_data["fields_of_action"],
                    "link": link,
                },
            )
            return redirect(request.path + "?gesendet=1#abstimmung")
    return render(
        request,
        "goals/priorities.html",
        {
            "form": form,
            "running": running,
            "now": now,
            "sent": request.GET.get("gesendet") == "1",
            **result_context(phase, now, fields),
        },
    )


def result_context(phase, now=None, fields=None) -> dict:
    """What goals/_priorities_result.html needs: on the ballot and on the results page."""
    visible = priorities.results_visible(phase, now)
    total, rows = priorities.results(phase, fields) if visible else (0, [])
    chart = (
        bar_chart(
            "diagramm-prioritaeten",
            f"Prioritäten ({total} Stimmen)",
            [(r.label, r.count) for r in rows],
        )
        if total
        else ""
    )
    return {"phase": phase, "show_results": visible, "total": total, "rows": rows, "chart": chart}


def result_part(phase) -> str:
    """The priorities result for the phase's results page ("" if the phase does not ask)."""
    if not phase.priorities_question:
        return ""
    return render_to_string("goals/_priorities_result.html", result_context(phase))


def _confirm_preview(request, token):
    ballot = priorities.lookup(token)
    if ballot is None:
        return _confirmed_page(request, None)
    return confirmation.Preview(
        title="Stimme bestätigen",
        intro=f"Ihre Stimme bei „{ballot.phase.title}“ für diese Handlungsfelder:",
        details=[f"{field.number} {field.title}" for field in ballot.fields.all()],
        button="Stimme bestätigen",
        after="Erst dann zählt sie; eine frühere Stimme mit Ihrer Adresse in dieser Phase wird "
        "dadurch ersetzt.",
    )


@confirmation.confirm_by_button(_confirm_preview)
def confirm(request, token):
    return _confirmed_page(request, priorities.confirm(token))


def _confirmed_page(request, ballot):
    if ballot is None:
        return confirmation.problem(
            request,
            "Dieser Link ist nicht mehr gültig",
            f"Er wurde schon benutzt, ist älter als {confirmation.valid_for().days} Tage, oder die "
            "Phase ist vorbei. Solange die Phase läuft, können Sie neu abstimmen.",
            back=("Zum Dialog", reverse("dialog:phases")),
        )
    return render(request, "goals/priorities_confirmed.html", {"ballot": ballot})


def connect() -> None:
    from common import related
    from dialog.models import Phase
    from dialog.participation import results

    results.register_part(result_part)
    confirmation.register_purge("unbestätigte Stimmen zu Prioritäten", priorities.purge_unconfirmed)

    related.register(
        Phase,
        "Prioritäten setzen",
        lambda phase: [priorities.BallotLink(phase)] if phase.priorities_question else [],
        anchor="prioritaeten",
    )
