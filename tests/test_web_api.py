"""The JSON API of `bursa layani`: only paired devices, each limited to its role and desk; every
entry written once, and what desks type is stored and shown literally."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bursa_cli.codes import CODES
from bursa_cli.day.devices import add_device, revoke_device
from bursa_cli.scaffold import GITIGNORE
from bursa_cli.schema.event import load_event
from bursa_cli.web.app import create_app
from bursa_cli.web.auth import COOKIE, CSRF_HEADER, csrf_token
from render_helpers import pdf_pages

BULU = "33.23.01.2001"


@pytest.fixture
def desks(minimal_event):
    """A client on the minimal event, and a token for each kind of device."""
    desks = set(load_event(minimal_event).event.meja_ruang)
    tokens = {
        "stempel": add_device(minimal_event, "stempel", "A-01", known_desks=desks).token,
        "stempel-b": add_device(minimal_event, "stempel", "A-02", known_desks=desks).token,
        **{role: add_device(minimal_event, role).token
           for role in ("registrasi", "nilai", "ide", "komitmen", "pantau")},
    }
    return TestClient(create_app(minimal_event)), tokens, minimal_event


ENGLISH_KEYS = {"registered", "stamps", "villages", "ideas", "latest", "problems", "refreshed", "message", "file"}


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def logs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "log").rglob("*.yaml")}


STAMP = {"id_entri": "uji-00000001", "peserta": "P-0001"}

# (device, method, path, body, status, words in pesan): every refusal writes nothing.
REFUSALS = [
    (None, "post", "/api/v1/stempel", STAMP, 401, "belum dipasangkan"),
    ("salah", "post", "/api/v1/stempel", STAMP, 401, "tidak dikenal atau sudah dicabut"),
    ("registrasi", "post", "/api/v1/stempel", STAMP, 403, "hanya untuk: Meja konsultasi"),
    ("stempel", "post", "/api/v1/registrasi", STAMP, 403, "tidak boleh melakukan ini"),
    ("stempel", "post", "/api/v1/stempel", {**STAMP, "meja": "A-02"}, 403, "tidak boleh mencatat untuk meja A-02"),
    ("stempel", "post", "/api/v1/komitmen", {"id_entri": "uji-00000002", "desa": BULU, "inovasi": ["INO-001"],
                                             "ttd_kepala_desa": True, "ttd_ketua_bpd": True}, 403, "Jendela 3"),
    ("pantau", "get", "/api/v1/peserta/P-0001", None, 403, "tidak boleh melakukan ini"),
    ("stempel", "get", "/api/v1/ringkasan", None, 403, "Layar pantauan"),
    ("stempel", "get", "/api/v1/peserta?cari=Suparman", None, 403, "Registrasi"),
    # What the address names and the event does not have: 404, with its code.
    ("stempel", "get", "/api/v1/peserta/P-9999", None, 404, "Id peserta 'P-9999' tidak dikenal"),
    ("registrasi", "get", "/api/v1/peserta/TAMU-001", None, 404, "TAMU-001 belum didaftarkan"),
    ("komitmen", "get", "/api/v1/desa/33.23.99.2999", None, 404, "Desa '33.23.99.2999' tidak ada di desa.yaml"),
    ("komitmen", "get", f"/api/v1/sertifikat/{BULU}.pdf", None, 404, "Kartu Komitmen Desa"),
    ("komitmen", "get", "/api/v1/tidak-ada", None, 404, "Alamat /api/v1/tidak-ada tidak dikenal"),
    ("stempel", "post", "/api/v1/stempel", {"peserta": "P-0001"}, 422, "id_entri: wajib diisi"),
    ("stempel", "post", "/api/v1/stempel", {**STAMP, "lain": 1}, 422, "lain: kunci ini tidak dikenal"),
    ("stempel", "post", "/api/v1/stempel", {**STAMP, "id_entri": "a b"}, 422, "id_entri: bentuknya tidak sah"),
    ("stempel", "post", "/api/v1/stempel", {**STAMP, "peserta": "P-9999"}, 422, "tidak dikenal"),
    ("stempel", "post", "/api/v1/stempel", {**STAMP, "inovasi": "INO-002"}, 422, "tidak dilayani di meja A-01"),
    ("nilai", "post", "/api/v1/penilaian", {"id_entri": "uji-00000003", "peserta": "P-0001", "inovasi": "INO-001",
                                            "nilai": 9}, 422, "harus angka 1 sampai 5"),
]


@pytest.mark.parametrize("device,method,path,body,status,words", REFUSALS,
                         ids=[f"{r[0]}-{r[2]}-{r[4]}" for r in REFUSALS])
def test_refusals_say_why_and_write_nothing(desks, device, method, path, body, status, words):
    client, tokens, root = desks
    before = logs(root)
    headers = bearer(tokens.get(device, "token-palsu-123456")) if device else {}
    answer = getattr(client, method)(path, headers=headers, **({"json": body} if body is not None else {}))
    assert answer.status_code == status
    assert answer.json()["status"] == "ditolak"
    assert words in answer.json()["pesan"]
    assert answer.json()["kode"] in CODES  # every refusal carries a code from the catalogue
    if status == 404:  # said with its own code, not the catch-all of a desk's refusal
        assert answer.json()["kode"] != "BUR-W016"
    assert logs(root) == before


def test_a_revoked_device_is_refused_at_once(desks):
    client, tokens, root = desks
    assert client.get("/api/v1/saya", headers=bearer(tokens["ide"])).status_code == 200
    revoke_device(root, "IDE-1")
    answer = client.get("/api/v1/saya", headers=bearer(tokens["ide"]))
    assert answer.status_code == 401 and "sudah dicabut" in answer.json()["pesan"]


def test_only_registration_sees_phone_numbers(desks):
    client, tokens, root = desks
    at_registration = client.get("/api/v1/peserta/P-0001", headers=bearer(tokens["registrasi"])).json()
    at_desk = client.get("/api/v1/peserta/P-0001", headers=bearer(tokens["stempel"])).json()
    assert at_registration["nama"] == at_desk["nama"] == "Suparman"
    assert "telepon" in at_registration and "kursi" in at_registration
    assert "telepon" not in at_desk and "kursi" not in at_desk


def test_tokens_are_kept_only_as_digests(desks):
    client, tokens, root = desks
    stored = (root / ".layani" / "perangkat.yaml").read_text(encoding="utf-8")
    assert all(token not in stored for token in tokens.values())
    assert ".layani/" in GITIGNORE.splitlines()  # what `bursa init` writes: the digests never reach git either


def test_a_resent_entry_is_written_once(desks):
    client, tokens, root = desks
    first = client.post("/api/v1/stempel", headers=bearer(tokens["stempel"]), json=STAMP)
    assert first.status_code == 200 and first.json()["status"] == "tercatat"
    assert first.json()["berkas"] == "log/stempel/A-01.yaml"
    before = logs(root)
    again = client.post("/api/v1/stempel", headers=bearer(tokens["stempel"]), json=STAMP)
    assert again.status_code == 200 and again.json()["status"] == "sudah_tercatat"
    assert logs(root) == before
    clash = client.post("/api/v1/registrasi", headers=bearer(tokens["registrasi"]),
                        json={"id_entri": STAMP["id_entri"], "peserta": "P-0002"})
    assert clash.status_code == 422 and "sudah dipakai untuk entri lain" in clash.json()["pesan"]
    assert logs(root) == before


def test_a_repeat_stamp_needs_confirmation_and_the_desk_hears_of_unregistered(desks):
    client, tokens, root = desks
    first = client.post("/api/v1/stempel", headers=bearer(tokens["stempel"]), json=STAMP).json()
    assert "belum tercatat di registrasi" in first["data"]["peringatan"]
    repeat = client.post("/api/v1/stempel", headers=bearer(tokens["stempel"]),
                         json={**STAMP, "id_entri": "uji-00000009"})
    assert repeat.status_code == 409 and repeat.json()["status"] == "perlu_konfirmasi"
    assert "sudah mendapat stempel INO-001" in repeat.json()["pesan"]
    confirmed = client.post("/api/v1/stempel", headers=bearer(tokens["stempel"]),
                            json={**STAMP, "id_entri": "uji-00000009", "ulang": True})
    assert confirmed.json()["status"] == "tercatat"
    assert len(load_event(root).event.stempel) == 2


MARKUP = '<img src=x onerror="alert(1)">{{7*7}} =HYPERLINK("x") & \'kutip\''


def test_markup_in_every_text_field_is_stored_and_answered_literally(desks):
    client, tokens, root = desks
    walk_in = client.post("/api/v1/registrasi/baru", headers=bearer(tokens["registrasi"]), json={
        "id_entri": "uji-00000010", "nama": MARKUP, "peran": "media", "instansi": MARKUP, "telepon": "0812 3456 7001"})
    assert walk_in.json()["status"] == "tercatat", walk_in.json()
    assert walk_in.json()["data"]["peserta"]["nama"] == MARKUP
    idea = client.post("/api/v1/ide", headers=bearer(tokens["ide"]), json={
        "id_entri": "uji-00000011", "judul": MARKUP, "uraian": MARKUP})
    assert idea.json()["status"] == "tercatat" and MARKUP in idea.json()["pesan"]
    loaded = load_event(root)
    assert (loaded.event.ide[0].judul, loaded.event.ide[0].uraian) == (MARKUP, MARKUP)
    assert loaded.event.registrasi[0].tanpa_undangan.nama == MARKUP
    assert loaded.event.registrasi[0].tanpa_undangan.instansi == MARKUP
    assert not [p for p in load_event(root).problems if p.is_error]


def test_cookie_writes_need_the_pages_csrf_token(desks):
    client, tokens, root = desks
    client.cookies.set(COOKIE, tokens["stempel"])
    assert client.get("/api/v1/saya").json()["meja"] == "A-01"  # reading with the cookie is fine
    forged = client.post("/api/v1/stempel", json=STAMP)
    assert forged.status_code == 403 and "CSRF" in forged.json()["pesan"]
    secret = client.app.state.hub.secret
    sent = client.post("/api/v1/stempel", json=STAMP, headers={CSRF_HEADER: csrf_token(secret, "MEJA-1")})
    assert sent.json()["status"] == "tercatat"


def test_pairing_sets_the_cookie_and_serves_the_role_page(desks):
    client, tokens, root = desks
    refused = client.get("/meja")
    assert refused.status_code == 401 and "belum dipasangkan" in refused.text
    made = add_device(root, "stempel", "A-01", known_desks={"A-01"})
    paired = client.get(f"/pasang?k={made.kode}", follow_redirects=False)
    assert paired.status_code == 303 and paired.headers["location"] == "/meja"
    assert "httponly" in paired.headers["set-cookie"].lower()
    assert made.kode not in paired.headers["set-cookie"] and made.token not in paired.headers["set-cookie"]
    page = client.get("/meja")
    assert page.status_code == 200 and "Meja A-01" in page.text and "Posyandu Remaja" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/pasang?k=palsu").status_code == 401


def test_jendela_3_sees_stamps_from_every_desk_and_records_the_card(desks):
    client, tokens, root = desks
    for token, peserta in ((tokens["stempel"], "P-0001"), (tokens["stempel-b"], "P-0002")):
        assert client.post("/api/v1/stempel", headers=bearer(token),
                           json={"id_entri": f"uji-stempel-{peserta}", "peserta": peserta}).json()["status"] == "tercatat"
    village = client.get(f"/api/v1/desa/{BULU}", headers=bearer(tokens["komitmen"])).json()
    assert {(s["id"], tuple(s["meja_stempel"])) for s in village["stempel"]} == {("INO-001", ("A-01",)),
                                                                                ("INO-002", ("A-02",))}
    card = client.post("/api/v1/komitmen", headers=bearer(tokens["komitmen"]), json={
        "id_entri": "uji-kartu-0001", "desa": BULU, "inovasi": ["INO-001", "INO-002"],
        "ttd_kepala_desa": True, "ttd_ketua_bpd": False}).json()
    assert card["status"] == "tercatat" and "Belum ditandatangani Ketua BPD" in card["pesan"]
    assert "sertifikat" not in card["data"]
    again = client.post("/api/v1/komitmen", headers=bearer(tokens["komitmen"]), json={
        "id_entri": "uji-kartu-0002", "desa": BULU, "inovasi": ["INO-001"],
        "ttd_kepala_desa": True, "ttd_ketua_bpd": True})
    assert again.status_code == 409
    replaced = client.post("/api/v1/komitmen", headers=bearer(tokens["komitmen"]), json={
        "id_entri": "uji-kartu-0002", "desa": BULU, "inovasi": ["INO-001"],
        "ttd_kepala_desa": True, "ttd_ketua_bpd": True, "ulang": True}).json()
    assert replaced["data"]["sertifikat"] == f"/api/v1/sertifikat/{BULU}.pdf"
    certificate = client.get(replaced["data"]["sertifikat"], headers=bearer(tokens["komitmen"]))
    assert certificate.status_code == 200  # on the spot, right after the card was recorded
    assert "Bulu" in pdf_pages(certificate.content)[0]
    board = client.get("/api/v1/ringkasan", headers=bearer(tokens["pantau"])).json()
    assert board["stempel"] == 2 and board["desa_berkomitmen"] == 1 and board["komitmen_per_bidang"] == {"psdm": 1}
    assert not ENGLISH_KEYS & set(board)  # one language, as every other JSON output


def test_jendela_3_downloads_the_certificate_of_a_signed_card(contoh_event):
    token = add_device(contoh_event, "komitmen").token
    client = TestClient(create_app(contoh_event))
    cards = load_event(contoh_event).event.komitmen
    signed = next(c for c in cards if c.ttd_kepala_desa and c.ttd_ketua_bpd)
    answer = client.get(f"/api/v1/sertifikat/{signed.desa}.pdf", headers=bearer(token))
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/pdf"
    pages = pdf_pages(answer.content)
    village = load_event(contoh_event).event.desa_by_kode[signed.desa].nama
    assert len(pages) == 1 and village in pages[0]
    unknown = client.get("/api/v1/sertifikat/33.23.99.2999.pdf", headers=bearer(token))
    assert unknown.status_code == 404 and "tidak ada di desa.yaml" in unknown.json()["pesan"]
    assert unknown.json()["kode"] == "BUR-M007"  # the desk's own code for a village not in desa.yaml


def test_jendela_3_offers_no_certificate_while_the_key_is_missing(desks):
    client, tokens, root = desks
    (root / "kunci-sertifikat.txt").unlink()
    card = client.post("/api/v1/komitmen", headers=bearer(tokens["komitmen"]), json={
        "id_entri": "uji-kartu-0001", "desa": BULU, "inovasi": ["INO-001"],
        "ttd_kepala_desa": True, "ttd_ketua_bpd": True, "alasan": {"INO-001": "diminati"}}).json()
    assert card["status"] == "tercatat" and "sertifikat" not in card["data"]
    assert "Sertifikat belum dapat dibuat: kunci sertifikat belum ada di laptop induk" in card["pesan"]
    assert "bursa " not in card["pesan"] and "`" not in card["pesan"]  # a volunteer reads it: no commands
    refused = client.get(f"/api/v1/sertifikat/{BULU}.pdf", headers=bearer(tokens["komitmen"]))
    assert refused.status_code == 422 and "kunci sertifikat belum ada" in refused.json()["pesan"]
    assert not (root / "kunci-sertifikat.txt").exists()  # never made behind the officer's back


def test_an_entry_whose_sync_failed_is_synced_before_a_resend_is_told_sudah_tercatat(desks, monkeypatch):
    client, tokens, root = desks
    import bursa_cli.day.logwrite as logwrite

    synced: list[str] = []
    sync = logwrite._fsync_path

    def failing(path):
        raise OSError(5, "Input/output error", str(path))

    def counted(path):
        synced.append(path.relative_to(root).as_posix())
        sync(path)

    monkeypatch.setattr(logwrite, "_fsync_path", failing)
    first = client.post("/api/v1/stempel", headers=bearer(tokens["stempel"]), json=STAMP)
    assert first.status_code == 503 and "BELUM tercatat" in first.json()["pesan"]
    monkeypatch.setattr(logwrite, "_fsync_path", counted)
    again = client.post("/api/v1/stempel", headers=bearer(tokens["stempel"]), json=STAMP)
    assert again.json()["status"] == "sudah_tercatat"
    assert again.json()["berkas"] == synced[0] and synced[0].startswith("log/stempel/")
    assert len(load_event(root).event.stempel) == 1


def test_a_log_that_cannot_be_written_is_a_503_and_the_desk_keeps_its_entry(desks, monkeypatch):
    client, tokens, root = desks
    import bursa_cli.day.logwrite as logwrite

    def full_disk(path, line, header):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(logwrite, "_append_locked", full_disk)
    answer = client.post("/api/v1/stempel", headers=bearer(tokens["stempel"]), json=STAMP)
    assert answer.status_code == 503
    assert "BELUM tercatat" in answer.json()["pesan"] and "A-01.yaml" in answer.json()["pesan"]
    monkeypatch.undo()
    again = client.post("/api/v1/stempel", headers=bearer(tokens["stempel"]), json=STAMP)
    assert again.json()["status"] == "tercatat"  # the same entry, resent once the disk has room
