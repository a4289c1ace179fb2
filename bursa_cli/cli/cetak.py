"""`bursa cetak JENIS [FOLDER]` and `bursa templat`: thin wrappers over bursa_cli.render.

One command per entry of `bursa_cli.kinds.KINDS`; each only parses its
options and calls `produce`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..kinds import Kind
from .common import FOLDER, parse_date

CONTOH = typer.Option(None, "--contoh", metavar="N", min=1,
                      help="Cetak hanya N butir pertama sebagai contoh (nomor surat tidak dicatat).")
TANGGAL = typer.Option(None, "--tanggal", metavar="TTTT-BB-HH",
                       help="Tanggal surat/cetak (bawaan: hari ini).")
JOBS = typer.Option(None, "--proses", "--jobs", "-j", metavar="N", min=1,
                    help="Jumlah proses paralel untuk dokumen panjang (bawaan: jumlah inti CPU).")
RAPAT = typer.Option(None, "--rapat", metavar="KODE",
                     help="Hanya satu rapat: kode tahapan (mis. rapat-bursa) atau hari-h. Bawaan: semua.")


# The further options a kind may declare (`Kind.options`): the field of `Options`, its type and option.
EXTRA = {
    "rapat": (Optional[str], RAPAT),
    "batch": (Optional[int], typer.Option(None, "--batch", metavar="N", min=1,
                                          help="Jumlah butir per berkas PDF (bawaan: 50).")),
    "gabung": (bool, typer.Option(False, "--gabung", help="Tulis juga satu PDF gabungan semua batch.")),
    "ulang": (bool, typer.Option(False, "--ulang", help="Cetak ulang semua batch, juga yang tidak berubah.")),
    "desa": (Optional[list[str]], typer.Option(None, "--desa", metavar="KODE",
                                               help="Hanya desa ini (kode atau nama); boleh diulang.")),
    "kecamatan": (Optional[list[str]], typer.Option(
        None, "--kecamatan", metavar="KODE", help="Hanya kecamatan ini (kode atau nama); boleh diulang.")),
    "bidang": (Optional[str], typer.Option(None, "--bidang", metavar="BIDANG",
                                           help="Hanya satu bidang: kewirausahaan, psdm, infrastruktur.")),
    "batas": (Optional[str], typer.Option(
        None, "--batas", metavar="TTTT-BB-HH", help="Tanggal data dikirim kembali (bawaan: 14 hari sesudah tanggal surat).")),
    "lewati_belum_lengkap": (bool, typer.Option(
        False, "--lewati-belum-lengkap",
        help="Cetak desa lainnya bila ada Kartu Komitmen yang belum ditandatangani lengkap.")),
}


def command_for(kind: Kind):
    """The Typer command of one document kind: the common options, then those the kind declares."""
    import inspect

    common = [("folder", Path, FOLDER), ("contoh", Optional[int], CONTOH), ("tanggal", Optional[str], TANGGAL),
              ("jobs", Optional[int], JOBS)]
    declared = [(name, *EXTRA[name]) for name in kind.options]
    params = common[:1] + declared + common[1:]

    def run(**values) -> None:
        _produce(kind.name, **values)

    run.__signature__ = inspect.Signature(
        [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
         for name, annotation, default in params])
    run.__annotations__ = {name: annotation for name, annotation, _ in params}
    run.__doc__ = kind.help
    run.__name__ = kind.name.replace("-", "_")
    return run


def _produce(kind: str, folder: Path, contoh: int | None, tanggal: str | None, jobs: int | None,
             **declared) -> None:
    from ..present import cetak as show
    from ..render.job import Options, produce

    lists = {name: value or [] for name, value in declared.items() if name in ("desa", "kecamatan")}
    if declared.get("batas"):
        declared["batas"] = parse_date(declared["batas"])
    options = Options(contoh=contoh, today=parse_date(tanggal) if tanggal else None, jobs=jobs,
                      **{**declared, **lists})
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
