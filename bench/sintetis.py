"""Synthetic event folders at the sizes the toolkit must handle, for benchmarks.

    python bench/sintetis.py OUT_DIR [--ukuran terbesar|median|klaster|provinsi] [--kode PP.KK]
                             [--tindak-lanjut] [--wilayah FILE.csv] [--periksa]

`make_event(out_dir, size)` writes a complete event folder in the same format
as `contoh-kabupaten/`: real region codes from the Kemendagri list, every
participant, innovation, desk and log entry linked as `bursa validasi` wants
(a desk stamps only its own innovations, a village commits only to what its
own participants had stamped, ...). The output depends only on the size and
the seed, so two runs give byte-identical folders.

Sizes (from the domain brief):

| ukuran   | desa | peserta | menu    | stempel | komitmen |
|----------|------|---------|---------|---------|----------|
| terbesar |  852 |   1 704 |     150 |  10 000 |      852 |  Aceh Utara (11.08)
| median   |  152 |     304 |     100 |   2 000 |      150 |  Trenggalek (35.03)
| klaster  |   75 |     150 |      45 |   1 000 |       75 |  kecamatan of Temanggung (33.23)

`provinsi` is one kabupaten of a synthetic province (`--kode` picks which):
`bench/tindak_lanjut.py` builds 35 of them, about 8,500 villages. With
`--tindak-lanjut` the folder also gets a follow-up of the commitments
(`log/tindak-lanjut/`), a few months of RKP Desa, APBDes, pelaksanaan, selesai
and batal steps, drawn from its own seed so the day's logs stay the same.

"menu" counts the innovations kept at the sorting meeting; about one in twelve
more is listed as dropped (dicoret). The klaster brief asks for 80 commitments, but a village hands in one Kartu
Komitmen, so with 75 villages it is capped at 75 (a second card per village is
a warning in `bursa validasi`).
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

from bursa_cli.certify.codes import KEY_FILE, key_text  # noqa: E402
from bursa_cli.schema.logfile import format_entry  # noqa: E402
from bursa_cli.schema.models import TAHAPAN_JUDUL, TAHAPAN_KODE  # noqa: E402

WILAYAH_CSV = Path(__file__).resolve().parents[2] / "shared/data/wilayah/wilayah.csv"
LOGO = "aset/logo.png"
MARKER = ".sintetis"  # marks a folder this script made, so it may replace it
SEED = 20261112
TANGGAL = date(2026, 11, 12)
TZ = timezone(timedelta(hours=7))
BIDANG = ("kewirausahaan", "psdm", "infrastruktur")


@dataclass(frozen=True)
class Ukuran:
    kode: str  # kabupaten
    desa: int
    inovasi: int
    stempel: int
    komitmen: int
    ide: int
    klaster: bool = False  # pick whole kecamatan adding up to `desa`


SIZES: dict[str, Ukuran] = {
    "terbesar": Ukuran("11.08", desa=852, inovasi=150, stempel=10_000, komitmen=852, ide=140),
    "median": Ukuran("35.03", desa=152, inovasi=100, stempel=2_000, komitmen=150, ide=40),
    "klaster": Ukuran("33.23", desa=75, inovasi=45, stempel=1_000, komitmen=80, ide=25, klaster=True),
    "provinsi": Ukuran("33.01", desa=243, inovasi=100, stempel=3_000, komitmen=230, ide=40),
}
PROVINSI = SIZES["provinsi"]


def make_event(out_dir: Path, size: str = "terbesar", wilayah_csv: Path | None = None,
               kode: str | None = None, tindak_lanjut: bool = False) -> Path:
    """Write a synthetic event folder of `size` at `out_dir` and return its path.

    `kode` takes the villages of another kabupaten; `tindak_lanjut` adds a follow-up.

    The folder is built beside `out_dir` and moved into place at the end, so a
    failure leaves nothing half-written. An existing folder is replaced only
    when this script made it.
    """
    if size not in SIZES:
        raise ValueError(f"ukuran tidak dikenal: {size!r}; pilih {', '.join(SIZES)}")
    out_dir = Path(out_dir).resolve()
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / MARKER).exists():
        raise FileExistsError(f"{out_dir} sudah berisi berkas lain; pilih folder kosong.")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        ukuran = replace(SIZES[size], kode=kode) if kode else SIZES[size]
        seed = f"{SEED}-{size}" + (f"-{kode}" if kode else "")
        builder = _Builder(ukuran, _Wilayah(wilayah_csv or WILAYAH_CSV), random.Random(seed))
        builder.follow = random.Random(f"{seed}-tindak-lanjut") if tindak_lanjut else None
        builder.write(work)
        (work / MARKER).write_text(f"dibuat oleh bench/sintetis.py, ukuran {size}\n", encoding="utf-8")
        if out_dir.exists():
            old = out_dir.with_name(f".{out_dir.name}-lama")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(out_dir, old)
            os.replace(work, out_dir)
            shutil.rmtree(old)
        else:
            os.replace(work, out_dir)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return out_dir


# --------------------------------------------------------------------------- region list


class _Wilayah:
    """The Kemendagri list: code -> name, with the villages of each kecamatan."""

    def __init__(self, path: Path) -> None:
        self.nama: dict[str, str] = {}
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                if len(row) >= 2 and row[0] and row[0][0].isdigit():
                    self.nama[row[0].strip()] = row[1].strip()
        self.desa_codes = sorted(k for k in self.nama if len(k) == 13)

    def desa_of(self, kecamatan: str) -> list[str]:
        """Villages of a kecamatan, kelurahan left out (their NNNN starts with 1)."""
        prefix = kecamatan + "."
        return [k for k in self.desa_codes if k.startswith(prefix) and k[9] != "1"]

    def kecamatan_of(self, kabupaten: str) -> list[str]:
        return sorted(k for k in self.nama if len(k) == 8 and k.startswith(kabupaten + "."))

    def pick(self, ukuran: Ukuran) -> list[str]:
        """The villages of the event: the whole kabupaten, or kecamatan adding up exactly."""
        groups = [(kc, self.desa_of(kc)) for kc in self.kecamatan_of(ukuran.kode)]
        groups = [(kc, ds) for kc, ds in groups if ds]
        if not ukuran.klaster:
            found = [d for _, ds in groups for d in ds]
            if len(found) < ukuran.desa:
                raise ValueError(f"{ukuran.kode} hanya punya {len(found)} desa, perlu {ukuran.desa}")
            return found[: ukuran.desa]
        # kecamatan, earliest codes first, whose villages add up to the target exactly
        reach: dict[int, list[int]] = {0: []}
        for index, (_, ds) in enumerate(groups):
            for total, chosen in list(reach.items()):
                new = total + len(ds)
                if new <= ukuran.desa and new not in reach:
                    reach[new] = chosen + [index]
        best = max(reach)
        chosen = reach[best]
        found = [d for i in chosen for d in groups[i][1]]
        if best < ukuran.desa:  # no exact sum: top up from the next kecamatan
            rest = [d for i, (_, ds) in enumerate(groups) if i not in chosen for d in ds]
            found += rest[: ukuran.desa - best]
        return sorted(found)

    def asal(self, code: str) -> str:
        """'Desa X, Kec. Y, Kab. Z' for an innovation's village of origin."""
        kecamatan, kabupaten = code[:8], code[:5]
        kab = self.nama.get(kabupaten, "").replace("Kabupaten ", "Kab. ")
        return f"Desa {self.nama[code]}, Kec. {self.nama.get(kecamatan, '')}, {kab}"


