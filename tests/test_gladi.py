"""The rehearsal (gladi bersih) with `--gladi`: the same desks and devices, never the day's data.

A rehearsal through the browser and the terminal desks leaves `log/` byte for
byte as it was; a phone paired at the rehearsal stamps on the day; practice
cards are refused on the day; `rekap --gladi` is checked against a scripted
rehearsal with known times; `validasi` places an H-1 entry at its file:line.
Set BURSA_FOTO=folder to keep the screenshots of the rehearsal's pages.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bursa_cli.day import Day, Refused, check_in, rate, record_commitment, stamp
from bursa_cli.day.area import BAND, day_check, empty_rehearsal
from bursa_cli.recap.timing import desks_needed, measure_rehearsal, percentile
from bursa_cli.render.job import Options, produce
from bursa_cli.schema.event import load_event
from render_helpers import pdf_pages
from support import bursa, plain
from web_support import LAPTOP, PHONE, browser, induk, pair, pair_path  # noqa: F401, F811  (browser is a fixture)

BULU = "33.23.01.2001"
SHOTS = os.environ.get("BURSA_FOTO")


def tree(folder: Path) -> list[tuple[str, str]]:
    """Every file and folder under `folder` with the SHA-256 of each file's bytes."""
    return sorted((p.relative_to(folder).as_posix(),
                   "folder" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest())
                  for p in folder.rglob("*"))


def at(day: Day, when: str):
    """Fix the time of the entries `day` writes next (the clock is injected: no test waits)."""
    day.clock = lambda: when
    return day


def desk(browser, base: str, pairing: str, size=PHONE, context=None):
    context = context or browser.new_context(viewport=size, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}{pairing}")  # the one-time pairing QR
    page.wait_for_selector("#koneksi")
    page.errors = errors
    return page


def scan(page, text: str) -> None:
    page.fill("#isian", text)
    page.press("#isian", "Enter")


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


# --------------------------------------------------------------------------- browser and terminal


