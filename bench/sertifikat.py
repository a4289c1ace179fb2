#!/usr/bin/env python3
"""Benchmark: `bursa cetak sertifikat` on the largest kabupaten (852 certificates).

    .venv/bin/python bench/sertifikat.py [--sampel 60] [--batch 50] [--jobs 2] [--ukuran terbesar]

Three ways of making the same certificates, measured side by side in one run:

1. plain: one WeasyPrint document per certificate, one after the other (what
   simple generators and Indico do). Timed on a sample of `--sampel`
   certificates and scaled to all of them (said so in the output).
2. floor: all pages as ONE document in one process (WeasyPrint's own cost for
   these pages), divided by the cores used: the best any split can do.
3. bursa: `print_certificates` with `--batch` and `--jobs`, as the command runs it.

Targets: bursa >= 10x faster than plain; bursa <= 1.25x the floor; peak
memory < 250 MB per worker process (ru_maxrss inside each worker).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from sintetis import make_event  # noqa: E402

from bursa_cli.certify import batch as engine  # noqa: E402
from bursa_cli.certify.data import collect  # noqa: E402
from bursa_cli.recap import load_for_recap  # noqa: E402


def _render(certificates, signer, alamat) -> tuple[int, bytes]:
    """Like a batch worker: one document for `certificates` (already initialised renderer)."""
    from bursa_cli.render.qr import qr_svg

    renderer = engine._WORKER["renderer"]
    items = [{**c.as_dict(), "qr": qr_svg(c.tautan)} for c in certificates]
    html = renderer.html(engine.TEMPLATE, {"sertifikat": items, "penanda": signer,
                                           "alamat_verifikasi": alamat, "contoh": False}, "bench")
    document = renderer.document(html)
    data = document.write_pdf(custom_metadata=True, optimize_images=True, jpeg_quality=85, dpi=200)
    return len(document.pages), data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--sampel", type=int, default=60, help="sertifikat untuk cara biasa (diskalakan)")
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--ukuran", default="terbesar")
    args = parser.parse_args(argv)

    folder = HERE / "_data" / f"sertifikat-{args.ukuran}"
    started = time.perf_counter()
    make_event(folder, args.ukuran)
    shutil.rmtree(folder / "keluaran", ignore_errors=True)
    print(f"acara sintetis {args.ukuran}: {time.perf_counter() - started:.1f} s")

    event = load_for_recap(folder)
    certificates = collect(event).certificates
    problems: list = []
    signer = engine._signer(event, problems)
    count = len(certificates)
    per_cert = sum(len(c.inovasi) for c in certificates) / count
    print(f"{count} sertifikat, rata-rata {per_cert:.1f} inovasi per sertifikat; {os.cpu_count()} inti, "
          f"--jobs {args.jobs}, --batch {args.batch}")
    engine._init_worker(*engine._worker_context(event, signer, engine.Options(), False))
    alamat = event.acara.dokumen.alamat_verifikasi or ""
    _render(certificates[:2], signer, alamat)  # warm up imports and caches for all three

    # 1. plain: one document per certificate, on a sample, scaled.
    sample = certificates[: args.sampel]
    t0 = time.perf_counter()
    for cert in sample:
        _render([cert], signer, alamat)
    plain_sample = time.perf_counter() - t0
    plain = plain_sample / len(sample) * count
    print(f"1. biasa (1 dokumen per sertifikat): {plain_sample:.1f} s untuk {len(sample)} "
          f"-> diskalakan ke {count}: {plain:.1f} s ({plain_sample / len(sample) * 1000:.0f} ms/sertifikat)")

    # 2. floor: everything as one document in this process.
    t0 = time.perf_counter()
    pages, _ = _render(certificates, signer, alamat)
    one_document = time.perf_counter() - t0
    floor = one_document / args.jobs
    floor_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"2. satu dokumen, satu proses: {one_document:.1f} s ({pages} halaman, "
          f"{one_document / pages * 1000:.0f} ms/halaman, puncak memori {floor_rss:.0f} MB); "
          f"batas bawah / {args.jobs} inti = {floor:.1f} s")

    # 3. bursa: the command's engine, batches in parallel worker processes.
    t0 = time.perf_counter()
    printed = engine.print_certificates(folder, engine.Options(batch=args.batch, jobs=args.jobs, ulang=True))
    ours = time.perf_counter() - t0
    peak = max(d.peak_mb for d in printed.done)
    pages_ours = sum(d.pages for d in printed.done)
    print(f"3. bursa cetak sertifikat: {ours:.1f} s ({len(printed.done)} berkas, {pages_ours} halaman, "
          f"puncak memori per proses pekerja {peak:.0f} MB)")

    print()
    print(f"   biasa / bursa        = {plain / ours:5.1f}x  (target >= 10x)")
    print(f"   bursa / batas bawah  = {ours / floor:5.2f}x  (target <= 1.25x)")
    print(f"   memori per pekerja   = {peak:5.0f} MB (target < 250 MB)")
    ok = plain / ours >= 10 and ours / floor <= 1.25 and peak < 250 and pages_ours == count
    print("   HASIL: " + ("semua target tercapai" if ok else "ADA TARGET YANG BELUM TERCAPAI"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
