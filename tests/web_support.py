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


# ---------------------------------------------------------------- a phone on plain http, and its camera

INSECURE_HOST = "induk.test"  # a name, not a loopback literal: Chromium treats its pages as NOT a secure context


@pytest.fixture
def browser_http():
    """Chromium that reaches the loopback server by the name `INSECURE_HOST`, so its pages are plain http
    without a secure context (no live camera, no service worker), as on a hotspot's 192.168.x.y;
    the traffic still goes only to 127.0.0.1."""
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True,
            args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {INSECURE_HOST} 127.0.0.1"])
        try:
            yield launched
        finally:
            launched.close()


def insecure(base: str) -> str:
    """`base` (http://127.0.0.1:PORT) by the name that is not a secure context."""
    return base.replace("127.0.0.1", INSECURE_HOST)


def kartu_id_photo(root: Path, peserta: str, folder: Path, photo: bool = True) -> Path:
    """A picture of the Kartu ID of `peserta`, printed by bursa itself (`cetak kartu-id`).

    The card is cut from the printed page rendered at 150 dpi. With `photo` it is then shot
    as a phone would: 12 MP, the card a third of the frame, turned 7 degrees, on a table,
    a little blurred, saved as JPEG. Returns the image file (in `folder`).
    """
    import pypdfium2
    from PIL import Image, ImageFilter

    from bursa_cli.render.job import Options, produce
    from bursa_cli.render.kartu import SHEETS

    produced = produce("kartu-id", root, Options())
    pdf = root / "keluaran" / next(o.name for o in produced.outputs if o.name.endswith(".pdf"))
    sheet = SHEETS[load_event(root).event.acara.dokumen.ukuran_kartu_id]
    dpi = 150
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        for page in document:
            text = page.get_textpage()
            found = text.search(peserta, match_whole_word=True).get_next()
            if found:
                left, _, _, top = text.get_charbox(found[0])
                x_mm, y_mm = left / 72 * 25.4, (page.get_height() - top) / 72 * 25.4
                col, row = int((x_mm - sheet.left) // sheet.card_w), int((y_mm - sheet.top) // sheet.card_h)
                x0, y0 = sheet.left + col * sheet.card_w, sheet.top + row * sheet.card_h
                image = page.render(scale=dpi / 72).to_pil().convert("RGB")
                px = dpi / 25.4
                card = image.crop((round(x0 * px), round(y0 * px), round((x0 + sheet.card_w) * px),
                                   round((y0 + sheet.card_h) * px)))
                break
        else:
            raise AssertionError(f"{peserta} tidak ada di Kartu ID yang dicetak ({pdf})")
    finally:
        document.close()
    folder.mkdir(parents=True, exist_ok=True)
    if not photo:
        path = folder / f"kartu-id-{peserta}.png"
        card.save(path)
        return path
    table = (122, 104, 88)
    shot = Image.new("RGB", (4000, 3000), table)
    held = card.resize((card.width * 8 // 3, card.height * 8 // 3), Image.LANCZOS).rotate(
        7, expand=True, resample=Image.BICUBIC, fillcolor=table)
    shot.paste(held, ((shot.width - held.width) // 2 + 180, (shot.height - held.height) // 2 - 120))
    path = folder / f"foto-kartu-id-{peserta}.jpg"
    shot.filter(ImageFilter.GaussianBlur(2)).save(path, quality=85)
    return path


def scan_photo(page, image: Path) -> None:
    """Scan a Kartu ID as a phone on plain http does: the photo goes into the desk page's
    "Foto Kartu ID" input and is decoded in the page. Returns when the page has read it
    (the desk's answer then follows as for any scan)."""
    before = page.evaluate("window.bursaMeja.photos()")
    page.set_input_files("#foto", str(image))
    deadline = time.monotonic() + 20
    while page.evaluate("window.bursaMeja.photos()") == before:  # (wait_for_function needs eval: the CSP says no)
        if time.monotonic() > deadline:
            raise AssertionError(f"halaman meja tidak selesai membaca foto {image.name} dalam 20 detik")
        page.wait_for_timeout(50)
