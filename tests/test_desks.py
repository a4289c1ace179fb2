"""Every desk of the registry (`day/desks/`) gets the same cases: a refusal writes nothing and
carries a catalogue code, a resend is written once, and many resends at once are written once.

The cases are driven by the registry: a desk without a case here fails
`test_every_desk_has_its_cases`. A desk added only in a test (a fake role) works through
the web and the terminal without touching `web/` or `cli/`.
"""

from __future__ import annotations

import json

from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from web_support import browser  # noqa: F401  (a fixture)
from fastapi.testclient import TestClient

from bursa_cli.codes import CODES
from bursa_cli.day.desks import DESKS
from bursa_cli.day.devices import add_device
from bursa_cli.schema.event import load_event
from bursa_cli.web.app import create_app

BULU = "33.23.01.2001"

# path -> (a request the desk records, a request it refuses, words of the refusal, the log it writes)
CASES: dict[str, tuple[dict, dict, str, str]] = {
    "registrasi": ({"peserta": "P-0001"}, {"peserta": "P-9999"}, "tidak dikenal", "log/registrasi/REG-1.yaml"),
    "registrasi/baru": ({"nama": "Sri Tamu", "peran": "kepala-desa", "desa": BULU},
                        {"nama": "Sri Tamu", "peran": "kepala-desa", "desa": "99.99.99.9999"},
                        "tidak ada di desa.yaml", "log/registrasi/REG-1.yaml"),
    "stempel": ({"peserta": "P-0001", "inovasi": "INO-001"}, {"peserta": "P-0001", "inovasi": "INO-002"},
                "tidak dilayani di meja A-01", "log/stempel/A-01.yaml"),
    "penilaian": ({"peserta": "P-0001", "inovasi": "INO-001", "nilai": 4},
                  {"peserta": "P-0001", "inovasi": "INO-001", "nilai": 9}, "harus angka 1 sampai 5",
                  "log/penilaian/NILAI-1.yaml"),
    "ide": ({"judul": "Lumbung pangan desa"}, {"judul": "Lumbung", "bidang": "sihir"}, "tidak dikenal",
            "log/ide/IDE-1.yaml"),
    "komitmen": ({"desa": BULU, "inovasi": ["INO-001"], "ttd_kepala_desa": True, "ttd_ketua_bpd": True,
                  "alasan": {"INO-001": "Cocok untuk desa kami"}},
                 {"desa": BULU, "inovasi": ["INO-001"], "ttd_kepala_desa": True, "ttd_ketua_bpd": True},
                 "hanya diterima dengan alasan", "log/komitmen/J3-1.yaml"),
}


@pytest.fixture
def served(minimal_event):
    """A client on the minimal event and a token for each desk role (the stamp desk is A-01)."""
    desks = set(load_event(minimal_event).event.meja_ruang)
    tokens = {peran: add_device(minimal_event, peran, "A-01" if peran == "stempel" else None,
                                known_desks=desks).token
              for peran in dict.fromkeys(desk.peran for desk in DESKS)}
    return TestClient(create_app(minimal_event)), tokens, minimal_event


def logs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "log").rglob("*.yaml")}


def entries(root: Path, log: str) -> list[str]:
    path = root / log
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("- ")] \
        if path.exists() else []


def post(client, tokens, desk, body: dict, id_entri: str):
    return client.post(f"/api/v1/{desk.path}", headers={"Authorization": f"Bearer {tokens[desk.peran]}"},
                       json={"id_entri": id_entri, **body})


def test_every_desk_has_its_cases():
    assert sorted(CASES) == sorted(desk.path for desk in DESKS)


@pytest.mark.parametrize("desk", DESKS, ids=lambda desk: desk.path)
def test_a_refusal_says_why_with_a_code_and_writes_nothing(served, desk):
    client, tokens, root = served
    before = logs(root)
    answer = post(client, tokens, desk, CASES[desk.path][1], "tolak-00000001")
    assert answer.status_code == 422, answer.text
    said = answer.json()
    assert said["status"] == "ditolak" and CASES[desk.path][2] in said["pesan"]
    assert said["kode"] in CODES
    assert logs(root) == before


