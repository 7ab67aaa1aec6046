"""A small simulated study history, for screenshots of the study screens (never the real history).

Three weeks of sessions ending yesterday: drills on RNN, LSTM, GRU, minGRU and mLSTM and questions
from the bank, scores that improve with practice, a few catalogued mistakes, and FSRS reviews so
that some items are due today. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from questions.schema import Question
from quizapp.gui.drill_plan import DrillPlan
from quizapp.study.modes import drill_session_items
from quizapp.study.schedule import ReviewScheduler, propose_rating
from quizapp.study.session import StudyItem
from quizapp.study.store import Attempt, Store, StudyMode

DAYS = 21
# Mistakes a learner plausibly makes on each cell (ids of quizapp.drills.MISTAKES).
CELL_MISTAKES: dict[str, tuple[str, ...]] = {
    "rnn": ("rnn-wrong-activation", "no-recurrent", "transposed-weight"),
    "lstm": ("h-no-tanh", "cell-swap-fi", "gate-order", "h-old-cell"),
    "gru": ("gru-z-swapped", "gru-reset-before", "gru-no-carry"),
    "mingru": ("mingru-update-swapped", "mingru-gate-reads-h"),
    "mlstm": ("mlstm-kv-order", "mlstm-key-unscaled"),
}
PLANS = (
    DrillPlan(("rnn",), ("h",), "standard"),
    DrillPlan(("lstm",), ("c", "h"), "standard"),
    DrillPlan(("gru",), ("h",), "standard"),
    DrillPlan(("lstm",), ("h",), "whiteboard"),
    DrillPlan(("mingru",), ("h",), "standard"),
    DrillPlan(("mlstm",), ("C", "h"), "standard"),
)


def _attempt(item: StudyItem, score: float, seconds: float, mistakes: tuple[str, ...],
             at: datetime, mode: StudyMode, session_id: int) -> Attempt:  # fmt: skip
    template = item.template
    return Attempt(
        item_key=item.key,
        item_kind=item.kind,
        subject=item.subject,
        quantities=template.quantities if template is not None else (),
        difficulty=template.difficulty if template is not None else None,
        seed=item.seed,
        answer="{}" if template is not None else "(simulated)",
        read_as="",
        score=score,
        mistakes=mistakes,
        duration_seconds=seconds,
        answered_at=at,
        mode=mode,
        session_id=session_id,
    )


def write_demo_history(
    store: Store, questions: Sequence[Question], now: datetime, seed: int = 5
) -> int:
    """Write the simulated history into ``store`` (ending the day before ``now``); returns the
    number of answers written."""
    rng = random.Random(seed)
    scheduler = ReviewScheduler(store, enable_fuzzing=False)
    bank = [q for q in questions if q.type != "free_text"]
    written = 0
    start = (now - timedelta(days=DAYS)).replace(hour=19, minute=0, second=0, microsecond=0)
    for day in range(DAYS):
        if rng.random() < 0.25:  # a few days off
            continue
        moment = start + timedelta(days=day, minutes=rng.randint(0, 90))
        skill = 0.45 + 0.45 * day / DAYS  # answers improve with practice
        mode = StudyMode.REVIEW if day % 3 else StudyMode.DRILL
        session_id = store.start_session(mode, moment)
        items: list[StudyItem] = []
        for plan in rng.sample(PLANS, 2):
            items += drill_session_items(plan.spec_for, 2, rng)
        items += [StudyItem.of_question(q) for q in rng.sample(bank, min(3, len(bank)))]
        for item in items:
            score = 1.0 if rng.random() < skill else rng.choice((0.0, 0.5))
            mistakes: tuple[str, ...] = ()
            if score < 1.0 and item.template is not None:
                mistakes = (rng.choice(CELL_MISTAKES[item.template.cell]),)
            seconds = rng.uniform(40, 160) if item.template is not None else rng.uniform(15, 70)
            moment += timedelta(seconds=seconds + 5)
            store.record_attempt(_attempt(item, score, seconds, mistakes, moment, mode, session_id))
            rating = propose_rating(score, seconds, 90.0 if item.template is not None else 40.0)
            scheduler.review(item.key, rating, moment, seconds)
            written += 1
        store.end_session(session_id, moment)
    return written
