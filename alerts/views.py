"""Subscribe, confirm, leave, manage: thin views over models and links."""

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from common import confirmation, mail, posting_guard
from common.bounds import bounded_id
from common.csrf import csrf_protect_public_form, link_is_credential

from . import links, registry
from .forms import ManageRequestForm, SubscribeForm
from .models import Subscription


@csrf_protect_public_form
def subscribe(request):
    topic = request.POST.get("topic") if request.method == "POST" else request.GET.get("thema")
    if registry.topic_label(topic or "") is None:
        raise Http404("Dieses Thema gibt es nicht.")
    form = SubscribeForm(request.POST or None, initial={"topic": topic})
    if request.method == "POST" and form.is_valid():
        refused = posting_guard.check(request, "subscription", recipient=form.cleaned_data["email"])
        if refused:
            form.add_error("email", refused.message)
        else:
            email = form.cleaned_data["email"]
            subscription, token = Subscription.request(
                email, form.cleaned_data["topic"], form.topic_label
            )
            confirm_url = settings.SITE_URL + reverse("alerts:confirm", args=[token])
            mail.send(
                "Bitte bestätigen Sie Ihr Abonnement",
                email,
                "mail/alerts/confirm.txt",
                {"subscription": subscription, "confirm_url": confirm_url},
            )
            return render(request, "alerts/requested.html", {"email": email})
    label = registry.topic_label(form["topic"].value() or "")
    return render(request, "alerts/subscribe.html", {"form": form, "topic_label": label})


def _confirm_preview(request, token):
    subscription = Subscription.objects.awaiting(token)
    if subscription is None:
        return render(request, "alerts/invalid_link.html", status=404)
    if subscription.confirmed_at is not None:  # used before: nothing left to confirm
        return render(request, "alerts/confirmed.html", {"subscription": subscription})
    return confirmation.Preview(
        title="Abonnement bestätigen",
        intro="Bitte bestätigen Sie, dass Sie Benachrichtigungen per E-Mail erhalten möchten zu:",
        details=[subscription.topic_label],
        button="Ja, Abonnement bestätigen",
        after="Jede Benachrichtigung enthält einen Link, mit dem Sie sie mit einem Klick abbestellen.",
    )


@confirmation.confirm_by_button(_confirm_preview)
def confirm(request, token):
    with transaction.atomic():
        confirmed = Subscription.objects.confirm(token)
        if confirmed is None:
            return render(request, "alerts/invalid_link.html", status=404)
        # A second request for the same topic replaces nothing: keep the older one.
        duplicates = Subscription.objects.of_address(confirmed.email).filter(
            topic=confirmed.topic, confirmed_at__isnull=False
        )
        if duplicates.exclude(pk=confirmed.pk).exists():
            confirmed.delete()
    return render(request, "alerts/confirmed.html", {"subscription": confirmed})


@never_cache  # a page under an address's own key: no cache keeps it
@link_is_credential  # RFC 8058: mail clients POST without cookie, form token or Origin
def unsubscribe(request, token):
    email = links.address_from_unsubscribe(token)
    if email is None:
        return render(request, "alerts/invalid_link.html", status=404)
    if request.method == "POST":
        Subscription.objects.of_address(email).delete()
        return render(request, "alerts/unsubscribed.html")
    return render(request, "alerts/unsubscribe.html", {"token": token})


@csrf_protect_public_form
def manage_request(request):
    form = ManageRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        refused = posting_guard.check(request, "subscription")
        if refused:
            form.add_error("email", refused.message)
        else:
            email = form.cleaned_data["email"]
            # The same answer whether or not the address has subscriptions, and whether or
            # not its mailbox has had enough mail: nobody learns who follows, and nobody uses
            # this form to use up someone else's limit (only a mail sent is counted).
            if Subscription.objects.of_address(email).exists() and (
                posting_guard.recipient_allowed(email)
            ):
                mail.send(
                    "Ihre Benachrichtigungen verwalten",
                    email,
                    "mail/alerts/manage.txt",
                    {"manage_url": links.manage_url(email)},
                )
            return render(request, "alerts/requested.html", {"email": email, "manage": True})
    return render(request, "alerts/manage_request.html", {"form": form})


@never_cache  # it lists an address's subscriptions: no cache keeps it
@link_is_credential
def manage_address(request, token):
    email = links.address_from_manage(token)
    if email is None:
        return render(request, "alerts/invalid_link.html", status=404)
    subscriptions = Subscription.objects.of_address(email).filter(confirmed_at__isnull=False)
    if request.method == "POST":
        if request.POST.get("alle"):
            Subscription.objects.of_address(email).delete()
        else:
            pk = bounded_id(request.POST.get("abonnement"))
            if pk is None:
                raise Http404
            subscriptions.filter(pk=pk).delete()
    return render(
        request,
        "alerts/manage.html",
        {"subscriptions": subscriptions.order_by("topic_label"), "token": token},
    )
