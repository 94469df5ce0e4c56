from django import template

from dialog.statements.targets import statements_on as published_on

register = template.Library()


@register.inclusion_tag("dialog/statements/_on_object.html")
def statements_on(obj):
    """{% statements_on goal %}: the published statements addressing a goal or chapter."""
    return {"statements": list(published_on(obj))}
