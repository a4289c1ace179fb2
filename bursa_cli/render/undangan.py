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
from ..errors import UsageError
from .. import indo
from ..penerima import HARI_H, Penerima, Pertemuan, head_title, meetings, recipients
from .surat import note_kop, open_register


def chosen_meetings(job) -> list[Pertemuan]:
    """Every meeting, or only the one `--rapat` names (an unknown name stops the run)."""
    found = meetings(job.event)
    if not job.options.rapat:
        return found
    chosen = [m for m in found if m.kode == job.options.rapat]
    if not chosen:
        raise UsageError(f"Rapat '{job.options.rapat}' tidak ada (atau tahapannya tanpa blok rapat). "
                         f"Pilihan --rapat: {', '.join(m.kode for m in found)}.")
    return chosen


def build(job) -> None:
    event, acara = job.event, job.acara
    chosen = chosen_meetings(job)
    note_kop(job)  # the signer, the emblem file and the number pattern are check rules (check/requirements.py)
    register = open_register(job)
    signer = acara.penyelenggara.kepala
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
        if m.kode == HARI_H and acara.susunan_acara:
            job.notes.append("Surat hari-H menyebut susunan acara sebagai lampiran: cetak "
                             "`bursa cetak susunan-acara` dan sertakan selembar pada setiap surat.")
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
    return {
        "surat": {
            "nomor": issued.nomor,
            "tanggal": issued.tanggal,
            "tempat": acara.wilayah.ibu_kota,
            "sifat": "Penting",
            # The day's letter carries the susunan acara (bursa cetak susunan-acara) as its attachment.
            "lampiran": "1 (satu) lembar susunan acara" if village_day and acara.susunan_acara else "-",
            "hal": m.hal,
        },
        "rapat": {
            "kode": m.kode,
            "hari_tanggal": indo.hari_tanggal(m.tanggal),
            "waktu": indo.waktu(m.mulai, m.selesai, acara.zona_waktu),
            "tempat": m.tempat,
            "acara": m.acara + ("; susunan acara terlampir" if village_day and acara.susunan_acara else ""),
        },
        "pembuka": opening(acara, m),
        "catatan": notes_by_group(village_day),
        "penutup": ("Mengingat pentingnya acara tersebut, kami mohon Bapak/Ibu/Saudara hadir tepat waktu. "
                    "Atas perhatian dan kehadirannya, kami ucapkan terima kasih."),
        "penerima": people,
        "penanda_tangan": signer,
        "tembusan": tembusan,
        "contoh": job.preview,
    }


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
