"""`bursa cetak sertifikat`: one certificate per village whose Kartu Komitmen was recorded.

The certificates are kept in numbered batches (`keluaran/sertifikat/sertifikat-001.pdf`
...) that a killed run resumes (`render.batches.Apart`): an officer hands them
out a batch at a time. `--desa`/`--kecamatan` print into `sertifikat/pilihan/`,
and `--contoh N` one file `sertifikat/sertifikat-contoh.pdf`, like every other
preview. What each certificate says comes from `certify.data`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..certify.data import Sertifikat, collect, refuse_unsigned
from ..errors import UsageError
from .batches import Apart
from .qr import qr_svg

TEMPLATE = "sertifikat.html"
TEMPLATES_USED = ("sertifikat.html", "sertifikat.css", "base.html", "base.css", "surat.html")
FOLDER = "sertifikat"
SELECTION = "pilihan"  # subfolder for --desa / --kecamatan runs
MERGED = "sertifikat-semua.pdf"
TITLE = "Sertifikat Komitmen Replikasi Inovasi Desa"


def build(job) -> None:
    """Queue the certificates: refused while a card in force lacks a signature (unless told to skip)."""
    event, options = job.event, job.options
    if options.batch is not None and options.batch < 1:
        raise UsageError.coded("BUR-C125")
    gathered = collect(event, desa=options.desa, kecamatan=options.kecamatan)
    job.left_out(refuse_unsigned(gathered, options.lewati_belum_lengkap),
                 "desa tidak dicetak karena Kartu Komitmennya belum ditandatangani lengkap:")
    job.problems.extend(gathered.problems)
    penanda = job.signatory(signer(event))
    if job.problems:
        return
    certificates = gathered.certificates
    if not certificates:
        raise UsageError.coded("BUR-C126")
    certificates = job.sample(certificates)
    context = {"sertifikat": [{**c.as_dict(), "qr": qr_svg(c.tautan)} for c in certificates],
               "penanda": penanda, "alamat_verifikasi": event.acara.dokumen.alamat_verifikasi or "",
               "contoh": job.preview or options.gladi}  # a rehearsal's certificate is marked CONTOH
    what = f"{len(certificates)} sertifikat (A4 melintang)"
    if job.preview:  # one file, like every preview
        job.pdf(job.output_name(f"{FOLDER}/sertifikat"), TEMPLATE, context, TITLE, what)
        return
    folder = f"{FOLDER}/{SELECTION}" if options.desa or options.kecamatan else FOLDER
    root = Path(event.root)
    apart = Apart(shared=_shared_digest(job, penanda), item=lambda item: _item_digest(root, item),
                  label=lambda item: item["desa_kode"], merged=MERGED if options.gabung else "",
                  fresh=options.ulang, unit="sertifikat")
    job.pdf(f"{folder}/sertifikat.pdf", TEMPLATE, context, TITLE, what, split="sertifikat",
            size=options.batch or 50, apart=apart)


def signer(event) -> object:
    """The Kepala Dinas or the Bupati, as `acara.dokumen.penanda_tangan_sk` says (a signer
    missing is a check rule, BUR-C001 and BUR-C010, so the gate refused already)."""
    acara = event.acara
    return acara.bupati if acara.dokumen.penanda_tangan_sk == "bupati" else acara.penyelenggara.kepala


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "-"


def _shared_digest(job, penanda) -> str:
    """What every batch depends on: templates, the event's header data, the logo."""
    env, acara, root = job.renderer.env, job.event.acara, Path(job.event.root)
    parts = [acara.model_dump_json(), penanda.model_dump_json()]
    parts.extend(env.loader.get_source(env, name)[0] for name in TEMPLATES_USED)
    if acara.penyelenggara.logo:
        parts.append(_file_digest(root / acara.penyelenggara.logo))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _item_digest(root: Path, item: dict) -> str:
    """One certificate's part of its batch's hash: what it says and its photo."""
    data = {key: value for key, value in item.items() if key != "qr"}  # the QR follows from `tautan`
    photo = _file_digest(root / item["foto"]) if item.get("foto") else ""
    return json.dumps([data, photo], sort_keys=True, ensure_ascii=False)


__all__ = ["Sertifikat", "build", "signer"]
