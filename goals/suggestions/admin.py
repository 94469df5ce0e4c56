"""Wording suggestions in the admin: moderation and answers as for every contribution, and
"In die nächste Fassung übernehmen": the suggested wording written into the paragraph of the
next version that continues the suggestion's paragraph, after a page that shows the result."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from dialog.comments.moderation_actions import Removal

from ..contributions.admin import ContributionAdmin, report_inline
from ..text import difference
from . import listing, workflow
from .models import TEXT_MAX_LENGTH, Suggestion, SuggestionReport


def _hide(suggestions, reason, note, user) -> int:
    return workflow.hide(suggestions, reason, user)


HIDE = Removal(
    action="hide",
    title="Formulierungsvorschläge verbergen",
    explanation="Diese Vorschläge verschwinden von der Website. Die Verfasserinnen und "
    "Verfasser erhalten eine E-Mail mit dem Grund und können antworten.",
    reason_label="Grund (wird per E-Mail mitgeteilt)",
    button="Verbergen",
    done="{count} Vorschlag/Vorschläge verborgen; die Verfasser wurden per E-Mail informiert.",
    apply=_hide,
)


class AdoptForm(forms.Form):
    target = forms.ModelChoiceField(
        label="Absatz der nächsten Fassung",
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": "Bitte wählen Sie einen der angebotenen Absätze."},
    )
    text = forms.CharField(
        label="Neuer Wortlaut des Absatzes",
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 90}),
        help_text="Vorbelegt mit dem Vorschlag; Sie können ihn vor dem Speichern anpassen.",
        error_messages={"required": "Bitte geben Sie den neuen Wortlaut an."},
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets
        self.fields["target"].label_from_instance = lambda p: (
            f"{p.chapter.version.title} · Kapitel {p.chapter} · Absatz {p.order}: "
            f"„{workflow.plain_text(p)[:80]}…“"
        )


@admin.register(Suggestion)
class SuggestionAdmin(ContributionAdmin):
    pipeline = workflow.pipeline
    removal = HIDE
    plural = "Vorschlag/Vorschläge"
    public_status = staticmethod(listing.public_status)
    inlines = [report_inline(SuggestionReport)]
    list_display = ["__str__", "where", "phase", "status", "answer", "adopted", "created_at"]
    list_filter = [
        "status",
        "phase",
        "in_review",
        "decision__outcome",
        "is_example",
        "reports__reason",
    ]
    search_fields = ["text", "reason", "name", "organisation"]
    list_select_related = ["phase", "paragraph__chapter__version", "decision"]
    fields = [
        "phase",
        "where",
        "original",
        "text",
        "reason",
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
        "adopted",
    ]

    @admin.display(description="Absatz")
    def where(self, obj):
        paragraph = obj.paragraph
        return (
            f"{paragraph.chapter.version.title} · Kapitel {paragraph.chapter} · "
            f"Absatz {paragraph.order}"
        )

    @admin.display(description="In die nächste Fassung übernommen")
    def adopted(self, obj):
        if obj.applied_at:
            return f"am {obj.applied_at:%d.%m.%Y}"
        if obj.pk and obj.is_published:
            url = reverse("admin:goals_suggestion_adopt", args=[obj.pk])
            return format_html('<a href="{}">In die nächste Fassung übernehmen …</a>', url)
        return "–"

    def get_urls(self):
        return [
            path(
                "<int:pk>/uebernehmen/",
                self.admin_site.admin_view(self.adopt_view),
                name="goals_suggestion_adopt",
            ),
            *super().get_urls(),
        ]

    def adopt_view(self, request, pk):
        suggestion = get_object_or_404(
            Suggestion.objects.published().select_related("paragraph__chapter__version"), pk=pk
        )
        if not (
            self.has_change_permission(request, suggestion)
            and request.user.has_perm("goals.change_paragraph")
        ):
            raise PermissionDenied
        targets = workflow.next_paragraphs(suggestion)
        first = targets.first()
        form = AdoptForm(
            request.POST or None,
            targets=targets,
            initial={"target": first, "text": suggestion.text},
        )
        shown = None
        if form.is_valid():
            target, text = form.cleaned_data["target"], form.cleaned_data["text"].strip()
            if "apply" in request.POST:
                workflow.adopt(suggestion, target, text, request.user)
                self.log_change(request, target, "Wortlaut aus einem Formulierungsvorschlag")
                self.message_user(
                    request,
                    f"Der Wortlaut von Absatz {target.order} in Kapitel {target.chapter} "
                    f"({target.chapter.version.title}) ist geändert; der Absatz zeigt "
                    "„Übernommen aus einem Vorschlag“.",
                    messages.SUCCESS,
                )
                return redirect(target.get_absolute_url())
            shown = (
                target,
                difference.as_html(difference.pieces(workflow.plain_text(target), text)),
            )
        elif first is not None and request.method == "GET":
            shown = (
                first,
                difference.as_html(difference.pieces(workflow.plain_text(first), suggestion.text)),
            )
        listing.prepare([suggestion])
        return TemplateResponse(
            request,
            "admin/goals/adopt_suggestion.html",
            {
                **self.admin_site.each_context(request),
                "title": "Vorschlag in die nächste Fassung übernehmen",
                "opts": self.model._meta,
                "suggestion": suggestion,
                "form": form,
                "has_targets": first is not None,
                "shown": shown,
            },
        )
