"""A small hand-made follow-up, shared by the tests of `rekap`, `ekspor`/`impor` and the letters."""

from __future__ import annotations

from support import minimal_data

CARD = {"waktu": "2026-11-12T12:00:00+07:00", "tahun_apbdes": 2027, "ttd_kepala_desa": "ya", "ttd_ketua_bpd": "ya"}


def _step(waktu: str, desa: str, inovasi: str, tahap: str, tanggal: str, **extra) -> dict:
    return {"waktu": f"{waktu}T10:00:00+07:00", "petugas": "PAN-01", "desa": desa, "inovasi": inovasi,
            "tahap": tahap, "tanggal": tanggal, **extra}


def followup_files(nama: str = "Bursa Inovasi Desa Kabupaten Temanggung Tahun 2026",
                   kabupaten: str = "Kabupaten Temanggung") -> dict:
    """Three villages, four commitments, and what became of them.

    - Bulu / INO-001: RKP Desa, APBDes Rp15.000.000 (Dana Desa), carried out with P2KTD-01.
    - Bulu / INO-002: APBDes Rp90.000.000 (ADD), corrected to Rp80.000.000 (PADes): budgeted.
    - Tegalurung / INO-001: dropped ("Dana dialihkan untuk bencana").
    - Campursari / INO-002: no news at all.
    Plus a card replaced at Jendela 3: only the card in force counts.
    """
    acara = minimal_data("acara.yaml")
    acara["nama"] = nama
    acara["wilayah"]["nama"] = kabupaten
    desa = minimal_data("desa.yaml") + [{"kode": "33.23.01.2003", "nama": "Campursari"}]
    why = {"INO-001": "Konsultasi di kantor Dinas", "INO-002": "Konsultasi di kantor Dinas"}
    cards = [
        {**CARD, "desa": "33.23.01.2001", "inovasi": ["INO-001", "INO-002"], "alasan": why},
        {**CARD, "desa": "33.23.01.2002", "inovasi": ["INO-002"], "alasan": why},
        {**CARD, "waktu": "2026-11-12T12:30:00+07:00", "desa": "33.23.01.2002", "inovasi": ["INO-001"],
         "alasan": why},
        {**CARD, "desa": "33.23.01.2003", "inovasi": ["INO-002"], "alasan": why},
    ]
    steps = [
        _step("2026-12-01", "33.23.01.2001", "INO-001", "rkp-desa", "2026-11-28"),
        _step("2026-12-20", "33.23.01.2001", "INO-001", "apbdes", "2026-12-18", nilai=15_000_000,
              sumber="dana-desa", perdes="7 Tahun 2026"),
        _step("2027-03-02", "33.23.01.2001", "INO-001", "pelaksanaan", "2027-03-01", p2ktd=["P2KTD-01"]),
        _step("2026-12-21", "33.23.01.2001", "INO-002", "apbdes", "2026-12-20", nilai=90_000_000,
              sumber="add", perdes="7 Tahun 2026"),
        _step("2027-01-06", "33.23.01.2001", "INO-002", "apbdes", "2027-01-05", nilai=80_000_000,
              sumber="pades", perdes="1 Tahun 2027"),
        _step("2026-12-03", "33.23.01.2002", "INO-001", "batal", "2026-12-02", alasan="Dana dialihkan untuk bencana"),
    ]
    return {"acara.yaml": acara, "desa.yaml": desa, "log/komitmen/J3-1.yaml": cards,
            "log/tindak-lanjut/PAN-01.yaml": steps}
