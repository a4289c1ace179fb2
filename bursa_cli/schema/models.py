"""Strict models of the event folder, one per YAML file or log entry.

Models are the domain's nouns, named as the YAML names them. All share
`Model`, which forbids unknown keys, so a misspelt key is an error rather than
silence. Checks that need more than one file live in `bursa_cli.check`.
The `description` of each field is the Indonesian text of `docs/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .types import (
    Bidang, Id, IdEntri, Jam, KodeDesa, KodeKabupaten, KodeKecamatan, LabelKursi, Nip, YaTidak, ZonaWaktu,
)


@dataclass(frozen=True, slots=True)
class Location:
    """Where a model item was read: file, line, column; for YAML items the file's
    source map and the item's path in it; for log entries the raw line."""

    file: str
    line: int
    column: int = 1
    source: Any = None
    path: tuple = ()
    raw: str = ""


class Model(BaseModel):
    """Shared base: unknown keys are errors; numbers typed without quotes become text."""

    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        validate_default=False,
    )

    # Where the item was read from, for problems found after loading. A plain
    # slot rather than a pydantic private attribute: those cost more per
    # instance than validating the item itself, and logs hold tens of thousands.
    __slots__ = ("_at",)

    def located(self, file: str, line: int, column: int = 1, source: Any = None,
                path: tuple = (), raw: str = ""):
        """Remember where this item was read; returns the item."""
        object.__setattr__(self, "_at", Location(file, line, column, source, path, raw))
        return self

    @property
    def _location(self) -> "Location | None":
        return getattr(self, "_at", None)

    @property
    def _file(self) -> str:
        return self._location.file if self._location else ""

    @property
    def _line(self) -> int:
        return self._location.line if self._location else 0

    @property
    def _column(self) -> int:
        return self._location.column if self._location else 0

    @property
    def _source(self) -> Any:
        return self._location.source if self._location else None

    @property
    def _path(self) -> tuple:
        return self._location.path if self._location else ()

    @property
    def _raw(self) -> str:
        return self._location.raw if self._location else ""


# --------------------------------------------------------------------------- acara.yaml


class Kecamatan(Model):
    kode: KodeKecamatan = Field(description="Kode kecamatan Kemendagri, mis. \"33.23.01\"")
    nama: str = Field(description="Nama kecamatan")


class Wilayah(Model):
    kode: KodeKabupaten = Field(description="Kode kabupaten/kota Kemendagri, mis. \"33.23\"")
    nama: str = Field(description="Nama lengkap, mis. \"Kabupaten Temanggung\"")
    ibu_kota: str = Field(description="Tempat penulisan surat, mis. \"Temanggung\"")
    cakupan: Literal["kabupaten", "klaster"] = Field(
        "kabupaten", description="kabupaten (seluruh kabupaten) atau klaster (beberapa kecamatan)")
    kecamatan: list[Kecamatan] = Field(description="Kecamatan yang diundang pada acara ini")


class Pejabat(Model):
    nama: str = Field(description="Nama lengkap dengan gelar")
    jabatan: str = Field(description="Jabatan seperti ditulis di blok tanda tangan, mis. \"KEPALA DINAS ...\"")
    pangkat: Optional[str] = Field(None, description="Pangkat, mis. \"Pembina Tingkat I\"")
    golongan: Optional[str] = Field(None, description="Golongan ruang, mis. \"IV/b\"")
    nip: Optional[Nip] = Field(None, description="NIP 18 angka (kosong untuk pejabat politik seperti Bupati)")
    status: Literal["definitif", "plt", "plh", "pj", "an"] = Field(
        "definitif", description="definitif, plt (Pelaksana Tugas), plh (Pelaksana Harian), pj (Penjabat) "
                                 "atau an (atas nama)")
    atas_nama: Optional[str] = Field(
        None, description="Untuk status an: jabatan yang diwakili, mis. \"KEPALA DINAS ...\"")


