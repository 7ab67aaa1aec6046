"""Feedback on a graded drill: marks, named mistakes beside the correct formula, carried-forward
notes and the worked solution (formulas from the formula layer, numbers substituted, results)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from questions.vocab import Text
from quizapp.drills.grade import DrillGrade, QuantityGrade
from quizapp.drills.mistakes import MISTAKES
from quizapp.drills.model import Drill
from quizapp.drills.quantities import DEPENDS, ancestors, label_of
from quizapp.formulas.records import WorkedStep
from quizapp.grading.messages import localize
from quizapp.grading.reader import format_vector

_GATE_INPUTS = "W_{k} x_t + U_{k} h_{t−1} + b_{k}"


@dataclass(frozen=True)
class Feedback:
    """What to tell the learner: one line per point, then the worked solution's steps."""

    lines: tuple[Text, ...]
    steps: tuple[WorkedStep, ...]


def _affine(cell: str, gate: str) -> str:
    text = _GATE_INPUTS.replace("{k}", gate)
    if cell in ("peephole", "depth_gated") and gate in ("i", "f"):
        text += f" + p_{gate} ⊙ C_{{t−1}}"
    if cell in ("peephole", "depth_gated") and gate == "o":
        text += " + p_o ⊙ C_t"
    if cell == "sru":
        text = f"W_{gate} x_t + v_{gate} ⊙ C_{{t−1}} + b_{gate}"
    return text


def correct_formula(cell: str, convention: str, key: str) -> str:
    """The right formula of ``key`` in plain text (Unicode), as the drill's convention states it."""
    lstm_like = cell in ("lstm", "peephole", "cifg", "depth_gated")
    if key.startswith("a_"):
        return f"{key} = {_affine(cell, key[2:])}"
    table: dict[str, str] = {
        "g": "C̃_t = tanh(" + _affine(cell, "g") + ")",
        "h": "h_t = o_t ⊙ tanh(C_t)",
        "dc_prev": "δC_{t−1} = δC_t ⊙ f_t",
        "dc": "δC_t = δC_in + δh_t ⊙ o_t ⊙ (1 − tanh²(C_t))",
        "da_i": "δa_i = δC_t ⊙ C̃_t ⊙ i_t(1 − i_t)",
        "da_f": "δa_f = δC_t ⊙ C_{t−1} ⊙ f_t(1 − f_t)",
        "da_g": "δa_g = δC_t ⊙ i_t ⊙ (1 − C̃_t²)",
        "da_o": "δa_o = δh_t ⊙ tanh(C_t) ⊙ o_t(1 − o_t)",
        "dx": "δx_t = Σ_k W_kᵀ δa_k",
    }
    if lstm_like:
        table["c"] = "C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t"
        if cell == "depth_gated":
            table["c"] = "C_t = d_t ⊙ C_low + f_t ⊙ C_{t−1} + i_t ⊙ C̃_t"
            table["d"] = "d_t = σ(W_d x_t + w_cd ⊙ C_{t−1} + w_ld ⊙ C_low + b_d)"
        table["dh_prev"] = "δh_{t−1} = Σ_k U_kᵀ δa_k"
        if cell == "cifg":
            table["i"] = "i_t = 1 − f_t"
    if cell in ("gru", "mgu"):
        gate = "f" if cell == "mgu" else "z"
        if cell == "gru" and convention == "pytorch":
            table["n"] = "h̃_t = tanh(W_n x_t + b_n + r_t ⊙ (U_n h_{t−1} + bh_n))"
        else:
            reset = "f_t" if cell == "mgu" else "r_t"
            table["n"] = f"h̃_t = tanh(W_n x_t + U_n ({reset} ⊙ h_{{t−1}}) + b_n)"
        if cell == "mgu" or convention == "colah":
            table["h"] = f"h_t = (1 − {gate}_t) ⊙ h_{{t−1}} + {gate}_t ⊙ h̃_t"
        else:
            table["h"] = f"h_t = (1 − {gate}_t) ⊙ h̃_t + {gate}_t ⊙ h_{{t−1}}"
        sign = "(h̃_t − h_{t−1})" if convention == "colah" else "(h_{t−1} − h̃_t)"
        table["da_z"] = f"δa_z = δh_t ⊙ {sign} ⊙ z_t(1 − z_t)"
        direct = "(1 − z_t)" if convention == "colah" else "z_t"
        table["dh_prev"] = (
            f"δh_{{t−1}} = {direct} ⊙ δh_t + U_rᵀ δa_r + U_zᵀ δa_z + (the candidate's path)"
        )
    if cell == "sru":
        table["c"] = "C_t = f_t ⊙ C_{t−1} + (1 − f_t) ⊙ (W_c x_t)"
        table["h"] = "h_t = r_t ⊙ C_t + (1 − r_t) ⊙ x_t"
    if cell in ("rnn", "clockwork"):
        table["a"] = "a_t = W x_t + U h_{t−1} + b"
        activation = "relu" if convention == "relu" else "tanh"
        table["h"] = f"h_t = {activation}(a_t)"
        if cell == "clockwork":
            table["h"] += " on the rows of the modules with t mod T_m = 0, h_{t−1} elsewhere"
        table["da"] = "δa_t = δh_t ⊙ (1 − h_t²)"
        table["dh_prev"] = "δh_{t−1} = Uᵀ δa_t"
    if key in table:
        return table[key]
    if key in ("f", "i", "o", "r", "z", "d"):
        return f"{key}_t = σ({_affine(cell, key)})"
    return ""


def _values(values: tuple[float, ...]) -> str:
    return format_vector(values) if len(values) != 1 else format_vector(values)[1:-1]


