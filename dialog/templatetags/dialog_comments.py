from django import template
from django.conf import settings

from dialog.comments.threads import thread_context

register = template.Library()


@register.inclusion_tag("dialog/comments/_thread.html", takes_context=True)
def comment_thread(context, obj):
    """{% comment_thread goal %}: the paginated thread with its form for any commentable object."""
    return {"thread": thread_context(context["request"], obj), "request": context["request"]}


@register.simple_tag
def site_url():
    """Absolute links in mails, where no request is at hand."""
    return settings.SITE_URL


@register.inclusion_tag("dialog/comments/_from_contributions.html")
def contributions_leading_to(obj):
    """{% contributions_leading_to goal %}: "Entstanden aus Beiträgen", one query."""
    from dialog.comments.decisions import contributions_leading_to as leading_to

    return {"contributions": list(leading_to(obj))}