class Penyelenggara(Model):
    pemerintah: str = Field(description="Baris pertama kop, mis. \"PEMERINTAH KABUPATEN TEMANGGUNG\"")
    nama: str = Field(description="Nama dinas, mis. \"DINAS PEMBERDAYAAN MASYARAKAT DAN DESA\"")
    singkatan: str = Field(description="Singkatan, mis. \"DPMD\"")
    alamat: str = Field(description="Alamat kantor")
    telepon: Optional[str] = Field(None, description="Nomor telepon kantor")
    email: Optional[str] = Field(None, description="Surel kantor")
    laman: Optional[str] = Field(None, description="Situs web kantor")
    kode_pos: Optional[str] = Field(None, description="Kode pos")
    logo: Optional[str] = Field(None, description="Berkas lambang daerah di dalam folder acara, mis. aset/logo.png")

    kepala: Pejabat = Field(description="Kepala Dinas (penanda tangan surat)")
    bidang_pelaksana: Optional[str] = Field(None, description="Bidang di dinas yang ditugasi menyelenggarakan acara")


class Penomoran(Model):
    pola: str = Field(
        "{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}",
        description="Pola nomor surat. Isian: {klasifikasi} {urut} {unit} {bulan} {bulan_romawi} {tahun}")
    unit: str = Field(description="Kode unit pengolah, mis. \"DPMD\"")
    klasifikasi_undangan: str = Field("005", description="Kode klasifikasi arsip untuk undangan")
    klasifikasi_sk: str = Field("400.10", description="Kode klasifikasi arsip untuk SK")
    urut_awal: int = Field(1, ge=1, description="Nomor urut pertama yang boleh dipakai tahun ini")


class Dokumen(Model):
    kertas_surat: Literal["A4", "F4"] = Field("A4", description="Kertas surat dan SK: A4 atau F4 (215x330 mm)")
    kertas_poster: Literal["A3", "A4"] = Field("A3", description="Kertas poster: A3 atau A4")
    ukuran_kartu_id: Literal["ID-1", "A6"] = Field("ID-1", description="Ukuran kartu ID: ID-1 (85,6x54 mm) atau A6")
    kertas_kartu_komitmen: Literal["A4", "A5"] = Field("A4", description="Kertas Kartu Komitmen: A4 atau A5")
    kertas_katalog: Literal["A5", "A4"] = Field("A5", description="Kertas katalog inovasi: A5 (buklet) atau A4")
    huruf: Literal["sans", "serif"] = Field("sans", description="Jenis huruf: sans (mirip Arial) atau serif (mirip Times)")
    ukuran_huruf: float = Field(12, ge=9, le=14, description="Ukuran huruf surat dalam poin")
    lampiran_undangan: list[Literal["susunan-acara"]] = Field(
        ["susunan-acara"], description="Lampiran surat undangan hari-H, dicetak sesudah setiap surat: "
                                       "susunan-acara, atau [] tanpa lampiran")
    penanda_tangan_sk: Literal["kepala_dinas", "bupati"] = Field(
        "kepala_dinas", description="Penanda tangan SK dan sertifikat: kepala_dinas atau bupati")
    kop_tanpa_lambang: bool = Field(False, description="true bila kop surat dinas memang tanpa lambang daerah "
                                                       "(tanpa ini, surat dan SK tanpa penyelenggara.logo ditolak)")
    alamat_verifikasi: Optional[str] = Field(
        None, description="Alamat web tempat halaman verifikasi sertifikat diterbitkan, "
                          "mis. https://dpmd.temanggungkab.go.id/verifikasi/ (QR sertifikat menuju ke sana)")
    terbitkan_tindak_lanjut: YaTidak = Field(
        False, description="Halaman verifikasi dan `bursa verifikasi` menampilkan keadaan tindak lanjut setiap "
                           "inovasi sertifikat (bawaan: tidak, karena menyangkut desa)")


class Ruang(Model):
    kode: Id = Field(description="Kode ruang, mis. J1, A, B, J3, REG")
    nama: str = Field(description="Nama ruang, mis. \"Ruang Pleno\" atau \"Bursa A\"")
    jenis: Literal["pleno", "bursa", "jendela3", "registrasi"] = Field(
        description="pleno (Jendela 1), bursa (Jendela 2), jendela3, atau registrasi")
    kapasitas: int = Field(ge=0, description="Jumlah orang yang muat")
    bidang: list[Bidang] = Field(default_factory=list, description="Untuk ruang bursa: bidang yang dipamerkan")
    meja: list[Id] = Field(default_factory=list, description="Untuk ruang bursa: kode meja konsultasi, mis. A-01")
    lokasi: Optional[str] = Field(None, description="Letak ruang di gedung (lantai, sayap)")
    blok: Optional[int] = Field(
        None, ge=1, le=6, description="Untuk ruang pleno: jumlah blok kursi yang dipisah lorong (bawaan: dari kapasitas)")
    kursi_per_baris: Optional[int] = Field(
        None, ge=1, le=40, description="Untuk ruang pleno: kursi per baris dalam satu blok (bawaan: dari kapasitas)")
    baris: Optional[int] = Field(
        None, ge=1, le=200, description="Untuk ruang pleno: jumlah baris kursi (bawaan: cukup untuk kapasitas)")


