"""The idea form and the support form: plain fields, German messages beside each field."""

from django import forms

from common.names import is_reserved_name
from common.single_line import SingleLineFields
from dialog.comments.forms import ReportForm
from dialog.sender_kinds import SenderKind

from .models import TEXT_MAX_LENGTH, TITLE_MAX_LENGTH

EMAIL_ERRORS = {
    "required": "Bitte geben Sie Ihre E-Mail-Adresse an.",
    "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.",
}
TOO_LONG = "Höchstens %(limit_value)d Zeichen, Sie haben %(show_value)d."
TEXT_MIN_LENGTH = 20


class Honeypot(forms.Form):
    website = forms.CharField(
        label="Bitte leer lassen",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError("Dieses Feld muss leer bleiben.")
        return ""


class IdeaForm(SingleLineFields, Honeypot):
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
    name = forms.CharField(
        label="Ihr Name, wie er erscheint",
        max_length=80,
        help_text="Ein Vorname oder ein Pseudonym genügt.",
        error_messages={"required": "Bitte geben Sie einen Namen an.", "max_length": TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    sender_kind = forms.ChoiceField(
        label="Ich schreibe als", choices=SenderKind.choices, initial=SenderKind.BUERGER
    )
    organisation = forms.CharField(
        label="Für welche Organisation? (nur wenn Sie nicht als Bürgerin oder Bürger schreiben)",
        required=False,
        max_length=200,
        error_messages={"max_length": TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    email = forms.EmailField(
        label="Ihre E-Mail-Adresse",
        help_text="Nicht öffentlich; für den Bestätigungslink und die Antwort der Redaktion.",
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
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

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if is_reserved_name(name):
            raise forms.ValidationError(
                "Dieser Name ist der Landesregierung, dem Ministerium und der Redaktion "
                "vorbehalten. Bitte wählen Sie einen anderen Namen oder ein Pseudonym."
            )
        return name

    def clean(self):
        cleaned = super().clean()
        organisation = (cleaned.get("organisation") or "").strip()
        kind = cleaned.get("sender_kind")
        if organisation and is_reserved_name(organisation):
            self.add_error(
                "organisation",
                "Diese Bezeichnung ist der Landesregierung, dem Ministerium und der Redaktion "
                "vorbehalten.",
            )
        elif kind and kind != SenderKind.BUERGER and not organisation:
            self.add_error(
                "organisation", "Bitte nennen Sie die Organisation, für die Sie schreiben."
            )
        elif organisation and kind == SenderKind.BUERGER:
            self.add_error(
                "organisation",
                "Bitte wählen Sie oben, als was Sie für diese Organisation schreiben, oder lassen "
                "Sie dieses Feld leer.",
            )
        cleaned["organisation"] = organisation
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


class SupportForm(SingleLineFields, Honeypot):
    """Shown on the idea's page beside the comment form: ids of its own (no duplicate
    "id_email" on one page)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "unterstuetzen-%s")
        super().__init__(*args, **kwargs)

    email = forms.EmailField(
        label="Ihre E-Mail-Adresse",
        help_text="Für den Bestätigungslink. Jede Adresse zählt einmal; öffentlich ist nur die Zahl.",
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    wants_answer = forms.BooleanField(
        label="Mir schreiben, wenn die Redaktion die Idee beantwortet",
        required=False,
        help_text="Nur dann speichern wir Ihre Adresse, bis die Antwort verschickt ist.",
    )
