"""A count with its English noun in the right number: ``1 item``, ``2 items``, ``0 answers``.

Chinese has no plural (``1 项``, ``2 项``), so Chinese texts write the number as it is. The terminal
texts use ``count_en``; the GUI uses Qt's plural forms instead (``self.tr("%n …", "", n)`` with the
English forms in ``gui/i18n/*_en.ts``).
"""

from __future__ import annotations


def count_en(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and the noun: ``singular`` for exactly one, else ``plural`` (default: ``singular``
    with an ``s``)."""
    noun = singular if abs(count) == 1 else (plural if plural is not None else f"{singular}s")
    return f"{count} {noun}"
