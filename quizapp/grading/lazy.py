"""sympy on demand: reading numbers never needs it, and importing it costs most of a second."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class OnDemand:
    """Stands for a module and imports it at the first attribute access."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)
