"""Benchmark: a stamp desk's first load on a weak hotspot (target: <= 150 KB over the wire, opens in <= 3 s).

    .venv/bin/python bench/halaman_meja.py [--banding FOLDER] [--ulang 3] [--ukuran median]
                                           [--latensi 400] [--kbit 500]

A fresh Chromium context (empty cache, as a phone that has never opened the
page) opens a stamp desk's pairing address on a real `bursa layani` over
loopback, under Chromium's own network emulation (CDP
Network.emulateNetworkConditions: `--latensi` ms added to each request,
`--kbit` kbit/s down and up). Prints, per version:

- bytes over the wire: every response's `encodedDataLength` (headers and body,
  compressed as sent) until the network is quiet, the QR decoder included;
- "terbuka": the page's load event, counted from the start of the navigation
  (the pairing address and its redirect included);
- "selesai": the end of the last response, when everything the page asks for
  has arrived.

Then the same page opened a second time in the same context (the browser's
cache warm): what a reload costs. Service workers are blocked, as on a
hotspot's plain http, where the browser allows none.

`--banding FOLDER` serves, in turns with this checkout, another copy of the
source (e.g. `git archive COMMIT bursa_cli | tar -x -C FOLDER`), `--ulang`
rounds each, so both are measured under the same load of the machine. Every
round pairs a new desk with that copy's own `bursa perangkat tambah --format
json`. Only loopback is used.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import httpx  # noqa: E402
from sintetis import make_event  # noqa: E402

from bursa_cli.schema.event import load_event  # noqa: E402

TARGET_KB = 150.0
TARGET_S = 3.0
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Load:
    bytes: int
    requests: int
    opened_s: float
    done_s: float


@dataclass
class Server:
    name: str
    source: Path | None
    port: int
    process: subprocess.Popen
    event: Path


def environment(source: Path | None) -> tuple[dict, Path]:
    """The environment and working folder that run `python -m bursa_cli` from `source` (None: this checkout)."""
    env = {**os.environ, "COLUMNS": "200"}
    if source is None:
        return env, HERE.parent
    env["PYTHONPATH"] = str(source)  # its bursa_cli before the installed one
    return env, source  # `-m` looks in the working folder first


def start(name: str, source: Path | None, event: Path) -> Server:
    """`bursa layani` from `source` on a free loopback port."""
    env, cwd = environment(source)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "bursa_cli", "layani", str(event), "--port", str(port),
                                "--alamat", "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                               env=env, cwd=cwd)
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/v1/saya", timeout=1)
            break
        except httpx.TransportError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError(f"bursa layani ({name}) tidak mulai")
            time.sleep(0.1)
    return Server(name, source, port, process, event)


def pairing_url(server: Server) -> str:
    """A new stamp desk's pairing address, from that version's own `bursa perangkat tambah` (a pairing
    QR may pair one browser only once, so every round gets its own)."""
    env, cwd = environment(server.source)
    desk = sorted(load_event(server.event).event.meja_ruang)[0]
    made = subprocess.run([sys.executable, "-m", "bursa_cli", "perangkat", "tambah", str(server.event), "--peran",
                           "stempel", "--meja", desk, "--port", str(server.port), "--alamat", "127.0.0.1",
                           "--format", "json"], env=env, cwd=cwd, capture_output=True, text=True, check=True)
    return json.loads(made.stdout)["url"]


def open_page(context, url: str, latency: float, kbit: float) -> Load:
    """Open `url` in a new tab of `context` under throttling; what went over the wire and when it was done."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    throughput = kbit * 1000 / 8  # bytes per second
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": latency,
                                                  "downloadThroughput": throughput, "uploadThroughput": throughput})
    sizes: dict[str, float] = {}
    cdp.on("Network.loadingFinished", lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]))
    page.goto(url, wait_until="load", timeout=120_000)
    page.wait_for_load_state("networkidle", timeout=120_000)
    page.wait_for_timeout(200)  # the last loadingFinished events
    timing = page.evaluate("""() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const ends = performance.getEntriesByType('resource').map(r => r.responseEnd);
        return {opened: nav.loadEventEnd, done: Math.max(nav.loadEventEnd, ...ends)};
    }""")
    page.close()
    return Load(int(sum(sizes.values())), len(sizes), timing["opened"] / 1000, timing["done"] / 1000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--banding", type=Path, help="salinan sumber lain yang diukur bergantian")
    parser.add_argument("--ulang", type=int, default=3, help="putaran per versi")
    parser.add_argument("--ukuran", default="median", help="ukuran acara sintetis (bench/sintetis.py)")
    parser.add_argument("--latensi", type=float, default=400.0, help="ms ditambahkan ke setiap permintaan")
    parser.add_argument("--kbit", type=float, default=500.0, help="kbit/s turun dan naik")
    args = parser.parse_args(argv)

    chromium = os.environ.get("BURSA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("chromium tidak terpasang (Debian: apt-get install -y chromium)")
        return 2
    from playwright.sync_api import sync_playwright

    event = HERE / "_data" / f"halaman-meja-{args.ukuran}"
    make_event(event, args.ukuran)
    variants = [("ini", None)] + ([(f"banding {args.banding.name}", args.banding.resolve())] if args.banding else [])
    servers = []
    for index, (name, source) in enumerate(variants):
        # each version its own copy: the versions keep their devices in different forms
        copy = event.with_name(f"{event.name}-{index}")
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(event, copy)
        servers.append(start(name, source, copy))
    first: dict[str, list[Load]] = {s.name: [] for s in servers}
    again: dict[str, list[Load]] = {s.name: [] for s in servers}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
            for _ in range(args.ulang):
                for server in servers:  # in turns, under the same load of the machine
                    # no service worker, as on a hotspot's plain http (and its fetches would escape the throttling)
                    context = browser.new_context(viewport=PHONE, service_workers="block")
                    url = pairing_url(server)
                    first[server.name].append(open_page(context, url, args.latensi, args.kbit))
                    desk_url = url.split("/pasang")[0] + "/meja"
                    again[server.name].append(open_page(context, desk_url, args.latensi, args.kbit))
                    context.close()
            browser.close()
    finally:
        for server in servers:
            server.process.terminate()
            server.process.wait(10)

    print(f"meja stempel, acara sintetis '{args.ukuran}', {args.latensi:.0f} ms per permintaan, "
          f"{args.kbit:.0f} kbit/s turun dan naik, {args.ulang} putaran bergantian")
    summary = {}
    for server in servers:
        for label, loads in (("pertama", first[server.name]), ("muat ulang", again[server.name])):
            kb = statistics.median(load.bytes for load in loads) / 1000
            opened = statistics.median(load.opened_s for load in loads)
            done = statistics.median(load.done_s for load in loads)
            requests = statistics.median(load.requests for load in loads)
            summary[(server.name, label)] = (kb, opened, done)
            print(f"  {server.name:<22} {label:<11} {kb:7.1f} KB dalam {requests:2.0f} permintaan, "
                  f"terbuka {opened:5.2f} s, selesai {done:5.2f} s  "
                  f"(terbuka per putaran: {', '.join(f'{load.opened_s:.2f}' for load in loads)})")
    kb, opened, _ = summary[("ini", "pertama")]
    print(f"anggaran muat pertama: {kb:.1f} KB dari {TARGET_KB:.0f} KB, terbuka {opened:.2f} s dari {TARGET_S:.0f} s: "
          f"{'TERPENUHI' if kb <= TARGET_KB and opened <= TARGET_S else 'TIDAK TERPENUHI'}")
    if args.banding:
        other = summary[(servers[1].name, "pertama")]
        print(f"rasio ini / banding (muat pertama): bita {kb / other[0]:.3f}, terbuka {opened / other[1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
