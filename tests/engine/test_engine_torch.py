"""Cross-check against PyTorch's cells when torch happens to be installed (not a test dependency)."""

from __future__ import annotations

import numpy as np
import pytest

import engine
from engine.layouts import from_torch

torch = pytest.importorskip("torch")


@pytest.mark.parametrize("module", ["RNNCell", "LSTMCell", "GRUCell"])
@pytest.mark.parametrize("seed", range(5))
def test_agrees_with_torch_cells(module: str, seed: int) -> None:
    torch.manual_seed(seed)
    cell_module = getattr(torch.nn, module)(3, 4).double()
    with torch.no_grad():
        for parameter in cell_module.parameters():
            parameter.uniform_(-1.0, 1.0)  # non-zero biases on both sides
    x, h, c = (torch.randn(2, k, dtype=torch.float64) for k in (3, 4, 4))
    layout = {name: p.detach().numpy() for name, p in cell_module.named_parameters()}
    cell = module.removesuffix("Cell").lower()
    params = from_torch(cell, layout)
    if cell == "lstm":
        h_t, c_t = cell_module(x, (h, c))
        record = engine.step("lstm", params, x.numpy(), h.numpy(), c.numpy())
        np.testing.assert_allclose(record["c"], c_t.detach().numpy(), rtol=0, atol=1e-12)
    else:
        h_t = cell_module(x, h)
        record = engine.step(cell, params, x.numpy(), h.numpy())
    np.testing.assert_allclose(record["h"], h_t.detach().numpy(), rtol=0, atol=1e-12)
