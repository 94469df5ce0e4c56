"""Demo comments (dialog's engine) on the digital Bürgeramt goal of the current strategy: a thread
with an official answer (marked as example content), a reply, and a comment hidden by the
moderation whose reply stays under the placeholder.

The thread is data (demo/data/dialog/goal_thread.csv: key, parent key, name, text,
whether it is the official answer, a Netiquette reason it was hidden for, a reason it
was reported for). Everything is looked up by fixed keys (author name and goal), so a
second run creates nothing. Addresses are from the reserved example.org domain.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from dialog.comments import state
from dialog.comments.xtd import XtdComment
from dialog.models import CommentModeration, CommentReport
from goals.models import Goal

from .datafiles import flag, table

# Ten days ago: inside the demo phase that is running now (it began 14 days
# before the demo was loaded), so the thread counts in that phase's figures.
DAYS_AGO = 10


def _official_account():
    user, _ = get_user_model().objects.get_or_create(
        username="demo.landesregierung",
        defaults={"is_staff": True, "first_name": "Redaktion", "last_name": "Digitalstrategie"},
    )
    if user.has_usable_password():
        user.set_unusable_password()  # shows the badge; nobody logs in with it
        user.save(update_fields=["password"])
    return user


# The thread is about applying online at any hour: it belongs under the Bürgeramt goal.
GOAL_TITLE = "Das digitale Bürgeramt bis Ende 2022 starten"


def load(report) -> None:
    goal = Goal.objects.filter(version__slug="2-0", title=GOAL_TITLE).first()
    if goal is None:
        return
    ct = ContentType.objects.get_for_model(Goal)
    _move_from_earlier_goal(report, ct, goal)
    official = _official_account()
    start = timezone.now().replace(minute=30, second=0, microsecond=0) - datetime.timedelta(
        days=DAYS_AGO
    )
    made = {}
    thread = table("dialog/goal_thread.csv")
    for n, row in enumerate(thread):
        key, name, text, staff = row["key"], row["name"], row["text"], flag(row["official"])
        parent = made.get(row["parent"])
        comment, created = XtdComment.objects.get_or_create(
            content_type=ct,
            object_pk=str(goal.pk),
            user_name=name,
            defaults=state.visible_fields(
                site_id=settings.SITE_ID,
                user_email="" if staff else f"demo-{key}@example.org",
                user=official if staff else None,
                comment=text,
                submit_date=start + datetime.timedelta(hours=5 * n),
                parent_id=parent.pk if parent else 0,
            ),
        )
        if not created and comment.comment != text:
            comment.comment = text  # a demo loaded before the text was corrected
            comment.save(update_fields=["comment"])
            created = True
        made[key] = comment
        report.record(f"Kommentar „{name}“", created)

    for row in thread:
        if row["hidden"]:
            hidden = made[row["key"]]
            moderation, created = CommentModeration.objects.get_or_create(
                comment=hidden,
                defaults={"hidden_reason": row["hidden"], "hidden_at": timezone.now()},
            )
            if created:
                state.comments().filter(pk=hidden.pk).hide()
            report.record("Moderationsentscheidung", created)
        if row["reported"]:
            _, created = CommentReport.objects.get_or_create(
                comment=made[row["key"]],
                defaults={"reason": row["reported"], "note": "Beispielmeldung für die Demo."},
            )
            report.record("Meldung", created)


def _move_from_earlier_goal(report, ct, goal) -> None:
    """Demos loaded before the thread moved had it under goal 1 (the NRW.BANK loan)."""
    names = [row["name"] for row in table("dialog/goal_thread.csv")]
    moved = (
        state.comments()
        .filter(content_type=ct, user_name__in=names)
        .filter(Q(user_email__endswith="@example.org") | Q(user__username="demo.landesregierung"))
        .exclude(object_pk=str(goal.pk))
        .update(object_pk=str(goal.pk))
    )
    report.record("Kommentare unter das passende Ziel verschoben", bool(moved))
