"""What a stranger on the Wi-Fi can send to the laptop induk, and what happens: refused at once,
with an Indonesian message and a code, and nothing held on to."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bursa_cli.codes import CODES
from bursa_cli.web.guard import MAX_BODY, guarded_protocol
from web_support import free_port, induk, pair

MB = 1024 * 1024


def exchange(port: int, head: str, body: bytes = b"", wait: float = 5.0) -> tuple[str, dict, float]:
    """Send a request's head and the start of its body raw; the status line, the JSON answer and
    how long the answer took."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as conn:
        started = time.monotonic()
        conn.sendall(head.encode("latin-1") + b"\r\n" + body)
        answer = read_answer(conn)
        took = time.monotonic() - started
    status, _, rest = answer.partition(b"\r\n")
    payload = rest.partition(b"\r\n\r\n")[2]
    return status.decode(), json.loads(payload) if payload.startswith(b"{") else {}, took


def read_answer(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
        try:
            piece = conn.recv(65536)
        except ConnectionResetError:
            break
        if not piece:
            break
        data += piece
    return data


def head(method: str, path: str, host: str = "127.0.0.1", **headers: str) -> str:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}"] + [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    return "\r\n".join(lines) + "\r\n"


def test_an_unpaired_200_mb_body_is_refused_before_it_is_read(minimal_event):
    with induk(minimal_event) as running:
        status, answer, took = exchange(running.port, head("POST", "/api/v1/stempel", Content_Length=str(200 * MB),
                                                           Content_Type="application/json"), b"{" + b" " * 65536)
    assert status == "HTTP/1.1 401 Unauthorized" and answer["kode"] == "BUR-W001"
    assert "belum dipasangkan" in answer["pesan"] and took < 2


def test_a_paired_device_over_the_size_limit_gets_413(minimal_event):
    token = pair(minimal_event, "stempel", "A-01")
    with induk(minimal_event) as running:
        status, answer, _ = exchange(running.port, head("POST", "/api/v1/stempel", Authorization=f"Bearer {token}",
                                                        Content_Length=str(MAX_BODY + 1)))
        # The same, sent in chunks with no length given: stopped once it passes the limit.
        chunk = b"x" * 60000
        chunked = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(4))
        status_chunked, answer_chunked, _ = exchange(
            running.port, head("POST", "/api/v1/stempel", Authorization=f"Bearer {token}",
                               Transfer_Encoding="chunked", Content_Type="application/json"), chunked)
    assert status == "HTTP/1.1 413 Request Entity Too Large" and answer["kode"] == "BUR-W005"
    assert "lebih besar dari 128 KB" in answer["pesan"]
    assert status_chunked.startswith("HTTP/1.1 413") and answer_chunked["kode"] == "BUR-W005"