def test_a_rehearsal_leaves_log_byte_identical_and_its_phones_stamp_on_the_day(browser, minimal_event, tmp_path):
    root = minimal_event
    check_in(at(Day.open(root), "2026-11-12T07:05:00+07:00"), "REG-1", "P-0004")  # the day has begun already
    before = tree(root / "log")
    assert len(before) > 3

    with induk(root, gladi=True) as running:
        base = running.base
        # Paired while the rehearsal runs, as on H-1.
        tokens = {"reg": pair_path(root, "registrasi"), "a01": pair_path(root, "stempel", "A-01"),
                  "j3": pair_path(root, "komitmen"), "nilai": pair(root, "nilai")}
        phone = browser.new_context(viewport=PHONE, accept_downloads=True)  # the stamp desk's phone
        registration = desk(browser, base, tokens["reg"])
        expect(registration.locator(".pita-gladi")).to_have_text(BAND)
        scan(registration, "LAT-01")
        registration.wait_for_selector(".j-tercatat")
        assert "Peserta Latihan 01" in registration.inner_text("#hasil")
        shot(registration, "gladi-registrasi-hp")

        stamper = desk(browser, base, tokens["a01"], context=phone)
        expect(stamper.locator(".pita-gladi")).to_be_visible()
        scan(stamper, "LAT-01")
        stamper.wait_for_selector(".j-tercatat")
        scan(stamper, "XX-99")
        stamper.wait_for_selector(".j-ditolak")
        shot(stamper, "gladi-stempel-hp")

        window = desk(browser, base, tokens["j3"])
        scan(window, "LAT-02")  # the practice Ketua BPD of Bulu opens the village
        window.wait_for_selector("#form-komitmen:not([hidden])")
        window.check("input[name=stempel][value=INO-001]")
        window.check("input[name=ttd_kades][value=ya]")
        window.check("input[name=ttd_bpd][value=ya]")
        window.click("#form-komitmen button[type=submit]")
        window.wait_for_selector("#hasil a.tombol")
        with window.expect_download() as download:
            window.click("#hasil a.tombol")
        pages = pdf_pages(Path(download.value.path()))
        assert len(pages) == 1 and "CONTOH" in pages[0] and "Bulu" in pages[0]

        # The terminal desks: one on the folder itself, one through the laptop induk.
        local = bursa("stempel", root, "--gladi", "--meja", "A-02", "--peserta", "LAT-03")
        assert local.exit_code == 0, local.output
        assert "GLADI BERSIH" in local.output and "gladi/log/stempel/A-02.yaml" in plain(local.output)
        remote = bursa("nilai", "--induk", base, "--token", tokens["nilai"], "--gladi", "--peserta", "LAT-01",
                       "--inovasi", "INO-001", "--nilai", "4")
        assert remote.exit_code == 0, remote.output
        assert "GLADI BERSIH" in remote.output and "tercatat" in remote.output
        for page in (registration, stamper, window):
            assert page.errors == []

        # The laptop induk goes down with an entry still queued on the stamp desk's phone...
        running.down()
        scan(stamper, "P-0003")
        expect(stamper.locator("#koneksi")).to_have_text("offline: 1 menunggu")
        running.gladi = False
        running.up()  # ...and comes back for the day: the rehearsal page's entry is dropped, never written
        expect(stamper.locator("#hasil")).to_contain_text("dibuka untuk gladi bersih", timeout=15000)
        expect(stamper.locator("#koneksi")).to_have_text("terhubung")
        # A desk told --gladi never records through a day's induk by mistake: checked before anything.
        wrong = bursa("nilai", "--induk", base, "--token", tokens["nilai"], "--gladi", "--peserta", "P-0001",
                      "--inovasi", "INO-001", "--nilai", "4")
        assert wrong.exit_code == 2 and "tidak menjalankan gladi bersih" in plain(wrong.output)

        assert tree(root / "log") == before  # byte for byte, and not one file more
        assert not (root / "keluaran").exists()  # the CONTOH certificate went to gladi/keluaran/
        rehearsal = load_event(root, "gladi/log").event
        assert [(s.peserta, s.meja) for s in rehearsal.stempel] == [("LAT-01", "A-01"), ("LAT-03", "A-02")]
        assert [r.peserta for r in rehearsal.registrasi] == ["LAT-01"]
        assert [(k.desa, k.inovasi) for k in rehearsal.komitmen] == [(BULU, ["INO-001"])]
        assert [(n.peserta, n.nilai) for n in rehearsal.penilaian] == [("LAT-01", 4)]

        # The day: the phone paired at the rehearsal stamps as it is, into log/, with no band.
        stamper = phone.new_page()
        stamper.goto(f"{base}/meja")
        stamper.wait_for_selector("#koneksi")
        expect(stamper.locator(".pita-gladi")).to_have_count(0)
        scan(stamper, "P-0001")
        stamper.wait_for_selector(".j-tercatat")
        scan(stamper, "LAT-02")  # a practice card left in a pocket
        stamper.wait_for_selector(".j-ditolak")
        assert "Kartu ID LATIHAN" in stamper.inner_text("#hasil")

    day = load_event(root).event
    assert [(s.peserta, s.meja) for s in day.stempel] == [("P-0001", "A-01")]
    assert [r.peserta for r in day.registrasi] == ["P-0004"]
    assert Day.open(root).peserta("LAT-01") is None  # the day never sees the rehearsal's people


def test_the_band_is_on_the_board_and_the_induk_screen(browser, minimal_event):
    root = minimal_event
    with induk(root, gladi=True) as running:
        board = desk(browser, running.base, pair_path(root, "pantau"), LAPTOP)
        expect(board.locator(".pita-gladi")).to_have_text(BAND)
        page = browser.new_page(viewport=PHONE)
        page.goto(f"{running.base}/induk")
        expect(page.locator(".pita-gladi")).to_have_text(BAND)
        shot(board, "gladi-pantau-laptop")


# --------------------------------------------------------------------------- practice cards


def test_practice_cards_print_marked_latihan(minimal_event):
    produced = produce("kartu-latihan", minimal_event)
    pages = pdf_pages(produced.folder / "kartu-latihan.pdf")
    assert len(pages) == 2  # 20 ID-1 cards, 10 a sheet
    assert pages[0].count("LATIHAN") >= 10 and "LAT-01" in pages[0] and "LAT-20" in pages[1]
    assert "Peserta Latihan 01" in pages[0] and "Tidak berlaku pada hari acara" in pages[0]


