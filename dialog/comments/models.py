"""Our additions to django-comments-xtd's XtdComment.

The package's comment row keeps the text, thread position and the two flags
that dialog/comments/state.py turns into waiting, visible and hidden (hidden
comments are never deleted, so replies keep their parent and counts stay
right). Everything the package has no field for lives here: per-object
options, the moderator's reason, reports.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from dialog.comments.netiquette import NetiquetteReason
from dialog.comments.xtd import XtdComment
from dialog.sender_kinds import SenderKind


def staff_member(label: str) -> models.ForeignKey:
    """Who on the staff did something; kept when the account goes (then empty)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=label,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )


class CommentOptions(models.Model):
    """Switches for the comments of one commentable object, edited inline by editors."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_pk = models.CharField(max_length=64)
    content_object = GenericForeignKey("content_type", "object_pk")
    closed = models.BooleanField(
        "Kommentare geschlossen",
        default=False,
        help_text="Die bisherigen Kommentare bleiben lesbar, neue sind nicht möglich.",
    )
    closed_note = models.CharField(
        "Hinweis statt des Formulars",
        max_length=300,
        blank=True,
        help_text="Freiwillig; sonst erscheint ein allgemeiner Hinweis.",
    )
    premoderated = models.BooleanField(
        "Vorab-Moderation",
        default=False,
        help_text="Neue Kommentare erscheinen erst, wenn die Moderation sie freigegeben hat.",
    )

    class Meta:
        verbose_name = "Kommentar-Einstellung"
        verbose_name_plural = "Kommentar-Einstellungen"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_pk"], name="dialog_commentoptions_unique_object"
            )
        ]

    def __str__(self):
        return f"Kommentare zu {self.content_type.name} {self.object_pk}"


class CommentModeration(models.Model):
    """What the moderation decided about one comment, and why."""

    comment = models.OneToOneField(
        XtdComment, on_delete=models.CASCADE, primary_key=True, related_name="moderation"
    )
    hidden_reason = models.CharField(
        "Grund für das Verbergen", max_length=30, choices=NetiquetteReason.choices, blank=True
    )
    hidden_note = models.TextField(
        "Interne Notiz", blank=True, help_text="Nur für die Moderation sichtbar."
    )
    hidden_at = models.DateTimeField("verborgen am", null=True, blank=True)
    hidden_by = staff_member("verborgen von")
    approved_at = models.DateTimeField("freigegeben am", null=True, blank=True)
    approved_by = staff_member("freigegeben von")

    class Meta:
        verbose_name = "Moderationsentscheidung"
        verbose_name_plural = "Moderationsentscheidungen"
        permissions = [
            ("export_comments", "Kommentare für die Auswertung exportieren"),
            ("export_commenter_emails", "E-Mail-Adressen in den Kommentar-Export aufnehmen"),
        ]

    def __str__(self):
        return f"Moderation von Kommentar {self.comment_id}"

    @property
    def hidden_reason_text(self) -> str:
        return NetiquetteReason(self.hidden_reason).label if self.hidden_reason else ""


class CommentReport(models.Model):
    """A visitor's "Melden" of a comment, with the Netiquette rule it breaks."""

    class Status(models.TextChoices):
        OPEN = "offen", "Offen"
        UNFOUNDED = "unbegruendet", "Unbegründet"
        UPHELD = "berechtigt", "Berechtigt (Kommentar verborgen)"

    comment = models.ForeignKey(
        XtdComment, on_delete=models.CASCADE, related_name="reports", verbose_name="Kommentar"
    )
    reason = models.CharField("Grund", max_length=30, choices=NetiquetteReason.choices)
    note = models.TextField("Erläuterung", max_length=500, blank=True)
    created_at = models.DateTimeField("gemeldet am", auto_now_add=True, db_index=True)
    status = models.CharField(
        "Status", max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    resolved_at = models.DateTimeField("bearbeitet am", null=True, blank=True)
    resolved_by = staff_member("bearbeitet von")

    class Meta:
        verbose_name = "Meldung"
        verbose_name_plural = "Meldungen"
        ordering = ["-created_at"]

    def __str__(self):
        return f"Meldung zu Kommentar {self.comment_id}: {self.get_reason_display()}"


class WaitingComment(XtdComment):
    """The pre-moderation queue in the admin (a view on XtdComment, no table of its own)."""

    class Meta:
        proxy = True
        verbose_name = "wartender Kommentar"
        verbose_name_plural = "Warteschlange: wartende Kommentare"


class ReportedComment(XtdComment):
    """The queue of comments with open reports."""

    class Meta:
        proxy = True
        verbose_name = "gemeldeter Kommentar"
        verbose_name_plural = "Warteschlange: gemeldete Kommentare"


class PendingComment(models.Model):
    """A citizen's comment until its author opens the mailed link (dialog/comments/pending.py).

    The link carries only a random token; its hash finds this row. Name, address,
    IP address and text stay here, never in the link, and are erased once the
    link is used (only the created comment is remembered, for a second click)
    or has expired.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    data = models.JSONField("Angaben", default=dict)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    comment = models.ForeignKey(
        XtdComment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "Unbestätigter Kommentar"
        verbose_name_plural = "Unbestätigte Kommentare"

    def __str__(self):
        return f"Unbestätigt seit {self.created_at:%d.%m.%Y %H:%M}"


class MuteLink(models.Model):
    """The "no more mails" link of one reply notification: a random token, no address."""

    token_hash = models.CharField(max_length=64, unique=True)
    follower = models.ForeignKey(XtdComment, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "Abbestell-Link"
        verbose_name_plural = "Abbestell-Links"

    def __str__(self):
        return f"Abbestell-Link vom {self.created_at:%d.%m.%Y}"


class Outcome(models.TextChoices):
    BERUECKSICHTIGT = "beruecksichtigt", "berücksichtigt"
    TEILWEISE = "teilweise", "teilweise berücksichtigt"
    NICHT = "nicht", "nicht berücksichtigt"
    BEANTWORTET = "beantwortet", "beantwortet"


class Decision(models.Model):
    """What became of one contribution: the outcome, a public reason, and where it led.

    `result` is the goal or paragraph of a later version the contribution led to
    (any model registered with dialog.comments.decisions.register_result). Comments
    and statements (dialog.statements) each have a concrete decision model.
    """

    outcome = models.CharField("Entscheidung", max_length=20, choices=Outcome.choices)
    reason = models.TextField(
        "Begründung", max_length=1000, help_text="Öffentlich, unter dem Beitrag."
    )
    result_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    result_pk = models.CharField(max_length=64, blank=True)
    result = GenericForeignKey("result_type", "result_pk")
    decided_at = models.DateTimeField("entschieden am", auto_now=True)
    decided_by = staff_member("entschieden von")

    class Meta:
        abstract = True

    def __str__(self):
        return self.get_outcome_display()


class CommentDecision(Decision):
    comment = models.OneToOneField(
        XtdComment, on_delete=models.CASCADE, primary_key=True, related_name="decision"
    )

    class Meta:
        verbose_name = "Entscheidung zu einem Beitrag"
        verbose_name_plural = "Entscheidungen zu Beiträgen"
        indexes = [models.Index(fields=["result_type", "result_pk"])]


class Channel(models.TextChoices):
    """How a contribution reached us: on this site, or by mail or letter (entered by staff)."""

    ONLINE = "", "online"
    EMAIL = "email", "per E-Mail eingegangen"
    LETTER = "brief", "per Brief eingegangen"


class CommentSender(models.Model):
    """Who a contribution speaks for, if the author said so ("Ich schreibe als"), and how
    it reached us."""

    comment = models.OneToOneField(
        XtdComment, on_delete=models.CASCADE, primary_key=True, related_name="sender"
    )
    kind = models.CharField("schreibt als", max_length=20, choices=SenderKind.choices)
    organisation = models.CharField("Organisation", max_length=200, blank=True)
    channel = models.CharField(
        "Eingang", max_length=10, choices=Channel.choices, default=Channel.ONLINE, blank=True
    )

    class Meta:
        verbose_name = "Absender eines Beitrags"
        verbose_name_plural = "Absender von Beiträgen"

    def __str__(self):
        label = self.get_kind_display()
        return f"{label}: {self.organisation}" if self.organisation else label


class CommentCount(models.Model):
    """Visible comments per commented object, kept by dialog.comments.counts.

    Lists of goals or paragraphs read one indexed row per object instead of
    counting comments per row (and casting the package's text object_pk).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    visible = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "Zahl der Kommentare"
        verbose_name_plural = "Zahlen der Kommentare"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="dialog_one_count_per_object"
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}: {self.visible}"


class AuthorChange(models.Model):
    """What the author did to their comment afterwards, in "Meine Beiträge": corrected it
    (the thread says "bearbeitet am …") or withdrew it. A withdrawn comment with replies or
    a decision stays hidden in its place ("Vom Verfasser zurückgezogen"), its text and
    name erased; one without is deleted."""

    comment = models.OneToOneField(
        XtdComment, on_delete=models.CASCADE, primary_key=True, related_name="author_change"
    )
    edited_at = models.DateTimeField("bearbeitet am", null=True, blank=True)
    withdrawn_at = models.DateTimeField("zurückgezogen am", null=True, blank=True)

    class Meta:
        verbose_name = "Änderung durch den Verfasser"
        verbose_name_plural = "Änderungen durch die Verfasser"

    def __str__(self):
        return f"Kommentar {self.comment_id}: vom Verfasser geändert"
