"""Safe log writes: lock + O_APPEND + fsync, torn lines, concurrency and crashes."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bursa_cli.cli.app import app
from bursa_cli.day.logwrite import append_entry, header_for, log_path
from bursa_cli.schema.event import load_event
from bursa_cli.schema.logfile import read_log

HEADER_LINES = header_for("stempel", "A-01").count("\n")


def stamp_entry(n: int, peserta: str = "P-0001") -> dict:
    return {"waktu": f"2026-11-12T09:{n // 60 % 60:02d}:{n % 60:02d}+07:00", "peserta": peserta,
            "inovasi": "INO-001", "meja": "A-01"}


def raw_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize("logs", ["log", "gladi/log"])
@pytest.mark.parametrize("kind", ["registrasi", "stempel", "penilaian", "ide", "komitmen", "kursi", "tindak-lanjut"])
def test_new_log_points_the_editor_at_its_schema(tmp_path, kind, logs):
    from bursa_cli.schema.skema import schema_files

    path = tmp_path / logs / kind / "X-01.yaml"
    header = header_for(kind, "X-01", logs)
    assert header.count("\n") == HEADER_LINES  # the same three lines in the rehearsal and on the day
    target = header.splitlines()[1].removeprefix("# yaml-language-server: $schema=")
    schema = (path.parent / target).resolve()
    assert schema == (tmp_path / "skema" / f"log-{kind}.schema.json").resolve()
    assert schema.relative_to(tmp_path.resolve()).as_posix() in schema_files()


def test_new_log_starts_with_its_header(tmp_path):
    path = log_path(tmp_path, "stempel", "A-01")
    append_entry(path, stamp_entry(1), header_for("stempel", "A-01"))
    append_entry(path, stamp_entry(2), header_for("stempel", "A-01"))
    lines = raw_lines(path)
    assert lines[0] == "# Log stempel meja konsultasi A-01"
    assert lines[1] == "# yaml-language-server: $schema=../../skema/log-stempel.schema.json"
    assert "append-only" in lines[2] and "satu baris satu entri" in lines[2]
    assert lines[HEADER_LINES:] == [
        '- ' + json.dumps(stamp_entry(1), ensure_ascii=False, separators=(", ", ": ")),
        '- ' + json.dumps(stamp_entry(2), ensure_ascii=False, separators=(", ", ": ")),
        "",
    ]
    assert raw_lines(path).count(lines[0]) == 1  # the header is written once only
    assert path.with_name(".A-01.yaml.lock").exists()


def test_entry_after_torn_line_starts_on_a_new_line(tmp_path):
    path = log_path(tmp_path, "stempel", "A-01")
    append_entry(path, stamp_entry(1), header_for("stempel", "A-01"))
    with open(path, "ab") as handle:
        handle.write(b'- {"waktu": "2026-11-12T09:0')
    append_entry(path, stamp_entry(2))
    read = read_log(path, "log/stempel/A-01.yaml")
    assert [e.data for e in read.entries] == [stamp_entry(1), stamp_entry(2)]
    assert [(p.line, "tidak terbaca" in p.message) for p in read.problems] == [(HEADER_LINES + 2, True)]


def test_text_is_kept_as_typed(tmp_path):
    path = log_path(tmp_path, "ide", "J3")
    entry = {"waktu": "2026-11-12T09:00:00+07:00", "judul": "Lumbung \"Padi\" & Ekonomi — Desa Tlogo"}
    append_entry(path, entry, header_for("ide", "J3"))
    assert read_log(path, "x").entries[0].data == entry


# --------------------------------------------------------------------------- concurrency


def _append_many(path: str, writer: int, count: int) -> None:
    for n in range(count):
        append_entry(Path(path), {"waktu": "2026-11-12T09:00:00+07:00", "peserta": f"P-{writer:04d}",
                                  "inovasi": f"INO-{n:03d}", "meja": "A-01", "konsultan": "x" * 300},
                     header_for("stempel", "A-01"))


@pytest.mark.parametrize("processes,stamps", [(4, 50), (8, 25)])
def test_concurrent_writers_lose_and_interleave_nothing(tmp_path, processes, stamps):
    path = log_path(tmp_path, "stempel", "A-01")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_append_many, args=(str(path), w, stamps)) for w in range(processes)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    read = read_log(path, "log/stempel/A-01.yaml")
    assert read.problems == []
    assert len(read.entries) == processes * stamps
    pairs = {(e.data["peserta"], e.data["inovasi"]) for e in read.entries}
    assert len(pairs) == processes * stamps  # every entry whole, none duplicated
    text = path.read_text(encoding="utf-8")
    assert text.count("# Log stempel") == 1
    assert all(line.startswith("- {") and line.endswith("}")
               for line in text.splitlines()[HEADER_LINES:])


# --------------------------------------------------------------------------- crashes

STAMP_A01 = [stamp_entry(n, f"P-000{p}") for n, p in ((1, 1), (2, 2), (3, 3))]


def test_torn_line_is_named_then_repaired(minimal_event):
    root = minimal_event
    path = log_path(root, "stempel", "A-01")
    for entry in STAMP_A01:
        append_entry(path, entry, header_for("stempel", "A-01"))
    torn = b'- {"waktu": "2026-11-12T09:14:03+07:00", "peserta": "P-00'
    with open(path, "ab") as handle:
        handle.write(torn)
    torn_line = HEADER_LINES + len(STAMP_A01) + 1

    problems = [p for p in load_event(root).problems if p.file == "log/stempel/A-01.yaml"]
    assert [(p.line, p.column) for p in problems] == [(torn_line, 1)]
    assert "terpotong" in problems[0].message and "bursa perbaiki" in problems[0].message

    result = CliRunner().invoke(app, ["validasi", str(root), "--format", "parsable"], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert f"log/stempel/A-01.yaml:{torn_line}:1: galat: Baris terakhir terpotong" in result.output

    result = CliRunner().invoke(app, ["perbaiki", str(root)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"log/stempel/A-01.yaml: 3 entri utuh dipertahankan; baris {torn_line} dipindahkan" in result.output
    loaded = load_event(root)
    assert [p for p in loaded.problems if p.file.startswith("log/")] == []
    assert [(s.peserta, s.inovasi) for s in loaded.event.stempel] == [
        (e["peserta"], e["inovasi"]) for e in STAMP_A01]
    side = list(path.parent.glob("A-01.yaml.rusak-*"))
    assert len(side) == 1 and torn in side[0].read_bytes()

    append_entry(path, stamp_entry(9, "P-0004"))
    loaded = load_event(root)
    assert len(loaded.event.stempel) == 4 and not [p for p in loaded.problems if p.file.startswith("log/")]
    assert CliRunner().invoke(app, ["perbaiki", str(root)]).output.count("tidak ada yang perlu") == 1


def test_torn_line_in_the_middle_is_moved_aside_too(minimal_event):
    root = minimal_event
    path = log_path(root, "stempel", "A-01")
    append_entry(path, STAMP_A01[0], header_for("stempel", "A-01"))
    with open(path, "ab") as handle:
        handle.write(b'- {"waktu": "2026-11')
    append_entry(path, STAMP_A01[1])  # after a crash the desk carried on
    from bursa_cli.day import repair_logs

    repairs = repair_logs(root, stamp="20261112-100000")
    assert [(r.file, r.kept, r.lines, r.side_file) for r in repairs] == [
        ("log/stempel/A-01.yaml", 2, [HEADER_LINES + 2], "A-01.yaml.rusak-20261112-100000")]
    assert [e.data for e in read_log(path, "x").entries] == STAMP_A01[:2]
    assert read_log(path, "x").problems == []
    assert path.read_text(encoding="utf-8").startswith("# Log stempel meja konsultasi A-01\n")


WRITER = """
import sys
from pathlib import Path
from bursa_cli.day.logwrite import append_entry, header_for
path = Path(sys.argv[1])
n = 0
while True:
    n += 1
    append_entry(path, {"waktu": "2026-11-12T09:00:00+07:00", "peserta": "P-0001",
                        "inovasi": f"INO-{n:06d}", "meja": "A-01", "catatan": "x" * 2000},
                 header_for("stempel", "A-01"))
