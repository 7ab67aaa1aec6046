"""Names and shapes of the modern recurrent cells: parameters, state, conventions and output keys.

Sizes: ``d`` is the input width, ``n`` the cell's own size — the hidden width for mingru, minlstm and
slstm, the head dimension for mlstm (one head), the state size N for ssm and the key (= value) width for
linear_attention. Scalars of one head (the mLSTM's gates, biases and stabiliser) are arrays of shape (1,).
"""

from __future__ import annotations

MODERN_CELLS: tuple[str, ...] = ("mingru", "minlstm", "slstm", "mlstm", "ssm", "linear_attention")

# The first convention of each cell is its default.
MODERN_CONVENTIONS: dict[str, tuple[str, ...]] = {
    "mingru": ("paper", "log_space"),
    "minlstm": ("paper", "log_space", "unnormalised"),
    "slstm": ("sigmoid", "exp"),
    "mlstm": ("sigmoid", "exp"),
    "ssm": ("simplified", "zoh"),
}

# The recurrent state each step reads and returns (the record holds the new values under these keys).
STATE_KEYS: dict[str, tuple[str, ...]] = {
    "mingru": ("h",),
    "minlstm": ("h",),
    "slstm": ("h", "c", "n", "m"),
    "mlstm": ("C", "n", "m"),
    "ssm": ("h",),
    "linear_attention": ("S", "z"),
}

# Keys a drill asks for, in computation order (every record of the cell holds them in every convention).
MODERN_OUTPUT_KEYS: dict[str, tuple[str, ...]] = {
    "mingru": ("z", "h_tilde", "h"),
    "minlstm": ("f", "i", "f_prime", "i_prime", "h_tilde", "h"),
    "slstm": ("z", "i", "f", "o", "m", "i_prime", "f_prime", "c", "n", "h"),
    "mlstm": (
        "q",
        "k",
        "v",
        "i",
        "f",
        "o",
        "m",
        "i_prime",
        "f_prime",
        "C",
        "n",
        "den",
        "h_tilde",
        "h",
    ),
    "ssm": ("delta", "B", "C", "A_bar", "B_bar", "h", "y"),
    "linear_attention": ("phi_q", "phi_k", "v", "S", "z", "den", "y"),
}


def state_shapes(cell: str, d: int, n: int) -> dict[str, tuple[int, ...]]:
    """The shape of every state entry of ``cell`` (for d inputs and size n)."""
    if cell in ("mingru", "minlstm"):
        return {"h": (n,)}
    if cell == "slstm":
        return {"h": (n,), "c": (n,), "n": (n,), "m": (n,)}
    if cell == "mlstm":
        return {"C": (n, n), "n": (n,), "m": (1,)}
    if cell == "ssm":
        return {"h": (d, n)}
    return {"S": (n, n), "z": (n,)}  # linear_attention


def modern_param_shapes(cell: str, d: int, n: int) -> dict[str, tuple[int, ...]]:
    """Every parameter of a modern ``cell`` with its shape (none is optional)."""
    if cell == "mingru":
        return {"W_z": (n, d), "b_z": (n,), "W_h": (n, d), "b_h": (n,)}
    if cell == "minlstm":
        return {"W_f": (n, d), "b_f": (n,), "W_i": (n, d), "b_i": (n,), "W_h": (n, d), "b_h": (n,)}
    if cell == "slstm":
        shapes: dict[str, tuple[int, ...]] = {}
        for k in ("z", "i", "f", "o"):
            shapes.update({f"W_{k}": (n, d), f"U_{k}": (n, n), f"b_{k}": (n,)})
        return shapes
    if cell == "mlstm":
        return {
            "W_q": (n, d), "b_q": (n,), "W_k": (n, d), "b_k": (n,), "W_v": (n, d), "b_v": (n,),
            "w_i": (d,), "b_i": (1,), "w_f": (d,), "b_f": (1,), "W_o": (n, d), "b_o": (n,),
        }  # fmt: skip
    if cell == "ssm":
        return {
            "W_delta": (d, d), "b_delta": (d,), "W_B": (n, d), "W_C": (n, d), "A": (d, n), "D": (d,),
        }  # fmt: skip
    return {"W_q": (n, d), "b_q": (n,), "W_k": (n, d), "b_k": (n,), "W_v": (n, d), "b_v": (n,)}