class Spanduk(Model):
    teks: str = Field(description="Tulisan spanduk")
    posisi: str = Field(description="Tempat pemasangan, mis. \"pintu masuk\"")
    ruang: Optional[Id] = Field(None, description="Kode ruang tempat spanduk dipasang")


class Tempat(Model):
    nama: str = Field(description="Nama gedung")
    alamat: str = Field(description="Alamat gedung")
    ruang: list[Ruang] = Field(description="Ruang-ruang: Jendela 1 (pleno), Jendela 2 (bursa), Jendela 3, registrasi")
    spanduk: list[Spanduk] = Field(default_factory=list, description="Spanduk dan letaknya")


class MataAcara(Model):
    mulai: Jam = Field(description="Jam mulai, mis. \"08.00\"")
    selesai: Optional[Jam] = Field(None, description="Jam selesai")
    acara: str = Field(description="Nama mata acara")
    pengisi: Optional[str] = Field(None, description="Petugas atau pembicara")
    ruang: Optional[Id] = Field(None, description="Kode ruang")


class Materi(Model):
    kartu_komitmen: int = Field(0, ge=0, description="Jumlah Kartu Komitmen yang disiapkan")
    kartu_id: int = Field(0, ge=0, description="Jumlah Kartu ID")
    kartu_ide: int = Field(0, ge=0, description="Jumlah Kartu Ide")
    stempel: int = Field(0, ge=0, description="Jumlah stempel meja konsultasi")
    poster: int = Field(0, ge=0, description="Jumlah poster inovasi")
    spanduk: int = Field(0, ge=0, description="Jumlah spanduk")
    katalog: int = Field(0, ge=0, description="Jumlah katalog inovasi")


class Keputusan(Model):
    menimbang: list[str] = Field(default_factory=list, description="Butir Menimbang SK (kosong: teks bawaan)")
    mengingat: list[str] = Field(
        default_factory=list, description="Dasar hukum Mengingat SK, ditulis lengkap (kosong: daftar bawaan)")
    tembusan: list[str] = Field(default_factory=list, description="Tembusan SK (kosong: Bupati dan Sekretaris Daerah)")
    tanggal: Optional[date] = Field(None, description="Tanggal penetapan SK (kosong: tanggal cetak)")


class Acara(Model):
    nama: str = Field(description="Nama acara, mis. \"Bursa Inovasi Desa Kabupaten Temanggung Tahun 2026\"")
    tanggal: date = Field(description="Tanggal acara (TTTT-BB-HH)")
    jam_mulai: Jam = Field(description="Jam mulai, mis. \"08.00\"")
    jam_selesai: Optional[Jam] = Field(None, description="Jam selesai; kosong berarti \"s.d. selesai\"")
    zona_waktu: ZonaWaktu = Field("WIB", description="WIB, WITA atau WIT")
    tahun_apbdes: int = Field(ge=2015, le=2100, description="Tahun APBDes yang membiayai komitmen (biasanya tahun berikutnya)")
    wilayah: Wilayah
    penyelenggara: Penyelenggara
    bupati: Optional[Pejabat] = Field(None, description="Bupati/Wali Kota, bila ia menandatangani SK")
    penomoran: Penomoran
    dokumen: Dokumen = Field(default_factory=Dokumen)
    tempat: Tempat
    susunan_acara: list[MataAcara] = Field(default_factory=list, description="Susunan acara di Ruang Pleno")
    bursa_kit: list[str] = Field(default_factory=list, description="Isi Bursa Kit yang dibagikan di registrasi")
    materi: Materi = Field(default_factory=Materi)
    sk: Keputusan = Field(default_factory=Keputusan, description="Isi SK TIK dan Panitia yang dapat diubah")


# --------------------------------------------------------------------------- tahapan.yaml

