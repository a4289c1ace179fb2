"""Verification codes of certificates: an HMAC that nobody can compute without the event's key.

A code is HMAC-SHA256(key, event id, village, innovations, APBDes year),
written in 12 characters of an alphabet without look-alikes and grouped as
`K7QX-M4PD-9HTA`. Knowing any number of codes tells nothing about another one,
because each is a keyed hash of different data.

Where the key lives, and why: the key is a file in the event folder,
`kunci-sertifikat.txt`, and it is COMMITTED with the rest of the event data.
Certificates are printed and checked on several laptops; a key kept outside
git (or gitignored) would differ on each laptop and the same village would
get two different codes. The event repository is the Dinas's own and is not
published; what is published is only the verification page, which holds
salted hashes of the codes, never the codes or the key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from ..errors import UsageError
from ..fsutil import fsync_dir

KEY_FILE = "kunci-sertifikat.txt"
# No 0/O, 1/I/L, 5/S, 2/Z, 8/B: what remains cannot be misread on paper.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
LENGTH = 12
GROUP = 4
VERSION = "bursa-sertifikat-v1"

_KEY_HEADER = (
    "# Kunci rahasia kode verifikasi sertifikat acara ini. JANGAN diubah dan JANGAN dihapus:\n"
    "# tanpa kunci yang sama, kode pada sertifikat yang sudah dicetak tidak dapat diperiksa.\n"
    "# Simpan (commit) berkas ini di git bersama data acara supaya semua laptop memakai kunci\n"
    "# yang sama. Jangan terbitkan folder acara; yang diterbitkan hanya halaman verifikasi.\n"
)



def load_key(root: Path, create: bool = True) -> bytes:
    """The event's secret key; with `create`, made (once, atomically) when absent."""
    path = Path(root) / KEY_FILE
    if not path.exists():
        if not create:
            raise UsageError.coded("BUR-C105", berkas=KEY_FILE)
        _create_key(path)
    key = _parse_key(path.read_text(encoding="utf-8"))
    if key is not None:
        return key
    raise UsageError.coded("BUR-C106", berkas=KEY_FILE)


def key_state(root: Path) -> str:
    """Whether the event's key can make certificates: "ada", "hilang" (no file) or "rusak" (no valid key in it).

    Why: Jendela 3 offers a certificate only when one can be made, and the gladi
    bersih reports a missing key before the day rather than at the first village."""
    path = Path(root) / KEY_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return "hilang"
    except (OSError, UnicodeDecodeError):
        return "rusak"
    return "ada" if _parse_key(text) is not None else "rusak"


def _parse_key(text: str) -> bytes | None:
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            try:
                key = bytes.fromhex(line)
            except ValueError:
                key = b""
            if len(key) >= 16:
                return key
    return None


def key_text(key: bytes | None = None) -> str:
    """The text of a new key file: the warning header and 32 random bytes (or `key`) in hex."""
    return _KEY_HEADER + (key if key is not None else secrets.token_bytes(32)).hex() + "\n"


def create_key(root: Path) -> Path:
    """Make the event's key for an existing event; refused when one exists (never overwritten).

    Why refuse: a new key makes every code already printed answer "tidak dikenal"."""
    path = Path(root) / KEY_FILE
    if path.exists():
        raise UsageError.coded("BUR-C104", berkas=KEY_FILE)
    _create_key(path)
    return path


def _create_key(path: Path) -> None:
    text = key_text()
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temp, "w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    try:
        os.link(temp, path)
    except FileExistsError:
        return  # another process created the key meanwhile: the first key wins, ours is dropped
    except OSError:
        # FAT32/exFAT sticks and some SMB shares have no hard links (Windows says
        # so with a plain OSError): create the key exclusively instead.
        _create_exclusive(path, text)
    else:
        fsync_dir(path.parent)  # the key's name must survive a power cut, like its bytes
    finally:
        temp.unlink(missing_ok=True)


def _create_exclusive(path: Path, text: str) -> None:
    """Write `text` to a new file at `path`; if it already exists, the first key wins."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o644)
    except FileExistsError:
        return
    with os.fdopen(fd, "wb") as out:
        out.write(text.encode("utf-8"))
        out.flush()
        os.fsync(out.fileno())
    fsync_dir(path.parent)


def event_id(acara) -> str:
    """What identifies the event inside a code: the kabupaten and the date of the fair."""
    return f"{acara.wilayah.kode}/{acara.tanggal.isoformat()}"


def make_code(key: bytes, event: str, desa: str, inovasi: list[str], tahun: int) -> str:
    """The verification code of one certificate, e.g. `K7QX-M4PD-9HTA`."""
    message = "\n".join([VERSION, event, desa, ",".join(sorted(inovasi)), str(tahun)])
    digest = hmac.new(key, message.encode("utf-8"), hashlib.sha256).digest()
    number = int.from_bytes(digest, "big")
    chars = []
    for _ in range(LENGTH):
        number, index = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[index])
    raw = "".join(chars)
    return "-".join(raw[i:i + GROUP] for i in range(0, LENGTH, GROUP))


def normalize(typed: str) -> str:
    """What a person typed, as a code: upper case, spaces and dashes ignored, regrouped."""
    bare = "".join(ch for ch in typed.upper() if ch not in " -\t._")
    return "-".join(bare[i:i + GROUP] for i in range(0, len(bare), GROUP))


def typing_problem(typed: str) -> str | None:
    """Why `typed` cannot be a code at all (wrong length, a character never used), or None."""
    bare = normalize(typed).replace("-", "")
    wrong = sorted({ch for ch in bare if ch not in ALPHABET})
    if wrong:
        return (f"Kode tidak pernah memakai {', '.join(repr(c) for c in wrong)} "
                "(huruf/angka yang mirip seperti 0/O, 1/I/L, 2/Z, 5/S dan 8/B tidak dipakai).")
    if len(bare) != LENGTH:
        return f"Kode terdiri dari {LENGTH} huruf/angka (mis. K7QX-M4PD-9HTA); yang diketik {len(bare)}."
    return None


def same_code(a: str, b: str) -> bool:
    return hmac.compare_digest(normalize(a), normalize(b))


def page_salt(key: bytes) -> bytes:
    """The salt of the published page: derived from the key, so rebuilding gives the same page."""
    return hmac.new(key, b"halaman-verifikasi", hashlib.sha256).digest()[:16]

