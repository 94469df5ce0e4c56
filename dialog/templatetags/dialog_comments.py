from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaksbr, urlize
from django.utils.html import conditional_escape

from dialog.comments import state
from dialog.comments.threads import thread_context

register = template.Library()

# A comment's state, asked of the state module (templates never read the package's flags).
register.filter("is_visible", state.is_visible)
register.filter("is_waiting", state.is_waiting)
register.filter("is_hidden", state.is_hidden)


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
    """{% contributions_leading_to goal %}: "Entstanden aus Beiträgen", comments and
    statements, then each registered kind under its own heading ("Entstanden aus Ideen"),
    one query each."""
    from dialog.comments.decisions import contributions_leading_to as leading_to
    from dialog.comments.decisions import origins_of
    from dialog.statements.targets import statements_leading_to

    return {
        "contributions": list(leading_to(obj)),
        "statements": list(statements_leading_to(obj)),
        "origins": origins_of(obj),
    }


@register.filter(is_safe=True, needs_autoescape=True)
def comment_text(value, autoescape=True):
    """A comment's text as HTML: links made clickable, line breaks kept, all else escaped.

    Django's urlize scans every word; most comments hold no address, so it runs only
    where one could be (a third of a long thread's render time otherwise).
    """
    text = str(value)
    if "://" in text or "www." in text or "@" in text:
        html = urlize(text, autoescape=autoescape)
    else:
        html = conditional_escape(text) if autoescape else text
    return linebreaksbr(html, autoescape=False)
