#!/usr/bin/env python3
"""Benchmark: the laptop induk printing certificates at Jendela 3, one after another, all day.

    .venv/bin/python bench/sertifikat_induk.py [--jumlah 40] [--ukuran klaster | --acara FOLDER]
                                               [--banding FOLDER]

A real `bursa layani` process serves a paired Jendela 3 device, which asks for
`--jumlah` villages' certificates one after another
(`GET /api/v1/sertifikat/{kode}.pdf`, rendered on the spot through the gate,
which loads the event each time). Every tenth certificate this prints the
server's resident memory (VmRSS), WeasyPrint's temporary font folders in the
server's own temp folder, and the seconds per certificate.

`--acara FOLDER` prints from a copy of an event folder (e.g. contoh-kabupaten,
whose certificates carry signature images) instead of a synthetic event.
`--banding FOLDER` runs the same in another copy of the source (e.g. `git
worktree add --detach FOLDER COMMIT`), one after the other in the same run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import httpx  # noqa: E402
from layani import free_port  # noqa: E402

from bursa_cli.day.devices import add_device  # noqa: E402
from bursa_cli.schema.event import cards_in_force, load_event  # noqa: E402


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def serve_and_print(source: Path, original: Path, count: int) -> list[tuple[int, float, int, float]]:
    with tempfile.TemporaryDirectory(prefix="bench-induk-") as work:
        event = Path(shutil.copytree(original, Path(work) / "acara", ignore=shutil.ignore_patterns("keluaran")))
        temp = Path(work) / "tmp"
        temp.mkdir()
        villages = list(cards_in_force(load_event(event).event.komitmen))  # the villages with a card in force
        token = add_device(event, "komitmen", None).token
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(source), "TMPDIR": str(temp), "COLUMNS": "200"}
        server = subprocess.Popen([sys.executable, "-m", "bursa_cli", "layani", str(event), "--port", str(port),
                                   "--alamat", "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                                  env=env, cwd=source)
        try:
            client = httpx.Client(base_url=f"http://127.0.0.1:{port}/api/v1",
                                  headers={"Authorization": f"Bearer {token}"}, timeout=120)
            deadline = time.monotonic() + 60
            while True:
                try:
                    if client.get("/saya").status_code == 200:
                        break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise
                    time.sleep(0.1)
            rows = []
            started = time.perf_counter()
            for number, kode in enumerate(villages[:count], start=1):
                answer = client.get(f"/sertifikat/{kode}.pdf")
                if answer.status_code != 200 or not answer.content.startswith(b"%PDF"):
                    raise SystemExit(f"sertifikat {kode}: {answer.status_code} {answer.text[:300]}")
                if number == 1 or number % 10 == 0 or number == min(count, len(villages)):
                    rows.append((number, resident_mb(server.pid), len(list(temp.glob("weasyprint-*"))),
                                 (time.perf_counter() - started) / number))
            return rows
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--jumlah", type=int, default=40, help="sertifikat yang dicetak satu per satu")
    parser.add_argument("--ukuran", default="klaster", help="terbesar, median atau klaster")
    parser.add_argument("--acara", type=Path, help="folder acara yang disalin, bukan acara sintetis")
    parser.add_argument("--banding", type=Path, help="salinan sumber lain yang diukur sesudahnya")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-induk-acara-") as work:
        if args.acara:
            event = args.acara.resolve()
        else:
            from sintetis import make_event

            event = make_event(Path(work) / "acara", args.ukuran)
        print(f"acara {args.acara or 'sintetis ' + args.ukuran}: {args.jumlah} sertifikat satu per satu "
              "dari bursa layani, seperti Jendela 3")
        versions = [("ini", HERE.parent)] + ([(f"banding {args.banding.name}", args.banding.resolve())]
                                             if args.banding else [])
        for name, source in versions:
            for number, memory, folders, seconds in serve_and_print(source, event, args.jumlah):
                print(f"  {name:<18} sertifikat ke-{number:>3}: memori server {memory:6.1f} MB, "
                      f"folder font {folders:>3}, {seconds:.2f} s per sertifikat")
    return 0


if __name__ == "__main__":
    sys.exit(main())
