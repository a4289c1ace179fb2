"""Commands for spreadsheets: `bursa impor` and `bursa ekspor`."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .common import FOLDER


class Jenis(str, Enum):
    peserta = "peserta"
    inovasi = "inovasi"
    panitia = "panitia"
    tindak_lanjut = "tindak-lanjut"


class JenisEkspor(str, Enum):
    peserta = "peserta"
    inovasi = "inovasi"
    panitia = "panitia"
    templat_peserta = "templat-peserta"
    tindak_lanjut = "tindak-lanjut"


def impor(
    jenis: Jenis = typer.Argument(..., help="Yang diimpor: peserta, inovasi, panitia atau tindak-lanjut."),
    berkas: Path = typer.Argument(..., help="Berkas .xlsx atau .csv.", show_default=False),
    folder: Path = FOLDER,
    cek: bool = typer.Option(False, "--cek", help="Hanya tampilkan yang akan ditambah, diubah dan ditolak; tidak menulis apa pun."),
    lewati_galat: bool = typer.Option(
        False, "--lewati-galat", help="Impor baris yang benar; baris yang ditolak disimpan ke BERKAS-ditolak.xlsx."),
    perbarui: bool = typer.Option(False, "--perbarui", help="Terapkan juga perubahan pada data yang sudah ada (mis. nomor HP baru)."),
    sheet: Optional[str] = typer.Option(None, "--sheet", help="Nama sheet yang dibaca (bila berkas berisi beberapa sheet)."),
    kolom: Optional[list[str]] = typer.Option(
        None, "--kolom", help="Tunjuk kolom sendiri: --kolom telepon=\"Nomor WA\" (boleh diulang)."),
    wilayah: Optional[Path] = typer.Option(
        None, "--wilayah", help="Daftar kode wilayah Kemendagri (CSV kode,nama) untuk desa yang belum ada di desa.yaml."),
    tim: Optional[str] = typer.Option(None, "--tim", help="Untuk panitia tanpa kolom Tim: TIK atau Panitia."),
    rapikan_nama: bool = typer.Option(
        False, "--rapikan-nama",
        help="Nama yang ditulis huruf kapital semua ditulis seperti usulan (mis. 'Drs. Bambang Sutrisno, M.Si.')."),
    perangkat: str = typer.Option(
        "impor", "--perangkat", help="Untuk tindak-lanjut: nama log yang ditulis, log/tindak-lanjut/NAMA.yaml."),
    petugas: Optional[str] = typer.Option(None, "--petugas", help="Untuk tindak-lanjut: siapa yang mencatat (bawaan: nama perangkat)."),
) -> None:
    """Memasukkan daftar peserta, inovasi atau panitia dari Excel/CSV ke data acara.

    `bursa impor tindak-lanjut BERKAS.xlsx`: baris lembar tindak lanjut yang berubah menjadi entri
    log/tindak-lanjut/; mengimpor berkas yang sama dua kali tidak menulis apa pun.
    """
    from ..errors import ExitCode
    from ..impor import import_file, sheet_names
    from ..present import impor as show

    if jenis is Jenis.tindak_lanjut:
        from ..impor.followup_import import import_followup

        plan, written = import_followup(berkas, folder, perangkat=perangkat, petugas=petugas, dry_run=cek,
                                        skip_errors=lewati_galat,
                                        preview=lambda plan: show.show_followup_plan(plan, dry_run=cek))
        show.show_followup_outcome(plan, written, folder, dry_run=cek)
        if cek and plan.errors:
            raise typer.Exit(int(ExitCode.DATA))
        return

    if sheet is None and _interactive():
        names = sheet_names(berkas)
        if len(names) > 1:
            show.sheet_choices(berkas, names)
            sheet = _ask_sheet(names)
    plan, outcome = import_file(
        jenis.value, berkas, folder, dry_run=cek, skip_errors=lewati_galat, update=perbarui, sheet=sheet,
        overrides=kolom, wilayah=wilayah, default_tim=tim, proper_case=rapikan_nama,
        preview=lambda plan: show.show_plan(plan, dry_run=cek, update=perbarui))
    if outcome is None:
        raise typer.Exit(int(ExitCode.DATA if plan.errors else ExitCode.OK))
    show.show_outcome(outcome)


def _ask_sheet(names: list[str]) -> str:
    """Ask until a sheet is chosen by number or name; the end of input is a usage error."""
    from ..errors import UsageError
    from ..present import ask
    from ..present import impor as show

    while True:
        answer = ask(f"Nomor sheet (1-{len(names)}):")
        if answer is None:
            raise UsageError.coded("BUR-U007")
        text = answer.strip()
        if text.isdigit() and 1 <= int(text) <= len(names):
            return names[int(text) - 1]
        if text in names:
            return text
        show.show_invalid(f"Ketik nomor 1 sampai {len(names)}, atau nama sheet-nya.")


def ekspor(
    jenis: JenisEkspor = typer.Argument(..., help="peserta, inovasi, panitia, templat-peserta atau tindak-lanjut."),
    folder: Path = FOLDER,
    keluaran: Optional[Path] = typer.Option(
        None, "--keluaran", "-o",
        help="Berkas .xlsx/.csv (bawaan: keluaran/JENIS.xlsx); untuk templat-peserta: folder tujuan."),
    kecamatan: Optional[list[str]] = typer.Option(
        None, "--kecamatan", help="Untuk templat-peserta dan tindak-lanjut: hanya kecamatan ini (kode atau nama); boleh diulang."),
    terpisah: bool = typer.Option(
        False, "--terpisah", help="Untuk tindak-lanjut: satu berkas per kecamatan, bukan satu berkas dengan sheet per kecamatan."),
) -> None:
    """Menulis data acara ke Excel/CSV dengan kolom yang dikenali `bursa impor`, atau templat isian peserta.

    `bursa ekspor tindak-lanjut`: satu baris per komitmen dengan keadaan terakhirnya, untuk diisi pendamping.
    """
    from ..impor import export_list, export_templates, load_checked
    from ..present import impor as show

    if jenis is JenisEkspor.tindak_lanjut:
        from ..check.gate import gate
        from ..impor.followup_export import export_followup

        event = gate(folder, "tindak-lanjut").event
        show.show_followup_export(export_followup(event, keluaran, kecamatan or None, terpisah))
        return

    event = load_checked(folder, "peserta" if jenis is JenisEkspor.templat_peserta else jenis.value)
    if jenis is JenisEkspor.templat_peserta:
        show.show_templates(export_templates(event, keluaran, kecamatan or None))
        return
    count, target = export_list(jenis.value, event, keluaran)
    show.show_export(jenis.value, count, target)


def _interactive() -> bool:
    """Whether someone can answer a question (not a script or a pipe)."""
    return sys.stdin.isatty()
