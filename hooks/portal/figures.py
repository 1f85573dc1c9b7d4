"""Figures drawn at build time as inline SVG: no map tiles, no scripts, nothing fetched.

`location_diagram` places zones, projects and landmarks by their approximate coordinates on a plain
equirectangular projection, with a north arrow and a scale bar. It shows where things lie relative to
each other; it draws no borders, so it makes no claim about them. `units_bar` is a stacked bar of the
locality's administrative units. Every text is escaped; each figure has a <title> and <desc> for
screen readers, and the templates print the same information as text beside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from .charts import next_id

EARTH_KM_PER_DEGREE = 111.32
COLOURS = {"zone": "#1a237e", "project": "#b71c1c", "landmark": "#4e4e4e"}
UNIT_COLOURS = ("#1a237e", "#2e7d32", "#b71c1c", "#6a1b9a", "#e65100", "#00695c")


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float
    label: str  # short text in the marker (a number) or beside it (a landmark's name)
    name: str  # full name, for the tooltip
    kind: str  # zone, project, landmark...
    href: str = ""


def location_diagram(points: list[Point], title: str, description: str, width: int = 640) -> Markup:
    if not points:
        return Markup("")
    mean_lat = sum(point.lat for point in points) / len(points)
    squash = math.cos(math.radians(mean_lat))
    xs = [point.lon * squash for point in points]
    ys = [point.lat for point in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 0.05)
    pad = span * 0.12
    left, right = min(xs) - pad, max(xs) + pad
    bottom, top = min(ys) - pad, max(ys) + pad
    scale = (width - 40) / (right - left)
    height = int((top - bottom) * scale) + 60
    height = max(height, 220)

    def at(point: Point) -> tuple[float, float]:
        return 20 + (point.lon * squash - left) * scale, 20 + (top - point.lat) * scale

    figure_id = f"portal-fig-{next_id()}"
    parts = [
        # role="group", not "img": the diagram's places are links a keyboard can reach
        f'<svg class="portal-diagram" viewBox="0 0 {width} {height}" role="group" aria-labelledby="{figure_id}-t {figure_id}-d" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{figure_id}-t">{escape(title)}</title><desc id="{figure_id}-d">{escape(description)}</desc>',
        f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" rx="6" fill="#f4f6fb" stroke="#c5cae9"/>',
    ]
    parts += _grid(left, right, bottom, top, squash, scale, width, height)
    placed: list[tuple[float, float]] = []
    for point in sorted(points, key=lambda point: point.kind != "landmark"):
        x, y = at(point)
        if point.kind != "landmark":
            while any(abs(x - other_x) < 22 and abs(y - other_y) < 22 for other_x, other_y in placed):
                x += 24  # two places on the same spot: set the later marker beside the earlier one
            placed.append((x, y))
        parts.append(_marker(point, x, y, width))
    parts.append(_north_arrow(width))
    parts.append(_scale_bar(scale, squash, height))
    parts.append("</svg>")
    return Markup("".join(parts))


def _grid(left, right, bottom, top, squash, scale, width, height) -> list[str]:
    """Faint graticule every 0.1 degree, so the reader sees the diagram is to scale."""
    lines = []
    step = 0.1 if (top - bottom) < 1.5 else 0.5
    lat = math.ceil(bottom / step) * step
    while lat < top:
        y = 20 + (top - lat) * scale
        lines.append(f'<line x1="1" x2="{width - 1}" y1="{y:.1f}" y2="{y:.1f}" stroke="#dfe3f0" stroke-width="1"/>')
        lat += step
    lon = math.ceil(left / squash / step) * step
    while lon * squash < right:
        x = 20 + (lon * squash - left) * scale
        lines.append(f'<line y1="1" y2="{height - 1}" x1="{x:.1f}" x2="{x:.1f}" stroke="#dfe3f0" stroke-width="1"/>')
        lon += step
    return lines


def _marker(point: Point, x: float, y: float, width: int) -> str:
    colour = COLOURS.get(point.kind, "#333")
    tooltip = f"<title>{escape(point.name)}</title>"
    if point.kind == "landmark":
        anchor = "end" if x > width * 0.7 else "start"
        dx = -9 if anchor == "end" else 9
        shape = (f'<path d="M{x:.1f} {y - 7:.1f} L{x + 6:.1f} {y + 4:.1f} L{x - 6:.1f} {y + 4:.1f} Z" fill="{colour}"/>'
                 f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" font-size="12" fill="{colour}">{escape(point.label)}</text>')
    else:
        body = (f'<rect x="{x - 11:.1f}" y="{y - 11:.1f}" width="22" height="22" rx="3" fill="{colour}"/>' if point.kind == "zone"
                else f'<circle cx="{x:.1f}" cy="{y:.1f}" r="11" fill="{colour}"/>')
        shape = (body + f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" font-size="12" font-weight="700" '
                 f'fill="#fff">{escape(point.label)}</text>')
    group = f'<g class="portal-marker portal-marker--{point.kind}">{tooltip}{shape}</g>'
    return f'<a href="{escape(point.href)}">{group}</a>' if point.href else group


def _north_arrow(width: int) -> str:
    x = width - 28
    return (f'<g aria-hidden="true"><path d="M{x} 14 L{x + 7} 34 L{x} 29 L{x - 7} 34 Z" fill="#333"/>'
            f'<text x="{x}" y="48" text-anchor="middle" font-size="12" fill="#333">N</text></g>')


def _scale_bar(scale: float, squash: float, height: int) -> str:
    """A bar of a round number of kilometres, about a fifth of the width."""
    km_per_px = EARTH_KM_PER_DEGREE / scale
    target = km_per_px * 120
    length_km = next((value for value in (1, 2, 5, 10, 20, 50, 100, 200) if value >= target * 0.6), 500)
    pixels = length_km / km_per_px
    y = height - 16
    return (f'<g aria-hidden="true"><path d="M16 {y - 5} V{y} H{16 + pixels:.1f} V{y - 5}" fill="none" stroke="#333" stroke-width="2"/>'
            f'<text x="{20 + pixels:.1f}" y="{y}" font-size="12" fill="#333">{length_km} km</text></g>')


def units_bar(units: list[tuple[str, int]], title: str, width: int = 640) -> Markup:
    """A stacked bar of administrative units (e.g. wards, communes, special zones), labelled below."""
    total = sum(count for _, count in units) or 1
    figure_id = f"portal-fig-{next_id()}"
    description = ", ".join(f"{label}: {count}" for label, count in units)
    parts = [f'<svg class="portal-bar" viewBox="0 0 {width} 86" role="img" aria-labelledby="{figure_id}-t {figure_id}-d" '
             f'xmlns="http://www.w3.org/2000/svg"><title id="{figure_id}-t">{escape(title)}</title>'
             f'<desc id="{figure_id}-d">{escape(description)}</desc>']
    x = 0.0
    for index, (label, count) in enumerate(units):
        share = (width - 2) * count / total
        colour = UNIT_COLOURS[index % len(UNIT_COLOURS)]
        parts.append(f'<rect x="{1 + x:.1f}" y="8" width="{max(share, 2):.1f}" height="34" fill="{colour}"/>')
        legend_x = 4 + index * (width / max(len(units), 1))
        parts.append(f'<rect x="{legend_x:.1f}" y="56" width="14" height="14" fill="{colour}"/>'
                     f'<text x="{legend_x + 20:.1f}" y="68" font-size="13" fill="#222">{escape(label)}: {count}</text>')
        x += share
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True)
class Diagram:
    svg: Markup
    labels: dict  # record id -> the label drawn in its marker


def places(L, zones: list, projects: list) -> Diagram:
    """The location diagram of zones (numbered squares) and projects (lettered circles), with the
    profile's landmarks for orientation. Records without a position are simply not drawn."""
    points, labels = [], {}
    for number, record in enumerate((record for record in zones if "position" in record.data), 1):
        labels[record.id] = str(number)
        points.append(_point(record, str(number), L.tx(record.data["name"]), "zone", L.url("zone", record.id)))
    letters = iter("ABCDEFGHJKLMNPQRSTUVWXYZ")
    for record in (record for record in projects if "position" in record.data):
        label = next(letters, "·")
        labels[record.id] = label
        points.append(_point(record, label, L.tx(record.data["title"]), "project", L.url("project", record.id)))
    if not points:
        return Diagram(Markup(""), {})
    for landmark in L.db.profile.get("landmarks", []):
        name = L.tx(landmark["name"])
        points.append(Point(landmark["position"]["lat"], landmark["position"]["lon"], name, name, "landmark"))
    svg = location_diagram(points, L.t("diagram_title"), L.t("diagram_description"))
    return Diagram(svg, labels)


def _point(record, label: str, name: str, kind: str, href: str) -> Point:
    position = record.data["position"]
    return Point(position["lat"], position["lon"], label, name, kind, href)


def administrative_units(L, block: dict) -> Markup:
    """The profile's administrative units as a stacked bar, in the page's language."""
    units = [(L.tx(unit["label"]), unit["count"]) for unit in block["units"]]
    return units_bar(units, L.t("administrative_units_title", total=L.number(sum(count for _, count in units))))
