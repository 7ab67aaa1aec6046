"""FSRS scheduling on a fixed clock: ratings, persistence, undo, due items and the forecast."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from fsrs import Rating, State

from quizapp.study.schedule import ReviewScheduler, ScheduleError, forecast_counts, propose_rating
from quizapp.study.store import Store

NOW = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
GRU = "d:gru:pytorch:h:standard"
LSTM = "d:lstm:pytorch:c+h:standard"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "h.sqlite3", now=NOW, backup=False) as opened:
        yield opened


@pytest.mark.parametrize(
    ("score", "seconds", "expected_seconds", "rating"),
    [
        (0.0, 10, 60, Rating.Again),
        (0.49, 10, 60, Rating.Again),
        (0.5, 10, 60, Rating.Hard),  # partial pass, however fast
        (0.99, 60, 60, Rating.Hard),
        (1.0, 91, 60, Rating.Hard),  # perfect but slower than 1.5 x expected
        (1.0, 90, 60, Rating.Good),
        (1.0, 31, 60, Rating.Good),
        (1.0, 30, 60, Rating.Easy),  # perfect within half the expected time
        (1.0, 0, 60, Rating.Easy),
    ],
)
def test_propose_rating_table(
    score: float, seconds: float, expected_seconds: float, rating: Rating
) -> None:
    assert propose_rating(score, seconds, expected_seconds) is rating


@pytest.mark.parametrize(("args", "name"), [((1.2, 1, 1), "score"), ((1, -1, 1), "seconds"),
                                             ((1, 1, 0), "expected_seconds")])  # fmt: skip
def test_propose_rating_refuses_bad_arguments(args: tuple[float, float, float], name: str) -> None:
    with pytest.raises(ScheduleError, match=name):
        propose_rating(*args)


def test_good_is_due_later_than_again(store: Store) -> None:
    scheduler = ReviewScheduler(store, enable_fuzzing=False)
    again = scheduler.review(GRU, Rating.Again, NOW)
    good = scheduler.review(LSTM, Rating.Good, NOW)
    # fsrs' default learning steps are 1 and 10 minutes: Again repeats step 0, Good moves to step 1.
    assert again.due == NOW + timedelta(minutes=1)
    assert good.due == NOW + timedelta(minutes=10)
    assert again.state is State.Learning
    easy = scheduler.review("q:gates-1", Rating.Easy, NOW)
    assert easy.state is State.Review and easy.due >= NOW + timedelta(days=1)


def test_cards_persist_across_reopening(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with Store.open(path, now=NOW, backup=False) as store:
        outcome = ReviewScheduler(store, enable_fuzzing=False).review(GRU, Rating.Good, NOW)
    with Store.open(path, now=NOW, backup=False) as store:
        card = ReviewScheduler(store).card(GRU)
        assert card is not None and card.due == outcome.due and card.step == 1


def test_undo_restores_the_previous_card(store: Store) -> None:
    scheduler = ReviewScheduler(store, enable_fuzzing=False)
    scheduler.review(GRU, Rating.Good, NOW)
    first = scheduler.card(GRU)
    assert first is not None
    scheduler.review(GRU, Rating.Good, NOW + timedelta(minutes=10))
    second = scheduler.card(GRU)
    assert second is not None and second.to_dict() != first.to_dict()
    assert scheduler.undo_last_review() == GRU
    restored = scheduler.card(GRU)
    assert restored is not None and restored.to_dict() == first.to_dict()
    assert store.due_item_keys(NOW + timedelta(minutes=10)) == [GRU]
    assert scheduler.undo_last_review() == GRU
    assert scheduler.card(GRU) is None  # back to a new item
    assert scheduler.undo_last_review() is None


def test_due_items_overdue_first_then_offered_new_items(store: Store) -> None:
    scheduler = ReviewScheduler(store, enable_fuzzing=False)
    scheduler.review(GRU, Rating.Again, NOW)  # due at +1 min
    scheduler.review(LSTM, Rating.Good, NOW)  # due at +10 min
    scheduler.review("q:a", Rating.Again, NOW - timedelta(minutes=5))  # due at -4 min
    later = NOW + timedelta(minutes=5)
    assert scheduler.due_items(later, 10) == ["q:a", GRU]
    offered = ["q:new-1", GRU, LSTM, "q:new-2", "q:new-3"]
    assert scheduler.due_items(later, 4, offered) == ["q:a", GRU, "q:new-1", "q:new-2"]
    assert scheduler.due_items(later, 1, offered) == ["q:a"]
    assert scheduler.due_items(NOW + timedelta(minutes=10), 10) == ["q:a", GRU, LSTM]


def test_higher_desired_retention_gives_shorter_intervals(tmp_path: Path) -> None:
    dues = []
    for retention in (0.8, 0.97):
        with Store.open(tmp_path / f"h{retention}.sqlite3", now=NOW, backup=False) as store:
            scheduler = ReviewScheduler(store, desired_retention=retention, enable_fuzzing=False)
            assert scheduler.desired_retention == retention
            moment = NOW
            for _ in range(4):
                moment = scheduler.review(GRU, Rating.Good, moment).due
            dues.append(moment)
    assert dues[1] < dues[0]
    with Store.open(tmp_path / "x.sqlite3", backup=False) as store, pytest.raises(ScheduleError):
        ReviewScheduler(store, desired_retention=1.5)


def test_forecast_counts_by_local_day() -> None:
    zone = timezone(timedelta(hours=-5))
    now = datetime(2024, 5, 1, 20, 0, tzinfo=zone)  # 2024-05-02 01:00 UTC
    dues = [
        datetime(2024, 4, 20, tzinfo=UTC),  # overdue: counted today
        datetime(2024, 5, 2, 3, 0, tzinfo=UTC),  # 22:00 on May 1 locally: today
        datetime(2024, 5, 2, 5, 0, tzinfo=UTC),  # 00:00 on May 2 locally: tomorrow
        datetime(2024, 5, 4, 12, 0, tzinfo=UTC),  # May 4: outside a 3-day window
    ]
    assert forecast_counts(dues, now, 3) == [
        (date(2024, 5, 1), 2),
        (date(2024, 5, 2), 1),
        (date(2024, 5, 3), 0),
    ]


def test_scheduler_forecast_uses_stored_cards(store: Store) -> None:
    scheduler = ReviewScheduler(store, enable_fuzzing=False)
    scheduler.review(GRU, Rating.Again, NOW)
    scheduler.review(LSTM, Rating.Good, NOW)
    easy = scheduler.review("q:a", Rating.Easy, NOW)
    days = (easy.due.date() - NOW.date()).days
    forecast = scheduler.forecast(NOW, days + 1)
    assert forecast[0] == (NOW.date(), 2)
    assert forecast[-1] == (easy.due.date(), 1)
    assert sum(count for _, count in forecast) == 3
    with pytest.raises(ScheduleError, match="time zone"):
        scheduler.forecast(datetime(2024, 5, 1), 3)
