"""The names the app shows for cells, drill quantities and question types, in English or Chinese
(no Qt): for the statistics charts and the exports, which must never show internal keys such as
``shape_output``.
"""

from __future__ import annotations

from questions.vocab import Lang
from quizapp.drills.quantities import label_of
from quizapp.drills.texts import CELL_NAMES, cell_name


def cell_title(cell: str, lang: str = "en") -> str:
    """``gru`` -> "GRU"; ``clockwork`` -> "Clockwork RNN"; ``mingru`` -> "minGRU" (an unknown key is
    shown as it is)."""
    if cell not in CELL_NAMES and cell_name(cell).en == cell:  # neither classic nor modern
        return cell
    name = cell_name(cell).get("zh" if lang == "zh" else "en")
    first = name.split(" ", 1)[0]
    if first != first.lower():  # a name with its own capitals keeps them: minGRU, sLSTM
        return name
    return name[:1].upper() + name[1:]


def quantity_title(cell: str, key: str, lang: str = "en") -> str:
    """``("gru", "shape_output")`` -> "GRU · shape of output"; the quantity in words, with the
    cell it belongs to."""
    words = label_of(key, cell)[1].get("zh" if lang == "zh" else "en")
    return f"{cell_title(cell, lang)} · {words}"


_DIFFICULTIES = {
    "whiteboard": ("Whiteboard", "白板"),
    "standard": ("Standard", "标准"),
    "hard": ("Hard", "困难"),
}


def difficulty_title(difficulty: str, lang: str = "en") -> str:
    """A drill difficulty in words (an unknown one as it is)."""
    en, zh = _DIFFICULTIES.get(difficulty, (difficulty, difficulty))
    return zh if lang == "zh" else en


# As the app names the question types (quizapp.gui.names, fill_zh.py).
_QUESTION_TYPES = {
    "single_choice": ("Single choice", "单选题"),
    "multi_choice": ("Multiple choice", "多选题"),
    "true_false": ("True or false", "判断题"),
    "numeric": ("Number", "数值题"),
    "shape": ("Tensor shape", "张量形状题"),
    "symbolic": ("Formula", "公式题"),
    "ordering": ("Ordering", "排序题"),
    "matching": ("Matching", "配对题"),
    "code_reading": ("Code reading", "读代码题"),
    "free_text": ("Free text", "简答题"),
}


def question_type_title(kind: str, lang: str = "en") -> str:
    """``free_text`` -> "Free text" / "简答题" (an unknown type as it is)."""
    en, zh = _QUESTION_TYPES.get(kind, (kind, kind))
    return zh if lang == "zh" else en


def subject_title(subject: str, lang: str = "en") -> str:
    """An attempt's subject as the app names it: a topic's title, else the cell's name."""
    from quizapp.study.mock import topic_title

    title = topic_title(subject, lang)
    return title if title != subject else cell_title(subject, lang)


def item_title(item_key: str, lang: str = "en") -> str:
    """An item as the app names it: "LSTM · new hidden state h_t · Standard" for a drill, the
    question's id for a question (a key that cannot be read is shown as it is)."""
    from quizapp.study.items import DrillTemplate, ItemKeyError, parse_item_key

    try:
        item = parse_item_key(item_key)
    except ItemKeyError:
        return item_key
    if not isinstance(item, DrillTemplate):
        return item.question_id
    side: Lang = "zh" if lang == "zh" else "en"
    quantities = "、".join if lang == "zh" else ", ".join
    words = quantities(label_of(key, item.cell)[1].get(side) for key in item.quantities)
    return " · ".join((cell_title(item.cell, lang), words, difficulty_title(item.difficulty, lang)))


def readings(read_as: str, cell: str = "", lang: str = "en") -> str:
    """How the answers were read, each quantity by its name and without the reader's repeated
    "read as": ``"h = read as [0.1, 0.2]"`` -> ``"new hidden state h_t = [0.1, 0.2]"``."""
    side: Lang = "zh" if lang == "zh" else "en"
    parts = []
    for part in read_as.split("; "):
        key, equals, rest = part.partition(" = ")
        if not equals:
            parts.append(part.removeprefix("read as ").strip())
            continue
        name = label_of(key.strip(), cell)[1].get(side)
        parts.append(f"{name} = {rest.removeprefix('read as ').strip()}")
    return "; ".join(part for part in parts if part)
