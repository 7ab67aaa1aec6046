"""Feedback on a graded drill: marks, named mistakes beside the correct formula, carried-forward
notes and the worked solution (formulas from the formula layer, numbers substituted, results).

The verdict lines and the diagnoses are kept apart so that each is said once: ``lines`` give one
verdict per quantity (it agrees with the field's mark), ``diagnoses`` name each matched mistake once,
with the quantities it reached, the formula as the learner used it (in the drill's own gates) and
the right one. The app shows diagnoses under "What went wrong"; text outputs print ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.modern.shapes import MODERN_CELLS
from questions.vocab import Text
from quizapp.drills.grade import DrillGrade, QuantityGrade
from quizapp.drills.mistake_forms import mistake_for
from quizapp.drills.mistakes import Mistake
from quizapp.drills.model import Drill
from quizapp.drills.quantities import DEPENDS, ancestors, label_of
from quizapp.formulas.records import WorkedStep
from quizapp.grading.messages import localize
from quizapp.grading.reader import format_vector

_GATE_INPUTS = "W_{k} x_t + U_{k} h_{t−1} + b_{k}"


@dataclass(frozen=True)
class Diagnosis:
    """One matched mistake: where it was made, the quantities it reached and the right formula."""

    mistake: Mistake  # formula written with the drill's own gates
    keys: tuple[str, ...]  # the asked quantities whose answers it explains
    where: str  # where it was made when that is not the quantity itself ("f"), else ""
    correct: str  # the right formula of the first quantity, plain text ("" if none)

    def text(self) -> Text:
        """The diagnosis as one sentence in each language (terminal and file outputs)."""
        names = [label_of(key)[1] for key in self.keys]
        where_en = f" (made in {self.where})" if self.where else ""
        where_zh = f"（出现在 {self.where}）" if self.where else ""
        beside_en = f" Correct: {self.correct}." if self.correct else ""
        beside_zh = f"正确公式：{self.correct}。" if self.correct else ""
        return Text(
            f"{', '.join(n.en for n in names)}: “{self.mistake.title.en}”{where_en}. "
            f"{self.mistake.explanation.en}{beside_en}",
            f"{'、'.join(n.zh for n in names)}：“{self.mistake.title.zh}”{where_zh}。"
            f"{self.mistake.explanation.zh}{beside_zh}",
        )


@dataclass(frozen=True)
class Feedback:
    """What to tell the learner: one verdict line per quantity (and notes), each matched mistake
    once, then the worked solution's steps."""

    lines: tuple[Text, ...]
    steps: tuple[WorkedStep, ...]
    diagnoses: tuple[Diagnosis, ...] = ()


def _affine(cell: str, gate: str) -> str:
    text = _GATE_INPUTS.replace("{k}", gate)
    if cell in ("peephole", "depth_gated") and gate in ("i", "f"):
        text += f" + p_{gate} ⊙ C_{{t−1}}"
    if cell in ("peephole", "depth_gated") and gate == "o":
        text += " + p_o ⊙ C_t"
    if cell == "sru":
        text = f"W_{gate} x_t + v_{gate} ⊙ C_{{t−1}} + b_{gate}"
    return text


def correct_formula(cell: str, convention: str, key: str, *, two_biases: bool = True) -> str:
    """The right formula of ``key`` in plain text (Unicode), as the drill's convention states it
    (``two_biases`` False: PyTorch's hidden-side bias bh_n is not there to write)."""
    if cell in MODERN_CELLS:
        from quizapp.grading.modern_feedback import modern_correct_formula

        return modern_correct_formula(cell, convention, key)
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
            hidden_bias = " + bh_n" if two_biases else ""
            table["n"] = f"h̃_t = tanh(W_n x_t + b_n + r_t ⊙ (U_n h_{{t−1}}{hidden_bias}))"
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


def _detail(drill: Drill, grade: QuantityGrade, mistake_id: str) -> str:
    """The variant's note of where a matched mistake was made (a gate, "all gates", …)."""
    if grade.values is None:
        return ""
    for alternative in drill.alternatives.get(grade.key, ()):
        if alternative.mistake == mistake_id and len(alternative.values) == len(grade.values):
            close = all(
                abs(a - b) <= drill.tolerance.absolute + drill.tolerance.relative * abs(b)
                for a, b in zip(grade.values, alternative.values, strict=True)
            )
            if close:
                return alternative.detail
    return ""


def _where(grade: QuantityGrade, mistake_id: str, detail: str) -> str:
    """Where a matched mistake was made, when that is not the quantity itself (e.g. f for C_t)."""
    return "" if detail in (grade.key, mistake_id) else detail


