"""`bursa cetak JENIS [FOLDER]` and `bursa templat`: thin wrappers over bursa_cli.render.

One command per entry of `bursa_cli.render.kinds.KINDS`; each only parses its
options and calls `produce`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..render.kinds import Kind
from .common import FOLDER, parse_date

CONTOH = typer.Option(None, "--contoh", metavar="N",
                      help="Cetak hanya N butir pertama sebagai contoh (nomor surat tidak dicatat).")
TANGGAL = typer.Option(None, "--tanggal", metavar="TTTT-BB-HH",
                       help="Tanggal surat/cetak (bawaan: hari ini).")
JOBS = typer.Option(None, "--proses", "--jobs", "-j", metavar="N",
                    help="Jumlah proses paralel untuk dokumen panjang (bawaan: jumlah inti CPU).")
RAPAT = typer.Option(None, "--rapat", metavar="KODE",
                     help="Hanya satu rapat: kode tahapan (mis. rapat-bursa) atau hari-h. Bawaan: semua.")


def command_for(kind: Kind):
    """The Typer command of one document kind."""
    if kind.rapat:
        def run(folder: Path = FOLDER, rapat: Optional[str] = RAPAT, contoh: Optional[int] = CONTOH,
                tanggal: Optional[str] = TANGGAL, jobs: Optional[int] = JOBS) -> None:
            _produce(kind.name, folder, contoh, tanggal, rapat, jobs)
    else:
        def run(folder: Path = FOLDER, contoh: Optional[int] = CONTOH,
                tanggal: Optional[str] = TANGGAL, jobs: Optional[int] = JOBS) -> None:
            _produce(kind.name, folder, contoh, tanggal, None, jobs)
    run.__doc__ = kind.help
    run.__name__ = kind.name.replace("-", "_")
    return run


def _produce(kind: str, folder: Path, contoh: int | None, tanggal: str | None, rapat: str | None,
             jobs: int | None) -> None:
    from ..present import cetak as show
    from ..render.job import Options, produce

    options = Options(contoh=contoh, rapat=rapat, today=parse_date(tanggal) if tanggal else None, jobs=jobs)
    with show.BatchProgress() as progress:
        produced = produce(kind, folder, options, on_batch=progress.on_batch)
    show.produced(produced)


def salin(
    nama: str = typer.Argument(..., help="Nama templat bawaan, mis. undangan.html."),
    folder: Path = FOLDER,
) -> None:
    """Menyalin templat bawaan ke folder templates/ acara untuk diubah (tidak menimpa)."""
    from ..present import cetak as show
    from ..render.templat import copy_template

    show.copied(copy_template(nama, folder))


def daftar() -> None:
    """Menampilkan templat bawaan yang dapat disalin atau diperluas (bawaan/NAMA)."""
    from ..present import cetak as show
    from ..render.env import builtin_names

    show.templates(builtin_names())