TAHAPAN_KODE: tuple[str, ...] = (
    "konsultasi-agenda",
    "tempat",
    "rapat-pembukaan",
    "sk",
    "pembekalan",
    "sortir",
    "rapat-bursa",
    "survei-lokasi",
    "materi",
    "gladi-bersih",
)
TAHAPAN_JUDUL: dict[str, str] = {
    "konsultasi-agenda": "Konsultasi agenda dengan Kepala Dinas",
    "tempat": "Penyiapan tempat",
    "rapat-pembukaan": "Rapat pembukaan dengan OPD",
    "sk": "SK Tim Inovasi Kabupaten dan Panitia",
    "pembekalan": "Pembekalan TIK dan panitia",
    "sortir": "Rapat TIK memilah inovasi",
    "rapat-bursa": "Rapat Bursa (pembagian tugas per Jendela)",
    "survei-lokasi": "Survei lokasi",
    "materi": "Materi dan konfirmasi undangan",
    "gladi-bersih": "Dekorasi dan gladi bersih (H-1)",
}

Penerima = Literal["opd", "tik", "panitia", "kepala-desa", "ketua-bpd", "camat", "p2ktd", "ta-p3md", "pendamping"]


class Rapat(Model):
    tanggal: date = Field(description="Tanggal rapat")
    mulai: Jam = Field(description="Jam mulai")
    selesai: Optional[Jam] = Field(None, description="Jam selesai; kosong berarti \"s.d. selesai\"")
    tempat: str = Field(description="Tempat rapat")
    acara: str = Field(description="Acara/agenda seperti ditulis di undangan")
    penerima: list[Penerima] = Field(default_factory=list, description="Kelompok yang diundang")
    pimpinan: Optional[str] = Field(None, description="Pimpinan rapat")
    tembusan: list[str] = Field(
        default_factory=list, description="Tembusan undangan; kosong berarti \"Bupati ... (sebagai laporan)\"")


class Tahap(Model):
    kode: Literal[TAHAPAN_KODE] = Field(description="Kode tahapan")  # type: ignore[valid-type]
    status: Literal["belum", "proses", "selesai"] = Field("belum", description="belum, proses atau selesai")
    tanggal: Optional[date] = Field(None, description="Tanggal pelaksanaan")
    catatan: Optional[str] = Field(None, description="Catatan bebas")
    rapat: Optional[Rapat] = Field(None, description="Rincian rapat, untuk tahapan yang berupa rapat")


# --------------------------------------------------------------------------- opd, panitia, p2ktd


class Opd(Model):
    id: Id = Field(description="Singkatan OPD, mis. DINKES")
    nama: str = Field(description="Nama lengkap OPD")
    kepala: str = Field(description="Jabatan kepala OPD untuk alamat surat, mis. \"Kepala Dinas Kesehatan\"")
    bidang: list[Bidang] = Field(default_factory=list, description="Bidang PID yang dikaji OPD ini")


class Anggota(Model):
    id: Id = Field(description="Id anggota, mis. TIK-01 atau PAN-01")
    nama: str = Field(description="Nama lengkap dengan gelar")
    nip: Optional[Nip] = Field(None, description="NIP 18 angka")
    pangkat: Optional[str] = Field(None, description="Pangkat, mis. \"Penata Tingkat I\"")
    golongan: Optional[str] = Field(None, description="Golongan ruang, mis. \"III/d\"")
    jabatan: Optional[str] = Field(None, description="Jabatan di instansinya")
    opd: Optional[Id] = Field(None, description="Id OPD asal (lihat opd.yaml)")
    instansi: Optional[str] = Field(None, description="Instansi bila bukan OPD (mis. TA P3MD)")
    tim: Literal["TIK", "Panitia"] = Field(description="TIK atau Panitia")
    kedudukan: str = Field(description="Kedudukan dalam tim, mis. Ketua, Sekretaris, Anggota, Konsultan")
    jendela: Optional[Literal[1, 2, 3]] = Field(None, description="Jendela tempat bertugas (1, 2 atau 3)")
    ruang: Optional[Id] = Field(None, description="Kode ruang tempat bertugas")
    meja: Optional[Id] = Field(None, description="Kode meja konsultasi yang dijaga")
    telepon: Optional[str] = Field(None, description="Nomor HP/WA")


