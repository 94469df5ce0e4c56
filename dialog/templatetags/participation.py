from django import template

from dialog.participation.dates import format_period

register = template.Library()


@register.filter
def period(obj):
    """A phase's or event's period in German words: `{{ phase|period }}`."""
    return format_period(obj.starts_at, obj.ends_at)


@register.filter
def duration_text(value):
    """A recording's length in words: "1 Stunde 32 Minuten"."""
    minutes = round(value.total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} Stunde" if hours == 1 else f"{hours} Stunden")
    if minutes or not hours:
        parts.append(f"{minutes} Minute" if minutes == 1 else f"{minutes} Minuten")
    return " ".join(parts)
