from django.contrib import admin

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
