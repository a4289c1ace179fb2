"""Benchmark: `bursa layani` with many desks at once (target: p95 <= 50 ms, >= 300 entries/s).

    .venv/bin/python bench/layani.py [--meja 30] [--jumlah 100] [--ukuran terbesar]
                                     [--banding FOLDER] [--ulang 3] [--jeda 2-5 | --laju 330]

Runs on the synthetic event of the largest kabupaten (10,000 stamps already in
the logs). `--meja` paired desks (a third stamp desks, a third rating points,
a third Kartu Ide points) each send `--jumlah` entries over loopback HTTP to a
real `bursa layani` process. By default each desk sends its next entry as soon
as the answer comes (a closed loop: the most the server can take); with
`--jeda 2-5` each desk scans at a human pace instead, one entry every 2 to 5
seconds at random (an open loop: the load of a real hall); with `--laju 330`
the desks together send 330 entries a second on a schedule that does not wait
for the answers (an open loop at a chosen rate: the latency a desk sees while
the induk takes that many entries a second). Side by side in the
same run, on the same disk: the bare durable append path (`append_entry`:
lock, O_APPEND write, fsync) for the same number of entries. Prints entries
per second and the p50/p95 time from sending an entry to its "tercatat".

`--banding FOLDER` runs, in turns with this checkout, the server from another
copy of the source (e.g. `git archive COMMIT | tar -x -C FOLDER`), `--ulang`
rounds each, so the two are measured under the same load of the machine.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
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
    parser.add_argument("--banding", type=Path, help="salinan sumber lain yang diukur bergantian")
    parser.add_argument("--ulang", type=int, default=0, help="putaran per versi (bawaan 1, atau 3 dengan --banding)")
    pacing = parser.add_mutually_exclusive_group()
    pacing.add_argument("--jeda", help="detik antara dua pindaian per meja, mis. 2-5 (beban terbuka)")
    pacing.add_argument("--laju", type=float,
                        help="entri per detik dari semua meja bersama, terjadwal tanpa menunggu jawaban (beban terbuka)")
    args = parser.parse_args(argv)
    total = args.meja * args.jumlah
    pace = tuple(float(x) for x in args.jeda.split("-")) if args.jeda else None
    if args.laju:  # each desk one entry every meja/laju seconds, give or take a fifth
        pace = (0.8 * args.meja / args.laju, 1.2 * args.meja / args.laju)
    rounds = args.ulang or (3 if args.banding else 1)
    variants = [("ini", None)] + ([(f"banding {args.banding.name}", args.banding.resolve())] if args.banding else [])

    base = HERE / "_data" / f"layani-{args.ukuran}"
    make_event(base, args.ukuran)
    work = HERE / "_data" / f"layani-{args.ukuran}-kerja"
    load_before = os.getloadavg()
    floors: list[tuple[float, list[float]]] = []
    results: dict[str, list[Round]] = {name: [] for name, _ in variants}
    for number in range(rounds):
        floors.append(measure_floor(base, work, total))
        order = variants if number % 2 == 0 else variants[::-1]  # ABBA: neither version always goes first
        for name, source in order:
            results[name].append(measure_server(base, work, args.meja, args.jumlah, source, pace))
    load_after = os.getloadavg()
    shutil.rmtree(work, ignore_errors=True)

    event = load_event(base).event
    print(f"acara sintetis {args.ukuran}: {len(event.peserta)} peserta, {len(event.meja_ruang)} meja konsultasi; "
          f"{args.meja} perangkat x {args.jumlah} entri = {total}; "
          + (f"semua meja bersama mengirim {args.laju:.0f} entri/detik terjadwal (beban terbuka)" if args.laju else
             f"tiap meja memindai setiap {args.jeda} detik (beban terbuka)" if pace else
             "tiap meja mengirim begitu dijawab (beban tertutup)"))
    print(f"beban rata-rata mesin (1/5/15 menit): sebelum {_load(load_before)}, sesudah {_load(load_after)}; "
          f"{rounds} putaran")
    floor_rate = statistics.median(total / seconds for seconds, _ in floors)
    floor_times = [t for _, times in floors for t in times]
    print(f"append_entry saja (kunci + O_APPEND + fsync): {floor_rate:8.1f} /detik, "
          f"p50 {statistics.median(floor_times) * 1000:5.1f} ms, p95 {percentile(floor_times, 0.95) * 1000:5.1f} ms")
    summary = {}
    for name, _ in variants:
        runs = results[name]
        rate = statistics.median(r.rate for r in runs)
        latencies = [t for r in runs for t in r.latencies]
        refused = [a for r in runs for a in r.refused]
        cpu = statistics.median(r.cpu for r in runs) * 1000
        p50, p95 = percentile(latencies, 0.5) * 1000, percentile(latencies, 0.95) * 1000
        summary[name] = (rate, p50, p95, refused, cpu)
        each = ", ".join(f"{r.rate:.0f}" for r in runs)
        print(f"bursa layani ({name}), {args.meja} meja: {rate:8.1f} /detik (putaran: {each}), "
              f"p50 {p50:5.1f} ms, p95 {p95:5.1f} ms, CPU server {cpu:.2f} ms/entri, ditolak {len(refused)}"
              + (f" (contoh: {refused[0]})" if refused else ""))
    rate, p50, p95, refused, cpu = summary["ini"]
    print(f"rasio laju layani / append saja: {rate / floor_rate:.2f}")
    if args.banding:
        other = summary[variants[1][0]]
        print(f"rasio ini / banding: laju {rate / other[0]:.2f}, p50 {p50 / other[1]:.2f}, p95 {p95 / other[2]:.2f}, "
              f"CPU server per entri {cpu / other[4]:.2f}")
    # At a human pace (--jeda) the rate is what the desks send, so only the latency is judged.
    judge_rate = not args.jeda
    ok = p95 <= TARGET_P95_MS and (not judge_rate or rate >= TARGET_RATE) and not refused
    print(f"target p95 <= {TARGET_P95_MS:.0f} ms" + (f" dan >= {TARGET_RATE:.0f} /detik" if judge_rate else "")
          + (" (beban tertutup: p95 di sini antrean 30 meja yang tak pernah berhenti)" if not pace else "")
          + f": {'TERCAPAI' if ok else 'TIDAK tercapai'}")
    return 0 if ok else 1


def _load(values: tuple[float, float, float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


def fresh_copy(base: Path, work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(base, work)


def measure_floor(base: Path, work: Path, total: int) -> tuple[float, list[float]]:
    """The same number of durable appends, in one process, on the same disk."""
    fresh_copy(base, work)
    event = load_event(work).event
    desk = sorted(event.meja_ruang)[0]
    served = [i.id for i in event.inovasi_terpilih if i.meja == desk] or [event.inovasi_terpilih[0].id]
    path = log_path(work, "stempel", "BENCH-1")
    entry = {"waktu": "2026-11-12T10:00:00+07:00", "peserta": event.peserta[0].id, "inovasi": served[0],
             "meja": desk}
    floor: list[float] = []
    started = time.perf_counter()
    for _ in range(total):
        t0 = time.perf_counter()
        append_entry(path, entry, header_for("stempel", "BENCH-1"))
        floor.append(time.perf_counter() - t0)
    return time.perf_counter() - started, floor


@dataclass
class Round:
    rate: float  # entries per second
    latencies: list[float]  # seconds from sending an entry to its answer
    refused: list[dict]  # answers other than "tercatat"
    cpu: float  # server CPU seconds per entry


def measure_server(base: Path, work: Path, count: int, jumlah: int, source: Path | None,
                   pace: tuple[float, float] | None) -> Round:
    """One round against a fresh copy of the event: entries per second, latencies, refusals."""
    fresh_copy(base, work)
    event = load_event(work).event
    menu = [i.id for i in event.inovasi_terpilih]
    served = {d: [i.id for i in event.inovasi_terpilih if i.meja == d] for d in sorted(event.meja_ruang)}
    desks = [d for d in served if served[d]]
    peserta = [p.id for p in event.peserta]
    devices = []
    for n in range(count):
        role = ("stempel", "nilai", "ide")[n % 3]
        meja = desks[n % len(desks)] if role == "stempel" else None
        devices.append((role, meja, add_device(work, role, meja, known_desks=set(event.meja_ruang)).token))

    port = free_port()
    env = {**os.environ, "COLUMNS": "200"}
    if source is not None:
        env["PYTHONPATH"] = str(source)  # its bursa_cli before the installed one
    server = subprocess.Popen([*os.environ.get("BENCH_PREFIX", "").split(), sys.executable, "-m", "bursa_cli",
                               "layani", str(work), "--port", str(port), "--alamat", "127.0.0.1"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, env=env,
                              cwd=source or HERE.parent)  # `-m` looks in the working folder first
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/saya", timeout=1).status_code == 401:
                break
        except httpx.TransportError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise
            time.sleep(0.1)

    latencies: list[float] = []
    refused: list[dict] = []
    lock = threading.Lock()

    def send(index: int, role: str, meja: str | None, token: str) -> None:
        # A plain keep-alive connection per desk: the client's own cost stays small beside the server's,
        # since both share this machine's cores.
        mine = []
        chance = random.Random(index)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        due = time.perf_counter() + (chance.uniform(0, pace[1]) if pace else 0)
        try:
            for number in range(jumlah):
                who = peserta[(index * jumlah + number) % len(peserta)]
                body: dict = {"id_entri": f"bench-{index:03d}-{number:05d}"}
                if role == "stempel":
                    path, body = "/api/v1/stempel", {**body, "peserta": who, "inovasi": served[meja][0], "ulang": True}
                elif role == "nilai":
                    path, body = "/api/v1/penilaian", {**body, "peserta": who, "inovasi": menu[number % len(menu)],
                                                       "nilai": number % 5 + 1, "ulang": True}
                else:
                    path, body = "/api/v1/ide", {**body, "judul": f"Ide {index}-{number}"}
                if pace:
                    time.sleep(max(0.0, due - time.perf_counter()))
                    due += chance.uniform(*pace)
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
    cpu_before = cpu_seconds(server.pid)
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    cpu = cpu_seconds(server.pid) - cpu_before
    server.send_signal(signal.SIGINT)
    server.wait(30)
    return Round(count * jumlah / seconds, latencies, refused, cpu / (count * jumlah))


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far; NaN where /proc is not there.

    Why: on a machine shared with other work, the rate and latencies move with
    the load, while the server's CPU time per entry hardly does.
    """
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


if __name__ == "__main__":
    sys.exit(main())