def test_practice_cards_are_refused_on_the_day_and_taken_in_the_rehearsal(minimal_event):
    root = minimal_event
    for args in (("registrasi", root, "--perangkat", "REG-1", "--id", "LAT-01"),
                 ("stempel", root, "--meja", "A-01", "--peserta", "LAT-01"),
                 ("nilai", root, "--perangkat", "N-1", "--peserta", "LAT-01", "--inovasi", "INO-001", "--nilai", "5")):
        refused = bursa(*args)
        assert refused.exit_code == 1, refused.output
        assert "LAT-01 adalah Kartu ID LATIHAN untuk gladi bersih" in plain(refused.output)
    looped = bursa("registrasi", root, "--perangkat", "REG-1", input="LAT-05\nselesai\n")
    assert "Kartu ID LATIHAN" in plain(looped.output) and "(BUR-G003)" in looped.output
    assert not (root / "log").exists()

    taken = bursa("registrasi", root, "--perangkat", "REG-1", "--gladi", "--id", "LAT-01")
    assert taken.exit_code == 0 and "Peserta Latihan 01" in taken.output
    assert not (root / "log").exists()
    with pytest.raises(Refused) as error:
        stamp(Day.open(root), "A-01", "lat-07")
    assert error.value.code == "BUR-G003"

    # Through the laptop induk on the day, the answer carries the code too.
    import httpx

    token = pair(root, "stempel", "A-01")
    with induk(root) as running:
        headers = {"Authorization": f"Bearer {token}"}
        answer = httpx.post(f"{running.base}/api/v1/stempel", headers=headers,
                            json={"id_entri": "hari-h-0001", "peserta": "LAT-03"}, timeout=10).json()
        looked = httpx.get(f"{running.base}/api/v1/peserta/LAT-03", headers=headers, timeout=10).json()
    assert (answer["status"], answer["kode"]) == ("ditolak", "BUR-G003") and "Kartu ID LATIHAN" in answer["pesan"]
    assert looked["kode"] == "BUR-G003"
    assert not (root / "log" / "stempel").exists()


# --------------------------------------------------------------------------- the rehearsal area


def test_ulang_empties_the_rehearsal_and_the_day_never_reads_it(minimal_event):
    root = minimal_event
    check_in(at(Day.open(root, gladi=True), "2026-11-11T07:00:00+07:00"), "REG-1", "LAT-01")
    assert (root / "gladi/log/registrasi/REG-1.yaml").is_file()
    day = Day.open(root)
    assert "LAT-01" not in day.checked_in and day.checked_in == {}
    said = day_check(day.event, gladi=False, today=day.acara.tanggal)
    assert said.rehearsal_files == 1 and said.warning == ""
    early = day_check(day.event, gladi=False, today=day.acara.tanggal.replace(day=11))
    assert early.code == "BUR-G005" and "bursa layani --gladi" in early.warning

    assert empty_rehearsal(root) == 1
    assert not (root / "gladi").exists() and empty_rehearsal(root) == 0
    refused = bursa("layani", root, "--ulang")
    assert refused.exit_code == 2 and "--ulang hanya dipakai bersama --gladi" in plain(refused.output)


def test_a_rehearsal_certificate_is_marked_contoh_and_kept_apart(minimal_event):
    root = minimal_event
    day = Day.open(root, gladi=True)
    stamp(at(day, "2026-11-11T08:00:00+07:00"), "A-01", "LAT-01")
    record_commitment(day, "J3-1", BULU, ["INO-001"], None, True, True)
    produced = produce("sertifikat", root, Options(desa=[BULU], ulang=True, gladi=True))
    kept = produced.outputs[0].kept
    assert kept.folder == root / "gladi/keluaran/sertifikat/pilihan"
    text = pdf_pages(kept.folder / kept.done[0].name)
    assert len(text) == 1 and "CONTOH" in text[0]
    assert not (root / "keluaran").exists()


# --------------------------------------------------------------------------- what the rehearsal measured


SCRIPT = [  # (time, desk action): two registration desks, one stamp desk, one refusal each
    ("07:00:00", lambda d: check_in(d, "REG-1", "LAT-01")),
    ("07:00:10", lambda d: check_in(d, "REG-2", "LAT-05")),
    ("07:00:40", lambda d: check_in(d, "REG-1", "LAT-02")),
    ("07:00:55", lambda d: check_in(d, "REG-2", "LAT-06")),
    ("07:01:00", lambda d: check_in(d, "REG-2", "XX-1")),  # refused: unknown id
    ("07:01:30", lambda d: check_in(d, "REG-1", "LAT-03")),
    ("07:02:00", lambda d: check_in(d, "REG-1", "LAT-04")),
    ("07:20:00", lambda d: check_in(d, "REG-2", "LAT-07")),  # after a pause of 19 minutes
    ("07:30:00", lambda d: stamp(d, "A-01", "LAT-01")),
    ("07:32:00", lambda d: stamp(d, "A-01", "LAT-02")),
    ("07:35:00", lambda d: stamp(d, "A-01", "LAT-03")),
    ("07:36:00", lambda d: stamp(d, "A-01", "LAT-04", "INO-002")),  # refused: not served at A-01
    ("07:40:00", lambda d: rate(d, "N-1", "LAT-01", "INO-001", 5)),
]


