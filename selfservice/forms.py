from django import forms

from common.single_line import SingleLineFields


class LinkRequestForm(SingleLineFields, forms.Form):
    email = forms.EmailField(
        label="Ihre E-Mail-Adresse",
        max_length=254,
        help_text="Die Adresse, mit der Sie kommentiert, abgestimmt oder abonniert haben.",
        error_messages={
            "required": "Bitte geben Sie Ihre E-Mail-Adresse ein.",
            "invalid": (
                "Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de."
            ),
            "max_length": "Die E-Mail-Adresse ist zu lang: höchstens 254 Zeichen.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class EraseOnRequestForm(forms.Form):
    """Staff erase an address's data on a letter's or mail's request."""

    email = forms.EmailField(
        label="E-Mail-Adresse der anfragenden Person",
        max_length=254,
        help_text="Wie in der Anfrage genannt; Schreibweise und „+Zusatz“ spielen keine Rolle.",
        error_messages=LinkRequestForm.base_fields["email"].error_messages,
    )
