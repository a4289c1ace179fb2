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
    return Verification(cert.kode, name, cert)
