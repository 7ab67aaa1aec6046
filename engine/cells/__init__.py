"""One module per family of cells; each step is a pure function returning a StepRecord."""
