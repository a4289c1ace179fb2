"""`bursa cetak undangan`: invitation letters for each meeting and for the day.

One letter per addressee in one PDF per meeting, one editable master letter
(DOCX, "Yth. Daftar Terlampir") that does not grow with the addressees, and a
distribution list (PDF to sign on delivery, CSV for a
spreadsheet). A meeting's letter has ONE number (the same letter goes to every
addressee, as offices do), taken from the register and reused on reprint.
"""

from __future__ import annotations

import csv
import io

from ..cells import csv_cell
from .. import indo
from ..penerima import HARI_H, Penerima, Pertemuan, chosen_meetings, head_title, recipients
from .hari import programme
from .surat import note_kop, open_register


def build(job) -> None:
    event, acara = job.event, job.acara
    chosen = chosen_meetings(event, job.options.rapat)
    note_kop(job)  # the signer, the emblem file and the number pattern are check rules (check/requirements.py)
    register = open_register(job)
    signer = job.signatory(acara.penyelenggara.kepala)
    default_tembusan = [f"{head_title(acara.wilayah.nama)} (sebagai laporan)"]
    for m in chosen:
        people = recipients(event, m.groups)  # nobody to invite: refused by the gate
        issued = register.number(f"undangan/{m.kode}", acara.penomoran.klasifikasi_undangan,
                                 job.today, m.hal)
        if issued.tanggal > m.tanggal:
            job.notes.append(f"Undangan {m.kode} bertanggal {indo.tanggal(issued.tanggal)}, "
                             f"sesudah rapatnya ({indo.tanggal(m.tanggal)}).")
        shown = job.sample(people)
        context = letter_context(job, m, issued, shown, signer, m.tembusan or default_tembusan)
        stem = f"undangan-{m.kode}"
        if context["lampiran"]:
            count_lampiran(job, context)
        job.pdf(job.output_name(stem), "undangan.html", context, title=f"{m.hal} ({issued.nomor})",
                what=f"{len(shown)} surat undangan {m.kode}, nomor {issued.nomor}", split="penerima")
        job.pdf(job.output_name(stem, "-distribusi.pdf"), "distribusi.html", context,
                title=f"Daftar distribusi {m.hal}", what=f"daftar distribusi ({len(shown)} penerima)")
        job.file(job.output_name(stem, "-distribusi.csv"), lambda c=context: distribution_csv(c),
                 "daftar distribusi (CSV)")
        job.file(job.output_name(stem, ".docx"), lambda c=context: docx_bytes(job, c),
                 "surat induk yang dapat disunting (DOCX); penerimanya di daftar distribusi")


def letter_context(job, m: Pertemuan, issued, people: list[Penerima], signer, tembusan) -> dict:
    acara = job.acara
    village_day = m.kode == HARI_H
    attached = village_day and "susunan-acara" in acara.dokumen.lampiran_undangan and bool(acara.susunan_acara)
    return {
        "surat": {
            "nomor": issued.nomor,
            "tanggal": issued.tanggal,
            "tempat": acara.wilayah.ibu_kota,
            "sifat": "Penting",
            "lampiran": "-",  # the day's letter: its pages counted by `count_lampiran`
            "hal": m.hal,
        },
        "rapat": {
            "kode": m.kode,
            "hari_tanggal": indo.hari_tanggal(m.tanggal),
            "waktu": indo.waktu(m.mulai, m.selesai, acara.zona_waktu),
            "tempat": m.tempat,
            "acara": m.acara + ("; susunan acara terlampir" if attached else ""),
        },
        "pembuka": opening(acara, m),
        "catatan": notes_by_group(village_day),
        "penutup": ("Mengingat pentingnya acara tersebut, kami mohon Bapak/Ibu/Saudara hadir tepat waktu. "
                    "Atas perhatian dan kehadirannya, kami ucapkan terima kasih."),
        "penerima": people,
        # The day's letter carries the susunan acara on the pages after it (dokumen.lampiran_undangan).
        # A lampiran is signed as its letter is.
        "lampiran": {"pejabat": lampiran_office(acara, signer), "penanda_tangan": signer,
                     "susunan": programme(job.event, acara.susunan_acara)} if attached else None,
        "penanda_tangan": signer,
        "tembusan": tembusan,
        "contoh": job.preview,
    }


def lampiran_office(acara, signer) -> str:
    """Whose letter the lampiran belongs to: the office signed for ("a.n."), with the region."""
    office = signer.atas_nama if signer.status == "an" and signer.atas_nama else signer.jabatan
    region = acara.wilayah.nama
    return (office if region.lower() in office.lower() else f"{office} {region}").upper()


def count_lampiran(job, context: dict) -> None:
    """'Lampiran: 1 (satu) lembar susunan acara', counted from the laid-out pages.

    Why lay it out: the programme may run to a second page, and a letter that
    says "1 (satu) lembar" over two is corrected by hand at the post desk.
    """
    renderer = job.renderer
    one = {**context, "penerima": context["penerima"][:1]}

    def pages(lampiran) -> int:
        return len(renderer.document(renderer.html("undangan.html", {**one, "lampiran": lampiran}, "")).pages)

    lembar = pages(context["lampiran"]) - pages(None)
    context["surat"]["lampiran"] = f"{lembar} ({indo.terbilang(lembar)}) lembar susunan acara"


def notes_by_group(village_day: bool) -> dict[str, str]:
    """An extra paragraph for some groups of addressees."""
    notes = {"opd": "Apabila Bapak/Ibu/Saudara berhalangan hadir, mohon menugaskan pejabat yang membidangi."}
    if village_day:
        together = ("Kepala Desa dan Ketua BPD dimohon hadir bersama, karena Kartu Komitmen desa "
                    "ditandatangani oleh keduanya.")
        notes.update({"kepala-desa": together, "ketua-bpd": together})
    return notes


def opening(acara, m: Pertemuan) -> str:
    dinas = indo.judul(acara.penyelenggara.nama, [acara.penyelenggara.singkatan])
    if m.kode == HARI_H:
        return (f"Dalam rangka pelaksanaan Program Inovasi Desa, {dinas} {acara.wilayah.nama} "
                f"menyelenggarakan {acara.nama}. Sehubungan dengan hal tersebut, dengan hormat kami "
                "mengundang Bapak/Ibu/Saudara untuk hadir pada:")
    return (f"Dalam rangka persiapan {acara.nama}, dengan hormat kami mengundang Bapak/Ibu/Saudara "
            "untuk hadir pada:")


def distribution_csv(context: dict) -> str:
    """The distribution list as CSV (semicolons, as Indonesian Excel expects)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["No", "Nomor Surat", "Kepada", "Alamat", "Kelompok", "Jabatan", "Instansi/Desa"])
    for index, p in enumerate(context["penerima"], 1):
        writer.writerow([index] + [csv_cell(v) for v in (context["surat"]["nomor"], p.yth, ", ".join(p.baris),
                                                         p.kelompok_label, p.jabatan, p.instansi)])
    return "\ufeff" + out.getvalue()  # BOM: Excel then reads the file as UTF-8


def docx_bytes(job, context: dict) -> bytes:
    from .docx import letters_docx

    return letters_docx(job, context)
