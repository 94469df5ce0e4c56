from django import template

from common.provenance import Provenance

register = template.Library()


@register.filter
def provenance_label(value: str) -> str:
    """The words a citizen reads for a stored provenance; "" for official or unknown values."""
    if value in Provenance.values and value != Provenance.AMTLICH:
        return Provenance(value).label
    return ""
