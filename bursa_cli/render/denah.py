"""`bursa cetak denah`: the venue floor plan (poster paper) and the Ruang Pleno seat list (A4).

Two files, so that each prints on its own paper: the plan goes on the wall,
the seat list to the registration desk.
"""

from __future__ import annotations

from .floorplan import draw_floorplan
from ..seating import origin_lines, plan_seating, role_label


def build(job) -> None:
    """The floor plan (landscape, poster paper, with the banner list) and the seat list (A4 portrait)."""
    plan = plan_seating(job.event)  # rooms too small for everyone coming: refused by the gate
    event = job.event
    rows = []
    for group, members in plan.groups():
        for item in job.sample(members):
            person = item.peserta
            rows.append({"group": group, "kursi": item.seat.label, "nama": person.nama,
                         "peran": role_label(person),
                         "asal": ", ".join(origin_lines(event, item)[:2 if item.official else 1])})
    kertas = job.acara.dokumen.kertas_poster
    spanduk = job.acara.tempat.spanduk
    job.pdf(job.output_name("denah"), "denah.html",
            {"svg": draw_floorplan(event, plan), "kertas": kertas, "spanduk": spanduk, "contoh": job.preview},
            title=f"Denah - {job.acara.nama}",
            what=f"denah {kertas} mendatar dan {len(spanduk)} spanduk")
    job.pdf(job.output_name("tempat-duduk"), "tempat-duduk.html",
            {"plan": plan, "rows": rows, "contoh": job.preview},
            title=f"Daftar tempat duduk - {job.acara.nama}",
            what=f"daftar tempat duduk A4, {len(plan.seated)} peserta")