@pytest.mark.parametrize("desk", DESKS, ids=lambda desk: desk.path)
def test_a_resend_is_answered_sudah_tercatat_and_written_once(served, desk):
    client, tokens, root = served
    body, _, _, log = CASES[desk.path]
    first = post(client, tokens, desk, body, "kirim-00000001")
    assert first.status_code == 200 and first.json()["status"] == "tercatat", first.text
    assert first.json()["berkas"] == log and len(entries(root, log)) == 1
    before = logs(root)
    again = post(client, tokens, desk, body, "kirim-00000001")
    assert again.status_code == 200 and again.json()["status"] == "sudah_tercatat"
    assert again.json()["berkas"] == log
    assert logs(root) == before


@pytest.mark.parametrize("desk", DESKS, ids=lambda desk: desk.path)
def test_the_same_entry_sent_at_once_from_many_threads_is_written_exactly_once(served, desk):
    client, tokens, root = served
    body, _, _, log = CASES[desk.path]
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: post(client, tokens, desk, body, "serentak-0000001"), range(8)))
    said = sorted(a.json()["status"] for a in answers)
    assert said == ["sudah_tercatat"] * 7 + ["tercatat"]
    assert len(entries(root, log)) == 1


@pytest.mark.parametrize("desk", DESKS, ids=lambda desk: desk.path)
def test_the_desk_page_is_handed_the_steps_of_its_desk(served, desk):
    client, tokens, _ = served
    about = client.get("/api/v1/saya", headers={"Authorization": f"Bearer {tokens[desk.peran]}"}).json()
    steps = about["langkah"][desk.path]
    assert [s["isian"] for s in steps] == [step.field for step in desk.steps]
    assert all(s["isian"] in desk.model.model_fields for s in steps)  # every step fills a field of the request


# --------------------------------------------------------------------------- a new role, added in a test


def make_saran():
    """A whole desk role as its module would declare it: a suggestion box at the hall's exit."""
    import types
    from typing import Any, Optional

    from pydantic import Field

    from bursa_cli.day.actions import check_name, check_resent, entry_of, known_peserta, record_entry
    from bursa_cli.day.desks.base import Desk, Masuk, Reply, Step
    from bursa_cli.errors import Refused
    from bursa_cli.schema.models import LogEntry

    saran = types.ModuleType("saran")

    class SaranMasuk(Masuk):
        peserta: str = Field(min_length=1, max_length=80)
        isi: str = Field(min_length=1, max_length=500)
        desa: Optional[str] = Field(None, max_length=40)
        tema: list[str] = Field(default_factory=list, max_length=3)

    class Saran(LogEntry):  # its log kind's schema
        peserta: str
        isi: str
        desa: Optional[str] = None
        tema: list[str] = []

    def record(day, name: str, asked: SaranMasuk) -> dict[str, Any]:
        check_name(name)
        if len(asked.isi.split()) < 2:
            raise Refused.coded("BUR-M090", isi=asked.isi)
        day.refresh(("saran",))
        peserta = known_peserta(day, asked.peserta)

        def decide() -> dict[str, Any]:
            check_resent(day, "saran", asked.id_entri, peserta=peserta.id)
            return entry_of(day, asked.id_entri, petugas=name, peserta=peserta.id, isi=asked.isi, desa=asked.desa,
                            tema=asked.tema or None)

        return {"berkas": record_entry(day, "saran", name, decide), "nama": peserta.nama}

    saran.SaranMasuk, saran.Saran = SaranMasuk, Saran
    saran.DESK = Desk(peran="saran", path="saran", kind="saran", title="Kotak saran", model=SaranMasuk,
                      record=record, answer=lambda day, done, view: Reply(
                          "tercatat", f"Saran {done['nama']} tercatat.", done["berkas"]),
                      steps=(Step("peserta", "Id peserta:", "pindai"), Step("isi", "Saran:"),
                             Step("desa", "Desa (boleh kosong):", "desa", optional=True),
                             Step("tema", "Tema (nomor, boleh kosong):", "pilih_banyak", "tema", optional=True)),
                      sources=lambda day, name: {"tema": [{"id": "ruang", "label": "Ruang dan kursi"},
                                                          {"id": "meja", "label": "Meja konsultasi"},
                                                          {"id": "acara", "label": "Susunan acara"}]})
    return saran


