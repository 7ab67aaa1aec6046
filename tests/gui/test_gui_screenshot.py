"""``quizapp gui --screenshot``: every view builds and saves a PNG of the asked size."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_fixtures import _shared_formula_cache, formula_cache  # noqa: F401 - fixtures
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from quizapp import paths
from quizapp.cli import main
from quizapp.gui import theme, translations
from quizapp.gui.screenshot import ScreenshotError, ScreenshotOptions, parse_size, take_screenshot
from quizapp.settings import DEFAULTS
from quizapp.study.store import Store


@pytest.fixture(autouse=True)
def _reset(qtbot: QtBot) -> object:
    del qtbot
    yield None
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    translations.set_language("en")
    if isinstance(app, QApplication):
        theme.apply_theme(app, "light", DEFAULTS.font_size)


def test_answered_drill_screenshot(tmp_path: Path) -> None:
    file = tmp_path / "drill.png"
    options = ScreenshotOptions(file=file, view="drill", answered=True, size=(1024, 700))
    assert take_screenshot(options) == file
    image = QImage(str(file))
    assert (image.width(), image.height()) == (1024, 700)


@pytest.mark.parametrize("view", ["home", "settings", "diagram"])
def test_cli_screenshot_of_each_view(tmp_path: Path, view: str) -> None:
    file = tmp_path / f"{view}.png"
    status = main(
        [
            "gui",
            "--screenshot",
            str(file),
            "--view",
            view,
            "--lang",
            "zh",
            "--theme",
            "dark",
            "--size",
            "1100x760",
        ]
    )
    assert status == 0
    assert QImage(str(file)).width() == 1100


def test_cli_screenshot_at_a_font_size(tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    file = tmp_path / "home.png"
    status = main(["gui", "--screenshot", str(file), "--view", "home", "--font-size", "18"])
    assert status == 0 and file.is_file()
    app = QApplication.instance()
    assert isinstance(app, QApplication) and app.font().pointSize() == 18
    with pytest.raises(SystemExit) as refused:
        main(["gui", "--screenshot", str(file), "--font-size", "15"])
    assert refused.value.code == 2


def test_unknown_question_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ScreenshotError, match="no-such-id"):
        take_screenshot(
            ScreenshotOptions(file=tmp_path / "q.png", view="question", question="no-such-id")
        )


def test_parse_size() -> None:
    assert parse_size("1280x860") == (1280, 860)
    with pytest.raises(ValueError, match="WIDTHxHEIGHT"):
        parse_size("big")


@pytest.mark.parametrize("view", ["stats", "summary", "mock"])
def test_study_views_with_demo_history_leave_the_data_folder_alone(
    tmp_path: Path, view: str
) -> None:
    file = tmp_path / f"{view}.png"
    options = ScreenshotOptions(file=file, view=view, size=(1100, 700), demo_history=True)
    assert take_screenshot(options) == file
    assert QImage(str(file)).width() == 1100
    assert not paths.database_path().exists()


def test_review_view_writes_demo_history_only_into_an_empty_data_folder(tmp_path: Path) -> None:
    status = main(["gui", "--screenshot", str(tmp_path / "r.png"), "--view", "review"])
    assert status == 0
    with Store.open(backup=False) as store:
        assert store.attempt_count() > 50  # the simulated three weeks
        before = store.attempt_count()
    # Now the folder holds a history: a second screenshot refuses to write into it.
    with pytest.raises(ScreenshotError, match="--demo-history"):
        take_screenshot(ScreenshotOptions(file=tmp_path / "s.png", view="stats"))
    with Store.open(backup=False) as store:
        assert store.attempt_count() == before


def test_answered_mock_screenshot_shows_the_report_asking_for_confirmation(
    tmp_path: Path,
) -> None:
    file = tmp_path / "mock.png"
    options = ScreenshotOptions(
        file=file, view="mock", answered=True, size=(1100, 700), demo_history=True
    )
    assert take_screenshot(options) == file
    assert QImage(str(file)).height() == 700
    assert not paths.database_path().exists()


def test_parse_size_refuses_sizes_beyond_4096(capsys: pytest.CaptureFixture[str]) -> None:
    assert parse_size("4096x4096") == (4096, 4096)
    with pytest.raises(ValueError, match=r"at most 4096x4096"):
        parse_size("20000x20000")
    with pytest.raises(ValueError, match=r"at most 4096x4096"):
        parse_size("1280x4097")
    with pytest.raises(ValueError, match="WIDTHxHEIGHT"):
        parse_size("１２８０x860")  # full-width digits are not a size
    assert main(["gui", "--screenshot", "out.png", "--size", "20000x20000"]) == 2
    error = capsys.readouterr().err
    assert "--size" in error and "at most 4096x4096" in error and "Traceback" not in error


def test_a_too_large_size_given_directly_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "big.png"
    with pytest.raises(ScreenshotError, match=r"at most 4096x4096"):
        take_screenshot(ScreenshotOptions(file=file, view="home", size=(20000, 20000)))
    assert not file.exists()


def test_screenshot_never_creates_missing_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "missing" / "deeper" / "home.png"
    with pytest.raises(ScreenshotError, match=r"the folder .*missing.* does not exist"):
        take_screenshot(ScreenshotOptions(file=file, view="home"))
    assert not (tmp_path / "missing").exists()
    assert main(["gui", "--screenshot", str(file), "--view", "home"]) == 1
    error = capsys.readouterr().err
    assert "does not exist" in error and str(file.parent) in error
    assert not (tmp_path / "missing").exists()
    a_file = tmp_path / "plain.txt"
    a_file.write_text("not a folder", encoding="utf-8")
    with pytest.raises(ScreenshotError, match="is not a folder"):
        take_screenshot(ScreenshotOptions(file=a_file / "home.png", view="home"))
    with pytest.raises(ScreenshotError, match="is a folder"):
        take_screenshot(ScreenshotOptions(file=tmp_path, view="home"))