# --------------------------------------------------------------------------- names and texts

_DEPAN_L = ("Muhammad Ahmad Abdul Teuku Zulkifli Bambang Slamet Agus Budi Joko Hendra Rudi Hasan Yusuf Ismail "
            "Ridwan Syahrul Darmawan Iskandar Saiful Fauzi Nasrullah Khairul Mulyadi Samsul Zainal Suparno "
            "Sutrisno Wahyu Eko Heru Dedi Asep Made Nyoman Ketut Andi Rahmat Taufik Safrizal Junaidi").split()
_DEPAN_P = ("Siti Nur Sri Dewi Rahmawati Cut Fitri Yuliani Nurhayati Rina Endang Ani Lestari Wahyuni Marlina "
            "Ratna Mariani Rosmawati Halimah Aminah").split()
_BELAKANG = ("Hasan Ibrahim Saputra Hidayat Nugroho Santoso Wibowo Setiawan Siregar Harahap Nasution Syahputra "
             "Kurniawan Prasetyo Gunawan Rahman Hamzah Basri Usman Yahya Effendi Sulaiman Abdullah Ramadhan "
             "Pratama Hakim Mahmud Daud Husein Maulana").split()
_GELAR = ("", "", "", "", ", S.Pd.", ", S.E.", ", S.H.", ", S.IP.", ", S.Sos.", ", A.Md.")

