"""Where each wire's tag or value label goes (no Qt): beside its wire, clear of boxes and other labels.

A greedy search: for every label, in order, try spots beside each segment of its wire (both sides,
several positions along it, every size option such as one row or one column) and keep the spot with
the least overlap with nodes, labels already placed, other wires and the diagram's edge.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.gui.diagram.model import Point, Rect

GAPS = (
    0.1,
    0.35,
    0.6,
    0.9,
)  # between a wire and its label, in grid units: close first, then further
_ALONG = (0.5, 0.35, 0.65, 0.2, 0.8, 0.08, 0.92, 0.0, 1.0)
_WIRE_HALF_WIDTH = 0.05


@dataclass(frozen=True)
class LabelRequest:
    """One label to place: its wire's polyline and the sizes it may take (in grid units)."""

    wire_id: str
    polyline: tuple[Point, ...]
    sizes: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Placement:
    """Where a label went and which of its size options was used."""

    wire_id: str
    rect: Rect
    option: int
    overlap: float  # 0 when the label sits entirely clear


def place_labels(
    requests: Sequence[LabelRequest],
    nodes: Sequence[Rect],
    wires: Sequence[Sequence[Point]],
    bounds: Rect,
) -> list[Placement]:
    """Place every request in order; earlier requests get the better spots."""
    node_rects = [_inflate(rect, 0.06) for rect in nodes]
    wire_rects = [_segment_rect(a, b) for line in wires for a, b in _segments(line)]
    placed: list[Rect] = []
    result: list[Placement] = []
    for request in requests:
        best: tuple[float, int, Rect, int] | None = None
        for rank, (rect, option) in enumerate(_candidates(request)):
            score = (
                10.0 * _overlap_sum(rect, node_rects)
                + 10.0 * _overlap_sum(rect, placed)
                + 4.0 * _overlap_sum(rect, wire_rects)
                + 20.0 * _outside(rect, bounds)
            )
            if best is None or (score, rank) < (best[0], best[1]):
                best = (score, rank, rect, option)
            if score < 1e-9:
                break
        if best is None:
            continue
        placed.append(best[2])
        score = best[0] if best[0] >= 1e-9 else 0.0
        result.append(Placement(request.wire_id, best[2], best[3], score))
    return result


def _candidates(request: LabelRequest) -> list[tuple[Rect, int]]:
    segments = sorted(
        _segments(request.polyline),
        key=lambda seg: -abs(seg[1][0] - seg[0][0]) - abs(seg[1][1] - seg[0][1]),
    )
    found: list[tuple[Rect, int]] = []
    for gap in GAPS:
        for option, (w, h) in enumerate(request.sizes):
            for (x0, y0), (x1, y1) in segments:
                vertical = abs(x1 - x0) < abs(y1 - y0)
                for t in _ALONG:
                    x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
                    if vertical:
                        found.append(((x + gap, y - h / 2, w, h), option))
                        found.append(((x - gap - w, y - h / 2, w, h), option))
                    else:
                        found.append(((x - w / 2, y - gap - h, w, h), option))
                        found.append(((x - w / 2, y + gap, w, h), option))
    return found


def _segments(line: Sequence[Point]) -> list[tuple[Point, Point]]:
    return [(a, b) for a, b in itertools.pairwise(line) if a != b]


def _segment_rect(a: Point, b: Point) -> Rect:
    left, right = min(a[0], b[0]), max(a[0], b[0])
    top, bottom = min(a[1], b[1]), max(a[1], b[1])
    half = _WIRE_HALF_WIDTH
    return (left - half, top - half, right - left + 2 * half, bottom - top + 2 * half)


def _inflate(rect: Rect, margin: float) -> Rect:
    return (rect[0] - margin, rect[1] - margin, rect[2] + 2 * margin, rect[3] + 2 * margin)


def overlap(a: Rect, b: Rect) -> float:
    """Area shared by two rectangles."""
    width = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    height = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def _overlap_sum(rect: Rect, others: Sequence[Rect]) -> float:
    return sum(overlap(rect, other) for other in others)


def _outside(rect: Rect, bounds: Rect) -> float:
    return max(0.0, rect[2] * rect[3] - overlap(rect, bounds) - 1e-12)
