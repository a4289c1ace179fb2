#!/usr/bin/env python3
"""Benchmark: where the time of one printed page goes, per document, with the lean and the full
user-agent sheet side by side.

    .venv/bin/python bench/halaman.py [--ukuran terbesar] [--butir 100] [--putaran 3] [--jenis undangan ...]

For each document, its first output's items (letters, cards, certificates) are cut to `--butir`
and laid out as ONE WeasyPrint document in this process, the way a batch is (the page's style
parsed once and shared). Each phase is timed and divided by the pages:
- jinja: the template to HTML; parse: HTML to a tree;
- gaya: the cascade (every element's computed styles, WeasyPrint's `_build_layout_context`);
- kotak: the boxes (`build_formatting_structure`); tata: the layout proper;
- tulis: drawing the pages and writing the PDF.
Both sheets (render/useragent.py: `ramping`, and WeasyPrint's own: `penuh`) run in turn in each
round, and the median round is printed, with the ratio of the totals.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from sintetis import make_event  # noqa: E402

import weasyprint.document as wd  # noqa: E402

import bursa_cli.render.useragent as useragent  # noqa: E402
from bursa_cli.certify.codes import load_key  # noqa: E402
from bursa_cli.render.job import Options, plan  # noqa: E402
from bursa_cli.render.pdf import Provenance  # noqa: E402

PHASES = ("jinja", "parse", "gaya", "kotak", "tata", "tulis")
DEFAULT_KINDS = ["undangan", "sertifikat", "kartu-komitmen", "kartu-id", "poster"]
_spent: dict[str, float] = {}


def _timed(phase: str, function):
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            _spent[phase] = _spent.get(phase, 0.0) + time.perf_counter() - started
    return timed


wd.build_formatting_structure = _timed("kotak", wd.build_formatting_structure)
wd.Document._build_layout_context = classmethod(_timed("gaya", wd.Document._build_layout_context.__func__))
_CAN_BE_LEAN = useragent.can_be_lean


def one_page_cost(renderer, template: str, context: dict, title: str, lean: bool) -> tuple[int, dict[str, float]]:
    """(pages, milliseconds per page of each phase) of one document."""
    useragent.can_be_lean = _CAN_BE_LEAN if lean else (lambda html: False)
    _spent.clear()
    started = time.perf_counter()
    html = renderer.html(template, context, title)
    _spent["jinja"] = time.perf_counter() - started
    from weasyprint import HTML

    original_init = HTML.__init__

    def timed_init(self, *args, **kwargs):  # HTML parsing happens in the constructor
        began = time.perf_counter()
        original_init(self, *args, **kwargs)
        _spent["parse"] = _spent.get("parse", 0.0) + time.perf_counter() - began

    HTML.__init__ = timed_init
    try:
        began = time.perf_counter()
        document = renderer.document(html, share_style=True)
        laid_out = time.perf_counter() - began
    finally:
        HTML.__init__ = original_init
    _spent["tata"] = laid_out - _spent.get("parse", 0.0) - _spent.get("gaya", 0.0) - _spent.get("kotak", 0.0)
    began = time.perf_counter()
    renderer.write(document, batch=True)
    _spent["tulis"] = time.perf_counter() - began
    pages = len(document.pages)
    return pages, {phase: 1000 * _spent.get(phase, 0.0) / pages for phase in PHASES}


def first_items(context: dict, count: int) -> tuple[str, dict]:
    key = max((k for k, v in context.items() if isinstance(v, list)), key=lambda k: len(context[k]))
    return key, {**context, key: context[key][:count]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ukuran", default="terbesar", choices=["klaster", "median", "terbesar"])
    parser.add_argument("--butir", type=int, default=100, help="items in the one document (letters, cards)")
    parser.add_argument("--putaran", type=int, default=3)
    parser.add_argument("--jenis", nargs="+", default=DEFAULT_KINDS)
    args = parser.parse_args(argv)
    folder = HERE / "_data" / f"semua-{args.ukuran}"
    make_event(folder, args.ukuran)
    load_key(folder, create=True)
    useragent.lean_sheet()  # parsed once per process, as in a real run
    print(f"acara sintetis {args.ukuran}; {args.putaran} putaran; beban {os.getloadavg()[0]:.1f}")
    print(f"{'dokumen':<16}{'lembar':<9}{'halaman':>8}" + "".join(f"{p:>7}" for p in PHASES)
          + f"{'jumlah':>8}{'rasio':>7}   ms per halaman, median putaran")
    for kind in args.jenis:
        rapat = "hari-h" if kind in ("undangan", "daftar-hadir") else None
        job = plan(kind, folder, Options(today=date(2026, 9, 15), jobs=1, ulang=True, rapat=rapat),
                   origin=Provenance("bench"))
        try:
            output = next(output for output in job.outputs if output.parts)
            template, context = output.parts[0]
            _, context = first_items(context, args.butir)
            one_page_cost(job.renderer, template, context, output.title, True)  # warms fonts and templates
            rounds: dict[bool, list[tuple[int, dict[str, float]]]] = {True: [], False: []}
            for _ in range(args.putaran):
                for lean in (True, False):
                    rounds[lean].append(one_page_cost(job.renderer, template, context, output.title, lean))
        finally:
            job.finish()
        totals = {}
        for lean in (True, False):
            ranked = sorted(rounds[lean], key=lambda r: sum(r[1].values()))
            pages, phases = ranked[len(ranked) // 2]
            totals[lean] = sum(phases.values())
            ratio = f"{totals[True] / totals[False]:7.2f}" if not lean else ""
            print(f"{kind:<16}{'ramping' if lean else 'penuh':<9}{pages:>8}"
                  + "".join(f"{phases[p]:>7.1f}" for p in PHASES) + f"{totals[lean]:>8.1f}{ratio}", flush=True)
    print(f"beban {os.getloadavg()[0]:.1f}; rasio = ramping / penuh")
    return 0


if __name__ == "__main__":
    sys.exit(main())
