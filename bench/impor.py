#!/usr/bin/env python3
"""Benchmark: `bursa impor peserta` at the largest kabupaten (852 desa, 1,704 participants).

    .venv/bin/python bench/impor.py [--ulang 3]

Side by side in one run, on the same XLSX file:
- bare openpyxl: reading every row of the sheet (read_only), the floor any importer pays;
- load_event: reading the event folder, which every import does first (twice when it writes);
- plan: load_event, then reading, mapping, matching every village and person (a re-import: all rows known);
- import: the same 1,704 rows into an event whose peserta.yaml is empty (append, atomic
  write, and `load_event` before and after to make sure nothing broke);
- export: `bursa ekspor peserta` to XLSX.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from sintetis import make_event  # noqa: E402

from bursa_cli.impor import apply_plan, export_list, plan_import  # noqa: E402
from bursa_cli.schema.event import load_event  # noqa: E402


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ulang", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-impor-"))
    try:
        root = make_event(work / "acara", "terbesar")
        event = load_event(root).event
        sheet = work / "peserta.xlsx"
        export_list("peserta", event, sheet)
        rows = len(event.peserta)

        def bare():
            from openpyxl import load_workbook

            book = load_workbook(sheet, read_only=True, data_only=True)
            sum(1 for _ in book.active.iter_rows(values_only=True))
            book.close()

        def plan():
            result = plan_import("peserta", sheet, load_event(root).event)
            assert len(result.having("sama")) == rows, result.errors[:3]

        def fresh_import():
            target = work / "kosong"
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(root, target)
            (target / "peserta.yaml").write_text("[]\n", encoding="utf-8")
            shutil.rmtree(target / "log", ignore_errors=True)  # walk-ins would clash with the ids
            begin = time.perf_counter()
            result = plan_import("peserta", sheet, load_event(target).event)
            outcome = apply_plan(result, target)
            assert outcome.added == rows, (outcome.added, result.errors[:3])
            return time.perf_counter() - begin

        times: dict[str, list[float]] = {"openpyxl saja": [], "load_event saja": [], "rencana (impor ulang)": [],
                                          "impor ke peserta.yaml kosong": [], "ekspor xlsx": []}
        for _ in range(args.ulang):  # interleaved, so load on the shared machine hits all alike
            times["openpyxl saja"].append(timed(bare))
            times["load_event saja"].append(timed(lambda: load_event(root)))
            times["rencana (impor ulang)"].append(timed(plan))
            times["impor ke peserta.yaml kosong"].append(fresh_import())
            times["ekspor xlsx"].append(timed(lambda: export_list("peserta", event, work / "keluar.xlsx")))
        floor = statistics.median(times["openpyxl saja"])
        print(f"{rows} peserta, {len(event.desa)} desa; median dari {args.ulang} kali")
        for name, values in times.items():
            median = statistics.median(values)
            print(f"  {name:32s} {median:6.2f} s   {median / floor:5.1f} x openpyxl saja")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
