"""Wording suggestions in the admin: moderation and answers as for every contribution, and
"In die nächste Fassung übernehmen": the suggested wording written into the paragraph of the
next version that continues the suggestion's paragraph, after a page that shows the result."""

import hashlib

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import Truncator

from dialog.comments.moderation_actions import Removal

from .. import labels
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
    done="Verborgen: {count}. Die Verfasserinnen und Verfasser wurden per E-Mail informiert.",
    apply=_hide,
)


class AdoptForm(forms.Form):
    target = forms.ModelChoiceField(
        label="Absatz der nächsten Fassung",
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": "Bitte wählen Sie einen der angebotenen Absätze."},
    )
    # The hash of the target and text last shown in the preview: saving needs the editor to
    # have seen exactly what is saved.
    shown = forms.CharField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(
        label="Neuer Wortlaut des Absatzes",
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 90}),
        help_text="Vorbelegt mit dem Vorschlag; Sie können ihn vor dem Speichern anpassen. "
        "Eine Leerzeile trennt Absätze.",
        error_messages={"required": "Bitte geben Sie den neuen Wortlaut an."},
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets
        self.fields["target"].label_from_instance = labels.paragraph_label


def _shown_key(target, text: str) -> str:
    return hashlib.sha256(f"{target.pk}\n{text}".encode()).hexdigest()


@admin.register(Suggestion)
class SuggestionAdmin(ContributionAdmin):
    pipeline = workflow.pipeline
    removal = HIDE
    plural = "Vorschlag/Vorschläge"
    public_status = staticmethod(listing.public_status)
    inlines = [report_inline(SuggestionReport)]
    list_display = ["__str__", "where", "phase", "status", "answer", "adopted", "created_at"]
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
        return labels.paragraph_place(obj.paragraph)

    @admin.display(description="In die nächste Fassung übernommen")
    def adopted(self, obj):
        return f"am {timezone.localtime(obj.applied_at):%d.%m.%Y}" if obj.applied_at else "nein"

    def may_adopt(self, request, obj) -> bool:
        """Adopting rewrites the strategy text: the editors' right, not the moderation's."""
        return self.has_change_permission(request, obj) and request.user.has_perm(
            "goals.change_paragraph"
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        extra_context = extra_context or {}
        adoptable = obj is not None and obj.is_published and not obj.applied_at
        if adoptable and self.may_adopt(request, obj):
            extra_context["adopt_url"] = reverse("admin:goals_suggestion_adopt", args=[obj.pk])
        return super().change_view(request, object_id, form_url, extra_context)

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
            Suggestion.objects.published().select_related(
                "paragraph__chapter__version", "decision"
            ),
            pk=pk,
        )
        if not self.may_adopt(request, suggestion):
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
            key = _shown_key(target, text)
            if "apply" in request.POST and form.cleaned_data["shown"] == key:
                try:
                    before = workflow.adopt(suggestion, target, text, request.user)
                except workflow.AdoptionRefused as refused:
                    self.message_user(request, str(refused), messages.ERROR)
                    return redirect(reverse("admin:goals_suggestion_change", args=[pk]))
                self.log_change(
                    request,
                    target,
                    f"Wortlaut aus Formulierungsvorschlag Nr. {suggestion.pk} übernommen; "
                    f"vorher: {Truncator(before).chars(500)}",
                )
                self.message_user(
                    request,
                    f"Der Wortlaut von Absatz {target.order} in Kapitel {target.chapter} "
                    f"({target.chapter.version.title}) ist geändert; der Absatz zeigt "
                    "„Übernommen aus einem Vorschlag“.",
                    messages.SUCCESS,
                )
                return redirect(target.get_absolute_url())
            if "apply" in request.POST:
                self.message_user(
                    request,
                    "Der Wortlaut oder der Absatz hat sich seit der Vorschau geändert. Bitte "
                    "prüfen Sie die Vorschau unten und speichern Sie dann.",
                    messages.WARNING,
                )
            shown = (target, text)
        elif first is not None and request.method == "GET":
            shown = (first, suggestion.text)
        preview = None
        if shown is not None:
            target, text = shown
            form = AdoptForm(
                targets=targets,
                initial={"target": target, "text": text, "shown": _shown_key(target, text)},
            )
            preview = {
                "target": target,
                "difference": difference.as_html(
                    difference.pieces(workflow.plain_text(target), " ".join(text.split()))
                ),
                "markup_lost": workflow.markup_lost(target),
            }
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
                "preview": preview,
                "refused": _refusal(suggestion),
            },
        )


def _refusal(suggestion) -> str:
    """Why this suggestion cannot be applied, said before the editor starts; "" if it can."""
    decision = getattr(suggestion, "decision", None)
    if suggestion.applied_at:
        return f"Dieser Vorschlag wurde schon am {timezone.localtime(suggestion.applied_at):%d.%m.%Y} übernommen."
    if decision is not None and decision.outcome not in workflow.ADOPTABLE:
        return (
            f"Die Antwort auf diesen Vorschlag lautet „{decision.outcome_label}“. Ändern Sie "
            "zuerst die Antwort, wenn Sie ihn doch übernehmen möchten."
        )
    return ""
