"""Ideas in the admin: the moderation's queue, publishing or hiding with a Netiquette
reason, "in Prüfung", and answers with the shared decision model. The author's own words
stay as sent."""

from django.contrib import admin

from dialog.comments.moderation_actions import Removal

from ..contributions.admin import ContributionAdmin, report_inline
from . import listing, workflow
from .models import Idea, IdeaReport


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


@admin.register(Idea)
class IdeaAdmin(ContributionAdmin):
    pipeline = workflow.pipeline
    removal = HIDE
    plural = "Idee(n)"
    public_status = staticmethod(listing.public_status)
    inlines = [report_inline(IdeaReport)]
    list_display = ["title", "name", "phase", "field", "status", "answer", "created_at"]
    search_fields = ["title", "text", "name", "organisation"]
    list_select_related = ["phase", "field", "decision"]
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
