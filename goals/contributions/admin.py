"""The admin of every contribution with its own page (ideas, wording suggestions): the
moderation's queue, publishing or hiding with a Netiquette reason, "in Prüfung", answers
with the shared decision model. The author's own words stay as sent."""

from django.contrib import admin, messages

from dialog.comments.moderation_actions import Removal, decide_action, remove_action

from .workflow import ModerationRefused


def report_inline(report_model):
    class ReportInline(admin.TabularInline):
        model = report_model
        extra = 0
        can_delete = False
        fields = ["created_at", "reason", "note"]
        readonly_fields = fields
        verbose_name_plural = "Meldungen von Besucherinnen und Besuchern"

        def has_add_permission(self, request, obj=None):
            return False

    return ReportInline


class ContributionAdmin(admin.ModelAdmin):
    """Subclasses set `pipeline`, `hide` (a Removal through their workflow), `plural`
    ("Idee(n)") and `public_status`."""

    pipeline = None
    removal: Removal
    plural = ""
    date_hierarchy = "created_at"
    list_filter = [
        "status",
        "phase",
        "in_review",
        "decision__outcome",
        "is_example",
        "reports__reason",
    ]
    actions = ["publish", "hide", "mark_in_review", "decide"]
    # Only the review flag and the example mark are edited by hand; the rest is the
    # author's or the workflow's.
    editable = ("in_review", "is_example")

    def get_readonly_fields(self, request, obj=None):
        return [f for f in self.fields if f not in self.editable]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # hiding is the tool; unconfirmed ones expire

    def describe(self, obj) -> str:
        return f"{obj} ({obj.name})"

    @staticmethod
    def public_status(obj) -> str:
        return "in Prüfung" if obj.in_review else "eingegangen"

    @admin.display(description="Antwort")
    def answer(self, obj):
        decision = getattr(obj, "decision", None)
        return decision.outcome_label if decision else self.public_status(obj)

    @admin.display(description="Antwort der Redaktion")
    def answer_text(self, obj):
        decision = getattr(obj, "decision", None)
        return f"{decision.outcome_label}: {decision.reason}" if decision else "–"

    @admin.action(description="Veröffentlichen", permissions=["change"])
    def publish(self, request, queryset):
        try:
            count = self.pipeline.publish(queryset, request.user)
        except ModerationRefused as refused:
            self.message_user(request, str(refused), messages.ERROR)
            return None
        self.message_user(request, f"{count} {self.plural} veröffentlicht.", messages.SUCCESS)
        return None

    @admin.action(description="Verbergen, mit Grund …", permissions=["change"])
    def hide(self, request, queryset):
        return remove_action(self, request, queryset, self.removal, self.describe)

    @admin.action(description="Als „in Prüfung“ kennzeichnen", permissions=["change"])
    def mark_in_review(self, request, queryset):
        count = 0
        # Saved one by one: the page cache renews on each save (common/page_shows.py).
        for obj in queryset.filter(status=queryset.model.Status.PUBLISHED):
            obj.in_review = True
            obj.save(update_fields=["in_review"])
            count += 1
        self.message_user(
            request, f"{count} {self.plural} sind jetzt „in Prüfung“.", messages.SUCCESS
        )

    @admin.action(description="Antworten (Entscheidung festhalten) …", permissions=["change"])
    def decide(self, request, queryset):
        return decide_action(self, request, queryset, self.describe)
