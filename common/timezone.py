"""The site's one time zone (Europe/Berlin), for code that needs the zone object."""

from zoneinfo import ZoneInfo

from django.conf import settings


def berlin() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)
