from django import forms

from common.single_line import SingleLineFields

from .models import AccessibilityFeedback


class AccessibilityFeedbackForm(SingleLineFields, forms.ModelForm):
    # Bots fill every field; people never see this one (hidden by CSS, labelled for screen readers).
    website = forms.CharField(
        label="Bitte leer lassen",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = AccessibilityFeedback
        fields = ["name", "email", "page", "message"]
        labels = {
            "name": "Name (freiwillig)",
            "email": "E-Mail-Adresse",
            "page": "Betroffene Seite (freiwillig)",
            "message": "Ihre Nachricht",
        }
        help_texts = {
            "email": "Nur für unsere Antwort an Sie. Wir veröffentlichen sie nicht.",
            "message": "Beschreiben Sie bitte, wo Sie auf eine Barriere gestoßen sind (höchstens 5.000 Zeichen).",
        }
        error_messages = {
            "email": {
                "required": "Bitte geben Sie Ihre E-Mail-Adresse an, damit wir antworten können.",
                "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
            },
            "message": {
                "required": "Bitte schreiben Sie uns Ihre Nachricht.",
                "max_length": "Ihre Nachricht ist zu lang: höchstens %(limit_value)d Zeichen, Sie haben %(show_value)d.",
            },
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 8})}

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError("Bitte schreiben Sie uns Ihre Nachricht.")
        return message

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError("Dieses Feld muss leer bleiben.")
        return ""
