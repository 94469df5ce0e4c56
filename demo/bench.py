"""The large data set for `make bench`: the demo, topped up to 100 times its size.

Both versions with their goals plus generated goals up to GOALS in all, POSTS
blog posts, EVENTS events, COMMENTS comments: among them a THREAD-comment thread
three levels deep under goal 1 of the current version, and CHAPTER_COMMENTS on a
CHAPTER_PARAGRAPHS-paragraph chapter of the strategy text. Generated rows carry
a "bench" mark (slug or address), so a second run counts them and adds only
what is missing. Everything goes in with bulk inserts; the search index is
rebuilt at the end, because bulk inserts send no signals.
"""

import datetime
import itertools

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from blog.models import Post
from dialog.comments import state
from dialog.models import Event
from goals.models import Chapter, FieldOfAction, Goal, Paragraph, StatusReport, StrategyVersion

from .bulk_comments import Row, insert

GOALS = 500
POSTS = 1000
EVENTS = 200
COMMENTS = 20_000
THREAD = 2000
CHAPTER_PARAGRAPHS = 300
CHAPTER_COMMENTS = 5000
MARK = "bench"
EMAIL = "@bench.example.org"
STATUSES = ["geplant", "in-umsetzung", "im-zeitplan", "verzoegert", "umgesetzt", "entfallen"]
WORDS = [
    "Breitband",
    "Glasfaser",
    "Schule",
    "Verwaltung",
    "Bürgeramt",
    "Gewerbe",
    "Mobilfunk",
    "Daten",
    "Gesundheit",
    "Energie",
    "Forschung",
    "Gründung",
    "Kommune",
    "Bildung",
    "Sicherheit",
    "Plattform",
    "Netz",
    "Förderung",
]


def sentence(n: int, length: int = 14) -> str:
    words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(length)]
    return " ".join(words).capitalize() + "."


def load(report=print) -> bool:
    """Top the database up to the bench size; True if anything was added."""
    now = timezone.now()
    with transaction.atomic():
        current = StrategyVersion.objects.get(is_current=True)
        chapter, chapter_added = _chapter(current, report)
        added = [
            _goals(current, report),
            _posts(now, report),
            _events(now, report),
            chapter_added,
            _comments(current, chapter, now, report),
        ]
    return any(added)


def _goals(version, report):
    missing = GOALS - Goal.objects.count()
    if missing <= 0:
        report("Ziele: schon vorhanden")
        return False
    fields = list(FieldOfAction.objects.filter(version=version))
    start = (Goal.objects.filter(version=version).aggregate(n=Max("number"))["n"] or 0) + 1
    goals = Goal.objects.bulk_create(
        [
            Goal(
                version=version,
                field=fields[n % len(fields)],
                number=start + n,
                title=f"Bench-Ziel {start + n}: {sentence(n, 6)}",
                description=f"<p>{sentence(n)} {sentence(n + 1)}</p>",
                horizon=["kurzfristig", "mittelfristig", "langfristig"][n % 3],
                target_date=datetime.date(2022 + n % 6, 12, 31),
                target_is_year=True,
                provenance="beispiel",
            )
            for n in range(missing)
        ],
        batch_size=500,
    )
    if goals[0].pk is None:
        goals = list(Goal.objects.filter(number__gte=start, version=version))
    StatusReport.objects.bulk_create(
        [
            StatusReport(
                goal=goal,
                date=datetime.date(2022 + k, 1 + n % 12, 1 + n % 28),
                status=STATUSES[(n + k) % len(STATUSES)],
                text=f"<p>{sentence(n + k)}</p>",
                provenance="beispiel",
            )
            for n, goal in enumerate(goals)
            for k in range(3)
        ],
        batch_size=1000,
    )
    report(f"Ziele: {missing} neu, je drei Berichte")
    return True


