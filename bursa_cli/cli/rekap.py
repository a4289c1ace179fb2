"""Commands after the event: rekap, verifikasi, cetak sertifikat, cetak halaman-verifikasi."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .common import FOLDER


class RecapFormat(str, Enum):
    tabel = "tabel"
    xlsx = "xlsx"
    csv = "csv"
    json = "json"
    pdf = "pdf"


def rekap(
    folder: Path = FOLDER,
    format: RecapFormat = typer.Option(RecapFormat.tabel, "--format", "-f",
                                       help="tabel (layar), xlsx, csv, json atau pdf."),
    keluaran: Optional[Path] = typer.Option(
        None, "--keluaran", "-o",
        help="Berkas tujuan (untuk csv: folder). Bawaan: keluaran/rekap/ di folder acara."),
    kecamatan: Optional[list[str]] = typer.Option(
        None, "--kecamatan", help="Hanya kecamatan ini (kode atau nama); boleh diulang."),
    bidang: Optional[str] = typer.Option(None, "--bidang", help="Hanya satu bidang: kewirausahaan, psdm, infrastruktur."),
    semua: bool = typer.Option(False, "--semua", help="Di layar: tampilkan semua baris, tidak dipotong."),
) -> None:
    """Rekap komitmen per desa, kecamatan, inovasi, bidang dan P2KTD, Kartu Ide, desa tanpa komitmen."""
    from ..present import rekap as show
    from ..recap import build_recap, load_for_recap
    from ..recap import export

    event = load_for_recap(folder)
    recap = build_recap(event, kecamatan=kecamatan, bidang=bidang)
    if format is RecapFormat.tabel:
        show.show_recap(recap, everything=semua)
        return
    target = keluaran or export.default_output(folder, format.value)
    if format is RecapFormat.xlsx:
        written = [export.write_xlsx(recap, target)]
    elif format is RecapFormat.csv:
        written = export.write_csv(recap, target)
    elif format is RecapFormat.json:
        written = [export.write_json(recap, target)]
    else:
        from ..recap.report import write_report

        written = [write_report(event, recap, target)]
    show.show_written(written, folder)


def sertifikat(
    folder: Path = FOLDER,
    batch: int = typer.Option(50, "--batch", metavar="N", help="Jumlah sertifikat per berkas PDF."),
    gabung: bool = typer.Option(False, "--gabung", help="Tulis juga satu PDF gabungan semua batch."),
    jobs: Optional[int] = typer.Option(None, "--proses", "--jobs", "-j", metavar="N",
                                       help="Jumlah proses paralel (bawaan: jumlah inti CPU)."),
    ulang: bool = typer.Option(False, "--ulang", help="Cetak ulang semua batch, juga yang tidak berubah."),
    desa: Optional[list[str]] = typer.Option(None, "--desa", help="Hanya desa ini (kode atau nama); boleh diulang."),
    kecamatan: Optional[list[str]] = typer.Option(
        None, "--kecamatan", help="Hanya kecamatan ini (kode atau nama); boleh diulang."),
    contoh: Optional[int] = typer.Option(None, "--contoh", metavar="N",
                                         help="Pratinjau N sertifikat pertama (bercap CONTOH)."),
    lewati: bool = typer.Option(False, "--lewati-belum-lengkap",
                                help="Cetak desa lainnya bila ada Kartu Komitmen yang belum ditandatangani lengkap."),
) -> None:
    """Sertifikat komitmen per desa (A4 melintang), per batch, dapat dilanjutkan bila terhenti."""
    from ..certify.batch import Options, print_certificates
    from ..present import rekap as show
    from ..render.batches import default_jobs

    options = Options(batch=batch, jobs=default_jobs() if jobs is None else jobs, gabung=gabung, ulang=ulang, desa=desa or [],
                      kecamatan=kecamatan or [], contoh=contoh, lewati_belum_lengkap=lewati)
    with show.CertificateProgress() as progress:
        printed = print_certificates(folder, options, on_plan=progress.on_plan, on_batch=progress.on_batch)
    show.show_printed(printed, folder)


def verifikasi(
    kode: str = typer.Argument(..., help="Kode verifikasi pada sertifikat, mis. K7QX-M4PD-9HTA."),
    folder: Path = FOLDER,
) -> None:
    """Memeriksa apakah sebuah kode milik sertifikat acara ini, dan apa yang disertifikasinya."""
    from ..certify.verify import verify_code
    from ..errors import ExitCode
    from ..present import rekap as show

    result = verify_code(folder, kode)
    show.show_verification(result)
    if not result.valid:
        raise typer.Exit(int(ExitCode.DATA))
