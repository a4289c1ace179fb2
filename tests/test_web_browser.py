"""The desk pages of `bursa layani` in a real browser (Debian's chromium, driven by Playwright).

One fair in small: registration, two stamp desks, Jendela 3 and the board, each
its own paired browser; then a desk that loses the Wi-Fi. Set BURSA_FOTO=folder
to keep a screenshot of every page at phone and laptop width.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bursa_cli.schema.event import load_event
from render_helpers import pdf_pages
from web_support import LAPTOP, PHONE, browser, induk, pair_path, served  # noqa: F401, F811  (browser is a fixture)

BULU = "33.23.01.2001"
SHOTS = os.environ.get("BURSA_FOTO")


def desk(browser, base: str, pairing: str, size=LAPTOP):
    context = browser.new_context(viewport=size, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}{pairing}")
    page.wait_for_selector("#koneksi")
    page.errors = errors
    return page


def scan(page, text: str) -> None:
    page.fill("#isian", text)
    page.press("#isian", "Enter")  # what a USB scanner does after typing the code


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def stamps(root: Path) -> list[tuple[str, str, str]]:
    return sorted((s.peserta, s.inovasi, s.meja) for s in load_event(root).event.stempel)


def test_a_fair_in_small_across_five_browsers(browser, minimal_event):
    root = minimal_event
    tokens = {"reg": pair_path(root, "registrasi"), "a01": pair_path(root, "stempel", "A-01"),
              "a02": pair_path(root, "stempel", "A-02"), "j3": pair_path(root, "komitmen"), "papan": pair_path(root, "pantau")}
    with served(root) as base:
        board = desk(browser, base, tokens["papan"])
        expect(board.locator("#n-stempel")).to_have_text("0")

        registration = desk(browser, base, tokens["reg"], PHONE)
        scan(registration, "P-0001")
        registration.wait_for_selector(".j-tercatat")
        assert "Suparman" in registration.inner_text("#hasil")
        assert "Kursi:" in registration.inner_text("#hasil")
        shot(registration, "registrasi-hp")

        first, second = desk(browser, base, tokens["a01"], PHONE), desk(browser, base, tokens["a02"])
        scan(first, "P-0001")
        first.wait_for_selector(".j-tercatat")
        scan(second, "P-0002")
        second.wait_for_selector(".j-tercatat")
        assert "belum tercatat di registrasi" in second.inner_text("#hasil")  # P-0002 skipped registration
        shot(first, "stempel-hp")

        # The board changes by itself, with no reload.
        expect(board.locator("#n-stempel")).to_have_text("2")
        expect(board.locator("#n-registrasi")).to_have_text("1")
        shot(board, "pantau-laptop")

        # A scan while the desk asks a question is held, never taken as the answer.
        scan(first, "P-0001")
        first.wait_for_selector("#tanya:not([hidden])")
        scan(first, "P-0003")
        first.wait_for_selector(".j-menunggu")
        assert first.is_visible("#tanya")
        assert stamps(root) == [("P-0001", "INO-001", "A-01"), ("P-0002", "INO-002", "A-02")]
        first.click("#tanya button:has-text('Tidak')")
        expect(first.locator("#riwayat")).to_contain_text("Sri Lestari")
        assert stamps(root) == [("P-0001", "INO-001", "A-01"), ("P-0002", "INO-002", "A-02"),
                                ("P-0003", "INO-001", "A-01")]

        # Jendela 3 sees both desks' stamps, records the card and hands over the certificate.
        window = desk(browser, base, tokens["j3"], PHONE)
        scan(window, "P-0002")  # the Kartu ID of the village's Ketua BPD opens the village
        window.wait_for_selector("#form-komitmen:not([hidden])")
        listed = window.inner_text(".stempel-desa")
        assert re.search(r"INO-001.*meja A-01", listed) and re.search(r"INO-002.*meja A-02", listed)
        window.check("input[name=stempel][value=INO-001]")
        window.check("input[name=stempel][value=INO-002]")
        window.check("input[name=ttd_kades][value=ya]")
        window.check("input[name=ttd_bpd][value=ya]")
        shot(window, "komitmen-hp")
        window.click("#form-komitmen button[type=submit]")
        window.wait_for_selector("#hasil a.tombol")
        with window.expect_download() as download:
            window.click("#hasil a.tombol")
        pages = pdf_pages(Path(download.value.path()))
        assert len(pages) == 1 and "Bulu" in pages[0]
        expect(board.locator("#n-desa")).to_have_text("1")
        cards = load_event(root).event.komitmen
        assert [(c.desa, c.inovasi) for c in cards] == [(BULU, ["INO-001", "INO-002"])]

        for page in (board, registration, first, second, window):
            assert page.errors == []


def test_a_desk_offline_queues_and_every_entry_arrives_once(browser, minimal_event):
    root = minimal_event
    token = pair_path(root, "stempel", "A-01")
    with served(root) as base:
        page = desk(browser, base, token, PHONE)
        page.context.set_offline(True)
        scan(page, "P-0001")
        scan(page, "P-0002")
        expect(page.locator("#koneksi")).to_have_text("offline: 2 menunggu")
        shot(page, "stempel-offline-hp")
        assert stamps(root) == []
        page.context.set_offline(False)
        expect(page.locator("#koneksi")).to_have_text("terhubung", timeout=15000)
        assert stamps(root) == [("P-0001", "INO-001", "A-01"), ("P-0002", "INO-001", "A-01")]
        assert page.errors == []


@pytest.mark.parametrize("size,name", [(PHONE, "hp"), (LAPTOP, "laptop")])
def test_a_desk_page_reloaded_without_the_induk_opens_from_the_browser_with_its_queue(browser, minimal_event,
                                                                                     size, name):
    root = minimal_event
    token = pair_path(root, "stempel", "A-01")
    with induk(root) as running:
        page = desk(browser, running.base, token, size)
        deadline = time.monotonic() + 15
        while not page.evaluate("navigator.serviceWorker.controller !== null") and time.monotonic() < deadline:
            page.wait_for_timeout(100)  # the service worker installs, then takes the page over
        running.down()  # the laptop induk is switched off: its port refuses every connection
        scan(page, "P-0001")
        expect(page.locator("#koneksi")).to_have_text("offline: 1 menunggu")
        page.reload()  # the desk page now comes from the browser's copy, without the induk
        expect(page.locator("header.atas strong")).to_have_text("Meja konsultasi (stempel) · Meja A-01")
        expect(page.locator(".daftar-inovasi")).to_contain_text("INO-001")
        expect(page.locator("#koneksi")).to_have_text("offline: 1 menunggu")
        shot(page, f"stempel-muat-ulang-offline-{name}")
        scan(page, "P-0002")
        expect(page.locator("#koneksi")).to_have_text("offline: 2 menunggu")
        assert stamps(root) == []
        running.up()  # the induk is back on the same address
        expect(page.locator("#koneksi")).to_have_text("terhubung", timeout=15000)
        assert stamps(root) == [("P-0001", "INO-001", "A-01"), ("P-0002", "INO-001", "A-01")]
        assert page.errors == []


@pytest.mark.parametrize("role,meja", [("registrasi", None), ("nilai", None), ("ide", None), ("induk", None)])
def test_every_other_page_loads_without_errors(browser, minimal_event, role, meja):
    with served(minimal_event) as base:
        for name, size in (("hp", PHONE), ("laptop", LAPTOP)):
            context = browser.new_context(viewport=size)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{base}/induk" if role == "induk" else f"{base}{pair_path(minimal_event, role, meja)}")
            page.wait_for_load_state("networkidle")
            assert errors == []
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= size["width"], f"{role} melebar {width}px pada layar {size['width']}px"
            shot(page, f"{role}-{name}")
            context.close()


@pytest.mark.parametrize("role,meja", [("registrasi", None), ("stempel", "A-01")])
def test_a_refusal_shows_its_code_small_for_the_helpdesk(browser, minimal_event, role, meja):
    from bursa_cli.codes import CODES

    with served(minimal_event) as base:
        page = desk(browser, base, pair_path(minimal_event, role, meja), PHONE)
        scan(page, "P-9999")
        page.wait_for_selector(".j-ditolak .kode")
        assert "P-9999" in page.inner_text(".j-ditolak p")
        code = page.inner_text(".j-ditolak .kode").removeprefix("Kode ")
        assert code in CODES
        sizes = page.eval_on_selector(".j-ditolak .kode", "e => [getComputedStyle(e).fontSize, "
                                      "getComputedStyle(e.parentNode.querySelector('p')).fontSize]")
        assert float(sizes[0].rstrip("px")) < float(sizes[1].rstrip("px"))  # small, beside the message
        shot(page, f"ditolak-{role}-hp")
        assert page.errors == []


def test_a_refused_page_shows_its_code_small(browser, minimal_event):
    pairing = pair_path(minimal_event, "ide")
    with served(minimal_event) as base:
        used = desk(browser, base, pairing, PHONE)  # the QR pairs this phone and is spent
        for path, code, words in ((pairing, "BUR-W011", "QR ini sudah dipakai"),
                                  ("/meja", "BUR-W001", "belum dipasangkan")):
            context = browser.new_context(viewport=PHONE)
            page = context.new_page()
            page.goto(f"{base}{path}")
            expect(page.locator(".pesan .kode")).to_have_text(code)
            assert words in page.inner_text(".pesan")
            shot(page, f"ditolak-{code}-hp")
            context.close()
        assert used.errors == []
