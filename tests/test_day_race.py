"""Desks racing each other and resending: every uniqueness rule holds under one lock per kind,
and an entry resent under the same `id_entri` is never written twice."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from bursa_cli.day import Day, Refused, Repeat, add_walk_in, check_in, record_commitment, stamp
from bursa_cli.day import Duplicate, rate, record_idea
from bursa_cli.schema.event import load_event

BULU = "33.23.01.2001"
WORKERS = 4
ROUNDS = 4  # the minimal event lists four participants


def _race(root: str, action: str, argument: str, barrier, results) -> None:
    day = Day.open(Path(root))
    barrier.wait()
    try:
        if action == "stempel":
            stamp(day, "A-01", argument)
        elif action == "registrasi":
            if check_in(day, f"REG-{multiprocessing.current_process().name[-1]}", argument).earlier is not None:
                raise Repeat("sudah", None)
        elif action == "cadangan":
            add_walk_in(day, f"REG-{multiprocessing.current_process().name[-1]}", "Tamu", "media",
                        instansi="Radio", kartu=argument)
        elif action == "komitmen":
            record_commitment(day, f"J3-{multiprocessing.current_process().name[-1]}", argument, ["INO-001"],
                              None, True, True, {"INO-001": "dibutuhkan desa"})
        results.put("tercatat")
    except (Repeat, Refused):
        results.put("ditolak")


RACES = [
    ("stempel", [f"P-000{n}" for n in range(1, ROUNDS + 1)], "stempel", lambda event: len(event.stempel)),
    ("registrasi", [f"P-000{n}" for n in range(1, ROUNDS + 1)], "registrasi", lambda event: len(event.registrasi)),
    ("cadangan", [f"TAMU-00{n}" for n in range(1, ROUNDS + 1)], "registrasi", lambda event: len(event.registrasi)),
    ("komitmen", [BULU], "komitmen", lambda event: len(event.komitmen)),
]


@pytest.mark.parametrize("action,arguments,kind,count", RACES, ids=[r[0] for r in RACES])
def test_desks_racing_record_each_entry_once(minimal_event, action, arguments, kind, count):
    context = multiprocessing.get_context("fork")
    for argument in arguments:
        barrier, results = context.Barrier(WORKERS), context.Queue()
        workers = [context.Process(target=_race, args=(str(minimal_event), action, argument, barrier, results),
                                   name=f"desk-{n}") for n in range(1, WORKERS + 1)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(60)
            assert worker.exitcode == 0
        outcomes = sorted(results.get(timeout=5) for _ in workers)
        assert outcomes == ["ditolak"] * (WORKERS - 1) + ["tercatat"], argument
    loaded = load_event(minimal_event)
    assert count(loaded.event) == len(arguments)
    assert not [p for p in loaded.problems if p.is_error]


RESENDS = [
    ("registrasi", lambda day, sent: check_in(day, "REG-1", "P-0001", id_entri=sent)),
    ("walk-in", lambda day, sent: add_walk_in(day, "REG-1", "Tamu", "media", instansi="Radio", id_entri=sent)),
    ("stempel", lambda day, sent: stamp(day, "A-01", "P-0001", id_entri=sent)),
    ("penilaian", lambda day, sent: rate(day, "NILAI-1", "P-0001", "INO-001", 4, id_entri=sent)),
    ("ide", lambda day, sent: record_idea(day, "IDE-1", "Lumbung pangan", id_entri=sent)),
    ("komitmen", lambda day, sent: record_commitment(day, "J3-1", BULU, ["INO-001"], None, True, True,
                                                     {"INO-001": "dibutuhkan"}, id_entri=sent)),
]


@pytest.mark.parametrize("name,send", RESENDS, ids=[r[0] for r in RESENDS])
def test_an_entry_resent_with_its_id_is_written_once(minimal_event, name, send):
    first, other = Day.open(minimal_event), Day.open(minimal_event)
    send(first, "a1b2c3d4-0001")
    before = _log_bytes(minimal_event)
    with pytest.raises(Duplicate) as resent:
        send(other, "a1b2c3d4-0001")  # another process, as after a server restart
    assert "Sudah tercatat" in resent.value.message and "baris" in resent.value.message
    assert _log_bytes(minimal_event) == before


def test_an_id_entri_reused_for_another_entry_is_refused(minimal_event):
    day = Day.open(minimal_event)
    stamp(day, "A-01", "P-0001", id_entri="sama-sama-1")
    before = _log_bytes(minimal_event)
    with pytest.raises(Refused, match="sudah dipakai untuk entri lain"):
        stamp(day, "A-01", "P-0002", id_entri="sama-sama-1")
    with pytest.raises(Refused, match="sudah dipakai untuk entri lain"):
        check_in(day, "REG-1", "P-0001", id_entri="sama-sama-1")
    with pytest.raises(Refused, match="id_entri 'x y' tidak sah"):
        stamp(day, "A-01", "P-0003", id_entri="x y")
    assert _log_bytes(minimal_event) == before


def test_a_refused_entry_takes_no_lock_and_writes_nothing(minimal_event):
    day = Day.open(minimal_event)
    before = sorted(p.relative_to(minimal_event) for p in minimal_event.rglob("*"))
    with pytest.raises(Refused):
        stamp(day, "A-01", "P-9999")
    assert sorted(p.relative_to(minimal_event) for p in minimal_event.rglob("*")) == before


def _log_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "log").rglob("*.yaml")}
