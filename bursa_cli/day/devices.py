"""Devices paired with the laptop induk (`bursa perangkat`, `bursa layani`).

A device gets a random token once (for the terminal desks' `--token`) and a
pairing code, shown as a pairing URL and QR code. The code pairs one browser,
once, within a few minutes: opening it gives that browser a session token of
its own, and a photographed QR is worth nothing afterwards. Only SHA-256
digests of tokens and codes are kept, in `.layani/perangkat.yaml`, which git
ignores: a copy of the event folder never lets anyone in. A device is bound
to one role (and, for a consultation desk, to one meja), so a stamp desk can
never register, stamp for another desk or read phone numbers. Revoking a
device ends its token and every browser session at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Optional

import yaml
from filelock import FileLock
from pydantic import Field

from ..errors import PairingRefused, UsageError
from ..fsutil import write_atomic
from ..schema.models import Model
from .logwrite import now

STATE_DIR = ".layani"
DEVICES_FILE = "perangkat.yaml"
SECRET_FILE = "rahasia"
QR_MINUTES = 15  # how long a pairing QR stays valid, unless told otherwise

Peran = Literal["registrasi", "stempel", "nilai", "ide", "komitmen", "pantau"]
ROLES: dict[str, str] = {
    "registrasi": "Registrasi",
    "stempel": "Meja konsultasi (stempel)",
    "nilai": "Penilaian inovasi",
    "ide": "Kartu Ide",
    "komitmen": "Jendela 3 (Kartu Komitmen)",
    "pantau": "Layar pantauan",
}
# Device ids name their log files, so each role has its own prefix and ids never collide.
PREFIX = {"registrasi": "REG", "stempel": "MEJA", "nilai": "NILAI", "ide": "IDE", "komitmen": "J3",
          "pantau": "PANTAU"}


class QrPasang(Model):
    """One pairing QR made for a device: valid once, until `sampai`."""

    sidik: str = Field(description="SHA-256 dari kode pemasangan")
    sampai: str = Field(description="Batas berlaku, ISO 8601")
    dipakai: Optional[str] = Field(None, description="Kapan QR ini memasangkan sebuah browser")


class Perangkat(Model):
    id: str = Field(description="Id perangkat, juga nama berkas lognya, mis. REG-1 atau J3-2")
    peran: Peran
    meja: Optional[str] = Field(None, description="Meja konsultasi, untuk peran stempel")
    nama: str = Field("", description="Nama yang mudah dikenali, mis. Laptop Bidang PMD")
    sidik: str = Field(description="SHA-256 dari token; tokennya sendiri tidak pernah disimpan")
    dibuat: str
    dicabut: Optional[str] = None
    qr: list[QrPasang] = Field(default_factory=list, description="QR pemasangan yang pernah dibuat")
    sesi: list[str] = Field(default_factory=list, description="SHA-256 dari sesi browser yang dipasangkan")

    @property
    def active(self) -> bool:
        return self.dicabut is None

    @property
    def log_name(self) -> str:
        """The log a device writes: its desk for a stamp desk, else its own id."""
        return self.meja if self.peran == "stempel" and self.meja else self.id


class Daftar(Model):
    perangkat: list[Perangkat] = Field(default_factory=list)


@dataclass
class Paired:
    device: Perangkat
    token: str  # shown once; only its digest is kept
    kode: str = ""  # the one-time pairing code of its QR
    sampai: str = ""  # until when that code pairs


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def state_dir(root: Path) -> Path:
    return Path(root) / STATE_DIR


def _lock(root: Path) -> FileLock:
    folder = state_dir(root)
    folder.mkdir(parents=True, exist_ok=True)
    return FileLock(folder / ".perangkat.lock", timeout=30)


def list_devices(root: Path) -> list[Perangkat]:
    """Every device ever paired with this event, revoked ones included."""
    path = state_dir(root) / DEVICES_FILE
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return Daftar.model_validate(data).perangkat
    except (yaml.YAMLError, ValueError) as exc:
        raise UsageError.coded("BUR-M101", berkas=f"{STATE_DIR}/{DEVICES_FILE}", sebab=type(exc).__name__) from None


def _save(root: Path, devices: list[Perangkat]) -> None:
    text = ("# Perangkat yang dipasangkan ke `bursa layani`. Hanya sidik (SHA-256) token yang disimpan.\n"
            "# Jangan di-commit; kelola dengan `bursa perangkat tambah|daftar|cabut`.\n")
    body = Daftar(perangkat=devices).model_dump(mode="json", exclude_none=True)
    write_atomic(state_dir(root) / DEVICES_FILE, text + yaml.safe_dump(body, allow_unicode=True, sort_keys=False))


def _new_qr(zona: str, minutes: int) -> tuple[str, QrPasang]:
    if minutes < 1:
        raise UsageError.coded("BUR-M102")
    kode = secrets.token_urlsafe(18)
    until = dt.datetime.fromisoformat(now(zona)) + dt.timedelta(minutes=minutes)
    return kode, QrPasang(sidik=digest(kode), sampai=until.isoformat(timespec="seconds"))


def add_device(root: Path, peran: str, meja: str | None = None, nama: str = "",
               known_desks: set[str] | None = None, zona: str = "WIB", berlaku: int = QR_MINUTES) -> Paired:
    """Make a token and a pairing QR for a new device; `known_desks` are the event's meja, checked for a
    stamp desk; the QR pairs one browser within `berlaku` minutes."""
    if peran not in ROLES:
        raise UsageError.coded("BUR-M103", peran=peran, pilihan=", ".join(ROLES))
    if peran == "stempel":
        if not meja:  # said plainly: the officer may be on /induk, not in a terminal
            raise UsageError.coded("BUR-M104")
        if known_desks is not None and meja not in known_desks:
            raise UsageError.coded("BUR-M105", meja=meja, dikenal=", ".join(sorted(known_desks)) or "(belum ada)")
    elif meja:
        raise UsageError.coded("BUR-M106")
    token = secrets.token_urlsafe(24)
    kode, qr = _new_qr(zona, berlaku)
    with _lock(root):
        devices = list_devices(root)
        prefix = PREFIX[peran]
        used = [int(d.id[len(prefix) + 1:]) for d in devices
                if d.id.startswith(prefix + "-") and d.id[len(prefix) + 1:].isdigit()]
        device = Perangkat(id=f"{prefix}-{max(used, default=0) + 1}", peran=peran, meja=meja, nama=nama.strip(),
                           sidik=digest(token), dibuat=now(zona), qr=[qr])
        _save(root, [*devices, device])
    return Paired(device, token, kode, qr.sampai)


def _find(devices: list[Perangkat], device_id: str) -> int:
    for index, device in enumerate(devices):
        if device.id.upper() == device_id.strip().upper():
            return index
    known = ", ".join(d.id for d in devices) or "(belum ada perangkat)"
    raise UsageError.coded("BUR-M107", perangkat=device_id, ada=known)


def renew_pairing(root: Path, device_id: str, zona: str = "WIB", berlaku: int = QR_MINUTES) -> Paired:
    """A new pairing QR for a device whose QR was used or has expired (its token is not shown again)."""
    kode, qr = _new_qr(zona, berlaku)
    with _lock(root):
        devices = list_devices(root)
        index = _find(devices, device_id)
        device = devices[index]
        if not device.active:
            raise UsageError.coded("BUR-M108", perangkat=device.id, dicabut=device.dicabut)
        devices[index] = device.model_copy(update={"qr": [*device.qr, qr]})
        _save(root, devices)
    return Paired(devices[index], "", kode, qr.sampai)


def redeem_pairing(root: Path, kode: str, zona: str = "WIB") -> tuple[Perangkat, str]:
    """Open a pairing QR: the device and a new session token for this browser; the QR is spent.

    Refused (`PairingRefused`) when the QR was used already, has expired, or is unknown.
    """
    wanted = digest(kode)
    with _lock(root):
        devices = list_devices(root)
        for index, device in enumerate(devices):
            for number, qr in enumerate(device.qr):
                if not hmac.compare_digest(qr.sidik, wanted):
                    continue
                if not device.active:
                    raise PairingRefused.coded("BUR-W013")
                if qr.dipakai:
                    raise PairingRefused.coded("BUR-W011")
                stamp = now(zona)
                if dt.datetime.fromisoformat(stamp) > dt.datetime.fromisoformat(qr.sampai):
                    raise PairingRefused.coded("BUR-W012", sampai=qr.sampai[11:16])
                session = secrets.token_urlsafe(24)
                spent = [*device.qr]
                spent[number] = qr.model_copy(update={"dipakai": stamp})
                devices[index] = device.model_copy(update={"qr": spent, "sesi": [*device.sesi, digest(session)]})
                _save(root, devices)
                return devices[index], session
    raise PairingRefused.coded("BUR-W013")


def revoke_device(root: Path, device_id: str, zona: str = "WIB") -> Perangkat:
    """Revoke a device: its token stops working at once, its log stays."""
    with _lock(root):
        devices = list_devices(root)
        index = _find(devices, device_id)
        device = devices[index]
        if not device.active:
            raise UsageError.coded("BUR-M109", perangkat=device.id, dicabut=device.dicabut)
        devices[index] = device.model_copy(update={"dicabut": now(zona)})
        _save(root, devices)
        return devices[index]


def end_session(root: Path, session: str) -> None:
    """Forget one browser session (the desk page's "lepas perangkat"); the device and its token stay."""
    wanted = digest(session)
    with _lock(root):
        devices = list_devices(root)
        for index, device in enumerate(devices):
            if wanted in device.sesi:
                devices[index] = device.model_copy(update={"sesi": [s for s in device.sesi if s != wanted]})
                _save(root, devices)
                return


def device_for_token(devices: list[Perangkat], token: str) -> Perangkat | None:
    """The active device whose token, or one of whose browser sessions, this is (compared in constant time)."""
    if not token:
        return None
    wanted = digest(token)
    for device in devices:
        if hmac.compare_digest(device.sidik, wanted) or any(hmac.compare_digest(s, wanted) for s in device.sesi):
            return device if device.active else None
    return None


def server_secret(root: Path) -> bytes:
    """A secret of this laptop induk, made once: it signs the pages' CSRF tokens."""
    path = state_dir(root) / SECRET_FILE
    with _lock(root):
        if not path.is_file():
            write_atomic(path, secrets.token_hex(32))
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
