from django.contrib import admin
from django.contrib.flatpages.admin import FlatPageAdmin
from django.contrib.flatpages.models import FlatPage

from common.previews import PreviewAdmin
from common.revisions import RevisionAdmin

from .models import AccessibilityFeedback


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "name", "email", "page", "handled"]
    list_filter = ["handled", "created_at"]
    search_fields = ["name", "email", "message", "page"]
    readonly_fields = ["name", "email", "page", "message", "created_at"]
    fields = ["created_at", "name", "email", "page", "message", "handled", "note"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        # Feedback comes from visitors through the form, never typed in by staff.
        return False


# The service pages (Impressum, Datenschutz, …) with their revisions.
admin.site.unregister(FlatPage)


@admin.register(FlatPage)
class ServicePageAdmin(PreviewAdmin, RevisionAdmin, FlatPageAdmin):
    pass
