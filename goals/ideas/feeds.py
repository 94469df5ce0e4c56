"""Atom feed of a phase's newest published ideas, each with its author as atom:author."""

from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from common.feeds import SiteFeed

from . import listing
from .models import Idea

FEED_LENGTH = 50


class PhaseIdeasFeed(SiteFeed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return listing.phase_with_ideas(slug)

    def title(self, phase):
        return f"Digitalstrategie.NRW – Ideen: {phase.title}"

    def subtitle(self, phase):
        return "Neue Ideen von Bürgerinnen, Bürgern und Organisationen, neueste zuerst."

    def link(self, phase):
        return reverse("goals:ideas", args=[phase.slug])

    def items(self, phase):
        return (
            Idea.objects.published()
            .filter(phase=phase)
            .select_related("field")
            .order_by("-published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, idea):
        example = "Beispielinhalt: " if idea.is_example else ""
        return f"{example}{idea.title}"

    def item_description(self, idea):
        return f"Handlungsfeld {idea.field.number} {idea.field.title}. {idea.text}"

    def item_author_name(self, idea):
        return idea.name

    def item_pubdate(self, idea):
        return idea.published_at

    def item_updateddate(self, idea):
        return idea.published_at
