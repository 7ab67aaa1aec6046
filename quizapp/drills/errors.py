"""The drills package's one exception: settings that cannot make a drill."""

from __future__ import annotations


class DrillError(ValueError):
    """A drill cannot be made from these settings; the message names the setting and what is allowed."""
