"""Benchmark: `bursa layani` over a real network, as in the hall (root only: network namespaces).

    sudo .venv/bin/python bench/aula.py [--banjir 40] [--mb 8] [--stempel 100] [--banding FOLDER]

Builds two network namespaces joined by a veth pair, the laptop induk (10.213.254.1) and a phone
(10.213.254.2), and runs a real `bursa layani` on the synthetic cluster event inside the induk's
namespace, on its default address. Traffic goes only between these two namespaces. From the
phone's namespace it measures:

- the server's memory (RSS) before and after a flood of `--banjir` unpaired POSTs, one after
  another, each declaring a 200 MB body and pushing up to `--mb` MB of it; and how long the
  first refusal took;
- the time from sending a stamp to its "tercatat", for `--stempel` stamps sent one after another
  on one keep-alive connection (a desk), then again with 20% of the packets lost each way
  (`iptables -m statistic`, a weak hotspot).

`--banding FOLDER` runs the same, in the same run, against another copy of the source (e.g.
`git archive COMMIT | tar -x -C FOLDER`), to put the figures side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from sintetis import make_event  # noqa: E402

from bursa_cli.schema.event import load_event  # noqa: E402

INDUK_IP, PHONE_IP, PORT = "10.213.254.1", "10.213.254.2", 8000
MB = 1024 * 1024

FLOOD = """
import json, socket, sys, time
host, port, count, push = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
first = None
heads = []
for n in range(count):
    conn = socket.create_connection((host, port), timeout=10)
    conn.settimeout(3)
    started = time.monotonic()
    conn.sendall(b"POST /api/v1/stempel HTTP/1.1\\r\\nHost: %s\\r\\nContent-Type: application/json\\r\\n"
                 b"Content-Length: %d\\r\\n\\r\\n" % (host.encode(), 200 * 1024 * 1024))
    sent = 0
    try:
        while sent < push:
            conn.sendall(b"x" * 65536)
            sent += 65536
    except OSError:
        pass  # the induk closed the connection: it refused before taking the body in
    data = b""
    try:
        while b"\\r\\n\\r\\n" not in data:
            piece = conn.recv(65536)
            if not piece:
                break
            data += piece
    except OSError:
        pass  # the connection ended: what arrived is the answer
    if first is None:
        first = time.monotonic() - started
    heads.append(data.split(b"\\r\\n")[0].decode() or "(tanpa jawaban)")
    conn.close()
print(json.dumps({"first": first, "heads": heads}))
"""

STAMPS = """
import http.client, json, sys, time
host, port, token, meja_inovasi, count, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6]
peserta = sys.argv[7].split(",")
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
conn = http.client.HTTPConnection(host, port, timeout=30)
took, statuses = [], {}
for n in range(count):
    body = json.dumps({"id_entri": "aula-%s-%05d" % (tag, n), "peserta": peserta[n % len(peserta)],
                       "inovasi": meja_inovasi, "ulang": True})
    started = time.perf_counter()
    while True:  # what the desk page does: resend the same id_entri until an answer comes
        try:
            conn.request("POST", "/api/v1/stempel", body=body, headers=headers)
            answer = json.loads(conn.getresponse().read())
            break
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=30)
    took.append(time.perf_counter() - started)
    statuses[answer.get("status")] = statuses.get(answer.get("status"), 0) + 1
