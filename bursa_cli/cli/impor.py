"""Commands for spreadsheets: `bursa impor` and `bursa ekspor`."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

FOLDER = typer.Argument(Path("."), help="Folder acara (bawaan: folder ini).", show_default=False)


class Jenis(str, Enum):
    peserta = "peserta"
    inovasi = "inovasi"
    panitia = "panitia"


class JenisEkspor(str, Enum):
    peserta = "peserta"
    inovasi = "inovasi"
    panitia = "panitia"
    templat_peserta = "templat-peserta"


def impor(
    jenis: Jenis = typer.Argument(..., help="Yang diimpor: peserta, inovasi atau panitia."),
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
) -> None:
    """Memasukkan daftar peserta, inovasi atau panitia dari Excel/CSV ke data acara."""
    from ..errors import DataError, ExitCode
    from ..impor import apply_plan, import_file, sheet_names
    from ..present import impor as show

    if sheet is None and _interactive():
        names = sheet_names(berkas)
        if len(names) > 1:
            show.sheet_choices(berkas, names)
            choice = 0
            while not 1 <= choice <= len(names):
                choice = typer.prompt(f"Nomor sheet (1-{len(names)})", type=int)
            sheet = names[choice - 1]
    if cek and lewati_galat:
        from ..errors import UsageError

        raise UsageError("--cek dan --lewati-galat tidak dapat dipakai bersama; --cek tidak menulis apa pun.")
    plan, _ = import_file(jenis.value, berkas, folder, dry_run=True, sheet=sheet, overrides=kolom,
                          wilayah=wilayah, default_tim=tim)
    show.show_plan(plan, dry_run=cek, update=perbarui)
    if cek:
        raise typer.Exit(int(ExitCode.DATA if plan.errors else ExitCode.OK))
    if plan.errors and not lewati_galat:
        raise DataError(
            f"{len(plan.having('ditolak'))} baris ditolak (lihat tabel di atas); tidak ada yang ditulis.",
            hint="Perbaiki barisnya lalu impor lagi, atau pakai --lewati-galat untuk mengimpor baris yang benar "
                 "dan menyimpan baris yang ditolak ke berkas tersendiri.")
    outcome = apply_plan(plan, folder, skip_errors=lewati_galat, update=perbarui)
    show.show_outcome(outcome)


def ekspor(
    jenis: JenisEkspor = typer.Argument(..., help="peserta, inovasi, panitia atau templat-peserta."),
    folder: Path = FOLDER,
    keluaran: Optional[Path] = typer.Option(
        None, "--keluaran", "-o",
        help="Berkas .xlsx/.csv (bawaan: keluaran/JENIS.xlsx); untuk templat-peserta: folder tujuan."),
    kecamatan: Optional[list[str]] = typer.Option(
        None, "--kecamatan", help="Untuk templat-peserta: hanya kecamatan ini (kode atau nama); boleh diulang."),
) -> None:
    """Menulis data acara ke Excel/CSV dengan kolom yang dikenali `bursa impor`, atau templat isian peserta."""
    from ..impor import export_list, export_templates, load_checked
    from ..present import impor as show

    event = load_checked(folder, "peserta" if jenis is JenisEkspor.templat_peserta else jenis.value)
    if jenis is JenisEkspor.templat_peserta:
        target = keluaran or folder / "keluaran" / "templat-peserta"
        show.show_templates(export_templates(event, target, kecamatan or None))
        return
    target = keluaran or folder / "keluaran" / f"{jenis.value}.xlsx"
    if keluaran is None:
        target.parent.mkdir(parents=True, exist_ok=True)
    count = export_list(jenis.value, event, target)
    show.show_export(jenis.value, count, target)


def _interactive() -> bool:
    """Whether someone can answer a question (not a script or a pipe)."""
    return sys.stdin.isatty()
