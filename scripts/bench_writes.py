"""The write stream of `make bench`: contributions arriving while readers read.

Run by scripts/bench.py as a process of its own against the bench database and the
same cache as the server (`python scripts/bench_writes.py RATE SECONDS`). RATE times a
second, in turn: three comments on a random goal or paragraph of the current version,
confirmed through the comment engine's own path (the form's checks and preparation,
the pending comment under its token, then dialog.comments.confirmation.confirm as the
mailed link's button calls it: comment, counts, search entry, page-cache stamps), one
priority ballot submitted and confirmed (goals.priorities.ballot), one subscription
requested and confirmed (alerts). The HTTP form post, the posting guard's per-visitor
limits and the mails are left out: one writer would hit its own limits.

Prints one line of JSON: writes done per kind, refused ones and the rate reached.
"""

import itertools
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_phase():
    """A running phase on the current version that takes comments and ballots (the bench
    data's phases lie in the past). Idempotent; run before the server starts."""
    from datetime import timedelta

    from django.utils import timezone

    from dialog.models import Phase
    from goals.models import StrategyVersion

    now = timezone.now()
    phase, _ = Phase.objects.update_or_create(
        slug="bench-schreibphase",
        defaults={
            "title": "Bench: laufende Beteiligung",
            "starts_at": now - timedelta(days=1),
            "ends_at": now + timedelta(days=30),
            "priorities_question": "Welche Handlungsfelder sind Ihnen am wichtigsten?",
        },
    )
    StrategyVersion.objects.get(is_current=True).phases.add(phase)
    return phase


def main(rate: float, seconds: float) -> None:
    import django

    django.setup()
    from django.test import RequestFactory

    from alerts.models import Subscription
    from dialog.comments import confirmation, pending, posting
    from dialog.comments.commentable import policy_for
    from dialog.comments.forms import CommentForm
    from dialog.models import Phase
    from goals.models import FieldOfAction, Goal, Paragraph
    from goals.priorities import ballot

    goals = list(Goal.objects.filter(version__is_current=True))
    paragraphs = list(Paragraph.objects.filter(chapter__version__is_current=True, removed=False))
    targets = goals + paragraphs
    phase = Phase.objects.get(slug="bench-schreibphase")
    fields = list(FieldOfAction.objects.filter(version__is_current=True))
    request = RequestFactory().post("/kommentare/senden/", REMOTE_ADDR="192.0.2.1")
    counter = itertools.count(1)
    rng = random.Random(30)  # noqa: S311  (which goal gets a comment; the same in every run)
    done = {"comment": 0, "ballot": 0, "subscription": 0, "refused": 0}

    def comment():
        target = rng.choice(targets)
        n = next(counter)
        data = CommentForm(target).initial.copy()
        data.update(
            name=f"Bench {n}",
            email=f"bench{n}@example.org",
            comment=f"Beitrag {n} aus dem Schreibstrom der Messung.",
            reply_to="0",
            honeypot="",
        )
        form = CommentForm(target, data=data)
        if not form.is_valid():
            return False
        tmp = posting.prepare(form, request, policy_for(target), staff=False)
        key = pending.store(tmp, form.sender())
        outcome = confirmation.confirm(key, request)
        return outcome.result == confirmation.Result.PUBLISHED

    def cast_ballot():
        n = next(counter)
        token = ballot.submit(phase, f"waehler{n}@example.org", rng.sample(fields, 2))
        return ballot.confirm(token) is not None

    def subscribe():
        n = next(counter)
        goal = rng.choice(goals)
        _, token = Subscription.request(f"leser{n}@example.org", f"goal:{goal.pk}", str(goal))
        return Subscription.objects.confirm(token) is not None

    kinds = itertools.cycle(
        [("comment", comment)] * 3 + [("ballot", cast_ballot), ("subscription", subscribe)]
    )
    start = time.monotonic()
    due = start
    while due < start + seconds:
        kind, write = next(kinds)
        if write():
            done[kind] += 1
        else:
            done["refused"] += 1
        due += 1 / rate
        time.sleep(max(0.0, due - time.monotonic()))
    done["rate"] = round(sum(done[k] for k in ("comment", "ballot", "subscription")) / seconds, 2)
    print(json.dumps(done), flush=True)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strategy_site.settings")
    main(float(sys.argv[1]), float(sys.argv[2]))
