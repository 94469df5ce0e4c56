"""The log of "Meine Beiträge" for staff (read only, no addresses), and erasing an address's
data on a written request (a letter, a mail to the privacy officer): the same erasure the
person can do themselves, run by a moderator with the right to it."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from common import own_data

from . import services
from .forms import EraseOnRequestForm
from .models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["at", "action", "what", "by"]
    list_filter = ["action"]
    date_hierarchy = "at"
    change_list_template = "admin/selfservice/event_change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_erase_permission(self, request) -> bool:
        return request.user.has_perm("selfservice.erase_address")

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "erase_url": reverse("admin:selfservice_event_erase")
            if self.has_erase_permission(request)
            else "",
        }
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        return [
            path(
                "loeschen-auf-anfrage/",
                self.admin_site.admin_view(self.erase_view),
                name="selfservice_event_erase",
            ),
            *super().get_urls(),
        ]

    def erase_view(self, request):
        """First shows what is stored for the address (counts per kind), then erases it when
        the second button is pressed."""
        if not self.has_erase_permission(request):
            raise PermissionDenied
        form = EraseOnRequestForm(request.POST or None)
        found = None
        if request.method == "POST" and form.is_valid():
            email = form.cleaned_data["email"]
            if request.POST.get("bestaetigt") == "1":
                counts = services.erase(email, by=request.user)
                self.message_user(
                    request,
                    f"Gelöscht ({services.summary(counts)}). Das Protokoll nennt die Adresse nicht.",
                    messages.SUCCESS,
                )
                return redirect(reverse("admin:selfservice_event_changelist"))
            found = {}
            for entry in own_data.entries(email):
                found[entry.label] = found.get(entry.label, 0) + 1
        return TemplateResponse(
            request,
            "admin/selfservice/erase_on_request.html",
            {
                **self.admin_site.each_context(request),
                "title": "Daten einer E-Mail-Adresse auf Anfrage löschen",
                "opts": self.model._meta,
                "form": form,
                "found": found,
                "kinds": own_data.kinds(),
            },
        )
