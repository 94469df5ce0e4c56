from django import template
from django.utils.safestring import mark_safe

from richtext import sanitize_html

register = template.Library()


@register.filter
def sanitize(value):
    """Render editor HTML safely: `{{ page.content|sanitize }}`."""
    return mark_safe(sanitize_html(value))
