"""The bilingual question bank: YAML files in ``bank/`` and the safe loader that checks them.

This package imports neither Qt nor ``quizapp``; the app passes the user's packs folder in.
"""

from __future__ import annotations
