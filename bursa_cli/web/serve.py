"""Running the laptop induk: uvicorn, the event's HTTPS certificate, and git as the archive."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import socket
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..day import repair_logs
from ..day.area import area_of
from ..day.devices import state_dir
from ..errors import UsageError
from ..fsutil import write_atomic
from .address import ANY, Alamat, choose_address, lan_addresses, url_for
from .guard import IDLE_SECONDS, guarded_protocol

TLS_DIR = "tls"


@dataclass
class Serving:
    """What the terminal shows when the server starts."""

    url: str
    induk_url: str
    fingerprint: str = ""  # SHA-256 of the HTTPS certificate, to compare on a phone
    commit_every: int = 0
    repaired: list = field(default_factory=list)  # logs torn by a crash, mended before serving
    addresses: list = field(default_factory=list)  # (url, interface, chosen) when the laptop has several
    qr_minutes: int = 15
    gladi: bool = False  # the rehearsal: entries in gladi/log/


def tls_files(root: Path) -> tuple[Path, Path, str]:
    """The event's self-signed certificate and key, made once; and the certificate's fingerprint."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder = state_dir(root) / TLS_DIR
    cert_path, key_path = folder / "sertifikat.pem", folder / "kunci.pem"
    if not (cert_path.is_file() and key_path.is_file()):
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "bursa layani")])
        ips = [a.ip for a in lan_addresses()] + ["127.0.0.1"]
        names = [x509.DNSName("localhost")] + [x509.IPAddress(ipaddress.ip_address(a)) for a in ips]
        now = dt.datetime.now(dt.timezone.utc)
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
                .not_valid_after(now + dt.timedelta(days=400))
                .add_extension(x509.SubjectAlternativeName(names), critical=False)
                .sign(key, hashes.SHA256()))
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(key_path, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption()))
        key_path.chmod(0o600)
        write_atomic(cert_path, cert.public_bytes(serialization.Encoding.PEM))
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    digest = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest().upper()
    return cert_path, key_path, ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))


def commit_logs(root: Path) -> bool:
    """Commit the day's logs in the event's git repository; False when there was nothing new."""
    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)

    if git("rev-parse", "--is-inside-work-tree").returncode != 0:
        return False
    # The logs and the side files of repaired lines; never the lock files beside them.
    logs = sorted(p.relative_to(root).as_posix() for pattern in ("log/*/*.yaml", "log/*/*.rusak-*")
                  for p in root.glob(pattern))
    if not logs:
        return False
    git("add", "--", *logs)
    if git("diff", "--cached", "--quiet", "--", "log").returncode == 0:
        return False
    stamp = dt.datetime.now().strftime("%H.%M")
    done = git("commit", "--no-verify", "-m", f"Log hari-H pukul {stamp} (bursa layani)", "--", "log")
    return done.returncode == 0


def _listen(alamat: str, port: int) -> socket.socket:
    """A listening socket on `alamat`; a port already taken (another `bursa layani`?) is a usage
    error, not uvicorn's traceback."""
    family = socket.AF_INET6 if ":" in alamat else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if family == socket.AF_INET6 and alamat == "::":
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    try:
        sock.bind((alamat, port))
    except OSError as exc:
        sock.close()
        raise UsageError.coded("BUR-W029", alamat=alamat, port=port, sebab=exc.strerror) from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _listeners(alamat: str, port: int) -> list[socket.socket]:
    """Where to listen: `alamat`, and loopback too when `alamat` is one LAN address, so that the
    induk's own screen (http://127.0.0.1:PORT/induk) still opens."""
    sockets = [_listen(alamat, port)]
    if alamat not in ANY and not alamat.startswith("127.") and alamat not in ("::1", "localhost"):
        try:
            sockets.append(_listen("127.0.0.1", port))
        except BaseException:
            sockets[0].close()
            raise
    return sockets


def _address_list(chosen: str, found: tuple[Alamat, ...], port: int, https: bool) -> list[tuple[str, str, bool]]:
    urls = [(url_for(a.ip, port, https), a.antarmuka, a.ip == chosen) for a in found]
    return urls if len(urls) > 1 else []


def serve(root: Path, alamat: str, port: int, https: bool = False, commit_every: int = 0,
          on_start: Callable[[Serving], None] | None = None, qr_minutes: int = 15, gladi: bool = False) -> None:
    """Serve the event at `root` until Ctrl+C; the logs are committed every `commit_every` minutes.

    Listening on every interface (the default), desks are given the best LAN address; without
    any LAN the server refuses to start rather than hand out 127.0.0.1. `gladi`: the rehearsal,
    against `gladi/log/` (never committed); the devices are the event's.
    """
    import uvicorn

    from .app import create_app

    root = Path(root)
    if commit_every < 0:
        raise UsageError.coded("BUR-W027")
    if qr_minutes < 1:
        raise UsageError.coded("BUR-W028")
    chosen = choose_address(alamat)
    tls: dict[str, str] = {}
    fingerprint = ""
    if https:
        cert, key, fingerprint = tls_files(root)
        tls = {"ssl_certfile": str(cert), "ssl_keyfile": str(key)}
    sockets = _listeners(alamat, port)
    # A laptop induk that died mid-write left at most a torn last line: mend it the way
    # `bursa perbaiki` does before any desk is answered again.
    repaired = repair_logs(root, logs=area_of(root, gladi).logs)
    url = url_for(chosen.host, port, https)
    app = create_app(root, base_url=url, addresses=chosen.semua, qr_minutes=qr_minutes, gladi=gladi)
    config = uvicorn.Config(app, host=alamat, port=port, log_level="warning", access_log=False,
                            proxy_headers=False, server_header=False, http=guarded_protocol(),
                            timeout_keep_alive=IDLE_SECONDS, **tls)
    server = uvicorn.Server(config)
    stop = threading.Event()
    if commit_every and not gladi:  # a rehearsal's entries never go into git
        def archive() -> None:
            while not stop.wait(commit_every * 60):
                commit_logs(root)
        threading.Thread(target=archive, name="commit-log", daemon=True).start()
    if on_start:
        on_start(Serving(url, url_for("127.0.0.1", port, https) + "/induk", fingerprint,
                         0 if gladi else commit_every, repaired,
                         _address_list(chosen.host, chosen.semua, port, https), qr_minutes, gladi))
    try:
        server.run(sockets=sockets)
    finally:
        for sock in sockets:
            sock.close()
        stop.set()
        if commit_every and not gladi:
            commit_logs(root)  # the last entries too, when the induk is stopped
