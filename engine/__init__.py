"""The NumPy engine: forward and backward steps of every recurrent cell in the spec (no Qt).

Public entry points: ``step`` (one forward step of any cell, returning a frozen ``StepRecord``),
``backward`` (one backward step of rnn, lstm and gru), parameter helpers in ``engine.params``, the
PyTorch and Keras layouts in ``engine.layouts``, and counts in ``engine.counts``. The modern cells
(``MODERN_CELLS``: minGRU, minLSTM, sLSTM, mLSTM, a selective SSM step, linear attention) go through the
same ``step`` with a ``state`` mapping (``STATE_KEYS``); ``engine.scan`` holds the parallel scan.
"""

from engine.errors import EngineError, NonFiniteError, ShapeError, UnknownNameError
from engine.modern.shapes import MODERN_CELLS, STATE_KEYS
from engine.modern.step import next_state
from engine.params import CELLS, CONVENTIONS, GATES, check_params, param_shapes, random_params
from engine.record import OUTPUT_KEYS, StepRecord
from engine.step import step

__all__ = [
    "CELLS",
    "CONVENTIONS",
    "GATES",
    "MODERN_CELLS",
    "OUTPUT_KEYS",
    "STATE_KEYS",
    "EngineError",
    "NonFiniteError",
    "ShapeError",
    "StepRecord",
    "UnknownNameError",
    "check_params",
    "next_state",
    "param_shapes",
    "random_params",
    "step",
]
