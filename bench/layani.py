#!/usr/bin/env python3
"""Benchmark: `bursa layani` with many desks at once (target: p95 <= 50 ms, >= 300 entries/s).

    .venv/bin/python bench/layani.py [--meja 30] [--jumlah 100] [--ukuran terbesar]

Runs on the synthetic event of the largest kabupaten (10,000 stamps already in
the logs). `--meja` paired desks (a third stamp desks, a third rating points,
a third Kartu Ide points) each send `--jumlah` entries as fast as the answers
come, over loopback HTTP to a real `bursa layani` process. Side by side in the
same run, on the same disk: the bare durable append path (`append_entry`:
lock, O_APPEND write, fsync) for the same number of entries. Prints entries
per second and the p50/p95 time from sending an entry to its "tercatat".
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import httpx  # noqa: E402
from sintetis import make_event  # noqa: E402

from bursa_cli.day.devices import add_device  # noqa: E402
from bursa_cli.day.logwrite import append_entry, header_for, log_path  # noqa: E402
from bursa_cli.schema.event import load_event  # noqa: E402

TARGET_P95_MS = 50.0
TARGET_RATE = 300.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--meja", type=int, default=30, help="perangkat yang mengirim serentak")
    parser.add_argument("--jumlah", type=int, default=100, help="entri per perangkat")
    parser.add_argument("--ukuran", default="terbesar", help="terbesar, median atau klaster")
    args = parser.parse_args(argv)
    total = args.meja * args.jumlah

    base = HERE / "_data" / f"layani-{args.ukuran}"
    make_event(base, args.ukuran)
    work = HERE / "_data" / f"layani-{args.ukuran}-kerja"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(base, work)
    event = load_event(work).event
    desks = sorted(event.meja_ruang)
    menu = [i.id for i in event.inovasi_terpilih]
    served = {d: [i.id for i in event.inovasi_terpilih if i.meja == d] for d in desks}
    desks = [d for d in desks if served[d]]
    peserta = [p.id for p in event.peserta]

    # The floor: the same number of durable appends, in one process, on the same disk.
    path = log_path(work, "stempel", "BENCH-1")
    entry = {"waktu": "2026-11-12T10:00:00+07:00", "peserta": peserta[0], "inovasi": served[desks[0]][0],
             "meja": desks[0]}
    floor: list[float] = []
    started = time.perf_counter()
    for _ in range(total):
        t0 = time.perf_counter()
        append_entry(path, entry, header_for("stempel", "BENCH-1"))
        floor.append(time.perf_counter() - t0)
    floor_seconds = time.perf_counter() - started
    path.unlink()

    devices = []
    for n in range(args.meja):
        role = ("stempel", "nilai", "ide")[n % 3]
        meja = desks[n % len(desks)] if role == "stempel" else None
        devices.append((role, meja, add_device(work, role, meja, known_desks=set(event.meja_ruang)).token))

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "bursa_cli", "layani", str(work), "--port", str(port),
                               "--alamat", "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                              env={**os.environ, "COLUMNS": "200"})
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/saya", timeout=1).status_code == 401:
                break
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)

    latencies: list[float] = []
    refused: list[dict] = []
    lock = threading.Lock()

    def send(index: int, role: str, meja: str | None, token: str) -> None:
        # A plain keep-alive connection per desk: the client's own cost stays small beside the server's,
        # since both share this machine's cores.
        mine = []
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        try:
            for number in range(args.jumlah):
                who = peserta[(index * args.jumlah + number) % len(peserta)]
                body: dict = {"id_entri": f"bench-{index:03d}-{number:05d}"}
                if role == "stempel":
                    path, body = "/api/v1/stempel", {**body, "peserta": who, "inovasi": served[meja][0], "ulang": True}
                elif role == "nilai":
                    path, body = "/api/v1/penilaian", {**body, "peserta": who, "inovasi": menu[number % len(menu)],
                                                       "nilai": number % 5 + 1, "ulang": True}
                else:
                    path, body = "/api/v1/ide", {**body, "judul": f"Ide {index}-{number}"}
                t0 = time.perf_counter()
                connection.request("POST", path, body=json.dumps(body), headers=headers)
                answer = json.loads(connection.getresponse().read())
                mine.append(time.perf_counter() - t0)
                if answer.get("status") != "tercatat":
                    with lock:
                        refused.append(answer)
        finally:
            connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=send, args=(n, *device)) for n, device in enumerate(devices)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    served_seconds = time.perf_counter() - started
    server.send_signal(signal.SIGINT)
    server.wait(30)

    rate = total / served_seconds
    p50, p95 = percentile(latencies, 0.5) * 1000, percentile(latencies, 0.95) * 1000
    print(f"acara sintetis {args.ukuran}: {len(peserta)} peserta, {len(desks)} meja konsultasi; "
          f"{args.meja} perangkat x {args.jumlah} entri = {total}")
    print(f"append_entry saja (kunci + O_APPEND + fsync): {total / floor_seconds:8.1f} /detik, "
          f"p50 {statistics.median(floor) * 1000:5.1f} ms, p95 {percentile(floor, 0.95) * 1000:5.1f} ms")
    print(f"bursa layani, {args.meja} meja serentak:       {rate:8.1f} /detik, p50 {p50:5.1f} ms, p95 {p95:5.1f} ms")
    print(f"rasio laju layani / append saja: {rate / (total / floor_seconds):.2f}")
    print(f"ditolak: {len(refused)}" + (f" (contoh: {refused[0]})" if refused else ""))
    ok = p95 <= TARGET_P95_MS and rate >= TARGET_RATE and not refused
    print(f"target p95 <= {TARGET_P95_MS:.0f} ms dan >= {TARGET_RATE:.0f} /detik: "
          f"{'TERCAPAI' if ok else 'TIDAK tercapai'}")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
