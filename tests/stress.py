"""The stress event: every document at its limits, for the layout check.

Built from the synthetic largest kabupaten (`bench/sintetis.py terbesar`: 852
villages, 62 consultation desks in 3 Bursa rooms) and then pushed further where
the documents break first, in the items printed first (so a `--contoh` preview
lays out the worst cases): the longest real village and kecamatan names of the
region list, long titled names, long OPD names and innovation titles, a Plt.
Bupati signing the SK and an a.n. signer for the Dinas, on F4 or A4 paper. The
first two villages' Kartu Komitmen in force name 5 long innovations (the card's
maximum) and 10 (what a certificate holds in two columns), so their certificates
are the first printed.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import sintetis  # noqa: E402

WILAYAH = sintetis.WILAYAH_CSV
WORST = 10  # villages given the longest names, the first ones printed

TITLED = [
    "Prof. Dr. Ir. H. Muhammad Abdurrahman Wahyudiningrat Kusumanegara, M.Sc., Ph.D.",
    "Dr. Hj. Raden Roro Siti Nurhayati Kusumawardhani Prawirodirdjo, S.E., M.Si., Ak., CA.",
    "Ir. H. Bambang Sulistyo Hadiningrat Mangkunegoro, S.T., M.T., IPU., ASEAN Eng.",
]
LONG_OPD = [
    "Dinas Pemberdayaan Masyarakat, Pemerintahan Desa, Kependudukan dan Pencatatan Sipil, "
    "Pengendalian Penduduk dan Keluarga Berencana",
    "Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian, Perdagangan, Tenaga Kerja dan Transmigrasi",
    "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah serta Pengelolaan Keuangan dan Aset",
]
LONG_TITLES = [
    "Pengelolaan Sampah Rumah Tangga Berbasis Bank Sampah dan Budidaya Maggot Terintegrasi BUMDes",
    "Pemberdayaan Ekonomi Perempuan melalui Kelompok Usaha Bersama Olahan Pangan Lokal Bersertifikat",
    "Sistem Informasi Desa Terpadu untuk Pelayanan Administrasi Kependudukan dan Perizinan Daring",
    "Pembangunan Embung Desa dan Jaringan Irigasi Perpipaan untuk Pertanian Lahan Kering Musim Kemarau",
    "Rumah Desa Sehat dengan Kelas Ibu Hamil, Tabungan Ibu Bersalin dan Pemantauan Gizi Balita Stunting",
]


def longest_names() -> tuple[list[str], list[str]]:
    """The longest real village names and kecamatan names in the Kemendagri list."""
    villages, kecamatan = [], []
    with WILAYAH.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            kode, nama = row["kode"], row["nama"].strip()
            if re.fullmatch(r"\d\d\.\d\d\.\d\d\.\d{4}", kode):
                villages.append(nama)
            elif re.fullmatch(r"\d\d\.\d\d\.\d\d", kode):
                kecamatan.append(nama)
    key = lambda name: (-len(name), name)  # noqa: E731
    return sorted(set(villages), key=key)[:WORST], sorted(set(kecamatan), key=key)[:3]


def make_stress_event(root: Path, kertas: str = "F4") -> Path:
    """Write the stress event at `root` (created) and return it."""
    folder = sintetis.make_event(Path(root), "terbesar", WILAYAH)
    villages, kecamatan = longest_names()

    def edit(name: str, change) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
        data = yaml.safe_load(text)
        change(data)
        path.write_text(header + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                        encoding="utf-8")

    renamed: dict[str, str] = {}

    def desa(data):
        for item, name in zip(data, villages):
            renamed[item["kode"]] = name
            item["nama"] = name

    def acara(data):
        for item, name in zip(data["wilayah"]["kecamatan"], kecamatan):
            item["nama"] = name
        data["dokumen"] = {"kertas_surat": kertas, "penanda_tangan_sk": "bupati"}
        data["bupati"] = {"nama": "H. Muhammad Thaib Abdurrahman Syahputra, S.H., M.H.",
                          "jabatan": "BUPATI ACEH UTARA", "status": "plt"}
        kepala = data["penyelenggara"]["kepala"]
        data["penyelenggara"]["kepala"] = {
            **kepala, "nama": TITLED[0], "status": "an", "jabatan": "Sekretaris",
            "atas_nama": kepala["jabatan"]}

    def peserta(data):
        n = 0
        for item in data:
            if item.get("desa") in renamed and item.get("peran") in ("kepala-desa", "ketua-bpd"):
                item["nama"] = TITLED[n % len(TITLED)]
                n += 1

    def opd(data):
        for item, name in zip(data, LONG_OPD):
            item["nama"] = name
            item["kepala"] = f"Kepala {name}"

    def inovasi(data):
        for n, item in enumerate(data[:2 * len(LONG_TITLES)]):
            item["judul"] = LONG_TITLES[n % len(LONG_TITLES)] + (" Tahap Lanjutan" if n >= len(LONG_TITLES) else "")

    edit("desa.yaml", desa)
    edit("acara.yaml", acara)
    edit("peserta.yaml", peserta)
    edit("opd.yaml", opd)
    edit("inovasi.yaml", inovasi)
    longest_cards(folder)
    return folder


def longest_cards(folder: Path) -> None:
    """A later card in force for the first two villages (by kode): 5 and 10 long innovations, each with
    the reason it was chosen without a stamp, as Jendela 3 records it."""
    log = folder / "log" / "komitmen" / "J3-1.yaml"
    first = json.loads(next(line for line in log.read_text(encoding="utf-8").splitlines()
                            if line.startswith("- "))[2:])
    kode = sorted(d["kode"] for d in yaml.safe_load((folder / "desa.yaml").read_text(encoding="utf-8")))
    ids = [f"INO-{n:03d}" for n in range(1, 2 * len(LONG_TITLES) + 1)]
    lines = []
    for minute, (desa, count) in enumerate(((kode[0], len(LONG_TITLES)), (kode[1], 2 * len(LONG_TITLES)))):
        chosen = ids[:count]
        lines.append("- " + json.dumps({
            "waktu": f"2026-11-12T23:{minute:02d}:00+07:00", "petugas": first["petugas"], "desa": desa,
            "inovasi": chosen, "tahun_apbdes": first["tahun_apbdes"], "ttd_kepala_desa": True,
            "ttd_ketua_bpd": True, "alasan": {i: "Dibahas bersama pendamping desa." for i in chosen}},
            ensure_ascii=False) + "\n")
    with log.open("a", encoding="utf-8") as handle:
        handle.writelines(lines)