class P2ktd(Model):
    id: Id = Field(description="Id penyedia, mis. P2KTD-01")
    nama: str = Field(description="Nama lembaga")
    jenis: str = Field(description="Perguruan tinggi, asosiasi profesi, badan usaha, ...")
    bidang: list[Bidang] = Field(description="Bidang keahlian")
    kontak: Optional[str] = Field(None, description="Nama dan nomor kontak")
    alamat: Optional[str] = Field(None, description="Alamat")


# --------------------------------------------------------------------------- inovasi.yaml


class Sortir(Model):
    keputusan: Literal["dipertahankan", "dicoret", "belum"] = Field(
        "belum", description="Hasil rapat sortir: dipertahankan, dicoret atau belum")
    opd: Optional[Id] = Field(None, description="OPD yang memutuskan")
    catatan: Optional[str] = Field(None, description="Catatan OPD")


class Bukti(Model):
    """What the follow-up of an earlier Bursa shows of an innovation (written by `bursa init --dari`)."""

    acara: str = Field(description="Acara Bursa yang tindak lanjutnya dihitung")
    per: date = Field(description="Tanggal keadaan tindak lanjut itu")
    desa_direplikasi: int = Field(0, ge=0, description="Desa yang melaksanakan atau menyelesaikannya")
    desa_dianggarkan: int = Field(0, ge=0, description="Desa yang menganggarkannya di APBDes")
    nilai_apbdes: int = Field(0, ge=0, description="Jumlah anggaran APBDes-nya, rupiah")


class Inovasi(Model):
    id: Id = Field(description="Id inovasi, mis. INO-001")
    judul: str = Field(description="Judul inovasi")
    bidang: Bidang = Field(description="kewirausahaan, psdm atau infrastruktur")
    desa_asal: str = Field(description="Desa asal inovasi, mis. \"Desa Ketapanrame, Kec. Trawas, Kab. Mojokerto\"")
    opd_pengkaji: Id = Field(description="Id OPD yang mengkaji (lihat opd.yaml)")
    ringkasan: str = Field(description="Ringkasan singkat")
    manfaat: list[str] = Field(default_factory=list, description="Manfaat utama, satu per baris")
    biaya: Optional[int] = Field(None, ge=0, description="Perkiraan biaya dalam rupiah, tanpa titik")
    p2ktd: list[Id] = Field(default_factory=list, description="Id penyedia P2KTD yang dapat membantu")
    dokumen_pembelajaran: Optional[str] = Field(None, description="Tautan atau berkas dokumen pembelajaran")
    sortir: Sortir = Field(default_factory=Sortir)
    ruang: Optional[Id] = Field(None, description="Kode ruang bursa")
    meja: Optional[Id] = Field(None, description="Kode meja konsultasi")
    bukti: Optional[Bukti] = Field(None, description="Bukti replikasi dari tindak lanjut Bursa sebelumnya")

    @property
    def kept(self) -> bool:
        return self.sortir.keputusan == "dipertahankan"


# --------------------------------------------------------------------------- desa.yaml, peserta.yaml


class Desa(Model):
    kode: KodeDesa = Field(description="Kode desa Kemendagri, mis. \"33.23.01.2001\"")
    nama: str = Field(description="Nama desa")
    inovasi_berjalan: list[Id] = Field(
        default_factory=list, description="Inovasi yang sudah dilaksanakan desa ini (tindak lanjut Bursa "
                                          "sebelumnya); tidak ditawarkan lagi sebagai inovasi baru")


PERAN_DESA = ("kepala-desa", "ketua-bpd", "perangkat-desa")
Peran = Literal[
    "kepala-desa", "ketua-bpd", "perangkat-desa", "camat", "opd", "p2ktd", "pendamping",
    "ta-p3md", "media", "lainnya",
]
PERAN_LABEL = {
    "kepala-desa": "Kepala Desa",
    "ketua-bpd": "Ketua BPD",
    "perangkat-desa": "Perangkat Desa",
    "camat": "Camat",
    "opd": "OPD",
    "p2ktd": "P2KTD",
    "pendamping": "Pendamping Desa",
    "ta-p3md": "TA P3MD",
    "media": "Media",
    "lainnya": "Peserta",
}


