"""`bursa cetak denah`: the venue floor plan (poster paper) and the Ruang Pleno seat list (A4).

Two files, so that each prints on its own paper: the plan goes on the wall,
the seat list to the registration desk.
"""

from __future__ import annotations

from .floorplan import draw_floorplan
from .poster import output_name
from ..seating import check_seating, origin_lines, plan_seating, role_label


def seat_problems(job) -> None:
    """Stop when the seat plan cannot hold everyone coming (the same problem `bursa validasi` shows)."""
    for problem in check_seating(job.event):
        if problem.is_error:
            job.problems.append(problem)


def build(job) -> None:
    """The floor plan (landscape, poster paper, with the banner list) and the seat list (A4 portrait)."""
    seat_problems(job)
    if job.problems:
        return
    event = job.event
    plan = plan_seating(event)
    rows = []
    for group, members in plan.groups():
        for item in job.sample(members):
            person = item.peserta
            rows.append({"group": group, "kursi": item.seat.label, "nama": person.nama,
                         "peran": role_label(person),
                         "asal": ", ".join(origin_lines(event, item)[:2 if item.official else 1])})
    kertas = job.acara.dokumen.kertas_poster
    spanduk = job.acara.tempat.spanduk
    job.pdf(output_name(job, "denah"), "denah.html",
            {"svg": draw_floorplan(event, plan), "kertas": kertas, "spanduk": spanduk, "contoh": job.preview},
            title=f"Denah - {job.acara.nama}",
            what=f"denah {kertas} mendatar dan {len(spanduk)} spanduk")
    job.pdf(output_name(job, "tempat-duduk"), "tempat-duduk.html",
            {"plan": plan, "rows": rows, "contoh": job.preview},
            title=f"Daftar tempat duduk - {job.acara.nama}",
            what=f"daftar tempat duduk A4, {len(plan.seated)} peserta")
