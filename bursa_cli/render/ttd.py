"""The signatory as Permendagri 1/2023 Pasal 44 writes him, under each kind of naskah dinas.

- (1) naskah dinas pengaturan and penetapan (the SK): the name without titles;
- (2) korespondensi (letters): with titles, except piagam and sertifikat;
- (3) officials other than the Kepala Daerah, his Wakil and the Sekretaris Daerah sign with NIP
  and pangkat/golongan;
- (4) a Pj., Pjs., Plt. or Plh. Kepala Daerah, and (5) a Pj. or Plh. Sekretaris Daerah, sign
  with none of titles, NIP and pangkat.

The kind's rule is data in the registry (`kinds.Naskah`); the data keep the name as the
person signs letters, and the other forms are derived here.
"""

from __future__ import annotations

import re

from ..gelar import strip_titles
from ..kinds import Naskah

ACTING = {"plt": "Plt.", "plh": "Plh.", "pj": "Pj."}  # status -> the prefix before the office
# The offices Pasal 44(3) names: Kepala Daerah (Bupati, Wali Kota), their Wakil, the Sekda.
_HEAD = re.compile(r"^\s*(?:WAKIL\s+)?(?:BUPATI|WALI\s*KOTA|GUBERNUR)\b|^\s*SEKRETARIS\s+DAERAH\b", re.I)


def is_head(jabatan: str) -> bool:
    """Whether the office is a Kepala Daerah's, his Wakil's or the Sekda's (Pasal 44(3))."""
    return bool(_HEAD.match(jabatan or ""))


def signatory(pejabat, naskah: Naskah):
    """A copy of `pejabat` as printed under `naskah`: titles, pangkat and NIP kept or dropped."""
    head = is_head(pejabat.jabatan)
    acting = pejabat.status in ACTING
    titles = naskah.gelar and not (head and acting)
    rank = naskah.pangkat_nip and not head
    update: dict = {}
    if not titles:
        update["nama"] = strip_titles(pejabat.nama)
    if not rank:
        update.update(pangkat=None, golongan=None, nip=None)
    return pejabat.model_copy(update=update) if update else pejabat
