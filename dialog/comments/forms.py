"""The comment and report forms: the package's security and honeypot checks, our German."""

from django import forms
from django.conf import settings

from common.bounds import MAX_ID
from common.names import is_reserved_name
from common.single_line import SingleLineFields
from dialog.comments import state
from dialog.comments.models import CommentSender, SenderKind
from dialog.comments.netiquette import NetiquetteReason
from dialog.comments.xtd import XtdComment, XtdCommentForm


def _german_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def comment_text_field() -> forms.CharField:
    """The comment's text, as the form and the author's correction ask for it."""
    # The limit comes from the package's setting, never from a copy.
    comment_max = settings.COMMENTS_XTD_MAX_LENGTH
    return forms.CharField(
        label="Ihr Kommentar",
        max_length=comment_max,
        help_text=(
            f"Höchstens {_german_number(comment_max)} Zeichen. Bitte beachten Sie die Netiquette."
        ),
        error_messages={
            "required": "Bitte schreiben Sie Ihren Kommentar.",
            "max_length": (
                f"Ihr Kommentar ist zu lang: höchstens {_german_number(comment_max)} Zeichen, "
                "Sie haben %(show_value)d."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class CommentCorrectionForm(forms.Form):
    """The author's correction of their own comment ("Meine Beiträge")."""

    comment = comment_text_field()


class CommentForm(SingleLineFields, XtdCommentForm):
    """Name (pseudonym allowed), email (never shown), text, follow-up checkbox."""

    def __init__(self, target_object, data=None, *, parent=None, staff_user=None, **kwargs):
        initial = kwargs.pop("initial", {})
        if parent is not None:
            initial["reply_to"] = parent.pk
        if staff_user is not None:
            initial.setdefault("name", staff_user.get_full_name() or staff_user.get_username())
            initial.setdefault("email", staff_user.email)
        super().__init__(target_object, data=data, initial=initial, **kwargs)
        self.parent = parent
        self.official = staff_user is not None
        # The package's field has no bounds: a huge number would reach the database.
        self.fields["reply_to"] = forms.IntegerField(
            required=False,
            initial=self.fields["reply_to"].initial,
            min_value=0,
            max_value=MAX_ID,
            widget=forms.HiddenInput,
            error_messages={
                "invalid": "Der Kommentar, auf den Sie antworten wollten, ist nicht bekannt.",
                "min_value": "Der Kommentar, auf den Sie antworten wollten, ist nicht bekannt.",
                "max_value": "Der Kommentar, auf den Sie antworten wollten, ist nicht bekannt.",
            },
        )
        # Limits come from the package's column, never from copies.
        name_max = XtdComment._meta.get_field("user_name").max_length
        self.fields["name"] = forms.CharField(
            label="Name",
            max_length=name_max,
            help_text="Erscheint über Ihrem Kommentar. Ein Pseudonym ist erlaubt.",
            error_messages={
                "required": "Bitte geben Sie einen Namen an. Ein Pseudonym genügt.",
                "max_length": "Der Name ist zu lang: höchstens %(limit_value)d Zeichen, Sie haben %(show_value)d.",
            },
            widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
        )
        self.fields["email"] = forms.EmailField(
            label="E-Mail-Adresse",
            help_text=(
                "Wird nie veröffentlicht. Wir schicken Ihnen daran einen Link, mit dem Sie "
                "Ihren Kommentar bestätigen, und auf Wunsch Hinweise auf Antworten."
            ),
            error_messages={
                "required": "Bitte geben Sie Ihre E-Mail-Adresse an: Sie erhalten daran den Bestätigungslink.",
                "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
            },
            widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        )
        self.fields["comment"] = comment_text_field()
        self.fields["followup"].label = "Mich per E-Mail benachrichtigen, wenn jemand antwortet"
        self.fields[
            "followup"
        ].help_text = (
            "Jede Benachrichtigung enthält einen Link, mit dem Sie sie ohne Anmeldung abbestellen."
        )
        self.fields["followup"].widget.attrs.pop("class", None)
        # Optional: who the contribution speaks for, so evaluations can tell them apart.
        self.fields["sender_kind"] = forms.ChoiceField(
            label="Ich schreibe als",
            required=False,
            choices=[("", "– keine Angabe –"), *SenderKind.choices],
            help_text="Freiwillig. Erscheint neben Ihrem Namen.",
        )
        self.fields["organisation"] = forms.CharField(
            label="Für welche Organisation?",
            required=False,
            max_length=CommentSender._meta.get_field("organisation").max_length,
            help_text="Freiwillig: der Name des Verbands, der Hochschule, des Unternehmens oder "
            "der Behörde, für die Sie schreiben.",
            error_messages={
                "max_length": "Der Name der Organisation ist zu lang: höchstens %(limit_value)d "
                "Zeichen, Sie haben %(show_value)d."
            },
            widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        )
        self.fields["honeypot"].label = "Bitte lassen Sie dieses Feld leer"
        self.fields["honeypot"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        # We link no website from a commenter's name.
        del self.fields["url"]
        self.order_fields(
            ["name", "email", "sender_kind", "organisation", "comment", "followup", "honeypot"]
        )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        # Only staff speak for the state government; nobody else may look as if they did.
        if not self.official and is_reserved_name(name):
            raise forms.ValidationError(
                "Dieser Name ist der Landesregierung, dem Ministerium und der Redaktion "
                "vorbehalten. Bitte wählen Sie einen anderen Namen oder ein Pseudonym."
            )
        return name

    def clean_organisation(self):
        organisation = self.cleaned_data["organisation"].strip()
        if organisation and is_reserved_name(organisation) and not self.official:
            raise forms.ValidationError(
                "Diese Bezeichnung ist der Landesregierung, dem Ministerium und der Redaktion "
                "vorbehalten."
            )
        if organisation and self.cleaned_data.get("sender_kind") in ("", SenderKind.BUERGER):
            raise forms.ValidationError(
                "Bitte wählen Sie oben, als was Sie für diese Organisation schreiben "
                "(Verband, Wissenschaft, Unternehmen oder Verwaltung)."
            )
        return organisation

    def sender(self) -> dict | None:
        """{"kind", "organisation"} when the author said who they write for, else None."""
        kind = self.cleaned_data.get("sender_kind")
        if not kind:
            return None
        return {"kind": kind, "organisation": self.cleaned_data.get("organisation", "")}

    def clean_comment(self):
        text = self.cleaned_data["comment"].strip()
        if not text:
            raise forms.ValidationError("Bitte schreiben Sie Ihren Kommentar.")
        return text

    def clean_honeypot(self):
        if self.cleaned_data["honeypot"]:
            raise forms.ValidationError(
                "Dieses Feld muss leer bleiben. Falls Ihr Browser es ausgefüllt hat, leeren Sie es bitte."
            )
        return ""

    def clean_reply_to(self):
        reply_to = self.cleaned_data["reply_to"] or 0
        if not reply_to:
            return 0
        target = self.target_object
        parent = (
            state.comments()
            .filter(pk=reply_to)
            .only("pk", "content_type_id", "object_pk", "level", *state.STATE_FIELDS)
            .first()
        )
        if parent is None or (parent.content_type_id, parent.object_pk) != (
            self.target_content_type().pk,
            str(target.pk),
        ):
            raise forms.ValidationError(
                "Sie können hier nur auf Kommentare zu dieser Seite antworten."
            )
        if not state.is_visible(parent):
            raise forms.ValidationError("Auf diesen Kommentar kann nicht mehr geantwortet werden.")
        if parent.level >= settings.COMMENTS_XTD_MAX_THREAD_LEVEL:
            raise forms.ValidationError(
                "Auf diesen Kommentar können Sie nicht antworten: Antworten sind bis zur "
                "dritten Ebene möglich. Antworten Sie bitte auf einen Kommentar weiter oben."
            )
        return reply_to

    def target_content_type(self):
        from django.contrib.contenttypes.models import ContentType

        return ContentType.objects.get_for_model(self.target_object)

    def clean(self):
        cleaned = super().clean()
        # The package's CommentDetailsForm reads a link field we removed.
        cleaned["url"] = ""
        # The reply target and the honeypot are not visible inputs: their
        # problems belong to the whole form, shown in the error summary.
        for name in ("reply_to", "honeypot"):
            if name in self.errors:
                for error in self.errors.pop(name):
                    self.add_error(None, error)
        return cleaned

    def tampered(self) -> bool:
        """The form expired (older than two hours) or its hidden fields were changed."""
        return any(
            name in self.errors
            for name in ("timestamp", "security_hash", "content_type", "object_pk")
        )

    def fresh_copy(self):
        """A new form for the same object with new security data and the visitor's text."""
        kept = ("name", "email", "sender_kind", "organisation", "comment", "followup")
        keep = {name: self.data.get(name, "") for name in kept}
        return CommentForm(self.target_object, initial=keep, parent=self.parent)


class ReportForm(SingleLineFields, forms.Form):
    reason = forms.ChoiceField(
        label="Gegen welche Regel der Netiquette verstößt der Kommentar?",
        choices=NetiquetteReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Bitte wählen Sie einen Grund aus."},
    )
    note = forms.CharField(
        label="Erläuterung (freiwillig)",
        required=False,
        max_length=500,
        help_text="Höchstens 500 Zeichen. Bitte nennen Sie hier keine persönlichen Daten.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": "Die Erläuterung ist zu lang: höchstens 500 Zeichen, Sie haben %(show_value)d."
        },
    )
    website = forms.CharField(
        label="Bitte leer lassen",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError("Dieses Feld muss leer bleiben.")
        return ""
