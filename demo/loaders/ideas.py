"""Example ideas in the running demo phase (demo/data/dialog/ideas.csv), marked as examples:
confirmed supports, a comment, and answers, one not taken up with its reason and one taken
up and traced to a 2.0 goal. Runs after the dialog links (the phase covers version 2.0)."""

import hashlib

from demo.loaders.dialog import demo_comment
from dialog.comments import decisions
from dialog.models import Phase
from goals.ideas.models import Idea, IdeaSupport
from goals.models import FieldOfAction, Goal

from .datafiles import moment, table

PHASE = "mitdiskutieren-digitalstrategie-2-0"


def _field(name: str) -> FieldOfAction:
    version, _, number = name.partition(":")
    return FieldOfAction.objects.get(version__slug=version, number=number)


def _goal(name: str) -> Goal:
    version, _, title = name.partition(": ")
    return Goal.objects.get(version__slug=version, title__contains=title)


def _key(*parts) -> str:
    """A stable stand-in hash for invented supporters and links (no address behind it)."""
    return hashlib.sha256("|".join(map(str, ("demo", *parts))).encode()).hexdigest()


def load(report) -> None:
    phase = Phase.objects.get(slug=PHASE)
    for row in table("dialog/ideas.csv"):
        if Idea.objects.filter(phase=phase, title=row["title"]).exists():
            report.record(f"Idee „{row['title']}“", False)
            continue
        published = moment(row["published"])
        idea = Idea.objects.create(
            phase=phase,
            field=_field(row["field"]),
            goal=_goal(row["goal"]) if row["goal"] else None,
            title=row["title"],
            text=row["text"],
            name=row["name"],
            email=f"{row['name'].lower()}@example.org",
            status=Idea.Status.PUBLISHED,
            is_example=True,
            token_hash=_key("idea", row["title"]),
            confirmed_at=published,
            published_at=published,
        )
        Idea.objects.filter(pk=idea.pk).update(created_at=published)
        IdeaSupport.objects.bulk_create(
            IdeaSupport(
                idea=idea,
                address_hash=_key("supporter", idea.pk, n),
                token_hash=_key("support", idea.pk, n),
                confirmed_at=published,
            )
            for n in range(int(row["supports"]))
        )
        if row["comment"]:
            demo_comment(idea, row["comment_name"], row["comment"], published)
        if row["outcome"]:
            result = decisions.result_value(_goal(row["led_to"])) if row["led_to"] else ""
            decisions.decide([idea], row["outcome"], row["reason"], None, result, notify=False)
        report.record(f"Idee „{row['title']}“", True)
