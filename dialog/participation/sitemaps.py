from django.db.models import Count, Max, Q
from django.urls import reverse

from dialog.participation.models import Event, EventSeries, Phase, Theme
from dialog.statements.models import Statement


def entries():
    return [
        (reverse("dialog:phases"), None),
        (reverse("dialog:events"), None),
        *((p.get_absolute_url(), p.updated_at) for p in Phase.objects.order_by("starts_at")),
        # Every phase has a results page (figures, decisions), linked from its page.
        *(
            (reverse("dialog:results", args=[slug]), None)
            for slug in Phase.objects.order_by("starts_at").values_list("slug", flat=True)
        ),
        *((t.get_absolute_url(), None) for t in Theme.objects.order_by("position", "title")),
        *((e.get_absolute_url(), e.updated_at) for e in Event.objects.order_by("starts_at")),
        *((s.get_absolute_url(), None) for s in EventSeries.objects.order_by("slug")),
        *(
            (reverse("dialog:statements", args=[slug]), None)
            for slug in _phases_with_statements().values_list("slug", flat=True)
        ),
        *(
            (s.get_absolute_url(), s.published_at)
            for s in Statement.objects.published().order_by("pk").only("pk", "published_at")
        ),
    ]


def _phases_with_statements():
    """Phases whose statements page has something: it takes statements, or has some."""
    published = Statement.objects.published().values("phase")
    return Phase.objects.filter(Q(statements_allowed=True) | Q(pk__in=published))


def summary():
    phases = Phase.objects.aggregate(n=Count("id"), latest=Max("updated_at"))
    events = Event.objects.aggregate(n=Count("id"), latest=Max("updated_at"))
    statements = Statement.objects.published().aggregate(n=Count("id"), latest=Max("published_at"))
    count = 2 + 2 * phases["n"] + Theme.objects.count() + events["n"] + EventSeries.objects.count()
    count += statements["n"] + _phases_with_statements().count()
    latest = max(
        (d for d in (phases["latest"], events["latest"], statements["latest"]) if d), default=None
    )
    return count, latest
