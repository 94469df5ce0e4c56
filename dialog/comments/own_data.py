"""Comments in "Meine Beiträge" (common/own_data.py): the author lists, corrects, withdraws
and erases their comments, and the confirmations still open, by their mailbox alone.

Rules (the privacy page states them, strategy_site's privacy text):
- correcting: while the comment has no reply and no decision and its thread is open; the
  thread then says "bearbeitet am …"; where the thread is pre-moderated the corrected
  comment waits for the moderation again;
- withdrawing, and erasing: a comment without replies and without a decision is deleted;
  one with replies or a decision stays in its place as "Vom Verfasser zurückgezogen"
  (hidden, text, name, address, IP address and "Ich schreibe als" erased), so the replies
  keep their context and a decision stays readable under it; like every hidden comment it
  no longer counts in figures and results; unconfirmed comments are deleted.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.db.models.signals import post_save
from django.utils import timezone

from common import addresses, own_data
from dialog.comments import moderation, state
from dialog.comments.commentable import NotCommentable, policy_for
from dialog.comments.export import state_of
from dialog.comments.forms import CommentCorrectionForm
from dialog.comments.models import AuthorChange, CommentSender, PendingComment
from dialog.comments.threads import decision_of, permalink, sender_of
from dialog.comments.xtd import XtdComment


def _replies_of(pk):
    # The package stores a top-level comment as its own parent.
    return XtdComment.objects.filter(parent_id=pk).exclude(pk=pk)


def _replies():
    return _replies_of(OuterRef("pk"))


def comments_of(address: str):
    """The mailbox's stored comments, with `has_replies` and what the list shows."""
    return (
        state.comments()
        .filter(addresses.mailbox_filter("user_email", address))
        .annotate(has_replies=Exists(_replies()))
        .select_related("moderation", "decision", "sender", "author_change")
    )


def _edited_at(comment):
    try:
        return comment.author_change.edited_at
    except XtdComment.author_change.RelatedObjectDoesNotExist:
        return None


def _decision_lines(decision) -> list[str]:
    if decision is None:
        return []
    return [f"Entscheidung: {decision.get_outcome_display()}", f"Begründung: {decision.reason}"]


def _correctable(comment) -> bool:
    return not comment.has_replies and decision_of(comment) is None and not state.is_hidden(comment)


class Comments(own_data.Kind):
    slug = "kommentar"
    plural = "Kommentare"
    erase_rule = (
        "Kommentare ohne Antworten und ohne Entscheidung werden gelöscht. Hat ein Kommentar "
        "Antworten oder eine Entscheidung, bleibt an seiner Stelle der Hinweis „Vom Verfasser "
        "zurückgezogen“; Text, Name, E-Mail-Adresse und IP-Adresse werden gelöscht."
    )

    def entries(self, address):
        comments = list(comments_of(address))
        targets = _objects((c.content_type_id, c.object_pk) for c in comments)
        found = []
        for comment in comments:
            target = targets.get((comment.content_type_id, comment.object_pk))
            sender = sender_of(comment)
            found.append(
                own_data.Entry(
                    kind=self.slug,
                    pk=comment.pk,
                    label="Antwort" if comment.level else "Kommentar",
                    created_at=comment.submit_date,
                    place=str(target) if target is not None else "",
                    state=state_of(comment),
                    text=comment.comment,
                    url=permalink(comment) if state.is_visible(comment) else "",
                    details=_decision_lines(decision_of(comment)),
                    edited_at=_edited_at(comment),
                    can_edit=_correctable(comment),
                    withdraw="Kommentar zurückziehen",
                    data={
                        "name": comment.user_name,
                        "e_mail": comment.user_email,
                        "webseite": comment.user_url,
                        "ip_adresse": comment.ip_address,
                        "schreibt_als": str(sender) if sender else "",
                        "benachrichtigung_bei_antworten": comment.followup,
                    },
                )
            )
        return found

    def _one(self, address, pk):
        return comments_of(address).select_for_update(of=("self",)).filter(pk=pk).first()

    @transaction.atomic
    def withdraw(self, address, pk):
        comment = self._one(address, pk)
        if comment is None:
            return False
        withdraw(comment)
        return True

    def correction_form(self, address, pk, data=None):
        comment = comments_of(address).filter(pk=pk).first()
        if comment is None or not _correctable(comment) or not _open(comment):
            return None
        return CommentCorrectionForm(data, initial={"comment": comment.comment})

    @transaction.atomic
    def edit(self, address, pk, cleaned):
        comment = self._one(address, pk)
        if comment is None or not _correctable(comment) or not _open(comment):
            return False
        comment.comment = cleaned["comment"]
        # No replies (checked above): the package's pre_save changes no subtree here.
        comment.save(update_fields=["comment"])
        AuthorChange.objects.update_or_create(
            comment_id=comment.pk, defaults={"edited_at": timezone.now()}
        )
        if state.is_visible(comment) and policy_for(comment.content_object).premoderated(
            comment.content_object
        ):
            state.comments().filter(pk=comment.pk).withhold()
            transaction.on_commit(lambda: moderation.corrected_waits(comment))
        return True

    @transaction.atomic
    def erase(self, address):
        # Deepest first, each asked anew whether replies remain: a reply of the same author
        # goes before its parent, which then has none left and is deleted too.
        comments = list(comments_of(address).select_for_update(of=("self",)).order_by("-level"))
        for comment in comments:
            comment.has_replies = _replies_of(comment.pk).exists()
            withdraw(comment)
        return len(comments)


