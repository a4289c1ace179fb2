"""What every official letter needs: a signer with rank and NIP, a kop, a number.

Shared by the undangan and the SK. Each check adds a problem to the job,
placed at its line in acara.yaml, so one run reports everything missing.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import rel
from .nomor import Register, check_pattern

PICTURE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")  # pictures Word (python-docx) can place


def check_signer(job, pejabat, path: tuple, who: str, needs_nip: bool = True) -> None:
    """A signer must have a name, an office and, for a civil servant, rank and NIP."""
    if pejabat is None:
        job.problem_at(path[:-1] or path, f"{who} belum diisi; blok tanda tangan tidak dapat dibuat.")
        return
    if needs_nip:
        if not pejabat.nip:
            job.problem_at(path + ("nip",), f"NIP {who} belum diisi (dicetak di bawah nama penanda tangan).")
        if not pejabat.pangkat:
            job.problem_at(path + ("pangkat",), f"Pangkat {who} belum diisi (mis. Pembina Tingkat I).")
    if pejabat.status == "an" and not pejabat.atas_nama:
        job.problem_at(path + ("atas_nama",), f"{who} berstatus an (atas nama): isi atas_nama, "
                       "jabatan yang diwakili, mis. KEPALA DINAS ...")


def logo_picture(root: Path, logo: str | None) -> Path | None:
    """The emblem as a picture Word can take: the file itself, or one beside it with the same
    name (a PNG beside an SVG), in any letter case; None when there is none."""
    if not logo:
        return None
    path = Path(root) / logo
    candidates = [path] + [path.with_suffix(e) for ext in PICTURE_TYPES for e in (ext, ext.upper())]
    return next((c for c in candidates if c.suffix.lower() in PICTURE_TYPES and c.is_file()), None)


def check_kop(job) -> None:
    """The emblem in the kop must be a file inside the event folder."""
    p = job.acara.penyelenggara
    if not p.logo:
        job.notes.append("Kop surat dicetak tanpa lambang daerah: isi penyelenggara.logo di acara.yaml.")
        return
    path = (Path(job.event.root) / p.logo)
    root = Path(job.event.root).resolve()
    if not path.is_file():
        job.problem_at(("penyelenggara", "logo"), f"Berkas lambang '{p.logo}' tidak ada di folder acara.")
    elif not path.resolve().is_relative_to(root):
        job.problem_at(("penyelenggara", "logo"),
                       f"Berkas lambang '{rel(path, root)}' berada di luar folder acara; salin ke folder aset/.")
    elif logo_picture(root, p.logo) is None:
        job.notes.append(f"DOCX tanpa lambang: Word tidak dapat memuat '{p.logo}'; letakkan versi PNG "
                         f"({path.with_suffix('.png').name}) di sampingnya.")


def open_register(job) -> Register | None:
    """The letter-number register, locked until the run ends; None (with a problem) when unusable."""
    penomoran = job.acara.penomoran
    message = check_pattern(penomoran.pola)
    if message:
        job.problem_at(("penomoran", "pola"), message)
        return None
    register = Register(Path(job.event.root), penomoran.pola, penomoran.unit, penomoran.urut_awal).open()
    job.cleanup(register.close)
    job.problems.extend(register.problems)
    if not job.preview:  # a preview shows the numbers but never records them
        job.before_commit(register.save)
    return register
