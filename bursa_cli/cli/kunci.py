"""`bursa kunci-sertifikat`: the one certificate key of an event, made once and shared through git."""

from __future__ import annotations

from pathlib import Path

from .common import FOLDER


def buat(folder: Path = FOLDER) -> None:
    """Membuat kunci kode verifikasi sertifikat untuk acara yang sudah ada (tidak pernah menimpa).

    Acara baru mendapat kuncinya dari `bursa init`. Buat kunci di satu laptop saja,
    commit ke git, lalu tarik (pull) di laptop lain: semua sertifikat memakai kunci yang sama.
    """
    from ..certify.codes import create_key
    from ..errors import UsageError
    from ..present import hari as show

    if not (Path(folder) / "acara.yaml").is_file():
        raise UsageError.coded("BUR-U004", folder=folder)
    show.show_key_made(create_key(folder), Path(folder))
