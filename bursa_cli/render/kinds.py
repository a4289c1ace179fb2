"""The registry of printable documents: one entry per `bursa cetak JENIS`.

Kept free of heavy imports (only names and dotted paths), so the CLI can list
the kinds for `bursa cetak --help` without loading WeasyPrint. Every target is
a `build(job)` in a module of `bursa_cli.render`: the registry never points up
to the CLI or across to the recap and certificate data. To add a document,
write `build(job)` there and add one `Kind` line below.

Every kind takes `--contoh`, `--tanggal` and `--proses`; `options` names the
further options of `render.job.Options` its command offers (see `cli/cetak.py`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Naskah:
    """How Permendagri 1/2023 Pasal 44 writes the signatory of one kind of naskah dinas.

    `gelar`: the name keeps its academic and religious titles; `pangkat_nip`: pangkat/golongan
    and NIP are written under it. Both may be taken away again by the signer's own office
    (Pasal 44(3)-(5): the Kepala Daerah, his deputy and the Sekda; acting ones): see `render/ttd.py`.
    """

    jenis: str  # as the Permendagri names it
    gelar: bool
    pangkat_nip: bool = True


PENETAPAN = Naskah("penetapan", gelar=False)  # Pasal 44(1): the SK
KORESPONDENSI = Naskah("korespondensi", gelar=True)  # Pasal 44(2): letters, lists, the recap report
SERTIFIKAT = Naskah("sertifikat", gelar=False)  # Pasal 44(2), the exception: piagam and sertifikat


@dataclass(frozen=True)
class Kind:
    name: str  # the word after `bursa cetak`
    target: str  # "module:function" taking a `Job`
    help: str  # one Indonesian line for --help
    options: tuple[str, ...] = ()  # further fields of `Options` the command offers, e.g. ("rapat",)
    need: str = ""  # what the gate checks (check/gate.py); bawaan: "cetak:NAME"
    naskah: Naskah = KORESPONDENSI  # how its signatory is written (Pasal 44), where it has one


KINDS: list[Kind] = [
    Kind("undangan", "bursa_cli.render.undangan:build",
         "Surat undangan rapat persiapan dan hari-H, satu surat per penerima, dengan daftar distribusi.",
         options=("rapat",)),
    Kind("sk", "bursa_cli.render.sk:build",
         "Rancangan Keputusan pembentukan Tim Inovasi Kabupaten dan Panitia (PDF dan DOCX).",
         naskah=PENETAPAN),
    Kind("susunan-acara", "bursa_cli.render.hari:build_susunan",
         "Susunan acara hari-H di Ruang Pleno."),
    Kind("daftar-hadir", "bursa_cli.render.hari:build_daftar_hadir",
         "Daftar hadir per rapat dan untuk hari-H, dengan kolom tanda tangan.", options=("rapat",)),
    Kind("poster", "bursa_cli.render.poster:build_poster",
         "Poster A3/A4, satu per inovasi yang dipertahankan, dengan stan, meja dan QR dokumen."),
    Kind("katalog", "bursa_cli.render.poster:build_katalog",
         "Katalog inovasi untuk Bursa Kit: per bidang dan ruang, dengan nomor meja dan indeks."),
    Kind("denah", "bursa_cli.render.denah:build",
         "Denah tempat (Jendela 1-2-3, stan, meja, spanduk) dan daftar tempat duduk Ruang Pleno."),
    Kind("kartu-id", "bursa_cli.render.kartu:build_id",
         "Kartu ID peserta (nama, peran, desa, kursi, QR) pada lembar A4 dengan tanda potong."),
    Kind("kartu-cadangan", "bursa_cli.render.kartu:build_cadangan",
         "Kartu ID cadangan untuk peserta tanpa undangan: QR bernomor TAMU-001 dst., nama ditulis tangan."),
    Kind("kartu-latihan", "bursa_cli.render.kartu:build_latihan",
         "Kartu ID latihan untuk gladi bersih (LAT-01 dst., bertanda LATIHAN): hanya diterima meja --gladi.",
         need="hari"),
    Kind("kartu-komitmen", "bursa_cli.render.kartu:build_komitmen",
         "Kartu Komitmen, satu per desa, berisi nama Kepala Desa dan Ketua BPD serta kotak stempel."),
    Kind("kartu-ide", "bursa_cli.render.kartu:build_ide",
         "Kartu Ide kosong, dua kartu per lembar A4."),
    Kind("sertifikat", "bursa_cli.render.sertifikat:build",
         "Sertifikat komitmen per desa (A4 melintang), per batch, dapat dilanjutkan bila terhenti.",
         options=("batch", "gabung", "ulang", "desa", "kecamatan", "lewati_belum_lengkap"), naskah=SERTIFIKAT),
    Kind("halaman-verifikasi", "bursa_cli.render.verifikasi:build",
         "Halaman web statis (HTML + JSON) untuk memeriksa kode sertifikat, juga tanpa internet."),
    Kind("rekap", "bursa_cli.render.rekap:build",
         "Laporan rekap untuk Bupati (PDF): ringkasan, grafik per bidang, kecamatan dan inovasi, tabel.",
         options=("kecamatan", "bidang"), need="rekap"),
    Kind("tindak-lanjut", "bursa_cli.render.tindaklanjut:build",
         "Laporan Tindak Lanjut Komitmen Replikasi Inovasi Desa (PDF): corong komitmen, grafik per kecamatan, tabel.",
         need="tindak-lanjut"),
    Kind("surat-tindak-lanjut", "bursa_cli.render.surat_tindak_lanjut:build",
         "Surat kepada setiap Camat meminta kabar komitmen desanya, dengan lampiran per desa (PDF dan DOCX).",
         options=("kecamatan", "batas"), need="surat-tindak-lanjut"),
]

KIND_BY_NAME = {kind.name: kind for kind in KINDS}
