"""The hall as it is: `bursa layani` on a laptop on a hotspot, a phone on the same Wi-Fi.

Each test builds two network namespaces joined by a veth pair (see hall_support); they run as root
(CI does) and are skipped, saying why, elsewhere. The phone is Debian's Chromium started inside its
namespace at 390 px, over plain http to the induk's LAN address.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from bursa_cli.schema.event import load_event
from hall_support import Layani, from_phone, hall, hall_or_skip, in_ns, pair_in_hall, rss_kb
from support import make_event
from web_support import CHROMIUM_ARGS, PHONE, chromium_or_skip, kartu_id_photo, scan_photo

SHOTS = None


@pytest.fixture
def the_hall():
    hall_or_skip()
    with hall() as made:
        yield made


def stamps(root: Path) -> list[tuple[str, str, str]]:
    return sorted((s.peserta, s.inovasi, s.meja) for s in load_event(root).event.stempel)


def stamp_lines(root: Path) -> int:
    log = root / "log" / "stempel" / "A-01.yaml"
    return log.read_text(encoding="utf-8").count('"id_entri":') if log.is_file() else 0


def test_the_address_printed_at_start_is_the_hotspot_one(the_hall, minimal_event):
    served = Layani(the_hall, minimal_event)
    try:
        said = served.output()
    finally:
        served.stop()
    assert f"Alamat laptop induk untuk meja: http://{the_hall.induk_ip}:8000" in said
    assert "127.0.0.1:8000/induk" in said  # the induk's own screen, on this laptop only
    # Several networks: all shown, the hotspot marked; Docker's bridge is no network for phones.
    assert f"✔ http://{the_hall.induk_ip}:8000  (wlan0)" in said
    assert f"http://{the_hall.office_ip}:8000  (eth0)" in said
    assert "172.17.0.1" not in said and "http://127.0.0.1:8000 " not in said


def test_alamat_picks_another_of_the_laptops_addresses(the_hall, minimal_event):
    served = Layani(the_hall, minimal_event, "--alamat", the_hall.office_ip, from_phone=False)
    try:
        said = served.output()
        # Listening on that address and on loopback (for /induk), not on the hotspot any more.
        reach = in_ns(the_hall.induk_ns, sys.executable, "-c", "import socket,sys\n"
                      "for h in sys.argv[1:]:\n"
                      "  s=socket.socket(); s.settimeout(2)\n"
                      "  print(h, s.connect_ex((h, 8000))==0); s.close()\n",
                      the_hall.office_ip, "127.0.0.1", the_hall.induk_ip).stdout.split("\n")
    finally:
        served.stop()
    assert f"Alamat laptop induk untuk meja: http://{the_hall.office_ip}:8000" in said
    assert f"✔ http://{the_hall.office_ip}:8000  (eth0)" in said
    assert reach[:3] == [f"{the_hall.office_ip} True", "127.0.0.1 True", f"{the_hall.induk_ip} False"]


def test_a_laptop_with_no_network_says_so_and_never_offers_loopback(the_hall, minimal_event):
    for name in ("wlan0", "eth0", "docker0"):
        in_ns(the_hall.induk_ns, "ip", "link", "del", name)
    done = in_ns(the_hall.induk_ns, sys.executable, "-m", "bursa_cli", "layani", str(minimal_event), check=False)
    said = " ".join((done.stdout + done.stderr).translate(str.maketrans("│╭╮╰╯─", "      ")).split())
    assert done.returncode == 2 and "belum tersambung ke jaringan mana pun" in said
    assert "hotspot" in said and "http://127.0.0.1" not in said


SEND_HUGE = """
import json, socket, sys, time
host, port = sys.argv[1], int(sys.argv[2])
answers = []
for n in range(int(sys.argv[3])):
    conn = socket.create_connection((host, port), timeout=10)
    started = time.monotonic()
    conn.sendall(b"POST /api/v1/stempel HTTP/1.1\\r\\nHost: x\\r\\nContent-Type: application/json\\r\\n"
                 b"Content-Length: %d\\r\\n\\r\\n" % (200 * 1024 * 1024))
    sent = 0
    try:
        while sent < 4 * 1024 * 1024:
            conn.sendall(b"x" * 65536)
            sent += 65536
    except OSError:
        pass  # the induk closed the connection: it refused before taking the body in
    data = b""
    try:
        while not data.rstrip().endswith(b"}"):
            piece = conn.recv(65536)
            if not piece:
                break
            data += piece
    except OSError:
        pass  # the connection ended: what arrived is the answer
    answers.append({"head": data.split(b"\\r\\n")[0].decode(), "took": time.monotonic() - started,
                    "sent": sent, "body": data.partition(b"\\r\\n\\r\\n")[2].decode()})
    conn.close()
print(json.dumps(answers))
"""

GET_INDUK = """
import json, socket, sys
conn = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=10)
conn.sendall(b"GET /induk HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n")
data = b""
while True:
    piece = conn.recv(65536)
    if not piece:
        break
    data += piece
