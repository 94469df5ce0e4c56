"""Demo content for the dialog: phases, themes, events and theme comments from seed/FACTS.md.

The content is data (demo/data/dialog/*.csv); this module only reads it. Known facts are
stated as such; everything invented to make the demo realistic (exact times, places not
in the sources, texts of recordings) is marked "Beispielinhalt" in the data. Video
addresses are placeholders, not real videos. Every row is looked up by its slug first,
so a second run finds everything and creates nothing; each object is checked with
full_clean() before it is saved, as the admin's forms check what editors enter.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify

from dialog.comments import state
from dialog.comments.xtd import XtdComment
from dialog.models import Event, EventSeries, Phase, Theme

from .datafiles import flag, items, moment, number, table


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


def _phase_fields(row) -> dict:
    return {
        "title": row["title"],
        "starts_at": moment(row["starts_at"]),
        "ends_at": moment(row["ends_at"]),
        "moderation": row["moderation"] or Phase.Moderation.POST,
        "description": row["description"],
        "evaluation": row["evaluation"],
        "reported_comments": number(row["reported_comments"]),
        "reported_comments_text": row["reported_comments_text"],
        "reported_responses": number(row["reported_responses"]),
        "reported_responses_text": row["reported_responses_text"],
        "reported_participants": number(row["reported_participants"]),
        "reported_participants_text": row["reported_participants_text"],
        "reported_source": row["reported_source"],
        "priorities_question": row["priorities_question"],
        "priorities_shown_during": flag(row["priorities_shown_during"]),
        "statements_allowed": flag(row["statements_allowed"]),
        "ideas_allowed": flag(row["ideas_allowed"]),
    }


def _load_phases(report) -> dict[str, Phase]:
    phases = {}
    for row in table("dialog/phases.csv"):
        slug, fields = row["slug"], _phase_fields(row)
        phase = Phase.objects.filter(slug=slug).first()
        created = phase is None
        if created:
            phase = Phase(slug=slug, **fields)
            phase.full_clean()
            phase.save()
        else:
            # A demo loaded before phases could ask for priorities or take statements
            # gets those switches now; nothing else of an existing phase is touched.
            late = {}
            if fields["priorities_question"] and not phase.priorities_question:
                late["priorities_question"] = fields["priorities_question"]
                late["priorities_shown_during"] = fields["priorities_shown_during"]
            if fields["statements_allowed"] and not phase.statements_allowed:
                late["statements_allowed"] = True
            if late:
                Phase.objects.filter(pk=phase.pk).update(**late)
                created = True
        phases[slug] = phase
        report.record(f"Beteiligungsphase {slug}", created)
    return phases


def _load_themes(report, phases) -> dict[str, Theme]:
    themes = {}
    for position, row in enumerate(table("dialog/themes.csv"), start=1):
        theme = Theme.objects.filter(slug=row["slug"]).first()
        created = theme is None
        if created:
            theme = Theme(
                slug=row["slug"],
                title=row["title"],
                introduction=row["introduction"],
                phase=phases[row["phase"]],
                position=position,
            )
            theme.full_clean()
            theme.save()
        themes[row["slug"]] = theme
        report.record(f"Dialogthema {row['slug']}", created)
    for row in table("dialog/theme_comments.csv"):
        created = demo_comment(themes[row["theme"]], row["name"], row["text"], moment(row["date"]))
        report.record(f"Kommentar „{row['name']}“ zum Thema {row['theme']}", created)
    return themes


def _load_series(report) -> dict[str, EventSeries]:
    series = {}
    for row in table("dialog/series.csv"):
        found, created = EventSeries.objects.get_or_create(
            slug=row["slug"], defaults={"title": row["title"], "description": row["description"]}
        )
        series[row["slug"]] = found
        report.record(f"Veranstaltungsreihe {row['slug']}", created)
    return series


def _event_fields(row, series) -> dict:
    minutes = number(row["recording_minutes"])
    return {
        "title": row["title"],
        "kind": row["kind"],
        "starts_at": moment(row["starts_at"]),
        "ends_at": moment(row["ends_at"]),
        "place": row["place"],
        "online": flag(row["online"]),
        "participants": number(row["participants"]),
        "participants_approximation": row["participants_approximation"],
        "description": row["description"],
        "recording_url": row["recording_url"],
        "recording_length": timedelta(minutes=minutes) if minutes else None,
        "transcript": row["transcript"],
        "recap": row["recap"],
        # Known events have a known day but no known time: the times are assumed.
        # Events the demo invents are example content, times included.
        "times_provenance": "annahme" if row["times"] == "angenommen" else "beispiel",
        "series": series[row["series"]] if row["series"] else None,
    }


def _load_events(report, themes, series) -> None:
    for row in table("dialog/events.csv"):
        slug, fields = row["slug"], _event_fields(row, series)
        event = Event.objects.filter(slug=slug).first()
        created = event is None
        if created:
            event = Event(slug=slug, **fields)
            event.full_clean()
            event.save()
            event.themes.set([themes[s] for s in items(row["themes"], ";")])
        elif (event.times_provenance, event.series) != (
            fields["times_provenance"],
            fields["series"],
        ):
            # A demo loaded before events knew these fields gets them now.
            event.times_provenance, event.series = fields["times_provenance"], fields["series"]
            event.save(update_fields=["times_provenance", "series"])
            created = True
        report.record(f"Veranstaltung {slug}", created)


def load(report) -> None:
    phases = _load_phases(report)
    themes = _load_themes(report, phases)
    _load_events(report, themes, _load_series(report))