def rehearse(root: Path) -> None:
    day = Day.open(root, gladi=True)
    for when, action in SCRIPT:
        at(day, f"2026-11-11T{when}+07:00")
        try:
            action(day)
        except Refused:
            pass  # a scripted refusal: it is logged in gladi/tolak/ and counted by the report


def test_the_timing_report_of_a_scripted_rehearsal(minimal_event):
    root = minimal_event
    rehearse(root)
    timing = measure_rehearsal(load_event(root).event, minutes=1)

    by_desk = {(p.peran, p.meja): p for p in timing.meja}
    reg1, reg2, a01 = by_desk[("registrasi", "REG-1")], by_desk[("registrasi", "REG-2")], by_desk[("stempel", "A-01")]
    assert (reg1.entri, reg1.median, reg1.p90, reg1.jeda, dict(reg1.tolak)) == (4, 40.0, 50.0, 0, {})
    assert (reg2.entri, reg2.median, reg2.p90, reg2.jeda, dict(reg2.tolak)) == (3, 45.0, 45.0, 1, {"BUR-H002": 1})
    assert (a01.entri, a01.median, a01.p90, dict(a01.tolak)) == (3, 150.0, 180.0, {"BUR-H005": 1})
    roles = {p.peran: p for p in timing.peran}
    # Registration, both desks: 40, 50, 30 and 45 seconds (the 19-minute pause left out).
    assert (roles["registrasi"].entri, roles["registrasi"].median, roles["registrasi"].p90) == (7, 42.5, 50.0)
    assert (roles["nilai"].entri, roles["nilai"].median) == (1, None)
    assert dict(timing.tolak) == {"BUR-H002": 1, "BUR-H005": 1}
    # 4 confirmed participants in a 1-minute window: 4 x 42.5 s / 60 s = 2.8 -> 3 desks; at p90 3.3 -> 4.
    assert (timing.peserta_konfirmasi, timing.meja_registrasi, timing.meja_registrasi_p90) == (4, 3, 4)
    assert (timing.mulai[11:19], timing.selesai[11:19]) == ("07:00:00", "07:40:00")

    shown = bursa("rekap", root, "--gladi", "--jendela", "1")
    assert shown.exit_code == 0, shown.output
    text = plain(shown.output)
    assert "Meja registrasi yang diperlukan: 3" in text and "42,5 dtk" in text and "2 mnt 30 dtk" in text
    assert "BUR-H002 ×1" in text and "BUR-H005 ×1" in text and "4 meja bila" in text
    written = bursa("rekap", root, "--gladi", "--format", "json")
    assert written.exit_code == 0, written.output
    report = json.loads((root / "gladi/keluaran/rekap-gladi.json").read_text(encoding="utf-8"))
    assert written.exit_code == 0 and report["jendela_menit"] == 90 and report["meja_registrasi"] == 1
    assert not (root / "log").exists()


@pytest.mark.parametrize("people, seconds, minutes, desks", [
    (1700, 42.5, 90, 14),  # 1,700 arrivals between 07.00 and 08.30 at 42.5 s each: 13.4 desks
    (1700, 60.0, 90, 19),
    (310, 42.5, 90, 3),
    (4, 42.5, 1, 3),
    (0, 42.5, 90, 1),
    (10, None, 90, None),
])
def test_desks_needed(people, seconds, minutes, desks):
    assert desks_needed(people, seconds, minutes) == desks


def test_percentile_is_nearest_rank():
    assert percentile([30, 40, 45, 50], 0.9) == 50 and percentile([10.0], 0.9) == 10.0
    assert percentile(list(range(1, 11)), 0.9) == 9 and percentile(list(range(1, 11)), 0.5) == 5


# --------------------------------------------------------------------------- the day's data stays the day's


