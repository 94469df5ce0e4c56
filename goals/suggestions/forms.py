"""The suggestion form: the paragraph's wording to edit, a reason, who writes."""

from django import forms

from dialog.comments.forms import ReportForm

from ..contributions.forms import TOO_LONG, AuthorFields, SupportForm  # noqa: F401 - views
from .models import REASON_MAX_LENGTH, TEXT_MAX_LENGTH, Suggestion

REASON_MIN_LENGTH = 10


class SuggestionForm(AuthorFields):
    text = forms.CharField(
        label="Ihre Formulierung",
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Ändern Sie den Wortlaut des Absatzes so, wie Sie ihn vorschlagen. Nur Text, "
        f"höchstens {TEXT_MAX_LENGTH} Zeichen.",
        error_messages={
            "required": "Bitte geben Sie die Formulierung an, die Sie vorschlagen.",
            "max_length": TOO_LONG,
        },
    )
    reason = forms.CharField(
        label="Warum schlagen Sie das vor?",
        min_length=REASON_MIN_LENGTH,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=f"Eine kurze Begründung, {REASON_MIN_LENGTH} bis {REASON_MAX_LENGTH} Zeichen.",
        error_messages={
            "required": "Bitte begründen Sie Ihren Vorschlag kurz.",
            "min_length": "Bitte begründen Sie Ihren Vorschlag in mindestens %(limit_value)d "
            "Zeichen; Sie haben %(show_value)d.",
            "max_length": TOO_LONG,
        },
    )
    field_order = [
        "text", "reason", "name", "sender_kind", "organisation", "email", "website",
    ]  # fmt: skip

    def __init__(self, *args, current: str, **kwargs):
        self.current = current
        kwargs.setdefault("initial", {}).setdefault("text", current)
        super().__init__(*args, **kwargs)

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if text.split() == self.current.split():
            raise forms.ValidationError(
                "Ihre Formulierung ist dieselbe wie die jetzige. Bitte ändern Sie den Text so, "
                "wie Sie ihn vorschlagen."
            )
        return text

    def clean_reason(self):
        return self.cleaned_data["reason"].strip()

    def submission(self) -> dict:
        """Keyword arguments for workflow.submit."""
        keys = ("text", "reason", "name", "sender_kind", "organisation", "email")
        return {key: self.cleaned_data[key] for key in keys}


class SuggestionReportForm(ReportForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = "Gegen welche Regel der Netiquette verstößt der Vorschlag?"


class SuggestionCorrectionForm(forms.ModelForm):
    """The author's correction in "Meine Beiträge": wording and reason."""

    text = SuggestionForm.base_fields["text"]
    reason = SuggestionForm.base_fields["reason"]

    class Meta:
        model = Suggestion
        fields = ["text", "reason"]

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if text.split() == self.instance.original.split():
            raise forms.ValidationError(
                "Ihre Formulierung ist dieselbe wie der Absatz. Bitte ändern Sie den Text so, "
                "wie Sie ihn vorschlagen, oder ziehen Sie den Vorschlag zurück."
            )
        return text

    clean_reason = SuggestionForm.clean_reason
