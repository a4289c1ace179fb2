"""Commands after the event: rekap and verifikasi (certificates are printed by `bursa cetak sertifikat`)."""

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


FOLLOWUP = "tindak-lanjut"


def rekap(
    folder: Path = typer.Argument(
        Path("."), show_default=False,
        help="Folder acara (bawaan: folder ini); atau `tindak-lanjut` diikuti satu atau beberapa folder acara."),
    folder_lain: Optional[list[Path]] = typer.Argument(
        None, show_default=False, metavar="[FOLDER...]",
        help="Untuk `bursa rekap tindak-lanjut`: folder acara, boleh beberapa (mis. semua kabupaten satu provinsi)."),
    format: RecapFormat = typer.Option(RecapFormat.tabel, "--format", "-f",
                                       help="tabel (layar), xlsx, csv, json atau pdf."),
    keluaran: Optional[Path] = typer.Option(
        None, "--keluaran", "-o",
        help="Berkas tujuan (untuk csv: folder). Bawaan: keluaran/rekap/ di folder acara."),
    kecamatan: Optional[list[str]] = typer.Option(
        None, "--kecamatan", help="Hanya kecamatan ini (kode atau nama); boleh diulang."),
    bidang: Optional[str] = typer.Option(None, "--bidang", help="Hanya satu bidang: kewirausahaan, psdm, infrastruktur."),
    semua: bool = typer.Option(False, "--semua", help="Di layar: tampilkan semua baris, tidak dipotong."),
    gladi: bool = typer.Option(False, "--gladi", help="Laporan waktu gladi bersih (gladi/log/): per meja dan peran, "
                                                     "jeda antarpindaian, penolakan, meja registrasi yang diperlukan."),
    jendela: int = typer.Option(90, "--jendela", min=1, help="Bersama --gladi: lama kedatangan peserta dalam menit "
                                                            "(mis. 07.00-08.30 = 90)."),
    hanya_hari_acara: bool = typer.Option(False, "--hanya-hari-acara",
                                          help="Entri log/ yang tidak bertanggal hari acara tidak dihitung."),
    per: Optional[str] = typer.Option(
        None, "--per", help="Untuk tindak-lanjut: tanggal acuan TTTT-BB-HH untuk 'tahun APBDes sudah lewat' (bawaan: hari ini)."),
) -> None:
    """Rekap komitmen per desa, kecamatan, inovasi, bidang dan P2KTD, Kartu Ide, desa tanpa komitmen.

    `bursa rekap tindak-lanjut [FOLDER...]`: sampai di mana setiap komitmen (RKP Desa, APBDes,
    pelaksanaan, selesai, batal, tanpa kabar), per kabupaten, kecamatan, inovasi, bidang dan P2KTD.
    """
    from ..errors import UsageError
    from ..present import rekap as show
    from ..recap import build_recap, load_for_recap
    from ..recap import export

    if str(folder) == FOLLOWUP and not (folder / "acara.yaml").is_file():
        rekap_tindak_lanjut(folder_lain or [Path(".")], format, keluaran, semua, per, kecamatan, bidang)
        return
    if folder_lain:
        raise UsageError.coded("BUR-U012")
    if gladi:
        from ..check.gate import gate
        from ..recap.timing import measure_rehearsal

        if format not in (RecapFormat.tabel, RecapFormat.json):
            raise UsageError.coded("BUR-U013")
        timing = measure_rehearsal(gate(folder, "hari").event, jendela)
        if format is RecapFormat.json:
            from ..day.area import area_of

            target = keluaran or area_of(folder, gladi=True).output / "rekap-gladi.json"
            show.show_written([export.write_timing_json(timing, target)], folder)
        else:
            show.show_timing(timing)
        return

    if format is RecapFormat.pdf:  # printed by the pipeline of every document (render/rekap.py)
        from ..render.job import Options, produce

        produced = produce("rekap", folder, Options(kecamatan=kecamatan or [], bidang=bidang, keluaran=keluaran,
                                                    hanya_hari_acara=hanya_hari_acara))
        show.show_written([keluaran or produced.folder / produced.outputs[0].name], folder)
        return
    event = load_for_recap(folder)
    recap = build_recap(event, kecamatan=kecamatan, bidang=bidang, event_day_only=hanya_hari_acara)
    if format is RecapFormat.tabel:
        show.show_recap(recap, everything=semua)
        return
    target = keluaran or export.default_output(folder, format.value)
    if format is RecapFormat.xlsx:
        written = [export.write_xlsx(recap, target)]
    elif format is RecapFormat.csv:
        written = export.write_csv(recap, target)
    else:
        written = [export.write_json(recap, target)]
    show.show_written(written, folder)


def rekap_tindak_lanjut(folders: list[Path], format: RecapFormat, keluaran: Optional[Path], semua: bool,
                        per: Optional[str], kecamatan, bidang) -> None:
    """`bursa rekap tindak-lanjut`: the follow-up of one or more events, in one set of tables."""
    from ..errors import UsageError
    from ..present import rekap as show
    from ..recap import export, followup_recap
    from .common import parse_date

    if kecamatan or bidang:
        raise UsageError.coded("BUR-U011")
    when = parse_date(per) if per else None
    if format is RecapFormat.pdf:
        from ..render.job import Options, produce

        produced = produce(FOLLOWUP, folders[0],
                           Options(keluaran=keluaran, folder_lain=list(folders[1:]), per=when))
        show.show_written([keluaran or produced.folder / produced.outputs[0].name], folders[0])
        return
    recap = followup_recap(folders, when)
    if format is RecapFormat.tabel:
        show.show_followup(recap, everything=semua)
        return
    target = keluaran or export.default_output(folders[0], format.value, FOLLOWUP)
    if format is RecapFormat.xlsx:
        written = [export.write_followup_xlsx(recap, target)]
    elif format is RecapFormat.csv:
        written = export.write_followup_csv(recap, target)
    else:
        written = [export.write_followup_json(recap, target)]
    show.show_written(written, folders[0])


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
