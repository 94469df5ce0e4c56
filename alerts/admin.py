"""Subscribers in the admin: counts per topic for staff, addresses for superusers only.

No export action and no import-export resource exist for this model, so the
Redaktion cannot take the list of addresses out of the site.
"""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html

from . import newsletter as newsletter_sending
from .models import Newsletter, Subscription


def topic_counts():
    return (
        Subscription.objects.values("topic_label")
        .annotate(
            active=Count("pk", filter=Q(confirmed_at__isnull=False, disabled_at__isnull=True)),
            waiting=Count("pk", filter=Q(confirmed_at__isnull=True)),
            disabled=Count("pk", filter=Q(disabled_at__isnull=False)),
        )
        .order_by("topic_label")
    )


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "topic_label", "confirmed_at", "failures", "disabled_at"]
    list_filter = ["topic_label", ("disabled_at", admin.EmptyFieldListFilter)]
    search_fields = ["email"]
    readonly_fields = ["email", "topic", "topic_label", "requested_at", "confirmed_at"]
    fields = [*readonly_fields, "failures", "disabled_at"]

    def get_actions(self, request):
        return super().get_actions(request) if request.user.is_superuser else {}

    def has_add_permission(self, request):
        return False  # only the visitor's own confirmed request creates a subscription

    def has_view_permission(self, request, obj=None):
        if obj is not None and not request.user.is_superuser:
            return False
        return super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def changelist_view(self, request, extra_context=None):
        if request.user.is_superuser:
            return super().changelist_view(request, extra_context)
        if not self.has_view_permission(request):
            return super().changelist_view(request, extra_context)  # raises PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Abonnements: Anzahl je Thema",
            "counts": topic_counts(),
        }
        return TemplateResponse(request, "admin/alerts/counts.html", context)


@admin.register(Newsletter)
class NewsletterAdmin(admin.ModelAdmin):
    list_display = ["subject", "created_at", "released_at", "sent_at", "recipients", "preview"]
    readonly_fields = ["released_at", "sent_at", "recipients"]
    actions = ["send_test", "release"]

    @admin.display(description="Vorschau")
    def preview(self, obj):
        return format_html('<a href="{}">Vorschau ansehen</a>', obj.get_absolute_url())

    def has_change_permission(self, request, obj=None):
        # Once released it is on its way: no change may slip in between recipients.
        if obj is not None and obj.released_at is not None:
            return False
        return super().has_change_permission(request, obj)

    @admin.action(description="Test an meine eigene Adresse senden")
    def send_test(self, request, queryset):
        if not request.user.email:
            self.message_user(request, "Ihr Konto hat keine E-Mail-Adresse.", messages.ERROR)
            return
        for newsletter in queryset:
            newsletter_sending.send_test(newsletter, request.user.email)
        self.message_user(request, f"Test an {request.user.email} gesendet.")

    @admin.action(description="Zum Versand an alle Abonnenten freigeben")
    def release(self, request, queryset):
        count = queryset.filter(released_at__isnull=True).update(released_at=timezone.now())
        self.message_user(
            request,
            f"{count} Newsletter freigegeben. Der Versand läuft mit dem nächsten nächtlichen Lauf "
            "von send_alert_digest.",
        )
