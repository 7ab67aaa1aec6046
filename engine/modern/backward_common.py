"""A helper the modern cells' backward steps share: the gradients of affine maps W x + b."""

from __future__ import annotations

import numpy as np

from engine.params import Array, Params


def with_weights(
    out: dict[str, Array], p: Params, x: Array, terms: list[tuple[str, str | None, Array]]
) -> Array:
    """dW, db for each (W name, b name, δa) and the summed Wᵀ δa reaching x."""
    dx = np.zeros_like(x)
    for w, b, da in terms:
        out[f"d{w}"] = np.outer(da, x)
        if b is not None:
            out[f"d{b}"] = da.copy()
        dx = dx + da @ p[w]
    return dx
