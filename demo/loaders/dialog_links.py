"""Demo links between the strategy and the dialog; runs after both demo loaders.

The spring 2021 phase put the whole 2019 strategy up for discussion; the
demo phase running now covers the 2.0 goals, so commenting can be tried.
Which goals belong to which theme or event is example content chosen by topic.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from demo.loaders.dialog import demo_comment
from dialog.comments import state
from dialog.models import Event, Phase, Theme
from goals.models import Goal, StrategyVersion

BERLIN = ZoneInfo("Europe/Berlin")
VERSION_PHASES = [
    ("2019", "online-phase-2021"),
    ("2-0", "mitdiskutieren-digitalstrategie-2-0"),
]
MEDIA_LITERACY = ("2019", "Medienkompetenzrahmen NRW in allen Lehrplänen verankern")
SCHOOL_GIGABIT = ("2019", "Alle Schulen an das Gigabit-Netz anschließen")
TEACHERS = ("2019", "Digitales Lernen in der Aus- und Fortbildung von Lehrkräften stärken")
KI_NRW = ("2019", "Das Netzwerk KI.NRW aufbauen")
VIRTUAL_HOSPITAL = ("2019", "Beispielziel: Ein virtuelles Krankenhaus aufbauen")
TELEMATICS = ("2019", "Beispielziel: Krankenhäuser und Praxen über das Telematik-Netz verbinden")
EDTECH = ("2-0", "Einen EdTech-Inkubator aufbauen")
HYBRID_TEACHING = (
    "2-0",
    "Technik, die Präsenz- und Distanzunterricht verbindet, an Schulen bringen",
)

THEME_GOALS = {
    "kuenstliche-intelligenz": [KI_NRW],
    "bildung": [MEDIA_LITERACY, SCHOOL_GIGABIT, TEACHERS],
    "demografischer-wandel": [VIRTUAL_HOSPITAL, TELEMATICS],
}
EVENT_GOALS = {
    "vor-ort-dialog-kuenstliche-intelligenz-2019": [KI_NRW],
    "online-dialog-bildung-2019": [TEACHERS, MEDIA_LITERACY],
    "digitalkonferenz-2019": [KI_NRW, MEDIA_LITERACY, VIRTUAL_HOSPITAL],
    "digitalkonferenz-2021": [EDTECH, HYBRID_TEACHING],
}


def _link(report, label, manager, target) -> None:
    created = not manager.filter(pk=target.pk).exists()
    if created:
        manager.add(target)
    report.record(label, created)


def _goal(key) -> Goal:
    version, title = key
    return Goal.objects.get(version__slug=version, title=title)


def load(report) -> None:
    for version_slug, phase_slug in VERSION_PHASES:
        version = StrategyVersion.objects.get(slug=version_slug)
        _link(
            report,
            f"Fassung {version_slug} in Phase {phase_slug}",
            version.phases,
            Phase.objects.get(slug=phase_slug),
        )
    for theme_slug, keys in THEME_GOALS.items():
        theme = Theme.objects.get(slug=theme_slug)
        for key in keys:
            goal = _goal(key)
            _link(report, f"Ziel {key[0]}/{goal.number} zu Thema {theme_slug}", goal.themes, theme)
    for event_slug, keys in EVENT_GOALS.items():
        event = Event.objects.get(slug=event_slug)
        for key in keys:
            goal = _goal(key)
            _link(report, f"Ziel {key[0]}/{goal.number} bei {event_slug}", goal.events, event)
    _spring_comments(report)
    _spring_decisions(report)
    _spring_statement(report)


# Example comments written during the spring 2021 phase, so its page shows real figures.
# (goal, pseudonym, text, day in March 2021)
SPRING_2021_COMMENTS = [
    (MEDIA_LITERACY, "Lehrerin aus Köln", "Medienbildung braucht feste Stunden im Stundenplan.", 2),
    (SCHOOL_GIGABIT, "Lehrerin aus Köln", "Unser Gymnasium wartet noch auf den Anschluss.", 3),
    (SCHOOL_GIGABIT, "Vater von zwei Kindern", "Gigabit nützt wenig ohne WLAN im Klassenraum.", 9),
    (KI_NRW, "Gründer aus Aachen", "Mehr Sichtbarkeit für KI-Start-ups außerhalb der Zentren.", 15),
    (VIRTUAL_HOSPITAL, "Pflegekraft", "Telemedizin auch für ambulante Pflegedienste öffnen.", 27),
]


def _spring_comments(report) -> None:
    for key, name, text, day in SPRING_2021_COMMENTS:
        goal = _goal(key)
        created = demo_comment(goal, name, text, datetime(2021, 3, day, 19, 30, tzinfo=BERLIN))
        report.record(f"Kommentar „{name}“ zu Ziel 2019/{goal.number}", created)


# What became of the spring 2021 comments:
# (beginning of the comment, outcome, reason, 2.0 goal title fragment).
SPRING_2021_DECISIONS = [
    (
        "Medienbildung braucht feste Stunden",
        "teilweise",
        "Beispielinhalt: Die Strategie 2.0 stärkt Medienkompetenz gezielt für einzelne Gruppen; "
        "feste Stunden im Stundenplan legt sie nicht fest, das regeln die Lehrpläne.",
        "Medienkompetenz gezielt für einzelne Gruppen",
    ),
    (
        "Gigabit nützt wenig ohne WLAN",
        "beruecksichtigt",
        "Beispielinhalt: Die Strategie 2.0 verbindet den Anschluss der Schulen mit dem Unterricht "
        "vor Ort und auf Distanz.",
        "Präsenz- und Distanzunterricht",
    ),
    (
        "Mehr Sichtbarkeit für KI-Start-ups",
        "beantwortet",
        "Beispielinhalt: Die Landesregierung hat im Dialog geantwortet; die KI-Förderung wendet "
        "sich an Gründungen im ganzen Land.",
        None,
    ),
    (
        "Telemedizin auch für ambulante Pflegedienste",
        "nicht",
        "Beispielinhalt: Die ambulante Pflege regelt vor allem der Bund; die Strategie nimmt den "
        "Vorschlag deshalb nicht auf.",
        None,
    ),
]


def _spring_decisions(report) -> None:
    from dialog.comments import decisions

    for text, outcome, reason, goal_fragment in SPRING_2021_DECISIONS:
        comments = list(
            state.comments().filter(
                comment__startswith=f"Beispielkommentar: {text}", decision__isnull=True
            )
        )
        result = ""
        if goal_fragment:
            goal = Goal.objects.get(version__slug="2-0", title__contains=goal_fragment)
            result = decisions.result_value(goal)
        if comments:
            decisions.decide(comments, outcome, reason, None, result, notify=False)
        report.record(f"Entscheidung zum Kommentar „{text} …“", bool(comments))


SPRING_2021_STATEMENT = {
    "organisation": "Beispielverband Digitale Bildung NRW",
    "kind": "verband",
    "title": "Beispielinhalt: Stellungnahme zu Schule und Medienbildung",
    "text": "Beispielinhalt: Diese Stellungnahme hat kein echter Verband geschrieben; sie zeigt, "
    "wie Stellungnahmen von Organisationen hier erscheinen.\n\n"
    "1. Der Gigabit-Anschluss der Schulen muss bis in die Klassenräume reichen: ohne WLAN und "
    "Wartung bleibt er ungenutzt.\n"
    "2. Medienbildung braucht Zeit im Stundenplan und Fortbildung der Lehrkräfte.",
    "email": "stellungnahme@example.org",
}


def _spring_statement(report) -> None:
    from dialog.comments import decisions
    from dialog.statements.models import Statement
    from dialog.statements.targets import set_targets

    data = SPRING_2021_STATEMENT
    if Statement.objects.filter(organisation=data["organisation"]).exists():
        report.record("Beispiel-Stellungnahme", False)
        return
    statement = Statement.objects.create(
        phase=Phase.objects.get(slug="online-phase-2021"),
        status=Statement.Status.PUBLISHED,
        confirmed_at=datetime(2021, 3, 20, 10, tzinfo=BERLIN),
        published_at=datetime(2021, 3, 22, 9, tzinfo=BERLIN),
        **data,
    )
    Statement.objects.filter(pk=statement.pk).update(
        created_at=datetime(2021, 3, 19, 16, tzinfo=BERLIN)
    )
    set_targets(
        statement,
        [decisions.result_value(_goal(SCHOOL_GIGABIT)), decisions.result_value(_goal(TEACHERS))],
    )
    decisions.decide(
        [statement],
        "teilweise",
        "Beispielinhalt: Der Anschluss bis in die Klassenräume ist in der Digitalstrategie 2.0 "
        "ein eigenes Ziel geworden; feste Stunden für Medienbildung legt die Strategie nicht fest.",
        None,
        decisions.result_value(_goal(HYBRID_TEACHING)),
        notify=False,
    )
    report.record("Beispiel-Stellungnahme", True)
