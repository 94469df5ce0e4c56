"""Demo links between the strategy and the dialog; runs after both demo loaders.

The spring 2021 phase put the whole 2019 strategy up for discussion; the demo phase
running now covers the 2.0 goals, so commenting can be tried. Which goals belong to
which theme or event is example content chosen by topic. All of it is data in
demo/data/dialog/: version_phases.csv, goal_links.csv, goal_comments_2021.csv,
decisions_2021.csv and statements/*.txt (a header of "key: value" lines, "---", the
text). Goals are named "<version slug>: <title>" (decisions and targets: a part of the
title).
"""

from demo.loaders.dialog import demo_comment
from dialog.comments import decisions, state
from dialog.models import Event, Phase, Statement, Theme
from dialog.statements.targets import set_targets
from goals.models import Goal, StrategyVersion

from .datafiles import DATA, items, moment, table, with_header


def _link(report, label, manager, target) -> None:
    created = not manager.filter(pk=target.pk).exists()
    if created:
        manager.add(target)
    report.record(label, created)


def _goal(name: str, *, part: bool = False) -> Goal:
    """ "2019: Das Netzwerk KI.NRW aufbauen": the goal of that version with that title."""
    version, _, title = name.partition(": ")
    if part:
        return Goal.objects.get(version__slug=version, title__contains=title)
    return Goal.objects.get(version__slug=version, title=title)


def load(report) -> None:
    for row in table("dialog/version_phases.csv"):
        version = StrategyVersion.objects.get(slug=row["version"])
        phase = Phase.objects.get(slug=row["phase"])
        _link(report, f"Fassung {row['version']} in Phase {row['phase']}", version.phases, phase)
    for row in table("dialog/goal_links.csv"):
        goal = _goal(row["goal"])
        label = f"Ziel {goal.version.slug}/{goal.number}"
        if row["kind"] == "thema":
            theme = Theme.objects.get(slug=row["slug"])
            _link(report, f"{label} zu Thema {row['slug']}", goal.themes, theme)
        else:
            event = Event.objects.get(slug=row["slug"])
            _link(report, f"{label} bei {row['slug']}", goal.events, event)
    _spring_comments(report)
    _spring_decisions(report)
    for path in sorted((DATA / "dialog" / "statements").glob("*.txt")):
        _statement(report, path)


def _spring_comments(report) -> None:
    for row in table("dialog/goal_comments_2021.csv"):
        goal = _goal(row["goal"])
        created = demo_comment(goal, row["name"], row["text"], moment(row["date"]))
        report.record(f"Kommentar „{row['name']}“ zu Ziel 2019/{goal.number}", created)


def _spring_decisions(report) -> None:
    """What became of the spring 2021 comments."""
    for row in table("dialog/decisions_2021.csv"):
        text = row["comment_begins"]
        comments = list(
            state.comments().filter(
                comment__startswith=f"Beispielkommentar: {text}", decision__isnull=True
            )
        )
        led_to = row["led_to"]
        result = decisions.result_value(_goal(led_to, part=True)) if led_to else ""
        if comments:
            decisions.decide(comments, row["outcome"], row["reason"], None, result, notify=False)
        report.record(f"Entscheidung zum Kommentar „{text} …“", bool(comments))


def _statement(report, path) -> None:
    header, text = with_header(path)
    if Statement.objects.filter(organisation=header["organisation"]).exists():
        report.record("Beispiel-Stellungnahme", False)
        return
    statement = Statement(
        phase=Phase.objects.get(slug=header["phase"]),
        organisation=header["organisation"],
        kind=header["kind"],
        title=header["title"],
        text=text,
        email=header["email"],
        status=Statement.Status.PUBLISHED,
        confirmed_at=moment(header["confirmed"]),
        published_at=moment(header["published"]),
    )
    statement.full_clean(exclude=["token_hash", "pdf"])
    statement.save()
    Statement.objects.filter(pk=statement.pk).update(created_at=moment(header["created"]))
    set_targets(
        statement, [decisions.result_value(_goal(t)) for t in items(header["targets"], ";")]
    )
    decisions.decide(
        [statement],
        header["decision"],
        header["decision_reason"],
        None,
        decisions.result_value(_goal(header["led_to"])),
        notify=False,
    )
    report.record("Beispiel-Stellungnahme", True)
