from django import template
from django.utils.html import format_html

from common.provenance import Provenance

register = template.Library()


@register.filter
def provenance_label(value: str) -> str:
    """The words a citizen reads for a stored provenance; "" for official or unknown values."""
    if value in Provenance.values and value != Provenance.AMTLICH:
        return Provenance(value).label
    return ""


@register.filter
def provenance_badge(value: str, prefix: str = ""):
    """A badge beside content that is not official (a filter, not an include: it is
    used in every row of long tables); "" for official content."""
    label = provenance_label(value)
    if not label:
        return ""
    return format_html(' <span class="badge badge--provenance">{}{}</span>', prefix, label)
