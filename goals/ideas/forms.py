"""The idea form and the support form: plain fields, German messages beside each field."""

from django import forms

from dialog.comments.forms import ReportForm

from ..contributions.forms import TOO_LONG, AuthorFields, SupportForm  # noqa: F401 - views
from .models import TEXT_MAX_LENGTH, TITLE_MAX_LENGTH, Idea

TEXT_MIN_LENGTH = 20


class IdeaForm(AuthorFields):
    title = forms.CharField(
        label="Titel Ihrer Idee",
        max_length=TITLE_MAX_LENGTH,
        help_text=f"Ein kurzer Satz, höchstens {TITLE_MAX_LENGTH} Zeichen.",
        error_messages={
            "required": "Bitte geben Sie Ihrer Idee einen Titel.",
            "max_length": TOO_LONG,
        },
    )
    text = forms.CharField(
        label="Ihre Idee",
        min_length=TEXT_MIN_LENGTH,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=f"Was schlagen Sie vor, und warum? Nur Text, {TEXT_MIN_LENGTH} bis "
        f"{TEXT_MAX_LENGTH} Zeichen.",
        error_messages={
            "required": "Bitte beschreiben Sie Ihre Idee.",
            "min_length": "Bitte beschreiben Sie Ihre Idee in mindestens %(limit_value)d Zeichen; "
            "Sie haben %(show_value)d.",
            "max_length": TOO_LONG,
        },
    )
    field = forms.ChoiceField(
        label="Handlungsfeld",
        error_messages={
            "required": "Bitte wählen Sie das Handlungsfeld, zu dem Ihre Idee passt.",
            "invalid_choice": "Bitte wählen Sie eines der angebotenen Handlungsfelder.",
        },
    )
    goal = forms.ChoiceField(
        label="Bezieht sich auf ein Ziel (freiwillig)",
        required=False,
        error_messages={"invalid_choice": "Bitte wählen Sie eines der angebotenen Ziele."},
    )
    chapter = forms.ChoiceField(
        label="Bezieht sich auf ein Kapitel des Strategietexts (freiwillig)",
        required=False,
        error_messages={"invalid_choice": "Bitte wählen Sie eines der angebotenen Kapitel."},
    )
    theme = forms.ChoiceField(
        label="Dialogthema (freiwillig)",
        required=False,
        error_messages={"invalid_choice": "Bitte wählen Sie eines der angebotenen Themen."},
    )
    field_order = [
        "title", "text", "field", "goal", "chapter", "theme", "name", "sender_kind", "organisation",
        "email", "website",
    ]  # fmt: skip

    def __init__(self, *args, fields_of_action, goals=(), chapters=(), themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.objects = {
            "field": {str(f.pk): f for f in fields_of_action},
            "goal": {str(g.pk): g for g in goals},
            "chapter": {str(c.pk): c for c in chapters},
            "theme": {str(t.pk): t for t in themes},
        }
        self.fields["field"].choices = [("", "– bitte wählen –")] + [
            (str(f.pk), f"{f.number} {f.title}") for f in fields_of_action
        ]
        self.fields["goal"].choices = [("", "– kein bestimmtes Ziel –")] + [
            (str(g.pk), f"Ziel {g.number}: {g.title}") for g in goals
        ]
        self.fields["chapter"].choices = [("", "– kein bestimmtes Kapitel –")] + [
            (str(c.pk), f"Kapitel {c.number} {c.title}") for c in chapters
        ]
        if not chapters:
            del self.fields["chapter"]
        self.fields["theme"].choices = [("", "– kein Thema –")] + [
            (str(t.pk), t.title) for t in themes
        ]
        if not themes:
            del self.fields["theme"]

    def _object(self, name):
        value = self.cleaned_data.get(name) or ""
        return self.objects[name].get(value)

    def clean_title(self):
        return self.cleaned_data["title"].strip()

    def clean_text(self):
        return self.cleaned_data["text"].strip()

    def clean(self):
        cleaned = super().clean()
        goal = self._object("goal")
        field = self._object("field")
        if goal is not None and field is not None and goal.field_id != field.pk:
            self.add_error(
                "goal",
                f"Ziel {goal.number} gehört nicht zum gewählten Handlungsfeld. Bitte wählen Sie "
                "ein Ziel dieses Handlungsfelds oder keines.",
            )
        return cleaned

    def submission(self) -> dict:
        """Keyword arguments for workflow.submit."""
        data = self.cleaned_data
        return {
            "field": self._object("field"),
            "goal": self._object("goal"),
            "chapter": self._object("chapter") if "chapter" in self.fields else None,
            "theme": self._object("theme") if "theme" in self.fields else None,
            "title": data["title"],
            "text": data["text"],
            "name": data["name"],
            "sender_kind": data["sender_kind"],
            "organisation": data["organisation"],
            "email": data["email"],
        }


class IdeaReportForm(ReportForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = "Gegen welche Regel der Netiquette verstößt die Idee?"


class IdeaCorrectionForm(forms.ModelForm):
    """The author's correction in "Meine Beiträge": title and text, as the idea form asks."""

    title = IdeaForm.base_fields["title"]
    text = IdeaForm.base_fields["text"]

    class Meta:
        model = Idea
        fields = ["title", "text"]

    clean_title = IdeaForm.clean_title
    clean_text = IdeaForm.clean_text
