"""Demo comments (dialog's engine) on the digital Bürgeramt goal of the current strategy: a thread
with an official answer (marked as example content), a reply, and a comment hidden by the
moderation whose reply stays under the placeholder.

Everything is looked up by fixed keys (author name and goal), so a second
run creates nothing. Addresses are from the reserved example.org domain.
It lives in goals because dialog knows no content app.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from dialog.comments import state
from dialog.comments.netiquette import NetiquetteReason
from dialog.comments.xtd import XtdComment
from dialog.models import CommentModeration, CommentReport
from goals.models import Goal

# Ten days ago: inside the demo phase that is running now (it began 14 days
# before the demo was loaded), so the thread counts in that phase's figures.
DAYS_AGO = 10

# (key, parent key, name, text, staff answer)
THREAD = [
    (
        "lea",
        None,
        "Lea aus Bielefeld",
        "Schön wäre, wenn ich Anträge auch abends am Smartphone stellen könnte – "
        "ohne Termin im Bürgeramt.",
        False,
    ),
    (
        "antwort-lea",
        "lea",
        "Redaktion Digitalstrategie.NRW",
        "Danke für den Hinweis. Mit dem digitalen Bürgeramt sollen Sie Anträge rund um die Uhr "
        "online stellen können, auch am Smartphone. Ihr Wunsch fließt in die Auswertung ein.\n\n"
        "(Beispielinhalt: Diese Antwort ist für die Vorführung der Website ausgedacht; die "
        "Landesregierung hat sie nicht gegeben.)",
        True,
    ),
    ("mehmet", "lea", "Mehmet K.", "Und bitte barrierefrei, auch für Screenreader.", False),
    ("entfernt", None, "Gast 17", "[Beispiel für einen beleidigenden Kommentar]", False),
    (
        "nach-entfernt",
        "entfernt",
        "Jana",
        "Ich finde, man sollte sachlich bleiben. Zum Ziel selbst: Open Data bitte als CSV.",
        False,
    ),
    (
        "gemeldet",
        None,
        "Paul",
        "Das dauert alles viel zu lange. Andere Länder sind weiter.",
        False,
    ),
]


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
    for n, (key, parent_key, name, text, staff) in enumerate(THREAD):
        parent = made.get(parent_key)
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

    hidden = made["entfernt"]
    moderation, created = CommentModeration.objects.get_or_create(
        comment=hidden,
        defaults={"hidden_reason": NetiquetteReason.INSULT, "hidden_at": timezone.now()},
    )
    if created:
        state.comments().filter(pk=hidden.pk).hide()
    report.record("Moderationsentscheidung", created)
    _, created = CommentReport.objects.get_or_create(
        comment=made["gemeldet"],
        defaults={"reason": NetiquetteReason.OFF_TOPIC, "note": "Beispielmeldung für die Demo."},
    )
    report.record("Meldung", created)


def _move_from_earlier_goal(report, ct, goal) -> None:
    """Demos loaded before the thread moved had it under goal 1 (the NRW.BANK loan)."""
    names = [name for _, _, name, _, _ in THREAD]
    moved = (
        state.comments()
        .filter(content_type=ct, user_name__in=names)
        .filter(Q(user_email__endswith="@example.org") | Q(user__username="demo.landesregierung"))
        .exclude(object_pk=str(goal.pk))
        .update(object_pk=str(goal.pk))
    )
    report.record("Kommentare unter das passende Ziel verschoben", bool(moved))
