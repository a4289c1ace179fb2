#!/usr/bin/env python3
"""A scripted rehearsal (gladi bersih) with known times, and its timing report (`bursa rekap --gladi`).

    .venv/bin/python bench/gladi.py [--benih 24] [--jendela 90]

Runs on a copy of contoh-kabupaten under bench/_data/gladi/. The clock is
injected (`Day.clock`), so the script takes seconds and always gives the same
report for the same seed:

- two registration desks take the 20 practice cards and 40 listed participants
  from 07.00, 30 to 65 seconds each; REG-2 pauses 12 minutes; three unknown ids
  are scanned (refused);
- four consultation desks stamp them, 1 to 4 minutes apart, each refusing one
  innovation it does not serve;
- one rating point, one Kartu Ide desk, and Jendela 3 taking five villages' cards.

Nothing is written outside the copy's gladi/ area; the script checks that its
log/ is byte for byte what it was.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from bursa_cli.day import Day, Refused, check_in, rate, record_commitment, record_idea, stamp  # noqa: E402
from bursa_cli.day import Repeat, desk_inovasi  # noqa: E402


def tree(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benih", type=int, default=24, help="benih acak (sama = laporan sama)")
    parser.add_argument("--jendela", type=int, default=90, help="jendela kedatangan dalam menit")
    args = parser.parse_args()
    rng = random.Random(args.benih)
    root = HERE / "_data" / "gladi"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(REPO / "contoh-kabupaten", root, ignore=shutil.ignore_patterns("keluaran", "gladi", ".layani"))
    before = tree(root / "log")

    day = Day.open(root, gladi=True)
    start = datetime.fromisoformat(f"{day.acara.tanggal - timedelta(days=1)}T07:00:00+07:00")
    events: list[tuple[datetime, str, tuple]] = []  # (time, what, arguments), replayed in time order

    people = list(day.practice) + [p.id for p in day.event.peserta if p.konfirmasi == "ya"][:40]
    desks = {"REG-1": start, "REG-2": start + timedelta(seconds=8)}
    for index, who in enumerate(people):
        desk = "REG-1" if index % 2 == 0 else "REG-2"
        events.append((desks[desk], "registrasi", (desk, who)))
        desks[desk] += timedelta(seconds=rng.uniform(30, 65))
        if desk == "REG-2" and index == 21:
            desks[desk] += timedelta(minutes=12)  # a break at REG-2
    for number, typo in enumerate(("P-9999", "LAT-99", "P-00O1")):
        events.append((start + timedelta(minutes=3 + 5 * number, seconds=5), "registrasi", ("REG-1", typo)))

    stamp_desks = ["A-01", "A-02", "B-01", "C-01"]
    for number, meja in enumerate(stamp_desks):
        served = [i.id for i in desk_inovasi(day, meja)]
        when = start + timedelta(minutes=40 + number)
        for who in people[number::4][:12]:
            events.append((when, "stempel", (meja, who, served[0])))
            when += timedelta(seconds=rng.uniform(60, 240))
        other = next(i.id for i in day.menu.values() if i.meja != meja)
        events.append((when, "stempel", (meja, people[number], other)))  # not served here: refused
    when = start + timedelta(minutes=75)
    for who in people[:10]:
        events.append((when, "nilai", ("NILAI-1", who, "INO-001", rng.randint(3, 5))))
        when += timedelta(seconds=rng.uniform(20, 40))
    events.append((start + timedelta(minutes=80), "ide", ("IDE-1", "Lumbung pangan keliling", "LAT-01")))
    villages = sorted({day.practice[p].desa for p in list(day.practice)[:10]})
    when = start + timedelta(minutes=95)
    for kode in villages:
        events.append((when, "komitmen", ("J3-1", kode)))
        when += timedelta(seconds=rng.uniform(120, 240))

    written = refused = 0
    for moment, what, arguments in sorted(events, key=lambda item: item[0]):
        day.clock = lambda moment=moment: moment.isoformat(timespec="seconds")
        try:
            if what == "registrasi":
                check_in(day, *arguments)
            elif what == "stempel":
                meja, who, inovasi = arguments
                stamp(day, meja, who, inovasi)
            elif what == "nilai":
                rate(day, *arguments)
            elif what == "ide":
                record_idea(day, arguments[0], arguments[1], peserta_id=arguments[2])
            else:
                perangkat, kode = arguments
                stamped = [s for (p, s) in day.stamps if day.peserta(p) and day.peserta(p).desa == kode]
                chosen = stamped[:2] or ["INO-001"]
                record_commitment(day, perangkat, kode, chosen, None, True, True,
                                  alasan={i: "latihan" for i in chosen})
            written += 1
        except (Refused, Repeat):
            refused += 1
    assert tree(root / "log") == before, "log/ berubah saat gladi"
    print(f"Gladi berskrip (benih {args.benih}): {written} entri, {refused} ditolak; log/ tidak berubah.\n")
    subprocess.run([sys.executable, "-m", "bursa_cli", "rekap", str(root), "--gladi", "--jendela", str(args.jendela)],
                   check=True, env={"COLUMNS": "120", "PATH": ""})


if __name__ == "__main__":
    main()
