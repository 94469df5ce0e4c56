"""`{% link_valid_days %}`: how many days a mailed link works (CONFIRMATION_LINK_DAYS),
for pages and mails that tell visitors so; one setting, never a number in a template."""

from django import template

from common import confirmation

register = template.Library()


@register.simple_tag
def link_valid_days() -> str:
    return str(confirmation.valid_for().days)  # a string: mails render with autoescape off
