"""Helpers for the tests of `bursa layani`: a real server on loopback, paired devices, a real browser."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from bursa_cli.day.devices import add_device
from bursa_cli.schema.event import load_event

CHROMIUM = os.environ.get("BURSA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Induk:
    """`bursa layani` for `root` on one loopback port, in this process, that a test can take down
    and bring back on the same port, as when the laptop induk is switched off or restarted."""

    def __init__(self, root: Path, http=None, gladi: bool = False) -> None:
        self.root = root
        self.http = http  # uvicorn's HTTP protocol; bursa layani's guarded one unless given
        self.gladi = gladi  # the rehearsal (`bursa layani --gladi`); may change between down() and up()
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.server = None
        self.thread: threading.Thread | None = None

    def up(self) -> None:
        import uvicorn

        from bursa_cli.web.app import create_app

        from bursa_cli.web.guard import guarded_protocol

        config = uvicorn.Config(create_app(self.root, base_url=self.base, gladi=self.gladi), host="127.0.0.1",
                                port=self.port, log_level="warning", access_log=False,
                                http=self.http or guarded_protocol())
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("bursa layani tidak mulai dalam 20 detik")
            time.sleep(0.05)

    def down(self) -> None:
        """Stops the server: from here on a connection to its port is refused."""
        if self.server is not None:
            self.server.should_exit = True
            self.thread.join(10)
            self.server = None


@contextmanager
def induk(root: Path, http=None, gladi: bool = False) -> Iterator[Induk]:
    running = Induk(root, http, gladi)
    running.up()
    try:
        yield running
    finally:
        running.down()


@contextmanager
def served(root: Path) -> Iterator[str]:
    """`bursa layani` for `root` on a free loopback port, in this process; yields its base URL."""
    with induk(root) as running:
        yield running.base


def pair(root: Path, peran: str, meja: str | None = None, nama: str = "") -> str:
    """A token for a new device of the event at `root` (as a terminal desk's --token)."""
    return paired(root, peran, meja, nama).token


def paired(root: Path, peran: str, meja: str | None = None, nama: str = ""):
    """A new device of the event at `root`: its token, and the one-time code of its pairing QR."""
    desks = set(load_event(root).event.meja_ruang)
    return add_device(root, peran, meja, nama, known_desks=desks)


def pair_path(root: Path, peran: str, meja: str | None = None, nama: str = "") -> str:
    """The path of a new device's pairing QR, /pasang?k=..., which pairs one browser once."""
    return f"/pasang?k={paired(root, peran, meja, nama).kode}"


def chromium_or_skip() -> str:
    if not CHROMIUM:
        pytest.skip("chromium tidak terpasang (Debian: apt-get install -y chromium); uji browser dilewati")
    return CHROMIUM


@pytest.fixture
def browser():
    """A headless Debian chromium driven by Playwright (never Playwright's own browser download)."""
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield launched
        finally:
            launched.close()