"""


def test_writer_killed_with_sigkill_loses_no_complete_entry(minimal_event):
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("SIGKILL hanya ada di POSIX")
    root = minimal_event
    path = log_path(root, "stempel", "A-01")
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (not path.exists() or path.stat().st_size < 40_000):
        time.sleep(0.01)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert path.stat().st_size >= 40_000

    before = read_log(path, "log/stempel/A-01.yaml")
    assert len(before.problems) <= 1  # at most the last line is torn
    if before.problems:
        assert before.torn_tail and before.problems[0].line == before.end_line - 1
    numbers = [int(e.data["inovasi"][4:]) for e in before.entries]
    assert numbers == list(range(1, len(numbers) + 1))  # in order, nothing lost in between

    CliRunner().invoke(app, ["perbaiki", str(root)])
    append_entry(path, stamp_entry(1))
    after = read_log(path, "log/stempel/A-01.yaml")
    assert after.problems == []
    assert [e.data for e in after.entries] == [e.data for e in before.entries] + [stamp_entry(1)]


@pytest.mark.parametrize("command", ["perbaiki", "stempel"])
def test_a_log_locked_elsewhere_is_a_short_error(minimal_event, monkeypatch, command):
    from filelock import FileLock

    from bursa_cli.day import logwrite

    root = minimal_event
    path = log_path(root, "stempel", "A-01")
    append_entry(path, stamp_entry(1), header_for("stempel", "A-01"))
    monkeypatch.setattr(logwrite, "LOCK_TIMEOUT", 0.2)
    monkeypatch.setattr(logwrite, "_locks", {})
    args = {"perbaiki": ["perbaiki", str(root)],
            "stempel": ["stempel", str(root), "--meja", "A-01", "--peserta", "P-0002"]}[command]
    with FileLock(logwrite.lock_path(path)):  # another desk holding the log
        result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "sedang dikunci oleh proses lain" in result.output
