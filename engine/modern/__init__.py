"""The modern recurrent cells (minGRU, minLSTM, sLSTM, mLSTM, a selective SSM step, linear attention).

Each step is a pure function of one example returning a frozen ``StepRecord``; ``engine.step`` checks the
input and dispatches here. Shapes and names live in ``engine.modern.shapes``; docs/cells-modern.md gives
the equations, their sources and the conventions.
"""
