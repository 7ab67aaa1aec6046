"""The words of a printed drill sheet, in English and Chinese (our own wording)."""

from __future__ import annotations

from questions.vocab import Lang, Text

WORDS: dict[str, Text] = {
    "title": Text("Drill sheet: {cell}", "手算练习：{cell}"),
    "subtitle": Text(
        "{count} drills, {difficulty} difficulty, seeds {first} to {last}. Work on paper, then "
        "check with the answer key at the end.",
        "共 {count} 题，难度：{difficulty}，种子 {first} 到 {last}。先在纸上演算，再对照最后的答案。",
    ),
    "subtitle_one": Text(
        "One drill, {difficulty} difficulty, seed {first}. Work on paper, then check with the "
        "answer key at the end.",
        "共 1 题，难度：{difficulty}，种子 {first}。先在纸上演算，再对照最后的答案。",
    ),
    "drill": Text("Drill {index} of {total}", "第 {index} 题，共 {total} 题"),
    "key_drill": Text("Drill {index}", "第 {index} 题"),
    "seed": Text("seed {seed}", "种子 {seed}"),
    "settings": Text(
        "{cell}, {convention} convention, {difficulty} difficulty",
        "{cell}，{convention} 约定，难度：{difficulty}",
    ),
    "replay": Text(
        "Replay this drill: type seed {seed} on the app's drill page (same cell, quantities and "
        "difficulty) "
        "or run",
        "重做此题：在应用的练习页输入种子 {seed}（相同的单元、所求量与难度），或运行",
    ),
    "given": Text("Given", "已知"),
    "given_forward": Text("Forward values of this step", "本步的前向值"),
    "parameters": Text("Parameters", "参数"),
    "table": Text("Values you may use", "可用的数值"),
    "answers": Text("Your answers", "你的答案"),
    "work": Text("Working", "演算"),
    "key": Text("Answer key", "答案"),
    "key_intro": Text(
        "Values to four decimals (four significant digits below 1); the app accepts answers "
        "within the drill's tolerance (absolute {absolute}, relative {relative}).",
        "数值保留四位小数（小于 1 时保留四位有效数字）；应用按该题的容差判分（绝对 {absolute}，"
        "相对 {relative}）。",
    ),
    "worked": Text("Worked solution", "解题步骤"),
    "no_worked": Text(
        "No worked solution for this cell yet; the values above are the engine's.",
        "该单元暂无解题步骤；以上数值由引擎算出。",
    ),
    "input_shape": Text("input shape: {shape}", "输入形状：{shape}"),
    "periods": Text("periods: {periods}", "周期：{periods}"),
}

DIFFICULTY_ZH = {"whiteboard": "白板手算", "standard": "标准", "hard": "较难"}


def word(key: str, lang: Lang, **values: object) -> str:
    """The word ``key`` in ``lang`` with ``values`` filled in (plain text, not yet escaped)."""
    return WORDS[key].get(lang).format(**values)


def difficulty_name(difficulty: str, lang: Lang) -> str:
    """The drill difficulty as the sheet names it."""
    return DIFFICULTY_ZH.get(difficulty, difficulty) if lang == "zh" else difficulty