def _top_up(model, total, label, build, report) -> bool:
    """Create the marked rows numbered from what exists up to `total`; True if any were."""
    have = model.objects.filter(slug__startswith=f"{MARK}-").count()
    if have >= total:
        report(f"{label}: schon vorhanden")
        return False
    model.objects.bulk_create([build(n) for n in range(have, total)], batch_size=500)
    report(f"{label}: {total - have} neu")
    return True


def _posts(now, report):
    return _top_up(
        Post,
        POSTS,
        "Blogbeiträge",
        lambda n: Post(
            title=f"Bench-Beitrag {n}: {sentence(n, 5)}",
            slug=f"{MARK}-{n}",
            teaser=sentence(n),
            body="".join(f"<p>{sentence(n + k, 30)}</p>" for k in range(8)),
            status=Post.Status.PUBLISHED,
            published_at=now - datetime.timedelta(hours=6 * n + 1),
        ),
        report,
    )


def _events(now, report):
    return _top_up(
        Event,
        EVENTS,
        "Veranstaltungen",
        lambda n: Event(
            title=f"Bench-Veranstaltung {n}",
            slug=f"{MARK}-{n}",
            kind=Event.Kind.LIVE,
            online=True,
            starts_at=now - datetime.timedelta(days=10 * n - 300),
            ends_at=now - datetime.timedelta(days=10 * n - 300, hours=-2),
            description=f"<p>{sentence(n)}</p>",
            times_provenance="beispiel",
        ),
        report,
    )


def _chapter(version, report) -> tuple[Chapter, bool]:
    chapter, created = Chapter.objects.get_or_create(
        version=version,
        slug=f"{MARK}-kapitel",
        defaults={"number": "99", "title": "Bench-Kapitel mit 300 Absätzen", "order": 99},
    )
    have = chapter.paragraphs.count()
    if have < CHAPTER_PARAGRAPHS:
        Paragraph.objects.bulk_create(
            [
                Paragraph(chapter=chapter, order=n + 1, text=f"<p>{sentence(n, 40)}</p>")
                for n in range(have, CHAPTER_PARAGRAPHS)
            ]
        )
    report(f"Kapitel mit {CHAPTER_PARAGRAPHS} Absätzen: {'neu' if created else 'vorhanden'}")
    return chapter, have < CHAPTER_PARAGRAPHS


def _comments(version, chapter, now, report):
    have = state.comments().filter(user_email__endswith=EMAIL).count()
    if have >= COMMENTS:
        report("Kommentare: schon vorhanden")
        return False
    if have:
        raise SystemExit(
            f"{have} Bench-Kommentare sind halb angelegt; bitte die Bench-Datenbank löschen."
        )
    goal_one = Goal.objects.get(version=version, number=1)
    paragraphs = list(chapter.paragraphs.order_by("order"))
    others = list(Goal.objects.exclude(pk=goal_one.pk)[:400]) + list(
        Post.objects.filter(slug__startswith=f"{MARK}-")[:200]
    )
    counter = itertools.count()

    def row(target, parent=None):
        n = next(counter)
        return Row(
            target=target,
            name=f"Person {n % 997}",
            email=f"p{n}{EMAIL}",
            text=sentence(n, 20),
            submit_date=now - datetime.timedelta(minutes=n),
            parent=parent,
        )

    rows = []
    # The long thread: top-level comments, each with replies and replies to those.
    while len(rows) < THREAD:
        top = len(rows)
        rows.append(row(goal_one))
        for _ in range(3):
            if len(rows) >= THREAD:
                break
            reply = len(rows)
            rows.append(row(goal_one, top))
            if len(rows) < THREAD:
                rows.append(row(goal_one, reply))
    rows += [row(paragraphs[n % len(paragraphs)]) for n in range(CHAPTER_COMMENTS)]
    rows += [row(others[n % len(others)]) for n in range(COMMENTS - len(rows))]
    insert(rows)
    report(f"Kommentare: {len(rows)} neu ({THREAD} unter Ziel 1, {CHAPTER_COMMENTS} im Kapitel)")
    return True
