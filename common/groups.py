"""The names of the two staff groups, and who belongs to them.

The groups and their permissions are created by strategy_site/groups.py; the
names live here so that any app can address the group's members without
importing the site package.
"""

from django.contrib.auth import get_user_model

REDAKTION = "Redaktion"
MODERATION = "Moderation"


def member_emails(*group_names: str) -> list[str]:
    """Addresses of the active members of the given groups, sorted and without duplicates."""
    emails = (
        get_user_model()
        .objects.filter(groups__name__in=group_names, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    return sorted(set(emails))
