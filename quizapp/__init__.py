"""quizapp: drills and interview questions on recurrent networks (application layer)."""

__version__ = "0.1.0"
