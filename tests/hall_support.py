"""A hall in small: the laptop induk and one phone, each in a network namespace of its own, joined
by a veth pair as if by the hotspot's Wi-Fi.

The induk's namespace is a laptop at the fair: its Wi-Fi on the hotspot (the veth, with the default
route through it), a cable to the office network that has no way out (`eth0`, one end of a veth pair, with
another private address) and Docker's bridge (`docker0`, a real bridge). Nothing tells `bursa layani` which one to
give the desks: it must find the hotspot by itself. The phone's namespace has only the veth, so a
Chromium started there is a phone on the hotspot: plain http, a real LAN address, no loopback trick.

Names carry the pytest-xdist worker and the process id, and each hall gets its own /30 inside
10.213.0.0/16, so workers never meet. Traffic goes only to these namespaces and to loopback.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pytest

from web_support import CHROMIUM

_counter = itertools.count()
OFFICE_NET = "10.99.{n}.1/24"  # the office cable on the induk's laptop: private, but no route out
DOCKER = "172.17.0.1/16"


def hall_or_skip() -> None:
    """Skip, saying why, where namespaces cannot be made."""
    if not sys.platform.startswith("linux"):
        pytest.skip("uji aula memerlukan Linux (network namespace)")
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("uji aula memerlukan root untuk `ip netns add` (CI menjalankannya sebagai root)")
    for command in ("ip", "iptables"):
        if shutil.which(command) is None:
            pytest.skip(f"perintah `{command}` tidak ada (Debian: apt-get install -y iproute2 iptables); "
                        "uji aula dilewati")


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True, check=check, timeout=30)


def in_ns(ns: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return run("ip", "netns", "exec", ns, *args, check=check)


@dataclass
class Hall:
    """Two namespaces joined by a veth pair: `induk_ip` and `phone_ip` on a /30."""

    tag: str
    induk_ns: str
    phone_ns: str
    induk_ip: str
    phone_ip: str
    office_ip: str
    made: list[str] = field(default_factory=list)

    def wifi_lost(self) -> None:
        """The phone walks out of the Wi-Fi: every packet between it and the induk is dropped."""
        in_ns(self.phone_ns, "iptables", "-I", "OUTPUT", "-d", self.induk_ip, "-j", "DROP")

    def wifi_back(self) -> None:
        in_ns(self.phone_ns, "iptables", "-D", "OUTPUT", "-d", self.induk_ip, "-j", "DROP")

    def weak_wifi(self, probability: float = 0.2) -> None:
        """A weak hotspot: a fifth of the packets each way are lost."""
        for chain in ("INPUT", "OUTPUT"):
            in_ns(self.phone_ns, "iptables", "-A", chain, "-m", "statistic", "--mode", "random",
                  "--probability", str(probability), "-j", "DROP")

    def chromium_wrapper(self, folder: Path) -> str:
        """A script Playwright starts as its browser: Chromium inside the phone's namespace."""
        script = folder / f"chromium-{self.tag}.sh"
        script.write_text(f'#!/bin/sh\nexec ip netns exec {self.phone_ns} {CHROMIUM} "$@"\n', encoding="utf-8")
        script.chmod(0o755)
        return str(script)


def _tag() -> tuple[str, int]:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    number = int(re.sub(r"\D", "", worker) or 0)
    count = next(_counter)
    return f"{number % 100}{os.getpid() % 10000}{count}", (os.getpid() * 16 + number * 4 + count) % 16384


