"""``HomeEntry``: a further screen offered on the home screen, apart from the home page itself so
that the study modes can register theirs before the home page is built."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomeEntry:
    """A further screen offered on the home screen (e.g. "Review due cards")."""

    key: str
    title: Callable[[], str]
    description: Callable[[], str]
    activate: Callable[[], None]
