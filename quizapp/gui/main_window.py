"""The main window: a navigation bar, a stack of named pages, the status line, global shortcuts.

Pages are registered by name (``register_page``) and the home screen takes further entries
(``add_home_entry``), so another screen (review, mock interview, statistics) plugs in with two
calls. Esc goes back to the previous page. Every page is registered as a factory and built when
first needed: a window shown with no page open opens home, and one opened straight into a drill
(``open_drills`` before ``show``) never builds the home page. That keeps start-up close to a bare
Qt window.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from questions.vocab import Lang
from quizapp.gui import keys
from quizapp.gui.app_state import AppState
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.question_deck import QuestionFilter, select
from quizapp.gui.theme import set_role
from quizapp.gui.widgets.nav_button import NavButton
from quizapp.settings import Settings

if TYPE_CHECKING:
    from questions.load import Problem
    from questions.schema import Question
    from quizapp.gui.drill_controller import DrillController
    from quizapp.gui.home_entry import HomeEntry
    from quizapp.gui.views.drill import DrillView
    from quizapp.gui.views.home import HomeView
    from quizapp.gui.views.question import QuestionView
    from quizapp.gui.views.settings_view import SettingsView

log = logging.getLogger(__name__)
PageT = TypeVar("PageT", bound=QWidget)

MINIMUM_SIZE = (1024, 700)
DEFAULT_SIZE = (1280, 860)


def first_window_size(available: tuple[int, int] | None) -> tuple[int, int]:
    """The window's size on a first start: ``DEFAULT_SIZE`` within the screen's available area
    (``None`` when unknown), never below ``MINIMUM_SIZE``."""
    width, height = DEFAULT_SIZE
    if available is not None:
        width, height = min(width, available[0]), min(height, available[1])
    return max(width, MINIMUM_SIZE[0]), max(height, MINIMUM_SIZE[1])


class MainWindow(QMainWindow):
    """The application window; ``closing`` is emitted when it closes (owners release files)."""

    closing = Signal()
    page_shown = Signal(str)  # the name of the page now on screen
    # Free practice, forwarded from the drill and question pages (built lazily) to whoever keeps
    # the history: (Drill, DrillGrade, answers, seconds) and (Question, QuestionGrade, answer,
    # seconds); a free-text score the learner changed by ticking: (Question, QuestionGrade).
    drill_practised = Signal(object, object, object, float)
    question_practised = Signal(object, object, str, float)
    question_rescored = Signal(object, object)
    # "Show the answer": (Drill, seconds) and (Question, seconds), recorded as misses.
    drill_revealed = Signal(object, float)
    question_revealed = Signal(object, float)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.pages = QStackedWidget()
        self._page_names: dict[str, QWidget] = {}
        self._page_factories: dict[str, Callable[[], QWidget]] = {}
        self._history: list[str] = []
        self._guards: dict[str, Callable[[], bool]] = {}
        self.rng = random.Random()  # the order of practice questions (tests may seed it)
        self._questions: tuple[Question, ...] | None = None
        self._question_problems: tuple[str, ...] = ()  # one English line per file (the log's)
        self._bank_problems: tuple[Problem | str, ...] = ()  # for the banner; str: load failed

        self.app_title = QLabel()
        set_role(self.app_title, "subheading")
        # Flat links, raised while focused (a flat button shows no focus ring).
        self.home_button = NavButton()
        self.settings_button = NavButton()
        self.help_button = NavButton()
        for button in (self.home_button, self.settings_button, self.help_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        nav = QHBoxLayout()
        nav.setContentsMargins(24, 10, 24, 0)
        nav.addWidget(self.app_title, 1)
        nav.addWidget(self.home_button)
        nav.addWidget(self.settings_button)
        nav.addWidget(self.help_button)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.setMinimumSize(*MINIMUM_SIZE)

        self._home_entries: list[HomeEntry] = []
        self._drill_controller: DrillController | None = None
        self.register_page("home", self._make_home_view)
        self.register_page("drill", self._make_drill_view)
        self.register_page("question", self._make_question_view)
        self.register_page("settings", self._make_settings_view)

        self.pages.currentChanged.connect(self._on_page_changed)
        self.home_button.clicked.connect(lambda: self.show_page("home"))
        self.settings_button.clicked.connect(lambda: self.show_page("settings"))
        self.help_button.clicked.connect(self.show_shortcuts)
        state.settings_changed.connect(self._on_settings_changed)
        window = Qt.ShortcutContext.WindowShortcut
        keys.bind(self, "another_drill", self.another_drill, context=window)
        keys.bind(self, "back", self.go_back, context=window)
        keys.bind(self, "quit", self.close, context=window)
        keys.bind(self, "help", self.show_shortcuts, context=window)
        keys.bind(self, "settings", lambda: self.show_page("settings"), context=window)
        self.restore_geometry(state.settings.window_geometry)
        self.retranslate()

    # --- pages --------------------------------------------------------------------------------

    def register_page(self, name: str, page: QWidget | Callable[[], QWidget]) -> None:
        """Add a page that ``show_page(name)`` can open: a widget, or a factory called when the
        page is first needed (``page(name)``, ``show_page(name)``)."""
        if name in self._page_names or name in self._page_factories:
            raise ValueError(f"a page named {name!r} is already registered")
        if isinstance(page, QWidget):
            self._page_names[name] = page
            self.pages.addWidget(page)
        else:
            self._page_factories[name] = page

    def page(self, name: str) -> QWidget:
        """The page registered as ``name`` (built now if it was registered as a factory)."""
        if name not in self._page_names:
            widget = self._page_factories[name]()  # KeyError for an unknown name, as before
            # A factory may have added this page already (one that builds its sibling pages).
            if name not in self._page_names:
                del self._page_factories[name]
                self._page_names[name] = widget
                self.pages.addWidget(widget)
        return self._page_names[name]

    def _page_as(self, name: str, kind: type[PageT]) -> PageT:
        """Page ``name`` (built now if needed), checked to be a ``kind``."""
        view = self.page(name)
        assert isinstance(view, kind)
        return view

    def page_built(self, name: str) -> bool:
        """Whether page ``name`` exists already (False while only its factory is registered)."""
        return name in self._page_names

    @property
    def home(self) -> HomeView:
        """The home page (built on first use)."""
        return self._page_as("home", _home_view_class())

    @property
    def drill(self) -> DrillView:
        """The drill page (built on first use, with its controller)."""
        return self._page_as("drill", _drill_view_class())

    @property
    def drill_controller(self) -> DrillController:
        """What drives the drill page: plan, drill, grade."""
        self.page("drill")
        assert self._drill_controller is not None
        return self._drill_controller

    def add_home_entry(self, entry: HomeEntry) -> None:
        """Offer another screen on the home screen (kept until the home page is built)."""
        self._home_entries.append(entry)
        if self.page_built("home"):
            self.home.add_entry(entry)

    def _make_home_view(self) -> QWidget:
        view = _home_view_class()(self.state)
        for entry in self._home_entries:
            view.add_entry(entry)
        if self._questions is not None:
            view.set_questions(self._questions)
        view.drills_requested.connect(self.open_drills)
        view.continue_requested.connect(lambda: self.show_page("drill"))
        view.questions_requested.connect(self.open_questions)
        return view

    def _make_drill_view(self) -> QWidget:
        from quizapp.gui.drill_controller import DrillController

        view = _drill_view_class()()
        self._drill_controller = DrillController(self.state, view, self)
        self._drill_controller.practised.connect(self.drill_practised)
        self._drill_controller.revealed.connect(self.drill_revealed)
        return view

    @property
    def question(self) -> QuestionView:
        """The question page (built on first use)."""
        return self._page_as("question", _question_view_class())

    @property
    def settings_page(self) -> SettingsView:
        """The settings page (built on first use)."""
        return self._page_as("settings", _settings_view_class())

    def _make_question_view(self) -> QWidget:
        view = _question_view_class()()
        view.set_language(self._content_language())
        view.practised.connect(self.question_practised)
        view.rescored.connect(self.question_rescored)
        view.revealed.connect(self.question_revealed)
        return view

    def _make_settings_view(self) -> QWidget:
        return _settings_view_class()(self.state)

    def current_page(self) -> str:
        """The name of the page on screen."""
        current = self.pages.currentWidget()
        for name, widget in self._page_names.items():
            if widget is current:
                return name
        return ""

    def show_page(self, name: str) -> None:
        """Open page ``name`` (remembered for Esc)."""
        current = self.current_page()
        if name == current:
            return
        widget = self.page(name)
        if current:
            self._history.append(current)
            del self._history[:-20]
        self.pages.setCurrentWidget(widget)

    def set_page_guard(self, name: str, can_enter: Callable[[], bool]) -> None:
        """Esc never goes back to page ``name`` while ``can_enter()`` is False (a study page whose
        session has ended would take input and drop it)."""
        self._guards[name] = can_enter

    def go_back(self) -> None:
        """Esc: the previous page that can still be entered (home when there is none)."""
        if self.current_page() == "home":
            return
        target = "home"
        while self._history:
            candidate = self._history.pop()
            guard = self._guards.get(candidate)
            if candidate != self.current_page() and (guard is None or guard()):
                target = candidate
                break
        self.pages.setCurrentWidget(self._page_names.get(target, self.home))  # visited: built

    def drill_unfinished(self) -> bool:
        """A drill is on the drill page with typed answers that were not submitted."""
        controller = self._drill_controller
        if controller is None or controller.drill is None or controller.grade is not None:
            return False
        return any(text.strip() for text in self.drill.sheet.answers_typed().values())

    def _on_page_changed(self) -> None:
        name = self.current_page()
        if name == "home":
            self.home.continue_drill.setVisible(self.drill_unfinished())
        self.page_shown.emit(name)

    # --- actions ------------------------------------------------------------------------------

    def open_drills(self, plan: DrillPlan, seed: int | None = None) -> bool:
        """Start drilling ``plan``; the drill page opens even if the first drill fails."""
        self.show_page("drill")
        return self.drill_controller.start(plan, seed)

    def another_drill(self) -> None:
        """Ctrl+N: another drill like this one (from home: start with the chosen plan)."""
        if self.current_page() == "drill":
            self.drill_controller.another()
        elif self.current_page() == "home":
            self.open_drills(self.home.current_plan())

    def questions(self) -> tuple[Question, ...]:
        """The bank and the user's packs (loaded on first use); problems are kept for the banner,
        one line per file with problems."""
        if self._questions is None:
            from quizapp.bank import load_questions, pack_notices

            try:
                result = load_questions()
            except Exception as error:  # a broken bank must not stop the app
                log.exception("the question bank could not be loaded")
                self._questions, self._question_problems = (), (str(error),)
                self._bank_problems = self._question_problems
            else:
                self._questions = result.questions
                self._question_problems = tuple(pack_notices(result.problems, terminal=False))
                self._bank_problems = result.problems  # the banner words them in its language
                for notice in self._question_problems:
                    log.info("%s", notice)
            if self.page_built("home"):
                self.home.set_questions(self._questions)
        return self._questions

    def open_questions(self, chosen: QuestionFilter, start: int = 0) -> None:
        """Practise the questions ``chosen`` selects, each once, in a fair shuffled order
        (topics and types take turns; ``quizapp.study.order.spread``)."""
        from quizapp.study.order import spread

        selected = spread(select(self.questions(), chosen), self.rng)
        self.question.set_questions(selected, self._content_language(), start)
        self.question.show_problems(self._bank_problems)
        self.show_page("question")

    def open_question_id(self, question_id: str) -> bool:
        """Open one question by id (``--question``); False if there is none."""
        bank = self.questions()
        for question in bank:
            if question.id == question_id:
                self.question.set_questions((question,), self._content_language())
                self.question.show_problems(self._bank_problems)
                self.show_page("question")
                return True
        return False

    def show_shortcuts(self) -> None:
        """F1 / ?: the shortcuts sheet."""
        from quizapp.gui.views.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def load_bank_later(self) -> None:
        """Load the question bank after the window is on screen (for the home screen's count)."""
        QTimer.singleShot(0, self.questions)

    def _content_language(self) -> Lang:
        return "zh" if self.state.settings.content_language == "zh" else "en"

    def _on_settings_changed(self, settings: Settings) -> None:
        if not self.page_built("question"):
            return  # built later with the language of that time
        self.question.set_language("zh" if settings.content_language == "zh" else "en")

    # --- window state -------------------------------------------------------------------------

    def restore_geometry(self, saved: str) -> bool:
        """Restore size and position saved by ``closeEvent`` (hex of Qt's geometry)."""
        if not saved:
            screen = self.screen()
            area = screen.availableGeometry() if screen is not None else None
            size = (area.width(), area.height()) if area is not None else None
            self.resize(*first_window_size(size))
            return False
        try:
            data = QByteArray.fromHex(saved.encode("ascii"))
        except UnicodeEncodeError:
            return False
        return bool(self.restoreGeometry(data))

    def saved_geometry(self) -> str:
        """The window's geometry as hex text for the settings file."""
        return bytes(self.saveGeometry().toHex().data()).decode("ascii")

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            self.state.update(window_geometry=self.saved_geometry())
        except ValueError:
            log.exception("could not keep the window geometry")
        super().closeEvent(event)
        if event.isAccepted():
            self.closing.emit()

    def showEvent(self, event: QShowEvent) -> None:
        if self.pages.currentWidget() is None:
            self.show_page("home")
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.DevicePixelRatioChange, QEvent.Type.ScreenChangeInternal):
            # Formulas are images: render them again at the new screen's pixel ratio.
            from quizapp.gui.widgets.math_label import MathLabel

            for label in self.findChildren(MathLabel):
                label.refresh()
        return handled

    def retranslate(self) -> None:
        """Interface texts of the window."""
        # Qt adds the application's display name ("… — quizapp"): the title does not repeat it.
        self.setWindowTitle(self.tr("Recurrent networks, by hand"))
        self.app_title.setText(self.tr("quizapp"))
        self.home_button.setText(self.tr("Home"))
        self.settings_button.setText(self.tr("Settings"))
        self.help_button.setText(self.tr("Shortcuts (F1)"))
        self.home_button.setAccessibleName(self.tr("Home"))
        self.settings_button.setAccessibleName(self.tr("Settings"))
        self.help_button.setAccessibleName(self.tr("Keyboard shortcuts"))


def _home_view_class() -> type[HomeView]:
    from quizapp.gui.views.home import HomeView

    return HomeView


def _drill_view_class() -> type[DrillView]:
    from quizapp.gui.views.drill import DrillView

    return DrillView


def _question_view_class() -> type[QuestionView]:
    from quizapp.gui.views.question import QuestionView

    return QuestionView


def _settings_view_class() -> type[SettingsView]:
    from quizapp.gui.views.settings_view import SettingsView

    return SettingsView
