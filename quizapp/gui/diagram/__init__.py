"""The cell diagram: Colah-style drawings of every cell, stepped through stage by stage.

``layout`` (no Qt) describes each cell as data; ``widget.CellDiagram`` draws it.
"""
