"""Pairing a phone: one QR pairs one browser, once, for a few minutes; the browser then has a
session of its own, which revoking the device ends; terminal desks keep their token."""

from __future__ import annotations

import datetime as dt
import re

import httpx
import pytest
from fastapi.testclient import TestClient

from bursa_cli.day.devices import PairingRefused, list_devices, redeem_pairing, revoke_device
from bursa_cli.web.app import create_app
from bursa_cli.web.auth import COOKIE, CSRF_HEADER
from web_support import induk, paired

STAMP = {"id_entri": "uji-pasang-0001", "peserta": "P-0001"}


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)


@pytest.fixture
def phone(minimal_event):
    return TestClient(create_app(minimal_event)), minimal_event


def test_a_qr_pairs_one_browser_once(phone):
    client, root = phone
    made = paired(root, "stempel", "A-01")
    first = client.get(f"/pasang?k={made.kode}", follow_redirects=False)
    assert first.status_code == 303
    session = first.cookies[COOKIE]
    assert session not in (made.token, made.kode)  # the browser's own session, not the QR's code

    thief = TestClient(create_app(root))
    again = thief.get(f"/pasang?k={made.kode}", follow_redirects=False)
    assert again.status_code == 410 and "QR ini sudah dipakai; minta QR baru" in again.text
    assert COOKIE not in again.cookies
    assert thief.get("/meja").status_code == 401

    page = client.get("/meja")
    assert page.status_code == 200 and "Meja A-01" in page.text


def test_an_expired_qr_is_refused(phone, monkeypatch):
    client, root = phone
    made = paired(root, "stempel", "A-01")
    later = (dt.datetime.fromisoformat(made.sampai) + dt.timedelta(seconds=1)).isoformat(timespec="seconds")
    monkeypatch.setattr("bursa_cli.day.devices.now", lambda zona="WIB": later)
    answer = client.get(f"/pasang?k={made.kode}", follow_redirects=False)
    assert answer.status_code == 410 and "sudah kedaluwarsa" in answer.text and made.sampai[11:16] in answer.text
    assert not list_devices(root)[0].sesi


def test_the_expiry_is_an_option(minimal_event):
    made = paired(minimal_event, "ide")
    short = __import__("bursa_cli.day.devices", fromlist=["add_device"]).add_device(minimal_event, "ide", berlaku=2)
    gap = dt.datetime.fromisoformat(made.sampai) - dt.datetime.fromisoformat(short.sampai)
    assert dt.timedelta(minutes=12) < gap <= dt.timedelta(minutes=13, seconds=5)


def test_revoking_the_device_ends_its_browser_sessions_and_its_token(phone):
    client, root = phone
    made = paired(root, "stempel", "A-01")
    client.get(f"/pasang?k={made.kode}")
    assert client.get("/api/v1/saya").status_code == 200
    assert client.get("/api/v1/saya", headers={"Authorization": f"Bearer {made.token}"}).status_code == 200
    revoke_device(root, made.device.id)
    assert client.get("/api/v1/saya").json()["kode"] == "BUR-W002"
    assert client.get("/meja").status_code == 401
    assert client.get("/api/v1/saya", headers={"Authorization": f"Bearer {made.token}"}).status_code == 401
    with pytest.raises(PairingRefused):
        redeem_pairing(root, made.kode)


def test_leaving_needs_the_pages_csrf_token_and_a_post(phone):
    client, root = phone
    made = paired(root, "stempel", "A-01")
    page = client.get(f"/pasang?k={made.kode}").text
    assert client.get("/keluar").status_code == 405  # a link on another site can no longer unpair a desk
    forged = client.post("/keluar", data={"csrf": "0" * 40})
    assert forged.status_code == 403 and "CSRF" in forged.text
    assert client.get("/api/v1/saya").status_code == 200
    left = client.post("/keluar", data={"csrf": csrf_of(page)})
    assert left.status_code == 200 and "tidak lagi terpasang" in left.text
    assert not list_devices(root)[0].sesi  # the session is gone on the induk too, not only the cookie
    client.cookies.clear()
    assert client.get("/meja").status_code == 401


def test_a_terminal_token_is_never_in_the_qr_and_keeps_working(phone):
    client, root = phone
    made = paired(root, "stempel", "A-01")
    client.get(f"/pasang?k={made.kode}")
    answer = httpx.Client(transport=client._transport, base_url="http://testserver").post(
        "/api/v1/stempel", json=STAMP, headers={"Authorization": f"Bearer {made.token}"})
    assert answer.json()["status"] == "tercatat"
    assert redeem_pairing.__name__ and made.token not in (root / ".layani" / "perangkat.yaml").read_text()
    assert made.kode not in (root / ".layani" / "perangkat.yaml").read_text()


def test_the_induk_makes_a_new_qr_for_a_device_whose_qr_was_used(minimal_event):
    made = paired(minimal_event, "stempel", "A-01")
    with induk(minimal_event) as running, httpx.Client(base_url=running.base) as laptop:
        page = laptop.get("/induk").text
        csrf = re.search(r'"csrf": "([0-9a-f]+)"', page).group(1)
        assert "QR baru" in page and "bukan QR pemasangan" in page
        assert "<svg" not in page  # the address is text: the one QR on the screen is a pairing QR, made on request
        assert laptop.get(f"/pasang?k={made.kode}", follow_redirects=False).status_code == 303
        assert laptop.get(f"/pasang?k={made.kode}").status_code == 410
        renewed = laptop.post(f"/induk/perangkat/{made.device.id}/qr", headers={CSRF_HEADER: csrf}).json()
        assert renewed["status"] == "tercatat" and "<svg" in renewed["data"]["qr"]
        kode = renewed["data"]["url"].split("k=")[1]
        phone = httpx.Client(base_url=running.base)
        assert phone.get(f"/pasang?k={kode}", follow_redirects=False).status_code == 303
        assert phone.get("/meja").status_code == 200
        forged = laptop.post(f"/induk/perangkat/{made.device.id}/qr")
        assert forged.status_code == 403 and forged.json()["kode"] == "BUR-W003"
