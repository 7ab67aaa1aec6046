"""Parameter counts and framework tensor shapes, from the formulas of the cells spec.

With N = n(n + d), a cell with G blocks has G(N + n) parameters with one bias per block and G(N + 2n)
with PyTorch's two. Stacked layer l > 1 reads n inputs (2n when bidirectional); bidirectional doubles
every layer. PyTorch's ``nn.LSTM(proj_size=p)`` projects h to p, so the recurrent input is p wide.
The modern cells (one head, one bias per block, sizes as in ``engine.modern.shapes``) are counted in
``MODERN_COUNTS``; the SSM's output is d wide, so its stacked layers keep reading d inputs.
"""

from __future__ import annotations

from engine.errors import EngineError, UnknownNameError

# Blocks (gates plus candidate) for the cells whose count follows G(N + n).
BLOCKS: dict[str, int] = {"rnn": 1, "lstm": 4, "gru": 3, "cifg": 3, "mgu": 2}
COUNTED_CELLS: tuple[str, ...] = (
    "rnn", "lstm", "gru", "peephole", "cifg", "mgu", "sru", "clockwork", "depth_gated",
)  # fmt: skip
TORCH_MODULES: tuple[str, ...] = ("RNN", "LSTM", "GRU")


def _modern_count(cell: str, d: int, n: int) -> int:
    """Parameters of one modern cell (n: hidden width, head dimension, state size N or key width)."""
    if cell == "mingru":  # W_z, W_h and their biases
        return 2 * n * (d + 1)
    if cell in ("minlstm", "linear_attention"):  # three projections with biases
        return 3 * n * (d + 1)
    if cell == "slstm":  # z, i, f, o: W (n×d), U (n×n), b (n)
        return 4 * n * (d + n + 1)
    if cell == "mlstm":  # q, k, v, o projections with biases; scalar gates ĩ, f̃ (w: d, b: 1)
        return 4 * n * (d + 1) + 2 * (d + 1)
    # ssm: W_Δ (d×d), b_Δ (d), W_B and W_C (N×d), A (d×N), D (d)
    return d * d + 2 * d + 3 * n * d


MODERN_COUNTS: tuple[str, ...] = ("mingru", "minlstm", "slstm", "mlstm", "ssm", "linear_attention")


def _check_positive(**sizes: int) -> None:
    for name, value in sizes.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise EngineError(f"{name} must be a non-negative whole number, got {value!r}")


def layer_param_count(
    cell: str, d: int, n: int, *, biases: int = 1, proj_size: int = 0, modules: int = 1
) -> int:
    """Parameters of one single-direction layer reading d inputs with n hidden units.

    The clockwork RNN's U is block upper-triangular over its ``modules`` equal modules, so only
    g(g+1)/2 of its g² blocks are parameters; the depth-gated LSTM is a peephole LSTM plus the depth
    gate's W_d (n×d), w_cd, w_ld and b_d (n each).
    """
    _check_positive(d=d, n=n, proj_size=proj_size)
    if biases not in (1, 2):
        raise EngineError(f"biases must be 1 or 2, got {biases!r}")
    if proj_size and cell != "lstm":
        raise EngineError("proj_size is only defined for the LSTM")
    if cell in MODERN_COUNTS:
        if biases != 1:
            raise EngineError(f"the {cell} cell is counted with one bias per block")
        return _modern_count(cell, d, n)
    if cell == "lstm" and proj_size:
        p = proj_size
        return 4 * n * d + 4 * n * p + 4 * n * biases + p * n
    if cell in BLOCKS:
        return BLOCKS[cell] * (n * (n + d) + biases * n)
    if cell == "peephole":
        if biases != 1:
            raise EngineError("the peephole LSTM is counted with one bias per gate")
        return 4 * (n * (n + d) + n) + 3 * n
    if cell == "clockwork":
        if modules < 1 or n % modules:
            raise EngineError(f"n={n} hidden units cannot be split into {modules} equal modules")
        size = n // modules
        recurrent = size * size * modules * (modules + 1) // 2
        return n * d + recurrent + biases * n
    if cell == "depth_gated":
        if biases != 1:
            raise EngineError("the depth-gated LSTM is counted with one bias per gate")
        return 4 * (n * (n + d) + n) + 3 * n + n * d + 3 * n
    if cell == "sru":
        if biases != 1:
            raise EngineError("the SRU is counted with one bias per gate")
        if d != n:
            raise EngineError(f"the SRU highway needs d = n, got d={d}, n={n}")
        return 3 * n * d + 4 * n
    known = (*COUNTED_CELLS, *MODERN_COUNTS)
    raise UnknownNameError(f"unknown cell {cell!r} for counting; expected one of {known}")


def param_count(
    cell: str,
    d: int,
    n: int,
    *,
    biases: int = 1,
    bidirectional: bool = False,
    num_layers: int = 1,
    proj_size: int = 0,
    modules: int = 1,
) -> int:
    """Total parameters of a (possibly stacked, bidirectional) recurrent layer stack
    (``modules``: the clockwork RNN's number of modules)."""
    _check_positive(num_layers=num_layers)
    if num_layers < 1:
        raise EngineError(f"num_layers must be at least 1, got {num_layers}")
    directions = 2 if bidirectional else 1
    out_width = proj_size if proj_size else (d if cell == "ssm" else n)
    total = 0
    for layer in range(num_layers):
        layer_input = d if layer == 0 else directions * out_width
        total += directions * layer_param_count(
            cell, layer_input, n, biases=biases, proj_size=proj_size, modules=modules
        )
    return total


def torch_shapes(
    module: str,
    *,
    input_size: int,
    hidden_size: int,
    batch: int,
    seq_len: int,
    num_layers: int = 1,
    bidirectional: bool = False,
    batch_first: bool = False,
    proj_size: int = 0,
) -> dict[str, tuple[int, ...]]:
    """Shapes PyTorch's ``nn.RNN/LSTM/GRU`` returns for a batched input.

    ``output`` is (N, L, D·H_out) with batch_first, else (L, N, D·H_out); ``h_n`` is
    (num_layers·D, N, H_out) whatever batch_first says; the LSTM's ``c_n`` keeps hidden_size.
    """
    if module not in TORCH_MODULES:
        raise UnknownNameError(f"unknown module {module!r}; expected one of {TORCH_MODULES}")
    _check_positive(
        input_size=input_size,
        hidden_size=hidden_size,
        batch=batch,
        seq_len=seq_len,
        num_layers=num_layers,
        proj_size=proj_size,
    )
    if proj_size and module != "LSTM":
        raise EngineError("proj_size is only defined for nn.LSTM")
    if proj_size and proj_size >= hidden_size:
        raise EngineError(f"proj_size must be smaller than hidden_size, got {proj_size}")
    directions = 2 if bidirectional else 1
    h_out = proj_size if proj_size else hidden_size
    output = (
        (batch, seq_len, directions * h_out)
        if batch_first
        else (seq_len, batch, directions * h_out)
    )
    shapes: dict[str, tuple[int, ...]] = {
        "output": output,
        "h_n": (num_layers * directions, batch, h_out),
    }
    if module == "LSTM":
        shapes["c_n"] = (num_layers * directions, batch, hidden_size)
    return shapes
