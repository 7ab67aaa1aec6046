"""Catalogued mistakes of the modern recurrent cells (minGRU, minLSTM, sLSTM, mLSTM, a selective SSM
step, linear attention) and of the parallel-scan drills, in English and Chinese.

The equations they depart from are those of Feng et al. 2024 ("Were RNNs All We Needed?"), Beck et al.
2024 (xLSTM, eqs. 8–25), Gu & Dao 2023 (Mamba, eq. 2 and Algorithm 2) and Katharopoulos et al. 2020
(eqs. 16–20); ``mistakes.MISTAKES`` builds them
(plain tuples here, so that this module imports nothing) after the classic cells' entries.
"""

from __future__ import annotations

Entry = tuple[str, str, str, str, str, str]
"""(id, English title, Chinese title, mistaken formula in LaTeX, why in English, why in Chinese)."""


def _m(mistake_id: str, en: str, zh: str, latex: str, why_en: str, why_zh: str) -> Entry:
    return (mistake_id, en, zh, latex, why_en, why_zh)


MODERN_ENTRIES: tuple[Entry, ...] = (
    _m("mingru-gate-reads-h", "the minGRU gate read h_{t−1}", "minGRU 的门读取了 h_{t−1}",
       r"z_t = \sigma(W_z h_{t-1} + b_z)",
       "In minGRU the gate and the candidate read x_t only: z_t = σ(W_z x_t + b_z). Taking h_{t−1} "
       "out of the gates is what makes the recurrence linear in h, so that training is a parallel "
       "scan.",
       "minGRU 的门和候选隐状态只读取 x_t：z_t = σ(W_z x_t + b_z)。正是把 h_{t−1} 从门中去掉，"
       "递推才对 h 是线性的，训练才能用并行扫描。"),
    _m("mingru-update-swapped", "swapped the two sides of the minGRU update",
       "把 minGRU 更新的两侧对调了",
       r"h_t = z_t \odot h_{t-1} + (1 - z_t) \odot \tilde{h}_t",
       "minGRU keeps (1 − z_t) of the old state and takes z_t of the candidate: "
       "h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t.",
       "minGRU 保留 (1 − z_t) 的旧状态，取 z_t 的候选隐状态：h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t。"),
    _m("minlstm-not-normalised", "did not normalise the minLSTM gates", "没有对 minLSTM 的门做归一化",
       r"h_t = f_t \odot h_{t-1} + i_t \odot \tilde{h}_t",
       "The paper's minLSTM divides both gates by their sum, f′_t = f_t / (f_t + i_t) and "
       "i′_t = i_t / (f_t + i_t), so that the scale of h_t does not depend on the time step.",
       "论文中的 minLSTM 把两个门都除以它们的和：f′_t = f_t / (f_t + i_t)，i′_t = i_t / (f_t + i_t)，"
       "这样 h_t 的尺度与时间步无关。"),
    _m("slstm-no-stabiliser", "left out the sLSTM stabiliser", "漏掉了 sLSTM 的稳定器",
       r"c_t = f_t \odot c_{t-1} + \exp(\tilde{i}_t) \odot z_t",
       "exp(ĩ_t) overflows once ĩ_t passes about 88 (float32) or 709 (float64), so the sLSTM keeps "
       "m_t = max(log f_t + m_{t−1}, ĩ_t) and uses i′_t = exp(ĩ_t − m_t), "
       "f′_t = exp(log f_t + m_{t−1} − m_t). The stored c_{t−1} and n_{t−1} are already scaled by "
       "exp(−m_{t−1}), so unstabilised gates give other numbers even when nothing overflows.",
       "当 ĩ_t 超过约 88（float32）或 709（float64）时 exp(ĩ_t) 会溢出，所以 sLSTM 维护稳定器 "
       "m_t = max(log f_t + m_{t−1}, ĩ_t)，并使用 i′_t = exp(ĩ_t − m_t)、"
       "f′_t = exp(log f_t + m_{t−1} − m_t)。存下来的 c_{t−1} 和 n_{t−1} 已经按 exp(−m_{t−1}) 缩放，"
       "所以即使没有溢出，不稳定化的门也会算出不同的数。"),
    _m("slstm-stabiliser-one-gate", "applied the stabiliser to one gate only",
       "稳定器只用在了一个门上",
       r"c_t = f_t \odot c_{t-1} + \exp(\tilde{i}_t - m_t) \odot z_t",
       "Both gates are rescaled by the same exp(−m_t): i′_t = exp(ĩ_t − m_t) and "
       "f′_t = exp(log f_t + m_{t−1} − m_t); rescaling only one of them changes the ratio c_t / n_t.",
       "两个门要按同一个 exp(−m_t) 缩放：i′_t = exp(ĩ_t − m_t)，f′_t = exp(log f_t + m_{t−1} − m_t)；"
       "只缩放其中一个会改变 c_t / n_t 的比值。"),
    _m("slstm-h-no-normaliser", "did not divide by the normaliser n_t", "没有除以归一化器状态 n_t",
       r"h_t = o_t \odot c_t",
       "With an exponential input gate c_t can grow without bound; the sLSTM reads it through the "
       "normaliser state: h_t = o_t ⊙ (c_t / n_t).",
       "输入门是指数函数，c_t 可以无限增大；sLSTM 通过归一化器状态读取它：h_t = o_t ⊙ (c_t / n_t)。"),
    _m("mlstm-kv-order", "stored k vᵀ instead of v kᵀ", "存入的是 k vᵀ 而不是 v kᵀ",
       r"C_t = f_t C_{t-1} + i_t\, k_t v_t^\top",
       "The matrix memory stores value times key transposed, C_t = f_t C_{t−1} + i_t v_t k_tᵀ, so "
       "that the query reads a value back: C_t q_t = Σ v (kᵀq).",
       "矩阵记忆存的是值乘键的转置：C_t = f_t C_{t−1} + i_t v_t k_tᵀ，这样查询才能读回值："
       "C_t q_t = Σ v (kᵀq)。"),
    _m("mlstm-key-unscaled", "did not scale the key by 1/√d", "没有把键按 1/√d 缩放",
       r"k_t = W_k x_t + b_k",
       "The mLSTM scales the key as attention does: k_t = (W_k x_t + b_k) / √d.",
       "mLSTM 像注意力那样缩放键：k_t = (W_k x_t + b_k) / √d。"),
    _m("mlstm-no-max-denominator", "left out the max(·, 1) of the denominator",
       "分母漏掉了 max(·, 1)",
       r"\tilde{h}_t = C_t q_t / |n_t^\top q_t|",
       "The mLSTM divides by max(|n_tᵀ q_t|, 1) (with the stabiliser, max(|n_tᵀ q_t|, exp(−m_t))), "
       "so that a small n_tᵀ q_t cannot blow the output up.",
       "mLSTM 除以 max(|n_tᵀ q_t|, 1)（有稳定器时是 max(|n_tᵀ q_t|, exp(−m_t))），"
       "这样很小的 n_tᵀ q_t 不会让输出变得很大。"),
    _m("mlstm-no-denominator", "did not divide the read C_t q_t by the denominator",
       "没有把读出的 C_t q_t 除以分母",
       r"\tilde{h}_t = C_t q_t",
       "The memory read C_t q_t is a sum of values weighted by kᵀq; the mLSTM divides it by "
       "max(|n_tᵀ q_t|, exp(−m_t)), the total weight the normaliser n_t has kept: "
       "h̃_t = C_t q_t / max(|n_tᵀ q_t|, exp(−m_t)).",
       "记忆读出 C_t q_t 是按 kᵀq 加权的值之和；mLSTM 要把它除以 max(|n_tᵀ q_t|, exp(−m_t))，"
       "即归一化向量 n_t 记下的总权重：h̃_t = C_t q_t / max(|n_tᵀ q_t|, exp(−m_t))。"),
    _m("ssm-abar-linear", "took Ā = ΔA instead of exp(ΔA)", "把 Ā 取成了 ΔA 而不是 exp(ΔA)",
       r"\bar{A} = \Delta A",
       "Zero-order hold discretises A as Ā = exp(ΔA); with A negative this lies between 0 and 1 "
       "and decays the state. Only B̄ uses the simplified ΔB.",
       "零阶保持把 A 离散化为 Ā = exp(ΔA)；A 为负时它在 0 和 1 之间，使状态衰减。只有 B̄ 用简化的 ΔB。"),
    _m("ssm-delta-no-softplus", "used Δ without the softplus", "Δ 没有经过 softplus",
       r"\Delta_t = W_\Delta x_t + b_\Delta",
       "The step size must be positive: Δ_t = softplus(W_Δ x_t + b_Δ) = log(1 + exp(·)).",
       "步长必须为正：Δ_t = softplus(W_Δ x_t + b_Δ) = log(1 + exp(·))。"),
    _m("linattn-no-normaliser", "left out the normaliser of linear attention",
       "漏掉了线性注意力的归一化项",
       r"y_t = S_t^\top \phi(q_t)",
       "Linear attention divides by z_tᵀ φ(q_t), z_t = Σ φ(k), the sum of the weights softmax "
       "would have normalised: y_t = S_tᵀ φ(q_t) / (z_tᵀ φ(q_t)).",
       "线性注意力要除以 z_tᵀ φ(q_t)（z_t = Σ φ(k)），相当于 softmax 中权重之和的归一化："
       "y_t = S_tᵀ φ(q_t) / (z_tᵀ φ(q_t))。"),
    _m("scan-combine-order", "combined the two steps in the wrong order", "两步按错误的顺序合并",
       r"(a_1, b_1) \circ (a_2, b_2) = (a_1 a_2,\ a_1 b_2 + b_1)",
       "Step 2 comes after step 1, so step 1's offset is decayed by step 2's coefficient: "
       "(a₁, b₁) ∘ (a₂, b₂) = (a₂ a₁, a₂ b₁ + b₂).",
       "第 2 步在第 1 步之后，所以第 1 步的偏移要乘以第 2 步的系数："
       "(a₁, b₁) ∘ (a₂, b₂) = (a₂ a₁, a₂ b₁ + b₂)。"),
    _m("scan-b-not-decayed", "added the offsets without decaying the earlier one",
       "直接相加偏移项，没有让前一项衰减",
       r"b_{1:2} = b_1 + b_2",
       "h₂ = a₂ (a₁ h₀ + b₁) + b₂, so the earlier offset is multiplied by the later coefficient: "
       "b_{1:2} = a₂ b₁ + b₂.",
       "h₂ = a₂ (a₁ h₀ + b₁) + b₂，所以前一步的偏移要乘以后一步的系数：b_{1:2} = a₂ b₁ + b₂。"),
)  # fmt: skip
