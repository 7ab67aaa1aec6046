"""What a learner reads about a free-text answer, in English or Chinese (no Qt).

One line per key point (made, with the clause that made it; stated the other way round, or
written as another formula; made in
an answer that contradicts as much, so left for the learner to tick; or not made) and one per
misconception found (the wrong claim and its correction). The app, the terminal and
``quizapp questions grade`` all use these lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from questions.vocab import Lang
from quizapp.grading.freetext.grade import FreeTextGrade, PointResult, PointStatus

_TEXTS = {
    "made": {"en": "said in: “{clause}”", "zh": "出现在：“{clause}”"},
    "contradicted": {
        "en": "your answer says the opposite: “{clause}”",
        "zh": "你的回答说的恰恰相反：“{clause}”",
    },
    "wrong-formula": {
        "en": "your formula is not this one: “{clause}”",
        "zh": "你写的公式与此不同：“{clause}”",
    },
    "cancelled": {
        "en": "no credit: your answer also states a misconception about it",
        "zh": "不计分：你的回答同时包含与之相关的误解",
    },
    "doubtful": {
        "en": "said in: “{clause}”, but your answer contradicts at least as many key points as it"
        " makes, so it is not ticked: tick it yourself if you meant it",
        "zh": "出现在：“{clause}”，但你的回答说反的要点不少于说对的，所以没有自动勾选；"
        "如果你确实是这个意思，请自己勾选",
    },
    "missed": {"en": "not found in your answer", "zh": "回答中没有找到"},
    "misconception": {"en": "Misconception: {wrong}", "zh": "误解：{wrong}"},
    "correction": {"en": "In fact: {correction}", "zh": "实际上：{correction}"},
    "score": {
        "en": "Proposed: {made} of {total} key points",
        "zh": "建议得分：{total} 个要点中做到 {made} 个",
    },
}


def _t(key: str, lang: str, **values: object) -> str:
    table = _TEXTS[key]
    return table["zh" if lang == "zh" else "en"].format(**values)


@dataclass(frozen=True)
class MisconceptionNote:
    """A misconception as shown: the wrong claim, the correction and where the answer said it."""

    wrong: str
    correction: str
    clause: str


def point_note(result: PointResult, lang: str) -> str:
    """The line under a key point's tick: where it was made, or why it was not."""
    if result.status is PointStatus.MADE:
        return _t("made", lang, clause=result.clause)
    if result.status is PointStatus.CONTRADICTED:
        if result.cancelled_by is not None:
            return _t("cancelled", lang)
        if result.by_formula:
            return _t("wrong-formula", lang, clause=result.clause)
        return _t("contradicted", lang, clause=result.clause)
    if result.status is PointStatus.DOUBTFUL:
        return _t("doubtful", lang, clause=result.clause)
    return _t("missed", lang)


def misconception_notes(grade: FreeTextGrade, lang: str) -> list[MisconceptionNote]:
    """The misconceptions found, each with its correction, in the learner's language."""
    return [
        MisconceptionNote(
            _t("misconception", lang, wrong=found.misconception.text.get(_lang(lang))),
            _t("correction", lang, correction=found.misconception.correction.get(_lang(lang))),
            found.clause,
        )
        for found in grade.misconceptions
    ]


def proposal_line(grade: FreeTextGrade, lang: str) -> str:
    """ "Proposed: 2 of 4 key points"."""
    made = sum(p.made for p in grade.points)
    return _t("score", lang, made=made, total=len(grade.points))


def report_lines(grade: FreeTextGrade, lang: str) -> list[str]:
    """The whole feedback as plain lines (terminal and tests)."""
    lines: list[str] = []
    marks = {
        PointStatus.MADE: "✓",
        PointStatus.CONTRADICTED: "✗",
        PointStatus.MISSED: "·",
        PointStatus.DOUBTFUL: "?",
    }
    for number, result in enumerate(grade.points, start=1):
        lines.append(f"  {marks[result.status]} {number}. {result.point.text.get(_lang(lang))}")
        lines.append(f"       {point_note(result, lang)}")
    for note in misconception_notes(grade, lang):
        lines.append(f"  ! {note.wrong}")
        lines.append(f"    {note.correction}")
    lines.append(proposal_line(grade, lang))
    return lines


def _lang(lang: str) -> Lang:
    return "zh" if lang == "zh" else "en"