@pytest.fixture
def saran(monkeypatch):
    """The suggestion-box role registered for one test: one registry line, its log kind, a device
    role and a catalogue code; nothing in web/ or cli/."""
    from typing import Literal

    from bursa_cli import codes
    from bursa_cli.day import devices
    from bursa_cli.day.desks import DESKS
    from bursa_cli.schema import models

    module = make_saran()
    monkeypatch.setitem(models.LOG_KINDS, "saran", module.Saran)
    monkeypatch.setitem(devices.ROLES, "saran", "Kotak saran")
    monkeypatch.setitem(devices.PREFIX, "saran", "SARAN")
    monkeypatch.setitem(codes.CODES, "BUR-M090", codes.Code(
        "BUR-M090", "Saran '{isi}' terlalu pendek: tulis paling sedikit dua kata.",
        "Kotak saran hanya mencatat saran yang dapat dibaca panitia.", "galat", ""))
    roles = devices.Perangkat.model_fields["peran"]
    monkeypatch.setattr(roles, "annotation", Literal[tuple(devices.ROLES)])
    devices.Perangkat.model_rebuild(force=True)
    devices.Daftar.model_rebuild(force=True)
    DESKS.append(module.DESK)
    try:
        yield module
    finally:
        DESKS.remove(module.DESK)
        monkeypatch.undo()
        devices.Perangkat.model_rebuild(force=True)
        devices.Daftar.model_rebuild(force=True)


def test_a_new_role_works_through_the_web_without_touching_web(saran, minimal_event):
    token = add_device(minimal_event, "saran").token
    client = TestClient(create_app(minimal_event))
    headers = {"Authorization": f"Bearer {token}"}
    body = {"id_entri": "saran-0000001", "peserta": "P-0001", "isi": "Tambah kursi di Ruang Pleno"}
    said = client.post("/api/v1/saran", headers=headers, json=body)
    assert said.status_code == 200, said.text
    assert said.json() == {"status": "tercatat", "pesan": "Saran Suparman tercatat.",
                           "berkas": "log/saran/SARAN-1.yaml", "baris": None, "data": {}, "kode": None}
    assert client.post("/api/v1/saran", headers=headers, json=body).json()["status"] == "sudah_tercatat"
    short = client.post("/api/v1/saran", headers=headers, json={**body, "id_entri": "saran-0000002", "isi": "ok"})
    assert short.status_code == 422 and short.json()["kode"] == "BUR-M090"
    assert "terlalu pendek" in short.json()["pesan"]
    assert [s["isian"] for s in client.get("/api/v1/saya", headers=headers).json()["langkah"]["saran"]] == \
        ["peserta", "isi", "desa", "tema"]
    assert len(entries(minimal_event, "log/saran/SARAN-1.yaml")) == 1
    assert "Tambah kursi di Ruang Pleno" in (minimal_event / "log/saran/SARAN-1.yaml").read_text(encoding="utf-8")
    stamp = client.post("/api/v1/stempel", headers=headers, json={"id_entri": "saran-0000003", "peserta": "P-0001"})
    assert stamp.status_code == 403  # the new role records at its own desk only


# --------------------------------------------------------------------------- the terminal: here and through the induk

NAMES = {"registrasi": "REG-1", "stempel": "A-01", "nilai": "NILAI-1", "ide": "IDE-1", "komitmen": "J3-1"}


@contextmanager
def counters(root: Path, mode: str):
    """What a terminal desk records through: the event folder here, or a laptop induk on loopback.

    Yields a function giving the counter of one desk."""
    from bursa_cli.day import Day
    from bursa_cli.terminal import Here, There
    from web_support import pair, served

    if mode == "here":
        day = Day.open(root)
        yield lambda desk: Here(day, NAMES[desk.peran])
        return
    with served(root) as base:
        tokens = {peran: pair(root, peran, "A-01" if peran == "stempel" else None) for peran in NAMES}
        yield lambda desk: There(base, tokens[desk.peran])


def asked(desk, body: dict, id_entri: str):
    return desk.model(id_entri=id_entri, **body)


