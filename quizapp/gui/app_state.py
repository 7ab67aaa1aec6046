"""The application's settings as a Qt object: every change is saved and announced.

Views read ``state.settings`` and listen to ``settings_changed``; changing the interface language or
the theme is applied to the whole application here, in one place. With the theme "system", a switch
of the platform's colour scheme while the app runs is followed at once. ``colors_changed`` tells
widgets that draw with theme colours outside Qt's palette (the statistics charts) to draw again.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from quizapp import settings as settings_module
from quizapp.gui import theme, translations
from quizapp.settings import Settings

log = logging.getLogger(__name__)


class AppState(QObject):
    """Holds the current ``Settings``; ``update`` checks, applies, saves and announces changes."""

    settings_changed = Signal(object)  # Settings
    colors_changed = Signal()

    def __init__(self, settings: Settings, *, persist: bool = True) -> None:
        super().__init__()
        self._settings = settings
        self._persist = persist
        self._following_system = False

    @property
    def settings(self) -> Settings:
        """The current settings."""
        return self._settings

    def apply_to_application(self) -> None:
        """Install the language, theme and font size of the current settings."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            raise RuntimeError("AppState needs a QApplication")
        translations.set_language(self._settings.interface_language)
        theme.apply_theme(app, self._settings.theme, self._settings.font_size)
        if not self._following_system:
            QGuiApplication.styleHints().colorSchemeChanged.connect(self.system_scheme_changed)
            self._following_system = True

    def stop_following_system(self) -> None:
        """Stop reacting to the platform's colour scheme (the window this state served closed)."""
        if self._following_system:
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(self.system_scheme_changed)
            self._following_system = False

    def system_scheme_changed(self, scheme: Qt.ColorScheme | None = None) -> None:
        """The platform switched between light and dark: follow it when the theme is "system"."""
        del scheme  # theme.resolve asks the platform itself
        app = QApplication.instance()
        if self._settings.theme != "system" or not isinstance(app, QApplication):
            return
        self._apply_theme(app, "system", self._settings.font_size)

    def _apply_theme(self, app: QApplication, name: str, font_size: int) -> None:
        """Apply a theme; ``colors_changed`` when its colours differ from those shown."""
        before = theme.current_colors()
        if theme.apply_theme(app, name, font_size) != before:
            self.colors_changed.emit()

    def update(self, **changes: Any) -> Settings:
        """Change some settings (ValueError for a bad value), apply what affects the whole app,
        save them and emit ``settings_changed``."""
        old = self._settings
        new = old.replace(**changes)
        if new == old:
            return old
        self._settings = new
        app = QApplication.instance()
        if isinstance(app, QApplication):
            if new.interface_language != old.interface_language:
                translations.set_language(new.interface_language)
            if (new.theme, new.font_size) != (old.theme, old.font_size):
                self._apply_theme(app, new.theme, new.font_size)
        if self._persist:
            try:
                settings_module.save(new)
            except OSError:
                log.exception("could not save the settings")
        self.settings_changed.emit(new)
        return new