def test_malformed_json_is_answered_in_indonesian_with_a_code(minimal_event):
    import httpx

    token = pair(minimal_event, "stempel", "A-01")
    with induk(minimal_event) as running:
        answer = httpx.post(f"{running.base}/api/v1/stempel", content=b'{"id_entri": "x", ',
                            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        unknown = httpx.get(f"{running.base}/api/v1/tidak-ada", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 422 and answer.json()["kode"] == "BUR-W006"
    assert answer.json()["pesan"].startswith("Permintaan tidak sah:") and "JSON" in answer.json()["pesan"]
    assert "error" not in answer.text.lower()
    assert unknown.status_code == 404 and unknown.json()["kode"] == "BUR-W010"


@pytest.mark.parametrize("host,status,code", [
    ("127.0.0.1", "HTTP/1.1 200 OK", None),
    ("localhost", "HTTP/1.1 200 OK", None),
    ("bursa.contoh.test", "HTTP/1.1 403 Forbidden", "BUR-W008"),  # DNS rebinding: a foreign name for 127.0.0.1
    ("192.168.43.2", "HTTP/1.1 403 Forbidden", "BUR-W008"),
])
def test_the_induk_screen_answers_only_to_its_own_name(minimal_event, host, status, code):
    with induk(minimal_event) as running:
        got, answer, _ = exchange(running.port, head("GET", "/induk", host=f"{host}:{running.port}",
                                                     Connection="close"))
        posted, posted_answer, _ = exchange(running.port, head("POST", "/induk/perangkat", host=host,
                                                               Content_Length="2", Connection="close"), b"{}")
    assert got == status
    if code:
        assert answer["kode"] == code and host in answer["pesan"]
        assert posted.startswith("HTTP/1.1 403") and posted_answer["kode"] == code


def test_headers_that_trickle_in_are_dropped(minimal_event):
    with induk(minimal_event, http=guarded_protocol(header_seconds=1)) as running:
        with socket.create_connection(("127.0.0.1", running.port), timeout=10) as conn:
            conn.sendall(b"GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the blank line
            started = time.monotonic()
            assert conn.recv(100) == b""  # closed by the server, no answer owed
            assert 0.5 < time.monotonic() - started < 5
        with socket.create_connection(("127.0.0.1", running.port), timeout=10) as idle:
            started = time.monotonic()
            assert idle.recv(100) == b""  # a connection that never says anything, too
            assert time.monotonic() - started < 5


def test_one_address_cannot_hold_every_connection(minimal_event):
    with induk(minimal_event, http=guarded_protocol(per_address=3, exempt=())) as running:
        held = [socket.create_connection(("127.0.0.1", running.port), timeout=5) for _ in range(3)]
        try:
            with socket.create_connection(("127.0.0.1", running.port), timeout=5) as extra:
                answer = read_answer(extra)
            assert answer.startswith(b"HTTP/1.1 429") and b"BUR-W014" in answer
        finally:
            for conn in held:
                conn.close()
        time.sleep(0.3)
        status, _, _ = exchange(running.port, head("GET", "/favicon.ico", Connection="close"))
    assert status == "HTTP/1.1 204 No Content"  # once they are let go, the address is served again


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("VmRSS tidak ada")


def flood(port: int, requests: int, declared: int, sent: int) -> list[str]:
    """`requests` unpaired POSTs, each declaring `declared` bytes and pushing up to `sent` of them."""
    statuses = []
    piece = b"x" * 65536
    for _ in range(requests):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
            conn.sendall(head("POST", "/api/v1/stempel", Content_Length=str(declared)).encode() + b"\r\n")
            pushed = 0
            try:
                while pushed < sent:
                    conn.sendall(piece)
                    pushed += len(piece)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server closed it: the rest is never taken in
            try:
                statuses.append(read_answer(conn).partition(b"\r\n")[0].decode())
            except OSError:
                statuses.append("ditutup")
    return statuses


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="memori proses dibaca dari /proc (Linux)")
def test_memory_stays_flat_after_a_flood_of_large_requests(minimal_event, tmp_path):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "bursa_cli", "layani", str(minimal_event), "--alamat",
                               "127.0.0.1", "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, server.stdout.read().decode()
                time.sleep(0.2)
        exchange(port, head("GET", "/favicon.ico", Connection="close"))
        before = rss_kb(server.pid)
        statuses = flood(port, requests=40, declared=200 * MB, sent=8 * MB)
        after = rss_kb(server.pid)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(20)
    assert set(statuses) <= {"HTTP/1.1 401 Unauthorized", "ditutup"} and "HTTP/1.1 401 Unauthorized" in statuses
    assert after - before < 50 * 1024, f"memori naik {(after - before) / 1024:.0f} MB"


def test_what_is_not_http_at_all_is_answered_in_indonesian(minimal_event):
    with induk(minimal_event) as running:
        with socket.create_connection(("127.0.0.1", running.port), timeout=5) as conn:
            conn.sendall(b"BUKAN HTTP SAMA SEKALI\r\n\r\n")
            answer = read_answer(conn)
    assert answer.startswith(b"HTTP/1.1 400") and b"BUR-W006" in answer and b"tidak sah" in answer


def test_a_bug_still_answers_json_with_a_code(minimal_event, monkeypatch):
    from fastapi.testclient import TestClient

    from bursa_cli.web.app import create_app

    token = pair(minimal_event, "ide")
    app = create_app(minimal_event)
    monkeypatch.setattr(app.state.hub, "about", lambda device: 1 / 0)
    answer = TestClient(app, raise_server_exceptions=False).get("/api/v1/saya",
                                                                headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 500 and answer.json()["kode"] == "BUR-W018"
    assert "BELUM tercatat" in answer.json()["pesan"]


def test_a_body_that_stops_coming_is_answered_408_and_the_entry_is_not_recorded(minimal_event):
    import asyncio

    from bursa_cli.web.app import create_app
    from bursa_cli.web.guard import Guard

    token = pair(minimal_event, "stempel", "A-01")
    app = create_app(minimal_event)
    guarded = Guard(app, app.state.hub, body_seconds=0.3)  # the app's own guard waits 15 s
    sent: list[dict] = []
    pieces = [{"type": "http.request", "body": b'{"id_entri": "lambat-1", ', "more_body": True}]

    async def receive() -> dict:
        if pieces:
            return pieces.pop(0)
        await asyncio.sleep(30)  # the rest of the body never comes
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/api/v1/stempel", "raw_path": b"/api/v1/stempel", "query_string": b"",
             "root_path": "", "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000),
             "headers": [(b"host", b"127.0.0.1:8000"), (b"authorization", f"Bearer {token}".encode()),
                         (b"content-type", b"application/json"), (b"content-length", b"200")]}
    started = time.monotonic()
    asyncio.run(guarded(scope, receive, send))
    took = time.monotonic() - started
    answer = json.loads(b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body"))
    assert sent[0]["status"] == 408 and answer["kode"] == "BUR-W009" and answer["status"] == "ditolak"
    assert answer["pesan"] == CODES["BUR-W009"].template
    assert 0.25 < took < 5
    assert not list((minimal_event / "log" / "stempel").glob("*.yaml"))

def test_every_w_code_is_documented():
    family = [code for code in CODES if code.startswith("BUR-W")]
    assert len(family) >= 17 and all(CODES[c].explanation for c in family)
