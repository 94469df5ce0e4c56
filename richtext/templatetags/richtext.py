from django import template
from django.utils.safestring import mark_safe

from richtext import plain_text as _plain_text
from richtext import sanitize_html

register = template.Library()


@register.filter
def sanitize(value):
    """Render editor HTML safely: `{{ page.content|sanitize }}`."""
    return mark_safe(sanitize_html(value))


@register.filter
def plain_text(value):
    """Rich text without tags, paragraphs kept apart: `{{ phase.description|plain_text }}`."""
    return _plain_text(value)
