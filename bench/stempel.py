#!/usr/bin/env python3
"""Benchmark: durable stamps per second at one consultation desk (target: at least 20/s).

    .venv/bin/python bench/stempel.py [--jumlah 300] [--ukuran terbesar]

Runs on the synthetic event of the largest kabupaten (10,000 stamps already in
the logs, so the desk's duplicate check works on a full day). Three figures, in
one process, side by side on the same folder:

- `append_entry` alone: lock, O_APPEND write, fsync (the floor);
- `stamp()`: what a desk does per scan: take in what other desks appended,
  check participant, innovation and repeat, then the durable append;
- the `bursa stempel` loop itself, fed scanner lines through CliRunner
  (prompts and output included).

Also times opening the desk (`Day.open`, loading the whole event once).
The event is written under bench/_data/ (a real disk, not tmpfs), so fsync costs
what it costs on the laptop's disk.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from sintetis import make_event  # noqa: E402

from bursa_cli.day import Day, desk_inovasi, stamp  # noqa: E402
from bursa_cli.day.logwrite import append_entry, header_for, log_path  # noqa: E402

TARGET = 20.0


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:8.1f} /detik  ({seconds * 1000 / count:6.1f} ms per stempel)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--jumlah", type=int, default=300, help="stempel per pengukuran")
    parser.add_argument("--ukuran", default="terbesar", help="terbesar, median atau klaster")
    args = parser.parse_args(argv)
    n = args.jumlah

    base = HERE / "_data" / f"stempel-{args.ukuran}"
    started = time.perf_counter()
    make_event(base, args.ukuran)
    print(f"acara sintetis {args.ukuran}: {time.perf_counter() - started:.1f} s")
    work = HERE / "_data" / f"stempel-{args.ukuran}-kerja"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(base, work)
    stamps_before = sum(1 for path in (work / "log" / "stempel").glob("*.yaml")
                        for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("- {"))

    started = time.perf_counter()
    day = Day.open(work)
    opened = time.perf_counter() - started
    meja = sorted(day.event.meja_ruang)[0]
    inovasi = desk_inovasi(day, meja)[0]
    peserta = [p.id for p in day.all_peserta() if (p.id, inovasi.id) not in day.stamps]
    print(f"meja {meja}, inovasi {inovasi.id}; {stamps_before} stempel sudah ada di log; "
          f"{len(peserta)} peserta belum distempel untuk inovasi ini")
    print(f"membuka meja (Day.open, seluruh acara):  {opened:.2f} s")

    # 1. the floor: durable appends alone, to a desk log of its own
    path = log_path(work, "stempel", "BENCH-1")
    entry = {"waktu": "2026-11-12T10:00:00+07:00", "peserta": peserta[0], "inovasi": inovasi.id, "meja": meja}
    started = time.perf_counter()
    for _ in range(n):
        append_entry(path, entry, header_for("stempel", "BENCH-1"))
    floor = time.perf_counter() - started
    path.unlink()

    # 2. what a desk does per scan
    started = time.perf_counter()
    for i in range(n):
        stamp(day, meja, peserta[i % len(peserta)], inovasi.id, ulang=True)
    core = time.perf_counter() - started

    # 3. the interactive loop, fed like a scanner
    from typer.testing import CliRunner

    from bursa_cli.cli.app import app

    day = Day.open(work)
    fresh = [p.id for p in day.all_peserta() if (p.id, inovasi.id) not in day.stamps]
    scans = fresh[: min(n, len(fresh))]
    choice = "1\n" if len(desk_inovasi(day, meja)) > 1 else ""
    feed = "".join(f"{pid}\n{choice}" for pid in scans)
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["stempel", str(work), "--meja", meja], input=feed)
    loop = time.perf_counter() - started
    written = result.output.count("✔ STEMPEL")
    assert result.exit_code == 0 and written == len(scans), result.output[-2000:]

    print(f"append_entry (kunci + O_APPEND + fsync): {rate(n, floor)}")
    print(f"stamp() per pindaian:                     {rate(n, core)}")
    print(f"bursa stempel (putaran, {len(scans)} pindaian):   {rate(len(scans), loop)}"
          f"  (termasuk membuka meja)")
    worst = min(n / floor, n / core, len(scans) / loop)
    print(f"target >= {TARGET:.0f} /detik: {'TERCAPAI' if worst >= TARGET else 'TIDAK tercapai'} "
          f"(terendah {worst:.1f} /detik)")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if worst >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
