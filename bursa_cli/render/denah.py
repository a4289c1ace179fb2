"""`bursa cetak denah`: the venue floor plan, then the seat list of the Ruang Pleno."""

from __future__ import annotations

from .floorplan import draw_floorplan
from .poster import output_name
from .seating import check_seating, origin_lines, plan_seating, role_label


def seat_problems(job) -> None:
    """Stop when the seat plan cannot hold everyone coming (the same problem `bursa validasi` shows)."""
    for problem in check_seating(job.event):
        if problem.is_error:
            job.problems.append(problem)


def build(job) -> None:
    """The floor plan (landscape, poster paper) and the seat list (A4 portrait)."""
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
            {"svg": draw_floorplan(event, plan), "plan": plan, "rows": rows, "kertas": kertas,
             "spanduk": spanduk, "contoh": job.preview},
            title=f"Denah dan tempat duduk - {job.acara.nama}",
            what=f"denah {kertas} mendatar dan daftar tempat duduk {len(plan.seated)} peserta")
