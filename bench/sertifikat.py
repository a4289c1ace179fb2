#!/usr/bin/env python3
"""Benchmark: `bursa cetak sertifikat` on the largest kabupaten (852 certificates).

    .venv/bin/python bench/sertifikat.py [--sampel 40] [--batch 50] [--jobs 2] [--ukuran terbesar]

Three ways of making the same certificates, measured side by side in one run:

1. plain: one WeasyPrint document per certificate, one after the other (what
   simple generators and Indico do), with WeasyPrint's default PDF options and
   again with bursa's options. Timed on a sample of `--sampel` certificates
   and scaled to all of them (said so in the output).
2. floor: all pages as ONE document in one process (WeasyPrint's own cost for
   these pages), divided by the cores used: the best any split can do.
3. bursa: `produce("sertifikat")` with `--batch` and `--jobs`, as the command runs it.

Targets: bursa >= 10x faster than plain; bursa <= 1.25x the floor; peak
memory < 250 MB per worker process (the largest ru_maxrss of the forked workers).

Wall-clock time on a shared machine depends on what else runs: the load
average is printed with each figure, and CPU time is reported beside wall
time. CPU time does not depend on other processes, so "bursa CPU / floor CPU"
is the fair measure of what batching costs over one single document.
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

from bursa_cli.certify.data import collect  # noqa: E402
from bursa_cli.recap import load_for_recap  # noqa: E402
from bursa_cli.render import sertifikat as engine  # noqa: E402
from bursa_cli.render.job import Options, produce  # noqa: E402
from bursa_cli.render.pdf import BATCH_PDF_OPTIONS, Renderer  # noqa: E402

DEFAULT_PDF = {"custom_metadata": True}  # what a plain generator passes: WeasyPrint's defaults


RENDERER: dict = {}


def _children() -> tuple[float, float]:
    """CPU seconds of the finished worker processes, and the largest one's peak memory in MB."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _render(certificates, signer, alamat, share: bool, pdf_options: dict) -> tuple[int, bytes]:
    """One document for `certificates`, with the batch template.

    `share=False` is how a simple generator works: each document parses its own
    CSS and loads its own fonts.
    """
    from bursa_cli.render.qr import qr_svg

    renderer = RENDERER["renderer"]
    items = [{**c.as_dict(), "qr": qr_svg(c.tautan)} for c in certificates]
    html = renderer.html(engine.TEMPLATE, {"sertifikat": items, "penanda": signer,
                                           "alamat_verifikasi": alamat, "contoh": False}, "bench")
    document = renderer.document(html, share_style=share)
    data = document.write_pdf(**pdf_options)
    return len(document.pages), data


def _load() -> str:
    return "beban %.1f" % os.getloadavg()[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--sampel", type=int, default=40, help="sertifikat untuk cara biasa (diskalakan)")
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
    signer = engine.signer(event)
    count = len(certificates)
    per_cert = sum(len(c.inovasi) for c in certificates) / count
    print(f"{count} sertifikat, rata-rata {per_cert:.1f} inovasi per sertifikat; {os.cpu_count()} inti, "
          f"--jobs {args.jobs}, --batch {args.batch}")
    # 3. bursa: the command's engine, batches in parallel worker processes. Run first, in a
    # process that has not yet laid out hundreds of pages itself, as a user's command would.
    load, t0, c0 = _load(), time.perf_counter(), time.process_time()
    k0, _ = _children()
    printed = produce("sertifikat", folder, Options(batch=args.batch, jobs=args.jobs, ulang=True)).outputs[0].kept
    ours = time.perf_counter() - t0
    k1, peak = _children()
    ours_cpu = time.process_time() - c0 + k1 - k0
    print(f"3. bursa cetak sertifikat: {ours:.1f} s ({len(printed.done)} berkas, {printed.pages} halaman, {load}); "
          f"CPU perintah dan pekerja {ours_cpu:.1f} s (/ {args.jobs} = {ours_cpu / args.jobs:.1f} s); "
          f"puncak memori proses pekerja terbesar {peak:.0f} MB")

    RENDERER["renderer"] = Renderer(event)
    alamat = event.acara.dokumen.alamat_verifikasi or ""
    _render(certificates[:2], signer, alamat, False, DEFAULT_PDF)  # warm up imports and caches

    # 1. plain: one document per certificate, on a sample, scaled.
    sample = certificates[: args.sampel]
    plain = {}
    for label, options in (("bawaan WeasyPrint", DEFAULT_PDF), ("opsi PDF bursa", BATCH_PDF_OPTIONS)):
        load, t0, c0 = _load(), time.perf_counter(), time.process_time()
        for cert in sample:
            _render([cert], signer, alamat, False, options)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        plain[label] = (wall / len(sample) * count, cpu / len(sample) * count)
        print(f"1. biasa, {label}: {wall:.1f} s untuk {len(sample)} sertifikat ({wall / len(sample) * 1000:.0f} ms "
              f"per sertifikat, {load}) -> diskalakan ke {count}: {plain[label][0]:.0f} s "
              f"(CPU {plain[label][1]:.0f} s)")

    # 2. floor: everything as one document in this process.
    load, t0, c0 = _load(), time.perf_counter(), time.process_time()
    pages, _ = _render(certificates, signer, alamat, True, BATCH_PDF_OPTIONS)
    one_wall, one_cpu = time.perf_counter() - t0, time.process_time() - c0
    floor_wall, floor_cpu = one_wall / args.jobs, one_cpu / args.jobs
    floor_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"2. satu dokumen, satu proses: {one_wall:.1f} s, CPU {one_cpu:.1f} s ({pages} halaman, "
          f"{one_cpu / pages * 1000:.0f} ms CPU per halaman, puncak memori {floor_rss:.0f} MB, {load}); "
          f"batas bawah / {args.jobs} inti = {floor_wall:.1f} s (CPU {floor_cpu:.1f} s)")

    single = None
    if args.jobs > 1:  # the same with one process: compared with the floor, free cores do not matter
        load, t0 = _load(), time.perf_counter()
        produce("sertifikat", folder, Options(batch=args.batch, jobs=1, ulang=True))
        single = time.perf_counter() - t0
        print(f"3b. bursa cetak sertifikat --jobs 1: {single:.1f} s ({load}) = {single / one_wall:4.2f}x "
              "satu dokumen dalam satu proses")

    plain_wall, plain_cpu = plain["bawaan WeasyPrint"]
    print()
    print(f"   waktu nyata : biasa / bursa = {plain_wall / ours:5.1f}x (target >= 10x); "
          f"bursa / batas bawah = {ours / floor_wall:4.2f}x (target <= 1.25x)")
    print(f"   waktu CPU   : biasa / bursa = {plain_cpu / (ours_cpu / args.jobs):5.1f}x; "
          f"bursa / satu dokumen = {ours_cpu / one_cpu:4.2f}x")
    print(f"   biasa dengan opsi PDF bursa / bursa (CPU) = {plain['opsi PDF bursa'][1] / (ours_cpu / args.jobs):5.1f}x")
    print(f"   memori per pekerja = {peak:.0f} MB (target < 250 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