_INOVASI = {
    "kewirausahaan": (
        "BUMDes Wisata Alam", "Kafe Sawah", "E-Warung Produk UMKM", "Hidroponik Kelompok Pemuda",
        "Rumah Sangrai Kopi", "Bank Sampah Bernilai Ekonomi", "Lumbung Pangan BUMDes", "Homestay Pokdarwis",
        "Budidaya Lele Bioflok", "Pengolahan Keripik Singkong", "Pasar Desa Daring", "Kerajinan Anyaman Pandan",
        "Ternak Kambing Gaduhan", "Toko Tani BUMDes", "Pengolahan Gula Aren", "Madu Kelulut",
    ),
    "psdm": (
        "Posyandu Remaja", "PAUD Holistik Integratif", "Rumah Desa Sehat", "Kelas Ibu Hamil",
        "Dapur Gizi Cegah Stunting", "Beasiswa Desa", "Pusat Belajar Komputer Desa", "Posbindu Lansia",
        "Taman Baca Masyarakat", "Sekolah Lapang Petani", "Bina Keluarga Balita", "Pelatihan Menjahit Perempuan",
    ),
    "infrastruktur": (
        "Embung Desa", "Jalan Rabat Beton Padat Karya", "Penerangan Jalan Tenaga Surya", "Pompa Hidram Air Bersih",
        "IPAL Komunal", "Talud Batu Kali", "Jalan Usaha Tani", "Sumur Bor Tenaga Surya",
        "Drainase Lingkungan", "Jamban Sehat Komunal",
    ),
}
_OPD = (
    ("DPMD", "Dinas Pemberdayaan Masyarakat dan Desa", BIDANG),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", BIDANG),
    ("DINKES", "Dinas Kesehatan", ("psdm",)),
    ("DISDIKBUD", "Dinas Pendidikan dan Kebudayaan", ("psdm",)),
    ("DINSOS", "Dinas Sosial", ("psdm",)),
    ("DISTANPANGAN", "Dinas Pertanian dan Pangan", ("kewirausahaan",)),
    ("DISKOPUKM", "Dinas Koperasi dan Usaha Kecil Menengah", ("kewirausahaan",)),
    ("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", ("infrastruktur",)),
    ("DLH", "Dinas Lingkungan Hidup", ("infrastruktur", "kewirausahaan")),
)
_P2KTD = (
    ("Pusat Studi Pembangunan Desa, Universitas Negeri Setempat", "Perguruan tinggi", ("kewirausahaan", "psdm")),
    ("Asosiasi BUMDes Provinsi", "Asosiasi", ("kewirausahaan",)),
    ("CV Rekayasa Desa Mandiri", "Badan usaha (konsultan teknik)", ("infrastruktur",)),
    ("Ikatan Bidan Indonesia Cabang Kabupaten", "Organisasi profesi", ("psdm",)),
    ("Lembaga Teknologi Tepat Guna Perdesaan", "Lembaga swadaya masyarakat", ("kewirausahaan", "infrastruktur")),
    ("Fakultas Teknik, Politeknik Negeri Setempat", "Perguruan tinggi", ("infrastruktur",)),
)


def _dump(header: str, data: Any) -> str:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return "".join(f"# {line}\n" for line in header.splitlines()) + "\n" + body


