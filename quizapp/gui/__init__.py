"""The PySide6 desktop app: the only package of quizapp that imports Qt."""
