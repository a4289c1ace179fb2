"""`bursa verifikasi KODE`: does a code belong to a certificate of this event, and to which?"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..recap import load_for_recap
from ..recap.build import latest_cards
from .codes import load_key, normalize, same_code, typing_problem
from .data import Sertifikat, certificate_of


@dataclass
class Verification:
    typed: str
    acara: str
    sertifikat: Sertifikat | None
    superseded: bool = False  # the code is real but its card was replaced by a later one
    message: str = ""
    keadaan: dict[str, str] | None = None  # innovation id -> its latest follow-up, when the event publishes it

    @property
    def valid(self) -> bool:
        return self.sertifikat is not None and not self.superseded


def verify_code(root: Path, typed: str) -> Verification:
    """Check `typed` against every Kartu Komitmen of the event at `root`."""
    event = load_for_recap(Path(root))
    name = event.acara.nama
    why = typing_problem(typed)
    if why:
        return Verification(typed, name, None, message=f"'{typed}' bukan kode sertifikat. {why}")
    key = load_key(Path(root), create=False)
    latest = latest_cards(event.komitmen)
    kepala = event.kepala_desa_nama
    found = None
    # Every card is checked, the current ones first, with a constant-time comparison.
    cards = list(latest.values()) + [c for c in event.komitmen if latest.get(c.desa) is not c]
    for card in cards:
        cert = certificate_of(event, card, key, kepala, [])
        if cert is not None and same_code(cert.kode, typed) and found is None:
            found = (card, cert)
    if found is None:
        return Verification(normalize(typed), name, None, message=(
            f"Kode {normalize(typed)} tidak cocok dengan sertifikat mana pun dari {name}. "
            "Periksa lagi ketikannya; bila benar, sertifikat itu tidak diterbitkan oleh acara ini."))
    card, cert = found
    if latest.get(card.desa) is not card:
        current = certificate_of(event, latest[card.desa], key, kepala, [])
        return Verification(cert.kode, name, cert, superseded=True, message=(
            f"Kartu Komitmen desa ini kemudian diganti; sertifikat yang berlaku berkode {current.kode}."))
    states = published_states(event)
    keadaan = None if states is None else {b.id: states.get((card.desa, b.id), "Belum ada kabar")
                                           for b in cert.inovasi}
    return Verification(cert.kode, name, cert, keadaan=keadaan)


def published_states(event) -> dict[tuple[str, str], str] | None:
    """(village, innovation) -> "Dianggarkan di APBDes, 5 Januari 2027", when the event publishes
    its follow-up (`dokumen.terbitkan_tindak_lanjut`); None when it does not (the default: the
    follow-up of a village is its own business until the Dinas decides to show it)."""
    if not event.acara.dokumen.terbitkan_tindak_lanjut:
        return None
    from .. import indo
    from ..recap.followup import followup_state
    from ..recap.followup_tables import state_label

    return {(row.desa_kode, row.inovasi): state_label(row.tahap) + (f", {indo.tanggal(row.tanggal)}" if row.tanggal else "")
            for row in followup_state(event) if row.langkah}


# --------------------------------------------------------------------------- the static page's sealed entries
#
# The page (`bursa cetak halaman-verifikasi`) sits on the Dinas website, so it may not
# publish who holds which certificate. Each certificate's content is sealed with
# AES-256-GCM under a key derived from its code; only someone holding the certificate
# can look it up and read it. One PBKDF2-SHA256 derivation (OWASP 2023: at least
# 600,000 iterations) gives 32 bytes; HMAC-SHA256 splits them into the public lookup id
# and the AES key, so the page derives once per lookup. The page does the same with
# WebCrypto (templates/verifikasi.js).

PAGE_ITERATIONS = 600_000
_ID, _KEY, _IV = b"bursa-verifikasi-id", b"bursa-verifikasi-kunci", b"bursa-verifikasi-iv"


def bare_code(code: str) -> str:
    """A code as the derivation takes it: K7QX-M4PD-9HTA as K7QXM4PD9HTA."""
    return normalize(code).replace("-", "")


def derive(code: str, salt: bytes, iterations: int = PAGE_ITERATIONS,
           master: bytes | None = None) -> tuple[str, bytes, bytes]:
    """(lookup id in hex, AES key, master) for a code written as printed (K7QX-M4PD-9HTA) or bare.

    `master`, when this code's was derived before (`sealcache`), skips the PBKDF2.
    """
    import hashlib
    import hmac

    if master is None:
        master = hashlib.pbkdf2_hmac("sha256", bare_code(code).encode("ascii"), salt, iterations, 32)
    ident = hmac.new(master, _ID, hashlib.sha256).digest()[:16].hex()
    return ident, hmac.new(master, _KEY, hashlib.sha256).digest(), master


def seal(code: str, salt: bytes, content: dict, iterations: int = PAGE_ITERATIONS,
         master: bytes | None = None) -> tuple[str, dict, bytes]:
    """The page entry of one certificate: its lookup id, and its content sealed with AES-GCM.

    The nonce is an HMAC of the content (a synthetic IV), so a page rebuilt from the
    same data is byte-identical, and changed content never reuses a nonce under one key.
    Also returns the code's master, to keep for the next print.
    """
    import base64
    import hashlib
    import hmac
    import json

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    ident, key, master = derive(code, salt, iterations, master)
    plain = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
    nonce = hmac.new(master, _IV + hashlib.sha256(plain).digest(), hashlib.sha256).digest()[:12]
    sealed = AESGCM(key).encrypt(nonce, plain, ident.encode("ascii"))
    entry = {"iv": base64.b64encode(nonce).decode("ascii"), "isi": base64.b64encode(sealed).decode("ascii")}
    return ident, entry, master


def seal_all(items: list[tuple[str, dict]], salt: bytes, iterations: int = PAGE_ITERATIONS,
             masters: dict[str, bytes] | None = None) -> dict[str, dict]:
    """Every certificate's entry, derived in parallel (hashlib releases the GIL).

    `masters` (bare code -> master, from `sealcache`) is used where it holds a code and
    is left holding exactly the codes sealed now, for the next print.
    """
    import os
    from concurrent.futures import ThreadPoolExecutor

    known = dict(masters or {})

    def one(item: tuple[str, dict]) -> tuple[str, dict, bytes]:
        return seal(item[0], salt, item[1], iterations, known.get(bare_code(item[0])))

    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        sealed = list(pool.map(one, items))
    if masters is not None:
        masters.clear()
        masters.update({bare_code(code): master for (code, _), (_, _, master) in zip(items, sealed)})
    return dict(sorted((ident, entry) for ident, entry, _ in sealed))


def open_entry(data: dict, typed: str) -> dict | None:
    """What the page shows for `typed`: the certificate's content, or None (as the page does it)."""
    import base64
    import json

    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if typing_problem(typed):
        return None
    ident, key, _ = derive(typed, bytes.fromhex(data["garam"]), data["iterasi"])
    entry = data["sertifikat"].get(ident)
    if entry is None:
        return None
    try:
        plain = AESGCM(key).decrypt(base64.b64decode(entry["iv"]), base64.b64decode(entry["isi"]),
                                    ident.encode("ascii"))
    except InvalidTag:
        return None
    return json.loads(plain.decode("utf-8"))
