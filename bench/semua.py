#!/usr/bin/env python3
"""Benchmark: the whole printed kit of one synthetic event, every document `bursa cetak` makes.

    .venv/bin/python bench/semua.py [--ukuran klaster|median|terbesar] [--jobs N]

In one run, on a synthetic event (bench/sintetis.py), for each document:
- its pages and its seconds (load and check the event, plan, render every output);
- its WeasyPrint floor: the seconds spent inside WeasyPrint on its PDFs, one document in one
  process, divided by the cores; and the ratio of the whole command to that floor.
Then the certificates (`cetak sertifikat --jobs N`, every village), the recap PDF, the total,
and one village's certificate on demand from a warm process (Jendela 3).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from sintetis import make_event  # noqa: E402

from bursa_cli.certify import batch as engine  # noqa: E402
from bursa_cli.render.job import Options, plan  # noqa: E402
from bursa_cli.render.kinds import KINDS  # noqa: E402
from bursa_cli.render.pdf import Provenance  # noqa: E402

ORIGIN = Provenance("bench")
TODAY = date(2026, 9, 15)


def run_kind(name: str, folder: Path, cores: int) -> tuple[int, float, float]:
    """(pages, seconds of the whole command, seconds inside WeasyPrint) of `bursa cetak NAME`."""
    started = time.perf_counter()
    job = plan(name, folder, Options(today=TODAY), origin=ORIGIN)
    pages, in_pdf = 0, 0.0
    try:
        for output in job.outputs:
            t0 = time.perf_counter()
            output.make()
            if output.parts:  # a PDF: its time is WeasyPrint's (HTML included, as the floor includes it)
                in_pdf += time.perf_counter() - t0
                pages += output.pages or 0
    finally:
        job.finish()
    return pages, time.perf_counter() - started, in_pdf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ukuran", default="terbesar", choices=["klaster", "median", "terbesar"])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    folder = HERE / "_data" / f"semua-{args.ukuran}"
    t0 = time.perf_counter()
    make_event(folder, args.ukuran)
    shutil.rmtree(folder / "keluaran", ignore_errors=True)
    print(f"acara sintetis {args.ukuran}: {time.perf_counter() - t0:.1f} s; {os.cpu_count()} inti, "
          f"beban {os.getloadavg()[0]:.1f}")
    print(f"{'dokumen':<22}{'halaman':>9}{'detik':>9}{'batas':>9}{'rasio':>8}")
    total = 0.0
    for kind in KINDS:
        if kind.name == "halaman-verifikasi":
            continue  # needs the certificates' key: measured after them
        pages, seconds, in_pdf = run_kind(kind.name, folder, args.jobs)
        total += seconds
        floor = in_pdf / args.jobs
        ratio = f"{seconds / floor:7.2f}x" if floor else "      -"
        print(f"{kind.name:<22}{pages:>9}{seconds:>9.1f}{floor:>9.1f}{ratio:>8}", flush=True)

    t0 = time.perf_counter()
    printed = engine.print_certificates(folder, engine.Options(jobs=args.jobs, ulang=True))
    seconds = time.perf_counter() - t0
    total += seconds
    print(f"{'sertifikat':<22}{sum(d.pages for d in printed.done):>9}{seconds:>9.1f}"
          f"{'':>9}{'':>8}  (--jobs {args.jobs}; batas bawah: bench/sertifikat.py)", flush=True)
    pages, seconds, in_pdf = run_kind("halaman-verifikasi", folder, args.jobs)
    total += seconds
    print(f"{'halaman-verifikasi':<22}{'-':>9}{seconds:>9.1f}", flush=True)

    from bursa_cli.recap import build_recap, load_for_recap
    from bursa_cli.recap.report import write_report

    t0 = time.perf_counter()
    event = load_for_recap(folder)
    write_report(event, build_recap(event), folder / "keluaran" / "rekap" / "rekap.pdf")
    seconds = time.perf_counter() - t0
    total += seconds
    print(f"{'rekap --format pdf':<22}{'':>9}{seconds:>9.1f}")
    print(f"{'jumlah':<22}{'':>9}{total:>9.1f}  (target <= 120 s pada 2 inti)")

    village = event.desa[len(event.desa) // 2].kode
    engine.print_certificates(folder, engine.Options(desa=[village], ulang=True))  # warms the process
    t0 = time.perf_counter()
    engine.print_certificates(folder, engine.Options(desa=[village], ulang=True))
    print(f"satu sertifikat atas permintaan (--desa {village}, proses hangat): "
          f"{time.perf_counter() - t0:.2f} s (target <= 1,5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