@pytest.mark.parametrize("mode", ["here", "induk"])
@pytest.mark.parametrize("desk", DESKS, ids=lambda desk: desk.path)
def test_the_terminal_desk_refuses_and_writes_a_resend_once(minimal_event, desk, mode):
    body, wrong, words, log = CASES[desk.path]
    with counters(minimal_event, mode) as counter_of:
        counter = counter_of(desk)
        before = logs(minimal_event)
        refused = counter.record(desk, asked(desk, wrong, "tolak-00000001"))
        assert refused.status == "ditolak" and words in refused.pesan and refused.kode in CODES
        assert logs(minimal_event) == before
        first = counter.record(desk, asked(desk, body, "kirim-00000001"))
        assert first.status == "tercatat" and first.berkas == log, first
        again = counter.record(desk, asked(desk, body, "kirim-00000001"))
        assert again.status == "sudah_tercatat" and again.berkas == log
    assert len(entries(minimal_event, log)) == 1


@pytest.mark.parametrize("desk", DESKS, ids=lambda desk: desk.path)
def test_two_terminal_desks_sending_the_same_entry_write_it_once(minimal_event, desk):
    """Two laptops on one folder (each its own `Day`) and a desk resending through the induk at once."""
    from bursa_cli.day import Day
    from bursa_cli.terminal import Here

    body, _, _, log = CASES[desk.path]
    one, two = Here(Day.open(minimal_event), NAMES[desk.peran]), Here(Day.open(minimal_event), NAMES[desk.peran])
    said = [one.record(desk, asked(desk, body, "dua-meja-00001")).status,
            two.record(desk, asked(desk, body, "dua-meja-00001")).status]
    assert said == ["tercatat", "sudah_tercatat"]
    with counters(minimal_event, "induk") as counter_of:
        counter = counter_of(desk)
        with ThreadPoolExecutor(6) as pool:
            resent = list(pool.map(lambda _: counter.record(desk, asked(desk, body, "dua-meja-00001")).status,
                                   range(6)))
    assert resent == ["sudah_tercatat"] * 6
    assert len(entries(minimal_event, log)) == 1


# path -> what an officer types at the desk's terminal dialogue to record CASES' entry
TYPED: dict[str, str] = {
    "registrasi": "P-0001\n",
    "registrasi/baru": f"Sri Tamu\n1\n{BULU}\n\n",
    "stempel": "P-0001\n",  # the desk serves one innovation: no choice is asked
    "penilaian": "P-0001\n1\n4\n\n",
    "ide": "\nLumbung pangan desa\n\n\n\n",
    "komitmen": f"{BULU}\nINO-001\nCocok untuk desa kami\n\ny\ny\n",
}


def test_every_desk_has_its_typed_dialogue():
    assert sorted(TYPED) == sorted(desk.path for desk in DESKS)


