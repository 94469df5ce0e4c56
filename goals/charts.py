"""Server-rendered SVG bar charts. No JavaScript, no library, no inline style.

Colours come from CSS classes (`chart__bar--<status>` in site.css), so the
stylesheet is the one place to check contrast. Each chart is an image with a
title for screen readers; the page shows the same numbers as a table beside it.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from common.charts import WIDTH, svg

from .progress import Breakdown

LABEL_HEIGHT = 22
BAR_HEIGHT = 22
ROW_GAP = 14


def status_chart(chart_id: str, title: str, total: Breakdown) -> SafeString:
    """One horizontal bar per status; the count written behind the bar."""
    label_width = 150
    bar_space = WIDTH - label_width - 50
    biggest = max((c.count for c in total.counts), default=0) or 1
    rows = []
    for index, item in enumerate(total.counts):
        y = index * (BAR_HEIGHT + ROW_GAP)
        width = round(bar_space * item.count / biggest, 1)
        rows.append(
            format_html(
                '<text class="chart__label" x="0" y="{ty}">{label}</text>'
                '<rect class="chart__bar chart__bar--{status}" x="{x}" y="{y}" width="{w}" height="{h}"/>'
                '<text class="chart__value" x="{vx}" y="{ty}">{count}</text>',
                ty=y + 16,
                label=item.status.label,
                status=item.status.value,
                x=label_width,
                y=y,
                w=width,
                h=BAR_HEIGHT,
                vx=label_width + width + 8,
                count=item.count,
            )
        )
    height = len(total.counts) * (BAR_HEIGHT + ROW_GAP)
    summary = ", ".join(f"{c.status.label}: {c.count}" for c in total.counts)
    return svg(chart_id, f"{title}. {summary}", height, mark_safe("".join(rows)))


def stacked_chart(chart_id: str, title: str, groups: list[Breakdown]) -> SafeString:
    """For each group, its label on one line and below it a bar split by status."""
    rows = []
    row_height = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    for index, group in enumerate(groups):
        top = index * row_height
        segments = []
        x = 0.0
        for item in group.counts:
            if not item.count:
                continue
            width = WIDTH * item.count / group.total
            segments.append(
                format_html(
                    '<rect class="chart__bar chart__bar--{status}" x="{x}" y="{y}" '
                    'width="{w}" height="{h}"><title>{label}: {count}</title></rect>',
                    status=item.status.value,
                    x=round(x, 1),
                    y=top + LABEL_HEIGHT,
                    w=round(width, 1),
                    h=BAR_HEIGHT,
                    label=item.status.label,
                    count=item.count,
                )
            )
            x += width
        if not group.total:
            segments.append(
                format_html(
                    '<rect class="chart__empty" x="0" y="{y}" width="{w}" height="{h}"/>',
                    y=top + LABEL_HEIGHT,
                    w=WIDTH,
                    h=BAR_HEIGHT,
                )
            )
        rows.append(
            format_html(
                '<text class="chart__label" x="0" y="{y}">{label} ({total} Ziele)</text>{segments}',
                y=top + 16,
                label=group.label,
                total=group.total,
                segments=mark_safe("".join(segments)),
            )
        )
    summary = "; ".join(
        f"{g.label}: " + ", ".join(f"{c.count} {c.status.label}" for c in g.counts if c.count)
        for g in groups
    )
    return svg(chart_id, f"{title}. {summary}", len(groups) * row_height, mark_safe("".join(rows)))


def legend_items(total: Breakdown):
    return format_html_join(
        "",
        '<li><span class="chart-legend__swatch chart__bar--{}" aria-hidden="true"></span>{}</li>',
        ((c.status.value, c.status.label) for c in total.counts),
    )
