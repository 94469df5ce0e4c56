"""The pages of "Meine Beiträge": ask for a link, open it by its button, then see, correct,
withdraw, take away and erase everything tied to the address. Every page after the button
shows private data: never kept by any cache (never_cache), and it checks Django's CSRF
token (the browser holds a session from the button on)."""

import json

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from common import confirmation, mail, own_data, posting_guard
from common.csrf import csrf_protect_public_form

from . import access, services
from .forms import LinkRequestForm


@csrf_protect_public_form
@require_http_methods(["GET", "HEAD", "POST"])
def start(request):
    form = LinkRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        refused = posting_guard.check(request, "selfservice")
        if refused:
            form.add_error(refused.field or "email", refused.message)
        else:
            email = form.cleaned_data["email"]
            # The same page, and a mail either way (the same work, so not even the time
            # taken tells whether anything is stored): nobody learns who took part. Only
            # the mailbox's owner learns it, from the mail.
            if posting_guard.recipient_allowed(email):
                if own_data.anything(email):
                    token = access.new_link(email)
                    mail.send(
                        "Ihr Link zu „Meine Beiträge“",
                        email,
                        "mail/selfservice/link.txt",
                        {"path": reverse("selfservice:open", args=[token])},
                    )
                else:
                    mail.send(
                        "Meine Beiträge: unter dieser Adresse ist nichts gespeichert",
                        email,
                        "mail/selfservice/nothing.txt",
                        {"path": reverse("selfservice:start")},
                    )
            return render(request, "selfservice/sent.html", {"email": email})
    return render(request, "selfservice/start.html", {"form": form})


def _preview(request, token):
    if access.find(token) is None:
        return confirmation.problem(
            request,
            "Dieser Link gilt nicht mehr",
            "Der Link ist abgelaufen, wurde nach einer Löschung ungültig oder ist "
            "unvollständig. Fordern Sie einfach einen neuen an.",
            back=("Neuen Link anfordern", reverse("selfservice:start")),
        )
    return confirmation.Preview(
        title="Meine Beiträge öffnen",
        intro=(
            "Mit diesem Link sehen Sie alles, was unter Ihrer E-Mail-Adresse gespeichert ist: "
            "Kommentare, Stellungnahmen, Stimmen, Abonnements, Ideen und Vorschläge."
        ),
        button="Meine Beiträge anzeigen",
        after=(
            "Der Zugang gilt danach in diesem Browser zwei Stunden lang oder bis Sie ihn "
            f"beenden. Den Link selbst können Sie {confirmation.valid_for().days} Tage lang "
            "verwenden."
        ),
    )


@confirmation.confirm_by_button(_preview)
def open_link(request, token):
    link = access.find(token)
    if link is None:
        return _preview(request, token)
    access.grant(request, link)
    return redirect("selfservice:overview")


def _with_access(view):
    """For the pages behind the button: the address, or the page that says how to get in."""

    @never_cache
    @csrf_protect
    def wrapper(request, *args, **kwargs):
        address = access.address(request)
        if address is None:
            return render(request, "selfservice/no_access.html", status=403)
        return view(request, address, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


@_with_access
@require_http_methods(["GET", "HEAD"])
def overview(request, address):
    return render(
        request,
        "selfservice/overview.html",
        {"email": address, "entries": own_data.entries(address)},
    )


def _found(address, key):
    found = services.find(address, key)
    if found is None:
        raise Http404("Diesen Beitrag gibt es unter Ihrer Adresse nicht (mehr).")
    return found


@_with_access
@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request, address, key):
    kind, entry = _found(address, key)
    if not entry.withdraw:
        raise Http404
    if request.method == "POST":
        if services.withdraw(address, kind, entry):
            day = timezone.localtime(entry.created_at)
            messages.success(request, f"Erledigt: {entry.label} vom {day:%d.%m.%Y}.")
        else:
            messages.error(request, "Das ist nicht mehr möglich.")
        return redirect("selfservice:overview")
    return render(request, "selfservice/withdraw.html", {"entry": entry})


@_with_access
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, address, key):
    kind, entry = _found(address, key)
    form = kind.correction_form(address, entry.pk, request.POST or None)
    if form is None:
        return render(request, "selfservice/not_editable.html", {"entry": entry}, status=409)
    if request.method == "POST" and form.is_valid():
        if services.correct(address, kind, entry, form.cleaned_data):
            messages.success(request, f"Ihre Änderung ist gespeichert: {entry.label}.")
            return redirect("selfservice:overview")
        return render(request, "selfservice/not_editable.html", {"entry": entry}, status=409)
    return render(request, "selfservice/edit.html", {"entry": entry, "form": form})


@_with_access
@require_http_methods(["GET", "HEAD"])
def data_page(request, address):
    return render(
        request,
        "selfservice/data.html",
        {"email": address, "entries": own_data.entries(address)},
    )


@_with_access
@require_http_methods(["GET", "HEAD"])
def data_json(request, address):
    body = json.dumps(services.export(address), ensure_ascii=False, indent=2, default=str)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meine-beitraege.json"'
    return response


@_with_access
@require_http_methods(["GET", "HEAD", "POST"])
def erase(request, address):
    if request.method == "POST":
        counts = services.erase(address)
        access.end(request)
        return render(request, "selfservice/erased.html", {"counts": counts})
    return render(
        request,
        "selfservice/erase.html",
        {"email": address, "kinds": own_data.kinds(), "entries": own_data.entries(address)},
    )


@never_cache
@csrf_protect
@require_POST
def leave(request):
    access.end(request)
    messages.info(request, "Ihr Zugang zu „Meine Beiträge“ ist beendet.")
    return redirect("selfservice:start")
