"""Posting, confirming, replying to, reporting and linking to comments.

The package's pipeline does the work (security hash, honeypot, signed
confirmation link, follow-up mails); these views add what it lacks: German
pages instead of empty 400s, closed threads, pre-moderation, rate limits,
reports without login and permalinks that find the right page.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from common import confirmation as links
from common import posting_guard
from common.csrf import csrf_protect_public_form
from dialog.comments import confirmation, moderation, pending, posting, state
from dialog.comments.commentable import is_commentable, policy_for
from dialog.comments.confirmation import Result
from dialog.comments.forms import CommentForm, ReportForm
from dialog.comments.threads import can_reply_to, hidden_reason, is_official, object_url_for


def _problem(request, title: str, text: str, status: int, target=None, kept_text: str = ""):
    """A calm German page for what a form cannot fix."""
    return render(
        request,
        "dialog/comments/problem.html",
        {"title": title, "text": text, "target": target, "kept_text": kept_text},
        status=status,
    )


def _public_comment(pk):
    return get_object_or_404(state.comments().released(), pk=pk)


def _render_form_page(request, form, target, parent=None, status=200, notice=""):
    return render(
        request,
        "dialog/comments/form_page.html",
        {"form": form, "target": target, "parent": parent, "notice": notice},
        status=status,
    )


@csrf_protect_public_form
@require_POST
def post_comment(request):
    outcome = posting.post(request)
    result, target = outcome.result, outcome.target
    if result is posting.Result.NO_TARGET:
        return _problem(
            request,
            "Kommentar konnte nicht zugeordnet werden",
            "Wir wissen nicht, zu welcher Seite Ihr Kommentar gehört. Bitte gehen Sie zurück "
            "und schreiben Sie ihn dort noch einmal.",
            400,
            kept_text=outcome.kept_text,
        )
    if result is posting.Result.CLOSED:
        title = "Kommentare sind hier geschlossen"
        return _problem(request, title, outcome.closed_note, 403, target, outcome.kept_text)
    if result is posting.Result.FORM:
        form = outcome.form
        return _render_form_page(
            request, form, target, form.parent, status=outcome.status, notice=outcome.notice
        )
    if result is posting.Result.REJECTED:
        text = "Ihr Kommentar konnte nicht angenommen werden."
        return _problem(request, "Kommentar nicht angenommen", text, 400, target, outcome.kept_text)
    if result is posting.Result.PUBLISHED:
        return redirect(object_url_for(outcome.comment))
    query = {"zurueck": target.get_absolute_url()}
    if outcome.reviewed_first:
        query["pruefung"] = "1"  # the page says it appears after review, not after the click
    return redirect(reverse("comment-sent") + "?" + urlencode(query))


@require_GET
def sent(request):
    back = request.GET.get("zurueck", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    reviewed_first = request.GET.get("pruefung") == "1"
    return render(
        request, "dialog/comments/sent.html", {"back": back, "reviewed_first": reviewed_first}
    )


# How each outcome of a confirmation link reads: (title, text, status) of a problem page.
CONFIRMATION_PROBLEMS = {
    Result.BROKEN: (
        "Dieser Bestätigungslink ist ungültig",
        "Der Link ist unvollständig oder wurde verändert. Bitte kopieren Sie ihn vollständig "
        "aus der E-Mail in die Adresszeile Ihres Browsers.",
        400,
    ),
    Result.EXPIRED: (
        "Dieser Bestätigungslink ist abgelaufen",
        "Bestätigungslinks gelten {valid_days} Tage. Bitte schreiben Sie Ihren Kommentar noch "
        "einmal.",
        400,
    ),
    Result.CLOSED: (
        "Kommentare sind hier inzwischen geschlossen",
        "{closed_note} Ihr Kommentar konnte deshalb nicht mehr erscheinen.",
        403,
    ),
    Result.PARENT_GONE: (
        "Antwort nicht möglich",
        "Auf diesen Kommentar kann nicht mehr geantwortet werden.",
        400,
    ),
    Result.REFUSED: ("Kommentar verworfen", "Ihr Kommentar wurde verworfen.", 400),
}


def _confirm_preview(request, key):
    """The mailed link opens this: the comment as it will appear, and one button."""
    outcome = confirmation.inspect(key)
    if outcome.result is not Result.READY:
        return _outcome_page(request, outcome)
    return links.Preview(
        title="Kommentar bestätigen",
        intro=f"Ihr Kommentar zu „{outcome.target}“, geschrieben als „{outcome.comment.user_name}“:",
        quote=outcome.kept_text,
        button="Kommentar bestätigen",
        after=(
            "Danach prüft die Moderation Ihren Kommentar; er erscheint, sobald sie ihn "
            "freigegeben hat."
            if outcome.reviewed_first
            else "Danach erscheint Ihr Kommentar sofort."
        ),
    )


@links.confirm_by_button(_confirm_preview)
def confirm(request, key):
    """The button on the page of the confirmation link: creates the comment once."""
    return _outcome_page(request, confirmation.confirm(key, request))


def _outcome_page(request, outcome):
    if outcome.result in CONFIRMATION_PROBLEMS:
        title, text, status = CONFIRMATION_PROBLEMS[outcome.result]
        text = text.format(closed_note=outcome.closed_note, valid_days=links.valid_for().days)
        return _problem(request, title, text, status, outcome.target, outcome.kept_text)
    if outcome.result is Result.NOT_COMMENTABLE:
        raise Http404
    if outcome.result is Result.ALREADY_CONFIRMED:
        return render(
            request, "dialog/comments/already_confirmed.html", {"comment": outcome.comment}
        )
    if outcome.result is Result.WAITING:
        return render(request, "dialog/comments/moderated.html", {"target": outcome.target})
    messages.success(request, "Vielen Dank! Ihr Kommentar ist jetzt veröffentlicht.")
    return redirect(object_url_for(outcome.comment))


def _mute_preview(request, key):
    follower = pending.mute_follower(key)
    if follower is None:
        return _mute_link_broken(request)
    return links.Preview(
        title="Benachrichtigungen abbestellen",
        intro=f"Sie erhalten E-Mails über Antworten auf Ihre Kommentare zu „{follower.content_object}“.",
        button="Keine E-Mails mehr zu dieser Seite",
    )


def _mute_link_broken(request):
    return _problem(
        request,
        "Dieser Abbestell-Link ist ungültig",
        "Der Link ist unvollständig oder wurde verändert. Bitte kopieren Sie ihn vollständig "
        "aus der E-Mail in die Adresszeile Ihres Browsers.",
        400,
    )


@links.confirm_by_button(_mute_preview)
def unsubscribe(request, key):
    """The link in reply mails: no more mails for this address on this page.

    The package's mute view answers a second opening with "page not found". Here the
    link shows a button (mail scanners open links, they press no buttons), and every
    press on a valid link confirms; a broken one gets a German page.
    """
    follower = pending.mute_follower(key)
    if follower is None:
        return _mute_link_broken(request)
    if follower.user_email:
        state.comments().filter(
            content_type=follower.content_type,
            object_pk=follower.object_pk,
            user_email=follower.user_email,
            followup=True,
        ).update(followup=False)
    return render(
        request, "django_comments_xtd/muted.html", {"content_object": follower.content_object}
    )


@require_GET
def permalink(request, pk):
    comment = _public_comment(pk)
    return redirect(object_url_for(comment))


@require_GET
def reply(request, pk):
    parent = _public_comment(pk)
    target = parent.content_object
    if target is None or not is_commentable(target):
        raise Http404
    policy = policy_for(target)
    staff = posting.is_staff_author(request.user)
    form = None
    if policy.is_open(target) and can_reply_to(parent):
        form = CommentForm(target, parent=parent, staff_user=request.user if staff else None)
    return render(
        request,
        "dialog/comments/reply.html",
        {
            "parent": parent,
            "parent_official": is_official(parent),
            "parent_removed_reason": hidden_reason(parent) if state.is_hidden(parent) else "",
            "target": target,
            "form": form,
            "closed_note": "" if policy.is_open(target) else policy.closed_note(target),
            "staff": staff,
        },
    )


@csrf_protect_public_form
@require_http_methods(["GET", "HEAD", "POST"])
def report(request, pk):
    """ "Melden": anyone, without login, with a reason from the Netiquette."""
    comment = _public_comment(pk)
    if state.is_hidden(comment):
        return _problem(
            request,
            "Bereits entfernt",
            "Die Moderation hat diesen Kommentar bereits entfernt.",
            200,
            comment.content_object,
        )
    notice = ""
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            refused = posting_guard.check(request, "report")
            if refused is None:
                moderation.report(comment, form.cleaned_data["reason"], form.cleaned_data["note"])
                return redirect("comment-reported", pk=comment.pk)
            notice = refused.message
    else:
        form = ReportForm()
    return render(
        request,
        "dialog/comments/report.html",
        {"comment": comment, "form": form, "notice": notice, "target": comment.content_object},
        status=429 if notice else 200,
    )


@require_GET
def reported(request, pk):
    comment = _public_comment(pk)
    return render(
        request,
        "dialog/comments/reported.html",
        {"comment": comment, "back": reverse("comment-permalink", args=[comment.pk])},
    )
