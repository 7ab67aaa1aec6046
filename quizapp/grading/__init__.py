"""Grading of answers: reading typed text, comparing numbers, expressions and free text."""
