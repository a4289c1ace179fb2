#!/usr/bin/env python3
"""Benchmark: `bursa rekap` on the largest kabupaten (target: under 2 s for the table).

    .venv/bin/python bench/rekap.py [--ukuran terbesar] [--ulang 3]

Times, on the synthetic event (852 desa, 1,704 peserta, 10,000 stamps, 852
Kartu Komitmen), each as a fresh process exactly as a user runs it, so
Python's start-up and imports are counted:

- `bursa rekap` (tables in the terminal) - the 2 s target;
- `bursa rekap --format xlsx`, `csv`, `json`;
- and, in this process, the stages: loading the event and building the recap.

The PDF report is timed once at the end for information (no target).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from sintetis import make_event  # noqa: E402

TARGET = 2.0
BURSA = Path(sys.executable).with_name("bursa")


def timed(args: list[str], repeat: int) -> float:
    """The best of `repeat` runs of `bursa ARGS` in a fresh process (output discarded)."""
    best = float("inf")
    env = {**os.environ, "COLUMNS": "120"}
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([str(BURSA), *args], check=True, stdout=subprocess.DEVNULL, env=env)
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--ukuran", default="terbesar")
    parser.add_argument("--ulang", type=int, default=3, help="ulangan per pengukuran (yang tercepat dipakai)")
    parser.add_argument("--tanpa-pdf", action="store_true", help="lewati laporan PDF")
    args = parser.parse_args(argv)
    folder = make_event(HERE / "_data" / f"rekap-{args.ukuran}", args.ukuran)

    from bursa_cli.recap import build_recap, load_for_recap

    started = time.perf_counter()
    event = load_for_recap(folder)
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    recap = build_recap(event)
    built = time.perf_counter() - started
    s = recap.ringkasan
    print(f"acara {args.ukuran}: {s.desa_diundang} desa, {len(event.peserta)} peserta, {s.stempel} stempel, "
          f"{s.kartu_komitmen} Kartu Komitmen, {s.komitmen} komitmen inovasi, {s.ide} Kartu Ide")
    print(f"  memuat acara (load_for_recap): {loaded:.2f} s; build_recap: {built:.3f} s")

    table = timed(["rekap", str(folder)], args.ulang)
    print(f"  bursa rekap (tabel)          : {table:.2f} s  (target < {TARGET:.0f} s)")
    for fmt in ("xlsx", "csv", "json"):
        print(f"  bursa rekap --format {fmt:<8}: {timed(['rekap', str(folder), '--format', fmt], args.ulang):.2f} s")
    if not args.tanpa_pdf:
        print(f"  bursa rekap --format pdf     : {timed(['rekap', str(folder), '--format', 'pdf'], 1):.2f} s "
              "(laporan lengkap dengan lampiran per desa; tanpa target)")
    print("  HASIL: " + ("target tercapai" if table < TARGET else "TARGET BELUM TERCAPAI"))
    return 0 if table < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
