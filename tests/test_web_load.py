"""`bursa layani` as a real process on loopback: 30 desks at once, and a kill -9 in the middle."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from bursa_cli.schema.event import load_event
from support import bursa, edited, make_event
from web_support import free_port, pair

DESKS = 30
ENTRIES = 100


@pytest.fixture
def today_event(tmp_path: Path) -> Path:
    """The minimal event, held today: a real `bursa layani` writes the real time, and `validasi`
    flags entries dated outside the event day (BUR-G001, BUR-G002)."""
    from datetime import datetime, timedelta, timezone

    today = datetime.now(timezone(timedelta(hours=7))).date()  # WIB, as the event's zone
    return make_event(tmp_path / "hari-ini", {"acara.yaml": edited("acara.yaml", {"tanggal": str(today)})})


def start(root: Path, port: int) -> subprocess.Popen:
    """`bursa layani` in its own process; returns once it answers."""
    process = subprocess.Popen([sys.executable, "-m", "bursa_cli", "layani", str(root), "--port", str(port),
                                "--alamat", "127.0.0.1"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env={**os.environ, "COLUMNS": "200"})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/saya", timeout=1).status_code == 401:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("bursa layani tidak mulai:\n" + process.stdout.read().decode())


def stop(process: subprocess.Popen) -> str:
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=20)
    return output.decode()


def entry(role: str, desk: int, number: int) -> tuple[str, dict]:
    """The n-th entry of a desk: stamps and ratings repeat on purpose (confirmed with ulang)."""
    peserta = f"P-000{number % 4 + 1}"
    body: dict = {"id_entri": f"beban-{desk:02d}-{number:04d}"}
    if role == "stempel":
        return "/api/v1/stempel", {**body, "peserta": peserta, "ulang": True}
    if role == "nilai":
        return "/api/v1/penilaian", {**body, "peserta": peserta, "inovasi": f"INO-00{number % 2 + 1}",
                                     "nilai": number % 5 + 1, "ulang": True}
    return "/api/v1/ide", {**body, "judul": f"Ide {desk}-{number}", "uraian": "<b>tidak tebal</b>"}


def pair_desks(root: Path) -> list[tuple[str, str]]:
    roles = []
    for n in range(DESKS):
        role = ("stempel", "nilai", "ide")[n % 3]
        roles.append((role, pair(root, role, ("A-01", "A-02")[n % 2] if role == "stempel" else None)))
    return roles


def send_all(port: int, devices, acknowledged: dict, failures: list, stop_on_error: bool = False) -> None:
    def one(index: int, role: str, token: str) -> None:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"Authorization": f"Bearer {token}"},
                          timeout=30) as client:
            for number in range(ENTRIES):
                path, body = entry(role, index, number)
                try:
                    answer = client.post(path, json=body)
                except httpx.TransportError:
                    if stop_on_error:
                        return
                    raise
                if answer.json().get("status") in ("tercatat", "sudah_tercatat"):
                    acknowledged[body["id_entri"]] = answer.json()["status"]
                else:
                    failures.append(answer.json())

    threads = [threading.Thread(target=one, args=(n, role, token)) for n, (role, token) in enumerate(devices)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)


def written_ids(root: Path) -> list[str]:
    event = load_event(root).event
    return [e.id_entri for e in [*event.stempel, *event.penilaian, *event.ide] if e.id_entri]


def test_thirty_desks_at_once_write_exactly_their_entries(today_event):
    port = free_port()
    devices = pair_desks(today_event)
    server = start(today_event, port)
    acknowledged: dict[str, str] = {}
    failures: list = []
    try:
        send_all(port, devices, acknowledged, failures)
    finally:
        stop(server)
    assert failures == []
    assert len(acknowledged) == DESKS * ENTRIES
    ids = written_ids(today_event)
    assert len(ids) == len(set(ids)) == DESKS * ENTRIES
    result = bursa("validasi", str(today_event))
    assert result.exit_code == 0, result.output
    assert "0 galat" in result.output


def test_kill_9_loses_no_acknowledged_entry_and_a_restart_mends_the_tail(today_event):
    port = free_port()
    devices = pair_desks(today_event)[:10]
    server = start(today_event, port)
    acknowledged: dict[str, str] = {}
    failures: list = []
    sender = threading.Thread(target=send_all, args=(port, devices, acknowledged, failures, True))
    sender.start()
    while len(acknowledged) < 150:
        time.sleep(0.01)
    server.send_signal(signal.SIGKILL)
    server.wait(10)
    sender.join(60)
    told = set(acknowledged)
    assert told and told <= set(written_ids(today_event))  # every "tercatat" is on disk

    # A torn last line, as a kill during the write leaves it.
    log = today_event / "log" / "ide" / "IDE-1.yaml"
    with open(log, "ab") as handle:
        handle.write(b'{waktu: "2026-11-12T10:00:00+07:00", judul: "set')
    server = start(today_event, port)
    try:
        # Every desk resends what it has: nothing is written twice.
        send_all(port, devices, acknowledged, failures)
    finally:
        output = stop(server)
    assert "IDE-1.yaml dipulihkan" in output.replace("\n", " ").replace("│", " ")
    assert list(log.parent.glob("IDE-1.yaml.rusak-*"))
    ids = written_ids(today_event)
    assert len(ids) == len(set(ids)) == len(devices) * ENTRIES
    assert failures == []
    assert bursa("validasi", str(today_event)).exit_code == 0


def test_one_stamp_sent_by_ten_devices_at_once_is_recorded_once(minimal_event):
    from web_support import served

    tokens = [pair(minimal_event, "stempel", "A-01") for _ in range(10)]
    statuses: list[str] = []
    with served(minimal_event) as base:
        def send(n: int) -> None:
            answer = httpx.post(f"{base}/api/v1/stempel", headers={"Authorization": f"Bearer {tokens[n]}"},
                                json={"id_entri": f"serentak-{n:04d}", "peserta": "P-0001"}, timeout=30)
            statuses.append(answer.json()["status"])

        threads = [threading.Thread(target=send, args=(n,)) for n in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert sorted(statuses) == ["perlu_konfirmasi"] * 9 + ["tercatat"]
    assert len(load_event(minimal_event).event.stempel) == 1



TERMINAL_STAMP = """
import sys, time
from pathlib import Path
from bursa_cli.day import Day, stamp
day = Day.open(Path(sys.argv[1]))
started = time.monotonic()
recorded = stamp(day, "A-01", "P-0002")
print(recorded.file, time.monotonic() - started)
"""


def test_a_terminal_desk_beside_a_busy_induk_gets_in_and_its_stamp_is_seen(minimal_event, monkeypatch):
    """The induk keeps every log lock while entries keep coming; a terminal desk writing the same
    folder still gets in within `HOLD` seconds, and the induk counts its stamp at once."""
    from bursa_cli.day import journal
    from web_support import served

    monkeypatch.setattr(journal, "HOLD", 2.0)
    monkeypatch.setattr(journal, "IDLE", 60.0)  # so only the HOLD limit ever lets the locks go
    raters = [pair(minimal_event, "nilai") for _ in range(4)]
    desk = pair(minimal_event, "stempel", "A-01")
    done = threading.Event()
    sent: list[int] = []
    with served(minimal_event) as base:
        def keep_busy(index: int, token: str) -> None:
            with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60) as client:
                number = 0
                while not done.is_set():
                    path, body = entry("nilai", index, number)
                    assert client.post(path, json=body).json()["status"] == "tercatat"
                    number += 1
                sent.append(number)

        threads = [threading.Thread(target=keep_busy, args=(n, token)) for n, token in enumerate(raters)]
        for thread in threads:
            thread.start()
        try:
            time.sleep(0.5)  # the induk holds the locks now, writing ratings
            terminal = subprocess.run([sys.executable, "-c", TERMINAL_STAMP, str(minimal_event)], capture_output=True,
                                      text=True, timeout=60)
        finally:
            done.set()
            for thread in threads:
                thread.join(60)
        answer = httpx.post(f"{base}/api/v1/stempel", headers={"Authorization": f"Bearer {desk}"},
                            json={"id_entri": "samping-0001", "peserta": "P-0002"}, timeout=30).json()
    assert terminal.returncode == 0, terminal.stderr
    file, waited = terminal.stdout.split()
    assert file == "log/stempel/A-01.yaml"
    assert float(waited) < journal.HOLD + 5.0  # starved, it would wait out the lock timeout (30 s) and fail
    assert len(sent) == len(raters) and all(sent)
    assert answer["status"] == "perlu_konfirmasi", answer
    assert answer["berkas"] == "log/stempel/A-01.yaml" and answer["baris"] == 4
