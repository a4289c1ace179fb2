"""The recap as a PDF report for the Bupati (`bursa rekap --format pdf`, `bursa cetak rekap`).

The numbers and charts come from `recap` (`build_recap`, `report.charts`);
this module only queues the PDF, so the report is printed by the same pipeline
as every other document.
"""

from __future__ import annotations

from dataclasses import replace

from ..recap.build import bidang_short, build_recap
from ..recap.report import COLORS, TEMPLATE, charts
from .env import HURUF

LONG_LISTS = ("inovasi", "p2ktd", "ide", "tanpa_komitmen", "desa")  # one row per item: cut by --contoh


def build(job) -> None:
    """Queue `rekap/rekap.pdf`: the recap of the villages (optionally some kecamatan or one bidang).

    Under `--contoh N` each long list (innovations, P2KTD follow-ups, Kartu Ide, villages without a
    commitment, the per-village annex) shows its first N rows; the summary, the tables per bidang
    and per kecamatan and the charts still count every village.
    """
    event, options = job.event, job.options
    recap = build_recap(event, kecamatan=options.kecamatan or None, bidang=options.bidang,
                        event_day_only=options.hanya_hari_acara)
    grafik = charts(recap, font=HURUF[event.acara.dokumen.huruf])
    if job.preview:
        recap = replace(recap, **{name: job.sample(getattr(recap, name)) for name in LONG_LISTS})
    context = {"rekap": recap, "grafik": grafik, "contoh": job.preview, "contoh_baris": options.contoh,
               "bidang_singkat": bidang_short, "warna": COLORS, "penanda": job.signatory(event.acara.penyelenggara.kepala)}
    job.pdf(job.output_name("rekap/rekap"), TEMPLATE, context, f"Rekap {recap.nama_acara}",
            f"rekap {recap.ringkasan.komitmen} komitmen: ringkasan, grafik dan tabel")
