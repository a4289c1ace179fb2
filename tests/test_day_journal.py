"""The day's journal: one entry at a terminal desk, many at the laptop induk, each on disk before its answer."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import bursa_cli.day.logwrite as logwrite
from bursa_cli.day import Day, Refused, check_in, stamp
from bursa_cli.day.actions import Duplicate
from bursa_cli.day.journal import Journal, record
from bursa_cli.schema.event import load_event

PESERTA = ["P-0001", "P-0002", "P-0003", "P-0004"]


@pytest.fixture
def synced(monkeypatch) -> list[str]:
    """The logs fsynced, in order, by name."""
    done: list[str] = []
    real = logwrite._fsync_path

    def counted(path: Path) -> None:
        done.append(f"{path.parent.name}/{path.name}")
        real(path)

    monkeypatch.setattr(logwrite, "_fsync_path", counted)
    return done


def collect(journal: Journal, actions, explain=None) -> list[tuple]:
    """Submit `actions` and wait for every answer: (outcome, error) in submit order."""
    answers: list[tuple | None] = [None] * len(actions)
    done = threading.Semaphore(0)

    def deliverer(index: int):
        def deliver(outcome, error):
            answers[index] = (outcome, error)
            done.release()
        return deliver

    for index, action in enumerate(actions):
        journal.submit(action, deliverer(index), explain)
    for _ in actions:
        assert done.acquire(timeout=30)
    return answers


def test_a_terminal_desk_records_through_a_journal_of_one(minimal_event, synced):
    day = Day.open(minimal_event)
    result = record(day, check_in, "REG-1", "P-0001")
    assert result.earlier is None and result.file == "log/registrasi/REG-1.yaml"
    assert synced == ["registrasi/REG-1.yaml"]  # on disk when `record` returned
    with pytest.raises(Refused, match="P-9999"):
        record(day, check_in, "REG-1", "P-9999")
    assert [e.peserta for e in load_event(minimal_event).event.registrasi] == ["P-0001"]


def test_the_writer_answers_a_waiting_batch_after_one_sync_per_log(minimal_event, synced):
    day = Day.open(minimal_event)
    journal = Journal(day)
    started, go = threading.Event(), threading.Event()

    def first():
        started.set()
        assert go.wait(10)
        return check_in(day, "REG-1", "P-0001")

    answers: list = []
    waiting = threading.Thread(target=lambda: answers.extend(collect(journal, [first])))
    waiting.start()
    assert started.wait(10)  # the writer is inside its first batch; the next ones queue up meanwhile
    rest = threading.Thread(target=lambda: answers.extend(collect(
        journal, [lambda p=p: check_in(day, "REG-2", p) for p in PESERTA[1:]]
        + [lambda p=p: stamp(day, "A-01", p, "INO-001") for p in PESERTA[1:]])))
    rest.start()
    while journal._jobs.qsize() < 6:
        threading.Event().wait(0.01)
    go.set()
    waiting.join(30)
    rest.join(30)
    assert [error for _, error in answers] == [None] * 7
    # The first batch syncs its one log; the six waiting entries are answered after one sync of each
    # of the two logs they touched, not six.
    assert synced[0] == "registrasi/REG-1.yaml"
    assert sorted(synced[1:]) == ["registrasi/REG-2.yaml", "stempel/A-01.yaml"]
    event = load_event(minimal_event).event
    assert sorted(e.peserta for e in event.registrasi) == PESERTA
    assert sorted(e.peserta for e in event.stempel) == PESERTA[1:]


def test_a_refusal_is_explained_and_a_resend_waits_for_the_earlier_entry_on_disk(minimal_event, synced):
    day = Day.open(minimal_event)
    journal = Journal(day)
    sent = lambda: stamp(day, "A-01", "P-0001", "INO-001", id_entri="meja-a01-0001")  # noqa: E731
    assert collect(journal, [sent])[0][1] is None
    synced.clear()
    explained: list[Exception] = []

    def explain(refusal: Exception) -> str:
        explained.append(refusal)
        if isinstance(refusal, Refused):
            return f"ditolak: {refusal.message}"
        raise refusal

    (resend, unknown) = collect(journal, [sent, lambda: stamp(day, "A-01", "P-9999", "INO-001")], explain)
    assert resend[0] is None and isinstance(resend[1], Duplicate)  # explain raised it again
    assert resend[1].earlier.file == "log/stempel/A-01.yaml"
    assert synced == ["stempel/A-01.yaml"]  # synced again before "sudah tercatat" goes out
    assert unknown[1] is None and unknown[0].startswith("ditolak: ") and "P-9999" in unknown[0]
    assert [type(e) for e in explained] == [Duplicate, Refused]
    assert len(load_event(minimal_event).event.stempel) == 1


def test_a_failed_sync_is_never_explained_and_nobody_is_told_recorded(minimal_event, monkeypatch):
    day = Day.open(minimal_event)
    journal = Journal(day)

    def failing(path):
        raise OSError(5, "Input/output error", str(path))

    monkeypatch.setattr(logwrite, "_fsync_path", failing)
    explained: list[Exception] = []
    answers = collect(journal, [lambda: check_in(day, "REG-1", "P-0001")],
                      lambda refusal: explained.append(refusal) or "ditolak")
    assert answers[0][0] is None and isinstance(answers[0][1], OSError)
    assert explained == []
