"""The diagram's colours for the light and dark themes (Colah's yellow layers and pink operations,
a water-blue for the stage being shown, orange for the path of the asked quantity)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DiagramColors:
    """``#rrggbb`` strings; the widget turns them into QColors."""

    paper: str
    ink: str
    muted: str
    body: str
    body_border: str
    layer: str  # σ / tanh boxes
    linear: str  # plain matrix products
    operation: str  # ⊙, +, 1−, pointwise tanh
    later_fill: str  # elements of stages not reached yet
    later_ink: str
    accent: str  # the stage being shown
    done: str  # stages already shown
    asked: str  # the path of the asked quantity
    label_paper: str


LIGHT = DiagramColors(
    paper="#fffefa",
    ink="#2b2f36",
    muted="#656a72",
    body="#eef3f6",
    body_border="#cbd6de",
    layer="#f6dc8a",
    linear="#f8ecc6",
    operation="#f3c5d3",
    later_fill="#eeede8",
    later_ink="#b3b7bd",
    accent="#1769c2",
    done="#7ea7d3",
    asked="#d9730d",
    label_paper="#fffefa",
)

DARK = DiagramColors(
    paper="#25282d",
    ink="#e4e4e2",
    muted="#a0a4aa",
    body="#2c3238",
    body_border="#414950",
    layer="#6e5c22",
    linear="#4f4630",
    operation="#6b3b4b",
    later_fill="#2f3338",
    later_ink="#5e646c",
    accent="#6cb8ff",
    done="#4d7aa3",
    asked="#f0a050",
    label_paper="#25282d",
)


def colors_for(dark: bool) -> DiagramColors:
    """The palette for the dark or the light theme."""
    return DARK if dark else LIGHT
