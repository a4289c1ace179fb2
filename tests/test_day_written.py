"""A `Day` takes in the entries its own process writes from the bytes written, and reads the
logs again whenever anything else changed them: what it knows is always what a fresh read gives."""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from bursa_cli.day import Day, Repeat, check_in, stamp
from bursa_cli.day import rate, record_idea
from bursa_cli.day.logwrite import append_entry, group_commit, header_for, kind_locked, lock_path, log_path
from bursa_cli.schema.models import LOG_KINDS


def _known(day: Day) -> dict:
    """Everything a desk decides from, as plain values to compare."""
    return {"checked_in": day.checked_in, "stamps": day.stamps, "ratings": day.ratings,
            "stamps_of": day.stamps_of, "ids": day.by_id_entri}


def _write_some(day: Day) -> None:
    check_in(day, "REG-1", "P-0001", id_entri="reg-00000001")
    stamp(day, "A-01", "P-0001", id_entri="stp-00000001")
    stamp(day, "A-01", "P-0002", id_entri="stp-00000002")
    stamp(day, "A-02", "P-0001", id_entri="stp-00000003")
    rate(day, "NILAI-1", "P-0001", "INO-001", 5, id_entri="nil-00000001")
    record_idea(day, "IDE-1", "Lumbung desa", id_entri="ide-00000001")


def test_entries_taken_from_own_writes_match_a_fresh_read(minimal_event):
    day = Day.open(minimal_event)
    _write_some(day)
    fresh = Day.open(minimal_event)
    assert _known(day) == _known(fresh)
    # A new file's entry comes after its three header lines, as read back.
    assert day.stamps[("P-0001", "INO-001")].line == 4
    assert day.stamps[("P-0002", "INO-001")].line == 5
    assert day.stamps_of["P-0001"] == ["INO-001", "INO-002"]


def test_a_line_written_by_someone_else_in_between_is_read_not_skipped(minimal_event):
    day = Day.open(minimal_event)
    stamp(day, "A-01", "P-0001", id_entri="stp-00000001")
    # Another process appends to the same log behind this Day's back...
    append_entry(log_path(minimal_event, "stempel", "A-01"),
                 {"waktu": "2026-11-12T10:00:00+07:00", "peserta": "P-0003", "inovasi": "INO-001", "meja": "A-01"},
                 header_for("stempel", "A-01"))
    # ...and a torn line is left at the end of another log.
    torn = log_path(minimal_event, "stempel", "A-02")
    stamp(day, "A-02", "P-0001", id_entri="stp-00000002")
    with open(torn, "ab") as handle:
        handle.write(b'- {"waktu": "2026-11-12T10:01:00+07:00", "peserta": "P-00')
    stamp(day, "A-01", "P-0002", id_entri="stp-00000003")
    stamp(day, "A-02", "P-0002", id_entri="stp-00000004")
    assert ("P-0003", "INO-001") in day.stamps
    assert day.stamps[("P-0002", "INO-002")].line == 6  # the torn line 5 is its own line, never glued
    assert _known(day) == _known(Day.open(minimal_event))


def test_inside_settled_the_logs_are_looked_at_once_and_own_entries_still_count(minimal_event, monkeypatch):
    day = Day.open(minimal_event)
    looks = []
    original = day._tails["stempel"].read_new
    monkeypatch.setattr(day._tails["stempel"], "read_new", lambda: looks.append(1) or original())
    with ExitStack() as held:
        for kind in LOG_KINDS:
            held.enter_context(kind_locked(minimal_event, kind))
        held.enter_context(group_commit())
        held.enter_context(day.settled())
        stamp(day, "A-01", "P-0001", id_entri="stp-00000001")
        with pytest.raises(Repeat) as repeat:
            stamp(day, "A-01", "P-0001", id_entri="stp-00000002")
        assert "sudah mendapat stempel INO-001" in repeat.value.message
        assert repeat.value.earlier.file == "log/stempel/A-01.yaml" and repeat.value.earlier.line == 4
    assert looks == [1]  # one look when the block began, none before each entry
    day.refresh()
    assert looks == [1, 1]  # outside the block a refresh looks again
    assert _known(day) == _known(Day.open(minimal_event))


def test_a_group_holds_each_log_lock_until_it_has_synced(minimal_event):
    from filelock import FileLock, Timeout

    path = log_path(minimal_event, "stempel", "A-01")
    day = Day.open(minimal_event)
    with group_commit():
        stamp(day, "A-01", "P-0001", id_entri="stp-00000001")
        with pytest.raises(Timeout):  # `bursa perbaiki` could not rewrite the log before its fsync
            FileLock(lock_path(path), timeout=0.1, thread_local=False).acquire()
    other = FileLock(lock_path(path), timeout=0.1)
    other.acquire()
    other.release()
