from datetime import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def machine_time(value) -> str:
    """The `datetime` attribute of a <time> element: local time to the second with its
    offset. Django's `date:'c'` keeps microseconds, and HTML allows at most three digits
    of a fraction (the Nu Html Checker rejects the six of a comment's submit date)."""
    if not isinstance(value, datetime):
        return value.isoformat() if value else ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat(timespec="seconds")
