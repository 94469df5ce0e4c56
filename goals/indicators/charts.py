"""The chart of one indicator: its measured values as columns, the target as a line.

The chart's title states every number; the goal page shows the same values as a
table, so the chart adds a picture and hides nothing.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from common.charts import WIDTH, svg

from .models import Indicator, format_number

PLOT_HEIGHT = 150
LABEL_HEIGHT = 24
TOP = 22  # room for the target's label above the highest column


def indicator_chart(indicator: Indicator) -> SafeString:
    values = sorted(indicator.values.all(), key=lambda m: m.date)
    highest = max([indicator.target_value, *(m.value for m in values)]) or 1
    slot = WIDTH / max(len(values), 4)
    parts = []
    for index, measurement in enumerate(values):
        height = round(float(PLOT_HEIGHT * measurement.value / highest), 1)
        x = round(index * slot, 1)
        parts.append(
            format_html(
                '<rect class="chart__bar chart__bar--neutral" x="{x}" y="{y}" width="{w}" height="{h}"/>'
                '<text class="chart__label" x="{x}" y="{ly}">{date}</text>'
                '<text class="chart__value" x="{x}" y="{vy}">{value}</text>',
                x=x,
                y=TOP + PLOT_HEIGHT - height,
                w=round(slot * 0.6, 1),
                h=height,
                ly=TOP + PLOT_HEIGHT + 18,
                vy=max(TOP + PLOT_HEIGHT - height - 4, 14),
                date=f"{measurement.date:%m/%Y}",
                value=format_number(measurement.value),
            )
        )
    target_y = round(TOP + PLOT_HEIGHT - float(PLOT_HEIGHT * indicator.target_value / highest), 1)
    parts.append(
        format_html(
            '<line class="chart__target" x1="0" x2="{w}" y1="{y}" y2="{y}"/>'
            '<text class="chart__label" x="{lx}" y="{ty}" text-anchor="end">Ziel: {target}</text>',
            w=WIDTH,
            y=target_y,
            lx=WIDTH,
            ty=max(target_y - 6, 14),
            target=indicator.quantity(indicator.target_value),
        )
    )
    measured = (
        ", ".join(f"{m.date:%d.%m.%Y}: {indicator.quantity(m.value)}" for m in values)
        or "noch kein Messwert"
    )
    title = f"{indicator.name}, Ziel {indicator.target_text}. Gemessen: {measured}"
    return svg(
        f"indikator-{indicator.pk}-grafik",
        title,
        TOP + PLOT_HEIGHT + LABEL_HEIGHT,
        mark_safe("".join(parts)),
    )
