"""Ideas in the admin: the moderation's queue, publishing or hiding with a Netiquette
reason, "in Prüfung", and answers with the shared decision model. The author's own words
stay as sent."""

from django.contrib import admin, messages

from dialog.comments.moderation_actions import Removal, decide_action, remove_action

from . import listing, workflow
from .models import Idea, IdeaReport


def _describe(idea) -> str:
    return f"{idea.title} ({idea.name})"


def _hide(ideas, reason, note, user) -> int:
    return workflow.hide(ideas, reason, user)


HIDE = Removal(
    action="hide",
    title="Ideen verbergen",
    explanation="Diese Ideen verschwinden von der Website. Die Verfasserinnen und Verfasser "
    "erhalten eine E-Mail mit dem Grund und können antworten.",
    reason_label="Grund (wird per E-Mail mitgeteilt)",
    button="Verbergen",
    done="{count} Idee(n) verborgen; die Verfasser wurden per E-Mail informiert.",
    apply=_hide,
)


class ReportInline(admin.TabularInline):
    model = IdeaReport
    extra = 0
    can_delete = False
    fields = ["created_at", "reason", "note"]
    readonly_fields = fields
    verbose_name_plural = "Meldungen von Besucherinnen und Besuchern"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    inlines = [ReportInline]
    list_display = ["title", "name", "phase", "field", "status", "answer", "created_at"]
    list_filter = [
        "status",
        "phase",
        "in_review",
        "decision__outcome",
        "is_example",
        "reports__reason",
    ]
    search_fields = ["title", "text", "name", "organisation"]
    list_select_related = ["phase", "field", "decision"]
    date_hierarchy = "created_at"
    actions = ["publish", "hide", "mark_in_review", "decide"]
    fields = [
        "phase",
        "field",
        "goal",
        "chapter",
        "theme",
        "title",
        "text",
        "name",
        "sender_kind",
        "organisation",
        "email",
        "status",
        "in_review",
        "is_example",
        "created_at",
        "confirmed_at",
        "published_at",
        "hidden_reason",
        "moderated_by",
        "answer_text",
    ]
    # Only the review flag and the example mark are edited by hand; the rest is the
    # author's or the workflow's.
    readonly_fields = [f for f in fields if f not in ("in_review", "is_example")]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # hiding is the tool; unconfirmed ones expire

    @admin.display(description="Antwort")
    def answer(self, obj):
        decision = getattr(obj, "decision", None)
        return decision.outcome_label if decision else listing.public_status(obj)

    @admin.display(description="Antwort der Redaktion")
    def answer_text(self, obj):
        decision = getattr(obj, "decision", None)
        return f"{decision.outcome_label}: {decision.reason}" if decision else "–"

    @admin.action(description="Veröffentlichen", permissions=["change"])
    def publish(self, request, queryset):
        try:
            count = workflow.publish(queryset, request.user)
        except workflow.ModerationRefused as refused:
            self.message_user(request, str(refused), messages.ERROR)
            return None
        self.message_user(request, f"{count} Idee(n) veröffentlicht.", messages.SUCCESS)
        return None

    @admin.action(description="Verbergen, mit Grund …", permissions=["change"])
    def hide(self, request, queryset):
        return remove_action(self, request, queryset, HIDE, _describe)

    @admin.action(description="Als „in Prüfung“ kennzeichnen", permissions=["change"])
    def mark_in_review(self, request, queryset):
        count = 0
        for idea in queryset.filter(status=Idea.Status.PUBLISHED):
            idea.in_review = True
            idea.save(update_fields=["in_review"])
            count += 1
        self.message_user(request, f"{count} Idee(n) sind jetzt „in Prüfung“.", messages.SUCCESS)

    @admin.action(description="Antworten (Entscheidung festhalten) …", permissions=["change"])
    def decide(self, request, queryset):
        return decide_action(self, request, queryset, _describe)
