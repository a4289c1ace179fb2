"""`bursa cetak susunan-acara` and `bursa cetak daftar-hadir`.

The attendance sheet is what the finance office asks for afterwards (SPJ), so
it follows the usual paper form: No, Nama, Jabatan/Desa and a signature
column where odd rows sign on the left and even rows on the right, the header
repeated on every page, and blank rows for people nobody listed.

The day's sheet is grouped by kecamatan, and each kecamatan begins on a page of
its own: the registration desks share the sheets out by kecamatan without
cutting a page in two. It also lets the pipeline lay out a long sheet in
parallel batches of whole kecamatan (`split="kelompok"`) that join into exactly
the one document; the row numbers run on from group to group, and "Halaman X
dari Y" is stamped after the batches are joined (`numbered`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import indo
from ..seating import role_label
from ..penerima import HARI_H, chosen_meetings, recipients

BLANK_ROWS = 5  # for attendees who were not on any list


@dataclass
class Baris:
    nama: str
    jabatan: str
    kelompok: str = ""  # a group heading row when set (kecamatan)


@dataclass
class Kelompok:
    """The rows under one heading (a kecamatan; no heading for a meeting's list), numbered on from
    `nomor_awal`: the people before it."""

    judul: str
    nomor_awal: int
    baris: list[Baris]


def grouped(rows: list[Baris]) -> list[Kelompok]:
    """The rows cut at their group headings, each group numbered on from the one before."""
    groups: list[Kelompok] = []
    counted = 0
    for row in rows:
        if row.kelompok or not groups:
            groups.append(Kelompok(row.kelompok, counted, []))
        if not row.kelompok:
            groups[-1].baris.append(row)
            counted += 1
    return groups


def programme(event, items) -> dict:
    """What the susunan acara shows, as a document of its own or as the hari-H letter's lampiran."""
    acara = event.acara
    rows = []
    together = parallel_items(items)
    for index, item in enumerate(items):
        ruang = event.ruang_by_kode.get(item.ruang) if item.ruang else None
        waktu = indo.jam_angka(item.mulai) + (f"–{indo.jam_angka(item.selesai)}" if item.selesai else "–selesai")
        rows.append({"waktu": waktu, "acara": item.acara, "pengisi": item.pengisi or "-",
                     # an item without a room is held across the venue (a break, the Bursa rooms)
                     "tempat": ruang.nama if ruang else (item.ruang or acara.tempat.nama),
                     "bersamaan": [n + 1 for n in together.get(index, [])]})
    return {
        "judul": acara.nama,
        "hari_tanggal": indo.hari_tanggal(acara.tanggal),
        "tempat": f"{acara.tempat.nama}, {acara.tempat.alamat}",
        "zona": acara.zona_waktu,
        "baris": rows,
    }


def build_susunan(job) -> None:
    acara = job.acara  # an empty susunan_acara is refused by the gate (check/requirements.py)
    context = {**programme(job.event, job.sample(acara.susunan_acara)), "contoh": job.preview}
    rows = context["baris"]
    job.pdf(job.output_name("susunan-acara"), "susunan-acara.html", context,
            title=f"Susunan Acara {acara.nama}", what=f"susunan acara, {len(rows)} mata acara")


def parallel_items(items) -> dict[int, list[int]]:
    """For each item (by index), the other items running at the same time, to mark them parallel."""
    spans = [(_minutes(i.mulai), _minutes(i.selesai) if i.selesai else None) for i in items]
    out: dict[int, list[int]] = {}
    for a, (start_a, end_a) in enumerate(spans):
        for b, (start_b, end_b) in enumerate(spans):
            if a != b and end_a is not None and end_b is not None and start_a < end_b and start_b < end_a:
                out.setdefault(a, []).append(b)
    return out


def _minutes(value) -> int:
    return value.hour * 60 + value.minute


def build_daftar_hadir(job) -> None:
    acara = job.acara  # a meeting with nobody invited is refused by the gate (check/requirements.py)
    for m in chosen_meetings(job.event, job.options.rapat):
        rows = day_rows(job.event) if m.kode == HARI_H else meeting_rows(job.event, m.groups)
        rows = _sample_rows(job, rows)
        groups = grouped(rows)
        count = sum(len(g.baris) for g in groups)
        context = {
            "judul": m.hal.removeprefix("Undangan ").strip(),
            "acara_rapat": m.acara,
            "hari_tanggal": indo.hari_tanggal(m.tanggal),
            "waktu": indo.waktu(m.mulai, m.selesai, acara.zona_waktu),
            "tempat": m.tempat,
            "kelompok": groups,
            "jumlah": count,
            "kosong": 0 if job.preview else BLANK_ROWS,
            # The SPJ wants the sheet on the Dinas's kop, signed by the official who invited.
            "penanda_tangan": job.signatory(acara.penyelenggara.kepala),
            "tempat_ttd": acara.wilayah.ibu_kota,
            "tanggal_ttd": m.tanggal,
            "contoh": job.preview,
        }
        job.pdf(job.output_name(f"daftar-hadir-{m.kode}"), "daftar-hadir.html", context,
                title=f"Daftar Hadir {context['judul']}",
                what=f"daftar hadir {m.kode}, {count} nama dan {context['kosong']} baris kosong",
                split="kelompok", numbered=True)


def meeting_rows(event, groups: list[str]) -> list[Baris]:
    """One row per invited person; an office invited without a name gets a row to fill in.

    Why "atau yang mewakili": the letter asks an office to send a delegate, so the
    sheet must not pre-print the head's office over someone else's signature.
    """
    out = []
    for p in recipients(event, groups):
        if p.nama:
            jabatan = p.baris[0] if p.baris else p.jabatan
            out.append(Baris(p.nama, jabatan.strip("()")))
        else:
            office = (f"{p.jabatan}, {p.instansi}" if p.instansi and p.instansi not in p.jabatan
                      else p.jabatan or p.yth)
            out.append(Baris("", f"{office} atau yang mewakili"))
    return out


def day_rows(event) -> list[Baris]:
    """The participants of the day, grouped by kecamatan and village, then the other guests."""
    order = {"kepala-desa": 0, "ketua-bpd": 1, "perangkat-desa": 2}
    by_kecamatan: dict[str, list] = {}
    others = []
    for p in event.peserta:
        if p.konfirmasi == "tidak":
            continue
        if p.desa and p.desa in event.desa_by_kode:
            by_kecamatan.setdefault(event.kecamatan_of_desa(p.desa), []).append(p)
        else:
            others.append(p)
    out: list[Baris] = []
    for kecamatan in sorted(by_kecamatan):
        out.append(Baris("", "", kelompok=f"Kecamatan {kecamatan}"))
        people = sorted(by_kecamatan[kecamatan],
                        key=lambda p: (event.desa_by_kode[p.desa].nama, order.get(p.peran, 9), p.nama))
        for p in people:
            role = p.jabatan or role_label(p)
            out.append(Baris(p.nama, f"{role} {event.desa_by_kode[p.desa].nama}"))
    if others:
        out.append(Baris("", "", kelompok="Undangan lain"))
        for p in others:
            out.append(Baris(p.nama, ", ".join(x for x in (p.jabatan or role_label(p), p.instansi) if x)))
    return out


def _sample_rows(job, rows: list[Baris]) -> list[Baris]:
    """Under --contoh N: the first N people (with their group headings)."""
    if job.options.contoh is None:
        return rows
    out, people = [], 0
    for row in rows:
        if not row.kelompok:
            if people == job.options.contoh:
                break
            people += 1
        out.append(row)
    return out
