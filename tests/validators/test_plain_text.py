"""Rich text read where there is no HTML: a meta description, a feed, a calendar file, the
open-data CSV. Each keeps the paragraphs apart, as the editor wrote them (richtext's
plain_text); stripping the tags alone once gave "…abgestimmt.Beispielinhalt:"."""

import csv
import io
import re
from html import unescape

import feedparser
import pytest
from icalendar import Calendar

from dialog.models import Event, Phase
from goals.models import StatusReport

TWO_PARAGRAPHS = "<p>Darüber wurde\n  abgestimmt.</p><p><em>Beispielinhalt:</em> Der Rest.</p>"
AS_TEXT = "Darüber wurde abgestimmt.\n\nBeispielinhalt: Der Rest."
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


@pytest.mark.django_db
def test_paragraphs_stay_apart_in_every_plain_text_version(client, demo):
    phase = Phase.objects.order_by("pk").first()
    event = Event.objects.order_by("pk").first()
    report = StatusReport.objects.order_by("-date", "-pk").first()
    Phase.objects.filter(pk=phase.pk).update(description=TWO_PARAGRAPHS)
    Event.objects.filter(pk=event.pk).update(description=TWO_PARAGRAPHS)
    StatusReport.objects.filter(pk=report.pk).update(text=TWO_PARAGRAPHS)

    # The search engine's snippet: one line, a space between the paragraphs.
    html = client.get(phase.get_absolute_url()).content.decode()
    (meta,) = DESCRIPTION.findall(html)
    assert "Darüber wurde abgestimmt. Beispielinhalt: Der Rest." in unescape(meta)

    # The calendar app's note: the paragraphs, then the address.
    ics = Calendar.from_ical(client.get(f"/veranstaltungen/{event.slug}.ics").content)
    (component,) = ics.walk("VEVENT")
    assert str(component["DESCRIPTION"]).startswith(AS_TEXT + "\n\n")

    # The feed reader's summary.
    feed = feedparser.parse(client.get("/umsetzung/feed/").content)
    summaries = [entry.summary for entry in feed.entries]
    assert any(s.endswith(AS_TEXT) for s in summaries), summaries[:3]

    # The open-data table.
    table = client.get("/daten/berichte.csv").content.decode("utf-8-sig")
    texts = [row["bericht"] for row in csv.DictReader(io.StringIO(table))]
    assert AS_TEXT in texts
