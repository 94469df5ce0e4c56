"""Demo strategy text: example chapters from data files in the admin's paste format.

Each file demo/data/text/<version slug>/NN.md starts with "# <number> <title>";
the rest is pasted as the chapter's text. The first paragraph of a chapter marks
the first goal of the field of action with the same number; in 2.0 the first
paragraph continues the 2019 paragraph of the same chapter title.
"""

import csv
import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify

from dialog.comments import state
from dialog.comments.xtd import XtdComment
from goals.models import Chapter, Goal, Paragraph, StrategyVersion
from goals.text import editing

DATA = Path(settings.BASE_DIR) / "demo" / "data" / "text"


def _load_version(version, report) -> None:
    parents = {}
    for order, path in enumerate(sorted((DATA / version.slug).glob("*.md")), start=1):
        head, _, body = path.read_text(encoding="utf-8").partition("\n")
        number, title = head.removeprefix("# ").split(" ", 1)
        chapter, created = Chapter.objects.get_or_create(
            version=version,
            slug=slugify(number.replace(".", "-")),
            defaults={
                "number": number,
                "title": title,
                "order": order,
                "parent": parents.get(number.split(".")[0]) if "." in number else None,
            },
        )
        report.record(f"Kapitel {version.slug} {number}", created)
        parents[number] = chapter
        if not created:
            continue
        editing.apply(chapter, body)
        # Demo anchors are readable and the same on every load, so page lists can name them.
        for paragraph in chapter.paragraphs.all():
            paragraph.anchor = f"a{chapter.slug}-{paragraph.order}"
            paragraph.save(update_fields=["anchor"])
        first = chapter.paragraphs.first()
        goal = Goal.objects.filter(version=version, field__number=number).order_by("number").first()
        if goal:
            first.goals.add(goal)
        older = Paragraph.objects.filter(
            chapter__title=title, chapter__version__year__lt=version.year, order=1
        ).first()
        if older:
            first.continues = older
            first.save()


def _comment(paragraph) -> None:
    ct = ContentType.objects.get_for_model(Paragraph)
    start = timezone.now() - datetime.timedelta(days=3)
    with (DATA / "comments.csv").open(newline="", encoding="utf-8") as file:
        comments = [(row["name"], row["text"]) for row in csv.DictReader(file)]
    for n, (name, text) in enumerate(comments):
        XtdComment.objects.get_or_create(
            content_type=ct,
            object_pk=str(paragraph.pk),
            user_name=name,
            defaults=state.visible_fields(
                site_id=settings.SITE_ID,
                user_email=f"demo-text-{n}@example.org",
                comment=text,
                submit_date=start + datetime.timedelta(hours=n),
            ),
        )


def load(report) -> None:
    for version in StrategyVersion.objects.filter(slug__in=["2019", "2-0"]).order_by("year"):
        _load_version(version, report)
    commented = Paragraph.objects.filter(chapter__version__slug="2019", chapter__number="4.2")
    if commented.exists():
        _comment(commented.first())
