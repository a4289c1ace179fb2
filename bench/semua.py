#!/usr/bin/env python3
"""Benchmark: the whole printed kit of one synthetic event, every document `bursa cetak` makes.

    .venv/bin/python bench/semua.py [--ukuran klaster|median|terbesar] [--jobs N] [--jenis undangan ...]

In one run, on a synthetic event (bench/sintetis.py), for each document:
- its pages and its seconds (load and check the event, plan, render every output, batches in
  `--jobs` processes where the document declares them);
- its WeasyPrint floor: the same PDFs each rendered as ONE document in one process, divided by
  `--jobs`, measured right after; and the ratio of the whole command to that floor.
The certificates and the recap PDF are among those documents (the certificates' batches kept
apart, as the command keeps them); the verification page comes last (its sealing is the longest
step), then the total, and then the verification page printed again, which derives only the codes
it has not derived before. First of all, one village's certificate on demand from a warm process
(Jendela 3: `cetak sertifikat --desa KODE`, as `bursa layani` prints it). The machine's load
average is printed beside each line.
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

from bursa_cli.certify.codes import load_key  # noqa: E402
from bursa_cli.render.job import Options, plan, produce  # noqa: E402
from bursa_cli.render.kinds import KINDS  # noqa: E402
from bursa_cli.render.pdf import Provenance  # noqa: E402

ORIGIN = Provenance("bench")
TODAY = date(2026, 9, 15)


def run_kind(name: str, folder: Path, jobs: int, floor: bool, rapat: str | None = None) -> tuple[int, float, float]:
    """(pages, seconds of the whole command, its floor) of `bursa cetak NAME`.

    The floor is WeasyPrint's own time for the same PDFs, each as ONE document in
    this one process (HTML included), divided by `jobs`: measured right after
    the command, on the same plan.
    """
    started = time.perf_counter()
    job = plan(name, folder, Options(today=TODAY, jobs=jobs, ulang=True, rapat=rapat), origin=ORIGIN)
    pages, single = 0, 0.0
    try:
        for output in job.outputs:
            if output.apart is not None:  # certificates: each batch its own file, as the command writes them
                job.keep_apart(output, folder / "keluaran")
            else:
                made = output.make()
                if output.parts is None:  # a plain file (DOCX, CSV, the verification page): written, as the command does
                    target = folder / "keluaran" / output.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(made if isinstance(made, bytes) else made.encode("utf-8"))
            pages += output.pages or 0
        seconds = time.perf_counter() - started
        for output in job.outputs if floor else []:
            # Kartu Ide lays out one blank sheet and repeats its page: no floor to compare with.
            if output.parts and name != "kartu-ide":
                t0 = time.perf_counter()
                job.renderer.pdf_joined(output.parts, output.title)
                single += time.perf_counter() - t0
    finally:
        job.drop_work()  # the batches' work folders, as the command removes them once merged
        job.finish()
    return pages, seconds, single / jobs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ukuran", default="terbesar", choices=["klaster", "median", "terbesar"])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--tanpa-batas", action="store_true", help="skip the floor (one document, one process)")
    parser.add_argument("--jenis", nargs="+", choices=[k.name for k in KINDS],
                        help="only these documents (and no certificate on demand); the total is theirs")
    parser.add_argument("--rapat", help="only this meeting's letters and attendance list (e.g. hari-h)")
    args = parser.parse_args(argv)
    folder = HERE / "_data" / f"semua-{args.ukuran}"
    t0 = time.perf_counter()
    make_event(folder, args.ukuran)
    shutil.rmtree(folder / "keluaran", ignore_errors=True)
    print(f"acara sintetis {args.ukuran}: {time.perf_counter() - t0:.1f} s; {os.cpu_count()} inti, "
          f"beban {os.getloadavg()[0]:.1f}")
    load_key(folder, create=True)  # made by `bursa init` in a real event
    # First (a short figure a long run must not lose): one village's certificate from a warm process.
    from bursa_cli.recap import load_for_recap

    if not args.jenis:
        villages = load_for_recap(folder).desa
        village = villages[len(villages) // 2].kode
        produce("sertifikat", folder, Options(desa=[village], ulang=True))  # warms the process
        t0 = time.perf_counter()
        produce("sertifikat", folder, Options(desa=[village], ulang=True))
        print(f"satu sertifikat atas permintaan (--desa {village}, proses hangat): "
              f"{time.perf_counter() - t0:.2f} s (target <= 1,5 s); beban {os.getloadavg()[0]:.1f}", flush=True)

    print(f"{'dokumen':<22}{'halaman':>9}{'detik':>9}{'batas':>9}{'rasio':>8}{'beban':>7}")
    total = 0.0
    # The verification page last: its sealing (PBKDF2 per certificate) is the longest and has no floor.
    for kind in sorted(KINDS, key=lambda k: k.name == "halaman-verifikasi"):
        if args.jenis and kind.name not in args.jenis:
            continue
        pages, seconds, floor = run_kind(kind.name, folder, args.jobs, not args.tanpa_batas, args.rapat)
        total += seconds
        ratio = f"{seconds / floor:7.2f}x" if floor else "      -"
        print(f"{kind.name:<22}{pages or '-':>9}{seconds:>9.1f}{floor:>9.1f}{ratio:>8}"
              f"{os.getloadavg()[0]:>7.1f}", flush=True)
    print(f"{'jumlah':<22}{'':>9}{total:>9.1f}" + ("" if args.jenis else "  (target <= 120 s pada 2 inti)"))
    if not args.jenis or "halaman-verifikasi" in args.jenis:
        # Printed again (after a corrected card): the codes derived the first time are kept, sealed.
        _, seconds, _ = run_kind("halaman-verifikasi", folder, args.jobs, False)
        print(f"{'halaman-verifikasi, cetak ulang':<40}{seconds:>9.1f}{'':>16}{os.getloadavg()[0]:>7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
