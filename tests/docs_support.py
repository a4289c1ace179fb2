"""Larger event folders for the document tests: many villages, officials, innovations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support import make_event, minimal_data

BIDANG = ("kewirausahaan", "psdm", "infrastruktur")
KECAMATAN = ("Bulu", "Tembarak", "Selopampang", "Kedu", "Kandangan")


def event_changes(desa: int = 12, kecamatan: int = 3, inovasi: int = 9, officials: int = 5,
                  kapasitas: int = 60, extra_people: int = 0, room: dict | None = None) -> dict[str, Any]:
    """A valid event: `desa` villages (Kepala Desa + Ketua BPD each) in `kecamatan` kecamatan."""
    acara = minimal_data("acara.yaml")
    acara["wilayah"]["kecamatan"] = [
        {"kode": f"33.23.{k + 1:02d}", "nama": KECAMATAN[k]} for k in range(kecamatan)]
    rooms = [
        {"kode": "REG", "nama": "Registrasi", "jenis": "registrasi", "kapasitas": 20},
        {"kode": "J1", "nama": "Ruang Pleno", "jenis": "pleno", "kapasitas": kapasitas, **(room or {})},
        {"kode": "A", "nama": "Bursa A", "jenis": "bursa", "kapasitas": 40,
         "bidang": ["kewirausahaan"], "meja": ["A-01", "A-02"]},
        {"kode": "B", "nama": "Bursa B", "jenis": "bursa", "kapasitas": 40,
         "bidang": ["psdm", "infrastruktur"], "meja": ["B-01", "B-02", "B-03"]},
        {"kode": "J3", "nama": "Jendela 3", "jenis": "jendela3", "kapasitas": 20},
    ]
    acara["tempat"]["ruang"] = rooms
    acara["tempat"]["spanduk"] = [
        {"teks": "BURSA INOVASI DESA", "posisi": "Pintu masuk gedung"},
        {"teks": "JENDELA 1", "posisi": "Dinding panggung", "ruang": "J1"},
        {"teks": "JENDELA 2 - BURSA A", "posisi": "Pintu Bursa A", "ruang": "A"},
    ]
    villages = []
    people = []
    for d in range(desa):
        k = d % kecamatan
        kode = f"33.23.{k + 1:02d}.{2001 + d // kecamatan}"
        villages.append({"kode": kode, "nama": f"Desa {d + 1:03d}"})
        people.append({"id": f"P-{2 * d + 1:04d}", "nama": f"Kades {d + 1:03d}", "peran": "kepala-desa",
                       "desa": kode, "konfirmasi": "ya"})
        people.append({"id": f"P-{2 * d + 2:04d}", "nama": f"Ketua BPD {d + 1:03d}", "peran": "ketua-bpd",
                       "desa": kode, "konfirmasi": "ya"})
    roles = ("camat", "opd", "p2ktd", "ta-p3md", "media", "pendamping")
    for o in range(officials):
        role = roles[o % len(roles)]
        person: dict[str, Any] = {"id": f"O-{o + 1:03d}", "nama": f"Pejabat {o + 1:03d}", "peran": role,
                                  "konfirmasi": "ya"}
        if role == "camat":
            person["kecamatan"] = f"33.23.{(o % kecamatan) + 1:02d}"
        else:
            person["instansi"] = f"Instansi {o + 1}"
        people.append(person)
    for e in range(extra_people):
        people.append({"id": f"X-{e + 1:03d}", "nama": f"Perangkat {e + 1:03d}", "peran": "perangkat-desa",
                       "desa": villages[e % len(villages)]["kode"], "konfirmasi": "belum"})
    items = []
    desks = {"kewirausahaan": ["A-01", "A-02"], "psdm": ["B-01", "B-02"], "infrastruktur": ["B-03"]}
    for i in range(inovasi):
        bidang = BIDANG[i % 3]
        items.append({
            "id": f"INO-{i + 1:03d}", "judul": f"Inovasi Nomor {i + 1:03d}", "bidang": bidang,
            "desa_asal": f"Desa Asal {i + 1}, Kab. Contoh", "opd_pengkaji": "DINKES",
            "ringkasan": f"Ringkasan inovasi {i + 1}.", "manfaat": [f"Manfaat {i + 1}"],
            "biaya": 1_000_000 * (i + 1), "p2ktd": ["P2KTD-01"],
            "sortir": {"keputusan": "dipertahankan", "opd": "DINKES"},
            "ruang": "A" if bidang == "kewirausahaan" else "B",
            "meja": desks[bidang][i % len(desks[bidang])],
        })
    return {"acara.yaml": acara, "desa.yaml": villages, "peserta.yaml": people, "inovasi.yaml": items}


def build(root: Path, **kwargs) -> Path:
    return make_event(root, event_changes(**kwargs))
