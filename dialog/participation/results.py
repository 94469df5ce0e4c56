"""The results report of a phase: what was said, by whom, and what became of it.

Everything is counted from the published comments written during the phase
(`phase_comments(...).visible()`), in a fixed number of queries however many
there are. Figures from a report of the time (a phase before this website) are
kept apart as `reported`, so a page never shows "0 Kommentare" beside "knapp 400".
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from common import charts
from common.spreadsheet import neutralise_cell
from dialog.comments.models import Channel, Outcome, SenderKind
from dialog.comments.threads import decision_of, sender_of
from dialog.participation.models import Phase
from dialog.participation.phases import participation_figures, phase_comments

MOST_DISCUSSED = 10
NO_SENDER = "keine Angabe"


@dataclass
class Discussed:
    label: str
    url: str
    comments: int


@dataclass
class DecisionGroup:
    outcome: str
    label: str
    comments: list = field(default_factory=list)


@dataclass
class PhaseResults:
    phase: Phase
    figures: object
    by_sender: list[tuple[str, int]]
    by_channel: list[tuple[str, int]]
    per_day: list[tuple[datetime.date, int]]
    most_discussed: list[Discussed]
    decisions: list[DecisionGroup]
    undecided: int

    @property
    def sender_chart(self):
        return charts.bar_chart("diagramm-absender", "Kommentare nach Absender", self.by_sender)

    @property
    def day_chart(self):
        rows = [(f"{day:%d.%m.}", count) for day, count in self.per_day]
        return charts.column_chart("diagramm-tage", "Kommentare je Tag", rows)


def _per_day(published, phase) -> list[tuple[datetime.date, int]]:
    counted = dict(
        published.annotate(day=TruncDate("submit_date", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    first = timezone.localtime(phase.starts_at).date()
    last = timezone.localtime(phase.ends_at - datetime.timedelta(microseconds=1)).date()
    if not counted:
        return []
    days = (last - first).days + 1
    return [
        (first + datetime.timedelta(days=n), counted.get(first + datetime.timedelta(days=n), 0))
        for n in range(days)
    ]


def _by_sender_and_channel(published) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Comments by "Ich schreibe als" and by how they came in, from one query."""
    kinds, channels = {}, {}
    for kind, channel, n in published.values_list("sender__kind", "sender__channel").annotate(
        n=Count("pk")
    ):
        kinds[kind] = kinds.get(kind, 0) + n
        channel = channel or Channel.ONLINE  # no sender record: written here
        channels[channel] = channels.get(channel, 0) + n
    by_sender = [(kind.label, kinds.get(kind.value, 0)) for kind in SenderKind]
    by_sender.append((NO_SENDER, kinds.get(None, 0)))
    by_channel = [("auf dieser Website", channels.get(Channel.ONLINE, 0))] + [
        (channel.label, channels.get(channel.value, 0))
        for channel in (Channel.EMAIL, Channel.LETTER)
    ]
    return by_sender, by_channel


def _objects(pairs) -> dict[tuple[int, str], object]:
    """The commented objects for (content type id, object pk) pairs: one query per kind."""
    by_type: dict[int, set[str]] = {}
    for type_id, pk in pairs:
        by_type.setdefault(type_id, set()).add(pk)
    objects = {}
    for type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        for obj in model._default_manager.filter(pk__in=pks):
            objects[(type_id, str(obj.pk))] = obj
    return objects


def _most_discussed(published) -> list[Discussed]:
    top = list(
        published.values("content_type_id", "object_pk")
        .annotate(n=Count("pk"))
        .order_by("-n", "content_type_id", "object_pk")[:MOST_DISCUSSED]
    )
    objects = _objects((row["content_type_id"], row["object_pk"]) for row in top)
    found = []
    for row in top:
        obj = objects.get((row["content_type_id"], row["object_pk"]))
        if obj is not None:
            found.append(Discussed(str(obj), obj.get_absolute_url(), row["n"]))
    return found


def _decisions(published) -> tuple[list[DecisionGroup], int]:
    decided = list(
        published.filter(decision__isnull=False)
        .select_related("decision", "sender")
        .order_by("submit_date", "pk")
    )
    groups = {o.value: DecisionGroup(o.value, o.label) for o in Outcome}
    for comment in decided:
        groups[comment.decision.outcome].comments.append(comment)
    undecided = published.filter(decision__isnull=True).count()
    return [g for g in groups.values() if g.comments], undecided


# Parts other apps add to the results page (e.g. goals' priorities ballot): functions
# phase -> HTML or "" (dialog knows no content app).
_parts = []


def register_part(render_part) -> None:
    if render_part not in _parts:
        _parts.append(render_part)


def extra_parts(phase: Phase) -> list:
    return [html for html in (part(phase) for part in _parts) if html]


def phase_results(phase: Phase) -> PhaseResults:
    published = phase_comments(phase).visible()
    decisions, undecided = _decisions(published)
    by_sender, by_channel = _by_sender_and_channel(published)
    return PhaseResults(
        phase=phase,
        figures=participation_figures(phase),
        by_sender=by_sender,
        by_channel=by_channel,
        per_day=_per_day(published, phase),
        most_discussed=_most_discussed(published),
        decisions=decisions,
        undecided=undecided,
    )


CSV_COLUMNS = [
    "Datum",
    "Zu",
    "Name",
    "Schreibt als",
    "Organisation",
    "Eingang",
    "Kommentar",
    "Entscheidung",
    "Begründung",
    "Adresse",
]


def results_csv(phase: Phase, site_url: str) -> bytes:
    """Every published comment of the phase with its decision: public fields only."""
    comments = list(
        phase_comments(phase)
        .visible()
        .select_related("decision", "sender")
        .order_by("submit_date", "pk")
    )
    objects = _objects((c.content_type_id, c.object_pk) for c in comments)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    for comment in comments:
        decision = decision_of(comment)
        sender = sender_of(comment)
        target = objects.get((comment.content_type_id, comment.object_pk))
        writer.writerow(
            neutralise_cell(value)
            for value in (
                timezone.localtime(comment.submit_date).strftime("%Y-%m-%d %H:%M"),
                str(target) if target is not None else "",
                comment.user_name,
                sender.get_kind_display() if sender else "",
                sender.organisation if sender else "",
                sender.get_channel_display() if sender else Channel.ONLINE.label,
                comment.comment,
                decision.get_outcome_display() if decision else "",
                decision.reason if decision else "",
                f"{site_url}/kommentare/{comment.pk}/",
            )
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
