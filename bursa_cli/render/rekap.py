"""The recap as a PDF report for the Bupati (`bursa rekap --format pdf`, `bursa cetak rekap`).

The numbers and charts come from `recap` (`build_recap`, `report.charts`);
this module only queues the PDF, so the report is printed by the same pipeline
as every other document.
"""

from __future__ import annotations

from ..recap.build import bidang_short, build_recap
from ..recap.report import COLORS, TEMPLATE, charts
from .env import HURUF


def build(job) -> None:
    """Queue `rekap/rekap.pdf`: the recap of the villages (optionally some kecamatan or one bidang)."""
    event, options = job.event, job.options
    recap = build_recap(event, kecamatan=options.kecamatan or None, bidang=options.bidang)
    context = {"rekap": recap, "grafik": charts(recap, font=HURUF[event.acara.dokumen.huruf]),
               "bidang_singkat": bidang_short, "warna": COLORS, "penanda": event.acara.penyelenggara.kepala}
    job.pdf(job.output_name("rekap/rekap"), TEMPLATE, context, f"Rekap {recap.nama_acara}",
            f"rekap {recap.ringkasan.komitmen} komitmen: ringkasan, grafik dan tabel")
