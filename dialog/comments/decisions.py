"""A decision on every contribution: what became of it, why, and where it led.

Moderators record an outcome (berücksichtigt, teilweise, nicht, beantwortet) with
a public reason and optionally the goal or paragraph of a later version it led
to. The decision shows under the comment, the author is told by mail (answers
reach the editors), and the goal or paragraph lists the contributions it came
from. Content apps name what a contribution can lead to with `register_result`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from common import mail
from dialog.comments import state
from dialog.comments.models import CommentDecision, Outcome


class DecisionRefused(ValueError):
    """Raised with a German message for staff."""


@dataclass(frozen=True)
class ResultKind:
    model: type[models.Model]
    group: str
    choices: Callable[[], models.QuerySet]
    label: Callable[[models.Model], str]


_results: list[ResultKind] = []


def register_result(model, *, group: str, choices, label=str) -> None:
    """Let decisions point to objects of `model` (e.g. goals of the current version)."""
    _results.append(ResultKind(model, group, choices, label))


def result_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices for a select: value "<content type id>:<pk>"."""
    grouped = []
    for kind in _results:
        content_type = ContentType.objects.get_for_model(kind.model)
        options = [(f"{content_type.pk}:{obj.pk}", kind.label(obj)) for obj in kind.choices()]
        if options:
            grouped.append((kind.group, options))
    return grouped


def result_value(obj) -> str:
    """The choice value naming `obj` as a decision's result."""
    return f"{ContentType.objects.get_for_model(obj).pk}:{obj.pk}"


def parse_result(value: str):
    """(content type, pk) for a choice value, or (None, "") for none."""
    if not value:
        return None, ""
    type_id, _, pk = value.partition(":")
    return ContentType.objects.get_for_id(int(type_id)), pk


def decide(
    comments, outcome: str, reason: str, user, result_value: str = "", notify: bool = True
) -> int:
    """Record the decision on each comment and mail its author; refuses hidden comments.

    `notify=False` only for loading example content, whose authors are invented.
    """
    if outcome not in Outcome.values:
        raise DecisionRefused("Bitte wählen Sie eine Entscheidung.")
    reason = reason.strip()
    if not reason:
        raise DecisionRefused("Bitte begründen Sie die Entscheidung in einem Satz.")
    comments = list(comments)
    hidden = [c for c in comments if not state.is_visible(c)]
    if hidden:
        raise DecisionRefused(
            "Entscheidungen gibt es nur zu sichtbaren Beiträgen; "
            f"{len(hidden)} der ausgewählten Kommentare sind verborgen oder warten noch. "
            "Es wurde nichts gespeichert."
        )
    result_type, result_pk = parse_result(result_value)
    with transaction.atomic():
        for comment in comments:
            CommentDecision.objects.update_or_create(
                comment=comment,
                defaults={
                    "outcome": outcome,
                    "reason": reason,
                    "result_type": result_type,
                    "result_pk": result_pk,
                    "decided_by": user,
                },
            )
            if notify and comment.user_email:
                transaction.on_commit(lambda c=comment: _mail_author(c))
    return len(comments)


def _mail_author(comment) -> None:
    decision = CommentDecision.objects.select_related("result_type").get(comment=comment)
    mail.send(
        "Was aus Ihrem Beitrag wurde",
        comment.user_email,
        "mail/comment_decision.txt",
        {
            "comment": comment,
            "decision": decision,
            "result": decision.result,
            "contact_email": settings.COMMENTS_XTD_CONTACT_EMAIL,
        },
        # An answer to this mail reaches the editors, not a noreply box.
        reply_to=[settings.COMMENTS_XTD_CONTACT_EMAIL],
    )


def contributions_leading_to(obj):
    """Visible comments whose decision names `obj` as where they led, oldest first."""
    content_type = ContentType.objects.get_for_model(obj)
    return (
        state.comments()
        .visible()
        .filter(decision__result_type=content_type, decision__result_pk=str(obj.pk))
        .select_related("decision", "content_type")
        .order_by("submit_date")
    )
