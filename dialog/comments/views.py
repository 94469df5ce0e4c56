"""Posting, confirming, replying to, reporting and linking to comments.

The package's pipeline does the work (security hash, honeypot, signed
confirmation link, follow-up mails); these views add what it lacks: German
pages instead of empty 400s, closed threads, pre-moderation, rate limits,
reports without login and permalinks that find the right page.
"""

from django.apps import apps
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from common import ratelimit
from common.bounds import bounded_id
from common.csrf import csrf_protect_public_form
from dialog.comments import confirmation, moderation, pending, posting, state
from dialog.comments.commentable import is_commentable, policy_for
from dialog.comments.confirmation import Result
from dialog.comments.forms import CommentForm, ReportForm
from dialog.comments.threads import can_reply_to, hidden_reason, is_official, object_url_for


def _is_staff(user) -> bool:
    return user.is_authenticated and user.is_staff


def _problem(request, title: str, text: str, status: int, target=None, kept_text: str = ""):
    """A calm German page for what a form cannot fix."""
    return render(
        request,
        "dialog/comments/problem.html",
        {"title": title, "text": text, "target": target, "kept_text": kept_text},
        status=status,
    )


def _target_of(data):
    """The object a POST names, or None for anything not commentable."""
    try:
        model = apps.get_model(*data.get("content_type", "").split(".", 1))
        if not is_commentable(model):
            return None
        return policy_for(model).public_objects(model).get(pk=bounded_id(data.get("object_pk")))
    except (LookupError, TypeError, ValueError, ValidationError, ObjectDoesNotExist):
        return None


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
    data = request.POST.copy()
    staff = _is_staff(request.user)
    if staff:
        data["name"] = data.get("name") or request.user.get_full_name() or request.user.username
        data["email"] = data.get("email") or request.user.email
    target = _target_of(data)
    if target is None:
        return _problem(
            request,
            "Kommentar konnte nicht zugeordnet werden",
            "Wir wissen nicht, zu welcher Seite Ihr Kommentar gehört. Bitte gehen Sie zurück "
            "und schreiben Sie ihn dort noch einmal.",
            400,
            kept_text=data.get("comment", ""),
        )
    policy = policy_for(target)
    form = CommentForm(target, data=data, staff_user=request.user if staff else None)
    # Shown above the form again if something needs fixing (only a comment of this object).
    form.parent = (
        state.comments()
        .filter(
            pk=_int(data.get("reply_to")),
            content_type=ContentType.objects.get_for_model(target),
            object_pk=str(target.pk),
        )
        .first()
    )

    if not policy.is_open(target):
        return _problem(
            request,
            "Kommentare sind hier geschlossen",
            policy.closed_note(target),
            403,
            target=target,
            kept_text=data.get("comment", ""),
        )
    if form.tampered():
        notice = (
            "Das Formular war zu lange geöffnet oder wurde verändert. Bitte prüfen Sie Ihre "
            "Angaben und senden Sie den Kommentar noch einmal. Ihr Text ist erhalten."
        )
        return _render_form_page(
            request, form.fresh_copy(), target, form.parent, status=400, notice=notice
        )
    if not form.is_valid():
        return _render_form_page(request, form, target, form.parent)
    # Checked and counted in one step, and only for a comment that would be sent.
    if not staff and not ratelimit.allow(request, "comment", ratelimit.COMMENT_LIMIT):
        count, window = ratelimit.COMMENT_LIMIT
        notice = (
            f"Von Ihrem Anschluss kamen in den letzten {window // 60} Minuten schon {count} "
            "Kommentare. Bitte warten Sie ein paar Minuten und senden Sie Ihren Kommentar dann "
            "noch einmal. Ihr Text steht unten im Formular."
        )
        return _render_form_page(
            request, form.fresh_copy(), target, form.parent, status=429, notice=notice
        )
    if not staff and not ratelimit.allow_value(
        "recipient", form.cleaned_data["email"], ratelimit.RECIPIENT_LIMIT
    ):
        notice = (
            "An diese E-Mail-Adresse haben wir in der letzten Stunde schon mehrere "
            "Bestätigungslinks geschickt. Bitte bestätigen Sie zuerst diese oder versuchen Sie "
            "es später noch einmal. Ihr Text steht unten im Formular."
        )
        return _render_form_page(
            request, form.fresh_copy(), target, form.parent, status=429, notice=notice
        )

    # The same text from many addresses is a campaign or a bot: later copies wait for a
    # moderator, who is told once when the flood starts.
    flood = not staff and not ratelimit.allow_value(
        "same-text", posting.text_fingerprint(form.cleaned_data["comment"]), posting.SAME_TEXT_LIMIT
    )
    try:
        comment = posting.prepare(form, request, policy, staff, hold=flood)
    except posting.Rejected:
        return _problem(
            request,
            "Kommentar nicht angenommen",
            "Ihr Kommentar konnte nicht angenommen werden.",
            400,
            target,
            form.cleaned_data["comment"],
        )
    if staff:
        return redirect(object_url_for(posting.publish_now(comment, request)))
    if flood and ratelimit.allow_value(
        "flood-notice", posting.text_fingerprint(form.cleaned_data["comment"]), (1, 3600)
    ):
        moderation.flood_detected(target, form.cleaned_data["comment"])
    posting.request_confirmation(comment, request, form.sender())
    query = {"zurueck": target.get_absolute_url()}
    if not state.is_released(comment):
        query["pruefung"] = "1"  # the page says it appears after review, not after the click
    return redirect(reverse("comment-sent") + "?" + urlencode(query))


def _int(value) -> int:
    return bounded_id(value) or 0


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
        "Bestätigungslinks gelten sieben Tage. Bitte schreiben Sie Ihren Kommentar noch einmal.",
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


@require_GET
def confirm(request, key):
    """The link from the confirmation mail: creates the comment once."""
    outcome = confirmation.confirm(key, request)
    if outcome.result in CONFIRMATION_PROBLEMS:
        title, text, status = CONFIRMATION_PROBLEMS[outcome.result]
        text = text.format(closed_note=outcome.closed_note)
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


@require_GET
def unsubscribe(request, key):
    """The one-click link in reply mails: no more mails for this address on this page.

    The package's mute view answers a second opening with "page not found",
    and mail scanners often open links before the person does. Here every
    opening of a valid link confirms; a broken one gets a German page.
    """
    follower = pending.mute_follower(key)
    if follower is None:
        return _problem(
            request,
            "Dieser Abbestell-Link ist ungültig",
            "Der Link ist unvollständig oder wurde verändert. Bitte kopieren Sie ihn vollständig "
            "aus der E-Mail in die Adresszeile Ihres Browsers.",
            400,
        )
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
    staff = _is_staff(request.user)
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
            if ratelimit.allow(request, "report", ratelimit.REPORT_LIMIT):
                moderation.report(comment, form.cleaned_data["reason"], form.cleaned_data["note"])
                return redirect("comment-reported", pk=comment.pk)
            notice = (
                "Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Meldungen. Bitte versuchen "
                "Sie es in einigen Minuten noch einmal."
            )
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
