"""Pieces every cell shares: the affine pre-activation of a gate."""

from __future__ import annotations

from engine.params import Array, Params


def affine(x: Array, W: Array) -> Array:
    """W x for a single example (d,) or a batch (B, d)."""
    return x @ W.T


def gate_preactivation(params: Params, k: str, x: Array, h: Array) -> Array:
    """a_k = W_k x + U_k h + b_k + bh_k."""
    return (
        affine(x, params[f"W_{k}"])
        + affine(h, params[f"U_{k}"])
        + params[f"b_{k}"]
        + (params[f"bh_{k}"])
    )
