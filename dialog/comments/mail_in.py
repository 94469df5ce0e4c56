"""Contributions that arrived by e-mail or letter, entered by staff on the sender's behalf.

They become ordinary released comments under the goal, paragraph or theme they
address, so they count in every figure and export like one written here; their
sender record says how they came in ("per Brief eingegangen"), the thread shows
it, and no address is stored: the sender is answered by the channel they used.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from dialog.comments import state
from dialog.comments.decisions import parse_result, result_choices
from dialog.comments.models import CommentSender
from dialog.comments.xtd import XtdComment

BERLIN = ZoneInfo("Europe/Berlin")


def targets() -> list[tuple[str, list[tuple[str, str]]]]:
    """What a letter can address: the goals and paragraphs of the current version, the same
    choices a decision's result offers (dialog.comments.decisions)."""
    return result_choices()


def target_of(key: str, choices=None):
    """The object a choice value names, or None if it is not one of the choices."""
    choices = choices if choices is not None else targets()
    if key not in {value for _, options in choices for value, _ in options}:
        return None
    content_type, pk = parse_result(key)
    return content_type.model_class()._default_manager.filter(pk=pk).first()


@transaction.atomic
def record(target, *, name, text, received_on: datetime.date, channel, kind, organisation=""):
    """Store the contribution as a released comment with its sender and channel."""
    comment = XtdComment(
        **state.visible_fields(
            content_type=ContentType.objects.get_for_model(target),
            object_pk=str(target.pk),
            site_id=settings.SITE_ID,
            user_name=name,
            user_email="",
            comment=text,
            submit_date=datetime.datetime.combine(received_on, datetime.time(12), BERLIN),
        )
    )
    comment.save()
    CommentSender.objects.create(
        comment=comment, kind=kind, organisation=organisation, channel=channel
    )
    return comment