def test_validasi_places_an_h1_entry_at_its_file_and_line(minimal_event):
    root = minimal_event
    day = Day.open(root)  # without --gladi: the mistake the rehearsal used to be
    check_in(at(day, "2026-11-12T07:10:00+07:00"), "REG-1", "P-0001")
    stamp(at(day, "2026-11-12T09:00:00+07:00"), "A-01", "P-0001")
    stamp(at(day, "2026-11-11T15:00:00+07:00"), "A-01", "P-0003")  # H-1: line 5 of A-01.yaml
    stamp(at(day, "2026-11-09T10:00:00+07:00"), "A-02", "P-0002")  # H-3: line 4 of A-02.yaml

    result = bursa("validasi", root, "--format", "parsable")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "BUR-G" in line]
    assert lines == [
        "log/stempel/A-01.yaml:5:4: peringatan: waktu: Entri bertanggal 11 November 2026, sehari sebelum hari acara "
        "(Kamis, 12 November 2026): data gladi? (BUR-G001)",
        "log/stempel/A-02.yaml:4:4: galat: waktu: Entri bertanggal 9 November 2026, 3 hari sebelum hari acara "
        "(Kamis, 12 November 2026); log/ hanya untuk hari acara. (BUR-G002)",
    ]

    counted = bursa("rekap", root)
    assert counted.exit_code == 0, counted.output
    assert "2 entri di log/ bertanggal di luar hari acara (Kamis, 12 November 2026) ikut dihitung" in plain(counted.output)
    left_out = bursa("rekap", root, "--hanya-hari-acara", "--format", "json")
    recap = json.loads((root / "keluaran/rekap/rekap.json").read_text(encoding="utf-8"))
    assert left_out.exit_code == 0 and recap["luar_hari"] == 2 and recap["luar_hari_dihitung"] is False
    assert recap["ringkasan"]["stempel"] == 1
    printed = bursa("rekap", root, "--format", "pdf")
    assert printed.exit_code == 0, printed.output
    first = pdf_pages(root / "keluaran/rekap/rekap.pdf")[0]
    assert "2 entri di log/ bertanggal di luar hari acara (Kamis, 12 November 2026) ikut dihitung" in " ".join(first.split())


def test_jendela_3_says_how_many_stamps_of_the_village_are_off_day(minimal_event):
    from bursa_cli.day.desks.komitmen import off_day_for_desa

    root = minimal_event
    day = Day.open(root)
    stamp(at(day, "2026-11-11T15:00:00+07:00"), "A-01", "P-0001")
    stamp(at(day, "2026-11-12T09:00:00+07:00"), "A-02", "P-0002")
    said = off_day_for_desa(Day.open(root), BULU)
    assert said.startswith("1 entri di log/ bertanggal di luar hari acara") and "(BUR-G004)" in said
    assert off_day_for_desa(Day.open(root), "33.23.01.2002") == ""
    shown = bursa("komitmen", root, "--perangkat", "J3-1", input=f"{BULU}\n\n")
    assert "1 entri di log/ bertanggal di luar hari acara" in plain(shown.output)


def test_layani_gladi_ulang_empties_the_rehearsal_then_serves_it(minimal_event):
    """`bursa layani --gladi --ulang` as a real process: the last rehearsal is gone, entries go to gladi/log/."""
    import signal
    import subprocess
    import sys
    import time

    import httpx

    from web_support import free_port

    root = minimal_event
    check_in(at(Day.open(root, gladi=True), "2026-11-11T07:00:00+07:00"), "REG-1", "LAT-01")
    token = pair(root, "stempel", "A-01")
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "bursa_cli", "layani", str(root), "--gladi", "--ulang",
                                "--port", str(port), "--alamat", "127.0.0.1"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, env={**os.environ, "COLUMNS": "200"})
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v1/saya", timeout=1).status_code == 401:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        assert not (root / "gladi/log/registrasi/REG-1.yaml").exists()  # emptied before serving
        answer = httpx.post(f"http://127.0.0.1:{port}/api/v1/stempel", headers={"Authorization": f"Bearer {token}"},
                            json={"id_entri": "gladi-0001", "peserta": "LAT-02"}, timeout=10)
        assert answer.json()["status"] == "tercatat" and answer.json()["berkas"] == "gladi/log/stempel/A-01.yaml"
    finally:
        process.send_signal(signal.SIGINT)
        output = process.communicate(timeout=20)[0].decode()
    text = plain(output)
    assert "GLADI BERSIH" in text and "Area gladi dikosongkan (1 berkas)" in text
    assert not (root / "log").exists()
