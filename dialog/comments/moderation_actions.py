"""The moderators' two admin actions for every kind of contribution, written once.

- Take off the site with a Netiquette reason ("Verbergen" for comments, "Nicht
  veröffentlichen" for statements; later ideas and suggestions): a form that asks for
  the reason, then the kind's own service call, which hides, tells the author by mail
  and leaves the public notice.
- Record a decision (`decisions.decide`): outcome, public reason, where it led.

Both show the selected contributions first and refuse with a German message when the
service refuses; nothing is stored half.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse

from dialog.comments import decisions, moderation
from dialog.comments.models import Outcome
from dialog.comments.netiquette import NetiquetteReason


class ReasonForm(forms.Form):
    reason = forms.ChoiceField(choices=NetiquetteReason.choices)
    note = forms.CharField(label="Interne Notiz", required=False, widget=forms.Textarea)

    def __init__(self, *args, reason_label: str, with_note: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = reason_label
        if not with_note:
            del self.fields["note"]


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label="Entscheidung", choices=Outcome.choices)
    reason = forms.CharField(
        label="Begründung (öffentlich unter dem Beitrag und in der E-Mail an die Verfasser)",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Bitte begründen Sie die Entscheidung in einem Satz."},
    )
    result = forms.ChoiceField(label="Daraus entstanden (freiwillig)", required=False, choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["result"].choices = [("", "– nichts Bestimmtes –"), *decisions.result_choices()]


@dataclass(frozen=True)
class Removal:
    """How one kind of contribution is taken off the site with a reason."""

    action: str  # the admin action's name
    title: str  # the confirmation page's heading
    explanation: str  # what will happen, in one or two sentences
    reason_label: str
    button: str
    done: str  # "{count} ..." message after success
    # apply(queryset, reason, note, user) -> count; raises moderation.ModerationRefused
    apply: Callable
    with_note: bool = False


def _selection_page(
    model_admin, request, queryset, describe, *, action, title, intro, form, button
):
    return TemplateResponse(
        request,
        "admin/dialog/moderate_selection.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": title,
            "intro": intro,
            "opts": model_admin.model._meta,
            "items": [(item.pk, describe(item)) for item in queryset],
            "form": form,
            "action": action,
            "button": button,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


def remove_action(model_admin, request, queryset, removal: Removal, describe):
    form = ReasonForm(
        request.POST if "apply" in request.POST else None,
        reason_label=removal.reason_label,
        with_note=removal.with_note,
    )
    if form.is_valid():
        try:
            count = removal.apply(
                queryset,
                form.cleaned_data["reason"],
                form.cleaned_data.get("note", ""),
                request.user,
            )
        except moderation.ModerationRefused as refused:
            model_admin.message_user(request, str(refused), messages.ERROR)
            return None
        model_admin.message_user(request, removal.done.format(count=count), messages.SUCCESS)
        return None
    return _selection_page(
        model_admin,
        request,
        queryset,
        describe,
        action=removal.action,
        title=removal.title,
        intro=removal.explanation,
        form=form,
        button=removal.button,
    )


def decide_action(model_admin, request, queryset, describe):
    """The "Entscheidung festhalten" action of every kind: a form, then decide()."""
    form = DecisionForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        try:
            count = decisions.decide(
                queryset,
                form.cleaned_data["outcome"],
                form.cleaned_data["reason"],
                request.user,
                form.cleaned_data["result"],
            )
        except decisions.DecisionRefused as refused:
            form.add_error(None, str(refused))
        else:
            model_admin.message_user(
                request,
                f"Entscheidung zu {count} Beitrag/Beiträgen gespeichert; die Verfasser "
                "wurden per E-Mail informiert.",
                messages.SUCCESS,
            )
            return None
    return _selection_page(
        model_admin,
        request,
        queryset,
        describe,
        action="decide",
        title="Entscheidung zu Beiträgen festhalten",
        intro="Für diese Beiträge wird festgehalten, was aus ihnen wurde. Die Entscheidung und "
        "ihre Begründung erscheinen öffentlich unter jedem Beitrag; die Verfasserinnen und "
        "Verfasser erhalten eine E-Mail, auf die sie antworten können.",
        form=form,
        button="Entscheidung speichern",
    )
