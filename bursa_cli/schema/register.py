"""The letter-number register (register-nomor.yaml): one line per number `bursa cetak` issued."""

from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from pydantic import Field, StrictInt

from .models import Model


class Nomor(Model):
    """One letter number issued by bursa: a line of register-nomor.yaml (written by `bursa cetak`)."""

    kunci: str = Field(min_length=1, description="Untuk surat apa nomor ini, mis. undangan/rapat-bursa")
    nomor: str = Field(min_length=1, description="Nomor surat seperti tercetak")
    tahun: StrictInt = Field(ge=2000, le=2100, description="Tahun nomor (nomor urut mulai lagi setiap tahun)")
    urut: StrictInt = Field(ge=1, description="Nomor urut dalam tahun itu")
    tanggal: date = Field(description="Tanggal surat, TTTT-BB-HH")
    perihal: Optional[str] = Field(None, description="Perihal surat")
    dicatat: Optional[datetime] = Field(None, description="Waktu nomor diterbitkan")
