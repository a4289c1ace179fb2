"""`bursa cetak halaman-verifikasi`: a static page anyone can use to check a certificate.

Writes `keluaran/verifikasi/index.html` and `keluaran/verifikasi/sertifikat.json`;
what they publish (sealed per code) comes from `certify.page`.
"""

from __future__ import annotations

import json

from ..certify.codes import load_key
from ..certify.page import page_data

FOLDER = "verifikasi"
TEMPLATE = "verifikasi.html"


def build(job) -> None:
    """Queue the page and its JSON (the pipeline writes both atomically into keluaran/)."""
    event = job.event
    # Never create the key here (not even for --contoh): the page only publishes
    # codes of certificates already printed, and those made the key.
    key = load_key(event.root, create=False)
    data = page_data(event, key)  # no signed card in force yet: refused by the gate (BUR-C024)
    title = f"Verifikasi Sertifikat {event.acara.nama}"
    job.file(f"{FOLDER}/index.html",
             lambda: job.renderer.html(TEMPLATE, {"data": data}, title),
             f"halaman verifikasi ({len(data['sertifikat'])} sertifikat), dapat dibuka tanpa internet")
    job.file(f"{FOLDER}/sertifikat.json",
             lambda: json.dumps(data, ensure_ascii=False, indent=1) + "\n",
             "data verifikasi (isi sertifikat tersandi dengan kunci dari kodenya)")