@contextmanager
def hall() -> Iterator[Hall]:
    """Build the hall; always take it down again, whatever the test did."""
    hall_or_skip()
    tag, slot = _tag()
    base = 10 << 24 | 213 << 16 | slot * 4
    induk_ip, phone_ip = (socket.inet_ntoa((base + k).to_bytes(4, "big")) for k in (1, 2))
    made = Hall(tag, f"bursa-induk-{tag}", f"bursa-hp-{tag}", induk_ip, phone_ip, OFFICE_NET.format(n=slot % 250)
                .split("/")[0])
    wifi_induk, wifi_phone = f"bwi{tag}"[:15], f"bwp{tag}"[:15]
    try:
        for ns in (made.induk_ns, made.phone_ns):
            created = run("ip", "netns", "add", ns, check=False)
            if created.returncode != 0:
                pytest.skip(f"network namespace tidak dapat dibuat di sini: {created.stderr.strip()}")
            made.made.append(ns)
            in_ns(ns, "ip", "link", "set", "lo", "up")
        linked = run("ip", "link", "add", wifi_induk, "netns", made.induk_ns, "type", "veth",
                     "peer", "name", wifi_phone, "netns", made.phone_ns, check=False)
        if linked.returncode != 0:
            pytest.skip(f"pasangan veth tidak dapat dibuat di sini: {linked.stderr.strip()}")
        in_ns(made.induk_ns, "ip", "link", "set", wifi_induk, "name", "wlan0")
        in_ns(made.phone_ns, "ip", "link", "set", wifi_phone, "name", "wlan0")
        in_ns(made.induk_ns, "ip", "addr", "add", f"{induk_ip}/30", "dev", "wlan0")
        in_ns(made.phone_ns, "ip", "addr", "add", f"{phone_ip}/30", "dev", "wlan0")
        for ns in (made.induk_ns, made.phone_ns):
            in_ns(ns, "ip", "link", "set", "wlan0", "up")
        # The hotspot is the laptop's way out: its default route goes through the Wi-Fi.
        in_ns(made.induk_ns, "ip", "route", "add", "default", "via", phone_ip, "dev", "wlan0")
        # The office cable (a veth whose other end stays unplugged in the same laptop) and Docker's bridge.
        in_ns(made.induk_ns, "ip", "link", "add", "eth0", "type", "veth", "peer", "name", "kabel0")
        bridged = in_ns(made.induk_ns, "ip", "link", "add", "docker0", "type", "bridge", check=False)
        if bridged.returncode != 0:
            pytest.skip(f"bridge (docker0 tiruan) tidak dapat dibuat di sini: {bridged.stderr.strip()}")
        for name, address in (("eth0", f"{made.office_ip}/24"), ("docker0", DOCKER)):
            in_ns(made.induk_ns, "ip", "addr", "add", address, "dev", name)
            in_ns(made.induk_ns, "ip", "link", "set", name, "up")
        in_ns(made.induk_ns, "ip", "link", "set", "kabel0", "up")
        yield made
    finally:
        for ns in made.made:
            for pid in run("ip", "netns", "pids", ns, check=False).stdout.split():
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except (ProcessLookupError, ValueError):
                    pass
            run("ip", "netns", "del", ns, check=False)  # takes its ends of the veth pair with it


class Layani:
    """`bursa layani FOLDER` started inside the induk's namespace, on the default address."""

    def __init__(self, hall: Hall, root: Path, *extra: str, port: int = 8000, from_phone: bool = True):
        self.hall, self.root, self.port = hall, root, port
        self.log = Path(tempfile.mkstemp(prefix="layani-", suffix=".txt")[1])
        env = {**os.environ, "COLUMNS": "200", "TERM": "dumb", "PYTHONUNBUFFERED": "1"}
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                ["ip", "netns", "exec", hall.induk_ns, sys.executable, "-m", "bursa_cli", "layani", str(root),
                 "--port", str(port), *extra], stdout=out, stderr=subprocess.STDOUT, env=env,
                start_new_session=True)
        deadline = time.monotonic() + 40
        while "Ctrl+C" not in self.output():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise AssertionError(f"bursa layani tidak mulai:\n{self.output()}")
            time.sleep(0.2)
        while from_phone and in_ns(hall.phone_ns, sys.executable, "-c", PROBE, hall.induk_ip, str(port),
                                   check=False).returncode:
            if time.monotonic() > deadline:
                raise AssertionError("bursa layani tidak dapat dicapai dari ponsel")
            time.sleep(0.2)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def pid(self) -> int:
        """The server's own process (ip netns exec runs it in place, so it is this pid)."""
        return self.process.pid

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)


PROBE = ("import socket, sys\n"
         "socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=2).close()\n")


def pair_in_hall(hall: Hall, root: Path, port: int, peran: str, meja: str | None = None) -> dict:
    """`bursa perangkat tambah` on the induk's laptop: the pairing URL it prints, with its token."""
    args = [sys.executable, "-m", "bursa_cli", "perangkat", "tambah", str(root), "--peran", peran,
            "--port", str(port), "--format", "json"] + (["--meja", meja] if meja else [])
    done = in_ns(hall.induk_ns, *args)
    return json.loads(done.stdout)


def from_phone(hall: Hall, script: str, *args: str, timeout: float = 60) -> dict:
    """Run a Python `script` on the phone (inside its namespace); it prints one JSON answer."""
    done = subprocess.run(["ip", "netns", "exec", hall.phone_ns, sys.executable, "-c", script, *args],
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("VmRSS tidak ada")
