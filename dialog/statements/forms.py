from django import forms
from django.conf import settings

from common.names import is_reserved_name
from common.pdf import PdfRejected, inspect_pdf
from common.single_line import SingleLineFields
from dialog.sender_kinds import ORGANISATION_CHOICES
from dialog.statements.models import TEXT_MAX_LENGTH

MAX_TARGETS = 10

REQUIRED = "Bitte geben Sie {what} an."


class StatementForm(SingleLineFields, forms.Form):
    organisation = forms.CharField(
        label="Name der Organisation",
        max_length=200,
        error_messages={"required": REQUIRED.format(what="den Namen Ihrer Organisation")},
    )
    kind = forms.ChoiceField(
        label="Art der Organisation",
        choices=ORGANISATION_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Bitte wählen Sie, welche Art Organisation Sie vertreten.",
            "invalid_choice": "Bitte wählen Sie eine der angebotenen Arten.",
        },
    )
    title = forms.CharField(
        label="Titel der Stellungnahme",
        max_length=200,
        help_text="z. B. „Stellungnahme zum Ausbau der digitalen Verwaltung“",
        error_messages={"required": REQUIRED.format(what="einen Titel")},
    )
    text = forms.CharField(
        label="Text der Stellungnahme",
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Die wichtigsten Punkte, auch wenn Sie ein PDF beifügen; höchstens "
        "20.000 Zeichen.",
        error_messages={
            "required": "Bitte schreiben Sie Ihre Stellungnahme oder fassen Sie Ihr PDF "
            "in einigen Sätzen zusammen."
        },
    )
    pdf = forms.FileField(
        label="PDF-Dokument (freiwillig)",
        required=False,
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    targets = forms.MultipleChoiceField(
        label="Worauf sich Ihre Stellungnahme bezieht (freiwillig)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=f"Bis zu {MAX_TARGETS} Kapitel oder Ziele. Ohne Auswahl gilt die "
        "Stellungnahme der Strategie als Ganzes.",
        error_messages={
            "invalid_choice": "Bitte wählen Sie nur Kapitel und Ziele aus der Liste; "
            "„%(value)s“ gehört nicht dazu."
        },
    )
    email = forms.EmailField(
        label="E-Mail-Adresse für Rückfragen",
        help_text="Wird nicht veröffentlicht. Sie erhalten einen Bestätigungslink und "
        "später die Entscheidung zu Ihrer Stellungnahme.",
        error_messages={
            "required": "Bitte geben Sie eine E-Mail-Adresse an.",
            "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.",
        },
    )
    consent = forms.BooleanField(
        label="Ich bin damit einverstanden, dass Name und Art der Organisation, Titel, Text "
        "und PDF nach der Prüfung veröffentlicht werden.",
        error_messages={
            "required": "Ohne Ihr Einverständnis können wir die Stellungnahme nicht "
            "veröffentlichen. Bitte setzen Sie das Häkchen."
        },
    )

    def __init__(self, *args, target_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["targets"].choices = target_choices
        self.fields["pdf"].help_text = (
            f"Höchstens {settings.STATEMENTS_MAX_UPLOAD_MB} MB, ohne Kennwort. Das PDF wird "
            "mit der Stellungnahme veröffentlicht."
        )
        self.pdf_info = None

    def target_groups(self):
        """(group label, its checkboxes) for one fieldset per group."""
        widgets = iter(self["targets"])
        return [
            (group, [next(widgets) for _ in options])
            for group, options in self.fields["targets"].choices
        ]

    def clean_organisation(self):
        organisation = self.cleaned_data["organisation"].strip()
        if not organisation:
            raise forms.ValidationError(REQUIRED.format(what="den Namen Ihrer Organisation"))
        if is_reserved_name(organisation):
            raise forms.ValidationError(
                "Diese Bezeichnung ist der Landesregierung, dem Ministerium und der Redaktion "
                "vorbehalten. Stellungnahmen der Landesverwaltung nimmt die Redaktion direkt auf."
            )
        return organisation

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(REQUIRED.format(what="einen Titel"))
        return title

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(self.fields["text"].error_messages["required"])
        return text

    def clean_targets(self):
        chosen = self.cleaned_data["targets"]
        if len(chosen) > MAX_TARGETS:
            raise forms.ValidationError(
                f"Bitte wählen Sie höchstens {MAX_TARGETS} Kapitel oder Ziele; Sie haben "
                f"{len(chosen)} gewählt."
            )
        return chosen

    def clean_pdf(self):
        pdf = self.cleaned_data.get("pdf")
        if not pdf:
            return None
        try:
            self.pdf_info = inspect_pdf(pdf, limit_mb=settings.STATEMENTS_MAX_UPLOAD_MB)
        except PdfRejected as rejected:
            raise forms.ValidationError(rejected.message) from None
        return pdf

    def clean(self):
        cleaned = super().clean()
        # A browser never sends a chosen file back: say so when the form comes back.
        if self.errors and self.files.get("pdf") and "pdf" not in self.errors:
            self.add_error(
                None,
                "Ihr PDF war in Ordnung, wird aber aus Sicherheitsgründen nicht "
                "zwischengespeichert: Bitte wählen Sie es nach dem Korrigieren erneut aus.",
            )
        return cleaned
