"""The admin form for a contribution that came by e-mail or letter."""

from django import forms
from django.utils import timezone

from common.single_line import SingleLineFields
from dialog.comments import mail_in
from dialog.comments.models import Channel, SenderKind


class MailInForm(SingleLineFields, forms.Form):
    target = forms.ChoiceField(
        label="Wozu?",
        help_text="Das Ziel oder der Absatz der aktuellen Fassung, zu dem der Beitrag geschrieben wurde.",
    )
    channel = forms.ChoiceField(
        label="Eingegangen",
        choices=[(Channel.EMAIL, Channel.EMAIL.label), (Channel.LETTER, Channel.LETTER.label)],
        widget=forms.RadioSelect,
    )
    received_on = forms.DateField(label="Eingegangen am", help_text="TT.MM.JJJJ")
    name = forms.CharField(
        label="Name, wie er erscheinen soll",
        max_length=50,
        help_text="Wie die Person oder Organisation unterschrieben hat, oder ein Kürzel, wenn "
        "sie nicht mit Namen erscheinen möchte. Keine Anschrift, keine E-Mail-Adresse.",
    )
    kind = forms.ChoiceField(label="Schreibt als", choices=SenderKind.choices)
    organisation = forms.CharField(label="Organisation", max_length=200, required=False)
    text = forms.CharField(
        label="Text des Beitrags",
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=3000,
        help_text="Wörtlich oder in einer Zusammenfassung, die die Person freigegeben hat.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = mail_in.targets()
        self.fields["target"].choices = [("", "– bitte wählen –"), *self.choices]

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("Das Datum liegt in der Zukunft.")
        return day

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Bitte geben Sie den Text des Beitrags ein.")
        return text

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("organisation") and cleaned.get("kind") == SenderKind.BUERGER:
            # As on the public form: an organisation needs a kind other than Bürgerin/Bürger.
            self.add_error(
                "organisation",
                "Für eine Organisation wählen Sie bitte oben Verband, Wissenschaft, Unternehmen "
                "oder Verwaltung.",
            )
        target = cleaned.get("target")
        if target:
            cleaned["target_object"] = mail_in.target_of(target, self.choices)
            if cleaned["target_object"] is None:
                self.add_error("target", "Dieses Ziel oder diesen Absatz gibt es nicht.")
        return cleaned
