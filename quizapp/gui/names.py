"""Display names of cells, conventions, difficulties and question types, in the interface language.

Each function builds its table on every call so that the translation in force is used (the texts
are literal ``QCoreApplication.translate`` calls so that ``pyside6-lupdate`` finds them).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def cell_name(cell: str) -> str:
    """``lstm`` -> "LSTM", ``depth_gated`` -> "Depth-gated LSTM"."""
    names = {
        "rnn": QCoreApplication.translate("Names", "Vanilla RNN"),
        "lstm": QCoreApplication.translate("Names", "LSTM"),
        "peephole": QCoreApplication.translate("Names", "Peephole LSTM"),
        "cifg": QCoreApplication.translate("Names", "CIFG LSTM"),
        "gru": QCoreApplication.translate("Names", "GRU"),
        "mgu": QCoreApplication.translate("Names", "MGU"),
        "sru": QCoreApplication.translate("Names", "SRU"),
        "clockwork": QCoreApplication.translate("Names", "Clockwork RNN"),
        "depth_gated": QCoreApplication.translate("Names", "Depth-gated LSTM"),
        "mingru": QCoreApplication.translate("Names", "minGRU"),
        "minlstm": QCoreApplication.translate("Names", "minLSTM"),
        "slstm": QCoreApplication.translate("Names", "sLSTM"),
        "mlstm": QCoreApplication.translate("Names", "mLSTM"),
        "ssm": QCoreApplication.translate("Names", "Selective SSM"),
        "linear_attention": QCoreApplication.translate("Names", "Linear attention"),
    }
    return names.get(cell, cell)


def convention_name(convention: str, cell: str = "") -> str:
    """``pytorch`` -> "PyTorch (reset after the product)" and so on; the minLSTM's "paper" and
    "log_space" also say that its gates are normalised (its third convention leaves them not)."""
    if cell == "minlstm" and convention == "paper":
        return QCoreApplication.translate("Names", "Paper (normalised gates, h̃ = W_h x + b_h)")
    if cell == "minlstm" and convention == "log_space":
        return QCoreApplication.translate("Names", "Log-space code (normalised gates, h̃ = g(…))")
    names = {
        "pytorch": QCoreApplication.translate("Names", "PyTorch (reset after U h)"),
        "d2l": QCoreApplication.translate("Names", "D2L (reset before U h)"),
        "colah": QCoreApplication.translate("Names", "Colah (z takes the candidate)"),
        "tanh": QCoreApplication.translate("Names", "tanh"),
        "relu": QCoreApplication.translate("Names", "ReLU"),
        "standard": QCoreApplication.translate("Names", "standard"),
        "paper": QCoreApplication.translate("Names", "Paper (h̃ = W_h x + b_h)"),
        "log_space": QCoreApplication.translate("Names", "Log-space code (h̃ = g(W_h x + b_h))"),
        "unnormalised": QCoreApplication.translate("Names", "Gates not normalised"),
        "sigmoid": QCoreApplication.translate("Names", "Forget gate σ"),
        "exp": QCoreApplication.translate("Names", "Forget gate exp"),
        "simplified": QCoreApplication.translate("Names", "Simplified B̄ = Δ B (Mamba)"),
        "zoh": QCoreApplication.translate("Names", "Exact zero-order hold"),
    }
    return names.get(convention, convention)


def drill_difficulty_name(difficulty: str) -> str:
    """``whiteboard`` -> "Whiteboard (by hand)"."""
    names = {
        "whiteboard": QCoreApplication.translate("Names", "Whiteboard (by hand, small numbers)"),
        "standard": QCoreApplication.translate("Names", "Standard"),
        "hard": QCoreApplication.translate("Names", "Hard"),
    }
    return names.get(difficulty, difficulty)


def question_difficulty_name(difficulty: str) -> str:
    """``easy`` -> "Easy"; ``any`` -> "Any difficulty"."""
    names = {
        "any": QCoreApplication.translate("Names", "Any difficulty"),
        "easy": QCoreApplication.translate("Names", "Easy"),
        "medium": QCoreApplication.translate("Names", "Medium"),
        "hard": QCoreApplication.translate("Names", "Hard"),
    }
    return names.get(difficulty, difficulty)


def question_type_name(kind: str) -> str:
    """``single_choice`` -> "Single choice"."""
    names = {
        "single_choice": QCoreApplication.translate("Names", "Single choice"),
        "multi_choice": QCoreApplication.translate("Names", "Multiple choice"),
        "true_false": QCoreApplication.translate("Names", "True or false"),
        "numeric": QCoreApplication.translate("Names", "Number"),
        "shape": QCoreApplication.translate("Names", "Tensor shape"),
        "symbolic": QCoreApplication.translate("Names", "Formula"),
        "ordering": QCoreApplication.translate("Names", "Ordering"),
        "matching": QCoreApplication.translate("Names", "Matching"),
        "code_reading": QCoreApplication.translate("Names", "Code reading"),
        "free_text": QCoreApplication.translate("Names", "Free text"),
    }
    return names.get(kind, kind)


def theme_name(theme: str) -> str:
    """``system`` -> "Follow the system"."""
    names = {
        "system": QCoreApplication.translate("Names", "Follow the system"),
        "light": QCoreApplication.translate("Names", "Light"),
        "dark": QCoreApplication.translate("Names", "Dark"),
    }
    return names.get(theme, theme)


def language_name(language: str) -> str:
    """Each language in its own script, so it can be found whatever the current language."""
    return {"en": "English", "zh": "简体中文"}.get(language, language)


def bias_convention_name(convention: str) -> str:
    """``one`` -> "One bias per gate"; ``two`` -> "Two biases per gate (PyTorch)"."""
    names = {
        "one": QCoreApplication.translate("Names", "One bias per gate"),
        "two": QCoreApplication.translate("Names", "Two biases per gate (PyTorch)"),
    }
    return names.get(convention, convention)


def read_as(shown: str) -> str:
    """The reader's "read as …" line in the interface language (the reader writes English)."""
    value = shown.removeprefix("read as ").strip()
    return QCoreApplication.translate("Names", "read as %1").replace("%1", value)


def expected_numbers(count: int) -> str:
    """ "expected 3 numbers", "expected 1 number"."""
    # Not Qt's plural form: pyside6-lupdate reads a count only from ``tr``, not ``translate``.
    if count == 1:
        return QCoreApplication.translate("Names", "expected 1 number")
    return QCoreApplication.translate("Names", "expected %1 numbers").replace("%1", str(count))