class Peserta(Model):
    id: Id = Field(description="Id peserta, mis. P-0001 (dicetak sebagai QR di Kartu ID)")
    nama: str = Field(description="Nama lengkap")
    peran: Peran = Field(description="kepala-desa, ketua-bpd, perangkat-desa, camat, opd, p2ktd, pendamping, ta-p3md, media atau lainnya")
    desa: Optional[KodeDesa] = Field(None, description="Kode desa, wajib untuk peran desa")
    kecamatan: Optional[KodeKecamatan] = Field(None, description="Kode kecamatan, untuk camat")
    instansi: Optional[str] = Field(None, description="Instansi, untuk peserta bukan dari desa")
    jabatan: Optional[str] = Field(None, description="Jabatan, bila berbeda dari peran")
    telepon: Optional[str] = Field(None, description="Nomor HP/WA")
    konfirmasi: Literal["ya", "tidak", "belum"] = Field("belum", description="Konfirmasi kehadiran: ya, tidak atau belum")

    @field_validator("konfirmasi", mode="before")
    @classmethod
    def _konfirmasi_bool(cls, value):
        if value is True:
            return "ya"
        if value is False:
            return "tidak"
        return value


# --------------------------------------------------------------------------- logs (log/*/*.yaml)


class LogEntry(Model):
    waktu: datetime = Field(description="Waktu pencatatan, ISO 8601 dengan zona, mis. 2026-11-12T09:14:03+07:00")
    petugas: Optional[str] = Field(None, description="Perangkat atau petugas yang mencatat")
    id_entri: Optional[IdEntri] = Field(
        None, description="Id entri buatan perangkat; entri yang dikirim ulang dengan id yang sama tidak dicatat dua kali")


class PesertaBaru(Model):
    nama: str
    peran: Peran
    desa: Optional[KodeDesa] = None
    instansi: Optional[str] = None
    telepon: Optional[str] = None

    def as_peserta(self, peserta_id: str) -> "Peserta":
        """The walk-in as a participant of the event: present, so confirmed."""
        return Peserta(id=peserta_id, nama=self.nama, peran=self.peran, desa=self.desa,
                       instansi=self.instansi, telepon=self.telepon, konfirmasi="ya")


class Registrasi(LogEntry):
    peserta: Id = Field(description="Id peserta yang hadir")
    tanpa_undangan: Optional[PesertaBaru] = Field(
        None, description="Diisi bila peserta datang tanpa terdaftar: data dirinya")


class Stempel(LogEntry):
    peserta: Id = Field(description="Id peserta yang berkonsultasi")
    inovasi: Id = Field(description="Id inovasi yang dikonsultasikan")
    meja: Id = Field(description="Kode meja konsultasi")
    konsultan: Optional[Id] = Field(None, description="Id anggota TIK yang memberi stempel")


class Penilaian(LogEntry):
    peserta: Id
    inovasi: Id
    nilai: int = Field(ge=1, le=5, description="Nilai 1 sampai 5")
    catatan: Optional[str] = None


class Ide(LogEntry):
    judul: str = Field(description="Nama inovasi yang diusulkan")
    uraian: Optional[str] = None
    bidang: Optional[Bidang] = None
    peserta: Optional[Id] = None
    desa: Optional[KodeDesa] = Field(None, description="Desa tempat inovasi ini dipraktikkan")


class Komitmen(LogEntry):
    desa: KodeDesa = Field(description="Kode desa yang berkomitmen")
    inovasi: list[Id] = Field(min_length=1, description="Id inovasi yang akan dianggarkan")
    tahun_apbdes: int = Field(ge=2015, le=2100, description="Tahun APBDes")
    ttd_kepala_desa: YaTidak = Field(description="Kartu ditandatangani Kepala Desa")
    ttd_ketua_bpd: YaTidak = Field(description="Kartu ditandatangani Ketua BPD")
    alasan: dict[str, str] = Field(
        default_factory=dict, description="Alasan untuk inovasi yang tidak distempel: {id inovasi: alasan}")


class Kursi(LogEntry):
    """A seat as printed on a Kartu ID. The seat plan keeps it, so the badge stays true."""

    peserta: Id = Field(description="Id peserta di peserta.yaml")
    kursi: LabelKursi = Field(description="Kursi yang tercetak di Kartu ID-nya di Ruang Pleno")


LOG_KINDS: dict[str, type[LogEntry]] = {
    "registrasi": Registrasi,
    "stempel": Stempel,
    "penilaian": Penilaian,
    "ide": Ide,
    "komitmen": Komitmen,
    "kursi": Kursi,
}