def _where(drill: Drill, grade: QuantityGrade, mistake_id: str) -> str:
    """Where a matched mistake was made, when that is not the quantity itself (e.g. f for C_t)."""
    if grade.values is None:
        return ""
    for alternative in drill.alternatives.get(grade.key, ()):
        if alternative.mistake == mistake_id and len(alternative.values) == len(grade.values):
            close = all(
                abs(a - b) <= drill.tolerance.absolute + drill.tolerance.relative * abs(b)
                for a, b in zip(grade.values, alternative.values, strict=True)
            )
            if close:
                detail = alternative.detail
                return "" if detail in (grade.key, mistake_id) else detail
    return ""


def _quantity_lines(drill: Drill, grade: QuantityGrade) -> list[Text]:
    _, label = label_of(grade.key)
    name_en, name_zh = label.en, label.zh
    if grade.message is not None:
        return [Text(f"{name_en}: not graded — {grade.message}.",
                     f"{name_zh}：未评分——{localize(grade.message, 'zh')}。")]  # fmt: skip
    lines: list[Text] = []
    right = sum(grade.element_correct)
    total = len(grade.element_correct)
    if grade.correct and not grade.carried_forward:
        lines.append(Text(f"{name_en}: right.", f"{name_zh}：正确。"))
    elif grade.correct:
        inputs = [
            k for k in DEPENDS.get(drill.spec.cell, {}).get(grade.key, ()) if k in drill.asked
        ]
        own = ", ".join(inputs) if inputs else "earlier answers"
        lines.append(Text(
            f"{name_en}: follows correctly from your own {own} (error carried forward), so it "
            "counts as right; the value from the right inputs is "
            f"{_values(grade.expected)}.",
            f"{name_zh}：由你自己的 {own} 正确推出（错误沿用），因此算对；用正确输入得到的值是 "
            f"{_values(grade.expected)}。"))  # fmt: skip
    elif right:
        lines.append(
            Text(
                f"{name_en}: {right} of {total} elements right; expected {_values(grade.expected)}.",
                f"{name_zh}：{total} 个元素中对了 {right} 个；正确答案是 {_values(grade.expected)}。",
            )
        )
    elif drill.formula is not None:
        lines.append(Text(f"{name_en}: not equivalent to the expected {drill.formula.expected}.",
                          f"{name_zh}：与正确答案 {drill.formula.expected} 不等价。"))  # fmt: skip
    else:
        lines.append(Text(f"{name_en}: wrong; expected {_values(grade.expected)}.",
                          f"{name_zh}：错误；正确答案是 {_values(grade.expected)}。"))  # fmt: skip
    formula = correct_formula(drill.spec.cell, drill.spec.convention, grade.key)
    for mistake_id in grade.mistakes:
        mistake = MISTAKES[mistake_id]
        beside_en = f" Correct: {formula}." if formula else ""
        beside_zh = f" 正确公式：{formula}。" if formula else ""
        where = _where(drill, grade, mistake_id)
        where_en = f" (made in {where})" if where else ""
        where_zh = f"（出现在 {where}）" if where else ""
        lines.append(
            Text(
                f"{name_en}: matches the known mistake “{mistake.title.en}”{where_en}. "
                f"{mistake.explanation.en}{beside_en}",
                f"{name_zh}：符合常见错误“{mistake.title.zh}”{where_zh}。"
                f"{mistake.explanation.zh}{beside_zh}",
            )
        )
    if not grade.correct and not grade.mistakes:
        lines.append(
            Text(
                f"{name_en}: this matches none of the mistakes we know; compare with the worked "
                "solution step by step.",
                f"{name_zh}：这与已知的常见错误都不符；请对照下面的解题步骤逐步检查。",
            )
        )
    return lines


def _steps(drill: Drill, grade: DrillGrade) -> tuple[WorkedStep, ...]:
    if drill.record is None:
        return ()
    inputs = {k: np.array(v) for k, v in drill.inputs.items()}
    cell, convention = drill.spec.cell, drill.spec.convention
    if drill.category == "backward":
        from quizapp.formulas import backward_worked

        return backward_worked(
            cell, convention, drill.params, inputs["x"], inputs["h"], inputs.get("c"),
            inputs["dh"], inputs.get("dc"),
        )  # fmt: skip
    from quizapp.formulas import worked_solution

    t = drill.extra.get("t")
    periods = drill.extra.get("periods")
    return worked_solution(
        drill.record, drill.params, inputs["x"], inputs.get("h"), inputs.get("c"),
        c_low=inputs.get("c_low"), keys=ancestors(cell, drill.asked),
        t=t if isinstance(t, int) else None,
        periods=periods if isinstance(periods, tuple) else None,
        two_biases=drill.spec.two_biases,
    )  # fmt: skip


def feedback_for(drill: Drill, grade: DrillGrade, *, worked: bool = True) -> Feedback:
    """Marks, diagnoses and (unless ``worked`` is false) the worked solution of a graded drill."""
    lines: list[Text] = []
    for quantity in grade.quantities:
        lines.extend(_quantity_lines(drill, quantity))
    if drill.framework is not None and "count" in drill.asked:
        lines.append(Text(
            "Per layer and direction: G·(n·(n + d_in) + biases·n), G = 1 (RNN), 3 (GRU), 4 (LSTM); "
            "layers above the first read n inputs (2n when bidirectional).",
            "每层每个方向：G·(n·(n + d_in) + 偏置数·n)，G = 1（RNN）、3（GRU）、4（LSTM）；"
            "第一层以上的输入维度是 n（双向时为 2n）。"))  # fmt: skip
    steps = _steps(drill, grade) if worked else ()
    return Feedback(tuple(lines), steps)
