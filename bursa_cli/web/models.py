"""The requests and answers of `bursa layani`, shared by the JSON API, the pages and the terminal desks.

Every answer carries a `status` and an Indonesian `pesan`; a refusal also
carries the HTTP status the route sends (see `STATUS_HTTP`).
"""

from __future__ import annotations

from typing import Any, Optional

from pydantic import Field

from ..day.desks.base import Masuk, Status
from ..day.desks.ide import IdeMasuk
from ..day.desks.komitmen import KomitmenMasuk
from ..day.desks.nilai import NilaiMasuk
from ..day.desks.registrasi import PesertaBaruMasuk, RegistrasiMasuk
from ..day.desks.stempel import StempelMasuk
from ..schema.models import Model

__all__ = ["IdeMasuk", "Jawaban", "KomitmenMasuk", "Masuk", "NilaiMasuk", "PerangkatMasuk", "PesertaBaruMasuk",
           "RegistrasiMasuk", "STATUS_HTTP", "Status", "StempelMasuk"]  # the desks' requests live with their desks

STATUS_HTTP: dict[str, int] = {
    "tercatat": 200, "sudah_tercatat": 200, "sudah_hadir": 200,
    "perlu_konfirmasi": 409,  # the same stamp/card exists: the desk asks, then resends with ulang
    "ditolak": 422,
}


class PerangkatMasuk(Model):
    """The induk's own screen pairing a new device."""

    peran: str
    meja: Optional[str] = None
    nama: str = Field("", max_length=100)


class Jawaban(Model):
    status: Status
    pesan: str
    berkas: Optional[str] = Field(None, description="Log tempat entri tercatat, mis. log/stempel/A-01.yaml")
    baris: Optional[int] = None
    data: dict[str, Any] = Field(default_factory=dict)
    kode: Optional[str] = Field(None, description="Kode masalah dari katalog, untuk penolakan, mis. BUR-H002")

    @property
    def http_status(self) -> int:
        return STATUS_HTTP[self.status]


class Terakhir(Model):
    """One of the latest entries on the board."""

    waktu: str
    jenis: str = Field(description="Jenis log: registrasi, stempel, penilaian, ide atau komitmen")
    teks: str


class Ringkasan(Model):
    """The board of the day (`/api/v1/ringkasan`): every key in Indonesian, as in every other JSON output."""

    diundang: int = Field(description="Peserta di peserta.yaml")
    konfirmasi: int = Field(description="Peserta yang konfirmasi: ya")
    hadir: int = Field(description="Peserta yang sudah registrasi (tanpa undangan ikut dihitung)")
    hadir_konfirmasi: int = Field(description="Peserta hadir yang sebelumnya konfirmasi")
    tanpa_undangan: int
    stempel: int
    stempel_per_ruang: dict[str, int]
    stempel_per_meja: dict[str, int]
    penilaian: int
    ide: int
    desa_berkomitmen: int = Field(description="Desa yang Kartu Komitmennya sudah tercatat")
    desa_total: int
    komitmen_per_bidang: dict[str, int] = Field(description="Pasangan desa x inovasi, per bidang")
    belum_ditandatangani: int = Field(description="Kartu Komitmen yang kurang tanda tangan")
    terakhir: list[Terakhir]
    masalah: list[dict[str, Any]] = Field(description="Baris log yang tidak terbaca, dengan berkas dan barisnya")
    nama_ruang: dict[str, str]
    ruang_meja: dict[str, str] = Field(description="Meja -> kode ruang ('?' bila tidak dikenal)")
    diperbarui: str
    belum_hadir: int = Field(description="Peserta konfirmasi yang belum registrasi")
    desa_belum_hadir: list[str]
    label_bidang: dict[str, str]
