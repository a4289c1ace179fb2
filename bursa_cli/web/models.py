"""The requests and answers of `bursa layani`, shared by the JSON API, the pages and the terminal desks.

Every answer carries a `status` and an Indonesian `pesan`; a refusal also
carries the HTTP status the route sends (see `STATUS_HTTP`).
"""

from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import Field

from ..schema.models import Model
from ..schema.types import IdEntri

Status = Literal["tercatat", "sudah_tercatat", "sudah_hadir", "perlu_konfirmasi", "ditolak"]

STATUS_HTTP: dict[str, int] = {
    "tercatat": 200, "sudah_tercatat": 200, "sudah_hadir": 200,
    "perlu_konfirmasi": 409,  # the same stamp/card exists: the desk asks, then resends with ulang
    "ditolak": 422,
}


class Masuk(Model):
    """What every entry a desk sends has: its own id, so a resend is never written twice."""

    id_entri: IdEntri


class RegistrasiMasuk(Masuk):
    peserta: str = Field(min_length=1, max_length=80)


class PesertaBaruMasuk(Masuk):
    nama: str = Field(min_length=1, max_length=200)
    peran: str = Field(min_length=1, max_length=40)
    desa: Optional[str] = Field(None, max_length=40)
    instansi: Optional[str] = Field(None, max_length=200)
    telepon: Optional[str] = Field(None, max_length=40)
    kartu: Optional[str] = Field(None, max_length=40, description="Nomor Kartu ID cadangan, TAMU-001 dst.")


class StempelMasuk(Masuk):
    peserta: str = Field(min_length=1, max_length=80)
    inovasi: Optional[str] = Field(None, max_length=40)
    meja: Optional[str] = Field(None, max_length=40, description="Harus meja perangkat itu sendiri bila diisi")
    konsultan: Optional[str] = Field(None, max_length=40)
    ulang: bool = False


class NilaiMasuk(Masuk):
    peserta: str = Field(min_length=1, max_length=80)
    inovasi: str = Field(min_length=1, max_length=40)
    nilai: int
    catatan: Optional[str] = Field(None, max_length=1000)
    ulang: bool = False


class IdeMasuk(Masuk):
    judul: str = Field(min_length=1, max_length=300)
    uraian: Optional[str] = Field(None, max_length=3000)
    bidang: Optional[str] = Field(None, max_length=40)
    peserta: Optional[str] = Field(None, max_length=80)
    desa: Optional[str] = Field(None, max_length=40)


class KomitmenMasuk(Masuk):
    desa: str = Field(min_length=1, max_length=80)
    inovasi: list[str] = Field(min_length=1, max_length=20)
    tahun_apbdes: Optional[int] = None
    ttd_kepala_desa: bool
    ttd_ketua_bpd: bool
    alasan: dict[str, str] = Field(default_factory=dict)
    ulang: bool = False


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
