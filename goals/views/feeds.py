"""Atom feed of status reports, newest first; `?feld=<slug>` narrows it to one field."""

import datetime

from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from common.feeds import SiteFeed
from common.provenance import Provenance
from richtext import plain_text

from ..models import FieldOfAction, Goal, StatusReport

FEED_LENGTH = 50


def provenance_notice(report) -> str:
    """What a feed reader must be told before a report that is not official."""
    if report.goal.provenance == Provenance.BEISPIEL:
        return "Beispielinhalt: Dieses Ziel ist für die Vorführung der Website ausgedacht."
    if report.provenance == Provenance.BEISPIEL:
        return "Beispielinhalt: Dieser Stand ist für die Vorführung der Website ausgedacht."
    if report.provenance == Provenance.ANNAHME:
        return "Annahme der Redaktion: Dieser Stand ist nicht amtlich belegt."
    return ""


class StatusReportFeed(SiteFeed):
    feed_type = Atom1Feed
    link = "/umsetzung/"

    def get_object(self, request):
        slug = request.GET.get("feld", "").strip()
        if not slug:
            return None
        # Slugs may repeat across versions (the same topic); the feed follows the topic.
        fields = list(FieldOfAction.objects.filter(slug=slug).select_related("version"))
        if not fields:
            raise Http404("Dieses Handlungsfeld gibt es nicht.")
        return fields

    def title(self, fields):
        if fields:
            return f"Digitalstrategie.NRW – Stand der Umsetzung: {fields[0].title}"
        return "Digitalstrategie.NRW – Stand der Umsetzung"

    def subtitle(self, fields):
        return "Neue Statusberichte zu den Zielen der Digitalstrategie.NRW, neueste zuerst."

    def items(self, fields):
        reports = StatusReport.objects.select_related("goal__version", "goal__field")
        if fields:
            reports = reports.filter(goal__field__in=fields)
        return reports.order_by("-date", "-pk")[:FEED_LENGTH]

    def item_title(self, report):
        goal = report.goal
        title = f"{goal.version.title}, Ziel {goal.number}: {report.get_status_display()} – {goal.title}"
        notice = provenance_notice(report)
        return f"{title} ({notice.split(':')[0]})" if notice else title

    def item_description(self, report):
        text = plain_text(report.text)
        notice = provenance_notice(report)
        return f"{notice} {text}" if notice else text

    def item_link(self, report):
        return f"{report.goal.get_absolute_url()}#bericht-{report.pk}"

    def item_pubdate(self, report):
        return timezone.make_aware(datetime.datetime.combine(report.date, datetime.time(12)))

    def item_updateddate(self, report):
        return self.item_pubdate(report)

    def item_categories(self, report):
        return [report.goal.field.title, report.get_status_display()]


class GoalFeed(StatusReportFeed):
    """The status reports of one goal, for readers who follow it in their own feed reader."""

    def get_object(self, request, version, number):
        goal = (
            Goal.objects.select_related("version")
            .filter(version__slug=version, number=number)
            .first()
        )
        if goal is None:
            raise Http404("Dieses Ziel gibt es nicht.")
        return goal

    def title(self, goal):
        return f"Digitalstrategie.NRW – Ziel {goal.number}: {goal.title}"

    def link(self, goal):
        return goal.get_absolute_url()

    def subtitle(self, goal):
        return (
            f"Neue Statusberichte zu Ziel {goal.number} der {goal.version.title}, neueste zuerst."
        )

    def items(self, goal):
        return (
            StatusReport.objects.filter(goal=goal)
            .select_related("goal__version", "goal__field")
            .order_by("-date", "-pk")[:FEED_LENGTH]
        )
