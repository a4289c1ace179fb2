"""The documents `bursa cetak` prints, as data: one `Kind` per `bursa cetak JENIS`.

A kind says what it is (its name and one line of help), what its command
offers (`options`), when it is first needed (`stage`, a kode tahapan), which
files it reads (`files`: their errors refuse it at the gate, `check/gate.py`)
and how its signatory is written (`naskah`). The function that builds it sits
beside this list in the registry of the render stage (`render/kinds.py`).

Why the data live here, below every stage: `bursa validasi` (`check/`) must
know each document's stage and files without loading the renderer, and `bursa
cetak --help` lists the kinds without loading WeasyPrint. This module imports
nothing of the package.
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

# The files the recap and the certificates count: problems elsewhere (tahapan, panitia, opd) do not touch them.
RECAP_FILES = ("acara.yaml", "desa.yaml", "peserta.yaml", "inovasi.yaml", "p2ktd.yaml", "log/")


@dataclass(frozen=True)
class Kind:
    name: str  # the word after `bursa cetak`
    help: str  # one Indonesian line for --help
    stage: str = ""  # the kode tahapan at which it is first needed; "" for what comes after the day
    files: tuple[str, ...] | None = None  # errors in these files (a prefix such as "log/" too) refuse; None: every file
    refusal: str = "BUR-C100"  # the catalogue code the gate refuses with when its data are not ready
    need: str = ""  # instead of `files` and `refusal`: the need of a command it shares (`check/gate.py`)
    options: tuple[str, ...] = ()  # further fields of `Options` the command offers, e.g. ("rapat",)
    naskah: Naskah = KORESPONDENSI  # how its signatory is written (Pasal 44), where it has one


KINDS: list[Kind] = [
    Kind("undangan",
         "Surat undangan rapat persiapan dan hari-H, satu surat per penerima, dengan daftar distribusi.",
         stage="konsultasi-agenda",  # the invitation to the kick-off meeting is drafted first
         options=("rapat",)),
    Kind("sk", "Rancangan Keputusan pembentukan Tim Inovasi Kabupaten dan Panitia (PDF dan DOCX).",
         stage="sk", naskah=PENETAPAN),
    Kind("susunan-acara", "Susunan acara hari-H di Ruang Pleno.", stage="materi"),
    Kind("daftar-hadir", "Daftar hadir per rapat dan untuk hari-H, dengan kolom tanda tangan.",
         stage="rapat-pembukaan", options=("rapat",)),
    Kind("poster", "Poster A3/A4, satu per inovasi yang dipertahankan, dengan stan, meja dan QR dokumen.",
         stage="materi"),
    Kind("katalog", "Katalog inovasi untuk Bursa Kit: per bidang dan ruang, dengan nomor meja dan indeks.",
         stage="materi"),
    Kind("denah", "Denah tempat (Jendela 1-2-3, stan, meja, spanduk) dan daftar tempat duduk Ruang Pleno.",
         stage="survei-lokasi"),
    Kind("kartu-id", "Kartu ID peserta (nama, peran, desa, kursi, QR) pada lembar A4 dengan tanda potong.",
         stage="materi"),
    Kind("kartu-cadangan",
         "Kartu ID cadangan untuk peserta tanpa undangan: QR bernomor TAMU-001 dst., nama ditulis tangan.",
         stage="materi"),
    Kind("kartu-latihan",
         "Kartu ID latihan untuk gladi bersih (LAT-01 dst., bertanda LATIHAN): hanya diterima meja --gladi.",
         need="hari"),
    Kind("kartu-komitmen", "Kartu Komitmen, satu per desa, berisi nama Kepala Desa dan Ketua BPD serta kotak stempel.",
         stage="materi"),
    Kind("kartu-ide", "Kartu Ide kosong, dua kartu per lembar A4.", stage="materi"),
    Kind("sertifikat", "Sertifikat komitmen per desa (A4 melintang), per batch, dapat dilanjutkan bila terhenti.",
         stage="materi", files=RECAP_FILES, refusal="BUR-C101",
         options=("batch", "gabung", "ulang", "desa", "kecamatan", "lewati_belum_lengkap"), naskah=SERTIFIKAT),
    Kind("halaman-verifikasi", "Halaman web statis (HTML + JSON) untuk memeriksa kode sertifikat, juga tanpa internet.",
         stage="materi"),
    Kind("rekap", "Laporan rekap untuk Bupati (PDF): ringkasan, grafik per bidang, kecamatan dan inovasi, tabel.",
         options=("kecamatan", "bidang"), need="rekap"),
    Kind("tindak-lanjut",
         "Laporan Tindak Lanjut Komitmen Replikasi Inovasi Desa (PDF): corong komitmen, grafik per kecamatan, tabel.",
         need="tindak-lanjut"),
    Kind("surat-tindak-lanjut",
         "Surat kepada setiap Camat meminta kabar komitmen desanya, dengan lampiran per desa (PDF dan DOCX).",
         options=("kecamatan", "batas"), need="surat-tindak-lanjut"),
]

KIND_BY_NAME = {kind.name: kind for kind in KINDS}
