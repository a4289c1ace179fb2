#!/usr/bin/env python3
"""Benchmark: the Bursa documents (posters, catalogue, floor plan, badges, cards) at real sizes.

    .venv/bin/python bench/cetak_dokumen.py [--ukuran klaster median terbesar] [--tanpa-kartu-id]

For each size (bench/sintetis.py) it times, in one run:
- plan_seating and draw_floorplan alone (the pure-Python part of `cetak denah`);
- every document through the whole pipeline (`produce`: load, check, HTML, WeasyPrint, atomic write);
- side by side, `cetak kartu-id` with its QR codes and with the QR codes left out, to show
  what the inline SVG QR costs per badge.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from sintetis import make_event  # noqa: E402

from bursa_cli.render import kartu  # noqa: E402
from bursa_cli.render.floorplan import draw_floorplan  # noqa: E402
from bursa_cli.render.job import Options, produce  # noqa: E402
from bursa_cli.render.pdf import Provenance  # noqa: E402
from bursa_cli.seating import plan_seating  # noqa: E402
from bursa_cli.schema.event import load_event  # noqa: E402

KINDS = ("poster", "katalog", "denah", "kartu-komitmen", "kartu-ide", "kartu-id")
ORIGIN = Provenance("bench")


def timed(action):
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def run(size: str, work: Path, with_badges: bool) -> None:
    root = make_event(work / size, size)
    event = load_event(root).event
    seats, plan = timed(lambda: plan_seating(event))
    drawn, svg = timed(lambda: draw_floorplan(event, plan))
    print(f"\n## {size}: {len(event.desa)} desa, {len(plan.seated)} kursi terisi, "
          f"{len(event.inovasi_terpilih)} inovasi")
    print(f"plan_seating {seats * 1000:8.1f} ms   draw_floorplan {drawn * 1000:8.1f} ms "
          f"({len(svg) // 1024} KiB SVG)")
    print(f"{'dokumen':16} {'halaman':>8} {'detik':>8} {'ms/halaman':>11}")
    for kind in KINDS:
        if kind == "kartu-id" and not with_badges:
            continue
        seconds, produced = timed(lambda: produce(kind, root, Options(), origin=ORIGIN))
        pages = sum(o.pages or 0 for o in produced.outputs)
        print(f"{kind:16} {pages:8d} {seconds:8.2f} {seconds / max(pages, 1) * 1000:11.1f}")
    if with_badges:
        real = kartu.qr_svg
        kartu.qr_svg = lambda data, *a, **k: ""
        try:
            seconds, produced = timed(lambda: produce("kartu-id", root, Options(), origin=ORIGIN))
        finally:
            kartu.qr_svg = real
        pages = produced.outputs[0].pages
        print(f"{'kartu-id tanpa QR':16} {pages:8d} {seconds:8.2f} {seconds / max(pages, 1) * 1000:11.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ukuran", nargs="+", default=["klaster", "median", "terbesar"])
    parser.add_argument("--tanpa-kartu-id", action="store_true", help="lewati kartu-id (paling lama)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.ukuran:
            run(size, Path(tmp), not args.tanpa_kartu_id)


if __name__ == "__main__":
    main()
