"""What every official letter shares: the kop's emblem and the letter number.

Shared by the undangan and the SK. What a letter requires of the data (a
signer with rank and NIP, an emblem file inside the event) is a check rule in
`check/requirements.py`, which the gate runs before a letter is built.
"""

from __future__ import annotations

from pathlib import Path

from ..safepath import event_file
from .nomor import Register

PICTURE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")  # pictures Word (python-docx) can place


def logo_picture(root: Path, logo: str | None) -> Path | None:
    """The emblem as a picture Word can take: the file itself, or one beside it with the same
    name (a PNG beside an SVG), in any letter case; None when there is none."""
    if not logo:
        return None
    path = Path(root) / logo
    candidates = [path] + [path.with_suffix(e) for ext in PICTURE_TYPES for e in (ext, ext.upper())]
    # A twin that is a symlink to a file elsewhere on the laptop is never embedded.
    return next((c for c in candidates if c.suffix.lower() in PICTURE_TYPES and event_file(root, c)), None)


def note_kop(job) -> None:
    """What the kop will lack (the emblem file itself is a check rule: check/requirements.py)."""
    p = job.acara.penyelenggara
    if not p.logo:  # on purpose (dokumen.kop_tanpa_lambang); without it the gate refused (BUR-C080)
        return
    if logo_picture(Path(job.event.root), p.logo) is None:
        job.notes.append(f"DOCX tanpa lambang: Word tidak dapat memuat '{p.logo}'; letakkan versi PNG "
                         f"({Path(p.logo).with_suffix('.png').name}) di sampingnya.")


def open_register(job) -> Register:
    """The letter-number register, locked until the run ends (its pattern is a check rule)."""
    penomoran = job.acara.penomoran
    register = Register(Path(job.event.root), penomoran.pola, penomoran.unit, penomoran.urut_awal).open()
    job.cleanup(register.close)
    job.problems.extend(register.problems)
    if not job.preview:  # a preview shows the numbers but never records them
        job.before_commit(register.save)
    return register