@pytest.mark.parametrize("mode", ["here", "induk"])
@pytest.mark.parametrize("desk", DESKS, ids=lambda desk: desk.path)
def test_the_one_terminal_dialogue_runs_every_desk(minimal_event, tmp_path, desk, mode):
    """Each desk of the registry, typed at the one dialogue (no command of cli/), here and through the induk."""
    from typer.testing import CliRunner

    from support import plain
    from web_support import pair, served

    body, _, _, log = CASES[desk.path]
    app = saran_command(desk)
    if mode == "here":
        result = CliRunner().invoke(app, [str(minimal_event), "--perangkat", NAMES[desk.peran]],
                                    input=TYPED[desk.path] + "selesai\n", env={"COLUMNS": "200"})
    else:
        token = pair(minimal_event, desk.peran, "A-01" if desk.peran == "stempel" else None)
        with served(minimal_event) as base:
            result = CliRunner().invoke(app, [str(tmp_path), "--induk", base, "--token", token],
                                        input=TYPED[desk.path] + "selesai\n", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"Selesai: 1 {desk.title.lower()} dicatat" in plain(result.output), result.output
    written = entries(minimal_event, log)
    assert len(written) == 1
    entry = json.loads(written[0][2:])
    entry.update(entry.pop("tanpa_undangan", {}))
    assert {key: entry.get(key) for key in body} == body


def saran_command(desk):
    """How a test runs a desk's generic dialogue in a terminal: no command in cli/ is needed."""
    import typer

    from bursa_cli.terminal import Dialogue

    app = typer.Typer()

    @app.command()
    def meja(folder: Path, perangkat: str = typer.Option(None), induk: str = typer.Option(None),
             token: str = typer.Option(None)) -> None:
        Dialogue().run(desk, folder, perangkat, induk, token)

    return app


@pytest.mark.parametrize("mode", ["here", "induk"])
def test_a_new_role_works_through_the_terminal_without_touching_cli(saran, minimal_event, tmp_path, mode):
    from typer.testing import CliRunner

    from support import plain
    from web_support import pair, served

    typed = ("P-0001\nTambah kursi di Ruang Pleno\nTegalurung\n1,3\n"  # a village by name, two themes
             "P-0001\nok\n\n\nP-9999\nBanyak stan ramai\nselesai\n")
    app = saran_command(saran.DESK)
    if mode == "here":
        result = CliRunner().invoke(app, [str(minimal_event), "--perangkat", "SARAN-1"], input=typed,
                                    env={"COLUMNS": "200"})
        log = minimal_event / "log/saran/SARAN-1.yaml"
    else:
        token = pair(minimal_event, "saran")
        with served(minimal_event) as base:
            result = CliRunner().invoke(app, [str(tmp_path), "--induk", base, "--token", token], input=typed,
                                        env={"COLUMNS": "200"})
        log = minimal_event / "log/saran/SARAN-1.yaml"
        assert not (tmp_path / "log").exists()
    said = plain(result.output)
    assert result.exit_code == 0, result.output
    assert "Kotak saran ·" in said and "Id peserta · Saran" in said
    assert "✔ TERCATAT: Saran Suparman tercatat." in said
    assert "✘ DITOLAK: Saran 'ok' terlalu pendek: tulis paling sedikit dua kata." in said
    assert "✘ DITOLAK: Id peserta 'P-9999' tidak dikenal" in said
    assert "Selesai: 1 kotak saran dicatat" in said
    assert len(entries(minimal_event, "log/saran/SARAN-1.yaml")) == 1
    assert "Tambah kursi di Ruang Pleno" in log.read_text(encoding="utf-8")
    entry = json.loads(entries(minimal_event, "log/saran/SARAN-1.yaml")[0][2:])
    assert (entry["desa"], entry["tema"]) == ("33.23.01.2002", ["ruang", "acara"])


def test_a_new_role_gets_its_desk_page_from_its_steps(saran, browser, minimal_event):
    """The browser page builds a form from the desk's steps for a role without a page of its own,
    and shows a refusal's code small, for the helpdesk."""
    import os

    from web_support import PHONE, pair_path, served

    pairing = pair_path(minimal_event, "saran")
    with served(minimal_event) as base:
        page = browser.new_context(viewport=PHONE).new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}{pairing}")
        page.wait_for_selector("#langkah form[data-meja='saran']")
        assert page.locator("#langkah form > label").all_inner_texts() == ["Id peserta", "Saran", "Desa (boleh kosong)"]
        assert page.inner_text("#langkah fieldset legend") == "Tema (boleh kosong)"
        assert [t.strip() for t in page.locator("#langkah fieldset label").all_inner_texts()] == \
            ["Ruang dan kursi", "Meja konsultasi", "Susunan acara"]
        page.fill("#langkah input[name=peserta]", "P-0001")
        page.fill("#langkah input[name=isi]", "Tambah kursi di Ruang Pleno")
        page.fill("#langkah input[name=desa-cari]", "Tegalurung")
        page.click("#langkah .pilihan-desa button")  # the village found, picked by name
        page.check("#langkah input[name=tema][value=meja]")
        page.click("#langkah button[type=submit]")
        page.wait_for_selector(".j-tercatat")
        assert "Saran Suparman tercatat." in page.inner_text("#hasil")
        page.fill("#langkah input[name=peserta]", "P-0001")
        page.fill("#langkah input[name=isi]", "ok")
        page.click("#langkah button[type=submit]")
        page.wait_for_selector(".j-ditolak")
        assert "terlalu pendek" in page.inner_text("#hasil") and page.inner_text("#hasil .kode") == "Kode BUR-M090"
        if os.environ.get("BURSA_FOTO"):
            page.screenshot(path=f"{os.environ['BURSA_FOTO']}/saran-hp.png", full_page=True)
        assert errors == []
    written = entries(minimal_event, "log/saran/SARAN-1.yaml")
    assert len(written) == 1
    entry = json.loads(written[0][2:])
    assert (entry["desa"], entry["tema"]) == ("33.23.01.2002", ["meja"])
