"""`bursa cetak halaman-verifikasi`: a static page anyone can use to check a certificate.

Writes `keluaran/verifikasi/index.html` and `keluaran/verifikasi/sertifikat.json`;
what they publish (sealed per code) comes from `certify.page`. What the sealing
derived is kept, sealed, in `keluaran/.simpanan/` (`certify.sealcache`), so that the
next print derives only the codes that are new.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..certify import sealcache
from ..certify.codes import load_key, page_salt
from ..certify.page import page_data
from ..certify.verify import PAGE_ITERATIONS
from ..paths import OUTPUT_DIR
from ..safepath import event_file

FOLDER = "verifikasi"
TEMPLATE = "verifikasi.html"


def build(job) -> None:
    """Queue the page and its JSON (the pipeline writes both atomically into keluaran/)."""
    event = job.event
    # Never create the key here (not even for --contoh): the page only publishes
    # codes of certificates already printed, and those made the key.
    key = load_key(event.root, create=False)
    salt = page_salt(key)
    kept = event_file(event.root, Path(OUTPUT_DIR) / sealcache.CACHE_FILE)  # never a file outside the event
    masters = sealcache.read(kept, key, salt, PAGE_ITERATIONS) if kept else {}
    data = page_data(event, key, masters)  # no signed card in force yet: refused by the gate (BUR-C024)
    title = f"Verifikasi Sertifikat {event.acara.nama}"
    job.file(f"{FOLDER}/index.html",
             lambda: job.renderer.html(TEMPLATE, {"data": data}, title),
             f"halaman verifikasi ({len(data['sertifikat'])} sertifikat), dapat dibuka tanpa internet")
    job.file(f"{FOLDER}/sertifikat.json",
             lambda: json.dumps(data, ensure_ascii=False, indent=1) + "\n",
             "data verifikasi (isi sertifikat tersandi dengan kunci dari kodenya)")
    job.file(sealcache.CACHE_FILE, lambda: sealcache.sealed(key, salt, PAGE_ITERATIONS, masters),
             "kunci turunan tersandi, agar cetak ulang cepat (jangan diunggah)")
