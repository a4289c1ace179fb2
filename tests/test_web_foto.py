"""Scanning a Kartu ID with a phone's camera on plain http, in a real browser.

The page is opened by a host name (`web_support.INSECURE_HOST`) that Chromium does
not count as a secure context, as a phone on a hotspot's http://192.168.x.y: no
live camera, no service worker. The photo of a Kartu ID printed by bursa itself
goes into the "Foto Kartu ID" input and is decoded in the page.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bursa_cli.schema.event import load_event
from web_support import (PHONE, browser, browser_http, insecure, kartu_id_photo, pair_path,  # noqa: F401
                         scan_photo, served)


def stamps(root):
    return sorted((s.peserta, s.inovasi, s.meja) for s in load_event(root).event.stempel)


def open_desk(launched, url: str):
    page = launched.new_context(viewport=PHONE).new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(url)
    page.wait_for_selector("#koneksi")
    return page


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    """Pictures of Kartu ID printed for the minimal event (printing records seats, so on a copy)."""
    from support import make_event

    folder = tmp_path_factory.mktemp("foto")
    root = make_event(folder / "acara")
    return {"P-0001": kartu_id_photo(root, "P-0001", folder),
            "P-0002": kartu_id_photo(root, "P-0002", folder),
            "P-0003-kartu": kartu_id_photo(root, "P-0003", folder, photo=False)}


@pytest.mark.parametrize("secure", [False, True], ids=["http-biasa", "loopback"])
def test_a_photo_of_a_kartu_id_is_stamped_with_or_without_a_secure_context(request, minimal_event, photos, secure):
    launched = request.getfixturevalue("browser" if secure else "browser_http")
    root = minimal_event
    with served(root) as base:
        page = open_desk(launched, f"{base if secure else insecure(base)}{pair_path(root, 'stempel', 'A-01')}")
        assert page.evaluate("window.isSecureContext") is secure
        # the live camera is offered only where the browser allows it; the photo button always
        assert page.evaluate("!!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia)") is secure
        expect(page.locator("#kamera")).to_be_visible() if secure else expect(page.locator("#kamera")).to_be_hidden()
        expect(page.locator("label[for=foto]")).to_be_visible()
        scan_photo(page, photos["P-0001"])
        page.wait_for_selector(".j-tercatat")
        assert "Suparman" in page.inner_text("#hasil")
        assert stamps(root) == [("P-0001", "INO-001", "A-01")]
        # the cut-out card, sharp and small (a screenshot, a scan) reads as well
        scan_photo(page, photos["P-0003-kartu"])
        expect(page.locator("#hasil")).to_contain_text("Sri Lestari")
        assert stamps(root) == [("P-0001", "INO-001", "A-01"), ("P-0003", "INO-001", "A-01")]
        assert page.errors == []


def test_a_photo_without_a_qr_says_so_and_records_nothing(browser_http, minimal_event, tmp_path):
    from PIL import Image

    blank = tmp_path / "meja.jpg"
    Image.new("RGB", (3000, 2000), (200, 190, 170)).save(blank)
    root = minimal_event
    with served(root) as base:
        page = open_desk(browser_http, f"{insecure(base)}{pair_path(root, 'stempel', 'A-01')}")
        scan_photo(page, blank)
        expect(page.locator("#hasil .j-ditolak")).to_contain_text("QR pada foto tidak terbaca")
        assert stamps(root) == []
        assert page.errors == []


def test_the_kartu_ide_desk_takes_the_proposer_from_a_photo(browser_http, minimal_event, photos):
    root = minimal_event
    with served(root) as base:
        page = open_desk(browser_http, f"{insecure(base)}{pair_path(root, 'ide')}")
        scan_photo(page, photos["P-0002"])
        expect(page.locator("#isian")).to_have_value("P-0002")
        expect(page.locator("#form-ide .siapa")).to_contain_text("P-0002")
        assert page.errors == []


def test_jendela_3_opens_the_village_from_a_photo(browser_http, minimal_event, photos):
    root = minimal_event
    with served(root) as base:
        page = open_desk(browser_http, f"{insecure(base)}{pair_path(root, 'komitmen')}")
        scan_photo(page, photos["P-0002"])  # the Ketua BPD of Bulu
        expect(page.locator("#form-komitmen .nama-desa")).to_contain_text("Bulu")
        assert page.errors == []


def test_a_reload_while_offline_without_a_service_worker_asks_first(browser_http, minimal_event):
    root = minimal_event
    with served(root) as base:
        page = open_desk(browser_http, f"{insecure(base)}{pair_path(root, 'stempel', 'A-01')}")
        assert page.evaluate("'serviceWorker' in navigator && !!navigator.serviceWorker.controller") is False
        page.context.set_offline(True)
        page.fill("#isian", "P-0001")
        page.press("#isian", "Enter")
        expect(page.locator("#koneksi")).to_have_text("offline: 1 menunggu")
        asked = []
        page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
        page.close(run_before_unload=True)  # the page stays: the volunteer said no
        page.wait_for_timeout(500)
        assert asked == ["beforeunload"] and not page.is_closed()
        page.context.set_offline(False)
        expect(page.locator("#koneksi")).to_have_text("terhubung", timeout=15000)
        assert stamps(root) == [("P-0001", "INO-001", "A-01")]
        with page.expect_event("close", timeout=5000):
            page.close(run_before_unload=True)  # nothing waiting: it just closes, without asking
        assert asked == ["beforeunload"] and page.is_closed()
