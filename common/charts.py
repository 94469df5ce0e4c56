"""Server-rendered SVG charts shared by the apps: no JavaScript, no library, no inline style.

Each chart is an image with a title that states every number, for screen
readers; pages show the same numbers as a table beside it. Colours come from
CSS classes, so the stylesheet is the one place to check contrast.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640


def svg(chart_id: str, title: str, height: int, body: SafeString, width: int = WIDTH) -> SafeString:
    return format_html(
        '<svg class="chart" id="{id}" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'role="img" aria-labelledby="{id}-titel" focusable="false" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{id}-titel">{title}</title>{body}</svg>',
        id=chart_id,
        w=width,
        h=height,
        title=title,
        body=body,
    )


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, int]]) -> SafeString:
    """One horizontal bar per (label, value), the value written behind the bar."""
    label_width, bar_height, gap = 230, 22, 14
    space = WIDTH - label_width - 60
    biggest = max((value for _, value in rows), default=0) or 1
    parts = []
    for index, (label, value) in enumerate(rows):
        y = index * (bar_height + gap)
        width = round(space * value / biggest, 1)
        parts.append(
            format_html(
                '<text class="chart__label" x="0" y="{ty}">{label}</text>'
                '<rect class="chart__bar chart__bar--neutral" x="{x}" y="{y}" width="{w}" '
                'height="{h}"/><text class="chart__value" x="{vx}" y="{ty}">{value}</text>',
                ty=y + 16,
                label=label,
                x=label_width,
                y=y,
                w=width,
                h=bar_height,
                vx=label_width + width + 8,
                value=value,
            )
        )
    summary = ", ".join(f"{label}: {value}" for label, value in rows)
    height = max(len(rows), 1) * (bar_height + gap)
    return svg(chart_id, f"{title}. {summary}", height, mark_safe("".join(parts)))


def column_chart(
    chart_id: str, title: str, rows: list[tuple[str, int]], label_every: int = 7
) -> SafeString:
    """One column per (label, value), e.g. per day; every `label_every`-th label written."""
    plot_height, label_height = 160, 24
    slot = WIDTH / max(len(rows), 1)
    biggest = max((value for _, value in rows), default=0) or 1
    parts = []
    for index, (label, value) in enumerate(rows):
        height = round(plot_height * value / biggest, 1)
        x = round(index * slot, 1)
        parts.append(
            format_html(
                '<rect class="chart__bar chart__bar--neutral" x="{x}" y="{y}" width="{w}" '
                'height="{h}"><title>{label}: {value}</title></rect>',
                x=x,
                y=plot_height - height,
                w=round(max(slot - 2, 1), 1),
                h=height,
                label=label,
                value=value,
            )
        )
        if index % label_every == 0:
            parts.append(
                format_html(
                    '<text class="chart__label" x="{x}" y="{y}">{label}</text>',
                    x=x,
                    y=plot_height + 18,
                    label=label,
                )
            )
    summary = ", ".join(f"{label}: {value}" for label, value in rows if value)
    return svg(
        chart_id,
        f"{title}. {summary or 'keine'}",
        plot_height + label_height,
        mark_safe("".join(parts)),
    )