print(json.dumps({"head": data.split(b"\\r\\n")[0].decode(), "body": data.partition(b"\\r\\n\\r\\n")[2].decode()}))
"""


def test_a_stranger_on_the_wifi_cannot_hurt_the_induk(the_hall, minimal_event):
    served = Layani(the_hall, minimal_event)
    try:
        before = rss_kb(served.pid())
        huge = from_phone(the_hall, SEND_HUGE, the_hall.induk_ip, "8000", "30", timeout=120)
        after = rss_kb(served.pid())
        induk = from_phone(the_hall, GET_INDUK, the_hall.induk_ip, "8000")
        foreign = in_ns(the_hall.induk_ns, sys.executable, "-c", GET_INDUK.replace("Host: 127.0.0.1", "Host: bursa.test"),
                        "127.0.0.1", "8000").stdout
    finally:
        served.stop()
    first = huge[0]
    assert first["head"] == "HTTP/1.1 401 Unauthorized" and '"kode": "BUR-W001"' in first["body"]
    assert first["took"] < 3  # at once, not after 200 MB
    assert all(a["head"] in ("HTTP/1.1 401 Unauthorized", "") for a in huge)
    assert (after - before) < 50 * 1024, f"memori bursa layani naik {(after - before) / 1024:.0f} MB"
    # The phone asks for the induk's screen, even with the right Host: it is not the laptop.
    assert induk["head"] == "HTTP/1.1 403 Forbidden" and "BUR-W007" in induk["body"]
    # A page on the laptop that reaches 127.0.0.1 under a foreign name (DNS rebinding): refused.
    assert "403 Forbidden" in foreign and "BUR-W008" in foreign


def phone_browser(playwright, the_hall, folder: Path):
    chromium_or_skip()
    return playwright.chromium.launch(executable_path=the_hall.chromium_wrapper(folder), args=CHROMIUM_ARGS,
                                      headless=True)


def scan(page, text: str) -> None:
    page.fill("#isian", text)
    page.press("#isian", "Enter")


@pytest.mark.parametrize("weak", [False, True], ids=["wifi-baik", "hotspot-lemah"])
def test_a_phone_pairs_stamps_loses_the_induk_and_every_entry_arrives_once(the_hall, minimal_event, tmp_path, weak):
    root = minimal_event
    # Kartu ID printed by bursa itself (for a copy of the same event) and photographed by the phone
    cards = make_event(tmp_path / "kartu")
    photos = {peserta: kartu_id_photo(cards, peserta, tmp_path / "foto-kartu") for peserta in ("P-0001", "P-0003")}
    served = Layani(the_hall, root)
    try:
        device = pair_in_hall(the_hall, root, 8000, "stempel", "A-01")
        assert device["url"].startswith(f"http://{the_hall.induk_ip}:8000/pasang?k=")  # the QR holds the LAN address
        if weak:
            the_hall.weak_wifi(0.2)
        with sync_playwright() as playwright:
            browser = phone_browser(playwright, the_hall, tmp_path)
            try:
                context = browser.new_context(viewport=PHONE)
                page = context.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda error: errors.append(str(error)))
                page.goto(device["url"], timeout=60000)  # what the phone's camera app opens
                expect(page.locator("header.atas strong")).to_contain_text("Meja A-01", timeout=30000)
                assert page.url == f"http://{the_hall.induk_ip}:8000/meja"  # the code left the address bar
                assert page.evaluate("window.isSecureContext") is False  # a real phone on plain http
                scan_photo(page, photos["P-0001"])  # the photo path: no live camera on plain http
                expect(page.locator("#koneksi")).to_have_text("terhubung", timeout=60000)
                assert stamps(root) == [("P-0001", "INO-001", "A-01")]

                the_hall.wifi_lost()
                scan(page, "P-0002")
                scan_photo(page, photos["P-0003"])  # read in the page itself, with the Wi-Fi gone
                expect(page.locator("#koneksi")).to_have_text(re.compile(r"(offline|mengirim): 2 menunggu"),
                                                              timeout=30000)
                expect(page.locator("#koneksi")).to_have_text("offline: 2 menunggu", timeout=30000)
                assert stamps(root) == [("P-0001", "INO-001", "A-01")]
                the_hall.wifi_back()
                expect(page.locator("#koneksi")).to_have_text("terhubung", timeout=90000)
                assert stamps(root) == [("P-0001", "INO-001", "A-01"), ("P-0002", "INO-001", "A-01"),
                                        ("P-0003", "INO-001", "A-01")]
                assert stamp_lines(root) == 3  # each acknowledged entry on disk exactly once
                assert errors == []

                # Someone photographed the QR: on another phone it pairs nothing.
                other = browser.new_context(viewport=PHONE).new_page()
                other.goto(device["url"], timeout=60000)
                expect(other.locator("h1")).to_have_text("QR ini sudah dipakai", timeout=30000)
                expect(other.locator("main")).to_contain_text("minta QR baru")
                other.goto(f"http://{the_hall.induk_ip}:8000/meja", timeout=60000)
                expect(other.locator("h1")).to_have_text("Perangkat belum dipasangkan", timeout=30000)
                if not weak:
                    shot_dir = tmp_path / "foto"
                    shot_dir.mkdir()
                    page.screenshot(path=str(shot_dir / "meja-hp.png"), full_page=True)
            finally:
                browser.close()
    finally:
        served.stop()
    assert stamp_lines(root) == 3
