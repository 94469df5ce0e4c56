"""One-line fields of public forms take one line of text: no line breaks, no other control
characters (C0 and C1). A name or an organisation with a line break would end up in a mail
header or a CSV row as two; every public form refuses it beside the field, in German, and
keeps what was typed."""

import re

from django import forms

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
MESSAGE = (
    "Bitte entfernen Sie Zeilenumbrüche, Tabulatoren und andere Steuerzeichen: "
    "dieses Feld nimmt eine Zeile Text."
)


def has_control_characters(value) -> bool:
    return isinstance(value, str) and CONTROL.search(value) is not None


def is_one_line(field) -> bool:
    """A text field shown as one line (textareas keep line breaks; hidden fields are the
    form's own)."""
    return isinstance(field, forms.CharField) and not isinstance(
        field.widget, forms.Textarea | forms.HiddenInput
    )


class SingleLineFields:
    """Mixin for public forms: every one-line text field refuses control characters, with
    the message beside the field. Checked in clean(), so fields a form builds or replaces
    in its own __init__ are covered too."""

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            if is_one_line(field) and has_control_characters(cleaned.get(name)):
                self.add_error(name, MESSAGE)
        return cleaned