def _open(comment) -> bool:
    target = comment.content_object
    try:
        return target is not None and policy_for(target).is_open(target)
    except NotCommentable:
        return False


def withdraw(comment) -> None:
    """Delete the comment, or keep its place where replies or a decision need it."""
    if not comment.has_replies and decision_of(comment) is None:
        comment.delete()
        return
    state.comments().filter(pk=comment.pk).hide()
    XtdComment.objects.filter(pk=comment.pk).update(
        comment="", user_name="", user_email="", user_url="", ip_address=None, followup=False
    )
    CommentSender.objects.filter(comment_id=comment.pk).delete()  # the organisation named
    # Written by update(): a save would make the package's pre_save hide the replies too.
    # Whoever follows comment saves (the search index keeps the text, the page cache,
    # the counts) hears of it as of one, with the row as it is now.
    post_save.send(
        sender=XtdComment,
        instance=XtdComment.objects.get(pk=comment.pk),
        created=False,
        update_fields={"comment", "user_name", "user_email", "user_url", "ip_address"},
        raw=False,
        using=comment._state.db,
    )
    AuthorChange.objects.update_or_create(
        comment_id=comment.pk, defaults={"withdrawn_at": timezone.now()}
    )


def _pending_of(address: str):
    return PendingComment.objects.exclude(data={}).filter(
        addresses.mailbox_filter("data__user_email", address)
    )


def _objects(pairs) -> dict[tuple[int, str], object]:
    """Commented objects by (content type id, pk): one query per kind of object, with what
    their labels read (the content app's prepare_export), never one per object."""
    wanted = defaultdict(set)
    for type_id, pk in pairs:
        wanted[type_id].add(str(pk))
    found = {}
    for type_id, pks in wanted.items():
        try:
            model = ContentType.objects.get_for_id(type_id).model_class()
            policy = policy_for(model)
        except (ContentType.DoesNotExist, NotCommentable):
            continue
        queryset = policy.prepare_export(model._default_manager.all())
        for obj in queryset.filter(pk__in=[pk for pk in pks if pk.isascii() and pk.isdigit()]):
            found[(type_id, str(obj.pk))] = obj
    return found


class UnconfirmedComments(own_data.Kind):
    slug = "kommentar-unbestaetigt"
    plural = "unbestätigte Kommentare"
    erase_rule = "Unbestätigte Kommentare werden gelöscht."

    def entries(self, address):
        pendings = list(_pending_of(address))
        targets = _objects(
            (item.data.get("content_type_id"), item.data.get("object_pk")) for item in pendings
        )
        return [
            own_data.Entry(
                kind=self.slug,
                pk=item.pk,
                label="Kommentar (unbestätigt)",
                created_at=item.created_at,
                place=str(
                    targets.get((item.data.get("content_type_id"), str(item.data.get("object_pk"))))
                    or ""
                ),
                state="noch nicht bestätigt: bitte den Link in unserer E-Mail öffnen",
                text=item.data.get("comment", ""),
                withdraw="Verwerfen",
                data={"name": item.data.get("user_name", ""), "e_mail": item.data["user_email"]},
            )
            for item in pendings
        ]

    def withdraw(self, address, pk):
        return _pending_of(address).filter(pk=pk).delete()[0] > 0

    def erase(self, address):
        return _pending_of(address).delete()[0]


def register() -> None:
    own_data.register(Comments())
    own_data.register(UnconfirmedComments())
