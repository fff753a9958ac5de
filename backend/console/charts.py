"""The dashboard's charts: SVG drawn on the server by pygal, safe to place inside a page.

pygal writes a `<script>` (its tooltips' configuration) and a `<style>` into every chart, and
an inline `style=` on the tooltip. The console's policy forbids all three, so the charts are
taken from pygal as a tree and stripped of them: no script is ever sent, the tooltip box is
dropped (the bars' own `<title>`s give the browser's plain tooltips without JavaScript), and
the style goes to a stylesheet of its own served from this app (`chart_stylesheet`). Each chart
has a fixed id (`chart-<name>`), which pygal's style rules are scoped to.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pygal
from markupsafe import Markup
from pygal.etree import etree
from pygal.style import Style

STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="#1b1f24",
    foreground_strong="#1b1f24",
    foreground_subtle="#4a5360",
    font_family='system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
    label_font_size=13,
    major_label_font_size=13,
    value_font_size=13,
    title_font_size=16,
    legend_font_size=13,
    no_data_font_size=20,
    colors=("#0b57a4", "#8c1d18", "#1f7a3a", "#8a5a00"),
)
_SVG_NS = "{http://www.w3.org/2000/svg}"
_DROPPED = {"script", "style"}


@dataclass(frozen=True)
class Point:
    """One value of a series: the number (None: no data), its words and its cases' link."""

    value: float | None
    label: str
    link: str | None = None


@dataclass(frozen=True)
class Series:
    """A named row of points."""

    title: str
    points: Sequence[Point]


@dataclass(frozen=True)
class ChartSpec:
    """What to draw: kind (bar, hbar, line), id, labels of the x axis, series, y axis range."""

    name: str
    kind: str
    title: str
    x_labels: Sequence[str]
    series: Sequence[Series]
    percent: bool = False
    no_data: str = "—"  # shown across an empty chart


def chart_svg(spec: ChartSpec) -> Markup:
    """Return the chart as inline SVG with no script, no `<style>` and no `style=`."""
    tree = _chart(spec).render_tree()
    _strip(tree)
    return Markup(etree.tostring(tree, encoding="unicode"))


def chart_stylesheet(specs: Sequence[ChartSpec]) -> str:
    """Return the CSS of these charts (pygal's own rules, scoped to each chart's id)."""
    rules = []
    for spec in specs:
        tree = _chart(spec).render_tree()
        rules += [el.text or "" for el in tree.iter() if _tag(el) == "style"]
    return "\n".join(rules)


def _chart(spec: ChartSpec) -> Any:
    kinds = {"bar": pygal.Bar, "hbar": pygal.HorizontalBar, "line": pygal.Line}
    options: dict[str, Any] = {
        "style": STYLE,
        "js": [],  # no script from anywhere (pygal's default loads one from a CDN)
        "disable_xml_declaration": True,
        "width": 640,
        "height": 320,
        "title": spec.title,
        "show_legend": len(spec.series) > 1,
        "legend_at_bottom": True,
        "legend_at_bottom_columns": 3,
        "print_values": False,
        "truncate_label": 24,
        "truncate_legend": 30,
        "x_label_rotation": 0,
        "no_data_text": spec.no_data,
        "value_formatter": (lambda v: f"{v:.1f} %") if spec.percent else (lambda v: f"{v:g}"),
    }
    if spec.percent:
        options["range"] = (0, 100)
    else:
        options["y_labels"] = _count_ticks(spec)
    chart = kinds[spec.kind](**options)
    chart.uuid = spec.name  # the svg's id becomes chart-<name>, the style rules' scope
    chart.x_labels = list(spec.x_labels)
    for series in spec.series:
        chart.add(series.title, [_value(point) for point in series.points])
    return chart


def _count_ticks(spec: ChartSpec) -> list[int]:
    """Return whole-number ticks for a chart of counts (never 0.2 of a case)."""
    values = [p.value for series in spec.series for p in series.points if p.value is not None]
    top = int(max(values, default=0))
    step = max(1, math.ceil(top / 5))
    return list(range(0, top + step, step))


def _value(point: Point) -> dict[str, Any] | None:
    if point.value is None:
        return None
    value: dict[str, Any] = {"value": point.value, "label": point.label}
    if point.link:
        value["xlink"] = {"href": point.link, "target": "_self"}
    return value


def _strip(tree: Any) -> None:
    """Remove scripts, style elements, the tooltip box and every `style=` from the tree."""
    for parent in list(tree.iter()):
        for child in list(parent):
            tag = _tag(child)
            classes = str(child.attrib.get("class", "")).split()
            if not tag or tag in _DROPPED or "tooltip-overlay" in classes:
                parent.remove(child)  # comments too: they carry pygal's addresses
            elif tag == "desc" and "xlink" in classes:
                parent.remove(child)  # the link's address, read aloud as text
            elif tag == "a":
                _title(child)
                # The table beside the chart holds the same links: a bar is reached by the
                # mouse, not by Tab (11 stops a chart, a zero bar's focus ring unseen).
                child.attrib["tabindex"] = "-1"
        parent.attrib.pop("style", None)
        for name in [n for n in parent.attrib if str(n).startswith("on")]:
            parent.attrib.pop(name)


def _title(link: Any) -> None:
    """Give a linked value a `<title>` (the browser's own tooltip): its label and value."""
    described = {
        str(el.attrib.get("class", "")).split()[0]: el.text or ""
        for el in link.iter()
        if _tag(el) == "desc" and el.attrib.get("class")
    }
    words = [described.get("x_label", ""), described.get("label", ""), described.get("value", "")]
    title = etree.Element("title")
    title.text = " · ".join(word for word in words if word)
    link.insert(0, title)


def _tag(element: Any) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.removeprefix(_SVG_NS)
