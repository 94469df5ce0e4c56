"""Demo content for the dialog: phases, themes and events from seed/FACTS.md.

Known facts are stated as such; everything invented to make the demo
realistic (exact times, places not in the sources, texts of recordings) is
marked "Beispielinhalt". Video addresses are placeholders, not real videos.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify

from dialog.comments import state
from dialog.comments.xtd import XtdComment
from dialog.models import Event, EventSeries, Phase, Theme

BERLIN = ZoneInfo("Europe/Berlin")
EXAMPLE = "<p><em>Beispielinhalt:</em> {}</p>"
PLACEHOLDER_VIDEO = (
    "<p><em>Beispielinhalt:</em> Die Video-Adresse ist ein Platzhalter; "
    "es gibt unter ihr keine echte Aufzeichnung.</p>"
)


def berlin(year, month, day, hour=0, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def _today_berlin():
    return timezone.localtime(timezone.now(), BERLIN).date()


def _at(day, hour=0, minute=0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


def _phases():
    today = _today_berlin()
    return [
        {
            "slug": "online-beteiligung-2018",
            "title": "Online-Beteiligung zum Entwurf der Digitalstrategie 2018",
            "starts_at": berlin(2018, 8, 27),
            "ends_at": berlin(2018, 10, 8),
            "description": "<p>Vom 27. August bis 7. Oktober 2018 stand der Entwurf der "
            "Digitalstrategie online zur Diskussion. Sie konnten Prioritäten setzen, Themen "
            "weiterdenken, die Strategie kommentieren und Stellungnahmen hochladen.</p>",
            "evaluation": "<p>Knapp 400 Kommentare kamen online zusammen, mit den "
            "Veranstaltungen mehr als 2.000 Rückmeldungen. Die Ergebnisse wurden auf der "
            "Digitalkonferenz.NRW am 26. Oktober 2018 mit mehr als 500 Teilnehmenden "
            "abschließend diskutiert. Daraus entstand die Digitalstrategie mit 44 Zielen, "
            "die am 10. April 2019 im Landtag vorgestellt wurde.</p>",
            # "Knapp 400" and "mehr als 2.000": the report's own words, kept in the source.
            "reported_comments": 400,
            "reported_responses": 2000,
            "reported_source": "Auswertung der Online-Beteiligung 2018: knapp 400 Kommentare "
            "online, mit den Veranstaltungen mehr als 2.000 Rückmeldungen",
        },
        {
            "slug": "themendialog-2019",
            "title": "Themendialog 2019: Künstliche Intelligenz, Bildung, Demografischer Wandel",
            "starts_at": berlin(2019, 5, 6),
            "ends_at": berlin(2019, 11, 23),
            "moderation": Phase.Moderation.PRE,
            "description": "<p>2019 haben wir drei Zukunftsthemen stellvertretend für die "
            "digitale Entwicklung vertieft: Künstliche Intelligenz, Bildung und den "
            "demografischen Wandel, in Veranstaltungen vor Ort und im Online-Dialog.</p>"
            + EXAMPLE.format(
                "Der genaue Zeitraum des Online-Dialogs ist nicht überliefert; "
                "die Daten hier sind angenommen."
            ),
            "evaluation": "<p>Der Fortschrittsbericht vom 17. Juli 2020 hat die Ergebnisse "
            "und Erkenntnisse des Dialogs 2019 inhaltlich ausgewertet.</p>",
        },
        {
            "slug": "online-phase-2021",
            "title": "Online-Phase Frühjahr 2021: die ganze Strategie zur Diskussion",
            "starts_at": berlin(2021, 2, 15),
            "ends_at": berlin(2021, 3, 29),
            "description": "<p>Sechs Wochen lang stand die gesamte Digitalstrategie zur "
            "Diskussion: Sie konnten jedes Ziel kommentieren. Die Phase endete am "
            "28. März 2021.</p>"
            + EXAMPLE.format("Der Beginn am 15. Februar 2021 ist aus der Dauer errechnet."),
            "evaluation": "<p>Alle Kommentare flossen in die Weiterentwicklung ein. Das "
            "Landeskabinett hat die Digitalstrategie 2.0 mit 78 Zielen am 16. November 2021 "
            "beschlossen.</p>",
        },
        {
            "slug": "mitdiskutieren-digitalstrategie-2-0",
            "title": "Mitdiskutieren: die Ziele der Digitalstrategie 2.0",
            # Relative to the day the demo is loaded, so commenting can be tried.
            "starts_at": _at(today - timedelta(days=14)),
            "ends_at": _at(today + timedelta(days=29)),
            "description": EXAMPLE.format(
                "Diese Phase gibt es nur in der Demo. Sie läuft, damit Sie das "
                "Kommentieren der Ziele der Digitalstrategie 2.0 ausprobieren können."
            ),
            # The 2018 format "Prioritäten setzen", to try out.
            "priorities_question": "Welche Handlungsfelder sind Ihnen am wichtigsten?",
            "priorities_shown_during": True,
            # The 2018 format "Stellungnahmen hochladen", to try out.
            "statements_allowed": True,
        },
    ]


THEMES = [
    (
        "kuenstliche-intelligenz",
        "Künstliche Intelligenz",
        "<p>Wie kann Künstliche Intelligenz Arbeit, Verwaltung und Alltag in "
        "Nordrhein-Westfalen verbessern, und wo braucht sie Grenzen?</p>",
    ),
    (
        "bildung",
        "Bildung",
        "<p>Was brauchen Schulen, Hochschulen und Weiterbildung, damit alle die digitale "
        "Welt verstehen und mitgestalten können?</p>",
    ),
    (
        "demografischer-wandel",
        "Demografischer Wandel",
        "<p>Wie hilft Digitalisierung einer älter werdenden Gesellschaft, etwa bei "
        "Gesundheit, Pflege und selbstbestimmtem Leben auf dem Land?</p>",
    ),
]


# Events the sources name with their day (seed/FACTS.md); the rest are invented for the demo.
KNOWN_EVENTS = {
    "digitalkonferenz-2018",
    "digitalkonferenz-2019",
    "digitalkonferenz-2020-disrupted",
    "digital-vor-ort-2021-02-17",
    "digitalkonferenz-2021",
}
SERIES = {
    "slug": "digital-vor-ort-mit",
    "title": "Digital vor Ort mit …",
    "description": "<p>2021 hat die Landesregierung die Digitalstrategie in zahlreichen "
    "digitalen Live-Events weiterentwickelt: Expertinnen und Experten sprachen mit Ihnen über "
    "neue Ideen, Entwicklungen und digitale Lösungen zu den Themen der Strategie. Eine Reihe "
    "davon hieß „Digital vor Ort mit …“; hier stehen ihre Termine und Aufzeichnungen.</p>"
    "<p><em>Beispielinhalt:</em> Bekannt ist ein Termin der Reihe (17. Februar 2021); "
    "weitere Termine sind in dieser Vorführung nicht eingetragen.</p>",
}
SERIES_EVENTS = {"digital-vor-ort-2021-02-17"}


def _events():
    today = _today_berlin()
    return [
        {
            "slug": "digitalkonferenz-2018",
            "title": "Digitalkonferenz.NRW 2018",
            "kind": Event.Kind.CONFERENCE,
            "starts_at": berlin(2018, 10, 26, 9, 30),
            "ends_at": berlin(2018, 10, 26, 17, 0),
            "place": "Düsseldorf, Hotel am Flughafen",
            "participants": 500,
            "participants_approximation": Event.Approximation.MORE_THAN,
            "description": "<p>Mehr als 500 Teilnehmende diskutierten in elf Fachforen die "
            "Ergebnisse der Online-Beteiligung zum Entwurf der Strategie.</p>"
            + EXAMPLE.format("Die Uhrzeiten sind angenommen."),
        },
        {
            "slug": "vor-ort-dialog-kuenstliche-intelligenz-2019",
            "title": "Vor-Ort-Dialog Künstliche Intelligenz",
            "kind": Event.Kind.ON_SITE,
            "starts_at": berlin(2019, 6, 18, 17, 0),
            "ends_at": berlin(2019, 6, 18, 20, 0),
            "place": "Dortmund",
            "themes": ["kuenstliche-intelligenz"],
            "description": EXAMPLE.format(
                "Es gab 2019 Veranstaltungen vor Ort zu den drei Themen; Datum, Ort "
                "und Ablauf dieses Termins sind erfunden."
            ),
        },
        {
            "slug": "online-dialog-bildung-2019",
            "title": "Online-Dialog Bildung",
            "kind": Event.Kind.ONLINE,
            "starts_at": berlin(2019, 9, 10, 18, 0),
            "ends_at": berlin(2019, 9, 10, 19, 30),
            "online": True,
            "themes": ["bildung"],
            "description": EXAMPLE.format(
                "Den Online-Dialog zu den Themen gab es; Datum und Ablauf dieses "
                "Termins sind erfunden."
            ),
        },
        {
            "slug": "digitalkonferenz-2019",
            "title": "Digitalkonferenz 2019",
            "kind": Event.Kind.CONFERENCE,
            "starts_at": berlin(2019, 11, 22, 10, 0),
            "ends_at": berlin(2019, 11, 22, 17, 0),
            "place": "Congress Center Düsseldorf",
            "participants": 300,
            "participants_approximation": Event.Approximation.ABOUT,
            "themes": ["kuenstliche-intelligenz", "bildung", "demografischer-wandel"],
            "description": "<p>Rund 300 Teilnehmende diskutierten die Ergebnisse des "
            "Themendialogs 2019.</p>" + EXAMPLE.format("Die Uhrzeiten sind angenommen."),
        },
        {
            "slug": "digitalkonferenz-2020-disrupted",
            "title": "Digitalkonferenz 2020: Digitalstrategie.DISRUPTED",
            "kind": Event.Kind.CONFERENCE,
            "starts_at": berlin(2020, 11, 20, 10, 0),
            "ends_at": berlin(2020, 11, 20, 15, 0),
            "online": True,
            "participants": 700,
            "participants_approximation": Event.Approximation.MORE_THAN,
            "description": "<p>Mit Expertinnen und Experten und mehr als 700 digital "
            "Teilnehmenden ging es virtuell um die Zukunft der Digitalisierung und was sie für "
            "jede und jeden Einzelnen und für Nordrhein-Westfalen bedeutet.</p>",
            "recording_url": "https://www.youtube-nocookie.com/embed/Beispiel-20",
            "recording_length": timedelta(hours=4, minutes=52),
            "transcript": PLACEHOLDER_VIDEO
            + "<p><strong>Moderation:</strong> Herzlich willkommen zur Digitalkonferenz "
            "2020, in diesem Jahr ganz digital.</p><p><strong>Moderation:</strong> Unsere "
            "Frage heute: Was hat die Pandemie an der Digitalisierung verändert?</p>",
            "recap": "<p>Die Ergebnisse flossen in das Update der Digitalstrategie 2021 ein.</p>",
        },
        {
            "slug": "digital-vor-ort-2021-02-17",
            "title": "Digital vor Ort mit … (17. Februar 2021)",
            "kind": Event.Kind.LIVE,
            "starts_at": berlin(2021, 2, 17, 18, 0),
            "ends_at": berlin(2021, 2, 17, 19, 0),
            "online": True,
            "description": "<p>Ein digitales Live-Event der Reihe „Digital vor Ort mit …“ "
            "zu den Themen der Strategie.</p>"
            + EXAMPLE.format("Gast, Uhrzeit und Inhalt sind nicht überliefert."),
            "recording_url": "https://www.youtube-nocookie.com/embed/Beispiel-LE",
            "recording_length": timedelta(minutes=58),
            "transcript": PLACEHOLDER_VIDEO
            + "<p><strong>Moderation:</strong> Guten Abend und willkommen zu „Digital vor "
            "Ort“. Ihre Fragen können Sie während der Sendung stellen.</p>",
        },
        {
            "slug": "digitalkonferenz-2021",
            "title": "Digitalkonferenz 2021: Vorstellung der Digitalstrategie 2.0",
            "kind": Event.Kind.CONFERENCE,
            "starts_at": berlin(2021, 11, 19, 10, 0),
            "ends_at": berlin(2021, 11, 19, 16, 0),
            "online": True,
            "description": "<p>Drei Tage nach dem Kabinettsbeschluss wurde die "
            "Digitalstrategie 2.0 mit 78 Zielen der Öffentlichkeit vorgestellt.</p>"
            + EXAMPLE.format("Format und Uhrzeiten sind angenommen."),
            "recording_url": "https://www.youtube-nocookie.com/embed/Beispiel-21",
            "recording_length": timedelta(hours=5, minutes=40),
            "transcript": PLACEHOLDER_VIDEO
            + "<p><strong>Moderation:</strong> Heute stellen wir Ihnen die "
            "Digitalstrategie 2.0 vor.</p>",
        },
        {
            "slug": "live-event-digitalstrategie-2-0",
            "title": "Live-Event: Die Digitalstrategie 2.0 im Gespräch",
            "kind": Event.Kind.LIVE,
            # Relative to the day the demo is loaded, so there is an upcoming event.
            "starts_at": _at(today + timedelta(days=10), 18, 0),
            "ends_at": _at(today + timedelta(days=10), 19, 30),
            "online": True,
            "description": EXAMPLE.format(
                "Diesen Termin gibt es nur in der Demo, damit die Übersicht eine "
                "kommende Veranstaltung zeigt."
            ),
        },
    ]


# Example comments in the 2019 theme dialog, so its page shows figures per theme.
# (theme, pseudonym, text, date)
THEME_COMMENTS = [
    (
        "kuenstliche-intelligenz",
        "Softwareentwicklerin",
        "Wer prüft, ob eine KI fair entscheidet?",
        (2019, 6, 20),
    ),
    (
        "kuenstliche-intelligenz",
        "Student aus Bochum",
        "KI-Grundlagen gehören ins Studium jedes Fachs.",
        (2019, 9, 2),
    ),
    (
        "bildung",
        "Student aus Bochum",
        "Digitale Lehrmittel sollten frei verfügbar sein.",
        (2019, 9, 11),
    ),
    (
        "demografischer-wandel",
        "Rentner vom Niederrhein",
        "Bitte Hilfe vor Ort, nicht nur Apps.",
        (2019, 10, 1),
    ),
]


def demo_comment(obj, name: str, text: str, submit_date: datetime) -> bool:
    """A published example comment on `obj` by the pseudonym `name`; True if created.

    Keyed on object, name and text, so loading the demo again adds nothing.
    """
    _, created = XtdComment.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_pk=str(obj.pk),
        user_name=name,
        comment=f"Beispielkommentar: {text}",
        defaults=state.visible_fields(
            site_id=settings.SITE_ID,
            user_email=f"demo-{slugify(name)}@example.org",
            submit_date=submit_date,
        ),
    )
    return created


def _theme_comments(report, themes) -> None:
    for slug, name, text, day in THEME_COMMENTS:
        created = demo_comment(themes[slug], name, text, berlin(*day, 18, 0))
        report.record(f"Kommentar „{name}“ zum Thema {slug}", created)


def load(report) -> None:
    phases = {}
    for data in _phases():
        slug = data.pop("slug")
        phases[slug], created = Phase.objects.get_or_create(slug=slug, defaults=data)
        question = data.get("priorities_question", "")
        if not created and question and not phases[slug].priorities_question:
            # A demo loaded before phases could ask for priorities gets the question now.
            phases[slug].priorities_question = question
            phases[slug].priorities_shown_during = True
            phases[slug].save(update_fields=["priorities_question", "priorities_shown_during"])
            created = True
        if not created and data.get("statements_allowed") and not phases[slug].statements_allowed:
            # Likewise for statements.
            phases[slug].statements_allowed = True
            phases[slug].save(update_fields=["statements_allowed"])
            created = True
        report.record(f"Beteiligungsphase {slug}", created)

    themes = {}
    for position, (slug, title, introduction) in enumerate(THEMES, start=1):
        themes[slug], created = Theme.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "introduction": introduction,
                "phase": phases["themendialog-2019"],
                "position": position,
            },
        )
        report.record(f"Dialogthema {slug}", created)
    _theme_comments(report, themes)

    series, created = EventSeries.objects.get_or_create(
        slug=SERIES["slug"], defaults={k: v for k, v in SERIES.items() if k != "slug"}
    )
    report.record(f"Veranstaltungsreihe {series.slug}", created)

    for data in _events():
        slug = data.pop("slug")
        theme_slugs = data.pop("themes", [])
        # Known events have a known day but no known time: the times are assumed.
        # Events the demo invents are example content, times included.
        data["times_provenance"] = "annahme" if slug in KNOWN_EVENTS else "beispiel"
        data["series"] = series if slug in SERIES_EVENTS else None
        event, created = Event.objects.get_or_create(slug=slug, defaults=data)
        if created:
            event.themes.set([themes[s] for s in theme_slugs])
        elif (event.times_provenance, event.series) != (data["times_provenance"], data["series"]):
            # A demo loaded before events knew these fields gets them now.
            event.times_provenance, event.series = data["times_provenance"], data["series"]
            event.save(update_fields=["times_provenance", "series"])
            created = True
        report.record(f"Veranstaltung {slug}", created)
