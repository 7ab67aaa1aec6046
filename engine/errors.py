"""The engine's one exception family: every refusal names what was wrong and what was expected."""

from __future__ import annotations


class EngineError(ValueError):
    """Base of every error the engine raises on bad input (shapes, values, names)."""


class ShapeError(EngineError):
    """An array has the wrong shape; the message names the parameter, the shape given and expected."""


class NonFiniteError(EngineError):
    """An input or parameter holds NaN or infinity."""


class UnknownNameError(EngineError):
    """An unknown cell, convention, parameter or layout name."""
