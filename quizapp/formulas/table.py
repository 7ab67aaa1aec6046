"""Every cell's equations as LaTeX, generated from the sympy trees; do not edit by hand.

Regenerate with ``python -m quizapp.formulas.latex`` after changing ``cells``, ``symbols`` or
``latex``; a test fails while this file and the trees disagree. Keys: (cell, convention,
two_biases); values: (record key, element form, vector form) in computing order.
"""

from __future__ import annotations

TABLE: dict[tuple[str, str, bool], tuple[tuple[str, str, str], ...]] = {
    ("rnn", "tanh", False): (
        (
            "a",
            "a_{t,j} = \\sum_k W_{jk} x_{t,k} + \\sum_k U_{jk} h_{t-1,k} + b_{j}",
            "a_{t} = W x_{t} + U h_{t-1} + b",
        ),
        (
            "h",
            "h_{t,j} = \\tanh\\left(\\sum_k W_{jk} x_{t,k} + \\sum_k U_{jk} h_{t-1,k} + b_{j}\\right)",
            "h_{t} = \\tanh\\left(W x_{t} + U h_{t-1} + b\\right)",
        ),
    ),
    ("rnn", "tanh", True): (
        (
            "a",
            "a_{t,j} = \\sum_k W_{jk} x_{t,k} + \\sum_k U_{jk} h_{t-1,k} + b_{j} + b^{h}_{j}",
            "a_{t} = W x_{t} + U h_{t-1} + b + b^{h}",
        ),
        (
            "h",
            "h_{t,j} = \\tanh\\left(\\sum_k W_{jk} x_{t,k} + \\sum_k U_{jk} h_{t-1,k} + b_{j} + b^{h}_{j}\\right)",
            "h_{t} = \\tanh\\left(W x_{t} + U h_{t-1} + b + b^{h}\\right)",
        ),
    ),
    ("rnn", "relu", False): (
        (
            "a",
            "a_{t,j} = \\sum_k W_{jk} x_{t,k} + \\sum_k U_{jk} h_{t-1,k} + b_{j}",
            "a_{t} = W x_{t} + U h_{t-1} + b",
        ),
        (
            "h",
            "h_{t,j} = \\mathrm{ReLU}\\left(\\sum_k W_{jk} x_{t,k} + \\sum_k U_{jk} h_{t-1,k} + b_{j}\\right)",
            "h_{t} = \\mathrm{ReLU}\\left(W x_{t} + U h_{t-1} + b\\right)",
        ),
    ),
    ("rnn", "relu", True): (
        (
            "a",
            "a_{t,j} = \\sum_k W_{jk} x_{t,k} + \\sum_k U_{jk} h_{t-1,k} + b_{j} + b^{h}_{j}",
            "a_{t} = W x_{t} + U h_{t-1} + b + b^{h}",
        ),
        (
            "h",
            "h_{t,j} = \\mathrm{ReLU}\\left(\\sum_k W_{jk} x_{t,k} + \\sum_k U_{jk} h_{t-1,k} + b_{j} + b^{h}_{j}\\right)",
            "h_{t} = \\mathrm{ReLU}\\left(W x_{t} + U h_{t-1} + b + b^{h}\\right)",
        ),
    ),
    ("lstm", "standard", False): (
        (
            "a_i",
            "a^{i}_{t,j} = \\sum_k W_{i,jk} x_{t,k} + \\sum_k U_{i,jk} h_{t-1,k} + b_{i,j}",
            "a^{i}_{t} = W_{i} x_{t} + U_{i} h_{t-1} + b_{i}",
        ),
        (
            "a_f",
            "a^{f}_{t,j} = \\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + b_{f,j}",
            "a^{f}_{t} = W_{f} x_{t} + U_{f} h_{t-1} + b_{f}",
        ),
        (
            "a_g",
            "a^{g}_{t,j} = \\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j}",
            "a^{g}_{t} = W_{g} x_{t} + U_{g} h_{t-1} + b_{g}",
        ),
        (
            "a_o",
            "a^{o}_{t,j} = \\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + b_{o,j}",
            "a^{o}_{t} = W_{o} x_{t} + U_{o} h_{t-1} + b_{o}",
        ),
        (
            "i",
            "i_{t,j} = \\sigma\\left(\\sum_k W_{i,jk} x_{t,k} + \\sum_k U_{i,jk} h_{t-1,k} + b_{i,j}\\right)",
            "i_{t} = \\sigma\\left(W_{i} x_{t} + U_{i} h_{t-1} + b_{i}\\right)",
        ),
        (
            "f",
            "f_{t,j} = \\sigma\\left(\\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + b_{f,j}\\right)",
            "f_{t} = \\sigma\\left(W_{f} x_{t} + U_{f} h_{t-1} + b_{f}\\right)",
        ),
        (
            "g",
            "\\tilde{C}_{t,j} = \\tanh\\left(\\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j}\\right)",
            "\\tilde{C}_{t} = \\tanh\\left(W_{g} x_{t} + U_{g} h_{t-1} + b_{g}\\right)",
        ),
        (
            "o",
            "o_{t,j} = \\sigma\\left(\\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + b_{o,j}\\right)",
            "o_{t} = \\sigma\\left(W_{o} x_{t} + U_{o} h_{t-1} + b_{o}\\right)",
        ),
        (
            "c",
            "C_{t,j} = f_{t,j} \\cdot C_{t-1,j} + i_{t,j} \\cdot \\tilde{C}_{t,j}",
            "C_{t} = f_{t} \\odot C_{t-1} + i_{t} \\odot \\tilde{C}_{t}",
        ),
        (
            "h",
            "h_{t,j} = o_{t,j} \\cdot \\tanh\\left(C_{t,j}\\right)",
            "h_{t} = o_{t} \\odot \\tanh\\left(C_{t}\\right)",
        ),
    ),
    ("lstm", "standard", True): (
        (
            "a_i",
            "a^{i}_{t,j} = \\sum_k W_{i,jk} x_{t,k} + \\sum_k U_{i,jk} h_{t-1,k} + b_{i,j} + b^{h}_{i,j}",
            "a^{i}_{t} = W_{i} x_{t} + U_{i} h_{t-1} + b_{i} + b^{h}_{i}",
        ),
        (
            "a_f",
            "a^{f}_{t,j} = \\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + b_{f,j} + b^{h}_{f,j}",
            "a^{f}_{t} = W_{f} x_{t} + U_{f} h_{t-1} + b_{f} + b^{h}_{f}",
        ),
        (
            "a_g",
            "a^{g}_{t,j} = \\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j} + b^{h}_{g,j}",
            "a^{g}_{t} = W_{g} x_{t} + U_{g} h_{t-1} + b_{g} + b^{h}_{g}",
        ),
        (
            "a_o",
            "a^{o}_{t,j} = \\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + b_{o,j} + b^{h}_{o,j}",
            "a^{o}_{t} = W_{o} x_{t} + U_{o} h_{t-1} + b_{o} + b^{h}_{o}",
        ),
        (
            "i",
            "i_{t,j} = \\sigma\\left(\\sum_k W_{i,jk} x_{t,k} + \\sum_k U_{i,jk} h_{t-1,k} + b_{i,j} + b^{h}_{i,j}\\right)",
            "i_{t} = \\sigma\\left(W_{i} x_{t} + U_{i} h_{t-1} + b_{i} + b^{h}_{i}\\right)",
        ),
        (
            "f",
            "f_{t,j} = \\sigma\\left(\\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + b_{f,j} + b^{h}_{f,j}\\right)",
            "f_{t} = \\sigma\\left(W_{f} x_{t} + U_{f} h_{t-1} + b_{f} + b^{h}_{f}\\right)",
        ),
        (
            "g",
            "\\tilde{C}_{t,j} = \\tanh\\left(\\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j} + b^{h}_{g,j}\\right)",
            "\\tilde{C}_{t} = \\tanh\\left(W_{g} x_{t} + U_{g} h_{t-1} + b_{g} + b^{h}_{g}\\right)",
        ),
        (
            "o",
            "o_{t,j} = \\sigma\\left(\\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + b_{o,j} + b^{h}_{o,j}\\right)",
            "o_{t} = \\sigma\\left(W_{o} x_{t} + U_{o} h_{t-1} + b_{o} + b^{h}_{o}\\right)",
        ),
        (
            "c",
            "C_{t,j} = f_{t,j} \\cdot C_{t-1,j} + i_{t,j} \\cdot \\tilde{C}_{t,j}",
            "C_{t} = f_{t} \\odot C_{t-1} + i_{t} \\odot \\tilde{C}_{t}",
        ),
        (
            "h",
            "h_{t,j} = o_{t,j} \\cdot \\tanh\\left(C_{t,j}\\right)",
            "h_{t} = o_{t} \\odot \\tanh\\left(C_{t}\\right)",
        ),
    ),
    ("peephole", "standard", False): (
        (
            "a_i",
            "a^{i}_{t,j} = \\sum_k W_{i,jk} x_{t,k} + \\sum_k U_{i,jk} h_{t-1,k} + p_{i,j} \\cdot C_{t-1,j} + b_{i,j}",
            "a^{i}_{t} = W_{i} x_{t} + U_{i} h_{t-1} + p_{i} \\odot C_{t-1} + b_{i}",
        ),
        (
            "a_f",
            "a^{f}_{t,j} = \\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + p_{f,j} \\cdot C_{t-1,j} + b_{f,j}",
            "a^{f}_{t} = W_{f} x_{t} + U_{f} h_{t-1} + p_{f} \\odot C_{t-1} + b_{f}",
        ),
        (
            "a_g",
            "a^{g}_{t,j} = \\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j}",
            "a^{g}_{t} = W_{g} x_{t} + U_{g} h_{t-1} + b_{g}",
        ),
        (
            "i",
            "i_{t,j} = \\sigma\\left(\\sum_k W_{i,jk} x_{t,k} + \\sum_k U_{i,jk} h_{t-1,k} + p_{i,j} \\cdot C_{t-1,j} + b_{i,j}\\right)",
            "i_{t} = \\sigma\\left(W_{i} x_{t} + U_{i} h_{t-1} + p_{i} \\odot C_{t-1} + b_{i}\\right)",
        ),
        (
            "f",
            "f_{t,j} = \\sigma\\left(\\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + p_{f,j} \\cdot C_{t-1,j} + b_{f,j}\\right)",
            "f_{t} = \\sigma\\left(W_{f} x_{t} + U_{f} h_{t-1} + p_{f} \\odot C_{t-1} + b_{f}\\right)",
        ),
        (
            "g",
            "\\tilde{C}_{t,j} = \\tanh\\left(\\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j}\\right)",
            "\\tilde{C}_{t} = \\tanh\\left(W_{g} x_{t} + U_{g} h_{t-1} + b_{g}\\right)",
        ),
        (
            "c",
            "C_{t,j} = f_{t,j} \\cdot C_{t-1,j} + i_{t,j} \\cdot \\tilde{C}_{t,j}",
            "C_{t} = f_{t} \\odot C_{t-1} + i_{t} \\odot \\tilde{C}_{t}",
        ),
        (
            "a_o",
            "a^{o}_{t,j} = \\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + p_{o,j} \\cdot C_{t,j} + b_{o,j}",
            "a^{o}_{t} = W_{o} x_{t} + U_{o} h_{t-1} + p_{o} \\odot C_{t} + b_{o}",
        ),
        (
            "o",
            "o_{t,j} = \\sigma\\left(\\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + p_{o,j} \\cdot C_{t,j} + b_{o,j}\\right)",
            "o_{t} = \\sigma\\left(W_{o} x_{t} + U_{o} h_{t-1} + p_{o} \\odot C_{t} + b_{o}\\right)",
        ),
        (
            "h",
            "h_{t,j} = o_{t,j} \\cdot \\tanh\\left(C_{t,j}\\right)",
            "h_{t} = o_{t} \\odot \\tanh\\left(C_{t}\\right)",
        ),
    ),
    ("peephole", "standard", True): (
        (
            "a_i",
            "a^{i}_{t,j} = \\sum_k W_{i,jk} x_{t,k} + \\sum_k U_{i,jk} h_{t-1,k} + p_{i,j} \\cdot C_{t-1,j} + b_{i,j} + b^{h}_{i,j}",
            "a^{i}_{t} = W_{i} x_{t} + U_{i} h_{t-1} + p_{i} \\odot C_{t-1} + b_{i} + b^{h}_{i}",
        ),
        (
            "a_f",
            "a^{f}_{t,j} = \\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + p_{f,j} \\cdot C_{t-1,j} + b_{f,j} + b^{h}_{f,j}",
            "a^{f}_{t} = W_{f} x_{t} + U_{f} h_{t-1} + p_{f} \\odot C_{t-1} + b_{f} + b^{h}_{f}",
        ),
        (
            "a_g",
            "a^{g}_{t,j} = \\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j} + b^{h}_{g,j}",
            "a^{g}_{t} = W_{g} x_{t} + U_{g} h_{t-1} + b_{g} + b^{h}_{g}",
        ),
        (
            "i",
            "i_{t,j} = \\sigma\\left(\\sum_k W_{i,jk} x_{t,k} + \\sum_k U_{i,jk} h_{t-1,k} + p_{i,j} \\cdot C_{t-1,j} + b_{i,j} + b^{h}_{i,j}\\right)",
            "i_{t} = \\sigma\\left(W_{i} x_{t} + U_{i} h_{t-1} + p_{i} \\odot C_{t-1} + b_{i} + b^{h}_{i}\\right)",
        ),
        (
            "f",
            "f_{t,j} = \\sigma\\left(\\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + p_{f,j} \\cdot C_{t-1,j} + b_{f,j} + b^{h}_{f,j}\\right)",
            "f_{t} = \\sigma\\left(W_{f} x_{t} + U_{f} h_{t-1} + p_{f} \\odot C_{t-1} + b_{f} + b^{h}_{f}\\right)",
        ),
        (
            "g",
            "\\tilde{C}_{t,j} = \\tanh\\left(\\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j} + b^{h}_{g,j}\\right)",
            "\\tilde{C}_{t} = \\tanh\\left(W_{g} x_{t} + U_{g} h_{t-1} + b_{g} + b^{h}_{g}\\right)",
        ),
        (
            "c",
            "C_{t,j} = f_{t,j} \\cdot C_{t-1,j} + i_{t,j} \\cdot \\tilde{C}_{t,j}",
            "C_{t} = f_{t} \\odot C_{t-1} + i_{t} \\odot \\tilde{C}_{t}",
        ),
        (
            "a_o",
            "a^{o}_{t,j} = \\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + p_{o,j} \\cdot C_{t,j} + b_{o,j} + b^{h}_{o,j}",
            "a^{o}_{t} = W_{o} x_{t} + U_{o} h_{t-1} + p_{o} \\odot C_{t} + b_{o} + b^{h}_{o}",
        ),
        (
            "o",
            "o_{t,j} = \\sigma\\left(\\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + p_{o,j} \\cdot C_{t,j} + b_{o,j} + b^{h}_{o,j}\\right)",
            "o_{t} = \\sigma\\left(W_{o} x_{t} + U_{o} h_{t-1} + p_{o} \\odot C_{t} + b_{o} + b^{h}_{o}\\right)",
        ),
        (
            "h",
            "h_{t,j} = o_{t,j} \\cdot \\tanh\\left(C_{t,j}\\right)",
            "h_{t} = o_{t} \\odot \\tanh\\left(C_{t}\\right)",
        ),
    ),
    ("cifg", "standard", False): (
        (
            "a_f",
            "a^{f}_{t,j} = \\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + b_{f,j}",
            "a^{f}_{t} = W_{f} x_{t} + U_{f} h_{t-1} + b_{f}",
        ),
        (
            "a_g",
            "a^{g}_{t,j} = \\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j}",
            "a^{g}_{t} = W_{g} x_{t} + U_{g} h_{t-1} + b_{g}",
        ),
        (
            "a_o",
            "a^{o}_{t,j} = \\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + b_{o,j}",
            "a^{o}_{t} = W_{o} x_{t} + U_{o} h_{t-1} + b_{o}",
        ),
        (
            "f",
            "f_{t,j} = \\sigma\\left(\\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + b_{f,j}\\right)",
            "f_{t} = \\sigma\\left(W_{f} x_{t} + U_{f} h_{t-1} + b_{f}\\right)",
        ),
        ("i", "i_{t,j} = 1 - f_{t,j}", "i_{t} = 1 - f_{t}"),
        (
            "g",
            "\\tilde{C}_{t,j} = \\tanh\\left(\\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j}\\right)",
            "\\tilde{C}_{t} = \\tanh\\left(W_{g} x_{t} + U_{g} h_{t-1} + b_{g}\\right)",
        ),
        (
            "o",
            "o_{t,j} = \\sigma\\left(\\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + b_{o,j}\\right)",
            "o_{t} = \\sigma\\left(W_{o} x_{t} + U_{o} h_{t-1} + b_{o}\\right)",
        ),
        (
            "c",
            "C_{t,j} = f_{t,j} \\cdot C_{t-1,j} + i_{t,j} \\cdot \\tilde{C}_{t,j}",
            "C_{t} = f_{t} \\odot C_{t-1} + i_{t} \\odot \\tilde{C}_{t}",
        ),
        (
            "h",
            "h_{t,j} = o_{t,j} \\cdot \\tanh\\left(C_{t,j}\\right)",
            "h_{t} = o_{t} \\odot \\tanh\\left(C_{t}\\right)",
        ),
    ),
    ("cifg", "standard", True): (
        (
            "a_f",
            "a^{f}_{t,j} = \\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + b_{f,j} + b^{h}_{f,j}",
            "a^{f}_{t} = W_{f} x_{t} + U_{f} h_{t-1} + b_{f} + b^{h}_{f}",
        ),
        (
            "a_g",
            "a^{g}_{t,j} = \\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j} + b^{h}_{g,j}",
            "a^{g}_{t} = W_{g} x_{t} + U_{g} h_{t-1} + b_{g} + b^{h}_{g}",
        ),
        (
            "a_o",
            "a^{o}_{t,j} = \\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + b_{o,j} + b^{h}_{o,j}",
            "a^{o}_{t} = W_{o} x_{t} + U_{o} h_{t-1} + b_{o} + b^{h}_{o}",
        ),
        (
            "f",
            "f_{t,j} = \\sigma\\left(\\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + b_{f,j} + b^{h}_{f,j}\\right)",
            "f_{t} = \\sigma\\left(W_{f} x_{t} + U_{f} h_{t-1} + b_{f} + b^{h}_{f}\\right)",
        ),
        ("i", "i_{t,j} = 1 - f_{t,j}", "i_{t} = 1 - f_{t}"),
        (
            "g",
            "\\tilde{C}_{t,j} = \\tanh\\left(\\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j} + b^{h}_{g,j}\\right)",
            "\\tilde{C}_{t} = \\tanh\\left(W_{g} x_{t} + U_{g} h_{t-1} + b_{g} + b^{h}_{g}\\right)",
        ),
        (
            "o",
            "o_{t,j} = \\sigma\\left(\\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + b_{o,j} + b^{h}_{o,j}\\right)",
            "o_{t} = \\sigma\\left(W_{o} x_{t} + U_{o} h_{t-1} + b_{o} + b^{h}_{o}\\right)",
        ),
        (
            "c",
            "C_{t,j} = f_{t,j} \\cdot C_{t-1,j} + i_{t,j} \\cdot \\tilde{C}_{t,j}",
            "C_{t} = f_{t} \\odot C_{t-1} + i_{t} \\odot \\tilde{C}_{t}",
        ),
        (
            "h",
            "h_{t,j} = o_{t,j} \\cdot \\tanh\\left(C_{t,j}\\right)",
            "h_{t} = o_{t} \\odot \\tanh\\left(C_{t}\\right)",
        ),
    ),
    ("gru", "pytorch", False): (
        (
            "a_r",
            "a^{r}_{t,j} = \\sum_k W_{r,jk} x_{t,k} + \\sum_k U_{r,jk} h_{t-1,k} + b_{r,j}",
            "a^{r}_{t} = W_{r} x_{t} + U_{r} h_{t-1} + b_{r}",
        ),
        (
            "a_z",
            "a^{z}_{t,j} = \\sum_k W_{z,jk} x_{t,k} + \\sum_k U_{z,jk} h_{t-1,k} + b_{z,j}",
            "a^{z}_{t} = W_{z} x_{t} + U_{z} h_{t-1} + b_{z}",
        ),
        (
            "r",
            "r_{t,j} = \\sigma\\left(\\sum_k W_{r,jk} x_{t,k} + \\sum_k U_{r,jk} h_{t-1,k} + b_{r,j}\\right)",
            "r_{t} = \\sigma\\left(W_{r} x_{t} + U_{r} h_{t-1} + b_{r}\\right)",
        ),
        (
            "z",
            "z_{t,j} = \\sigma\\left(\\sum_k W_{z,jk} x_{t,k} + \\sum_k U_{z,jk} h_{t-1,k} + b_{z,j}\\right)",
            "z_{t} = \\sigma\\left(W_{z} x_{t} + U_{z} h_{t-1} + b_{z}\\right)",
        ),
        ("s", "s_{t,j} = \\sum_k U_{n,jk} h_{t-1,k}", "s_{t} = U_{n} h_{t-1}"),
        (
            "a_n",
            "a^{n}_{t,j} = \\sum_k W_{n,jk} x_{t,k} + b_{n,j} + r_{t,j} \\cdot \\left(\\sum_k U_{n,jk} h_{t-1,k}\\right)",
            "a^{n}_{t} = W_{n} x_{t} + b_{n} + r_{t} \\odot \\left(U_{n} h_{t-1}\\right)",
        ),
        (
            "n",
            "\\tilde{h}_{t,j} = \\tanh\\left(\\sum_k W_{n,jk} x_{t,k} + b_{n,j} + r_{t,j} \\cdot \\left(\\sum_k U_{n,jk} h_{t-1,k}\\right)\\right)",
            "\\tilde{h}_{t} = \\tanh\\left(W_{n} x_{t} + b_{n} + r_{t} \\odot \\left(U_{n} h_{t-1}\\right)\\right)",
        ),
        (
            "h",
            "h_{t,j} = \\left(1 - z_{t,j}\\right) \\cdot \\tilde{h}_{t,j} + z_{t,j} \\cdot h_{t-1,j}",
            "h_{t} = \\left(1 - z_{t}\\right) \\odot \\tilde{h}_{t} + z_{t} \\odot h_{t-1}",
        ),
    ),
    ("gru", "pytorch", True): (
        (
            "a_r",
            "a^{r}_{t,j} = \\sum_k W_{r,jk} x_{t,k} + \\sum_k U_{r,jk} h_{t-1,k} + b_{r,j} + b^{h}_{r,j}",
            "a^{r}_{t} = W_{r} x_{t} + U_{r} h_{t-1} + b_{r} + b^{h}_{r}",
        ),
        (
            "a_z",
            "a^{z}_{t,j} = \\sum_k W_{z,jk} x_{t,k} + \\sum_k U_{z,jk} h_{t-1,k} + b_{z,j} + b^{h}_{z,j}",
            "a^{z}_{t} = W_{z} x_{t} + U_{z} h_{t-1} + b_{z} + b^{h}_{z}",
        ),
        (
            "r",
            "r_{t,j} = \\sigma\\left(\\sum_k W_{r,jk} x_{t,k} + \\sum_k U_{r,jk} h_{t-1,k} + b_{r,j} + b^{h}_{r,j}\\right)",
            "r_{t} = \\sigma\\left(W_{r} x_{t} + U_{r} h_{t-1} + b_{r} + b^{h}_{r}\\right)",
        ),
        (
            "z",
            "z_{t,j} = \\sigma\\left(\\sum_k W_{z,jk} x_{t,k} + \\sum_k U_{z,jk} h_{t-1,k} + b_{z,j} + b^{h}_{z,j}\\right)",
            "z_{t} = \\sigma\\left(W_{z} x_{t} + U_{z} h_{t-1} + b_{z} + b^{h}_{z}\\right)",
        ),
        (
            "s",
            "s_{t,j} = \\sum_k U_{n,jk} h_{t-1,k} + b^{h}_{n,j}",
            "s_{t} = U_{n} h_{t-1} + b^{h}_{n}",
        ),
        (
            "a_n",
            "a^{n}_{t,j} = \\sum_k W_{n,jk} x_{t,k} + b_{n,j} + r_{t,j} \\cdot \\left(\\sum_k U_{n,jk} h_{t-1,k} + b^{h}_{n,j}\\right)",
            "a^{n}_{t} = W_{n} x_{t} + b_{n} + r_{t} \\odot \\left(U_{n} h_{t-1} + b^{h}_{n}\\right)",
        ),
        (
            "n",
            "\\tilde{h}_{t,j} = \\tanh\\left(\\sum_k W_{n,jk} x_{t,k} + b_{n,j} + r_{t,j} \\cdot \\left(\\sum_k U_{n,jk} h_{t-1,k} + b^{h}_{n,j}\\right)\\right)",
            "\\tilde{h}_{t} = \\tanh\\left(W_{n} x_{t} + b_{n} + r_{t} \\odot \\left(U_{n} h_{t-1} + b^{h}_{n}\\right)\\right)",
        ),
        (
            "h",
            "h_{t,j} = \\left(1 - z_{t,j}\\right) \\cdot \\tilde{h}_{t,j} + z_{t,j} \\cdot h_{t-1,j}",
            "h_{t} = \\left(1 - z_{t}\\right) \\odot \\tilde{h}_{t} + z_{t} \\odot h_{t-1}",
        ),
    ),
    ("gru", "d2l", False): (
        (
            "a_r",
            "a^{r}_{t,j} = \\sum_k W_{r,jk} x_{t,k} + \\sum_k U_{r,jk} h_{t-1,k} + b_{r,j}",
            "a^{r}_{t} = W_{r} x_{t} + U_{r} h_{t-1} + b_{r}",
        ),
        (
            "a_z",
            "a^{z}_{t,j} = \\sum_k W_{z,jk} x_{t,k} + \\sum_k U_{z,jk} h_{t-1,k} + b_{z,j}",
            "a^{z}_{t} = W_{z} x_{t} + U_{z} h_{t-1} + b_{z}",
        ),
        (
            "r",
            "r_{t,j} = \\sigma\\left(\\sum_k W_{r,jk} x_{t,k} + \\sum_k U_{r,jk} h_{t-1,k} + b_{r,j}\\right)",
            "r_{t} = \\sigma\\left(W_{r} x_{t} + U_{r} h_{t-1} + b_{r}\\right)",
        ),
        (
            "z",
            "z_{t,j} = \\sigma\\left(\\sum_k W_{z,jk} x_{t,k} + \\sum_k U_{z,jk} h_{t-1,k} + b_{z,j}\\right)",
            "z_{t} = \\sigma\\left(W_{z} x_{t} + U_{z} h_{t-1} + b_{z}\\right)",
        ),
        (
            "a_n",
            "a^{n}_{t,j} = \\sum_k W_{n,jk} x_{t,k} + \\sum_k U_{n,jk} \\left(r_{t,k} \\cdot h_{t-1,k}\\right) + b_{n,j}",
            "a^{n}_{t} = W_{n} x_{t} + U_{n} \\left(r_{t} \\odot h_{t-1}\\right) + b_{n}",
        ),
        (
            "n",
            "\\tilde{h}_{t,j} = \\tanh\\left(\\sum_k W_{n,jk} x_{t,k} + \\sum_k U_{n,jk} \\left(r_{t,k} \\cdot h_{t-1,k}\\right) + b_{n,j}\\right)",
            "\\tilde{h}_{t} = \\tanh\\left(W_{n} x_{t} + U_{n} \\left(r_{t} \\odot h_{t-1}\\right) + b_{n}\\right)",
        ),
        (
            "h",
            "h_{t,j} = z_{t,j} \\cdot h_{t-1,j} + \\left(1 - z_{t,j}\\right) \\cdot \\tilde{h}_{t,j}",
            "h_{t} = z_{t} \\odot h_{t-1} + \\left(1 - z_{t}\\right) \\odot \\tilde{h}_{t}",
        ),
    ),
    ("gru", "d2l", True): (
        (
            "a_r",
            "a^{r}_{t,j} = \\sum_k W_{r,jk} x_{t,k} + \\sum_k U_{r,jk} h_{t-1,k} + b_{r,j} + b^{h}_{r,j}",
            "a^{r}_{t} = W_{r} x_{t} + U_{r} h_{t-1} + b_{r} + b^{h}_{r}",
        ),
        (
            "a_z",
            "a^{z}_{t,j} = \\sum_k W_{z,jk} x_{t,k} + \\sum_k U_{z,jk} h_{t-1,k} + b_{z,j} + b^{h}_{z,j}",
            "a^{z}_{t} = W_{z} x_{t} + U_{z} h_{t-1} + b_{z} + b^{h}_{z}",
        ),
        (
            "r",
            "r_{t,j} = \\sigma\\left(\\sum_k W_{r,jk} x_{t,k} + \\sum_k U_{r,jk} h_{t-1,k} + b_{r,j} + b^{h}_{r,j}\\right)",
            "r_{t} = \\sigma\\left(W_{r} x_{t} + U_{r} h_{t-1} + b_{r} + b^{h}_{r}\\right)",
        ),
        (
            "z",
            "z_{t,j} = \\sigma\\left(\\sum_k W_{z,jk} x_{t,k} + \\sum_k U_{z,jk} h_{t-1,k} + b_{z,j} + b^{h}_{z,j}\\right)",
            "z_{t} = \\sigma\\left(W_{z} x_{t} + U_{z} h_{t-1} + b_{z} + b^{h}_{z}\\right)",
        ),
        (
            "a_n",
            "a^{n}_{t,j} = \\sum_k W_{n,jk} x_{t,k} + \\sum_k U_{n,jk} \\left(r_{t,k} \\cdot h_{t-1,k}\\right) + b_{n,j} + b^{h}_{n,j}",
            "a^{n}_{t} = W_{n} x_{t} + U_{n} \\left(r_{t} \\odot h_{t-1}\\right) + b_{n} + b^{h}_{n}",
        ),
        (
            "n",
            "\\tilde{h}_{t,j} = \\tanh\\left(\\sum_k W_{n,jk} x_{t,k} + \\sum_k U_{n,jk} \\left(r_{t,k} \\cdot h_{t-1,k}\\right) + b_{n,j} + b^{h}_{n,j}\\right)",
            "\\tilde{h}_{t} = \\tanh\\left(W_{n} x_{t} + U_{n} \\left(r_{t} \\odot h_{t-1}\\right) + b_{n} + b^{h}_{n}\\right)",
        ),
        (
            "h",
            "h_{t,j} = z_{t,j} \\cdot h_{t-1,j} + \\left(1 - z_{t,j}\\right) \\cdot \\tilde{h}_{t,j}",
            "h_{t} = z_{t} \\odot h_{t-1} + \\left(1 - z_{t}\\right) \\odot \\tilde{h}_{t}",
        ),
    ),
    ("gru", "colah", False): (
        (
            "a_r",
            "a^{r}_{t,j} = \\sum_k W_{r,jk} x_{t,k} + \\sum_k U_{r,jk} h_{t-1,k} + b_{r,j}",
            "a^{r}_{t} = W_{r} x_{t} + U_{r} h_{t-1} + b_{r}",
        ),
        (
            "a_z",
            "a^{z}_{t,j} = \\sum_k W_{z,jk} x_{t,k} + \\sum_k U_{z,jk} h_{t-1,k} + b_{z,j}",
            "a^{z}_{t} = W_{z} x_{t} + U_{z} h_{t-1} + b_{z}",
        ),
        (
            "r",
            "r_{t,j} = \\sigma\\left(\\sum_k W_{r,jk} x_{t,k} + \\sum_k U_{r,jk} h_{t-1,k} + b_{r,j}\\right)",
            "r_{t} = \\sigma\\left(W_{r} x_{t} + U_{r} h_{t-1} + b_{r}\\right)",
        ),
        (
            "z",
            "z_{t,j} = \\sigma\\left(\\sum_k W_{z,jk} x_{t,k} + \\sum_k U_{z,jk} h_{t-1,k} + b_{z,j}\\right)",
            "z_{t} = \\sigma\\left(W_{z} x_{t} + U_{z} h_{t-1} + b_{z}\\right)",
        ),
        (
            "a_n",
            "a^{n}_{t,j} = \\sum_k W_{n,jk} x_{t,k} + \\sum_k U_{n,jk} \\left(r_{t,k} \\cdot h_{t-1,k}\\right) + b_{n,j}",
            "a^{n}_{t} = W_{n} x_{t} + U_{n} \\left(r_{t} \\odot h_{t-1}\\right) + b_{n}",
        ),
        (
            "n",
            "\\tilde{h}_{t,j} = \\tanh\\left(\\sum_k W_{n,jk} x_{t,k} + \\sum_k U_{n,jk} \\left(r_{t,k} \\cdot h_{t-1,k}\\right) + b_{n,j}\\right)",
            "\\tilde{h}_{t} = \\tanh\\left(W_{n} x_{t} + U_{n} \\left(r_{t} \\odot h_{t-1}\\right) + b_{n}\\right)",
        ),
        (
            "h",
            "h_{t,j} = \\left(1 - z_{t,j}\\right) \\cdot h_{t-1,j} + z_{t,j} \\cdot \\tilde{h}_{t,j}",
            "h_{t} = \\left(1 - z_{t}\\right) \\odot h_{t-1} + z_{t} \\odot \\tilde{h}_{t}",
        ),
    ),
    ("gru", "colah", True): (
        (
            "a_r",
            "a^{r}_{t,j} = \\sum_k W_{r,jk} x_{t,k} + \\sum_k U_{r,jk} h_{t-1,k} + b_{r,j} + b^{h}_{r,j}",
            "a^{r}_{t} = W_{r} x_{t} + U_{r} h_{t-1} + b_{r} + b^{h}_{r}",
        ),
        (
            "a_z",
            "a^{z}_{t,j} = \\sum_k W_{z,jk} x_{t,k} + \\sum_k U_{z,jk} h_{t-1,k} + b_{z,j} + b^{h}_{z,j}",
            "a^{z}_{t} = W_{z} x_{t} + U_{z} h_{t-1} + b_{z} + b^{h}_{z}",
        ),
        (
            "r",
            "r_{t,j} = \\sigma\\left(\\sum_k W_{r,jk} x_{t,k} + \\sum_k U_{r,jk} h_{t-1,k} + b_{r,j} + b^{h}_{r,j}\\right)",
            "r_{t} = \\sigma\\left(W_{r} x_{t} + U_{r} h_{t-1} + b_{r} + b^{h}_{r}\\right)",
        ),
        (
            "z",
            "z_{t,j} = \\sigma\\left(\\sum_k W_{z,jk} x_{t,k} + \\sum_k U_{z,jk} h_{t-1,k} + b_{z,j} + b^{h}_{z,j}\\right)",
            "z_{t} = \\sigma\\left(W_{z} x_{t} + U_{z} h_{t-1} + b_{z} + b^{h}_{z}\\right)",
        ),
        (
            "a_n",
            "a^{n}_{t,j} = \\sum_k W_{n,jk} x_{t,k} + \\sum_k U_{n,jk} \\left(r_{t,k} \\cdot h_{t-1,k}\\right) + b_{n,j} + b^{h}_{n,j}",
            "a^{n}_{t} = W_{n} x_{t} + U_{n} \\left(r_{t} \\odot h_{t-1}\\right) + b_{n} + b^{h}_{n}",
        ),
        (
            "n",
            "\\tilde{h}_{t,j} = \\tanh\\left(\\sum_k W_{n,jk} x_{t,k} + \\sum_k U_{n,jk} \\left(r_{t,k} \\cdot h_{t-1,k}\\right) + b_{n,j} + b^{h}_{n,j}\\right)",
            "\\tilde{h}_{t} = \\tanh\\left(W_{n} x_{t} + U_{n} \\left(r_{t} \\odot h_{t-1}\\right) + b_{n} + b^{h}_{n}\\right)",
        ),
        (
            "h",
            "h_{t,j} = \\left(1 - z_{t,j}\\right) \\cdot h_{t-1,j} + z_{t,j} \\cdot \\tilde{h}_{t,j}",
            "h_{t} = \\left(1 - z_{t}\\right) \\odot h_{t-1} + z_{t} \\odot \\tilde{h}_{t}",
        ),
    ),
    ("mgu", "standard", False): (
        (
            "a_f",
            "a^{f}_{t,j} = \\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + b_{f,j}",
            "a^{f}_{t} = W_{f} x_{t} + U_{f} h_{t-1} + b_{f}",
        ),
        (
            "f",
            "f_{t,j} = \\sigma\\left(\\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + b_{f,j}\\right)",
            "f_{t} = \\sigma\\left(W_{f} x_{t} + U_{f} h_{t-1} + b_{f}\\right)",
        ),
        (
            "a_n",
            "a^{n}_{t,j} = \\sum_k W_{n,jk} x_{t,k} + \\sum_k U_{n,jk} \\left(f_{t,k} \\cdot h_{t-1,k}\\right) + b_{n,j}",
            "a^{n}_{t} = W_{n} x_{t} + U_{n} \\left(f_{t} \\odot h_{t-1}\\right) + b_{n}",
        ),
        (
            "n",
            "\\tilde{h}_{t,j} = \\tanh\\left(\\sum_k W_{n,jk} x_{t,k} + \\sum_k U_{n,jk} \\left(f_{t,k} \\cdot h_{t-1,k}\\right) + b_{n,j}\\right)",
            "\\tilde{h}_{t} = \\tanh\\left(W_{n} x_{t} + U_{n} \\left(f_{t} \\odot h_{t-1}\\right) + b_{n}\\right)",
        ),
        (
            "h",
            "h_{t,j} = \\left(1 - f_{t,j}\\right) \\cdot h_{t-1,j} + f_{t,j} \\cdot \\tilde{h}_{t,j}",
            "h_{t} = \\left(1 - f_{t}\\right) \\odot h_{t-1} + f_{t} \\odot \\tilde{h}_{t}",
        ),
    ),
    ("mgu", "standard", True): (
        (
            "a_f",
            "a^{f}_{t,j} = \\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + b_{f,j} + b^{h}_{f,j}",
            "a^{f}_{t} = W_{f} x_{t} + U_{f} h_{t-1} + b_{f} + b^{h}_{f}",
        ),
        (
            "f",
            "f_{t,j} = \\sigma\\left(\\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + b_{f,j} + b^{h}_{f,j}\\right)",
            "f_{t} = \\sigma\\left(W_{f} x_{t} + U_{f} h_{t-1} + b_{f} + b^{h}_{f}\\right)",
        ),
        (
            "a_n",
            "a^{n}_{t,j} = \\sum_k W_{n,jk} x_{t,k} + \\sum_k U_{n,jk} \\left(f_{t,k} \\cdot h_{t-1,k}\\right) + b_{n,j} + b^{h}_{n,j}",
            "a^{n}_{t} = W_{n} x_{t} + U_{n} \\left(f_{t} \\odot h_{t-1}\\right) + b_{n} + b^{h}_{n}",
        ),
        (
            "n",
            "\\tilde{h}_{t,j} = \\tanh\\left(\\sum_k W_{n,jk} x_{t,k} + \\sum_k U_{n,jk} \\left(f_{t,k} \\cdot h_{t-1,k}\\right) + b_{n,j} + b^{h}_{n,j}\\right)",
            "\\tilde{h}_{t} = \\tanh\\left(W_{n} x_{t} + U_{n} \\left(f_{t} \\odot h_{t-1}\\right) + b_{n} + b^{h}_{n}\\right)",
        ),
        (
            "h",
            "h_{t,j} = \\left(1 - f_{t,j}\\right) \\cdot h_{t-1,j} + f_{t,j} \\cdot \\tilde{h}_{t,j}",
            "h_{t} = \\left(1 - f_{t}\\right) \\odot h_{t-1} + f_{t} \\odot \\tilde{h}_{t}",
        ),
    ),
    ("sru", "standard", False): (
        (
            "a_f",
            "a^{f}_{t,j} = \\sum_k W_{f,jk} x_{t,k} + v_{f,j} \\cdot C_{t-1,j} + b_{f,j}",
            "a^{f}_{t} = W_{f} x_{t} + v_{f} \\odot C_{t-1} + b_{f}",
        ),
        (
            "a_r",
            "a^{r}_{t,j} = \\sum_k W_{r,jk} x_{t,k} + v_{r,j} \\cdot C_{t-1,j} + b_{r,j}",
            "a^{r}_{t} = W_{r} x_{t} + v_{r} \\odot C_{t-1} + b_{r}",
        ),
        (
            "f",
            "f_{t,j} = \\sigma\\left(\\sum_k W_{f,jk} x_{t,k} + v_{f,j} \\cdot C_{t-1,j} + b_{f,j}\\right)",
            "f_{t} = \\sigma\\left(W_{f} x_{t} + v_{f} \\odot C_{t-1} + b_{f}\\right)",
        ),
        (
            "r",
            "r_{t,j} = \\sigma\\left(\\sum_k W_{r,jk} x_{t,k} + v_{r,j} \\cdot C_{t-1,j} + b_{r,j}\\right)",
            "r_{t} = \\sigma\\left(W_{r} x_{t} + v_{r} \\odot C_{t-1} + b_{r}\\right)",
        ),
        ("u", "u_{t,j} = \\sum_k W_{c,jk} x_{t,k}", "u_{t} = W_{c} x_{t}"),
        (
            "c",
            "C_{t,j} = f_{t,j} \\cdot C_{t-1,j} + \\left(1 - f_{t,j}\\right) \\cdot \\left(\\sum_k W_{c,jk} x_{t,k}\\right)",
            "C_{t} = f_{t} \\odot C_{t-1} + \\left(1 - f_{t}\\right) \\odot \\left(W_{c} x_{t}\\right)",
        ),
        (
            "h",
            "h_{t,j} = r_{t,j} \\cdot C_{t,j} + \\left(1 - r_{t,j}\\right) \\cdot x_{t,j}",
            "h_{t} = r_{t} \\odot C_{t} + \\left(1 - r_{t}\\right) \\odot x_{t}",
        ),
    ),
    ("sru", "standard", True): (
        (
            "a_f",
            "a^{f}_{t,j} = \\sum_k W_{f,jk} x_{t,k} + v_{f,j} \\cdot C_{t-1,j} + b_{f,j}",
            "a^{f}_{t} = W_{f} x_{t} + v_{f} \\odot C_{t-1} + b_{f}",
        ),
        (
            "a_r",
            "a^{r}_{t,j} = \\sum_k W_{r,jk} x_{t,k} + v_{r,j} \\cdot C_{t-1,j} + b_{r,j}",
            "a^{r}_{t} = W_{r} x_{t} + v_{r} \\odot C_{t-1} + b_{r}",
        ),
        (
            "f",
            "f_{t,j} = \\sigma\\left(\\sum_k W_{f,jk} x_{t,k} + v_{f,j} \\cdot C_{t-1,j} + b_{f,j}\\right)",
            "f_{t} = \\sigma\\left(W_{f} x_{t} + v_{f} \\odot C_{t-1} + b_{f}\\right)",
        ),
        (
            "r",
            "r_{t,j} = \\sigma\\left(\\sum_k W_{r,jk} x_{t,k} + v_{r,j} \\cdot C_{t-1,j} + b_{r,j}\\right)",
            "r_{t} = \\sigma\\left(W_{r} x_{t} + v_{r} \\odot C_{t-1} + b_{r}\\right)",
        ),
        ("u", "u_{t,j} = \\sum_k W_{c,jk} x_{t,k}", "u_{t} = W_{c} x_{t}"),
        (
            "c",
            "C_{t,j} = f_{t,j} \\cdot C_{t-1,j} + \\left(1 - f_{t,j}\\right) \\cdot \\left(\\sum_k W_{c,jk} x_{t,k}\\right)",
            "C_{t} = f_{t} \\odot C_{t-1} + \\left(1 - f_{t}\\right) \\odot \\left(W_{c} x_{t}\\right)",
        ),
        (
            "h",
            "h_{t,j} = r_{t,j} \\cdot C_{t,j} + \\left(1 - r_{t,j}\\right) \\cdot x_{t,j}",
            "h_{t} = r_{t} \\odot C_{t} + \\left(1 - r_{t}\\right) \\odot x_{t}",
        ),
    ),
    ("clockwork", "standard", False): (
        (
            "a",
            "a_{t,j} = \\sum_k W_{jk} x_{t,k} + \\sum_k U_{jk} h_{t-1,k} + b_{j}",
            "a_{t} = W x_{t} + U h_{t-1} + b",
        ),
        (
            "active",
            "\\mathrm{active}_{m} = [t \\,\\mathrm{mod}\\, T_{m} = 0]",
            "\\mathrm{active} = [t \\,\\mathrm{mod}\\, T = 0]",
        ),
        (
            "h",
            "h_{t,j} = \\tanh\\left(\\sum_k W_{jk} x_{t,k} + \\sum_k U_{jk} h_{t-1,k} + b_{j}\\right)\\;\\;\\mathrm{if}\\; t \\,\\mathrm{mod}\\, T_{m(j)} = 0,\\;\\;\\mathrm{else}\\; h_{t-1,j}",
            "h_{t} = \\tanh\\left(W x_{t} + U h_{t-1} + b\\right)\\;\\;\\mathrm{if}\\; t \\,\\mathrm{mod}\\, T = 0,\\;\\;\\mathrm{else}\\; h_{t-1}",
        ),
    ),
    ("clockwork", "standard", True): (
        (
            "a",
            "a_{t,j} = \\sum_k W_{jk} x_{t,k} + \\sum_k U_{jk} h_{t-1,k} + b_{j} + b^{h}_{j}",
            "a_{t} = W x_{t} + U h_{t-1} + b + b^{h}",
        ),
        (
            "active",
            "\\mathrm{active}_{m} = [t \\,\\mathrm{mod}\\, T_{m} = 0]",
            "\\mathrm{active} = [t \\,\\mathrm{mod}\\, T = 0]",
        ),
        (
            "h",
            "h_{t,j} = \\tanh\\left(\\sum_k W_{jk} x_{t,k} + \\sum_k U_{jk} h_{t-1,k} + b_{j} + b^{h}_{j}\\right)\\;\\;\\mathrm{if}\\; t \\,\\mathrm{mod}\\, T_{m(j)} = 0,\\;\\;\\mathrm{else}\\; h_{t-1,j}",
            "h_{t} = \\tanh\\left(W x_{t} + U h_{t-1} + b + b^{h}\\right)\\;\\;\\mathrm{if}\\; t \\,\\mathrm{mod}\\, T = 0,\\;\\;\\mathrm{else}\\; h_{t-1}",
        ),
    ),
    ("depth_gated", "standard", False): (
        (
            "a_d",
            "a^{d}_{t,j} = \\sum_k W_{d,jk} x_{t,k} + w_{cd,j} \\cdot C_{t-1,j} + w_{ld,j} \\cdot C^{\\ell-1}_{t,j} + b_{d,j}",
            "a^{d}_{t} = W_{d} x_{t} + w_{cd} \\odot C_{t-1} + w_{ld} \\odot C^{\\ell-1}_{t} + b_{d}",
        ),
        (
            "a_i",
            "a^{i}_{t,j} = \\sum_k W_{i,jk} x_{t,k} + \\sum_k U_{i,jk} h_{t-1,k} + p_{i,j} \\cdot C_{t-1,j} + b_{i,j}",
            "a^{i}_{t} = W_{i} x_{t} + U_{i} h_{t-1} + p_{i} \\odot C_{t-1} + b_{i}",
        ),
        (
            "a_f",
            "a^{f}_{t,j} = \\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + p_{f,j} \\cdot C_{t-1,j} + b_{f,j}",
            "a^{f}_{t} = W_{f} x_{t} + U_{f} h_{t-1} + p_{f} \\odot C_{t-1} + b_{f}",
        ),
        (
            "a_g",
            "a^{g}_{t,j} = \\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j}",
            "a^{g}_{t} = W_{g} x_{t} + U_{g} h_{t-1} + b_{g}",
        ),
        (
            "d",
            "d_{t,j} = \\sigma\\left(\\sum_k W_{d,jk} x_{t,k} + w_{cd,j} \\cdot C_{t-1,j} + w_{ld,j} \\cdot C^{\\ell-1}_{t,j} + b_{d,j}\\right)",
            "d_{t} = \\sigma\\left(W_{d} x_{t} + w_{cd} \\odot C_{t-1} + w_{ld} \\odot C^{\\ell-1}_{t} + b_{d}\\right)",
        ),
        (
            "i",
            "i_{t,j} = \\sigma\\left(\\sum_k W_{i,jk} x_{t,k} + \\sum_k U_{i,jk} h_{t-1,k} + p_{i,j} \\cdot C_{t-1,j} + b_{i,j}\\right)",
            "i_{t} = \\sigma\\left(W_{i} x_{t} + U_{i} h_{t-1} + p_{i} \\odot C_{t-1} + b_{i}\\right)",
        ),
        (
            "f",
            "f_{t,j} = \\sigma\\left(\\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + p_{f,j} \\cdot C_{t-1,j} + b_{f,j}\\right)",
            "f_{t} = \\sigma\\left(W_{f} x_{t} + U_{f} h_{t-1} + p_{f} \\odot C_{t-1} + b_{f}\\right)",
        ),
        (
            "g",
            "\\tilde{C}_{t,j} = \\tanh\\left(\\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j}\\right)",
            "\\tilde{C}_{t} = \\tanh\\left(W_{g} x_{t} + U_{g} h_{t-1} + b_{g}\\right)",
        ),
        (
            "c",
            "C_{t,j} = d_{t,j} \\cdot C^{\\ell-1}_{t,j} + f_{t,j} \\cdot C_{t-1,j} + i_{t,j} \\cdot \\tilde{C}_{t,j}",
            "C_{t} = d_{t} \\odot C^{\\ell-1}_{t} + f_{t} \\odot C_{t-1} + i_{t} \\odot \\tilde{C}_{t}",
        ),
        (
            "a_o",
            "a^{o}_{t,j} = \\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + p_{o,j} \\cdot C_{t,j} + b_{o,j}",
            "a^{o}_{t} = W_{o} x_{t} + U_{o} h_{t-1} + p_{o} \\odot C_{t} + b_{o}",
        ),
        (
            "o",
            "o_{t,j} = \\sigma\\left(\\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + p_{o,j} \\cdot C_{t,j} + b_{o,j}\\right)",
            "o_{t} = \\sigma\\left(W_{o} x_{t} + U_{o} h_{t-1} + p_{o} \\odot C_{t} + b_{o}\\right)",
        ),
        (
            "h",
            "h_{t,j} = o_{t,j} \\cdot \\tanh\\left(C_{t,j}\\right)",
            "h_{t} = o_{t} \\odot \\tanh\\left(C_{t}\\right)",
        ),
    ),
    ("depth_gated", "standard", True): (
        (
            "a_d",
            "a^{d}_{t,j} = \\sum_k W_{d,jk} x_{t,k} + w_{cd,j} \\cdot C_{t-1,j} + w_{ld,j} \\cdot C^{\\ell-1}_{t,j} + b_{d,j}",
            "a^{d}_{t} = W_{d} x_{t} + w_{cd} \\odot C_{t-1} + w_{ld} \\odot C^{\\ell-1}_{t} + b_{d}",
        ),
        (
            "a_i",
            "a^{i}_{t,j} = \\sum_k W_{i,jk} x_{t,k} + \\sum_k U_{i,jk} h_{t-1,k} + p_{i,j} \\cdot C_{t-1,j} + b_{i,j} + b^{h}_{i,j}",
            "a^{i}_{t} = W_{i} x_{t} + U_{i} h_{t-1} + p_{i} \\odot C_{t-1} + b_{i} + b^{h}_{i}",
        ),
        (
            "a_f",
            "a^{f}_{t,j} = \\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + p_{f,j} \\cdot C_{t-1,j} + b_{f,j} + b^{h}_{f,j}",
            "a^{f}_{t} = W_{f} x_{t} + U_{f} h_{t-1} + p_{f} \\odot C_{t-1} + b_{f} + b^{h}_{f}",
        ),
        (
            "a_g",
            "a^{g}_{t,j} = \\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j} + b^{h}_{g,j}",
            "a^{g}_{t} = W_{g} x_{t} + U_{g} h_{t-1} + b_{g} + b^{h}_{g}",
        ),
        (
            "d",
            "d_{t,j} = \\sigma\\left(\\sum_k W_{d,jk} x_{t,k} + w_{cd,j} \\cdot C_{t-1,j} + w_{ld,j} \\cdot C^{\\ell-1}_{t,j} + b_{d,j}\\right)",
            "d_{t} = \\sigma\\left(W_{d} x_{t} + w_{cd} \\odot C_{t-1} + w_{ld} \\odot C^{\\ell-1}_{t} + b_{d}\\right)",
        ),
        (
            "i",
            "i_{t,j} = \\sigma\\left(\\sum_k W_{i,jk} x_{t,k} + \\sum_k U_{i,jk} h_{t-1,k} + p_{i,j} \\cdot C_{t-1,j} + b_{i,j} + b^{h}_{i,j}\\right)",
            "i_{t} = \\sigma\\left(W_{i} x_{t} + U_{i} h_{t-1} + p_{i} \\odot C_{t-1} + b_{i} + b^{h}_{i}\\right)",
        ),
        (
            "f",
            "f_{t,j} = \\sigma\\left(\\sum_k W_{f,jk} x_{t,k} + \\sum_k U_{f,jk} h_{t-1,k} + p_{f,j} \\cdot C_{t-1,j} + b_{f,j} + b^{h}_{f,j}\\right)",
            "f_{t} = \\sigma\\left(W_{f} x_{t} + U_{f} h_{t-1} + p_{f} \\odot C_{t-1} + b_{f} + b^{h}_{f}\\right)",
        ),
        (
            "g",
            "\\tilde{C}_{t,j} = \\tanh\\left(\\sum_k W_{g,jk} x_{t,k} + \\sum_k U_{g,jk} h_{t-1,k} + b_{g,j} + b^{h}_{g,j}\\right)",
            "\\tilde{C}_{t} = \\tanh\\left(W_{g} x_{t} + U_{g} h_{t-1} + b_{g} + b^{h}_{g}\\right)",
        ),
        (
            "c",
            "C_{t,j} = d_{t,j} \\cdot C^{\\ell-1}_{t,j} + f_{t,j} \\cdot C_{t-1,j} + i_{t,j} \\cdot \\tilde{C}_{t,j}",
            "C_{t} = d_{t} \\odot C^{\\ell-1}_{t} + f_{t} \\odot C_{t-1} + i_{t} \\odot \\tilde{C}_{t}",
        ),
        (
            "a_o",
            "a^{o}_{t,j} = \\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + p_{o,j} \\cdot C_{t,j} + b_{o,j} + b^{h}_{o,j}",
            "a^{o}_{t} = W_{o} x_{t} + U_{o} h_{t-1} + p_{o} \\odot C_{t} + b_{o} + b^{h}_{o}",
        ),
        (
            "o",
            "o_{t,j} = \\sigma\\left(\\sum_k W_{o,jk} x_{t,k} + \\sum_k U_{o,jk} h_{t-1,k} + p_{o,j} \\cdot C_{t,j} + b_{o,j} + b^{h}_{o,j}\\right)",
            "o_{t} = \\sigma\\left(W_{o} x_{t} + U_{o} h_{t-1} + p_{o} \\odot C_{t} + b_{o} + b^{h}_{o}\\right)",
        ),
        (
            "h",
            "h_{t,j} = o_{t,j} \\cdot \\tanh\\left(C_{t,j}\\right)",
            "h_{t} = o_{t} \\odot \\tanh\\left(C_{t}\\right)",
        ),
    ),
}
