"""{% suggestions_on paragraph %}: the paragraph's wording suggestions and the way to add
one, on the paragraph page (goals.text knows nothing of suggestions)."""

from django import template

from ..suggestions import listing, registration, workflow

register = template.Library()


@register.inclusion_tag("goals/suggestions/_on_paragraph.html", takes_context=True)
def suggestions_on(context, paragraph):
    return {
        "paragraph": paragraph,
        "suggestions": listing.for_paragraph(paragraph),
        "open": workflow.taking_phase(paragraph) is not None,
        "request": context.get("request"),
    }


@register.inclusion_tag("goals/suggestions/_adopted_note.html")
def adopted_suggestions_note(paragraph):
    """In the paragraph's difference to the earlier version: which of the changes came from
    adopted wording suggestions (one query, only on paragraphs that continue another)."""
    return {"adopted": list(registration.adopted_into(paragraph))}
