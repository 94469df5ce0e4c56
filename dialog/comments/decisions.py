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
from dialog.comments.xtd import XtdComment
from dialog.object_choices import ObjectChoices, parse, value_of


class DecisionRefused(ValueError):
    """Raised with a German message for staff."""


_results = ObjectChoices()


def register_result(model, *, group: str, choices, label=str) -> None:
    """Let decisions point to objects of `model` (e.g. goals of the current version)."""
    _results.register(model, group=group, choices=choices, label=label)


def result_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices for a select: value "<content type id>:<pk>"."""
    return _results.grouped()


result_value = value_of
parse_result = parse


@dataclass(frozen=True)
class Decidable:
    """A kind of contribution that takes decisions: comments, and statements (dialog.statements)."""

    model: type[models.Model]
    decision_model: type[models.Model]
    # The decision's one-to-one field naming its contribution.
    owner_field: str
    plural: str  # "Kommentare", for messages to staff
    is_visible: Callable[[models.Model], bool]
    author_email: Callable[[models.Model], str]
    mail_author: Callable[[models.Model], None]


_decidables: list[Decidable] = []


def register_decidable(kind: Decidable) -> None:
    _decidables[:] = [k for k in _decidables if k.model is not kind.model] + [kind]


def _decidable_of(items) -> Decidable:
    for kind in _decidables:
        if all(isinstance(item, kind.model) for item in items):
            return kind
    raise DecisionRefused("Bitte entscheiden Sie über Kommentare und Stellungnahmen getrennt.")


def decide(
    items, outcome: str, reason: str, user, result_value: str = "", notify: bool = True
) -> int:
    """Record the decision on each comment or statement and mail its author; refuses
    hidden or unpublished ones (then nothing is stored).

    `notify=False` only for loading example content, whose authors are invented.
    """
    if outcome not in Outcome.values:
        raise DecisionRefused("Bitte wählen Sie eine Entscheidung.")
    reason = reason.strip()
    if not reason:
        raise DecisionRefused("Bitte begründen Sie die Entscheidung in einem Satz.")
    items = list(items)
    if not items:
        return 0
    kind = _decidable_of(items)
    hidden = [item for item in items if not kind.is_visible(item)]
    if hidden:
        raise DecisionRefused(
            "Entscheidungen gibt es nur zu sichtbaren Beiträgen; "
            f"{len(hidden)} der ausgewählten {kind.plural} sind verborgen oder warten noch. "
            "Es wurde nichts gespeichert."
        )
    result_type, result_pk = parse_result(result_value)
    with transaction.atomic():
        for item in items:
            kind.decision_model.objects.update_or_create(
                **{kind.owner_field: item},
                defaults={
                    "outcome": outcome,
                    "reason": reason,
                    "result_type": result_type,
                    "result_pk": result_pk,
                    "decided_by": user,
                },
            )
            if notify and kind.author_email(item):
                transaction.on_commit(lambda i=item: kind.mail_author(i))
    return len(items)


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


# Kinds of contribution above the dialog (ideas) that list themselves under what they led
# to, each under its own heading: (heading, anchor, items_of(obj)).
_origins: list[tuple[str, str, Callable]] = []


def register_origin(heading: str, anchor: str, items_of: Callable) -> None:
    """`items_of(obj)`: the visible contributions whose decision names `obj`, each with
    get_absolute_url, title, name, date and outcome_label; one query."""
    _origins[:] = [o for o in _origins if o[0] != heading] + [(heading, anchor, items_of)]


def origins_of(obj) -> list[tuple[str, str, list]]:
    return [
        (heading, anchor, items)
        for heading, anchor, items_of in _origins
        if (items := list(items_of(obj)))
    ]


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


register_decidable(
    Decidable(
        model=XtdComment,
        decision_model=CommentDecision,
        owner_field="comment",
        plural="Kommentare",
        is_visible=state.is_visible,
        author_email=lambda comment: comment.user_email,
        mail_author=_mail_author,
    )
)
