"""`{% capture name %}…{% endcapture %}`: render once, use twice.

base.html renders a page's title and description blocks once and uses them in
<title>, the meta description and the Open Graph tags, so a page states its
title in one place. Blocks inside keep working (the extends machinery finds
them through `child_nodelists`).
"""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # One line, however the block was written; already escaped by the block's own tags.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))
        return ""


@register.tag
def capture(parser, token):
    try:
        _, name = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError(
            "{% capture name %} braucht genau einen Namen."
        ) from None
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, name)
