"""Form fields every contribution with its own page shares: who writes (name as shown,
"Ich schreibe als", organisation, address to confirm), the honeypot, the support form."""

from django import forms

from common.names import is_reserved_name
from common.single_line import SingleLineFields
from dialog.sender_kinds import SenderKind

EMAIL_ERRORS = {
    "required": "Bitte geben Sie Ihre E-Mail-Adresse an.",
    "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.",
}
TOO_LONG = "Höchstens %(limit_value)d Zeichen, Sie haben %(show_value)d."


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


class AuthorFields(SingleLineFields, Honeypot):
    """Name, sender kind, organisation and address, with their German checks."""

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
        return cleaned


class SupportForm(SingleLineFields, Honeypot):
    """Shown on a contribution's page beside the comment form: ids of its own (no duplicate
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
        label="Mir schreiben, wenn die Redaktion antwortet",
        required=False,
        help_text="Nur dann speichern wir Ihre Adresse, bis die Antwort verschickt ist.",
    )
