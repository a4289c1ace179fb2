"""What the verification page publishes (`render.verifikasi` prints it).

The page works offline (open the file) and on the district's website: its
JavaScript derives a key from the typed code with WebCrypto and opens that
certificate's entry; nothing is fetched.

Neither the codes nor what the certificates say are published in the clear:
each entry is sealed under a key derived from its code (PBKDF2-SHA256, 600,000
iterations, then AES-256-GCM; see `verify.seal`), so only someone holding the
certificate can read it, and the page cannot be used to make up a valid code.
The JSON beside it holds the same data for other tools.
"""

from __future__ import annotations

from .. import indo
from .codes import page_salt
from .data import collect
from .verify import PAGE_ITERATIONS, published_states, seal_all


def page_data(event, key: bytes, masters: dict[str, bytes] | None = None) -> dict:
    """What the page publishes: per code hash, what the certificate says.

    `masters` (see `verify.seal_all`): what an earlier print derived, and afterwards
    what this one did.
    """
    acara = event.acara
    salt = page_salt(key)
    states = published_states(event)
    items = [(cert.kode, {
        "kepala_desa": cert.kepala_desa, "desa": cert.desa, "kecamatan": cert.kecamatan,
        "tahun_apbdes": cert.tahun_apbdes,
        "inovasi": [_item(b, cert.desa_kode, states) for b in cert.inovasi],
    }) for cert in collect(event, key=key).certificates]
    return {
        "versi": 2,
        "acara": acara.nama,
        "wilayah": acara.wilayah.nama,
        "penyelenggara": f"{indo.judul(acara.penyelenggara.nama, [acara.penyelenggara.singkatan])} "
                         f"{acara.wilayah.nama}",
        "tanggal": acara.tanggal.isoformat(),
        "kdf": "PBKDF2-SHA256",
        "garam": salt.hex(),
        "iterasi": PAGE_ITERATIONS,
        "sandi": "AES-256-GCM",
        "sertifikat": seal_all(items, salt, masters=masters),
    }


def _item(butir, desa: str, states: dict | None) -> dict:
    """One innovation of a certificate as the page shows it; its follow-up only when published."""
    item = {"judul": butir.judul, "bidang": butir.bidang_label}
    if states is not None:
        item["keadaan"] = states.get((desa, butir.id), "Belum ada kabar")
    return item
