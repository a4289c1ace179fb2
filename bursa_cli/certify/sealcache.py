"""What the verification page's sealing derived last time, kept sealed for the next print.

Sealing a certificate's entry costs one PBKDF2-SHA256 derivation of 600,000 rounds
(`verify.seal`): 852 of them are most of a minute on an office laptop. The page is
printed again after every corrected card, and the codes of the other villages have
not changed, so their derived masters are kept here and not derived again.

The file sits in `keluaran/.simpanan/`: never in git (keluaran/ is ignored) and never
in `keluaran/verifikasi/`, the folder the Dinas publishes. Its content is sealed as a
whole with AES-256-GCM under a key derived from the event's certificate key, bound
to the page's salt and rounds: without the key it tells nothing, and a file that is
damaged, made for another key or salt, or from an older format is ignored and every
code is derived again. Holding the key already gives every code, so the file adds
nothing to what the key gives.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from pathlib import Path

CACHE_FILE = ".simpanan/segel-verifikasi"  # inside keluaran/
_MAGIC = b"bursa-segel-verifikasi-1\n"
_PURPOSE = b"bursa-simpanan-segel-verifikasi"


def _cipher(key: bytes):
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(hmac.new(key, _PURPOSE, hashlib.sha256).digest())


def _bound(salt: bytes, iterations: int) -> bytes:
    return salt + iterations.to_bytes(8, "big")


def read(path: Path, key: bytes, salt: bytes, iterations: int) -> dict[str, bytes]:
    """The masters kept at `path` for this key, salt and rounds (bare code -> 32 bytes); {} when none hold."""
    from cryptography.exceptions import InvalidTag

    try:
        data = Path(path).read_bytes()
    except OSError:
        return {}
    if not data.startswith(_MAGIC) or len(data) < len(_MAGIC) + 12 + 16:
        return {}
    nonce, sealed = data[len(_MAGIC):len(_MAGIC) + 12], data[len(_MAGIC) + 12:]
    try:
        plain = _cipher(key).decrypt(nonce, sealed, _bound(salt, iterations))
        masters = {code: bytes.fromhex(master) for code, master in json.loads(plain).items()}
    except (InvalidTag, ValueError, AttributeError, TypeError):
        return {}
    return {code: master for code, master in masters.items() if len(master) == 32}


def sealed(key: bytes, salt: bytes, iterations: int, masters: dict[str, bytes]) -> bytes:
    """The file's bytes holding `masters`."""
    plain = json.dumps({code: master.hex() for code, master in sorted(masters.items())}).encode("ascii")
    nonce = os.urandom(12)
    return _MAGIC + nonce + _cipher(key).encrypt(nonce, plain, _bound(salt, iterations))
