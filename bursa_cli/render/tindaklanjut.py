"""The follow-up report for the Bupati and the ministry (`bursa rekap tindak-lanjut --format pdf`,
`bursa cetak tindak-lanjut`): "Laporan Tindak Lanjut Komitmen Replikasi Inovasi Desa".

The numbers come from `recap.followup`, the charts from `recap.followup_report`;
this module only queues the PDF through the pipeline of every document. Further
event folders (`Options.folder_lain`) join the same tables, under the kop and
signature of the event it is printed from.
"""

from __future__ import annotations

from dataclasses import replace

from ..check.followup import check_followup
from ..recap import followup_of, load_for_followup
from ..recap.followup import build_followup
from ..recap.followup_report import STACK_ORDER, STATE_COLORS, TEMPLATE, charts, funnel_rows
from ..recap.followup_tables import state_label
from ..schema.followup import SUMBER_LABEL, SUMBER_ORDER
from .env import HURUF

LONG_LISTS = ("inovasi", "batal", "lewat_tahun", "langkah")


def build(job) -> None:
    """Queue `rekap/tindak-lanjut.pdf`, signed by the Kepala Dinas."""
    event, options = job.event, job.options
    job.problems.extend(p for p in check_followup(event) if p.is_error)
    if job.problems:
        return
    states = [followup_of(event)] + [followup_of(load_for_followup(folder)) for folder in options.folder_lain]
    recap = build_followup(states, options.per or job.today)
    grafik = charts(recap, font=HURUF[event.acara.dokumen.huruf])
    corong = funnel_rows(recap.ringkasan)
    if job.preview:
        recap = replace(recap, **{name: job.sample(getattr(recap, name)) for name in LONG_LISTS})
    context = {"tl": recap, "grafik": grafik, "corong": corong, "contoh": job.preview, "contoh_baris": options.contoh,
               "warna": STATE_COLORS, "urutan": STACK_ORDER, "label_tahap": state_label,
               "sumber": [(key, SUMBER_LABEL[key]) for key in SUMBER_ORDER],
               "penanda": event.acara.penyelenggara.kepala}
    job.pdf(job.output_name("rekap/tindak-lanjut"), TEMPLATE, context,
            "Laporan Tindak Lanjut Komitmen Replikasi Inovasi Desa",
            f"tindak lanjut {recap.ringkasan.komitmen} komitmen: corong, grafik dan tabel")
