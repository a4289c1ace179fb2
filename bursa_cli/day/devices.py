"""Devices paired with the laptop induk (`bursa perangkat`, `bursa layani`).

A device gets a random token once, shown as a pairing URL and QR code. Only a
SHA-256 digest of the token is kept, in `.layani/perangkat.yaml`, which git
ignores: a copy of the event folder never lets anyone in. A token is bound to
one role (and, for a consultation desk, to one meja), so a stamp desk can
never register, stamp for another desk or read phone numbers.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Optional

import yaml
from filelock import FileLock
from pydantic import Field

from ..errors import UsageError
from ..fsutil import write_atomic
from ..schema.models import Model
from .logwrite import now

STATE_DIR = ".layani"
DEVICES_FILE = "perangkat.yaml"
SECRET_FILE = "rahasia"

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


class Perangkat(Model):
    id: str = Field(description="Id perangkat, juga nama berkas lognya, mis. REG-1 atau J3-2")
    peran: Peran
    meja: Optional[str] = Field(None, description="Meja konsultasi, untuk peran stempel")
    nama: str = Field("", description="Nama yang mudah dikenali, mis. Laptop Bidang PMD")
    sidik: str = Field(description="SHA-256 dari token; tokennya sendiri tidak pernah disimpan")
    dibuat: str
    dicabut: Optional[str] = None

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
        raise UsageError(f"{STATE_DIR}/{DEVICES_FILE} rusak dan tidak dapat dibaca ({type(exc).__name__}).",
                         hint="Hapus berkas itu lalu pasangkan ulang semua perangkat dengan `bursa perangkat tambah`."
                         ) from None


def _save(root: Path, devices: list[Perangkat]) -> None:
    text = ("# Perangkat yang dipasangkan ke `bursa layani`. Hanya sidik (SHA-256) token yang disimpan.\n"
            "# Jangan di-commit; kelola dengan `bursa perangkat tambah|daftar|cabut`.\n")
    body = Daftar(perangkat=devices).model_dump(mode="json", exclude_none=True)
    write_atomic(state_dir(root) / DEVICES_FILE, text + yaml.safe_dump(body, allow_unicode=True, sort_keys=False))


def add_device(root: Path, peran: str, meja: str | None = None, nama: str = "",
               known_desks: set[str] | None = None, zona: str = "WIB") -> Paired:
    """Make a token for a new device; `known_desks` are the event's meja, checked for a stamp desk."""
    if peran not in ROLES:
        raise UsageError(f"Peran '{peran}' tidak dikenal.", hint=f"Pilih salah satu: {', '.join(ROLES)}.")
    if peran == "stempel":
        if not meja:
            raise UsageError("Perangkat meja konsultasi memerlukan --meja, mis. --meja A-01.")
        if known_desks is not None and meja not in known_desks:
            raise UsageError(f"Meja '{meja}' tidak ada di acara.yaml (tempat.ruang[].meja).",
                             hint=f"Meja yang dikenal: {', '.join(sorted(known_desks)) or '(belum ada)'}.")
    elif meja:
        raise UsageError("--meja hanya untuk perangkat dengan peran stempel.")
    token = secrets.token_urlsafe(24)
    with _lock(root):
        devices = list_devices(root)
        prefix = PREFIX[peran]
        used = [int(d.id[len(prefix) + 1:]) for d in devices
                if d.id.startswith(prefix + "-") and d.id[len(prefix) + 1:].isdigit()]
        device = Perangkat(id=f"{prefix}-{max(used, default=0) + 1}", peran=peran, meja=meja, nama=nama.strip(),
                           sidik=digest(token), dibuat=now(zona))
        _save(root, [*devices, device])
    return Paired(device, token)


def revoke_device(root: Path, device_id: str, zona: str = "WIB") -> Perangkat:
    """Revoke a device: its token stops working at once, its log stays."""
    with _lock(root):
        devices = list_devices(root)
        for index, device in enumerate(devices):
            if device.id.upper() == device_id.strip().upper():
                if not device.active:
                    raise UsageError(f"Perangkat {device.id} sudah dicabut pada {device.dicabut}.")
                devices[index] = device.model_copy(update={"dicabut": now(zona)})
                _save(root, devices)
                return devices[index]
    known = ", ".join(d.id for d in devices) or "(belum ada perangkat)"
    raise UsageError(f"Perangkat '{device_id}' tidak dikenal.", hint=f"Perangkat yang ada: {known}.")


def device_for_token(devices: list[Perangkat], token: str) -> Perangkat | None:
    """The active device whose token this is (compared in constant time)."""
    if not token:
        return None
    wanted = digest(token)
    for device in devices:
        if hmac.compare_digest(device.sidik, wanted):
            return device if device.active else None
    return None


def server_secret(root: Path) -> bytes:
    """A secret of this laptop induk, made once: it signs the pages' CSRF tokens."""
    path = state_dir(root) / SECRET_FILE
    with _lock(root):
        if not path.is_file():
            write_atomic(path, secrets.token_hex(32))
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
