from django import forms

from common.single_line import SingleLineFields

from .ballot import MAX_CHOICES


class PriorityForm(SingleLineFields, forms.Form):
    fields_of_action = forms.MultipleChoiceField(
        label="Ihre Wahl (bis zu drei)",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Bitte wählen Sie mindestens ein Handlungsfeld."},
    )
    email = forms.EmailField(
        label="Ihre E-Mail-Adresse",
        help_text="Nur für den Bestätigungslink. Wir speichern die Adresse nicht; eine "
        "zweite Stimme mit derselben Adresse ersetzt die erste.",
        error_messages={
            "required": "Bitte geben Sie Ihre E-Mail-Adresse an.",
            "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.",
        },
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.field_objects = {str(f.pk): f for f in choices}
        self.fields["fields_of_action"].choices = [
            (str(f.pk), f"{f.number} {f.title}") for f in choices
        ]

    def clean_fields_of_action(self):
        chosen = self.cleaned_data["fields_of_action"]
        if len(chosen) > MAX_CHOICES:
            raise forms.ValidationError(
                f"Bitte wählen Sie höchstens {MAX_CHOICES} Handlungsfelder; Sie haben "
                f"{len(chosen)} gewählt."
            )
        return [self.field_objects[pk] for pk in chosen]
