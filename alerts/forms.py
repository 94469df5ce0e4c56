from django import forms

from common.single_line import SingleLineFields

from . import registry


class SubscribeForm(SingleLineFields, forms.Form):
    email = forms.EmailField(
        label="Ihre E-Mail-Adresse",
        max_length=254,
        help_text="Sie erhalten zuerst eine E-Mail mit einem Bestätigungslink.",
        error_messages={
            "required": "Bitte geben Sie Ihre E-Mail-Adresse ein.",
            "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    topic = forms.CharField(max_length=100, widget=forms.HiddenInput)

    def clean_topic(self):
        topic = self.cleaned_data["topic"]
        label = registry.topic_label(topic)
        if label is None:
            raise forms.ValidationError("Dieses Thema kann nicht abonniert werden.")
        self.topic_label = label
        return topic


class ManageRequestForm(SingleLineFields, forms.Form):
    email = SubscribeForm.base_fields["email"]
