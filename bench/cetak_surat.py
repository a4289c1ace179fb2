#!/usr/bin/env python3
"""Benchmark: the letters (`bursa cetak undangan --rapat hari-h`, `cetak sk`, `cetak daftar-hadir`).

    .venv/bin/python bench/cetak_surat.py [--ukuran klaster|median|terbesar] [--sampel 40]

In one run, on a synthetic event (bench/sintetis.py):
- the whole `cetak undangan --rapat hari-h` (every village's Kepala Desa and Ketua BPD, camat,
  OPD, P2KTD: letters PDF, distribution PDF and CSV, DOCX), split into its parts;
- side by side on the first N letters: ONE WeasyPrint document for the batch (what the
  pipeline does) against one document per letter joined afterwards;
- `cetak sk` and `cetak daftar-hadir --rapat hari-h`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from sintetis import make_event  # noqa: E402

from bursa_cli.render.job import Options, plan, produce  # noqa: E402
from bursa_cli.render.pdf import Provenance  # noqa: E402

ORIGIN = Provenance("bench")
TODAY = date(2026, 9, 15)


def clock(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ukuran", default="klaster", choices=["klaster", "median", "terbesar"])
    parser.add_argument("--sampel", type=int, default=40, help="letters in the batch-versus-single comparison")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_event(Path(tmp) / "acara", args.ukuran)
        options = Options(rapat="hari-h", today=TODAY)

        job, t_plan = clock(lambda: plan("undangan", folder, options, origin=ORIGIN))
        letters = next(o for o in job.outputs if o.name == "undangan-hari-h.pdf")
        count = len(letters.parts[0][1]["penerima"])
        template, context = letters.parts[0]
        _, t_html = clock(lambda: job.renderer.html(template, context, letters.title))
        _, t_pdf = clock(letters.make)
        docx = next(o for o in job.outputs if o.name.endswith(".docx"))
        _, t_docx = clock(docx.make)
        job.finish()

        sample = context["penerima"][: args.sampel]
        batch_ctx = {**context, "penerima": sample}
        single = [(template, {**context, "penerima": [p]}) for p in sample]
        job = plan("undangan", folder, options, origin=ORIGIN)
        (_, pages_batch), t_batch = clock(lambda: job.renderer.pdf_joined([(template, batch_ctx)], "x"))
        (_, pages_single), t_single = clock(lambda: job.renderer.pdf_joined(single, "x"))
        job.finish()

        result, t_all = clock(lambda: produce("undangan", folder, options, origin=ORIGIN))
        _, t_sk = clock(lambda: produce("sk", folder, Options(today=TODAY), origin=ORIGIN))
        hadir, t_hadir = clock(lambda: produce("daftar-hadir", folder, options, origin=ORIGIN))

    print(f"ukuran {args.ukuran}: {count} surat undangan hari-H")
    print(f"  plan (load_event, praperiksa, penerima)   {t_plan:7.2f} s")
    print(f"  HTML semua surat                          {t_html:7.2f} s")
    print(f"  PDF surat (satu dokumen WeasyPrint)       {t_pdf:7.2f} s  = {1000 * t_pdf / count:.0f} ms/surat")
    print(f"  DOCX                                      {t_docx:7.2f} s")
    print(f"  cetak undangan --rapat hari-h, utuh       {t_all:7.2f} s  "
          f"({', '.join(f'{o.name}: {o.pages} hlm' for o in result.outputs if o.pages)})")
    print(f"  {len(sample)} surat: satu dokumen {t_batch:.2f} s ({pages_batch} hlm) vs satu dokumen per surat "
          f"{t_single:.2f} s ({pages_single} hlm): x{t_single / t_batch:.2f}")
    print(f"  cetak sk                                  {t_sk:7.2f} s")
    print(f"  cetak daftar-hadir --rapat hari-h         {t_hadir:7.2f} s  "
          f"({', '.join(f'{o.pages} hlm' for o in hadir.outputs)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
