"""Screens of the desktop app: home, drill, question review, settings, shortcuts."""
