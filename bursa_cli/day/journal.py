"""The day's journal: the one way an entry of the day reaches its log, at a desk or at the laptop induk.

An action is a function that records one entry against a `Day` (a check-in,
a stamp, a card) and returns its outcome, or raises its refusal. The journal
runs actions through the same locked, append-only path as ever, fsyncs each
log it touched once, and only then hands the outcomes back, so an outcome
of "recorded" always means the entry is on disk.

- `Journal.record` runs one action at once and returns its outcome: the
  terminal desks, a journal of one.
- `Journal.submit` queues an action for the one writer thread, which takes
  every action waiting, runs them in turn, syncs once and then answers them
  all: the laptop induk, where many desks write at the same moment.
"""

from __future__ import annotations

import queue
import threading
import time
from contextlib import ExitStack
from typing import Any, Callable, TypeVar

from ..schema.models import LOG_KINDS
from .actions import Duplicate
from .logwrite import group_commit, keep_locks, kind_locked, sync_with_group
from .state import Day

BATCH = 64  # actions answered together after one fsync per log file
HOLD = 5.0  # seconds the writer keeps every lock at most while entries keep coming
PAUSE = 0.06  # then a gap longer than the 0.05 s at which another process polls a lock
IDLE = 0.003  # seconds without an entry after which the writer lets the locks go

T = TypeVar("T")
Action = Callable[[], Any]
Deliver = Callable[[Any, "BaseException | None"], None]  # (outcome, refusal or failure), called once
Explain = Callable[[Exception], Any]  # a refusal raised by an action -> its outcome


class Journal:
    """The entries of one `Day`, written by whoever holds `lock` (the `Day`'s guard) at the time."""

    def __init__(self, day: Day, lock: threading.RLock | None = None):
        self.day = day
        self.lock = lock or threading.RLock()
        self._jobs: queue.Queue[tuple[Action, Deliver]] = queue.Queue()
        self._writer: threading.Thread | None = None

    # ---- a journal of one: the terminal desks

    def record(self, action: Callable[[], T]) -> T:
        """Run `action` now and return its outcome once its entry is on disk; its refusal is raised."""
        with self.lock, group_commit():
            return self._run(action)

    # ---- many desks at once: the laptop induk

    def submit(self, action: Action, deliver: Deliver, explain: Explain | None = None) -> None:
        """Queue `action`; `deliver(outcome, None)` or `deliver(None, error)` is called from the writer
        once the entry (or the entry that makes a resend "already recorded") is on disk.

        `explain(refusal)`, when given, turns what the action raised into its outcome (or raises it
        again), in the writer; a failure of the journal itself (a lock, a sync) is never explained.
        """
        self._jobs.put((self._explained(action, explain) if explain else action, deliver))
        if self._writer is None or not self._writer.is_alive():
            with self.lock:
                if self._writer is None or not self._writer.is_alive():
                    self._writer = threading.Thread(target=self._write_loop, name="penulis-log", daemon=True)
                    self._writer.start()

    def _write_loop(self) -> None:
        """The one writer: takes every action waiting, runs them in turn, syncs once, then answers all.

        While entries keep coming it keeps the lock of every kind of log (and of
        each log it wrote), so it looks at the logs once when it takes them, not
        before every entry. It lets them go once no entry came for `IDLE` seconds,
        and at least every `HOLD` seconds, so a terminal desk writing the same
        folder gets in.
        """
        while True:
            batch = self._waiting(None)
            since = time.monotonic()
            with ExitStack() as held:
                try:
                    for kind in LOG_KINDS:
                        held.enter_context(kind_locked(self.day.base, kind))
                    held.enter_context(keep_locks())
                    with self.lock:
                        # Under every kind's lock nobody else appends: one look at the logs serves
                        # every batch until the locks go, and each entry written is taken in from
                        # its own bytes.
                        held.enter_context(self.day.settled())
                except BaseException as error:  # a lock held elsewhere too long, an unreadable log
                    for _, deliver in batch:
                        deliver(None, error)
                    continue
                while batch:
                    self._write_batch(batch)
                    if time.monotonic() - since > HOLD:
                        break
                    batch = self._waiting(IDLE)
            if batch:  # held for HOLD seconds: leave a gap longer than another process's lock poll
                time.sleep(PAUSE)

    def _waiting(self, timeout: float | None) -> list[tuple[Action, Deliver]]:
        """Up to `BATCH` actions: all that wait now, once one has come within `timeout` seconds
        (None: however long it takes)."""
        try:
            batch = [self._jobs.get(timeout=timeout)]
        except queue.Empty:
            return []
        while len(batch) < BATCH:
            try:
                batch.append(self._jobs.get_nowait())
            except queue.Empty:
                break
        return batch

    def _write_batch(self, batch: list[tuple[Action, Deliver]]) -> None:
        """Run each action of `batch`, fsync every log written once, then answer them all."""
        outcomes: list[tuple[Deliver, Any, BaseException | None]] = []
        try:
            with self.lock, group_commit():
                for action, deliver in batch:
                    try:
                        outcomes.append((deliver, self._run(action), None))
                    except BaseException as error:  # handed to the request that asked
                        outcomes.append((deliver, None, error))
        except BaseException as error:  # the sync itself failed: nobody may be told "recorded"
            outcomes = [(deliver, None, error) for _, deliver in batch]
        for deliver, outcome, error in outcomes:
            deliver(outcome, error)

    def _explained(self, action: Action, explain: Explain) -> Action:
        def run() -> Any:
            try:
                return self._run(action)
            except Exception as refusal:
                return explain(refusal)
        return run

    def _run(self, action: Callable[[], T]) -> T:
        try:
            return action()
        except Duplicate as resent:
            # "Already recorded" only once that entry is on disk: if the first sync of its log
            # failed, the line must reach the disk before the desk is told so.
            sync_with_group(self.day.root / resent.earlier.file)
            raise


def record(day: Day, action: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`action(day, *args, **kwargs)` through a journal of one, for a terminal desk: on disk when it returns."""
    return Journal(day).record(lambda: action(day, *args, **kwargs))
