"""The results report of a phase: what was said, by whom, and what became of it.

Everything is counted from the published comments written during the phase
(`phase_comments(...).visible()`) and the phase's published statements, in a fixed
number of queries however many there are. Figures from a report of the time (a phase before this website) are
kept apart as `reported`, so a page never shows "0 Kommentare" beside "knapp 400".
"""

import datetime
import io
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from common import charts
from common.spreadsheet import BYTE_ORDER_MARK, csv_writer, neutralise_cell
from dialog.comments.models import Channel, Outcome
from dialog.comments.threads import decision_of, sender_of
from dialog.object_choices import load_objects
from dialog.participation.models import Phase
from dialog.participation.phases import participation_figures, phase_comments
from dialog.sender_kinds import ORGANISATIONS, SenderKind
from dialog.statements.models import Statement
from dialog.statements.targets import targets_of

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
    statements: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.comments) + len(self.statements)


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
    statements_by_kind: list[tuple[str, int]]

    @property
    def statements(self) -> int:
        return sum(count for _, count in self.statements_by_kind)

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


def _most_discussed(published) -> list[Discussed]:
    top = list(
        published.values("content_type_id", "object_pk")
        .annotate(n=Count("pk"))
        .order_by("-n", "content_type_id", "object_pk")[:MOST_DISCUSSED]
    )
    objects = load_objects((row["content_type_id"], row["object_pk"]) for row in top)
    found = []
    for row in top:
        obj = objects.get((row["content_type_id"], row["object_pk"]))
        if obj is not None:
            found.append(Discussed(str(obj), obj.get_absolute_url(), row["n"]))
    return found


def _decisions(published, statements, statement_total) -> tuple[list[DecisionGroup], int]:
    """Decided comments and statements by outcome, and how many published ones wait."""
    decided = list(
        published.filter(decision__isnull=False)
        .select_related("decision", "sender")
        .order_by("submit_date", "pk")
    )
    decided_statements = list(
        statements.filter(decision__isnull=False)
        .select_related("decision")
        .order_by("published_at", "pk")
    )
    groups = {o.value: DecisionGroup(o.value, o.label) for o in Outcome}
    for comment in decided:
        groups[comment.decision.outcome].comments.append(comment)
    for statement in decided_statements:
        groups[statement.decision.outcome].statements.append(statement)
    undecided = published.filter(decision__isnull=True).count()
    undecided += statement_total - len(decided_statements)
    return [g for g in groups.values() if g.count], undecided


def _statements_by_kind(statements) -> list[tuple[str, int]]:
    counted = dict(statements.values_list("kind").annotate(n=Count("pk")))
    return [(kind.label, counted.get(kind.value, 0)) for kind in ORGANISATIONS]


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
    statements = Statement.objects.published().filter(phase=phase)
    statements_by_kind = _statements_by_kind(statements)
    decisions, undecided = _decisions(
        published, statements, sum(count for _, count in statements_by_kind)
    )
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
        statements_by_kind=statements_by_kind,
    )


CSV_COLUMNS = [
    "Datum",
    "Art des Beitrags",
    "Zu",
    "Name",
    "Schreibt als",
    "Organisation",
    "Eingang",
    "Text",
    "Entscheidung",
    "Begründung",
    "Adresse",
    "Unterstützungen",
]
# Kinds of contribution above the dialog (ideas) add their rows to the CSV:
# rows_of(phase, site_url) yields rows of CSV_COLUMNS.
_csv_rows = []


def register_csv_rows(rows_of) -> None:
    if rows_of not in _csv_rows:
        _csv_rows.append(rows_of)


def results_csv(phase: Phase, site_url: str) -> bytes:
    """Every published comment, statement (and registered kind: ideas) of the phase with its
    decision: public fields only (no contact address)."""
    comments = list(
        phase_comments(phase)
        .visible()
        .select_related("decision", "sender")
        .order_by("submit_date", "pk")
    )
    objects = load_objects((c.content_type_id, c.object_pk) for c in comments)
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(CSV_COLUMNS)
    for comment in comments:
        decision = decision_of(comment)
        sender = sender_of(comment)
        target = objects.get((comment.content_type_id, comment.object_pk))
        writer.writerow(
            neutralise_cell(value)
            for value in (
                timezone.localtime(comment.submit_date).strftime("%Y-%m-%d %H:%M"),
                "Kommentar",
                str(target) if target is not None else "",
                comment.user_name,
                sender.get_kind_display() if sender else "",
                sender.organisation if sender else "",
                sender.get_channel_display() if sender else Channel.ONLINE.label,
                comment.comment,
                decision.get_outcome_display() if decision else "",
                decision.reason if decision else "",
                f"{site_url}/kommentare/{comment.pk}/",
                "",
            )
        )
    _statement_rows(writer, phase, site_url)
    for rows_of in _csv_rows:
        for row in rows_of(phase, site_url):
            writer.writerow(neutralise_cell(value) for value in row)
    return (BYTE_ORDER_MARK + out.getvalue()).encode("utf-8")


def _statement_rows(writer, phase: Phase, site_url: str) -> None:
    statements = list(
        Statement.objects.published()
        .filter(phase=phase)
        .select_related("decision")
        .order_by("created_at", "pk")
    )
    addressed = targets_of(statements)
    for statement in statements:
        decision = getattr(statement, "decision", None)
        writer.writerow(
            neutralise_cell(value)
            for value in (
                timezone.localtime(statement.created_at).strftime("%Y-%m-%d %H:%M"),
                "Stellungnahme",
                "; ".join(str(obj) for obj in addressed.get(statement.pk, [])),
                "",
                statement.get_kind_display(),
                statement.organisation,
                Channel.ONLINE.label,
                f"{statement.title}\n\n{statement.text}",
                decision.get_outcome_display() if decision else "",
                decision.reason if decision else "",
                f"{site_url}{statement.get_absolute_url()}",
                "",
            )
        )
