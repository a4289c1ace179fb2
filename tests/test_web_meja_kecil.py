"""Small things a desk sees on the day, in a real browser: one queue for all tabs of a device, the
event's clock in the history, no terminal wording for volunteers, and no certificate offered that
cannot be made."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from bursa_cli.schema.event import load_event
from support import make_event, minimal_data
from web_support import LAPTOP, PHONE, browser, pair_path, served  # noqa: F401

BULU = "33.23.01.2001"
CLI_WORDING = re.compile(r"`|--[a-z]|\bbursa [a-z]")


def stamps(root):
    return sorted((s.peserta, s.inovasi, s.meja) for s in load_event(root).event.stempel)


def watch(page):
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


def scan(page, text: str) -> None:
    page.fill("#isian", text)
    page.press("#isian", "Enter")


def test_two_tabs_of_one_device_share_one_queue_and_every_entry_arrives_once(browser, minimal_event):
    root = minimal_event
    pairing = pair_path(root, "stempel", "A-01")
    with served(root) as base:
        context = browser.new_context(viewport=PHONE)
        answered: list[str] = []  # the id_entri of every entry the induk answered
        context.on("response", lambda r: answered.append(r.request.post_data_json["id_entri"])
                   if r.url.endswith("/api/v1/stempel") and r.ok else None)
        first = watch(context.new_page())
        first.goto(f"{base}{pairing}")
        second = watch(context.new_page())
        second.goto(f"{base}/meja")  # the same device in a second tab
        for page in (first, second):
            expect(page.locator("#koneksi")).to_have_text("terhubung")

        # Both tabs queue while the Wi-Fi is down: each sees the device's whole queue.
        context.set_offline(True)
        scan(first, "P-0001")
        scan(second, "P-0002")
        for page in (first, second):
            expect(page.locator("#koneksi")).to_have_text("offline: 2 menunggu")
        context.set_offline(False)
        for page in (first, second):
            expect(page.locator("#koneksi")).to_have_text("terhubung", timeout=15000)
        expect(first.locator("#hasil")).to_contain_text("Suparman")  # each tab tells its own entry's answer
        expect(second.locator("#hasil")).to_contain_text("P-0002")

        # A tab closed with entries still waiting: the other tab sends them.
        context.set_offline(True)
        scan(first, "P-0003")
        scan(second, "P-0004")
        expect(second.locator("#koneksi")).to_have_text("offline: 2 menunggu")
        first.close()
        context.set_offline(False)
        expect(second.locator("#koneksi")).to_have_text("terhubung", timeout=15000)

        assert stamps(root) == [("P-0001", "INO-001", "A-01"), ("P-0002", "INO-001", "A-01"),
                                ("P-0003", "INO-001", "A-01"), ("P-0004", "INO-001", "A-01")]
        assert len(answered) == 4 and len(set(answered)) == 4, answered  # each answered exactly once
        assert second.evaluate("window.bursaMeja.queue().length") == 0
        assert first.errors == [] and second.errors == []


@pytest.mark.parametrize("zona,hours", [("WIB", 7), ("WIT", 9)])
def test_the_history_shows_the_events_clock_not_the_phones(browser, tmp_path, zona, hours):
    acara = minimal_data("acara.yaml")
    acara["zona_waktu"] = zona
    root = make_event(tmp_path / "acara", {"acara.yaml": acara})
    with served(root) as base:
        # a phone left on another time zone
        context = browser.new_context(viewport=PHONE, timezone_id="America/New_York")
        page = watch(context.new_page())
        page.goto(f"{base}{pair_path(root, 'stempel', 'A-01')}")
        before = datetime.now(timezone.utc)
        scan(page, "P-0001")
        page.wait_for_selector(".j-tercatat")
        after = datetime.now(timezone.utc)
        shown = page.inner_text("#riwayat li").split()[0]
        expected = {(moment + timedelta(hours=hours)).strftime("%H:%M") for moment in (before, after)}
        assert shown in expected, (shown, expected)
        assert f"(jam {zona})" in page.inner_text(".riwayat h2")
        assert page.errors == []


def test_volunteers_read_plain_instructions_not_terminal_commands(browser, minimal_event):
    root = minimal_event
    with served(root) as base:
        context = browser.new_context(viewport=PHONE)
        stranger = context.new_page()
        stranger.goto(f"{base}/meja")  # a phone that was never paired
        told = stranger.inner_text("main")
        assert "belum dipasangkan" in told and "petugas laptop induk" in told
        assert not CLI_WORDING.search(told), told

        desk = watch(context.new_page())
        desk.goto(f"{base}{pair_path(root, 'stempel', 'A-01')}")
        scan(desk, "TAMU-009")  # a spare Kartu ID nobody registered yet
        expect(desk.locator("#hasil .j-ditolak")).to_contain_text("meja registrasi")
        assert not CLI_WORDING.search(desk.inner_text("#hasil"))

        induk = browser.new_context(viewport=LAPTOP).new_page()
        induk.goto(f"{base}/induk")
        induk.select_option("select[name=peran]", "stempel")  # a stamp desk, its desk forgotten
        induk.click("#form-perangkat button[type=submit]")
        expect(induk.locator("#qr-baru")).to_contain_text("perlu nomor mejanya")
        assert not CLI_WORDING.search(induk.inner_text("#qr-baru"))
        assert not CLI_WORDING.search(induk.inner_text("main"))


@pytest.mark.parametrize("has_key", [True, False], ids=["dengan-kunci", "tanpa-kunci"])
def test_jendela_3_offers_the_certificate_only_when_it_can_be_made(browser, minimal_event, has_key):
    root = minimal_event
    if not has_key:
        (root / "kunci-sertifikat.txt").unlink()
    with served(root) as base:
        page = watch(browser.new_context(viewport=PHONE).new_page())
        page.goto(f"{base}{pair_path(root, 'komitmen')}")
        scan(page, "P-0002")
        page.wait_for_selector("#form-komitmen:not([hidden])")
        page.select_option("select[name=tambah-inovasi]", "INO-001")
        page.click("#tambah-inovasi")
        page.fill("input[name=alasan-INO-001]", "diminati warga")
        page.check("input[name=ttd_kades][value=ya]")
        page.check("input[name=ttd_bpd][value=ya]")
        page.click("#form-komitmen button[type=submit]")
        page.wait_for_selector("#hasil .j-tercatat")
        if has_key:
            expect(page.locator("#hasil a.tombol")).to_have_text("Unduh sertifikat (PDF)")
        else:
            expect(page.locator("#hasil a")).to_have_count(0)
            expect(page.locator("#hasil")).to_contain_text("Sertifikat belum dapat dibuat")
        assert [c.desa for c in load_event(root).event.komitmen] == [BULU]
        assert page.errors == []