print(json.dumps({"took": took, "statuses": statuses}))
"""


def run(*args: str, check: bool = True, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True, check=check, timeout=600, **kw)


def in_ns(ns: str, *args: str, **kw) -> subprocess.CompletedProcess:
    return run("ip", "netns", "exec", ns, *args, **kw)


@contextmanager
def hall():
    tag = str(os.getpid() % 100000)
    induk, phone = f"bench-induk-{tag}", f"bench-hp-{tag}"
    made = []
    try:
        for ns in (induk, phone):
            run("ip", "netns", "add", ns)
            made.append(ns)
            in_ns(ns, "ip", "link", "set", "lo", "up")
        run("ip", "link", "add", f"bbi{tag}", "netns", induk, "type", "veth", "peer", "name", f"bbp{tag}",
            "netns", phone)
        for ns, name, ip in ((induk, f"bbi{tag}", INDUK_IP), (phone, f"bbp{tag}", PHONE_IP)):
            in_ns(ns, "ip", "link", "set", name, "name", "wlan0")
            in_ns(ns, "ip", "addr", "add", f"{ip}/30", "dev", "wlan0")
            in_ns(ns, "ip", "link", "set", "wlan0", "up")
        in_ns(induk, "ip", "route", "add", "default", "via", PHONE_IP)
        yield induk, phone
    finally:
        for ns in made:
            for pid in run("ip", "netns", "pids", ns, check=False).stdout.split():
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except (ProcessLookupError, ValueError):
                    pass
            run("ip", "netns", "del", ns, check=False)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("VmRSS tidak ada")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(name: str, base: Path, work: Path, source: Path | None, induk: str, phone: str,
            args: argparse.Namespace) -> dict:
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(base, work)
    event = load_event(work).event
    meja = next(m for m in sorted(event.meja_ruang) if any(i.meja == m for i in event.inovasi_terpilih))
    inovasi = next(i.id for i in event.inovasi_terpilih if i.meja == meja)
    peserta = ",".join(p.id for p in event.peserta[:200])
    env = {**os.environ, "COLUMNS": "200"}
    if source is not None:
        env["PYTHONPATH"] = str(source)
    cwd = source or HERE.parent  # `-m` looks in the working folder first
    made = in_ns(induk, sys.executable, "-m", "bursa_cli", "perangkat", "tambah", str(work), "--peran", "stempel",
                 "--meja", meja, "--format", "json", "--alamat", INDUK_IP, env=env, cwd=cwd)
    token = json.loads(made.stdout)["token"]
    server = subprocess.Popen(["ip", "netns", "exec", induk, sys.executable, "-m", "bursa_cli", "layani", str(work),
                               "--port", str(PORT)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, env=env,
                              cwd=cwd, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        probe = f"import socket; socket.create_connection(('{INDUK_IP}', {PORT}), timeout=1).close()"
        while in_ns(phone, sys.executable, "-c", probe, check=False).returncode:
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"bursa layani ({name}) tidak dapat dicapai dari ponsel")
            time.sleep(0.2)
        time.sleep(0.5)
        before = rss_mb(server.pid)
        flood = json.loads(in_ns(phone, sys.executable, "-c", FLOOD, INDUK_IP, str(PORT), str(args.banjir),
                                 str(args.mb * MB)).stdout)
        time.sleep(0.5)
        after = rss_mb(server.pid)
        good = json.loads(in_ns(phone, sys.executable, "-c", STAMPS, INDUK_IP, str(PORT), token, inovasi,
                                str(args.stempel), "baik", peserta).stdout)
        for chain in ("INPUT", "OUTPUT"):
            in_ns(phone, "iptables", "-A", chain, "-m", "statistic", "--mode", "random", "--probability", "0.2",
                  "-j", "DROP")
        try:
            weak = json.loads(in_ns(phone, sys.executable, "-c", STAMPS, INDUK_IP, str(PORT), token, inovasi,
                                    str(args.stempel), "lemah", peserta).stdout)
        finally:
            in_ns(phone, "iptables", "-F", check=False)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    heads = {h: flood["heads"].count(h) for h in sorted(set(flood["heads"]))}
    print(f"bursa layani ({name}): RSS {before:.1f} MB sebelum banjir, {after:.1f} MB sesudah {args.banjir} "
          f"permintaan tanpa token (masing-masing mengaku 200 MB, mengirim sampai {args.mb} MB): "
          f"{after - before:+.1f} MB; jawaban pertama {flood['first']:.3f} s; jawaban: {heads}")
    for label, got in (("Wi-Fi baik", good), ("hotspot lemah, 20% paket hilang", weak)):
        took = [t * 1000 for t in got["took"]]
        print(f"  stempel dari namespace ponsel ({label}), {len(took)} entri berurutan: p50 "
              f"{statistics.median(took):.1f} ms, p95 {percentile(took, 0.95):.1f} ms, maks {max(took):.1f} ms; "
              f"status {got['statuses']}")
    return {"before": before, "after": after}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--banjir", type=int, default=40, help="permintaan besar tanpa token (bawaan 40)")
    parser.add_argument("--mb", type=int, default=8, help="MB yang dikirim per permintaan (bawaan 8)")
    parser.add_argument("--stempel", type=int, default=100, help="stempel berurutan per keadaan Wi-Fi (bawaan 100)")
    parser.add_argument("--banding", type=Path, help="salinan sumber lain untuk dibandingkan dalam putaran yang sama")
    args = parser.parse_args(argv)
    if not (1 <= args.banjir <= 500 and 1 <= args.mb <= 200 and 1 <= args.stempel <= 2000):
        parser.error("--banjir 1..500, --mb 1..200, --stempel 1..2000")
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("ip") is None or not shutil.which("iptables"):
        print("bench/aula.py memerlukan root, `ip` (iproute2) dan iptables: network namespace dibuat di sini.")
        return 2
    with tempfile.TemporaryDirectory(prefix="bench-aula-") as tmp:
        base = make_event(Path(tmp) / "acara", "klaster")
        with hall() as (induk, phone):
            print(f"acara sintetis klaster, laptop induk {INDUK_IP} dan ponsel {PHONE_IP} di dua network namespace")
            mine = measure("ini", base, Path(tmp) / "kerja", None, induk, phone, args)
            if args.banding:
                other = measure(f"banding {args.banding.name}", base, Path(tmp) / "kerja", args.banding.resolve(),
                                induk, phone, args)
                grown, grown_other = mine["after"] - mine["before"], other["after"] - other["before"]
                print(f"kenaikan memori: ini {grown:+.1f} MB, banding {grown_other:+.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