class _Builder:
    """Builds every file of one synthetic event; `write` puts them on disk."""

    def __init__(self, ukuran: Ukuran, wilayah: _Wilayah, rng: random.Random) -> None:
        self.u, self.w, self.rng = ukuran, wilayah, rng
        self.files: dict[str, str] = {}
        self.logs: dict[str, tuple[str, list[dict]]] = {}
        self.follow: random.Random | None = None  # draws the follow-up, apart from the day's draws

    def at(self, hour: int, minute: int) -> datetime:
        return datetime(TANGGAL.year, TANGGAL.month, TANGGAL.day, hour, minute, tzinfo=TZ)

    def name(self, female: bool = False) -> str:
        rng = self.rng
        first = rng.choice(_DEPAN_P if female else _DEPAN_L)
        return f"{first} {rng.choice(_BELAKANG)}{rng.choice(_GELAR)}"

    def phone(self) -> str:
        return "08" + "".join(self.rng.choice("0123456789") for _ in range(10))

    # ---- the static files

    def build(self) -> None:
        rng, u, w = self.rng, self.u, self.w
        self.desa = w.pick(u)
        self.kecamatan = sorted({d[:8] for d in self.desa})
        kabupaten = w.nama[u.kode]
        short = kabupaten.replace("Kabupaten ", "")

        # the menu (kept innovations) in the shares of one district's real menu (55 / 31 / 20)
        counts = [round(u.inovasi * 55 / 106), round(u.inovasi * 31 / 106)]
        counts.append(u.inovasi - sum(counts))
        others = [d for d in w.desa_codes if not d.startswith(u.kode + ".") and d[9] != "1"]
        self.inovasi: list[dict] = []
        self.desks: dict[str, list[str]] = {}  # room -> desk codes
        for room, bidang, count in zip("ABC", BIDANG, counts):
            opd = [o[0] for o in _OPD if bidang in o[2]]
            p2ktd = [f"P2KTD-{i:02d}" for i, p in enumerate(_P2KTD, 1) if bidang in p[2]]
            items = []
            dropped = max(1, count // 12)  # dropped at the sorting meeting, on top of the menu
            for n in range(count + dropped):
                base = _INOVASI[bidang][n % len(_INOVASI[bidang])]
                origin = rng.choice(others)
                reviewer = rng.choice(opd)
                items.append({
                    "id": f"INO-{len(self.inovasi) + len(items) + 1:03d}",
                    "judul": f"{base} Desa {w.nama[origin]}",
                    "bidang": bidang,
                    "desa_asal": w.asal(origin),
                    "opd_pengkaji": reviewer,
                    "ringkasan": f"{base} seperti dijalankan di Desa {w.nama[origin]}: dikelola warga dan "
                                 "pemerintah desa, dibiayai APBDes dan swadaya.",
                    "manfaat": ["Pelayanan dasar dan ekonomi warga meningkat",
                                "Dapat direplikasi dengan biaya APBDes"][: rng.randint(1, 2)],
                    "biaya": rng.randrange(20, 400) * 1_000_000,
                    "p2ktd": sorted(rng.sample(p2ktd, min(len(p2ktd), rng.randint(1, 2)))),
                    "dokumen_pembelajaran": (f"https://dpmd.example.go.id/pid/{len(self.inovasi) + len(items) + 1:03d}.pdf"
                                             if rng.random() < 0.6 else None),
                    "sortir": {"keputusan": "dipertahankan", "opd": reviewer,
                               "catatan": "Sesuai kebutuhan desa peserta."},
                })
            for item in rng.sample(items, dropped):
                item["sortir"] = {"keputusan": "dicoret", "opd": item["opd_pengkaji"],
                                  "catatan": "Biaya melebihi kemampuan APBDes."}
            kept = [i for i in items if i["sortir"]["keputusan"] == "dipertahankan"]
            desks = [f"{room}-{k:02d}" for k in range(1, math.ceil(len(kept) / 2.5) + 1)]
            self.desks[room] = desks
            for k, item in enumerate(kept):  # round robin: 2 or 3 innovations per desk
                item["ruang"], item["meja"] = room, desks[k % len(desks)]
            for item in items:
                if item["dokumen_pembelajaran"] is None:
                    del item["dokumen_pembelajaran"]
            self.inovasi += items
        self.kept = [i for i in self.inovasi if i["sortir"]["keputusan"] == "dipertahankan"]

        # people: Kepala Desa and Ketua BPD of every village
        self.peserta: list[dict] = []
        for kode in self.desa:
            for peran in ("kepala-desa", "ketua-bpd"):
                self.peserta.append({
                    "id": f"P-{len(self.peserta) + 1:04d}", "nama": self.name(rng.random() < 0.1), "peran": peran,
                    "desa": kode, "telepon": self.phone(), "konfirmasi": "ya",
                })
        for person in rng.sample(self.peserta[1::2], len(self.peserta) // 40):  # a few Ketua BPD decline
            person["konfirmasi"] = "tidak"
        confirmed = sum(p["konfirmasi"] == "ya" for p in self.peserta)

        # committee: a TIK consultant at every desk
        self.panitia: list[dict] = []
        ranks = (("Pembina", "IV/a"), ("Penata Tingkat I", "III/d"), ("Penata", "III/c"),
                 ("Penata Muda Tingkat I", "III/b"))

        def member(tim: str, kedudukan: str, **place: Any) -> None:
            female = rng.random() < 0.4
            year = rng.randint(1970, 1992)
            pangkat, golongan = rng.choice(ranks)
            nip = (f"{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{year + rng.randint(23, 30)}"
                   f"{rng.randint(1, 12):02d}{2 if female else 1}{rng.randint(1, 20):03d}")
            prefix = "TIK" if tim == "TIK" else "PAN"
            count = sum(m["tim"] == tim for m in self.panitia) + 1
            self.panitia.append({
                "id": f"{prefix}-{count:02d}", "nama": self.name(female), "nip": nip, "pangkat": pangkat,
                "golongan": golongan, "jabatan": "Analis Kebijakan" if tim == "TIK" else "Pengelola Program",
                "opd": place.pop("opd", "DPMD"), "tim": tim, "kedudukan": kedudukan, **place,
            })

        member("TIK", "Ketua", jendela=1, ruang="J1")
        member("TIK", "Sekretaris", jendela=2)
        for room, bidang in zip("ABC", BIDANG):
            opd = [o[0] for o in _OPD if bidang in o[2]]
            for desk in self.desks[room]:
                member("TIK", "Anggota", opd=rng.choice(opd), jendela=2, ruang=room, meja=desk)
        self.tik_at = {m["meja"]: [m["id"]] for m in self.panitia if m.get("meja")}
        for kedudukan, place in (("Ketua", {"jendela": 1, "ruang": "J1"}), ("Sekretaris", {}), ("Bendahara", {}),
                                 ("Koordinator Jendela 1", {"jendela": 1, "ruang": "J1"}),
                                 ("Koordinator Jendela 2", {"jendela": 2}),
                                 ("Koordinator Jendela 3", {"jendela": 3, "ruang": "J3"})):
            member("Panitia", kedudukan, **place)
        self.reg_devices = max(2, math.ceil(len(self.peserta) / 250))
        for _ in range(self.reg_devices):
            member("Panitia", "Seksi Registrasi", ruang="REG")
        self.j3_devices = max(2, math.ceil(min(u.komitmen, len(self.desa)) / 150))
        for _ in range(self.j3_devices):
            member("Panitia", "Petugas Jendela 3", jendela=3, ruang="J3")

        rooms = [
            {"kode": "REG", "nama": "Meja Registrasi", "jenis": "registrasi", "kapasitas": 50},
            {"kode": "J1", "nama": "Ruang Pleno", "jenis": "pleno", "kapasitas": confirmed + 100},
        ]
        for room, bidang in zip("ABC", BIDANG):
            rooms.append({"kode": room, "nama": f"Bursa {room}", "jenis": "bursa",
                          "kapasitas": math.ceil(confirmed / 2.5) + 20, "bidang": [bidang],
                          "meja": self.desks[room]})
        rooms.append({"kode": "J3", "nama": "Jendela 3", "jenis": "jendela3", "kapasitas": 200})
        n_desks = sum(len(d) for d in self.desks.values())
        attending = sum(p["konfirmasi"] != "tidak" for p in self.peserta)
        acara = {
            "nama": f"Bursa Inovasi Desa {kabupaten} Tahun 2026 (data sintetis)",
            "tanggal": TANGGAL, "jam_mulai": "08.00", "zona_waktu": "WIB", "tahun_apbdes": 2027,
            "wilayah": {"kode": u.kode, "nama": kabupaten, "ibu_kota": short,
                        "cakupan": "klaster" if u.klaster else "kabupaten",
                        "kecamatan": [{"kode": k, "nama": w.nama[k]} for k in self.kecamatan]},
            "penyelenggara": {
                "pemerintah": f"PEMERINTAH {kabupaten.upper()}",
                "nama": "DINAS PEMBERDAYAAN MASYARAKAT DAN DESA", "singkatan": "DPMD",
                "alamat": f"Jalan Merdeka Nomor 1, {short}", "telepon": "(0000) 123456",
                "email": "dpmd@example.go.id", "bidang_pelaksana": "Bidang Pemberdayaan Masyarakat Desa",
                "logo": LOGO,  # contoh-kabupaten's emblem: a kop without one is refused (BUR-C080)
                "kepala": {"nama": "Drs. Ahmad Fauzan, M.Si.",
                           "jabatan": f"KEPALA DINAS PEMBERDAYAAN MASYARAKAT DAN DESA {kabupaten.upper()}",
                           "pangkat": "Pembina Utama Muda", "golongan": "IV/c", "nip": "196905101995031004"},
            },
            "penomoran": {"unit": "DPMD"},
            # the verification page's address, as an event that publishes it (without it: BUR-C081)
            "dokumen": {"alamat_verifikasi": "https://dpmd.example.go.id/verifikasi/"},
            "tempat": {"nama": "Gedung Serbaguna", "alamat": f"Jalan Merdeka Nomor 5, {short}", "ruang": rooms},
            "susunan_acara": [
                {"mulai": "07.00", "selesai": "08.00", "acara": "Registrasi peserta", "ruang": "REG"},
                {"mulai": "08.00", "selesai": "09.40", "acara": "Pembukaan dan penjelasan PID dan BID", "ruang": "J1"},
                {"mulai": "09.40", "selesai": "12.30", "acara": "Jendela 2: konsultasi di Bursa A, B dan C"},
                {"mulai": "11.00", "selesai": "14.30", "acara": "Jendela 3: Kartu Komitmen dan Kartu Ide",
                 "ruang": "J3"},
            ],
            "bursa_kit": ["Kartu ID", "Kartu Komitmen", "Kartu Ide", "Katalog inovasi"],
            "materi": {"kartu_komitmen": len(self.desa) + 20, "kartu_id": attending + 50,
                       "kartu_ide": attending + 50, "stempel": n_desks + 4, "poster": len(self.kept) + 5,
                       "spanduk": 6, "katalog": attending + 50},
        }
        days = [date(2026, 9, 7) + timedelta(days=7 * i) for i in range(9)] + [TANGGAL - timedelta(days=1)]
        meetings = {"rapat-pembukaan": ["opd"], "pembekalan": ["tik", "panitia"], "sortir": ["tik", "opd"],
                    "rapat-bursa": ["tik", "panitia"], "gladi-bersih": ["tik", "panitia"]}
        tahapan = []
        for kode, day in zip(TAHAPAN_KODE, days):
            stage: dict[str, Any] = {"kode": kode, "status": "selesai", "tanggal": day}
            if kode in meetings:
                stage["rapat"] = {"tanggal": day, "mulai": "09.00", "selesai": "12.00",
                                  "tempat": "Ruang Rapat DPMD", "acara": TAHAPAN_JUDUL[kode],
                                  "penerima": meetings[kode]}
            tahapan.append(stage)

        self.files = {
            "acara.yaml": _dump("Data pokok acara sintetis (bench/sintetis.py): jangan disunting.", acara),
            "tahapan.yaml": _dump("Sepuluh tahapan persiapan.", tahapan),
            "opd.yaml": _dump("OPD pengkaji inovasi.", [
                {"id": i, "nama": n, "kepala": f"Kepala {n}", "bidang": list(b)} for i, n, b in _OPD]),
            "panitia.yaml": _dump("TIK dan Panitia.", self.panitia),
            "p2ktd.yaml": _dump("Penyedia P2KTD.", [
                {"id": f"P2KTD-{i:02d}", "nama": n, "jenis": j, "bidang": list(b)}
                for i, (n, j, b) in enumerate(_P2KTD, 1)]),
            "inovasi.yaml": _dump("Menu inovasi.", self.inovasi),
            "desa.yaml": _dump("Desa yang diundang.", [{"kode": d, "nama": w.nama[d]} for d in self.desa]),
            "peserta.yaml": _dump("Peserta: Kepala Desa dan Ketua BPD setiap desa.", self.peserta),
        }
        self.build_logs()

    # ---- the day's logs

    def build_logs(self) -> None:
        rng, u = self.rng, self.u
        present = [p for p in self.peserta if p["konfirmasi"] == "ya"]
        arrivals = sorted((self.at(7, 0) + timedelta(seconds=rng.randint(0, 5400)), p["id"]) for p in present)
        walk_ins = []
        for n, kode in enumerate(rng.sample(self.desa, 2), 1):
            walk_ins.append((self.at(7, 30) + timedelta(seconds=rng.randint(0, 3600)), f"W-{n:04d}",
                             {"nama": self.name(), "peran": "perangkat-desa", "desa": kode, "telepon": self.phone()}))
        checkins = sorted(arrivals + [(t, pid) for t, pid, _ in walk_ins])
        new_by_id = {pid: data for _, pid, data in walk_ins}
        reg: dict[str, list[dict]] = {f"REG-{i}": [] for i in range(1, self.reg_devices + 1)}
        staff = [m["id"] for m in self.panitia if m["kedudukan"] == "Seksi Registrasi"]
        for index, (when, pid) in enumerate(checkins):
            device = index % self.reg_devices
            entry = {"waktu": _ts(when), "petugas": staff[device], "peserta": pid}
            if pid in new_by_id:
                entry["tanpa_undangan"] = new_by_id[pid]
            reg[f"REG-{device + 1}"].append(entry)
        for device, entries in reg.items():
            self.logs[f"registrasi/{device}.yaml"] = (f"Log registrasi peserta, laptop {device}", entries)

        # stamps: share the total among the participants who came, each at distinct innovations
        desa_of = {p["id"]: p["desa"] for p in present}
        people = [p["id"] for p in present]
        share = [u.stempel // len(people)] * len(people)
        for i in rng.sample(range(len(people)), u.stempel - sum(share)):
            share[i] += 1
        by_bidang = {b: [i for i in self.kept if i["bidang"] == b] for b in BIDANG}
        stamps: list[tuple[datetime, str, dict]] = []
        window = (self.at(12, 30) - self.at(9, 40)).total_seconds()
        for pid, count in zip(people, share):
            lean = random.Random(desa_of[pid]).choice(BIDANG)  # a village leans to one bidang
            pool = by_bidang[lean] * 2 + self.kept
            chosen: list[dict] = []
            while len(chosen) < min(count, len(self.kept)):
                item = rng.choice(pool)
                if item not in chosen:
                    chosen.append(item)
            step = window / (len(chosen) + 1)
            for k, item in enumerate(chosen, 1):
                when = self.at(9, 40) + timedelta(seconds=int(step * k + rng.uniform(-step / 3, step / 3)))
                stamps.append((when, pid, item))
        stamps.sort(key=lambda s: (s[0], s[1]))
        desk_logs: dict[str, list[dict]] = {d: [] for ds in self.desks.values() for d in ds}
        penilaian: dict[str, list[dict]] = {room: [] for room in self.desks}
        stamped: dict[str, set[str]] = {}
        last_stamp: dict[str, datetime] = {}
        for when, pid, item in stamps:
            desk_logs[item["meja"]].append({"waktu": _ts(when), "peserta": pid, "inovasi": item["id"],
                                            "meja": item["meja"], "konsultan": rng.choice(self.tik_at[item["meja"]])})
            stamped.setdefault(desa_of[pid], set()).add(item["id"])
            last_stamp[desa_of[pid]] = max(when, last_stamp.get(desa_of[pid], when))
            if rng.random() < 0.5:
                penilaian[item["ruang"]].append({
                    "waktu": _ts(when + timedelta(seconds=rng.randint(30, 240))), "peserta": pid,
                    "inovasi": item["id"], "nilai": rng.choices((5, 4, 3, 2, 1), (35, 40, 17, 6, 2))[0]})
        for desk, entries in desk_logs.items():
            self.logs[f"stempel/{desk}.yaml"] = (f"Log stempel meja konsultasi {desk}", entries)
        for room, entries in penilaian.items():
            entries.sort(key=lambda e: e["waktu"])
            self.logs[f"penilaian/{room}.yaml"] = (f"Log penilaian inovasi di Bursa {room}", entries)

        # commitments: one card per village, only for innovations its own people had stamped
        villages = sorted(stamped)
        committing = sorted(rng.sample(villages, min(u.komitmen, len(villages))))
        cards = []
        for kode in committing:
            options = sorted(stamped[kode])
            chosen = sorted(rng.sample(options, min(len(options), rng.choices((1, 2, 3, 4), (10, 20, 45, 25))[0])))
            when = max(last_stamp[kode], self.at(11, 0)) + timedelta(seconds=rng.randint(60, 3600))
            cards.append((when, kode, chosen))
        cards.sort()
        j3 = [m["id"] for m in self.panitia if m["kedudukan"] == "Petugas Jendela 3"]
        komitmen: dict[str, list[dict]] = {f"J3-{i}": [] for i in range(1, self.j3_devices + 1)}
        for index, (when, kode, chosen) in enumerate(cards):
            device = index % self.j3_devices
            komitmen[f"J3-{device + 1}"].append({
                "waktu": _ts(when), "petugas": j3[device], "desa": kode, "inovasi": chosen,
                "tahun_apbdes": 2027, "ttd_kepala_desa": True, "ttd_ketua_bpd": True})
        for device, entries in komitmen.items():
            self.logs[f"komitmen/{device}.yaml"] = (f"Log Kartu Komitmen di Jendela 3, meja {device}", entries)

        ideas = []
        for n in range(u.ide):
            pid = rng.choice(people)
            bidang = rng.choice(BIDANG)
            ideas.append({"waktu": _ts(self.at(11, 0) + timedelta(seconds=rng.randint(0, 12600))),
                          "petugas": j3[0], "judul": f"Usulan inovasi {bidang} nomor {n + 1}",
                          "uraian": "Inovasi yang sudah dipraktikkan warga tetapi belum didokumentasikan.",
                          "bidang": bidang, "peserta": pid, "desa": desa_of[pid]})
        ideas.sort(key=lambda e: e["waktu"])
        self.logs["ide/J3.yaml"] = ("Log Kartu Ide yang diserahkan di Jendela 3", ideas)
        if self.follow is not None:
            self.followup(cards)

    def followup(self, cards: list[tuple[datetime, str, list[str]]]) -> None:
        """A few months after the fair: each commitment's steps, as a Dinas officer and a TA record them."""
        rng = self.follow
        by_id = {item["id"]: item for item in self.inovasi}
        reasons = ("Dana Desa dialihkan untuk penanganan bencana", "Lahan belum tersedia",
                   "Musdes memilih inovasi lain yang lebih mendesak")
        devices: dict[str, list[dict]] = {"DPMD-1": [], "TA-1": []}

        def step(kode: str, ino: str, tahap: str, day: date, **extra) -> None:
            when = datetime.combine(day + timedelta(days=rng.randint(1, 9)), datetime.min.time(), TZ)
            when += timedelta(seconds=rng.randint(8 * 3600, 16 * 3600))
            device = "TA-1" if int(kode[6:8]) % 2 else "DPMD-1"
            devices[device].append({"waktu": _ts(when), "petugas": "TA-01" if device == "TA-1" else "PAN-01",
                                    "desa": kode, "inovasi": ino, "tahap": tahap, "tanggal": day.isoformat(), **extra})

        for _, kode, chosen in cards:
            for ino in chosen:
                item, r = by_id[ino], rng.random()
                if r < 0.12:
                    continue  # no news yet
                musdes = TANGGAL + timedelta(days=rng.randint(8, 40))
                if r < 0.2:
                    step(kode, ino, "batal", musdes, alasan=rng.choice(reasons))
                    continue
                step(kode, ino, "rkp-desa", musdes)
                if r < 0.35:
                    continue
                perdes = musdes + timedelta(days=rng.randint(10, 60))
                nilai = round(item["biaya"] * rng.choice((0.8, 0.9, 1.0, 1.1)) / 1_000_000) * 1_000_000
                step(kode, ino, "apbdes", perdes, nilai=nilai,
                     sumber=rng.choices(("dana-desa", "add", "pades", "lainnya"), (6, 2, 1, 1))[0],
                     perdes=f"{rng.randint(1, 9)} Tahun {perdes.year}")
                if r < 0.6:
                    continue
                started = perdes + timedelta(days=rng.randint(30, 90))
                step(kode, ino, "pelaksanaan", started, p2ktd=item["p2ktd"][:1])
                if r > 0.9:
                    step(kode, ino, "selesai", started + timedelta(days=rng.randint(30, 90)), p2ktd=item["p2ktd"][:1])
        for device, entries in devices.items():
            entries.sort(key=lambda e: e["waktu"])
            self.logs[f"tindak-lanjut/{device}.yaml"] = (f"Log tindak lanjut komitmen ({device})", entries)

    def write(self, root: Path) -> None:
        self.build()
        # The certificate key, as `bursa init` makes it; from the seeded generator, so the same
        # size always gives the same files (a synthetic event has nothing to keep secret).
        self.files[KEY_FILE] = key_text(self.rng.randbytes(32))
        for name, text in self.files.items():
            (root / name).write_text(text, encoding="utf-8")
        (root / LOGO).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / "contoh-kabupaten" / LOGO, root / LOGO)
        for name, (header, entries) in self.logs.items():
            path = root / "log" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(f"# {header} (satu baris satu entri, hanya ditambah di akhir)\n")
                handle.writelines(format_entry(entry) for entry in entries)


def _ts(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


# --------------------------------------------------------------------------- command line


def _check(folder: Path) -> None:
    """Load the folder (and validate it when the checker is there), timing each."""
    from bursa_cli.schema.event import load_event

    started = time.perf_counter()
    result = load_event(folder)
    loaded = time.perf_counter() - started
    e = result.event
    print(f"load_event: {loaded:.3f} s, {len(result.problems)} masalah; {len(e.desa)} desa, "
          f"{len(e.peserta)} peserta, {len(e.inovasi)} inovasi, {len(e.stempel)} stempel, "
          f"{len(e.penilaian)} penilaian, {len(e.komitmen)} komitmen, {len(e.ide)} ide")
    for problem in result.problems[:20]:
        print("  " + problem.parsable())
    try:
        from bursa_cli.check import validate_event
    except ImportError:
        return
    started = time.perf_counter()
    report = validate_event(folder)
    print(f"validate_event: {time.perf_counter() - started:.3f} s, "
          f"{len(report.errors)} galat, {len(report.warnings)} peringatan")
    for problem in (report.errors + report.warnings)[:20]:
        print("  " + problem.parsable())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Membuat folder acara sintetis untuk uji kinerja (deterministik).")
    parser.add_argument("out_dir", type=Path, help="Folder tujuan (dibuat; folder sintetis lama diganti).")
    parser.add_argument("--ukuran", choices=list(SIZES), default="terbesar",
                        help="terbesar (852 desa), median (152 desa), klaster (75 desa) atau provinsi (243 desa).")
    parser.add_argument("--kode", default=None, help="Kode kabupaten lain, mis. 33.01 (desanya yang dipakai).")
    parser.add_argument("--tindak-lanjut", action="store_true",
                        help="Tambahkan tindak lanjut komitmen beberapa bulan (log/tindak-lanjut/).")
    parser.add_argument("--wilayah", type=Path, default=None,
                        help=f"Daftar kode wilayah (CSV kode,nama); bawaan {WILAYAH_CSV}.")
    parser.add_argument("--periksa", action="store_true",
                        help="Setelah dibuat, muat dan validasi folder itu sambil mengukur waktunya.")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        folder = make_event(args.out_dir, args.ukuran, args.wilayah, kode=args.kode, tindak_lanjut=args.tindak_lanjut)
    except (OSError, ValueError) as error:
        print(f"galat: {error}", file=sys.stderr)
        return 2
    print(f"{folder} dibuat ({args.ukuran}) dalam {time.perf_counter() - started:.2f} s")
    if args.periksa:
        _check(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
