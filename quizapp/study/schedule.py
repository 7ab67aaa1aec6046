"""Spaced repetition with FSRS (the ``fsrs`` package): one card per study item, kept in the store.

``propose_rating`` turns a graded attempt into an FSRS rating; ``ReviewScheduler`` reviews cards,
undoes the last review, lists due items and forecasts the coming days. Every function takes ``now``
explicitly so that tests run on a fixed clock.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

from quizapp.study import StudyError
from quizapp.study.items import parse_item_key
from quizapp.study.store import Store, StoreError

# An answer this much slower than expected is "Hard"; this much faster (and perfect) is "Easy".
SLOW_FACTOR = 1.5
FAST_FACTOR = 0.5
PASS_SCORE = 0.5
_PERFECT = 1.0 - 1e-9


class ScheduleError(StudyError, ValueError):
    """A scheduling argument is out of range."""


def propose_rating(score: float, seconds: float, expected_seconds: float) -> Rating:
    """The rating a graded attempt suggests (the learner may override it).

    Again below a score of 0.5; Hard for a partial pass (0.5 <= score < 1) or a perfect answer
    slower than 1.5 x ``expected_seconds``; Easy for a perfect answer within 0.5 x
    ``expected_seconds``; Good otherwise.
    """
    if not 0.0 <= score <= 1.0:
        raise ScheduleError(f"propose_rating: score {score} is outside 0..1")
    if seconds < 0:
        raise ScheduleError(f"propose_rating: seconds {seconds} is negative")
    if expected_seconds <= 0:
        raise ScheduleError(f"propose_rating: expected_seconds {expected_seconds} must be > 0")
    if score < PASS_SCORE:
        return Rating.Again
    if score < _PERFECT or seconds > SLOW_FACTOR * expected_seconds:
        return Rating.Hard
    if seconds <= FAST_FACTOR * expected_seconds:
        return Rating.Easy
    return Rating.Good


def _utc(now: datetime) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ScheduleError(f"time {now!r} has no time zone; expected an aware datetime")
    # fsrs insists on tzinfo being exactly timezone.utc.
    return now.astimezone(UTC)


def forecast_counts(
    due_times: Iterable[datetime], now: datetime, days: int
) -> list[tuple[date, int]]:
    """Cards due on each of ``days`` days starting with ``now``'s day (in ``now``'s time zone).

    The first day also counts every overdue card.
    """
    if days < 1:
        raise ScheduleError(f"forecast: days must be at least 1, got {days}")
    zone = now.tzinfo
    today = now.date()
    counts = [0] * days
    for due in due_times:
        offset = (due.astimezone(zone).date() - today).days
        if offset < days:
            counts[max(offset, 0)] += 1
    return [(today + timedelta(days=n), count) for n, count in enumerate(counts)]


@dataclass(frozen=True)
class ReviewOutcome:
    """What a review did: the rating given and when the item comes back."""

    item_key: str
    rating: Rating
    state: State
    due: datetime
    review_id: int


class ReviewScheduler:
    """FSRS scheduling of study items, with cards and the review log persisted in ``store``."""

    def __init__(
        self,
        store: Store,
        *,
        desired_retention: float = 0.9,
        enable_fuzzing: bool = True,
        maximum_interval_days: int = 36500,
    ) -> None:
        if not 0.0 < desired_retention < 1.0:
            raise ScheduleError(f"desired_retention {desired_retention} must be between 0 and 1")
        self._store = store
        self._fsrs = Scheduler(
            desired_retention=desired_retention,
            enable_fuzzing=enable_fuzzing,
            maximum_interval=maximum_interval_days,
        )

    @property
    def desired_retention(self) -> float:
        return float(self._fsrs.desired_retention)

    def card(self, item_key: str) -> Card | None:
        """The item's current FSRS card, or ``None`` if it was never reviewed."""
        text = self._store.card_json(item_key)
        return None if text is None else Card.from_json(text)

    def review(
        self,
        item_key: str,
        rating: Rating,
        now: datetime,
        duration_seconds: float | None = None,
    ) -> ReviewOutcome:
        """Review the item's card (creating it if new) and persist card and log together."""
        parse_item_key(item_key)  # refuse keys that no attempt could ever carry
        moment = _utc(now)
        before_text = self._store.card_json(item_key)
        before = (
            Card.from_json(before_text)
            if before_text is not None
            # A stable id per item, instead of fsrs' default (creation time in ms, with a sleep).
            else Card(card_id=zlib.crc32(item_key.encode("utf-8")), due=moment)
        )
        duration_ms = None if duration_seconds is None else round(duration_seconds * 1000)
        after, _log = self._fsrs.review_card(
            before, Rating(rating), review_datetime=moment, review_duration=duration_ms
        )
        review_id = self._store.save_review(
            item_key,
            int(rating),
            moment,
            duration_ms,
            before_text,
            after.to_json(),
            after.due,
        )
        return ReviewOutcome(item_key, Rating(rating), after.state, after.due, review_id)

    def undo_last_review(self) -> str | None:
        """Restore the card reviewed last to its previous state; returns its key (None: nothing)."""
        last = self._store.last_review()
        if last is None:
            return None
        before_due = None if last.card_before is None else Card.from_json(last.card_before).due
        self._store.undo_review(last, before_due)
        return last.item_key

    def undo_review(self, review_id: int) -> str:
        """Restore the card of one of this learner's own reviews to its state before it; returns
        its key. Raises ``StoreError`` (nothing changed) when that review is gone or the item was
        reviewed again since, e.g. by another process sharing the history."""
        review = self._store.review(review_id)
        if review is None:
            raise StoreError(
                f"cannot undo review {review_id}: it is no longer in the history (undone already?)"
            )
        before_due = None if review.card_before is None else Card.from_json(review.card_before).due
        self._store.undo_review(review, before_due)
        return review.item_key

    def due_items(self, now: datetime, limit: int, new_items: Sequence[str] = ()) -> list[str]:
        """Up to ``limit`` item keys to review at ``now``: due cards (most overdue first), then
        those of ``new_items`` (offered by the caller, in its order) that have no card yet."""
        if limit < 0:
            raise ScheduleError(f"due_items: limit must be >= 0, got {limit}")
        chosen = self._store.due_item_keys(_utc(now), limit)
        if len(chosen) < limit and new_items:
            known = self._store.card_item_keys()
            taken = set(chosen)
            for key in new_items:
                if len(chosen) >= limit:
                    break
                if key not in known and key not in taken:
                    chosen.append(key)
                    taken.add(key)
        return chosen

    def forecast(self, now: datetime, days: int) -> list[tuple[date, int]]:
        """Reviews due on each of the next ``days`` days (today includes overdue cards)."""
        _utc(now)
        return forecast_counts(self._store.card_due_times(), now, days)