_LEFT_EMPTY = ("empty answer", "no answer given")


def _quantity_lines(
    drill: Drill, grade: QuantityGrade, off: frozenset[str] = frozenset()
) -> list[Text]:
    """The verdict lines of one quantity; ``off`` holds the asked quantities whose value was not
    the expected one (the inputs an error was carried forward from are named among them)."""
    _, label = label_of(grade.key, drill.spec.cell, two_biases=drill.spec.two_biases)
    name_en, name_zh = label.en, label.zh
    if grade.message in _LEFT_EMPTY:
        return [Text(f"{name_en}: left empty, counts as wrong.", f"{name_zh}：未作答，按答错计。")]
    if grade.message is not None:
        return [Text(f"{name_en}: not read ({grade.message}), counts as wrong.",
                     f"{name_zh}：无法读取（{localize(grade.message, 'zh')}），按答错计。")]  # fmt: skip
    lines: list[Text] = []
    right = sum(grade.element_correct)
    total = len(grade.element_correct)
    if grade.correct and not grade.carried_forward:
        lines.append(Text(f"{name_en}: right.", f"{name_zh}：正确。"))
    elif grade.correct:
        cell = drill.spec.cell
        inputs = [k for k in DEPENDS.get(cell, {}).get(grade.key, ()) if k in off]
        labels = [label_of(k, cell, two_biases=drill.spec.two_biases)[1] for k in inputs]
        own_en = ", ".join(label.en for label in labels) if labels else "earlier answers"
        own_zh = "、".join(label.zh for label in labels) if labels else "前面的答案"
        lines.append(Text(
            f"{name_en}: not the expected value {_values(grade.expected)}, but it follows "
            f"correctly from your own {own_en}, which were wrong: counted (error carried forward).",
            f"{name_zh}：不是正确值 {_values(grade.expected)}，但由你自己（有误）的{own_zh}"
            "正确推出：计分（错误沿用）。"))  # fmt: skip
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
    # A matched mistake is told once, as a diagnosis (``Feedback.diagnoses``), not here again.
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
    if drill.spec.cell in MODERN_CELLS:  # minGRU … linear attention, and parallel scans
        from quizapp.grading.modern_feedback import modern_steps

        return modern_steps(drill)
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


def _diagnoses(drill: Drill, grade: DrillGrade) -> tuple[Diagnosis, ...]:
    """Each matched mistake once, with every asked quantity it explains (first place it was made)."""
    cell, convention = drill.spec.cell, drill.spec.convention
    found: dict[str, Diagnosis] = {}
    for quantity in grade.quantities:
        for mistake_id in quantity.mistakes:
            known = found.get(mistake_id)
            if known is not None:
                found[mistake_id] = Diagnosis(
                    known.mistake, (*known.keys, quantity.key), known.where, known.correct
                )
                continue
            detail = _detail(drill, quantity, mistake_id)
            where = _where(quantity, mistake_id, detail)
            two = drill.spec.two_biases
            made_in = where if where in DEPENDS.get(cell, {}) else quantity.key
            correct = correct_formula(cell, convention, made_in, two_biases=two) or correct_formula(
                cell, convention, quantity.key, two_biases=two
            )
            found[mistake_id] = Diagnosis(
                mistake_for(mistake_id, cell, convention, detail), (quantity.key,), where, correct
            )
    return tuple(found.values())


def feedback_for(drill: Drill, grade: DrillGrade, *, worked: bool = True) -> Feedback:
    """Marks, diagnoses and (unless ``worked`` is false) the worked solution of a graded drill."""
    lines: list[Text] = []
    off = frozenset(q.key for q in grade.quantities if q.carried_forward or not q.correct)
    for quantity in grade.quantities:
        lines.extend(_quantity_lines(drill, quantity, off))
    if drill.framework is not None and "count" in drill.asked:
        lines.append(Text(
            "Per layer and direction: G·(n·(n + d_in) + biases·n), G = 1 (RNN), 3 (GRU), 4 (LSTM); "
            "layers above the first read n inputs (2n when bidirectional).",
            "每层每个方向：G·(n·(n + d_in) + 偏置数·n)，G = 1（RNN）、3（GRU）、4（LSTM）；"
            "第一层以上的输入维度是 n（双向时为 2n）。"))  # fmt: skip
    steps = _steps(drill, grade) if worked else ()
    return Feedback(tuple(lines), steps, _diagnoses(drill, grade))
